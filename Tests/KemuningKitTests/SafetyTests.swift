import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// Nothing let in: control characters refused on the way in and made visible on the way out,
// CSV cells that a spreadsheet would run as formulas neutralised.

/// Runs `text` in a fresh in-memory session; returns the session and what it emitted.
private func session(_ text: String) -> (Session, [Event]) {
    let s = Session(backend: MemoryStore())
    var events: [Event] = []
    s.emit = { events.append($0) }
    s.settings.today = Day(year: 2026, month: 11, day: 29)
    try? s.run(text: text, source: Source(name: "t.kmn"))
    return (s, events)
}

private func diagnostics(_ events: [Event]) -> [Diagnostic] {
    events.compactMap { if case .diagnostic(let d) = $0 { return d } else { return nil } }
}

private func table(_ values: [JSON]) -> Output {
    Output(.table(columns: [.init("v", "V")], rows: values.map { [$0] }))
}

@Suite("Safety: control characters in values")
struct ControlInputTests {
    /// Every stored text field, of every kind of record, through the one argument check; each
    /// case is (line, the flag or argument named, the control as the error shows it).
    @Test(arguments: [
        ("service add --name \"S\u{1B}]0;pwned\u{07}\" --unit U --standard-days 14", "--name", "\\x1b"),
        ("service add --name S --unit \"U\u{1B}[2J\" --standard-days 14", "--unit", "\\x1b"),
        ("service add --name S --unit U --standard-days 14 --position \"P\u{9B}2J\"", "--position", "\\x9b"),
        ("forum add --date 2026-11-20 --topic \"T\u{1B}[2J\" --participants 3", "--topic", "\\x1b"),
        ("forum add --date 2026-11-20 --topic T --participants 3; forum note F1 --issue \"I\u{07}\"", "--issue", "\\x07"),
        ("forum add --date 2026-11-20 --topic T --participants 3; forum note F1 --issue I --recommend \"R\u{7F}\"", "--recommend", "\\x7f"),
        ("vacancy add --title \"A\u{9B}2J\" --unit U --seats 1", "--title", "\\x9b"),
        ("applicant add --nik 3201234567890001 --name \"Bu\tdi\" --born 1990-01-01", "--name", "\\x09"),
        ("applicant add --nik 3201234567890001 --name \"Bu\ndi\" --born 1990-01-01", "--name", "\\x0a"),
        ("employee add --nip 198001012005011001 --name \"N\u{1B}\" --unit U --position P --since 2020-01-01 --status pns", "--name", "\\x1b"),
        ("set operator \"eve\u{1B}[2J\"", "VALUE", "\\x1b"),
        ("jobfair add --name J --date 2026-12-01 --institution \"U\u{85}\"", "--institution", "\\x85"),
        // echo keeps nothing, and may print line breaks and tabs, but no escape sequence.
        ("echo \"a\u{1B}[2Jb\"", "WORDS", "\\x1b"),
    ])
    func aControlCharacterInAnyValueIsRefusedNamingTheFlagAndWhere(_ line: String, _ what: String, _ shown: String) throws {
        let (s, events) = session(line)
        let d = try #require(diagnostics(events).first, "no error for: \(line)")
        let message = d.error.message.english
        #expect(message.contains(what), "\(message)")
        #expect(message.contains(shown), "\(message)")
        #expect(d.error.kind == .failed)
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        // Nothing with the control in it was kept: only the forum the notes are about was made.
        let st = try s.state()
        #expect(st.counters.keys.allSatisfy { $0 == "F" }, "\(st.counters)")
        #expect(s.settings.operatorName == "unknown")
    }

    @Test func theErrorSaysWhichCharacterOfTheValueItIs() throws {
        let (_, events) = session("service add --name \"ab\u{1B}[2J\" --unit U --standard-days 14")
        let d = try #require(diagnostics(events).first)
        #expect(d.error.message.english == "--name holds the control character \\x1b at character 3: a value is printable text on one line, without tabs, line breaks or terminal escapes")
    }
}

@Suite("Safety: control characters in output")
struct ControlOutputTests {
    @Test func tableCellsShowControlsEscapedAndStayAligned() {
        let out = Output(.table(columns: [.init("id", "ID"), .init("name", "NAME")],
                                rows: [["S1", "S\u{1B}]0;pwned\u{07}"], ["S2", "x\u{9B}y\u{7F}"]]))
        #expect(Renderer(format: .table).render(out) == """
            ID  NAME
            --  -----------------
            S1  S\\x1b]0;pwned\\x07
            S2  x\\x9by\\x7f
            (2 rows)

