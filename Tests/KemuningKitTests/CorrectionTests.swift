import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Corrections kept honest: an applicant's registration corrected with the checks of
/// `applicant add`, and a candidate's withdrawal, which takes the application out of every
/// later stage.
@Suite("Corrections: applicant set, application withdraw")
struct CorrectionTests {
    final class Log { var messages: [String] = []; var errors: [String] = [] }

    func session() -> (Session, Log) {
        let s = Session(backend: MemoryStore())
        s.settings.today = Day(year: 2026, month: 11, day: 2)
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

    let round = """
        vacancy add --title Analis --unit Bappeda --seats 1 --education S1
        vacancy announce V1 --channel portal --closes 2026-11-15
        applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1 --gpa 3.10
        applicant add --nik 3201234567890002 --name Sari --born 1996-01-01 --education S1 --gpa 3.40
        applicant add --nik 3201234567890003 --name Dewi --born 1997-01-01 --education S1 --gpa 3.20
        apply A1 V1
        apply A2 V1
        apply A3 V1
        """

    // MARK: applicant set

    @Test func aCorrectionIsCheckedAsARegistrationIs() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "applicant set A1 --name \"Budi Santoso\" --gpa 3.15")
        #expect(log.errors == [])
        let a = try #require(try s.state().applicant("A1"))
        #expect(a.name == "Budi Santoso" && a.gpa == ExactDecimal("3.15") && a.nik == "3201234567890001")
        // The same refusals as applicant add, at the flag.
        run(s, "applicant set A1 --gpa 4.01")
        #expect(log.errors.last == "--gpa for education S1 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 4.01")
        run(s, "applicant set A1 --nik 3201234567890002")
        #expect(log.errors.last == "NIK 3201**********02 is already registered, as applicant A2")
        run(s, "applicant set A1 --born 2026-11-02")
        #expect(log.errors.last == "--born 2026-11-02 is not before today (2026-11-02)")
        // A new education re-checks the GPA kept, on that education's scale: a school average
        // of 85.50 is no IPK.
        run(s, "applicant set A2 --education SMK --gpa 85.50")
        #expect(log.errors.count == 3)
        let a2 = try #require(try s.state().applicant("A2"))
        run(s, "applicant set A2 --education S1")
        #expect(log.errors.last == "--gpa for education S1 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 85.50", "\(log.errors)")
        #expect(try s.state().applicant("A2") == a2)
        #expect(try s.state().applicant("A1") == a)
        run(s, "applicant set A1")
        #expect(log.errors.last == "give what to correct: --nik, --name, --born, --education or --gpa")
    }

    @Test func aCorrectedNIKIsTheApplicantsFromThenOnAndTheOldOneIsFree() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "applicant set A1 --nik 3201234567890009")
        #expect(log.errors == [])
        #expect(try s.state().applicant(nik: "3201234567890009")?.id == "A1")
        #expect(try s.state().applicant(nik: "3201234567890001") == nil)
        run(s, "applicant add --nik 3201234567890001 --name Lain --born 1990-05-05")
        #expect(log.errors == [])
        // The audit trail keeps the change, masked; undo takes it back.
        run(s, "undo; undo")
        #expect(try s.state().applicant("A1")?.nik == "3201234567890001")
        #expect(try s.state().auditEntries(of: "A1").last?.action == "undo of: applicant set A1 --nik 3201**********09")
    }

    // MARK: application withdraw

    @Test func aWithdrawnApplicationNeedsNoScreeningAndTakesNoStage() throws {
        let (s, log) = session()
        run(s, round + "\nset today 2026-11-16\nvacancy advance V1\nscreen P1 --pass\nscreen P2 --pass")
        run(s, "application withdraw P3 --reason \"diterima bekerja di tempat lain\"")
        #expect(log.errors == [])
        // P3 has no result, and screening can end without it.
        run(s, "vacancy advance V1")
        #expect(log.errors == [])
        #expect(log.messages.last == "V1: screening → skd (2 of 2 passed screening)")
        run(s, "skd P3 --twk 100 --tiu 100 --tkp 180")
        #expect(log.errors.last == "P3 was withdrawn on 2026-11-16 (diterima bekerja di tempat lain): it takes part in no stage")
        run(s, "application withdraw P3 --reason lagi")
        #expect(log.errors.last == "P3 was withdrawn already, on 2026-11-16")
    }

    @Test(arguments: [("2026-11-16", nil), ("2026-11-02", nil), ("2026-11-17", "--date 2026-11-17 is after today (2026-11-16)"),
                      ("2026-11-01", "--date 2026-11-01 is before the application (2026-11-02)")] as [(String, String?)])
    func aWithdrawalsDayIsBetweenTheApplicationAndToday(_ date: String, _ error: String?) throws {
        let (s, log) = session()
        run(s, round + "\nset today 2026-11-16")
        run(s, "application withdraw P1 --reason x --date \(date)")
        #expect(log.errors == (error.map { [$0] } ?? []))
        #expect(try s.state().application("P1")?.withdrawal?.date == (error == nil ? try Day(parsing: date) : nil))
    }

    @Test func aCandidateWhoWithdrawsAfterSKDLeavesTheSeatToTheNext() throws {
        let (s, log) = session()
        run(s, round + """

            set today 2026-11-16
            vacancy advance V1
            screen P1 --pass; screen P2 --pass; screen P3 --pass
            set today 2026-11-20
            vacancy advance V1
            skd P1 --twk 100 --tiu 120 --tkp 200
            skd P2 --twk 90 --tiu 110 --tkp 180
            skd P3 --twk 80 --tiu 100 --tkp 170
            vacancy advance V1
            skb P1 --cat 450 --practical 90
            skb P2 --cat 400 --practical 80
            skb P3 --cat 380 --practical 80
            """)
        #expect(log.errors == [])
        run(s, "application withdraw P1 --reason \"mengundurkan diri\"")
        run(s, "vacancy advance V1")
        #expect(log.errors == [])
        let v = try #require(try s.state().vacancy("V1"))
        let rows = try s.round(v).finalRanking()
        // P1 had the best scores; withdrawn, P2 takes the one seat, and P1 is listed last.
        #expect(rows.first?.application.id == "P2" && rows.first?.passed == true)
        #expect(rows.last?.application.id == "P1" && rows.last?.passed == false && rows.last?.rank == nil, "\(rows.map { ($0.application.id, $0.rank ?? 0, $0.passed) })")
        #expect(try s.state().application("P1")?.withdrawal?.reason == "mengundurkan diri")
    }

    @Test func aHiredCandidateDoesNotWithdrawButLeaves() throws {
        var p = Application(id: "P1", applicant: "A1", vacancy: "V1", source: nil, applied: Day(year: 2026, month: 11, day: 2))
        p.withdrawal = .init(reason: "x", date: Day(year: 2026, month: 11, day: 3))
        // The stored form reads back.
        #expect(try Application(json: p.json) == p)
        var o = p.json.objectValue!
        o["withdrawn"] = .object(JSONObject([("reason", .string("x")), ("date", .string("2026-11-03")), ("by", .string("y"))]))
        #expect(throws: RecordError.self) { try Application(json: .object(o)) }
    }
}
