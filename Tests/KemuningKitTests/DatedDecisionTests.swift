import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Work done on paper, entered later as of its day (`--date`): never after today, never before
/// the stage it belongs to began, and the audit trail keeps both days.
@Suite("Decisions entered as of an earlier day")
struct DatedDecisionTests {
    final class Log { var errors: [String] = [] }

    func session() -> (Session, Log) {
        let s = Session(backend: MemoryStore())
        s.settings.today = Day(year: 2026, month: 11, day: 2)
        let log = Log()
        s.emit = { e in if case .diagnostic(let d) = e { log.errors.append(d.error.message.english) } }
        return (s, log)
    }

    func run(_ s: Session, _ text: String) { try? s.run(text: text, source: Source(name: "t")) }

    /// Registration closes on the 15th; screening begins on the 16th (entered on the 16th).
    let round = """
        vacancy add --title Analis --unit Bappeda --seats 1 --education S1
        vacancy announce V1 --channel portal --closes 2026-11-15
        applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1
        applicant add --nik 3201234567890002 --name Sari --born 1996-01-01 --education S1
        apply A1 V1
        apply A2 V1
        set today 2026-11-16
        vacancy advance V1
        set today 2026-11-25
        """

    static func d(_ m: Int, _ day: Int) -> Day { Day(year: 2026, month: m, day: day) }

    @Test(arguments: [
        ("2026-11-16", nil),                                                   // the day screening began
        ("2026-11-25", nil),                                                   // today
        ("2026-11-15", "--date 2026-11-15 is before V1 entered screening (2026-11-16)"),
        ("2026-11-26", "--date 2026-11-26 is after today (2026-11-25)"),
    ] as [(String, String?)])
    func aDecisionDateIsBetweenTheStagesStartAndToday(_ date: String, _ error: String?) throws {
        let (s, log) = session()
        run(s, round)
        run(s, "screen P1 --pass --date \(date)")
        #expect(log.errors == (error.map { [$0] } ?? []))
        let screening = try s.state().application("P1")?.screening
        #expect(screening?.date == (error == nil ? try Day(parsing: date) : nil))
    }

    @Test func theAuditTrailKeepsTheDayOfTheDecisionAndTheDayItWasEntered() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "screen P1 --pass --date 2026-11-17")
        run(s, "screen P2 --pass")
        #expect(log.errors == [])
        let p1 = try s.state().auditEntries(of: "P1").last!
        #expect(p1.at == Self.d(11, 25))
        #expect(p1.on == Self.d(11, 17))
        // Decided on the day it was entered: one day, no `on`.
        let p2 = try s.state().auditEntries(of: "P2").last!
        #expect(p2.at == Self.d(11, 25) && p2.on == nil)
        #expect(p1.json["on"] == .string("2026-11-17"))
        #expect(p2.json["on"] == nil)
        // The stored form reads back, with and without it.
        #expect(try AuditEntry(json: p1.json) == p1)
        #expect(try AuditEntry(json: p2.json) == p2)
    }

    @Test func anAuditEntryWhoseDecisionDayIsItsEntryDayIsRefusedAsWritten() {
        var o = AuditEntry(seq: 1, at: Self.d(11, 25), by: "x", entity: "P1", vacancy: nil, action: "a", changes: []).json.objectValue!
        o["on"] = .string("2026-11-25")
        #expect(throws: RecordError.self) { try AuditEntry(json: .object(o)) }
    }

    @Test func theObjectionWindowCountsFromTheResultsDayNotTheDayItWasEntered() throws {
        let (s, log) = session()
        run(s, round)
        // A TMS of the 16th, entered on the 25th: its window (3 days) ended on the 19th.
        run(s, "screen P1 --fail --reason \"ijazah belum dilegalisir\" --date 2026-11-16")
        run(s, "screen P1 --objection --pass --date 2026-11-20")
        #expect(log.errors == ["the objection window for P1 closed on 2026-11-19 (3 days after the result of 2026-11-16); today is 2026-11-20"])
        run(s, "screen P1 --objection --pass --date 2026-11-19")
        #expect(log.errors.count == 1)
        let p1 = try #require(try s.state().application("P1"))
        #expect(p1.screening?.objection?.date == Self.d(11, 19))
        // The participant number is of the year of the decision.
        #expect(p1.participant == "20260010001")
        // An objection cannot come before the result it answers.
        run(s, "screen P2 --fail --reason x --date 2026-11-18; screen P2 --objection --pass --date 2026-11-17")
        #expect(log.errors.last == "--date 2026-11-17 is before the result it objects to (2026-11-18)")
    }

    @Test func aStepIsCheckedAsOfItsDayAndStartsTheNextStageThen() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "screen P1 --pass --date 2026-11-16; screen P2 --fail --reason x --date 2026-11-17")
        #expect(log.errors == [])
        // On the 20th P2's window (to the 20th) was still open; on the 21st it was over.
        run(s, "vacancy advance V1 --date 2026-11-20")
        #expect(log.errors.count == 1)
        #expect(log.errors[0] == "the objection window for screening results of 2026-11-17 is open until 2026-11-20; SKD starts after it")
        run(s, "vacancy advance V1 --date 2026-11-21")
        #expect(log.errors.count == 1)
        let v = try #require(try s.state().vacancy("V1"))
        #expect(v.state == .skd && v.stages[.skd] == Self.d(11, 21))
        #expect(try s.state().auditEntries(of: "V1").last?.on == Self.d(11, 21))
        // A test date before the SKD stage began is refused; on its first day it is taken.
        run(s, "skd P1 --twk 100 --tiu 100 --tkp 180 --date 2026-11-20")
        #expect(log.errors.last == "--date 2026-11-20 is before V1 entered skd (2026-11-21)")
        run(s, "skd P1 --twk 100 --tiu 100 --tkp 180 --date 2026-11-21")
        #expect(log.errors.count == 2)
        #expect(try s.state().application("P1")?.skd?.date == Self.d(11, 21))
    }
}