            """)
    }

    @Test func recordValuesAndMessagesShowControlsEscaped() {
        let record = Output(.record([.init("name", "name", "a\u{1B}[2Jb")]))
        #expect(Renderer(format: .table).render(record) == "name: a\\x1b[2Jb\n")
        // A message keeps its own line breaks; any other control is shown.
        let message = Output.message(.verbatim("one\u{1B}[31m\ntwo"))
        #expect(Renderer(format: .table).render(message) == "one\\x1b[31m\ntwo\n")
    }

    @Test func csvShowsControlsEscapedButKeepsQuotedLineBreaks() {
        #expect(Renderer(format: .csv).render(table(["a\u{1B}b", "l1\nl2"])) == "v\r\na\\x1bb\r\n\"l1\nl2\"\r\n")
    }

    @Test func jsonEscapesEveryControlIncludingC1() {
        let out = Renderer(format: .jsonl).render(table(["a\u{1B}b\u{9B}c\u{7F}"]))
        #expect(out == "{\"v\":\"a\\u001bb\\u009bc\\u007f\"}\n")
    }

    @Test func aDiagnosticShowsControlsInItsMessageAndQuotedLineEscapedWithTheCaretUnderTheWord() {
        let e = KemuningError(.syntax, "unknown command 'bo\u{1B}[2J'", at: SourceRange(line: 1, column: 1, length: 6))
        let d = Diagnostic(e, file: "t.kmn", lineText: "bo\u{1B}[2J foo")
        #expect(d.render(color: false) == """
            t.kmn:1:1: error: unknown command 'bo\\x1b[2J'
            bo\\x1b[2J foo
            ^~~~~~~~~

            """)
    }

    @Test func aDiagnosticsFileNameAndHintAreEscapedToo() {
        let e = KemuningError(.failed, "bad", at: SourceRange(line: 1, column: 1, length: 1), hint: .verbatim("try \u{1B}[2J"))
        let d = Diagnostic(e, file: "a\u{1B}.kmn", lineText: "x")
        #expect(d.render(color: false) == "a\\x1b.kmn:1:1: error: bad\nx\n^\nhint: try \\x1b[2J\n")
    }
}

@Suite("Safety: CSV formulas")
struct CSVFormulaTests {
    @Test(arguments: [
        (JSON.string("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        (.string("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\""),
        (.string("@SUM(A1:A9)"), "\"'@SUM(A1:A9)\""),
        (.string("-2+3"), "\"'-2+3\""),
        (.string("\t=1+1"), "\"'\t=1+1\""),
        (.string("\r=1+1"), "\"'\r=1+1\""),
        (.string("-"), "\"'-\""),
        // Numbers stay numbers, whether the row holds them as numbers or as text.
        (.number("-3.5"), "-3.5"),
        (.string("-3.5"), "-3.5"),
        (.string("+7"), "+7"),
        (.string("-12"), "-12"),
        // Only the first character matters.
        (.string("a=b"), "a=b"),
        (.string("Budi"), "Budi"),
    ])
    func cellsASpreadsheetWouldRunAreNeutralised(_ value: JSON, _ field: String) {
        #expect(Renderer(format: .csv).render(table([value])) == "v\r\n\(field)\r\n")
    }

    @Test func recordsAreNeutralisedToo() {
        let out = Output(.record([.init("name", "name", "=1+1")]))
        #expect(Renderer(format: .csv).render(out) == "name\r\n\"'=1+1\"\r\n")
    }
}

@Suite("Safety: the escaping functions at their edges")
struct EscapingEdgeTests {
    @Test(arguments: [
        // The edges of C0, DEL and C1; what is just outside them is text.
        ("\u{00}\u{1F} \u{7E}\u{7F}\u{80}\u{9F}\u{A0}", "\\x00\\x1f ~\\x7f\\x80\\x9f\u{A0}"),
        ("a\tb\nc\rd", "a\\x09b\\x0ac\\x0dd"),
        ("Sukmawati Rahayu — Ā 日本", "Sukmawati Rahayu — Ā 日本"),
        ("", ""),
    ])
    func controlsAreShownAsHex(_ text: String, _ shown: String) {
        #expect(Controls.escape(text) == shown)
    }

    @Test func messagesKeepTheirLineBreaksAndTabs() {
        #expect(Controls.escape("a\nb\tc\u{1B}d\re", keepingLineBreaks: true) == "a\nb\tc\\x1bd\\x0de")
    }

    @Test func theFirstControlIsFoundByCharacterNotByte() {
        #expect(Controls.first(in: "日本\u{1B}")?.position == 3)
        #expect(Controls.first(in: "a\tb", allowing: ["\t"]) == nil)
        #expect(Controls.first(in: "plain") == nil)
    }

    @Test(arguments: [
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert\\(1\\)\\>"),
        ("[l](javascript:alert(1))", "\\[l\\]\\(javascript:alert\\(1\\)\\)"),
        ("a|b", "a\\|b"),
        ("back\\slash", "back\\\\slash"),
        ("*b* _i_ `c` ~s~ #h !x &amp; {x}", "\\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\#h \\!x \\&amp; \\{x\\}"),
        ("Budi Santoso, S.Kom. - 3.50", "Budi Santoso, S.Kom. - 3.50"),
        ("a\u{1B}[2Jb", "a\\\\x1b\\[2Jb"),
    ])
    func markdownShowsEveryValueAsWritten(_ value: String, _ escaped: String) {
        #expect(Markdown.escape(value) == escaped)
    }
}
