#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// MARK: helpers

/// Collects what a session emits.
private final class EventLog {
    var events: [Event] = []

    var outputs: [Output] { events.compactMap { if case .output(let o) = $0 { return o } else { return nil } } }
    var diagnostics: [Diagnostic] { events.compactMap { if case .diagnostic(let d) = $0 { return d } else { return nil } } }
    var errors: [KemuningError] { diagnostics.map(\.error) }
    var warnings: [String] { events.compactMap { if case .warning(let w) = $0 { return w.english } else { return nil } } }
    var echoes: [String] { events.compactMap { if case .echo(let e) = $0 { return e } else { return nil } } }
    /// The text of `.message` outputs, in order.
    var messages: [String] { outputs.compactMap { if case .message(let m) = $0.body { return m.english } else { return nil } } }
    var rendered: [String] { diagnostics.map { $0.render(color: false) } }
}

private func makeSession(_ backend: StoreBackend = MemoryStore()) -> (Session, EventLog) {
    let session = Session(backend: backend)
    let log = EventLog()
    session.emit = { log.events.append($0) }
    session.settings.today = Day(year: 2026, month: 11, day: 29)
    return (session, log)
}

private enum Ending: Equatable {
    case finished
    case failed(KemuningError)
    case quit(Int32?)
}

/// Runs a script text the way `-c` does and says how it ended.
@discardableResult
private func run(_ session: Session, _ text: String, name: String = "test.kmn") -> Ending {
    do {
        try session.run(text: text, source: Source(name: name))
        return .finished
    } catch let e as KemuningError {
        return .failed(e)
    } catch let q as QuitRequest {
        return .quit(q.code)
    } catch {
        Issue.record("unexpected error \(error)")
        return .finished
    }
}

private func reported(_ e: KemuningError) -> Ending {
    var e = e
    e.reported = true
    return .failed(e)
}

private func at(_ line: Int, _ column: Int, _ length: Int) -> SourceRange {
    SourceRange(line: line, column: column, length: length)
}

/// A temporary directory (real path), removed with everything in it.
private final class ScratchDir {
    let path: String

    init() {
        let raw = makeTemporaryFolder("session")
        path = ScriptFile.realPath(raw) ?? raw
    }

    deinit { removeTree(path) }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> String {
        let full = path + "/" + relative
        try? Files.makeDirectories(Files.parent(full))
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0)
        try? Files.writeAll(fd, bytes, path: full)
        close(fd)
        return full
    }
}

private func removeTree(_ path: String) {
    if Files.isDirectory(path) {
        for name in Files.list(path) { removeTree(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}

private let nik1 = "3201234567890001"
private let addVacancy = "vacancy add --title \"Analis Kebijakan\" --unit Bappeda --seats 2"
private let addApplicant = "applicant add --nik 3201234567890001 --name \"Budi Santoso\" --born 1994-11-02"
/// Where the value of a flag added after `addApplicant` starts: after " --gpa ".
private let gpaColumn = addApplicant.unicodeScalars.count + 8
private let educationColumn = addApplicant.unicodeScalars.count + 14

// MARK: variables and let

@Suite("Session: let and variables")
struct SessionVariableTests {

    @Test func letBindsAWordAndWordsExpandIt() {
        let (s, log) = makeSession()
        #expect(run(s, "let unit = Bappeda\necho \"unit: $unit\" ${unit}2 '$unit'") == .finished)
        #expect(s.variables == ["unit": "Bappeda"])
        #expect(log.messages == ["unit: Bappeda Bappeda2 $unit"])
    }

    @Test func letBindsTheIdACommandReturnsWithoutShowingItsOutput() throws {
        let (s, log) = makeSession()
        #expect(run(s, "let v = \(addVacancy)\nlet a = \(addApplicant)\necho $v $a") == .finished)
        #expect(s.variables == ["v": "V1", "a": "A1"])
        #expect(log.outputs == [.message("V1 A1")])
        #expect(try s.state().vacancy("V1")?.title == "Analis Kebijakan")
    }

    @Test func letWithAQuotedCommandNameBindsTheWord() {
        let (s, log) = makeSession()
        #expect(run(s, "let x = \"vacancy\"\nlet y = 'echo'\necho $x $y") == .finished)
        #expect(log.messages == ["vacancy echo"])
    }

    @Test(arguments: [
        ("let", KemuningError(.syntax, "let needs a name: let NAME = VALUE", at: at(1, 1, 3))),
        ("let 1x = a", KemuningError(.syntax, "bad variable name '1x': names are letters, digits and '_', not starting with a digit", at: at(1, 5, 2))),
        ("let a-b = a", KemuningError(.syntax, "bad variable name 'a-b': names are letters, digits and '_', not starting with a digit", at: at(1, 5, 3))),
        ("let x a", KemuningError(.syntax, "expected '=' after 'let x'", at: at(1, 7, 1), hint: "write it as: let x = VALUE")),
        ("let x", KemuningError(.syntax, "expected '=' after 'let x'", at: at(1, 5, 1), hint: "write it as: let x = VALUE")),
        ("let x =", KemuningError(.syntax, "nothing to bind after 'let x ='", at: at(1, 7, 1))),
        ("let x = vars", KemuningError.failed("'vars' gives no value to bind to x", at: at(1, 9, 4))),
        ("let x = echo hi", KemuningError.failed("'echo hi' gives no value to bind to x", at: at(1, 9, 4))),
        ("let x = frob nicate", KemuningError(.syntax, "unknown command 'frob'", at: at(1, 9, 4), hint: "type 'help' for the list of commands")),
    ])
    func badLetStatementsPointAtTheirMistake(_ line: String, _ expected: KemuningError) {
        let (s, log) = makeSession()
        #expect(run(s, line) == reported(expected))
        #expect(log.errors == [expected])
        #expect(s.variables.isEmpty)
        #expect(s.exitStatus == expected.kind.exitCode)
    }

    @Test func unknownVariablePointsAtItsColumnWithTheClosestNameAsHint() {
        let (s, log) = makeSession()
        #expect(run(s, "let unit = Bappeda\necho pre$unti") == reported(.failed("unknown variable '$unti'", at: at(2, 9, 5), hint: "did you mean '$unit'?")))
        #expect(log.rendered == ["test.kmn:2:9: error: unknown variable '$unti'\necho pre$unti\n        ^~~~~\nhint: did you mean '$unit'?\n"])
    }

    @Test func unknownBracedVariableSaysHowToSetIt() {
        let (s, log) = makeSession()
        run(s, "echo \"a ${nope}\"")
        #expect(log.errors == [.failed("unknown variable '$nope'", at: at(1, 9, 7), hint: "set it first with: let nope = VALUE")])
    }

    @Test func varsListsVariablesSorted() {
        let (s, log) = makeSession()
        run(s, "let b = 2\nlet a = 1\nvars")
        #expect(log.outputs == [Output(.table(columns: [.init("name", "NAME"), .init("value", "VALUE")],
                                              rows: [["a", "1"], ["b", "2"]]))])
    }
}

