import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Participant numbers (nomor peserta): given when an application first passes screening, in
/// the order its vacancy's applications pass, and never changed after.
@Suite("Participant numbers")
struct ParticipantNumberTests {
    func session() -> (Session, () -> [String]) {
        let s = Session(backend: MemoryStore())
        s.settings.today = Day(year: 2026, month: 11, day: 2)
        final class Log { var errors: [String] = [] }
        let log = Log()
        s.emit = { e in if case .diagnostic(let d) = e { log.errors.append(d.error.message.english) } }
        return (s, { log.errors })
    }

    func run(_ s: Session, _ text: String) { try? s.run(text: text, source: Source(name: "t")) }

    func number(_ s: Session, _ id: String) throws -> String? { try s.state().application(id)?.participant }

    let setup = """
        vacancy add --title Analis --unit Bappeda --seats 1 --education S1
        vacancy add --title Pranata --unit Diskominfo --seats 1 --education S1
        vacancy announce V1 --channel portal
        vacancy announce V2 --channel portal
        applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1
        applicant add --nik 3201234567890002 --name Sari --born 1991-01-01 --education S1
        applicant add --nik 3201234567890003 --name Dewi --born 1992-01-01 --education S1
        applicant add --nik 3201234567890004 --name Agus --born 1993-01-01 --education S1
        apply A1 V1
        apply A2 V1
        apply A3 V1
        apply A4 V2
        set today 2026-11-17
        vacancy advance V1
        vacancy advance V2
        """

    @Test(arguments: [
        (2026, 1, 1, "20260010001"), (2026, 12, 345, "20260120345"), (2027, 999, 9999, "20279999999"),
        // Past three and four digits the parts grow: still digits only, and still unique.
        (2026, 1000, 1, "202610000001"), (2026, 1, 10000, "202600110000"),
    ])
    func theNumberIsYearVacancyAndOrder(_ year: Int, _ vacancy: Int, _ sequence: Int, _ expected: String) {
        #expect(Application.participantNumber(year: year, vacancy: vacancy, sequence: sequence) == expected)
        #expect(Application.isParticipantNumber(expected))
    }

    @Test(arguments: ["2026001001", "202600100001234567890", "2026001000a", "", "+2026001001"])
    func aStoredNumberThatIsNotOneIsRefused(_ text: String) {
        #expect(!Application.isParticipantNumber(text))
        var json = Application(id: "P1", applicant: "A1", vacancy: "V1", source: nil, applied: Day(year: 2026, month: 11, day: 2)).json.objectValue!
        json["participant"] = .string(text)
        #expect(throws: RecordError.self) { try Application(json: .object(json)) }
    }

    @Test func passingScreeningGivesTheNextNumberOfTheVacancyAndFailingGivesNone() throws {
        let (s, errors) = session()
        run(s, setup)
        run(s, "screen P2 --pass")
        run(s, "screen P1 --fail --reason \"ijazah belum dilegalisir\"")
        run(s, "screen P3 --pass")
        run(s, "screen P4 --pass")
        #expect(errors() == [])
        #expect(try number(s, "P2") == "20260010001")
        #expect(try number(s, "P1") == nil)
        #expect(try number(s, "P3") == "20260010002")
        // Another vacancy counts its own.
        #expect(try number(s, "P4") == "20260020001")
        // An objection upheld gives the next number, after those already given.
        run(s, "screen P1 --objection --pass")
        #expect(errors() == [])
        #expect(try number(s, "P1") == "20260010003")
    }

    @Test func undoTakesTheNumberBackAndTheNextPassGetsItAgain() throws {
        let (s, errors) = session()
        run(s, setup)
        run(s, "screen P1 --pass")
        run(s, "screen P2 --pass")
        run(s, "undo")
        #expect(try number(s, "P2") == nil)
        run(s, "screen P3 --pass")
        #expect(errors() == [])
        #expect(try number(s, "P3") == "20260010002")
        #expect(try number(s, "P1") == "20260010001")
    }

    @Test func aNumberReadsBackFromTheStore() throws {
        var p = Application(id: "P7", applicant: "A7", vacancy: "V1", source: "portal", applied: Day(year: 2026, month: 11, day: 2))
        p.participant = "20260010007"
        let back = try Application(json: try JSON.parse(p.json.serialized()))
        #expect(back.participant == "20260010007")
        #expect(back == p)
    }
}
