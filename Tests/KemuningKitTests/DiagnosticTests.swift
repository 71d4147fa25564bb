import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

private func error(_ message: String, _ column: Int, _ length: Int, line: Int = 1, hint: String? = nil) -> KemuningError {
    KemuningError(.syntax, .verbatim(message), at: SourceRange(line: line, column: column, length: length), hint: hint.map(Message.verbatim))
}

@Suite("Diagnostic")
struct DiagnosticTests {

    @Test func fullDiagnosticHasLocationQuoteCaretIncludesAndHint() {
        let d = Diagnostic(error("unknown flag '--seat' for 'vacancy add'", 13, 6, line: 12, hint: "did you mean '--seats'?"),
                           file: "intake.kmn", lineText: "vacancy add --seat 3",
                           includes: [.init(file: "lib/setup.kmn", line: 7), .init(file: "main.kmn", line: 4)])
        #expect(d.render(color: false) == """
            intake.kmn:12:13: error: unknown flag '--seat' for 'vacancy add'
            vacancy add --seat 3
                        ^~~~~~
              included from lib/setup.kmn:7
              included from main.kmn:4
            hint: did you mean '--seats'?

            """)
    }

    @Test func colorPaintsTheParts() {
        let d = Diagnostic(error("bad", 1, 2, hint: "h"), file: "a.kmn", lineText: "ab")
        #expect(d.render(color: true) == "\u{1B}[1ma.kmn:1:1: \u{1B}[0m\u{1B}[1;31merror:\u{1B}[0m bad\nab\n\u{1B}[1;32m^~\u{1B}[0m\n\u{1B}[1;36mhint:\u{1B}[0m h\n")
    }

    @Test func atThePromptTheLocationIsLeftOut() {
        let d = Diagnostic(error("unknown command 'frob'", 1, 4), file: "<prompt>", lineText: "frob x", showLocation: false)
        #expect(d.render(color: false) == "error: unknown command 'frob'\nfrob x\n^~~~\n")
    }

    @Test func errorsOfNoSourceSayTheProgramsName() {
        let d = Diagnostic(KemuningError(.store, "store /s is in use by process 42"))
        #expect(d.render(color: false) == "kemuning: error: store /s is in use by process 42\n")
    }

    @Test func anErrorWithoutARangeNamesOnlyTheFileAndQuotesNothing() {
        let d = Diagnostic(KemuningError.failed("store check found 1 problem"), file: "x.kmn", lineText: "store check")
        #expect(d.render(color: false) == "x.kmn: error: store check found 1 problem\n")
    }

    // MARK: where the caret goes

    @Test(arguments: [
        // plain ASCII
        ("echo $x", 6, 2, "echo $x", "     ^~"),
        // a precomposed letter is one column
        ("echo é $x", 8, 2, "echo é $x", "       ^~"),
        // a combining accent is a scalar of no width
        ("echo e\u{301} $x", 9, 2, "echo e\u{301} $x", "       ^~"),
        // wide characters take two columns, before and under the caret
        ("echo 日本 $x", 9, 2, "echo 日本 $x", "          ^~"),
        ("echo 日本 $x", 6, 2, "echo 日本 $x", "     ^~~~"),
        // a tab is shown as one space so the caret lines up
        ("\techo\t$x", 7, 2, " echo $x", "      ^~"),
        // an error past the end of the line still gets a caret
        ("echo \"", 6, 1, "echo \"", "     ^"),
        ("abc", 4, 1, "abc", "   ^"),
    ])
    func caretSitsUnderTheErrorInDisplayColumns(_ line: String, _ column: Int, _ length: Int, _ shown: String, _ caret: String) {
        let d = Diagnostic(error("e", column, length), file: "f", lineText: line)
        #expect(d.render(color: false) == "f:1:\(column): error: e\n\(shown)\n\(caret)\n")
    }

    @Test func aLongLineShowsAWindowAroundTheError() {
        let line = String(repeating: "a", count: 499) + "BAD" + String(repeating: "b", count: 498)
        let (shown, caret, width) = Diagnostic.window(line, column: 500, length: 3)
        #expect(shown == "…" + String(repeating: "a", count: 50) + "BAD" + String(repeating: "b", count: 97) + "…")
        #expect(caret == 51)
        #expect(width == 3)
        let d = Diagnostic(error("e", 500, 3), file: "f", lineText: line)
        #expect(d.render(color: false) == "f:1:500: error: e\n\(shown)\n\(String(repeating: " ", count: 51))^~~\n")
    }

    @Test(arguments: [
        (10, "", "…", 9),      // near the start: cut only at the end
        (990, "…", "", 140),   // near the end: the window ends with the line
        (1000, "…", "", 150),
    ])
    func longLineWindowsStayInsideTheLine(_ column: Int, _ before: String, _ after: String, _ caret: Int) {
        let line = String((0..<1000).map { Character(String($0 % 10)) })
        let (shown, at, _) = Diagnostic.window(line, column: column, length: 1)
        #expect(shown.hasPrefix(before.isEmpty ? "0" : "…"))
        #expect(shown.hasSuffix(after.isEmpty ? "9" : "…"))
        #expect(shown.count == 150 + before.count + after.count)
        #expect(at == caret)
        // The caret is under the digit the column names.
        let under = Array(shown)[at]
        #expect(under == Character(String((column - 1) % 10)))
    }

    @Test func aLongLineOfWideCharactersKeepsTheCaretUnderTheError() {
        let line = String(repeating: "日", count: 300) + "X" + String(repeating: "本", count: 300)
        let (shown, caret, width) = Diagnostic.window(line, column: 301, length: 1)
        #expect(shown == "…" + String(repeating: "日", count: 50) + "X" + String(repeating: "本", count: 99) + "…")
        // 50 wide characters before the error, after the one-column "…".
        #expect(caret == 1 + 100)
        #expect(width == 1)
    }

    @Test func aLongErrorIsUnderlinedOnlyInsideTheWindow() {
        let line = String(repeating: "x", count: 400)
        let (_, caret, width) = Diagnostic.window(line, column: 100, length: 300)
        #expect(caret == 51)
        #expect(width == 100)
    }

    // MARK: JSON

    @Test func jsonFormHasEveryFieldInOrder() {
        let d = Diagnostic(KemuningError.failed("no vacancy 'V9'", at: SourceRange(line: 2, column: 14, length: 2), hint: "there are no vacancies yet"),
                           file: "<stdin>", lineText: "vacancy show V9",
                           includes: [.init(file: "a.kmn", line: 3), .init(file: "main.kmn", line: 1)])
        #expect(d.json.serialized() == #"{"severity":"error","file":"<stdin>","line":2,"column":14,"message":"no vacancy 'V9'","kind":"failed","exit":1,"hint":"there are no vacancies yet","included_from":[{"file":"a.kmn","line":3},{"file":"main.kmn","line":1}]}"#)
    }

    @Test func jsonFormOfAnErrorWithNoPlace() {
        let d = Diagnostic(KemuningError(.store, "store /s is in use by process 42"))
        #expect(d.json.serialized() == #"{"severity":"error","file":null,"line":null,"column":null,"message":"store /s is in use by process 42","kind":"store","exit":3}"#)
    }

    @Test(arguments: [
        (KemuningError.Kind.syntax, Int32(2)), (.usage, 2), (.failed, 1), (.store, 3), (.interrupted, 130),
    ])
    func eachKindHasItsExitCode(_ kind: KemuningError.Kind, _ code: Int32) {
        #expect(kind.exitCode == code)
        #expect(Diagnostic(KemuningError(kind, "m")).json["exit"] == JSON(Int(code)))
    }

    @Test func theRollbackNoticeIsALineForPeopleAndAJSONObjectUnderJSON() {
        let n = Notice.atomicRollback
        #expect(n.text(format: .table, lang: .en) == "kemuning: the atomic run failed, so nothing it did was kept: the store is as it was\n")
        #expect(n.text(format: .csv, lang: .en) == n.render(lang: .en))
        for format in [OutputFormat.json, .jsonl] {
            #expect(n.text(format: format, lang: .en)
                == #"{"severity":"notice","message":"the atomic run failed, so nothing it did was kept: the store is as it was","kind":"atomic-rollback"}"# + "\n")
        }
        // The message follows the language; the keys and the kind do not.
        let id = n.json(.id)
        #expect(id["kind"] == "atomic-rollback")
        #expect(id["severity"] == "notice")
        #expect(id["message"] != n.json(.en)["message"])
    }
}
