/// Splits source text into statements of words.
///
/// The rules, in the spirit of a POSIX shell but smaller:
/// - blanks separate words; a newline or `;` ends a statement;
/// - `"double quotes"` take the escapes `\" \\ \n \t \$` and expand `$NAME` / `${NAME}`;
/// - `'single quotes'` are literal;
/// - outside quotes, `\` escapes the next character, and `\` at the end of a line joins it to the next;
/// - `#` at the start of a word starts a comment that runs to the end of the line.
///
/// Lexing a chunk either gives its statements, says the chunk needs more input (an unclosed
/// quote or a trailing backslash: the REPL then asks for a continuation line), or throws a
/// syntax error that points at the offending text.
public enum Lexer {
    public enum Incomplete: Equatable, Sendable {
        case doubleQuote(SourceRange)
        case singleQuote(SourceRange)
        case backslash(SourceRange)

        /// The error to report when the input ends while still incomplete.
        public var error: KemuningError {
            switch self {
            case .doubleQuote(let r):
                return KemuningError(.syntax, "unterminated string: the '\"' here is never closed", at: r)
            case .singleQuote(let r):
                return KemuningError(.syntax, "unterminated string: the \"'\" here is never closed", at: r)
            case .backslash(let r):
                return KemuningError(.syntax, "a '\\' at the end of the input continues a line that never comes", at: r)
            }
        }
    }

    public enum Result: Equatable, Sendable {
        case complete([Statement])
        case incomplete(Incomplete)
    }

    /// Lexes `text`, whose first line is line `firstLine` of its source.
    public static func lex(_ text: String, firstLine: Int = 1) throws -> Result {
        var scanner = Scanner(Array(text.unicodeScalars), line: firstLine)
        return try scanner.run()
    }

    public static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    public static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || (c >= "0" && c <= "9")
    }
}

private struct Scanner {
    let s: [Unicode.Scalar]
    var i = 0
    var line: Int
    var column = 1

    var statements: [Statement] = []
    var words: [Word] = []
    var statementStart: Int?
    var statementStartRange = SourceRange(line: 1, column: 1, length: 1)
    var statementEnd = 0

    // The word being built.
    var parts: [WordPart] = []
    var literal = String.UnicodeScalarView()
    var inWord = false
    var wordQuoted = false
    var wordStart = SourceRange(line: 1, column: 1, length: 1)
    var wordStartIndex = 0

    init(_ s: [Unicode.Scalar], line: Int) {
        self.s = s
        self.line = line
    }

    var here: SourceRange { SourceRange(line: line, column: column, length: 1) }

    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    mutating func advance() {
        if s[i] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        i += 1
    }

    mutating func run() throws -> Lexer.Result {
        while let c = peek() {
            if inWord {
                switch c {
                case " ", "\t", "\r", "\n", ";":
                    endWord()
                case "\"":
                    wordQuoted = true
                    if let inc = try doubleQuoted() { return .incomplete(inc) }
                case "'":
                    wordQuoted = true
                    if let inc = singleQuoted() { return .incomplete(inc) }
                case "$":
                    try variable()
                case "\\":
                    if let inc = backslash(inWord: true) { return .incomplete(inc) }
                default:
                    literal.append(c)
                    advance()
                }
                continue
            }
            switch c {
            case " ", "\t", "\r":
                advance()
            case "\n", ";":
                endStatement()
                advance()
            case "#":
                while let d = peek(), d != "\n" { advance() }
            case "\\" where peek(1) == "\n" || peek(1) == nil:
                if let inc = backslash(inWord: false) { return .incomplete(inc) }
            default:
                startWord()
            }
        }
        endWord()
        endStatement()
        return .complete(statements)
    }

    mutating func startWord() {
        inWord = true
        wordQuoted = false
        parts = []
        literal = String.UnicodeScalarView()
        wordStart = here
        wordStartIndex = i
        if statementStart == nil {
            statementStart = i
            statementStartRange = here
        }
    }

    mutating func flushLiteral() {
        if !literal.isEmpty {
            parts.append(.literal(String(literal)))
            literal = String.UnicodeScalarView()
        }
    }

    mutating func endWord() {
        guard inWord else { return }
        flushLiteral()
        if parts.isEmpty { parts = [.literal("")] }  // "" is an empty word, not no word
        var range = wordStart
        range.length = range.line == line ? column - wordStart.column : i - wordStartIndex
        words.append(Word(parts: parts, range: range, quoted: wordQuoted))
        statementEnd = i
        inWord = false
    }

    mutating func endStatement() {
        endWord()
        guard let start = statementStart, !words.isEmpty else { return }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[start..<statementEnd])
        var range = statementStartRange
        range.length = statementEnd - start
        statements.append(Statement(words: words, text: String(text), range: range))
        words = []
        statementStart = nil
    }

    /// `\` outside quotes: joins lines before a newline, else escapes the next character.
    mutating func backslash(inWord: Bool) -> Lexer.Incomplete? {
        let at = here
        guard let next = peek(1) else { return .backslash(at) }
        advance()
        if next == "\n" {
            advance()
            return nil
        }
        if inWord {
            literal.append(next)
            advance()
        }
        return nil
    }

    mutating func doubleQuoted() throws -> Lexer.Incomplete? {
        let open = here
        advance()
        while let c = peek() {
            switch c {
            case "\"":
                advance()
                return nil
            case "\\":
                guard let next = peek(1) else { return .doubleQuote(open) }
                advance()
                switch next {
                case "\"", "\\", "$": literal.append(next)
                case "n": literal.append("\n")
                case "t": literal.append("\t")
                case "\n": break  // backslash-newline joins lines inside quotes too
                default:
                    literal.append("\\")
                    literal.append(next)
                }
                advance()
            case "$":
                try variable()
            default:
                literal.append(c)
                advance()
            }
        }
        return .doubleQuote(open)
    }

    mutating func singleQuoted() -> Lexer.Incomplete? {
        let open = here
        advance()
        while let c = peek() {
            advance()
            if c == "'" { return nil }
            literal.append(c)
        }
        return .singleQuote(open)
    }

    /// `$NAME` or `${NAME}`; a `$` not followed by a name is a literal dollar.
    mutating func variable() throws {
        let start = here
        let startIndex = i
        if peek(1) == "{" {
            advance()
            advance()
            var name = String.UnicodeScalarView()
            while let c = peek(), c != "}" {
                if c == "\n" || c == "\"" { break }
                name.append(c)
                advance()
            }
            guard peek() == "}" else {
                var r = start
                r.length = i - startIndex
                throw KemuningError(.syntax, "unterminated '${': expected '}' after the variable name", at: r)
            }
            advance()
            var r = start
            r.length = i - startIndex
            let text = String(name)
            guard let first = name.first, Lexer.isNameStart(first), name.allSatisfy(Lexer.isNameChar) else {
                throw KemuningError(.syntax, "bad variable name '\(text)': names are letters, digits and '_', not starting with a digit", at: r)
            }
            flushLiteral()
            parts.append(.variable(text, r))
            return
        }
        guard let next = peek(1), Lexer.isNameStart(next) else {
            literal.append("$")
            advance()
            return
        }
        advance()
        var name = String.UnicodeScalarView()
        while let c = peek(), Lexer.isNameChar(c) {
            name.append(c)
            advance()
        }
        var r = start
        r.length = i - startIndex
        flushLiteral()
        parts.append(.variable(String(name), r))
    }
}
