import KemuningCore
import KemuningDomain
import KemuningStore
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
        var scanner = Scanner(Array(text.utf8), line: firstLine)
        return try scanner.run()
    }

    public static func isNameStart(_ c: Unicode.Scalar) -> Bool { Name.isStart(c) }

    public static func isNameChar(_ c: Unicode.Scalar) -> Bool { Name.isChar(c) }
}

/// Works on UTF-8 bytes: every character with a meaning in the syntax is ASCII, so other bytes
/// are copied into words as they are. Columns count Unicode scalars (bytes that do not continue
/// a multi-byte sequence).
///
/// A scan that runs out of input stops where it is and can be resumed once more bytes are
/// appended (`LineChunker` does so line by line): the result is the same as scanning the whole
/// text, but each byte is scanned once, not once per line of a long unfinished chunk.
private struct Scanner {
    var s: [UInt8]
    var i = 0
    /// The quote the input ran out inside: a resumed scan carries on inside it.
    var openQuote: Lexer.Incomplete?
    var line: Int
    var column = 1

    var statements: [Statement] = []
    var words: [Word] = []
    var statementStart: Int?
    var statementStartRange = SourceRange(line: 1, column: 1, length: 1)
    var statementEnd = 0
    var statementStartColumnCount = 0

    // The word being built.
    var parts: [WordPart] = []
    var literal: [UInt8] = []
    var inWord = false
    var wordQuoted = false
    var wordStart = SourceRange(line: 1, column: 1, length: 1)
    var wordStartIndex = 0
    /// Scalars consumed so far, to measure words that span lines.
    var scalarCount = 0
    var wordStartScalar = 0
    var statementEndScalar = 0

    init(_ s: [UInt8], line: Int) {
        self.s = s
        self.line = line
    }

    var here: SourceRange { SourceRange(line: line, column: column, length: 1) }

    func peek(_ k: Int = 0) -> UInt8? { i + k < s.count ? s[i + k] : nil }

    mutating func advance() {
        let b = s[i]
        if b == 10 {
            line += 1
            column = 1
            scalarCount += 1
        } else if b & 0xC0 != 0x80 {
            column += 1
            scalarCount += 1
        }
        i += 1
    }

    static let space: UInt8 = 32, tab: UInt8 = 9, cr: UInt8 = 13, newline: UInt8 = 10, semicolon: UInt8 = 59
    static let hash: UInt8 = 35, backslash: UInt8 = 92, dquote: UInt8 = 34, squote: UInt8 = 39, dollar: UInt8 = 36
    static let lbrace: UInt8 = 123, rbrace: UInt8 = 125

    /// Adds input after a scan that ran out of it; the next `run()` carries on from there.
    mutating func append(_ more: [UInt8]) {
        s.append(contentsOf: more)
    }