// MARK: builtins

@Suite("Session: builtins")
struct SessionBuiltinTests {

    @Test(arguments: [
        "assert 3.10 == 3.1", "assert 10 > 9", "assert 2 >= 2.00", "assert -1 < 0", "assert abc < abd",
        "assert V1 != V2", "assert \"a b\" == 'a b'", "assert 0.1 <= 0.10", "assert x == x",
    ])
    func assertionsThatHoldDoNothing(_ line: String) {
        let (s, log) = makeSession()
        #expect(run(s, line) == .finished)
        #expect(log.events.count == 1)  // the .none output only
        #expect(log.outputs == [.none])
    }

    @Test(arguments: [
        ("assert V1 == V2", KemuningError.failed("assertion failed: V1 == V2 is false (left is 'V1', right is 'V2')", at: at(1, 8, 8))),
        ("assert 10 < 9", .failed("assertion failed: 10 < 9 is false (left is '10', right is '9')", at: at(1, 8, 6))),
        ("assert 3.1 != 3.10", .failed("assertion failed: 3.1 != 3.10 is false (left is '3.1', right is '3.10')", at: at(1, 8, 11))),
        ("assert \"\" == x", .failed("assertion failed:  == x is false (left is '', right is 'x')", at: at(1, 8, 7))),
        ("assert 3201234567890001 == 3201234567890002",
         .failed("assertion failed: 3201**********01 == 3201**********02 is false (left is '3201**********01', right is '3201**********02')", at: at(1, 8, 36))),
    ])
    func failedAssertionsQuoteBothSidesAndUnderlineTheComparison(_ line: String, _ expected: KemuningError) {
        let (s, log) = makeSession()
        #expect(run(s, line) == reported(expected))
        #expect(log.errors == [expected])
        #expect(s.exitStatus == 1)
    }

