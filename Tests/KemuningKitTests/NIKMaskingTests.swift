import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// A NIK one typo from valid (17 digits, dashes, a letter) is personal data all the same: the
// value of --nik is masked whatever its shape, in echo, errors and the quoted line.

/// Runs `text` in a fresh in-memory session; returns what it emitted.
private func session(_ text: String) -> [Event] {
    let s = Session(backend: MemoryStore())
    var events: [Event] = []
    s.emit = { events.append($0) }
    s.settings.today = Day(year: 2026, month: 11, day: 29)
    try? s.run(text: text, source: Source(name: "t.kmn"))
    return events
}

private func diagnostics(_ events: [Event]) -> [Diagnostic] {
    events.compactMap { if case .diagnostic(let d) = $0 { return d } else { return nil } }
}

private func echoes(_ events: [Event]) -> [String] {
    events.compactMap { if case .echo(let e) = $0 { return e } else { return nil } }
}

@Suite("NIKs of any shape are masked")
struct NIKShapeTests {
    static let line = "applicant add --name X --born 1990-01-01 --nik "

    @Test(arguments: [
        ("32012345678900012", "3201***********12"),
        ("3201-2345-6789-0001", "3201*************01"),
        ("320123456789000A", "3201**********0A"),
        ("3201 2345 6789 0001", "3201*************01"),
    ])
    func echoAndTheQuotedLineMaskTheValueOfNik(_ nik: String, _ masked: String) throws {
        let events = session("set echo on\n" + Self.line + "'\(nik)'")
        let echoed = try #require(echoes(events).last)
        #expect(echoed == Self.line + "'\(masked)'")
        let d = try #require(diagnostics(events).first)
        for text in [d.render(color: false), d.json.serialized(), d.render(color: false, lang: .id), d.json(.id).serialized()] {
            #expect(!text.contains(nik), "\(text)")
            #expect(text.contains(masked), "\(text)")
        }
    }

    @Test func anInlineValueAndOneAfterOtherFlagsAreMaskedToo() {
        let events = session("set echo on\napplicant add --nik=3201-2345-6789-0001 --name X --born 1990-01-01")
        #expect(echoes(events).last == "applicant add --nik=3201*************01 --name X --born 1990-01-01")
    }

    @Test func aNIKWrittenInPiecesIsMaskedAsOneValue() {
        let events = session("set echo on\napplicant add --nik 3201 2345 6789 0001 --name X --born 1990-01-01")
        #expect(echoes(events).last == "applicant add --nik 3201*************01 --name X --born 1990-01-01")
    }

    @Test func aVariableNameIsNotMaskedButItsValueIsInTheError() throws {
        let events = session("let n = 3201-2345-6789-0001\nset echo on\napplicant add --nik $n --name X --born 1990-01-01")
        #expect(echoes(events).last == "applicant add --nik $n --name X --born 1990-01-01")
        let d = try #require(diagnostics(events).first)
        #expect(d.error.message.english.hasPrefix("bad NIK '3201*************01'"))
    }
}

@Suite("NIK quick check") struct NIKQuickCheckTests {
    /// The byte look that lets most commands skip masking must never skip one that masking
    /// would change: random texts of digits, dashes, flag names, blanks, quotes and combining
    /// marks, and a few written by hand.
    @Test func theQuickCheckNeverMissesWhatRedactMasks() {
        let pieces = ["1", "2", "0", "-", "--", "nik", "--nik", "--nik=", " ", "\t", "'", "\"", "\u{301}", "٣", "x", "$n", ";", "3201234567890001"]
        var generator = SystemRandomNumberGenerator()
        var skipped = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if !NIK.mayHoldNIK(text) {
                skipped += 1
                #expect(NIK.redact(text) == text, "the quick check skipped '\(text)'")
            }
        }
        #expect(skipped > 1000, "the quick check skips too little to be worth having")
        for text in ["1234567890123456" + "7\u{301}", "--nik 3201", "x --nik=9", "applicant add --name A --born 1990-01-01"] {
            #expect(NIK.mayHoldNIK(text) || NIK.redact(text) == text)
        }
        #expect(!NIK.mayHoldNIK("applicant add --name A --born 1990-01-01"))
    }
}

@Suite("NIK masking of ASCII text") struct NIKASCIIPathTests {
    /// ASCII text is masked bytewise; any other goes through Characters. On ASCII text both
    /// must agree.
    @Test func theBytewisePathAgreesWithTheCharacterPath() {
        let pieces = ["1", "2", "0", "3201234567890001", "32012345678900012", "-", "--nik", "--nik=", " ", "'", "x", "$n", ";", "12345678", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(NIK.maskDigitRuns(text, bytewise: true) == NIK.maskDigitRuns(text, bytewise: false), "'\(text)'")
        }
        #expect(NIK.redact("a 3201234567890001 b") == "a 3201**********01 b")
        #expect(NIK.redact("32012345678900012") == "32012345678900012")
    }
}

@Suite("NIK masking's quick exits") struct NIKQuickExitTests {
    /// The Character walk `maskDigitRuns` makes of text that is not ASCII, without its quick
    /// exit: what that exit must never change.
    static func walked(_ text: String) -> String {
        var out = ""
        var run = ""
        for c in text {
            if c.isASCII && c.isNumber {
                run.append(c)
            } else {
                out += run.count == 16 ? NIK.mask(run) : run
                run = ""
                out.append(c)
            }
        }
        return out + (run.count == 16 ? NIK.mask(run) : run)
    }

    /// Texts with combining marks after digits and dashes (a mark makes a digit or a dash
    /// another Character, but leaves its byte), names that are not ASCII, and NIKs.
    static func texts(_ count: Int) -> [String] {
        let pieces = ["1", "2", "0", "-", "--", "--nik", "--nik=", " ", "\u{301}", "\u{200D}", "Ṭeguh", "٣", "'", "\"", "x",
                      "3201234567890001", "32012345678900012", "12345678"]
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func aTextWithout16DigitBytesInARowIsLeftAsTheCharacterWalkLeavesIt() {
        for text in Self.texts(5_000) + ["1234567890123456\u{301}", "123456789012345\u{301}6", "Ṭeguh 3201234567890001"] {
            #expect(NIK.maskDigitRuns(text, bytewise: false) == Self.walked(text), "'\(text)'")
        }
        #expect(NIK.maskDigitRuns("Ṭeguh 3201234567890001", bytewise: false) == "Ṭeguh 3201**********01")
    }

    @Test func flagValuesAreMaskedExactlyWhenTheTextHoldsTwoDashCharacters() {
        for text in Self.texts(5_000) + ["-\u{301}-nik 3201234567890001", "--\u{301}nik 3201234567890001"] {
            let ascii = text.utf8.allSatisfy { $0 < 128 }
            let expected = text.utf8.count > 2 && text.contains("--") ? NIK.maskFlagValues(text, ascii: ascii) : text
            #expect(NIK.maskFlagValues(text, ascii: ascii) == expected, "'\(text)'")
        }
    }
}