    mutating func run() throws -> Lexer.Result {
        if let quote = openQuote {
            openQuote = nil
            switch quote {
            case .doubleQuote(let open):
                if let inc = try doubleQuoted(resuming: open) { return .incomplete(inc) }
            case .singleQuote(let open):
                if let inc = singleQuoted(resuming: open) { return .incomplete(inc) }
            case .backslash:
                break  // nothing was consumed: the loop meets the backslash again
            }
        }
        while let c = peek() {
            if inWord {
                switch c {
                case Scanner.space, Scanner.tab, Scanner.cr, Scanner.newline, Scanner.semicolon:
                    endWord()
                case Scanner.dquote:
                    wordQuoted = true
                    if let inc = try doubleQuoted() { return .incomplete(inc) }
                case Scanner.squote:
                    wordQuoted = true
                    if let inc = singleQuoted() { return .incomplete(inc) }
                case Scanner.dollar:
                    try variable()
                case Scanner.backslash:
                    if let inc = backslash(inWord: true) { return .incomplete(inc) }
                default:
                    literal.append(c)
                    advance()
                }
                continue
            }
            switch c {
            case Scanner.space, Scanner.tab, Scanner.cr:
                advance()
            case Scanner.newline, Scanner.semicolon:
                endStatement()
                advance()
            case Scanner.hash:
                while let d = peek(), d != Scanner.newline { advance() }
            case Scanner.backslash where peek(1) == Scanner.newline || peek(1) == nil:
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
        // Emptied, not replaced: the buffers of the last word serve the next one.
        parts.removeAll(keepingCapacity: true)
        literal.removeAll(keepingCapacity: true)
        wordStart = here
        wordStartIndex = i
        wordStartScalar = scalarCount
        if statementStart == nil {
            statementStart = i
            statementStartRange = here
            statementStartColumnCount = scalarCount
        }
    }

    mutating func flushLiteral() {
        if !literal.isEmpty {
            parts.append(.literal(String(decoding: literal, as: UTF8.self)))
            literal.removeAll(keepingCapacity: true)
        }
    }

    mutating func endWord() {
        guard inWord else { return }
        flushLiteral()
        if parts.isEmpty { parts = [.literal("")] }  // "" is an empty word, not no word
        var range = wordStart
        range.length = range.line == line ? column - wordStart.column : scalarCount - wordStartScalar
        words.append(Word(parts: parts, range: range, quoted: wordQuoted))
        statementEnd = i
        statementEndScalar = scalarCount
        inWord = false
    }

    mutating func endStatement() {
        endWord()
        guard let start = statementStart, !words.isEmpty else { return }
        var range = statementStartRange
        range.length = statementEndScalar - statementStartColumnCount
        statements.append(Statement(words: words, text: String(decoding: s[start..<statementEnd], as: UTF8.self), range: range))
        words = []
        statementStart = nil
    }

    /// `\` outside quotes: joins lines before a newline, else escapes the next character.
    mutating func backslash(inWord: Bool) -> Lexer.Incomplete? {
        let at = here
        guard let next = peek(1) else { return .backslash(at) }
        advance()
        if next == Scanner.newline {
            advance()
            return nil
        }
        if inWord { takeCharacter() }
        return nil
    }

    /// Copies one whole character (all the bytes of a multi-byte sequence) into the literal.
    mutating func takeCharacter() {
        literal.append(s[i])
        advance()
        while let c = peek(), c & 0xC0 == 0x80 {
            literal.append(c)
            advance()
        }
    }

    /// A double-quoted string from its opening quote, or from where an earlier scan ran out.
    mutating func doubleQuoted(resuming: SourceRange? = nil) throws -> Lexer.Incomplete? {
        let open = resuming ?? here
        if resuming == nil { advance() }
        while let c = peek() {
            switch c {
            case Scanner.dquote:
                advance()
                return nil
            case Scanner.backslash:
                guard let next = peek(1) else { return ranOut(.doubleQuote(open)) }
                advance()
                switch next {
                case Scanner.dquote, Scanner.backslash, Scanner.dollar: literal.append(next)
                case UInt8(ascii: "n"): literal.append(Scanner.newline)
                case UInt8(ascii: "t"): literal.append(Scanner.tab)
                case Scanner.newline: break  // backslash-newline joins lines inside quotes too
                default:
                    literal.append(Scanner.backslash)
                    takeCharacter()
                    continue
                }
                advance()
            case Scanner.dollar:
                try variable()
            default:
                literal.append(c)
                advance()
            }
        }
        return ranOut(.doubleQuote(open))
    }

    mutating func singleQuoted(resuming: SourceRange? = nil) -> Lexer.Incomplete? {
        let open = resuming ?? here
        if resuming == nil { advance() }
        while let c = peek() {
            advance()
            if c == Scanner.squote { return nil }
            literal.append(c)
        }
        return ranOut(.singleQuote(open))
    }

    /// Notes the quote the input ended inside, for a resumed scan.
    mutating func ranOut(_ quote: Lexer.Incomplete) -> Lexer.Incomplete {
        openQuote = quote
        return quote
    }

    static func isNameStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
    }

    static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 48 && c <= 57) }

    /// `$NAME` or `${NAME}`; a `$` not followed by a name is a literal dollar.
    mutating func variable() throws {
        let start = here
        let startScalar = scalarCount
        if peek(1) == Scanner.lbrace {
            advance()
            advance()
            var name: [UInt8] = []
            while let c = peek(), c != Scanner.rbrace {
                if c == Scanner.newline || c == Scanner.dquote { break }
                name.append(c)
                advance()
            }
            guard peek() == Scanner.rbrace else {
                var r = start
                r.length = scalarCount - startScalar
                throw KemuningError(.syntax, "unterminated '${': expected '}' after the variable name", at: r)
            }
            advance()
            var r = start
            r.length = scalarCount - startScalar
            let text = String(decoding: name, as: UTF8.self)
            guard let first = name.first, Scanner.isNameStart(first), name.allSatisfy(Scanner.isNameChar) else {
                throw KemuningError(.syntax, "bad variable name '\(text)': names are letters, digits and '_', not starting with a digit", at: r)
            }
            flushLiteral()
            parts.append(.variable(text, r))
            return
        }
        guard let next = peek(1), Scanner.isNameStart(next) else {
            literal.append(Scanner.dollar)
            advance()
            return
        }
        advance()
        var name: [UInt8] = []
        while let c = peek(), Scanner.isNameChar(c) {
            name.append(c)
            advance()
        }
        var r = start
        r.length = scalarCount - startScalar
        flushLiteral()
        parts.append(.variable(String(decoding: name, as: UTF8.self), r))
    }
}

