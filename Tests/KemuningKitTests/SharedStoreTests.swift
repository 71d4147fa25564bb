import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The ledger and the interpreter on a store several sessions write at once, with an in-memory
/// stand-in for PostgreSQL: one change log, one write lock, and a session per operator. What is
/// checked is the protocol, so it runs everywhere; the PostgreSQL store itself is tested
/// against a real server in the transcript tests.
@Suite("A store several sessions share")
struct SharedStoreTests {
    /// The change log and the lock all sessions share, as the server holds them.
    final class Log {
        struct Row { var seq: Int; var line: [UInt8]; var by: String; var command: String }
        var rows: [Row] = []
        var lockedBy: String?
        /// Runs just before a session takes the lock: another session's commit in that moment.
        var beforeLock: (() -> Void)?
    }

    /// One session's connection to the shared log.
    final class Backend: SharedStoreBackend {
        let log: Log
        let user: String
        private var pending: [Log.Row]?
        private var command = ""
        init(_ log: Log, user: String) {
            self.log = log
            self.user = user
        }

        var location: String { "(shared)" }
        var readOnlyReason: Message? { nil }
        func rows(after seq: Int) throws -> [ForeignChange] {
            try log.rows.filter { $0.seq > seq }.map { row in
                let read = try row.line.withUnsafeBufferPointer { try JournalEntry.read(line: $0) }
                return ForeignChange(seq: row.seq, changeset: read.changeset, by: row.by, at: "2026-11-16 10:04", command: row.command)
            }
        }
        func load() throws -> LoadedState {
            var state = State()
            for change in try rows(after: 0) { try state.apply(change.changeset, seq: change.seq) }
            return LoadedState(state: state, warnings: [])
        }
        func tail(after seq: Int) throws -> StoreTail { StoreTail(changes: try rows(after: seq)) }
        func beginWrite(after seq: Int) throws -> StoreTail {
            let race = log.beforeLock
            log.beforeLock = nil
            race?()
            precondition(log.lockedBy == nil, "the write lock is held by \(log.lockedBy!)")
            log.lockedBy = user
            pending = []
            return try tail(after: seq)
        }
        func commitWrite() throws {
            log.rows += pending ?? []
            pending = nil
            log.lockedBy = nil
        }
        func abortWrite() {
            pending = nil
            log.lockedBy = nil
        }
        func sessionUser() throws -> String { user }
        func setCommandText(_ text: String) { command = text }
        func append(_ entry: JournalEntry, seq: Int) throws {
            precondition(pending != nil, "a change outside the command's transaction")
            pending!.append(Log.Row(seq: seq, line: Array(entry.line(seq: seq).dropLast()), by: user, command: command))
        }
        func wantsCheckpoint(_ state: State) -> Bool { false }
        var hasUnfoldedChanges: Bool { false }
        func checkpoint(_ state: State) throws {}
        func sync() throws {}
        func close(_ state: State?) throws {}
        func readUndoLog() -> [UInt8] { [] }
        func appendUndoLog(_ bytes: [UInt8]) throws {}
        func saveNamed(_ name: String, _ state: State) throws {}
        func loadNamed(_ name: String) throws -> State { State() }
        func listNamed() throws -> [NamedSnapshot] { [] }
        func deleteNamed(_ name: String) throws {}
        func info() -> [(String, JSON)] { [] }
        func check() -> [CheckFinding] { [] }
    }

    /// A session of one operator, and what it showed.
    final class Operator {
        let session: Session
        var messages: [String] = []
        var errors: [KemuningError] = []
        init(_ log: Log, _ user: String) {
            session = Session(backend: Backend(log, user: user))
            session.settings.today = Day(year: 2026, month: 11, day: 16)
            session.settings.keepGoing = true
            session.emit = { [unowned self] e in
                switch e {
                case .output(let o): if case .message(let m) = o.body { self.messages.append(m.english) }
                case .diagnostic(let d): self.errors.append(d.error)
                default: break
                }
            }
        }
        func run(_ text: String) {
            messages = []
            errors = []
            try? session.run(text: text, source: Source(name: "t"))
        }
        var state: State { get throws { try session.state() } }
    }

    let log = Log()

    /// A round in screening with three applications, made by rina.
    func round() -> (Operator, Operator) {
        let rina = Operator(log, "rina"), budi = Operator(log, "budi")
        rina.run("""
            set today 2026-11-02
            vacancy add --title Analis --unit Bappeda --seats 1 --education S1
            vacancy announce V1 --channel portal --opens 2026-11-02 --closes 2026-11-15
            applicant add --nik 3201010101900001 --name Sukmawati --born 1996-04-12 --education S1 --gpa 3.62
            applicant add --nik 3201010101900002 --name Budi --born 1994-11-02 --education S1 --gpa 3.40
            apply A1 V1 --source portal
            apply A2 V1 --source portal
            set today 2026-11-16
            vacancy advance V1
            """)
        #expect(rina.errors.isEmpty, "\(rina.errors)")
        return (rina, budi)
    }