    @Test func assertComparesTheValueOfAVariable() {
        let (s, log) = makeSession()
        #expect(run(s, "let v = \(addVacancy)\nassert $v == V1\nassert $v == V2") ==
                reported(.failed("assertion failed: V1 == V2 is false (left is 'V1', right is 'V2')", at: at(3, 8, 8))))
        #expect(log.rendered.last == "test.kmn:3:8: error: assertion failed: V1 == V2 is false (left is 'V1', right is 'V2')\nassert $v == V2\n       ^~~~~~~~\n")
    }

    @Test(arguments: [("echo", ""), ("echo a   b", "a b"), ("echo \"a   b\"", "a   b"), ("echo \"--x\"", "--x"), ("echo -- --y", "--y")])
    func echoJoinsItsWordsWithOneSpace(_ line: String, _ expected: String) {
        let (s, log) = makeSession()
        #expect(run(s, line) == .finished)
        #expect(log.messages == [expected])
    }

    @Test func setChangesEachSetting() {
        let (s, _) = makeSession()
        #expect(run(s, "set format json\nset color never\nset echo on\nset keep-going yes\nset today 2024-02-29\nset operator \"Budi S\"") == .finished)
        #expect(s.settings.format == .json)
        #expect(s.settings.color == .never)
        #expect(s.settings.echo)
        #expect(s.settings.keepGoing)
        #expect(s.settings.today == Day(year: 2024, month: 2, day: 29))
        #expect(s.settings.operatorName == "Budi S")
        #expect(run(s, "set echo 0\nset colour always") == .finished)
        #expect(!s.settings.echo)
        #expect(s.settings.color == .always)
    }

    @Test func setWithNoArgumentsListsTheSettings() {
        let (s, log) = makeSession()
        run(s, "set")
        // Each value says where it came from: here all are defaults.
        var prose = ProseCells()
        let d = prose.cell("default", shown: "default")
        #expect(log.outputs == [Output(.table(columns: [.init("setting", "SETTING"), .init("value", "VALUE"), .init("from", "FROM")], rows: [
            ["format", "table", d], ["color", "auto", d], ["echo", "off", d], ["keep-going", "off", d], ["today", "2026-11-29", d], ["operator", "unknown", d],
            ["lang", "en", d], ["csv", "standard", d],
        ])).withProse(prose, in: "from")])
    }

    @Test(arguments: [
        ("set format jsn", KemuningError.failed("bad format 'jsn': expected table, json, jsonl or csv", at: at(1, 12, 3), hint: "did you mean 'json'?")),
        ("set format", .failed("'set format' needs a value", at: at(1, 5, 6), hint: "output format: table, json, jsonl or csv")),
        ("set color blue", .failed("bad color 'blue': expected auto, always or never", at: at(1, 11, 4))),
        ("set echo maybe", .failed("bad value 'maybe' for echo: expected on or off", at: at(1, 10, 5))),
        ("set keep-going 2", .failed("bad value '2' for keep-going: expected on or off", at: at(1, 16, 1))),
        ("set today 2026-02-29", .failed("bad date '2026-02-29': February 2026 has 28 days", at: at(1, 11, 10))),
        ("set today 2026-1-05", .failed("bad date '2026-1-05': expected YYYY-MM-DD, like 2026-01-31", at: at(1, 11, 9))),
        ("set operator ''", .failed("the operator's name cannot be empty", at: at(1, 14, 2))),
        ("set colr never", .failed("unknown setting 'colr'", at: at(1, 5, 4), hint: "did you mean 'color'?")),
        ("set foo 1", .failed("unknown setting 'foo'", at: at(1, 5, 3), hint: "settings: format, color, echo, keep-going, today, operator, lang, csv")),
        ("set format json extra", KemuningError(.syntax, "unexpected argument 'extra' for 'set'", at: at(1, 17, 5), hint: "usage: set [SETTING] [VALUE] [--save]")),
    ])
    func badSettingsAreRefusedAndChangeNothing(_ line: String, _ expected: KemuningError) {
        let (s, log) = makeSession()
        #expect(run(s, line) == reported(expected))
        #expect(log.errors == [expected])
        #expect(s.settings.format == .table)
        #expect(s.settings.today == Day(year: 2026, month: 11, day: 29))
        #expect(s.settings.operatorName == "unknown")
    }

    @Test func echoSettingShowsEachCommandWithNIKsMasked() {
        let (s, log) = makeSession()
        #expect(run(s, "set echo on\necho \(nik1)  x ; set echo off\necho quiet") == .finished)
        #expect(log.echoes == ["echo 3201**********01  x", "set echo off"])
        #expect(log.messages == [nik1 + " x", "quiet"])
    }

    @Test func helpExplainsACommandAndSuggestsForTypos() {
        let (s, log) = makeSession()
        run(s, "help vacancy show")
        #expect(log.messages == ["vacancy show: show one vacancy with its settings and counts\n\nusage: vacancy show ID\n\narguments:\n  ID  the vacancy\n\nexamples:\n  vacancy show V1\n  vacancy show V2"])
        let (s2, log2) = makeSession()
        #expect(run(s2, "help vacancy shwo") == reported(.failed("no command named 'vacancy shwo'", at: at(1, 6, 7), hint: "did you mean 'help vacancy show'?")))
        #expect(log2.errors.count == 1)
    }

    @Test func historyListsWhatTheProviderGives() {
        let (s, log) = makeSession()
        s.historyProvider = { ["echo a", "vacancy list"] }
        run(s, "history")
        #expect(log.outputs == [Output(.table(columns: [.init("n", "#", alignRight: true), .init("command", "COMMAND")],
                                              rows: [[1, "echo a"], [2, "vacancy list"]]))])
    }
}

// MARK: running scripts

@Suite("Session: scripts")
struct SessionScriptTests {

    @Test func firstFailureStopsTheScriptAndIsReportedOnce() {
        let (s, log) = makeSession()
        #expect(run(s, "echo one\necho $x\necho three") == reported(.failed("unknown variable '$x'", at: at(2, 6, 2), hint: "set it first with: let x = VALUE")))
        #expect(log.messages == ["one"])
        #expect(log.diagnostics.count == 1)
        #expect(s.exitStatus == 1)
    }

    @Test func keepGoingRunsOnAndKeepsTheFirstFailuresStatus() {
        let (s, log) = makeSession()
        #expect(run(s, "set keep-going on\necho $x\nfrob\necho after") == .finished)
        #expect(log.messages == ["after"])
        #expect(log.errors.map(\.message) == ["unknown variable '$x'", "unknown command 'frob'"])
        #expect(s.exitStatus == 1)
    }

    @Test func statementsOnOneLineRunInOrderAndStopAtTheFailure() {
        let (s, log) = makeSession()
        run(s, "echo a; echo $nope; echo c")
        #expect(log.messages == ["a"])
        #expect(log.errors.map(\.range) == [at(1, 14, 5)])
    }

