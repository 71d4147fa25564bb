/// Where a piece of a command sits in its source: 1-based line and column (in Unicode
/// scalars), and its length in scalars, so a diagnostic can underline it.
public struct SourceRange: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var length: Int

    public init(line: Int, column: Int, length: Int) {
        self.line = line
        self.column = column
        self.length = max(length, 1)
    }
}

/// A named body of source text: a script file, `<stdin>`, `<command-line>` or `<prompt>`.
/// Holds the lines already read so diagnostics can quote them.
public final class Source {
    public let name: String
    /// The real path of a file, used to resolve `source` paths and detect cycles.
    public let path: String?
    private var lines: [String] = []

    public init(name: String, path: String? = nil) {
        self.name = name
        self.path = path
    }

    /// Records the text of physical line `number` (1-based) for later quoting.
    public func remember(line number: Int, text: String) {
        if lines.count < number {
            lines.append(contentsOf: repeatElement("", count: number - lines.count))
        }
        lines[number - 1] = text
    }

    public func text(ofLine number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }
}

/// One piece of a word: literal text, or a `$NAME` / `${NAME}` to expand.
public enum WordPart: Equatable, Sendable {
    case literal(String)
    case variable(String, SourceRange)
}

/// A word of a command before expansion.
public struct Word: Equatable, Sendable {
    public var parts: [WordPart]
    public var range: SourceRange
    /// True if any part of the word was quoted. A quoted `"--x"` is a value, never a flag.
    public var quoted: Bool

    /// The text when the word holds no variables.
    public var literalText: String? {
        var s = ""
        for part in parts {
            guard case .literal(let t) = part else { return nil }
            s += t
        }
        return s
    }
}

/// One command as written: its words, and the raw text it was typed as.
public struct Statement: Equatable, Sendable {
    public var words: [Word]
    /// The statement's text as written (continuations joined), for `--echo`, history and recording.
    public var text: String
    public var range: SourceRange
}

/// A word after `$variable` expansion, still knowing where it came from.
public struct Arg: Equatable, Sendable {
    public var text: String
    public var range: SourceRange
    public var quoted: Bool

    public init(_ text: String, range: SourceRange, quoted: Bool = false) {
        self.text = text
        self.range = range
        self.quoted = quoted
    }

    /// Unquoted words that start with `--` are flags.
    public var isFlag: Bool { !quoted && text.hasPrefix("--") && text.count > 2 }
}
