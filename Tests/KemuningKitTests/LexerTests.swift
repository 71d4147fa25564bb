import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Lexes text that must be complete, returning its statements.
private func statements(_ text: String, firstLine: Int = 1) throws -> [Statement] {
    let result = try Lexer.lex(text, firstLine: firstLine)
    guard case .complete(let s) = result else {
        Issue.record("expected complete input, got \(result)")
        return []
    }
    return s
}

/// The words of each statement as literal text ("<var>" marks a word holding a variable).
private func words(_ text: String) throws -> [[String]] {
    try statements(text).map { $0.words.map { $0.literalText ?? "<var>" } }
}

private func range(_ line: Int, _ column: Int, _ length: Int) -> SourceRange {
    SourceRange(line: line, column: column, length: length)
}

@Suite("Lexer")
struct LexerTests {

    // MARK: words and statements

    @Test(arguments: [
        ("vacancy add --seats 2", [["vacancy", "add", "--seats", "2"]]),
        ("  echo   a\tb  ", [["echo", "a", "b"]]),
        ("echo a; echo b", [["echo", "a"], ["echo", "b"]]),
        ("echo a;echo b;", [["echo", "a"], ["echo", "b"]]),
        ("echo a\necho b\n", [["echo", "a"], ["echo", "b"]]),
        (";;\n\n;", []),
        ("", []),
        ("echo a\r\n", [["echo", "a"]]),
        // `#` starts a comment only at the start of a word.
        ("echo a # a comment", [["echo", "a"]]),
        ("echo a#b", [["echo", "a#b"]]),
        ("# only a comment", []),
        ("echo '#x' \"#y\"", [["echo", "#x", "#y"]]),
        ("echo \\#x", [["echo", "#x"]]),
        ("echo a;# comment\necho b", [["echo", "a"], ["echo", "b"]]),
        ("echo a # comment with a trailing \\", [["echo", "a"]]),
        ("echo a # ; echo b", [["echo", "a"]]),
        // Backslash escapes outside quotes.
        ("echo a\\ b", [["echo", "a b"]]),
        ("echo \\\"x\\\"", [["echo", "\"x\""]]),
        ("echo a\\;b", [["echo", "a;b"]]),
        ("echo \\$x", [["echo", "$x"]]),
        ("echo \\\\", [["echo", "\\"]]),
        // Backslash-newline joins lines, inside a word or between words.
        ("echo a\\\nb", [["echo", "ab"]]),
        ("echo a \\\n b", [["echo", "a", "b"]]),
        // Quotes.
        ("echo \"a b\" 'c d'", [["echo", "a b", "c d"]]),
        ("echo x\"a b\"y", [["echo", "xa by"]]),
        ("echo \"\" ''", [["echo", "", ""]]),
        ("echo 'a\\nb $x'", [["echo", "a\\nb $x"]]),
        ("echo \"a\\\"b\\\\c\\nd\\te\\$f\\qg\"", [["echo", "a\"b\\c\nd\te$f\\qg"]]),
        ("echo \"a;b # c\"", [["echo", "a;b # c"]]),
        ("echo \"line1\nline2\"", [["echo", "line1\nline2"]]),
        ("echo \"a\\\nb\"", [["echo", "ab"]]),
        // A `$` not followed by a name is a literal dollar.
        ("echo $1 a$ $ \"$\" $-x", [["echo", "$1", "a$", "$", "$", "$-x"]]),
    ])
    func splitsWordsAndStatements(_ text: String, _ expected: [[String]]) throws {
        #expect(try words(text) == expected)
    }

    @Test func wordRangesCountUnicodeScalarsFromColumnOne() throws {
        let st = try #require(try statements("vacancy add --seats 2").first)
        #expect(st.words.map(\.range) == [range(1, 1, 7), range(1, 9, 3), range(1, 13, 7), range(1, 21, 1)])
        #expect(st.range == range(1, 1, 21))
        #expect(st.text == "vacancy add --seats 2")

        // A combining accent is its own scalar; a wide character is one scalar.
        let uni = try #require(try statements("echo e\u{301} 日本 x").first)
        #expect(uni.words.map(\.range) == [range(1, 1, 4), range(1, 6, 2), range(1, 9, 2), range(1, 12, 1)])
    }

