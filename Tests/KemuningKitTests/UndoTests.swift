import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// `undo` and `redo`: every mutating command can be taken back and made again, as journaled changes.
@Suite("Undo and redo")
struct UndoTests {
    final class Log { var messages: [String] = []; var errors: [String] = [] }

    func session(_ store: StoreBackend = MemoryStore()) -> (Session, Log) {
        let s = Session(backend: store)
        s.settings.today = Day(year: 2026, month: 11, day: 2)
        s.settings.operatorName = "tester"
        let log = Log()
        s.emit = { e in
            switch e {
            case .output(let o): if case .message(let m) = o.body { log.messages.append(m.english) }
            case .diagnostic(let d): log.errors.append(d.error.message.english)
            default: break
            }
        }
        return (s, log)
    }

    func run(_ s: Session, _ text: String) { try? s.run(text: text, source: Source(name: "t")) }

    let setup = """
        vacancy add --title Analis --unit Bappeda --seats 1 --education S1
        vacancy announce V1 --channel portal
        applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1
        apply A1 V1 --source portal
        """

    @Test func undoTakesBackEachKindOfChangeAndRedoMakesItAgain() throws {
        let (s, log) = session()
        run(s, setup)
        let full = try s.state()
        run(s, "undo")
        #expect(try s.state().applications.isEmpty)
        run(s, "undo 2")
        #expect(try s.state().applicants.isEmpty)
        #expect(try s.state().vacancy("V1")?.state == .draft)
        run(s, "redo 2")
        #expect(try s.state().vacancy("V1")?.state == .announced)
        #expect(try s.state().applicant("A1")?.name == "Budi")
        run(s, "redo")
        let again = try s.state()
        #expect(again.applications == full.applications)
        #expect(again.vacancies == full.vacancies)
        #expect(again.applicants == full.applicants)
        #expect(log.messages.contains("undid: apply A1 V1 --source portal"))
        #expect(log.messages.contains("undid: applicant add --nik 3201**********01 --name Budi --born 1995-01-01 --education S1\nundid: vacancy announce V1 --channel portal"))
        #expect(log.errors.isEmpty, "\(log.errors)")
    }

    @Test func redoRecordsTheCommandsAuditEntriesAgain() throws {
        let (s, log) = session()
        run(s, "vacancy add --title Analis --unit Bappeda --seats 1\nundo\nredo")
        let trail = try s.state().audit.map { "\($0.seq) \($0.entity) \($0.action)" }
        #expect(trail == ["1 V1 opened in draft", "2 V1 undo of: vacancy add --title Analis --unit Bappeda --seats 1", "3 V1 opened in draft"])
        #expect(log.errors.isEmpty, "\(log.errors)")
    }

    @Test func undoneIdsAreHandedOutAgain() throws {
        let (s, _) = session()
        run(s, "vacancy add --title A --unit U --seats 1\nvacancy add --title B --unit U --seats 1\nundo\nlet v = vacancy add --title C --unit U --seats 1")
        #expect(s.variables["v"] == "V2")
        #expect(try s.state().vacancies.map(\.title) == ["A", "C"])
    }

    @Test func aNewChangeClearsRedoAndNothingLeftIsAnError() throws {
        let (s, log) = session()
        run(s, "vacancy add --title A --unit U --seats 1\nundo\nvacancy add --title B --unit U --seats 1")
        run(s, "redo")
        #expect(log.errors == ["nothing to redo"])
        run(s, "undo 5")
        #expect(try s.state().vacancies.isEmpty)
        run(s, "undo")
        #expect(log.errors.last == "nothing to undo")
    }

    @Test func aBatchIsUndoneWhole() throws {
        // Hiring adds an employee and changes the application in one change.
        let (s, _) = session()
        run(s, """
            vacancy add --title Analis --unit Bappeda --seats 1 --education S1 --quota-factor 1
            vacancy announce V1 --channel portal --closes 2026-11-05
            applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1
            apply A1 V1
            set today 2026-11-06
            vacancy advance V1
            screen P1 --pass
            set today 2026-11-10
            vacancy advance V1
            skd P1 --twk 90 --tiu 100 --tkp 180
            vacancy advance V1
            skb P1 --cat 400 --practical 80
            vacancy advance V1
            hire P1
            """)
        #expect(try s.state().employees.count == 1)
        #expect(try s.state().application("P1")?.hired == "E1")
        run(s, "undo")
        #expect(try s.state().employees.isEmpty)
        #expect(try s.state().application("P1")?.hired == nil)
        #expect(try s.state().nextId("E") == "E1")
        run(s, "redo")
        #expect(try s.state().employee("E1")?.name == "Budi")
    }

    @Test func undoIsJournaledSoReopeningKeepsIt() throws {
        let dir = makeTemporaryFolder("undo")
        defer { removeTemporaryFolder(dir) }
        let store = FileStore(directory: dir + "/store", policy: .always)
        let (s, _) = session(store)
        run(s, setup + "\nundo 2")
        try s.close()
        let (t, _) = session(FileStore(directory: dir + "/store", policy: .always))
        #expect(try t.state().applicants.isEmpty)
        #expect(try t.state().applications.isEmpty)
        #expect(try t.state().vacancy("V1")?.state == .announced)
        // The trail says what was undone.
        #expect(try t.state().auditEntries(of: "A1").last?.action.hasPrefix("undo of: applicant add") == true)
        try t.close()
    }

    @Test func undoReachesBackTheLastThousandCommands() throws {
        let (s, log) = session()
        run(s, (1...2_100).map { "workload task --position P --task T\($0) --volume 1 --minutes 1" }.joined(separator: "\n"))
        #expect(try s.state().recordCount("workload") == 2_100)
        run(s, "undo 1500")
        #expect(try s.state().recordCount("workload") == 1_100)
        #expect(log.messages.last?.split(separator: "\n").count == 1_000)
    }

    @Test func policiesAndTableRecordsUndoToo() throws {
        let (s, _) = session()
        run(s, "policy set mentor-capacity 5\nworkload task --position P --task T --volume 10 --minutes 5\nundo 2")
        #expect(try s.state().policy(.mentorCapacity) == "3")
        #expect(try s.state().recordCount("workload") == 0)
    }
}

#if canImport(Glibc)
import Glibc
#endif
