import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The words of a one-statement line as arguments (no variables allowed).
private func args(_ line: String) throws -> [Arg] {
    guard case .complete(let statements) = try Lexer.lex(line), let st = statements.first else {
        Issue.record("'\(line)' does not lex to a statement")
        return []
    }
    return st.words.map { Arg($0.literalText!, range: $0.range, quoted: $0.quoted) }
}

private let table = CommandTable.standard

/// Resolves and parses a line the way a session does.
private func parse(_ line: String) throws -> Arguments {
    let a = try args(line)
    let (spec, used) = try table.resolve(a)
    return try table.parse(Array(a.dropFirst(used)), for: spec, commandRange: a[0].range)
}

private func r(_ column: Int, _ length: Int) -> SourceRange { SourceRange(line: 1, column: column, length: length) }

@Suite("CommandTable")
struct CommandTableTests {

    // MARK: resolving names

    @Test(arguments: [
        ("vacancy add --title T", "vacancy add", 2),
        ("vacancy list", "vacancy list", 2),
        ("echo add", "echo", 1),
        ("help vacancy add", "help", 1),
        ("snapshot restore x", "snapshot restore", 2),
        ("store check", "store check", 2),
        ("quit 3", "quit", 1),
    ])
    func resolvesOneAndTwoWordNames(_ line: String, _ name: String, _ used: Int) throws {
        let (spec, n) = try table.resolve(try args(line))
        #expect(spec.name == name)
        #expect(n == used)
    }

    @Test(arguments: [
        ("vacancy", "'vacancy' needs a sub-command: add, set, announce, advance, close, list, show, optimize, results", r(1, 7), "see: help vacancy"),
        ("vacancy --title x", "'vacancy' needs a sub-command: add, set, announce, advance, close, list, show, optimize, results", r(1, 7), "see: help vacancy"),
        ("snapshot", "'snapshot' needs a sub-command: save, list, restore, delete", r(1, 8), "see: help snapshot"),
        ("store", "'store' needs a sub-command: info, init, copy, check", r(1, 5), "see: help store"),
        ("vacancy ad", "unknown sub-command 'vacancy ad'", r(9, 2), "did you mean 'vacancy add'?"),
        ("vacancy lsit", "unknown sub-command 'vacancy lsit'", r(9, 4), "did you mean 'vacancy list'?"),
        ("vacancy zzz", "unknown sub-command 'vacancy zzz'", r(9, 3), "'vacancy' has: add, set, announce, advance, close, list, show, optimize, results"),
        ("applicant remove A1", "unknown sub-command 'applicant remove'", r(11, 6), "'applicant' has: add, set, list, show, find"),
        ("vacansy add", "unknown command 'vacansy'", r(1, 7), "did you mean 'vacancy'?"),
        ("ech hi", "unknown command 'ech'", r(1, 3), "did you mean 'echo'?"),
        ("lett x = 1", "unknown command 'lett'", r(1, 4), "did you mean 'let'?"),
        ("applicnat list", "unknown command 'applicnat'", r(1, 9), "did you mean 'applicant'?"),
        ("frobnicate", "unknown command 'frobnicate'", r(1, 10), "type 'help' for the list of commands"),
        ("V1", "unknown command 'V1'", r(1, 2), "type 'help' for the list of commands"),
    ])
    func unknownNamesAreSyntaxErrorsWithHints(_ line: String, _ message: String, _ at: SourceRange, _ hint: String) throws {
        let a = try args(line)
        #expect(throws: KemuningError(.syntax, .verbatim(message), at: at, hint: .verbatim(hint))) { try table.resolve(a) }
    }

    // MARK: parsing arguments

    @Test func parsesFlagsAndPositionals() throws {
        let a = try parse("vacancy add --title \"Analis Kebijakan\" --unit=Bappeda --seats 2 --education S1 --education \"D3 Teknik\"")
        #expect(a.string("title") == "Analis Kebijakan")
        #expect(a.range("title") == r(21, 18))
        #expect(a.string("unit") == "Bappeda")
        #expect(a.range("unit") == r(40, 14))
        #expect(a.int("seats") == 2)
        #expect(a.flags["education"]?.map(\.text) == ["S1", "D3 Teknik"])
        #expect(a.strings("education") == ["S1", "D3 Teknik"])
        #expect(a.string("type") == nil)
        #expect(a.commandRange == r(1, 7))
        #expect(a.positionals == [])
    }