    @Test func eachSessionSeesTheOthersChangesBeforeItsNextCommand() throws {
        let (rina, budi) = round()
        budi.run("vacancy list")
        #expect(try budi.state.vacancies.map(\.id) == ["V1"])
        rina.run("applicant add --nik 3201010101900003 --name Ayu --born 2000-02-29 --education S1")
        // Budi loaded before Rina's applicant; his next command, a read, shows it.
        budi.run("applicant list")
        #expect(try budi.state.applicants.map(\.id) == ["A1", "A2", "A3"])
    }

    @Test func idsStayDenseWhenTwoSessionsAddAtOnce() throws {
        let (rina, budi) = round()
        budi.run("vacancy list")
        // Rina commits in the moment between Budi's read of the log and his lock.
        log.beforeLock = {
            rina.run("applicant add --nik 3201010101900003 --name Ayu --born 2000-02-29 --education S1")
        }
        budi.run("applicant add --nik 3201010101900004 --name Dewi --born 1998-07-21 --education S1")
        #expect(budi.errors.isEmpty, "\(budi.errors)")
        #expect(try budi.state.applicants.map(\.id) == ["A1", "A2", "A3", "A4"])
        #expect(log.rows.map(\.seq) == Array(1...log.rows.count))
        #expect(log.lockedBy == nil)
    }

    @Test func aDecisionAnotherOperatorTookFirstIsRefusedNamingThem() throws {
        let (rina, budi) = round()
        budi.run("vacancy list")
        rina.run("screen P1 --pass")
        #expect(rina.errors.isEmpty)
        let before = log.rows.count
        budi.run("screen P1 --fail --reason \"ijazah belum dilegalisir\"")
        #expect(budi.errors.count == 1)
        let e = try #require(budi.errors.first)
        #expect(e.message.english.contains("P1 was screened on 2026-11-16"), "\(e.message.english)")
        #expect(e.hint?.english.contains("P1 was changed by rina at 2026-11-16 10:04 ('screen P1 --pass'") == true, "\(String(describing: e.hint?.english))")
        #expect(log.rows.count == before, "the refused command committed nothing")
        #expect(log.lockedBy == nil, "the lock is released after a refusal")
        #expect(try budi.state.application("P1")?.screenedPass == true)
    }

    @Test func twoOperatorsRecordingSKDForOneApplicationOneWins() throws {
        let (rina, budi) = round()
        rina.run("screen P1 --pass\nscreen P2 --pass\nset today 2026-11-20\nvacancy advance V1")
        #expect(rina.errors.isEmpty, "\(rina.errors)")
        budi.run("set today 2026-11-25")
        rina.run("set today 2026-11-25\nskd P1 --twk 100 --tiu 120 --tkp 180")
        budi.run("skd P1 --twk 90 --tiu 110 --tkp 170")
        #expect(rina.errors.isEmpty)
        #expect(budi.errors.map(\.message.english) == ["P1 has its SKD result already (SKD 400, 2026-11-25): a recorded result changes only as a correction"])
        #expect(try budi.state.application("P1")?.skd?.score?.total == 400)
        // A correction is said so, and stands.
        budi.run("skd P1 --twk 90 --tiu 110 --tkp 170 --correct")
        #expect(budi.errors.isEmpty, "\(budi.errors)")
        rina.run("application show P1")
        #expect(try rina.state.application("P1")?.skd?.score?.total == 370)
    }

    @Test func theAuditTrailNamesTheSessionsUserAndNoSettingChangesIt() throws {
        let (rina, budi) = round()
        budi.run("set operator rina")
        #expect(budi.errors.first?.message.english.hasPrefix("on a PostgreSQL store the operator is the database role") == true)
        budi.run("screen P2 --pass")
        #expect(try budi.state.auditEntries(of: "P2").last?.by == "budi")
        #expect(try rina.state.auditEntries(of: "V1").first?.by == "rina")
    }

    @Test func anUndoDoesNotTakeBackWhatAnotherOperatorChangedSince() throws {
        let (rina, budi) = round()
        rina.run("screen P1 --pass")
        budi.run("applicant set A1 --gpa 3.70")
        #expect(budi.errors.isEmpty, "\(budi.errors)")
        // Rina's screening touched P1 only: it can still be undone, and so can her commands
        // after the one that made A1. Budi changed A1 since: from there on, nothing of hers is
        // taken back by replaying its inverse over his change.
        rina.run("undo 20")
        #expect(rina.errors.isEmpty, "\(rina.errors)")
        #expect(rina.messages.first?.split(separator: "\n").count == 5, "\(rina.messages)")
        #expect(try rina.state.applications.isEmpty)
        #expect(try rina.state.applicants.map(\.id) == ["A1"])
        #expect(try rina.state.applicant("A1")?.gpa?.description == "3.70")
        #expect(try rina.state.vacancy("V1") != nil)
    }
}