    @Test func unterminatedQuoteAtTheEndIsASyntaxErrorAtTheQuote() {
        let (s, log) = makeSession()
        #expect(run(s, "echo ok\necho \"abc\necho more") ==
                reported(KemuningError(.syntax, "unterminated string: the '\"' here is never closed", at: at(2, 6, 1))))
        #expect(log.messages == ["ok"])
        #expect(log.rendered == ["test.kmn:2:6: error: unterminated string: the '\"' here is never closed\necho \"abc\n     ^\n"])
        #expect(s.exitStatus == 2)
    }

    @Test func trailingBackslashAtTheEndIsASyntaxError() {
        let (s, _) = makeSession()
        #expect(run(s, "echo a \\") ==
                reported(KemuningError(.syntax, "a '\\' at the end of the input continues a line that never comes", at: at(1, 8, 1))))
    }

    @Test func continuedLinesRunAsOneStatementAndLaterLinesKeepTheirNumbers() {
        let (s, log) = makeSession()
        run(s, "echo a \\\n  b \"c\nd\"\necho $e")
        #expect(log.messages == ["a b c\nd"])
        #expect(log.errors.map(\.range) == [at(4, 6, 2)])
        #expect(log.diagnostics.first?.lineText == "echo $e")
    }

    @Test func lexerErrorsAreReportedAndKeepGoingSkipsOnlyThatLine() {
        let (s, log) = makeSession()
        s.settings.keepGoing = true
        #expect(run(s, "echo ${1}\necho after") == .finished)
        #expect(log.errors == [KemuningError(.syntax, "bad variable name '1': names are letters, digits and '_', not starting with a digit", at: at(1, 6, 4))])
        #expect(log.messages == ["after"])
        #expect(s.exitStatus == 2)
    }

    // Regression: splitting with String.split(separator: "\n") missed "\r\n" (one Character), so a
    // CRLF script was one "line": errors quoted nothing, and a lexer error dropped the rest.
    @Test func crlfLinesAreQuotedWithoutTheirCarriageReturn() {
        let (s, log) = makeSession()
        run(s, "echo a\r\necho $x\r\n")
        #expect(log.messages == ["a"])
        #expect(log.diagnostics.first?.lineText == "echo $x")
        #expect(log.rendered.first == "test.kmn:2:6: error: unknown variable '$x'\necho $x\n     ^~\nhint: set it first with: let x = VALUE\n")
    }

    // Regression: same cause as above.
    @Test func crlfScriptGoesOnAfterALexerErrorUnderKeepGoing() {
        let (s, log) = makeSession()
        s.settings.keepGoing = true
        run(s, "echo ${1}\r\necho after\r\n")
        #expect(log.errors.map(\.range) == [at(1, 6, 4)])
        #expect(log.diagnostics.first?.lineText == "echo ${1}")
        #expect(log.messages == ["after"])
    }

    @Test func linesThatCannotBeReadStillCountAsLines() {
        let (s, log) = makeSession()
        s.settings.keepGoing = true
        var k = 0
        let lines = ["echo one", nil, "echo $x"] as [String?]
        let src = Source(name: "<stdin>")
        #expect(throws: Never.self) {
            try s.run(lines: {
                defer { k += 1 }
                guard k < lines.count else { return nil }
                guard let l = lines[k] else { throw KemuningError(.syntax, "'<stdin>' is not valid UTF-8: byte 0xFF at line 2, column 1") }
                return l
            }, source: src)
        }
        #expect(log.messages == ["one"])
        #expect(log.errors.map(\.message) == ["'<stdin>' is not valid UTF-8: byte 0xFF at line 2, column 1", "unknown variable '$x'"])
        #expect(log.errors.last?.range == at(3, 6, 2))
    }

    @Test func quitEndsTheScriptWithItsCode() {
        let (s, log) = makeSession()
        #expect(run(s, "echo a\nquit 3\necho b") == .quit(3))
        #expect(log.messages == ["a"])
        let (s2, _) = makeSession()
        #expect(run(s2, "exit 255") == .quit(255))
        let (s3, _) = makeSession()
        #expect(run(s3, "quit") == .quit(0))
    }

    @Test func quitWithoutACodeUsesTheFirstFailuresStatus() {
        let (s, _) = makeSession()
        #expect(run(s, "set keep-going on\nfrob\necho $x\nquit") == .quit(2))
    }

    @Test func atThePromptErrorsAreShownWithoutLocationAndNeverEndTheSession() throws {
        let (s, log) = makeSession()
        s.interactive = true
        let prompt = Source(name: "<prompt>")
        prompt.remember(line: 1, text: "echo $x; echo next")
        guard case .complete(let statements) = try Lexer.lex("echo $x; echo next") else { Issue.record("incomplete"); return }
        #expect(throws: Never.self) { try s.execute(statements, source: prompt) }
        #expect(log.messages == ["next"])
        #expect(log.rendered == ["error: unknown variable '$x'\necho $x; echo next\n     ^~\nhint: set it first with: let x = VALUE\n"])
        #expect(log.diagnostics.first?.showLocation == false)
        #expect(s.exitStatus == 1)
        s.clearStatus()
        #expect(s.exitStatus == 0)
    }
}

// MARK: source

@Suite("Session: source")
struct SessionSourceTests {