    @Test func boolFlagsTakeNoValueButAcceptAnInlineOne() throws {
        #expect(try parse("applicant list --reveal").bool("reveal"))
        #expect(try parse("applicant list --reveal=yes").bool("reveal"))
        #expect(try !parse("applicant list --reveal=off").bool("reveal"))
        #expect(try !parse("applicant list").bool("reveal"))
        // A bool flag does not swallow the next word.
        let show = try parse("applicant show --reveal A1")
        #expect(show.positionals.map(\.text) == ["A1"])
        #expect(show.bool("reveal"))
    }

    @Test func doubleDashEndsFlagsAndQuotedDashesAreWords() throws {
        #expect(try parse("echo -- --x --").positionals.map(\.text) == ["--x", "--"])
        #expect(try parse("echo \"--x\" '--y'").positionals.map(\.text) == ["--x", "--y"])
        #expect(try parse("echo -x -").positionals.map(\.text) == ["-x", "-"])
        #expect(try parse("vacancy list --unit --").string("unit") == "--")
    }

    @Test(arguments: [
        // Unknown flags, with the closest one as a hint.
        ("vacancy add --seat 3", KemuningError(.syntax, "unknown flag '--seat' for 'vacancy add'", at: r(13, 6), hint: "did you mean '--seats'?")),
        ("vacancy add --tilte x", KemuningError(.syntax, "unknown flag '--tilte' for 'vacancy add'", at: r(13, 7), hint: "did you mean '--title'?")),
        ("vacancy add --zzzzzz 1", KemuningError(.syntax, "unknown flag '--zzzzzz' for 'vacancy add'", at: r(13, 8), hint: "see: help vacancy add")),
        ("vacancy add --seats=2 --unit=x --titel=y", KemuningError(.syntax, "unknown flag '--titel' for 'vacancy add'", at: r(32, 9), hint: "did you mean '--title'?")),
        ("vars --all", KemuningError(.syntax, "unknown flag '--all' for 'vars'", at: r(6, 5), hint: "'vars' takes no flags")),
        ("vacancy show --x V1", KemuningError(.syntax, "unknown flag '--x' for 'vacancy show'", at: r(14, 3), hint: "'vacancy show' takes no flags")),
        // A flag given twice.
        ("vacancy list --unit a --unit b", KemuningError(.syntax, "flag '--unit' is given twice", at: r(23, 6))),
        ("applicant list --reveal --reveal", KemuningError(.syntax, "flag '--reveal' is given twice", at: r(25, 8))),
        ("vacancy add --title a --title=b --unit u --seats 1", KemuningError(.syntax, "flag '--title' is given twice", at: r(23, 9))),
        // A flag missing its value.
        ("vacancy list --unit", KemuningError(.syntax, "flag '--unit' needs a value: --unit TEXT", at: r(14, 6))),
        ("vacancy add --title --unit x --seats 1", KemuningError(.syntax, "flag '--title' needs a value: --title TEXT", at: r(13, 7))),
        ("vacancy add --title t --unit u --seats", KemuningError(.syntax, "flag '--seats' needs a value: --seats N", at: r(32, 7))),
        ("vacancy add --title t --unit u --seats 1 --type", KemuningError(.syntax, "flag '--type' needs a value: --type cpns|pppk", at: r(42, 6))),
        // Missing required flags and positionals.
        ("vacancy add --title a --unit b", KemuningError(.syntax, "'vacancy add' needs --seats N", at: r(1, 7),
                                                          hint: "usage: vacancy add --title TEXT --unit TEXT --seats N [--type cpns|pppk] [--education TEXT]... [--category general|cumlaude|diaspora|disability|papua|disadvantaged] [--pass-marks TEXT] [--skb TEXT]"
                                                                + " [--cat-max N] [--quota-factor N] [--opens YYYY-MM-DD] [--closes YYYY-MM-DD] [--rubric TEXT] [--objection-days N] [--min-age N] [--max-age N]")),
        ("vacancy show", KemuningError(.syntax, "'vacancy show' needs ID", at: r(1, 7), hint: "usage: vacancy show ID")),
        ("assert a ==", KemuningError(.syntax, "'assert' needs RIGHT", at: r(1, 6), hint: "usage: assert LEFT OP RIGHT")),
        ("vacancy show V1 V2", KemuningError(.syntax, "unexpected argument 'V2' for 'vacancy show'", at: r(17, 2), hint: "usage: vacancy show ID")),
        ("vars x", KemuningError(.syntax, "unexpected argument 'x' for 'vars'", at: r(6, 1), hint: "usage: vars")),
        // Values of the wrong form: the command ran with bad values, so these are failures.
        ("vacancy add --title t --unit u --seats 0", KemuningError.failed("--seats must be from 1 to 100000, not 0", at: r(40, 1))),
        ("vacancy add --title t --unit u --seats -1", KemuningError.failed("--seats must be from 1 to 100000, not -1", at: r(40, 2))),
        ("vacancy add --title t --unit u --seats 100001", KemuningError.failed("--seats must be from 1 to 100000, not 100001", at: r(40, 6))),
        ("vacancy add --title t --unit u --seats two", KemuningError.failed("bad number 'two' for --seats: expected a whole number", at: r(40, 3))),
        ("vacancy add --title t --unit u --seats 1.5", KemuningError.failed("bad number '1.5' for --seats: expected a whole number", at: r(40, 3))),
        ("vacancy add --title t --unit u --seats 1 --type cpn", KemuningError.failed("bad value 'cpn' for --type: expected one of cpns, pppk", at: r(49, 3), hint: "did you mean 'cpns'?")),
        ("vacancy add --title t --unit u --seats 1 --type=honorer", KemuningError.failed("bad value 'honorer' for --type: expected one of cpns, pppk", at: r(42, 14))),
        ("applicant add --nik 1 --name n --born 2026-13-01", KemuningError.failed("bad date '2026-13-01': there is no month 13", at: r(39, 10))),
        ("applicant add --nik 1 --name n --born 2026-1-05", KemuningError.failed("bad date '2026-1-05': expected YYYY-MM-DD, like 2026-01-31", at: r(39, 9))),
        ("applicant add --nik 1 --name n --born 1996-01-01 --gpa 3,5", KemuningError.failed("bad number '3,5' for --gpa: expected a decimal like 3.75", at: r(56, 3))),
        ("applicant list --reveal=maybe", KemuningError.failed("flag '--reveal' is on or off, not 'maybe'", at: r(16, 14))),
        ("vacancy show X1", KemuningError.failed("bad vacancy id 'X1': expected V and a number, like V1", at: r(14, 2))),
        ("vacancy show V0", KemuningError.failed("bad vacancy id 'V0': expected V and a number, like V1", at: r(14, 2))),
        ("applicant show V1", KemuningError.failed("bad applicant id 'V1': expected A and a number, like A1", at: r(16, 2))),
        ("assert 1 =~ 2", KemuningError.failed("bad value '=~' for OP: expected one of ==, !=, <, <=, >, >=", at: r(10, 2), hint: "did you mean '=='?")),
        ("quit 256", KemuningError.failed("CODE must be from 0 to 255, not 256", at: r(6, 3))),
        ("sleep -5", KemuningError.failed("MS must be from 0 to 86400000, not -5", at: r(7, 2))),
    ])
    func refusesBadArguments(_ line: String, _ expected: KemuningError) throws {
        #expect(throws: expected) { try parse(line) }
    }