/// Gathers physical lines into complete chunks of statements: a line with an unclosed quote or a
/// trailing backslash waits for the next. The script runner, `run --check` and `play` all feed
/// lines through it, so a statement ends at the same place for each of them.
public struct LineChunker {
    private var pending = ""
    private var pendingStart = 1
    /// The scan of the waiting chunk, stopped where its lines ran out; the next line resumes it
    /// (lexing the chunk again from its start made a stray quote cost time quadratic in the
    /// lines after it). Nil when no chunk is waiting.
    private var scanner: Scanner?
    private var waitingOn: Lexer.Incomplete?

    public enum Step {
        /// The chunk needs more lines.
        case waiting
        /// A complete chunk: its statements, its text, and the line it started on.
        case complete([Statement], text: String, firstLine: Int)
        /// The chunk cannot be read; it is dropped and the next line starts afresh.
        case failed(KemuningError)
    }

    public init() {}

    /// True while a chunk is waiting for more lines.
    public var isWaiting: Bool { scanner != nil }

    /// Adds physical line `number` (without its newline; a trailing "\r" is dropped).
    public mutating func feed(_ raw: String, number: Int) -> Step {
        let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
        var scan: Scanner
        if let waiting = scanner {
            scan = waiting
            scanner = nil  // so `scan` holds the only reference and appends in place
            pending += "\n" + line
            scan.append([Scanner.newline] + Array(line.utf8))
        } else {
            pendingStart = number
            pending = line
            scan = Scanner(Array(line.utf8), line: number)
        }
        do {
            switch try scan.run() {
            case .incomplete(let why):
                scanner = scan
                waitingOn = why
                return .waiting
            case .complete(let statements):
                let text = pending
                pending = ""
                return .complete(statements, text: text, firstLine: pendingStart)
            }
        } catch let e as KemuningError {
            pending = ""
            return .failed(e)
        } catch {
            pending = ""
            return .failed(KemuningError(.syntax, "\(error)"))
        }
    }

    /// At the end of the input: the error of a chunk still waiting (an unclosed quote), if any.
    public mutating func finish() -> KemuningError? {
        defer {
            pending = ""
            scanner = nil
            waitingOn = nil
        }
        return scanner == nil ? nil : waitingOn?.error
    }
}