    @Test func nestedSourcesResolveRelativeToTheScriptAndReportTheIncludeStack() throws {
        let dir = ScratchDir()
        let main = dir.write("main.kmn", "echo main\nsource sub/a.kmn\necho end\n")
        dir.write("sub/a.kmn", "echo a\nsource b.kmn\necho a-end\n")
        dir.write("sub/b.kmn", "echo b\necho $nope\n")
        let (s, log) = makeSession()
        #expect(throws: KemuningError.self) { try s.runFile(main, from: nil, at: nil) }
        #expect(log.messages == ["main", "a", "b"])
        let d = try #require(log.diagnostics.first)
        #expect(log.diagnostics.count == 1)
        #expect(d.file == dir.path + "/sub/b.kmn")
        #expect(d.includes == [.init(file: dir.path + "/sub/a.kmn", line: 2), .init(file: main, line: 2)])
        #expect(d.render(color: false) == """
            \(dir.path)/sub/b.kmn:2:6: error: unknown variable '$nope'
            echo $nope
                 ^~~~~
              included from \(dir.path)/sub/a.kmn:2
              included from \(main):2
            hint: set it first with: let nope = VALUE

            """)
        #expect(s.interpreter.frames.isEmpty)
        #expect(s.exitStatus == 1)
    }

    @Test func keepGoingContinuesInsideAndAfterTheSourcedFile() {
        let dir = ScratchDir()
        let main = dir.write("main.kmn", "set keep-going on\nsource a.kmn\necho end")
        dir.write("a.kmn", "echo $nope\necho a-after")
        let (s, log) = makeSession()
        #expect(throws: Never.self) { try s.runFile(main, from: nil, at: nil) }
        #expect(log.messages == ["a-after", "end"])
        #expect(log.diagnostics.map(\.includes) == [[.init(file: main, line: 2)]])
    }

    @Test func aSourceCycleIsRefusedNamingTheChain() throws {
        let dir = ScratchDir()
        let a = dir.write("a.kmn", "echo a\nsource b.kmn\n")
        dir.write("b.kmn", "source a.kmn\n")
        let (s, log) = makeSession()
        #expect(throws: KemuningError.self) { try s.runFile(a, from: nil, at: nil) }
        #expect(log.messages == ["a"])
        #expect(log.errors == [.failed("source cycle: \(a) → \(dir.path)/b.kmn → \(dir.path)/a.kmn", at: at(1, 8, 5))])
        #expect(log.diagnostics.first?.includes == [.init(file: a, line: 2)])
    }

    @Test func aScriptSourcingItselfIsACycle() {
        let dir = ScratchDir()
        let a = dir.write("self.kmn", "source ./self.kmn\n")
        let (s, log) = makeSession()
        #expect(throws: KemuningError.self) { try s.runFile(a, from: nil, at: nil) }
        #expect(log.errors == [.failed("source cycle: \(a) → \(dir.path)/./self.kmn", at: at(1, 8, 10))])
    }

    @Test func sourcingTheSameFileTwiceInARowIsNotACycle() {
        let dir = ScratchDir()
        let main = dir.write("main.kmn", "source x.kmn\nsource x.kmn\n")
        dir.write("x.kmn", "echo x\n")
        let (s, log) = makeSession()
        #expect(throws: Never.self) { try s.runFile(main, from: nil, at: nil) }
        #expect(log.messages == ["x", "x"])
    }

    @Test func sourceNestsThirtyTwoDeepButNotThirtyThree() throws {
        let dir = ScratchDir()
        for k in 0..<32 { dir.write("f\(k).kmn", "source f\(k + 1).kmn\n") }
        dir.write("f32.kmn", "echo deep\n")
        let (s, log) = makeSession()
        #expect(throws: KemuningError.self) { try s.runFile(dir.path + "/f0.kmn", from: nil, at: nil) }
        #expect(log.errors == [.failed("'source' is nested more than 32 deep", at: at(1, 8, 7))])
        let d = try #require(log.diagnostics.first)
        #expect(d.file == dir.path + "/f31.kmn")
        #expect(d.includes.count == 31)
        #expect(d.includes.first == .init(file: dir.path + "/f30.kmn", line: 1))
        #expect(d.includes.last == .init(file: dir.path + "/f0.kmn", line: 1))

        dir.write("f31.kmn", "echo deep\n")
        let (s2, log2) = makeSession()
        #expect(throws: Never.self) { try s2.runFile(dir.path + "/f0.kmn", from: nil, at: nil) }
        #expect(log2.messages == ["deep"])
    }

    @Test func sourceRefusesMissingFilesDirectoriesBinaryAndInvalidUTF8() {
        let dir = ScratchDir()
        dir.write("sub/x.kmn", "echo\n")
        dir.write("bin.kmn", bytes: [0x65, 0x63, 0x68, 0x6F, 0x0A, 0x00, 0x01])
        dir.write("latin1.kmn", bytes: Array("echo a\necho caf".utf8) + [0xE9, 0x0A])
        let main = dir.write("main.kmn", "set keep-going on\nsource nope.kmn\nsource sub\nsource bin.kmn\nsource latin1.kmn\n")
        let (s, log) = makeSession()
        #expect(throws: Never.self) { try s.runFile(main, from: nil, at: nil) }
        #expect(log.errors == [
            .failed("cannot read script '\(dir.path)/nope.kmn': no such file", at: at(2, 8, 8)),
            .failed("cannot run '\(dir.path)/sub': it is a directory", at: at(3, 8, 3)),
            KemuningError(.syntax, "'\(dir.path)/bin.kmn' is a binary file, not a script (a NUL byte on line 2)", at: at(4, 8, 7)),
            KemuningError(.syntax, "'\(dir.path)/latin1.kmn' is not valid UTF-8: byte 0xE9 at line 2, column 9", at: at(5, 8, 10)),
        ])
        #expect(log.messages == [])
        #expect(s.exitStatus == 1)
    }

    @Test func quitInsideASourcedFileEndsEverything() {
        let dir = ScratchDir()
        let main = dir.write("main.kmn", "source q.kmn\necho after\n")
        dir.write("q.kmn", "echo q\nquit 4\necho not\n")
        let (s, log) = makeSession()
        #expect(throws: QuitRequest.self) { try s.runFile(main, from: nil, at: nil) }
        #expect(log.messages == ["q"])
        #expect(s.interpreter.frames.isEmpty)
    }

    @Test func sourceFromTheCommandLineIsRelativeToTheCurrentDirectoryAndIncludesIt() {
        let dir = ScratchDir()
        let a = dir.write("a.kmn", "echo $nope\n")
        let (s, log) = makeSession()
        run(s, "echo first\nsource \(a)", name: "<command-line>")
        #expect(log.diagnostics.first?.file == a)
        #expect(log.diagnostics.first?.includes == [.init(file: "<command-line>", line: 2)])
    }
}

// MARK: decoding scripts

@Suite("Session: script bytes")
struct ScriptBytesTests {

    @Test(arguments: [
        ([UInt8](), nil as Int?),
        (Array("echo abc\n".utf8), nil),
        (Array("é😀€".utf8), nil),
        ([0xEF, 0xBF, 0xBF], nil),             // U+FFFF
        ([0xF4, 0x8F, 0xBF, 0xBF], nil),       // U+10FFFF
        ([0x80], 0),                           // a lone continuation byte
        ([0xC0, 0x80], 0),                     // overlong NUL
        ([0xC1, 0xBF], 0),                     // overlong
        ([0xE0, 0x80, 0x80], 0),               // overlong
        ([0xED, 0xA0, 0x80], 0),               // a surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),         // beyond U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0xF8, 0x88, 0x80, 0x80, 0x80], 0),   // five-byte form
        ([0xFF], 0),
        ([0x61, 0xE2, 0x82], 1),               // truncated at the end
        ([0x61, 0xC3, 0x28], 1),               // bad continuation
        ([0x61, 0x62, 0xFE], 2),
    ])
    func findsTheFirstInvalidByte(_ bytes: [UInt8], _ expected: Int?) {
        #expect(ScriptFile.firstInvalidUTF8(bytes) == expected)
    }

    static let badScripts: [([UInt8], String)] = [
        (Array("echo a\n".utf8) + [0], "'x.kmn' is a binary file, not a script (a NUL byte on line 2)"),
        ([0], "'x.kmn' is a binary file, not a script (a NUL byte on line 1)"),
        (Array("echo a\necho ".utf8) + [0xFF], "'x.kmn' is not valid UTF-8: byte 0xFF at line 2, column 6"),
        (Array("é".utf8) + [0xC3, 0x28], "'x.kmn' is not valid UTF-8: byte 0xC3 at line 1, column 2"),
        (Array("a\n\n日本".utf8) + [0xE6, 0x97], "'x.kmn' is not valid UTF-8: byte 0xE6 at line 3, column 3"),
        // A NUL wins over invalid UTF-8 before it: the file is binary.
        ([0xFF, 0x0A, 0x00], "'x.kmn' is a binary file, not a script (a NUL byte on line 2)"),
    ]

    @Test(arguments: badScripts)
    func refusesBinaryAndInvalidScriptsSayingWhere(_ bytes: [UInt8], _ message: String) {
        let r = at(4, 8, 5)
        #expect(throws: KemuningError(.syntax, .verbatim(message), at: r)) { try ScriptFile.decode(bytes, name: "x.kmn", at: r) }
    }

    @Test func decodesUTF8AndDropsAByteOrderMark() throws {
        #expect(try ScriptFile.decode([0xEF, 0xBB, 0xBF] + Array("echo é\n".utf8), name: "x") == "echo é\n")
        #expect(try ScriptFile.decode(Array("echo \u{FEFF}\n".utf8), name: "x") == "echo \u{FEFF}\n")
        #expect(try ScriptFile.decode([], name: "x") == "")
    }
}

// MARK: recruitment commands

@Suite("Session: vacancies and applicants")
struct SessionRecordTests {

    @Test func vacancyAddCreatesADraftAndSaysSo() throws {
        let store = MemoryStore()
        let (s, log) = makeSession(store)
        #expect(run(s, "\(addVacancy) --type pppk --education S1,d3 --education \"S2  Hukum\"") == .finished)
        #expect(log.outputs == [Output.created("vacancy", "V1")])
        #expect(log.outputs.first?.tableMessage == "vacancy V1 added")
        #expect(log.outputs.first?.value == "V1")
        let v = try #require(try s.state().vacancy("V1"))
        #expect(v == Vacancy(id: "V1", title: "Analis Kebijakan", unit: "Bappeda", seats: 2, type: "pppk",
                             education: ["S1", "D3", "S2 Hukum"], state: .draft, created: Day(year: 2026, month: 11, day: 29)))
        #expect(try s.state().seq == 1)
        #expect(store.appended == 1)
    }

    @Test(arguments: [
        ("vacancy add --title \"  \" --unit U --seats 1", KemuningError.failed("--title cannot be empty", at: at(1, 21, 4))),
        ("vacancy add --title T --unit \"a\\tb\" --seats 1", .failed("--unit holds the control character \\x09 at character 2: a value is printable text on one line, without tabs, line breaks or terminal escapes", at: at(1, 30, 6))),
        ("vacancy add --title \(String(repeating: "x", count: 201)) --unit U --seats 1",
         .failed("--title is 201 characters long; at most 200 are allowed", at: at(1, 21, 201))),
        ("vacancy add --title T --unit U --seats 1 --education S1,X9",
         .failed("bad education 'X9': 'X9' is not a level (SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3)", at: at(1, 54, 5))),
        ("vacancy add --title T --unit U --seats 0", .failed("--seats must be from 1 to 100000, not 0", at: at(1, 40, 1))),
    ])
    func badVacanciesAreRefusedAndChangeNothing(_ line: String, _ expected: KemuningError) throws {
        let store = MemoryStore()
        let (s, log) = makeSession(store)
        run(s, addVacancy)
        let before = try s.state()
        #expect(run(s, line) == reported(expected))
        #expect(log.errors == [expected])
        #expect(try s.state() == before)
        #expect(try s.state().nextId("V") == "V2")
        #expect(store.appended == 1)
    }

    @Test func titleOfExactly200CharactersIsAccepted() throws {
        let (s, _) = makeSession()
        #expect(run(s, "vacancy add --title \(String(repeating: "é", count: 200)) --unit U --seats 1") == .finished)
        #expect(try s.state().vacancy("V1")?.title.count == 200)
    }

    @Test(arguments: [("0.00", "0.00"), ("4.00", "4.00"), ("4", "4"), ("3.62", "3.62"), ("0", "0"), ("3.1", "3.1")])
    func gpaFromZeroToFourWithTwoDecimalsIsKept(_ gpa: String, _ stored: String) throws {
        let (s, _) = makeSession()
        #expect(run(s, "\(addApplicant) --gpa \(gpa)") == .finished)
        #expect(try s.state().applicant("A1")?.gpa?.description == stored)
    }

    @Test(arguments: [
        ("4.01", KemuningError.failed("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not 4.01", at: at(1, gpaColumn, 4),
                                      hint: "a school average (0.00 to 100.00) needs --education SD, SMP, SMA or SMK")),
        ("3.755", .failed("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not 3.755", at: at(1, gpaColumn, 5))),
        ("4.000", .failed("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not 4.000", at: at(1, gpaColumn, 5))),
        ("-0.01", .failed("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not -0.01", at: at(1, gpaColumn, 5))),
        ("100", .failed("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not 100", at: at(1, gpaColumn, 3),
                        hint: "a school average (0.00 to 100.00) needs --education SD, SMP, SMA or SMK")),
        ("100.01", .failed("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not 100.01", at: at(1, gpaColumn, 6))),
        ("3,5", .failed("bad number '3,5' for --gpa: expected a decimal like 3.75", at: at(1, gpaColumn, 3))),
    ])
    func gpaOutsideTheScaleIsRefused(_ gpa: String, _ expected: KemuningError) throws {
        let (s, log) = makeSession()
        #expect(run(s, "\(addApplicant) --gpa \(gpa)") == reported(expected))
        #expect(log.errors == [expected])
        #expect(try s.state().applicants == [])
    }

    @Test(arguments: [("SMA", "0.00"), ("SMK", "85.50"), ("SMA", "100.00"), ("SMP", "100"), ("SD", "4.01"),
                      ("sma IPA", "72.5"), ("SMK Teknik Mesin", "99.99")])
    func aSchoolLeaversGPAIsTheirSchoolAverageFromZeroToHundred(_ education: String, _ gpa: String) throws {
        let (s, _) = makeSession()
        #expect(run(s, "\(addApplicant) --gpa \(gpa) --education \"\(education)\"") == .finished)
        let a = try #require(try s.state().applicant("A1"))
        #expect(a.gpa?.description == gpa)
        #expect(a.gpaScale == .schoolAverage)
    }

    @Test(arguments: [("S1", "0.00"), ("S1", "4.00"), ("D3", "3.62"), ("S2 Administrasi Publik", "4")])
    func aGraduatesGPAIsTheirIPKFromZeroToFour(_ education: String, _ gpa: String) throws {
        let (s, _) = makeSession()
        #expect(run(s, "\(addApplicant) --gpa \(gpa) --education \"\(education)\"") == .finished)
        let a = try #require(try s.state().applicant("A1"))
        #expect(a.gpa?.description == gpa)
        #expect(a.gpaScale == .ipk)
    }

    /// The message names the scale and the education level that chose it, and quotes the value;
    /// a value that would fit the other scale gets a hint saying which levels use it.
    @Test(arguments: [
        ("S1", "4.01", KemuningError.failed("--gpa for education S1 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 4.01", at: at(1, gpaColumn, 4),
                                            hint: "only SD, SMP, SMA and SMK leavers are ranked on a school average (0.00 to 100.00)")),
        ("D3 Teknik Informatika", "85.50", .failed("--gpa for education D3 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 85.50", at: at(1, gpaColumn, 5),
                                                   hint: "only SD, SMP, SMA and SMK leavers are ranked on a school average (0.00 to 100.00)")),
        ("s1", "3.755", .failed("--gpa for education S1 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 3.755", at: at(1, gpaColumn, 5))),
        ("S1", "100.01", .failed("--gpa for education S1 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 100.01", at: at(1, gpaColumn, 6))),
        ("SMK", "100.01", .failed("--gpa for education SMK is the school average (nilai rata-rata ijazah), from 0.00 to 100.00 with at most 2 decimals, not 100.01",
                                  at: at(1, gpaColumn, 6))),
        ("SMA", "85.555", .failed("--gpa for education SMA is the school average (nilai rata-rata ijazah), from 0.00 to 100.00 with at most 2 decimals, not 85.555",
                                  at: at(1, gpaColumn, 6))),
        ("SMA", "100.000", .failed("--gpa for education SMA is the school average (nilai rata-rata ijazah), from 0.00 to 100.00 with at most 2 decimals, not 100.000",
                                   at: at(1, gpaColumn, 7))),
        ("SMP", "-0.01", .failed("--gpa for education SMP is the school average (nilai rata-rata ijazah), from 0.00 to 100.00 with at most 2 decimals, not -0.01",
                                 at: at(1, gpaColumn, 5))),
    ])
    func aGPAOutsideTheScaleOfTheEducationLevelIsRefused(_ education: String, _ gpa: String, _ expected: KemuningError) throws {
        let (s, log) = makeSession()
        #expect(run(s, "\(addApplicant) --gpa \(gpa) --education \"\(education)\"") == reported(expected))
        #expect(log.errors == [expected])
        #expect(try s.state().applicants == [])
    }

    // "applicant add --nik " puts the NIK at column 21.
    @Test(arguments: [
        ("320123456789000", "bad NIK '3201*********00': a NIK is exactly 16 digits, and it has 15 digits"),
        ("32012345678900012", "bad NIK '3201***********12': a NIK is exactly 16 digits, and it has 17 digits"),
        ("320123456789000A", "bad NIK '3201**********0A': a NIK is exactly 16 digits, and it has characters that are not digits"),
        ("3201-2345-6789-01", "bad NIK '3201***********01': a NIK is exactly 16 digits, and it has characters that are not digits"),
    ])
    func badNIKsPointAtTheNIKShowingItMasked(_ nik: String, _ message: String) throws {
        let (s, log) = makeSession()
        run(s, "applicant add --nik \(nik) --name N --born 1990-01-01")
        #expect(log.errors == [.failed(.verbatim(message), at: at(1, 21, nik.unicodeScalars.count))])
        #expect(try s.state().applicants == [])
    }

    @Test func aDuplicateNIKIsRefusedMaskedAndChangesNothing() throws {
        let store = MemoryStore()
        let (s, log) = makeSession(store)
        run(s, addApplicant)
        let before = try s.state()
        #expect(run(s, "applicant add --nik \(nik1) --name Other --born 1990-01-01") ==
                reported(.failed("NIK 3201**********01 is already registered, as applicant A1", at: at(1, 21, 16))))
        #expect(log.errors.last?.message.english.contains(nik1) == false)
        #expect(try s.state() == before)
        #expect(try s.state().nextId("A") == "A2")
        #expect(store.appended == 1)
    }

    @Test(arguments: [
        ("2026-11-29", "--born 2026-11-29 is not before today (2026-11-29)"),
        ("2027-01-01", "--born 2027-01-01 is not before today (2026-11-29)"),
    ])
    func bornMustBeBeforeToday(_ born: String, _ message: String) throws {
        let (s, log) = makeSession()
        run(s, "applicant add --nik \(nik1) --name N --born \(born)")
        #expect(log.errors == [.failed(.verbatim(message), at: at(1, 54, 10))])
        #expect(run(s, "applicant add --nik \(nik1) --name N --born 2026-11-28") == .finished)
    }

    @Test func badEducationOfAnApplicantPointsAtTheValueWithAHint() {
        let (s, log) = makeSession()
        run(s, "\(addApplicant) --education S4")
        #expect(log.errors == [.failed("bad education 'S4': 'S4' is not a level (SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3)",
                                       at: at(1, educationColumn, 2), hint: "did you mean 'SD'?")])
    }

    @Test func listingsMaskTheNIKUnlessRevealed() {
        let (s, log) = makeSession()
        run(s, "\(addApplicant) --education \"s1 Akuntansi\" --gpa 3.50\napplicant list\napplicant list --reveal\napplicant show a1")
        let columns: [Output.Column] = [.init("id", "ID"), .init("nik", "NIK"), .init("name", "NAME"), .init("born", "BORN"),
                                        .init("education", "EDUCATION"), .init("gpa", "GPA", alignRight: true)]
        #expect(log.outputs.dropFirst().first == Output(.table(columns: columns, rows: [["A1", "3201**********01", "Budi Santoso", "1994-11-02", "S1 Akuntansi", .number("3.50")]])))
        #expect(log.outputs.dropFirst(2).first == Output(.table(columns: columns, rows: [["A1", .string(nik1), "Budi Santoso", "1994-11-02", "S1 Akuntansi", .number("3.50")]])))
        guard case .record(let fields)? = log.outputs.last?.body else { Issue.record("no record"); return }
        #expect(fields.map(\.value) == ["A1", "3201**********01", "Budi Santoso", "1994-11-02", "S1 Akuntansi", .number("3.50"), "2026-11-29"])
    }

    @Test(arguments: [
        (0, "vacancy show V9", KemuningError.failed("no vacancy 'V9'", at: at(1, 14, 2), hint: "there are no vacancies yet")),
        (1, "vacancy show v9", .failed("no vacancy 'v9'", at: at(1, 14, 2), hint: "the only vacancy is V1")),
        (3, "vacancy show V9", .failed("no vacancy 'V9'", at: at(1, 14, 2), hint: "vacancy ids run from V1 to V3")),
        (0, "applicant show A1", .failed("no applicant 'A1'", at: at(1, 16, 2), hint: "there are no applicants yet")),
    ])
    func unknownIdsSayWhichIdsExist(_ vacancies: Int, _ line: String, _ expected: KemuningError) {
        let (s, log) = makeSession()
        for _ in 0..<vacancies { run(s, addVacancy) }
        run(s, line)
        #expect(log.errors == [expected])
    }

    @Test func vacancyListFiltersByUnit() {
        let (s, log) = makeSession()
        run(s, "\(addVacancy)\nvacancy add --title P --unit Diskominfo --seats 1\nvacancy list --unit Diskominfo")
        guard case .table(_, let rows)? = log.outputs.last?.body else { Issue.record("no table"); return }
        #expect(rows == [["V2", "P", "Diskominfo", 1, "cpns", "general", [], "draft", 0]])
    }
}