    @Test func repeatableFlagsMayBeGivenAgain() throws {
        let a = try parse("vacancy add --title t --unit u --seats 1 --education S1 --education=D3,D4")
        #expect(a.flags["education"]?.count == 2)
        #expect(a.strings("education") == ["S1", "D3", "D4"])
    }

    @Test func idsAreCheckedCaseInsensitivelyButKeptAsWritten() throws {
        #expect(try parse("vacancy show v12").positionals.map(\.text) == ["v12"])
    }

    @Test func seatsOfOneIsTheSmallestAccepted() throws {
        #expect(try parse("vacancy add --title t --unit u --seats 1").int("seats") == 1)
        #expect(try parse("vacancy add --title t --unit u --seats 100000").int("seats") == 100000)
    }

    // MARK: the table itself

    @Test func usageLinesComeFromTheSpec() throws {
        #expect(try #require(table.command("vacancy add")).usage
                == "vacancy add --title TEXT --unit TEXT --seats N [--type cpns|pppk] [--education TEXT]... [--category general|cumlaude|diaspora|disability|papua|disadvantaged] [--pass-marks TEXT] [--skb TEXT]"
                + " [--cat-max N] [--quota-factor N] [--opens YYYY-MM-DD] [--closes YYYY-MM-DD] [--rubric TEXT] [--objection-days N] [--min-age N] [--max-age N]")
        #expect(try #require(table.command("applicant add")).usage
                == "applicant add --nik NIK --name TEXT --born YYYY-MM-DD [--education TEXT] [--gpa NUMBER]")
        #expect(try #require(table.command("echo")).usage == "echo [WORDS...]")
        #expect(try #require(table.command("set")).usage == "set [SETTING] [VALUE] [--save]")
        #expect(try #require(table.command("applicant list")).usage == "applicant list [--reveal]")
    }

    @Test func topWordsAreUniqueAndInTableOrder() {
        #expect(table.topWords == ["let", "echo", "assert", "source", "run", "set", "vars", "help", "history", "sleep", "undo", "redo", "record", "quit", "exit",
                                   "save", "snapshot", "store", "vacancy", "applicant", "jobfair", "apply", "application", "screen", "skd",
                                   "interview", "skb", "final", "hire", "audit", "publish", "report", "policy", "employee", "training", "mentor",
                                   "skp", "service", "request", "complaint", "forum", "holiday", "survey", "workload", "recommend", "action", "import"])
        #expect(table.subcommands(of: "snapshot").map(\.name) == ["snapshot save", "snapshot list", "snapshot restore", "snapshot delete"])
        #expect(table.topLevel("vacancy") == "vacancy")
        #expect(table.topLevel("echo") == "echo")
        #expect(table.topLevel("V1") == nil)
    }

    @Test func everyCommandNameIsUnique() {
        let names = table.commands.map(\.name)
        #expect(Set(names).count == names.count)
    }

    // MARK: did you mean

    @Test(arguments: [
        ("seat", ["seats", "title"], "seats" as String?),
        ("SEATS", ["seats"], "seats"),
        ("tilte", ["title", "unit"], "title"),
        ("vac", ["vacancy", "vars"], "vacancy"),
        ("va", ["vacancy", "vars"], nil),
        ("", ["a"], nil),
        ("xyz", ["title", "unit"], nil),
        ("abcdef", ["abcxyz", "abcdxf"], "abcdxf"),
    ])
    func suggestsTheClosestCandidate(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(suggestion(for: word, among: candidates) == expected)
    }

    @Test(arguments: [("ab", "ba", 1), ("abc", "abc", 0), ("", "abc", 3), ("kitten", "sitting", 3), ("ca", "abc", 3)])
    func editDistanceCountsTranspositionsAsOneEdit(_ a: String, _ b: String, _ d: Int) {
        #expect(editDistance(Array(a), Array(b)) == d)
    }

    /// An ASCII flag word is cut by bytes; any other by Characters. Both give the name and
    /// the inline value the Characters give.
    @Test(arguments: ["--seats", "--seats=2", "--nik=", "--a=b=c", "--=x", "--née=1", "--x=ü", "--e\u{301}=1", "--x=\u{301}", "--"])
    func aFlagWordIsCutAtItsFirstEqualsSign(_ text: String) {
        let w = Arg(text, range: r(1, 1))
        var name = String(text.dropFirst(2))
        var inline: String?
        if let eq = name.firstIndex(of: "=") {
            inline = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
        }
        let cut = CommandTable.flagName(w)
        #expect(cut.name == name)
        #expect(cut.inline == inline)
    }
}