    @Test func multiByteCharactersCountAsOneColumnEverywhere() throws {
        let s = try statements("echo \\é x; echo 日本 \"\\ü\"")
        #expect(s.map { $0.words.map(\.literalText) } == [["echo", "é", "x"], ["echo", "日本", "\\ü"]])
        #expect(s[0].words.map(\.range) == [range(1, 1, 4), range(1, 6, 2), range(1, 9, 1)])
        #expect(s[1].words.map(\.range) == [range(1, 12, 4), range(1, 17, 2), range(1, 20, 4)])
        #expect(s.map(\.range) == [range(1, 1, 9), range(1, 12, 12)])
        #expect(try statements("echo \"日\n本\" ü")[0].words.map(\.range) == [range(1, 1, 4), range(1, 6, 5), range(2, 4, 1)])
        #expect(throws: KemuningError(.syntax, "bad variable name 'é': names are letters, digits and '_', not starting with a digit", at: range(1, 8, 4))) {
            try Lexer.lex("echo ü ${é}")
        }
    }

    @Test func statementsKnowTheirLineAndText() throws {
        let s = try statements("echo a;  echo b\n\n  echo c # note", firstLine: 7)
        #expect(s.map(\.text) == ["echo a", "echo b", "echo c"])
        #expect(s.map(\.range) == [range(7, 1, 6), range(7, 10, 6), range(9, 3, 6)])
    }

    @Test func continuedStatementKeepsItsTextAndLaterLines() throws {
        let s = try statements("echo a \\\n  b")
        #expect(s.count == 1)
        #expect(s[0].text == "echo a \\\n  b")
        #expect(s[0].words.map(\.range) == [range(1, 1, 4), range(1, 6, 1), range(2, 3, 1)])
    }

    @Test func wordSpanningLinesMeasuresItsLengthInScalars() throws {
        let s = try statements("echo \"a\nb\"")
        #expect(s[0].words[1].range == range(1, 6, 5))
    }

    @Test func quotedWordsAreMarkedQuotedAndAreNeverFlags() throws {
        let w = try statements("echo --x \"--y\" '--z' a\"\" --")[0].words
        #expect(w.map(\.quoted) == [false, false, true, true, true, false])
        let args = w.map { Arg($0.literalText!, range: $0.range, quoted: $0.quoted) }
        #expect(args.map(\.isFlag) == [false, true, false, false, false, false])
    }

    // MARK: variables

    @Test func dollarNameAndBracedNameBecomeVariableParts() throws {
        let w = try statements("echo $unit ${v}x \"id=$v!\" pre$a_1.b")[0].words
        #expect(w[1].parts == [.variable("unit", range(1, 6, 5))])
        #expect(w[2].parts == [.variable("v", range(1, 12, 4)), .literal("x")])
        #expect(w[2].range == range(1, 12, 5))
        #expect(w[3].parts == [.literal("id="), .variable("v", range(1, 22, 2)), .literal("!")])
        #expect(w[3].quoted)
        #expect(w[4].parts == [.literal("pre"), .variable("a_1", range(1, 30, 4)), .literal(".b")])
        #expect(w[1].literalText == nil)
    }

    @Test(arguments: [
        ("echo ${1x}", "bad variable name '1x': names are letters, digits and '_', not starting with a digit", range(1, 6, 5)),
        ("echo ${}", "bad variable name '': names are letters, digits and '_', not starting with a digit", range(1, 6, 3)),
        ("echo ${a-b}", "bad variable name 'a-b': names are letters, digits and '_', not starting with a digit", range(1, 6, 6)),
        ("echo ${abc", "unterminated '${': expected '}' after the variable name", range(1, 6, 5)),
        ("echo \"${abc\"", "unterminated '${': expected '}' after the variable name", range(1, 7, 5)),
    ])
    func badBracedVariablesAreSyntaxErrorsAtTheVariable(_ text: String, _ message: String, _ at: SourceRange) {
        #expect(throws: KemuningError(.syntax, .verbatim(message), at: at)) { try Lexer.lex(text) }
    }

    // MARK: incomplete input

    @Test(arguments: [
        ("echo \"abc", Lexer.Incomplete.doubleQuote(range(1, 6, 1))),
        ("echo 'abc", .singleQuote(range(1, 6, 1))),
        ("echo 'it''s", .singleQuote(range(1, 10, 1))),
        ("echo \"a\\\"", .doubleQuote(range(1, 6, 1))),
        ("echo \"a\\", .doubleQuote(range(1, 6, 1))),
        ("echo a\\", .backslash(range(1, 7, 1))),
        ("echo a \\", .backslash(range(1, 8, 1))),
        ("echo a;\necho \"b\nc", .doubleQuote(range(2, 6, 1))),
    ])
    func unfinishedQuotesAndTrailingBackslashAskForMore(_ text: String, _ expected: Lexer.Incomplete) throws {
        #expect(try Lexer.lex(text) == .incomplete(expected))
    }

    @Test func incompleteInputBecomesASyntaxErrorWhenTheInputEnds() {
        let r = range(3, 4, 1)
        #expect(Lexer.Incomplete.doubleQuote(r).error == KemuningError(.syntax, "unterminated string: the '\"' here is never closed", at: r))
        #expect(Lexer.Incomplete.singleQuote(r).error == KemuningError(.syntax, "unterminated string: the \"'\" here is never closed", at: r))
        #expect(Lexer.Incomplete.backslash(r).error == KemuningError(.syntax, "a '\\' at the end of the input continues a line that never comes", at: r))
    }

    @Test func continuationCompletesOnceTheQuoteCloses() throws {
        #expect(try words("echo \"a\nb\" c") == [["echo", "a\nb", "c"]])
        #expect(try words("echo a \\\n") == [["echo", "a"]])
    }

    // MARK: chunks of lines

    /// Feeds `text` line by line and gathers what the chunker gives: each complete chunk's
    /// statements with its text and first line, or its error, then the error at the end.
    private static func chunked(_ text: String) -> [String] {
        var chunker = LineChunker()
        var out: [String] = []
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            switch chunker.feed(String(line), number: k + 1) {
            case .waiting: break
            case .complete(let st, let text, let first): out.append("\(first): \(text.debugDescription) \(st)")
            case .failed(let e): out.append("failed \(e)")
            }
        }
        if let e = chunker.finish() { out.append("end \(e)") }
        return out
    }

    /// The same chunks, lexing each one whole: what feeding lines must agree with.
    private static func lexedWhole(_ text: String) -> [String] {
        var out: [String] = []
        var pending: (text: String, first: Int)?
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            let chunk = pending.map { ($0.text + "\n" + line, $0.first) } ?? (line, k + 1)
            do {
                switch try Lexer.lex(chunk.0, firstLine: chunk.1) {
                case .incomplete: pending = chunk
                case .complete(let st):
                    out.append("\(chunk.1): \(chunk.0.debugDescription) \(st)")
                    pending = nil
                }
            } catch {
                out.append("failed \(error)")
                pending = nil
            }
        }
        if let p = pending, case .incomplete(let why)? = try? Lexer.lex(p.text, firstLine: p.first) { out.append("end \(why.error)") }
        return out
    }

    @Test(arguments: [
        "echo \"a\nb\" c\necho d",
        "echo 'a\n\nb' c; echo \"x\ny\"z 'q\nr'\n",
        "echo a \\\n  b \\\n c\necho \"\\\nx\"",
        "echo \"a $\n$b ${c}\"\necho \"${\nx}\" done\necho after",
        "echo \"unclosed\nline two\nline three",
        "echo 'unclosed\n\"half\nthree",
        "echo \"é\nü\" ¿\r\necho \"a\r\nb\"\r",
        "let x = echo \"a\n${bad name}\"\necho next\necho \"\n\"",
        "echo \"x\\\n\\\\\" y\necho \\",
    ])
    func feedingLinesAgreesWithLexingEachChunkWhole(_ text: String) {
        #expect(Self.chunked(text) == Self.lexedWhole(text))
    }

    /// A stray quote early in a script held the rest of it as one chunk that was lexed again
    /// from its start for every line: 4,000 lines took seconds, 20,000 minutes.
    @Test func aLongChunkAfterAnUnclosedQuoteIsLexedOnce() {
        let line = "applicant add --nik 3201000000000001 --name \"x y\" --born 1990-01-01"
        let text = "echo \"stray\n" + Array(repeating: line, count: 4000).joined(separator: "\n")
        let clock = ContinuousClock()
        var result: [String] = []
        let took = clock.measure { result = Self.chunked(text) }
        #expect(result.count == 1 && result[0].hasPrefix("end "))
        #expect(took < .seconds(2), "4,000 lines after an unclosed quote took \(took)")
    }

    // MARK: size

    @Test func oneMegabyteLineLexesAsOneWord() throws {
        let n = 1 << 20
        let big = String(repeating: "a", count: n)
        let s = try statements("echo " + big + " end")
        #expect(s.count == 1)
        #expect(s[0].words.count == 3)
        #expect(s[0].words[1].literalText?.utf8.count == n)
        #expect(s[0].words[1].range == range(1, 6, n))
        #expect(s[0].words[2].range == range(1, 7 + n, 3))
    }

    @Test func oneMegabyteQuotedLineLexes() throws {
        let n = 1 << 20
        let s = try statements("echo \"" + String(repeating: "é ", count: n / 2) + "\"")
        #expect(s[0].words[1].literalText?.unicodeScalars.count == n)
    }

    @Test func sourceRangeLengthIsAtLeastOne() {
        #expect(SourceRange(line: 1, column: 1, length: 0).length == 1)
        #expect(SourceRange(line: 1, column: 1, length: -3).length == 1)
    }

    @Test func sourceRemembersLinesForQuotingUntilForgotten() {
        let s = Source(name: "x.kmn")
        s.remember(line: 3, text: "third")
        #expect(s.text(ofLine: 3) == "third")
        #expect(s.text(ofLine: 1) == nil)
        #expect(s.text(ofLine: 4) == nil)
        #expect(s.text(ofLine: 0) == nil)
        s.remember(line: 5, text: "fifth")
        #expect(s.text(ofLine: 4) == "")
        #expect(s.text(ofLine: 5) == "fifth")
        s.forget(before: 5)
        #expect(s.text(ofLine: 3) == nil)
        #expect(s.text(ofLine: 5) == "fifth")
    }
}
