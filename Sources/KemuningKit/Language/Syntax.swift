import KemuningCore
import KemuningDomain
import KemuningStore
/// A named body of source text: a script file, `<stdin>`, `<command-line>` or `<prompt>`.
/// Holds the lines of the statement being run so diagnostics can quote them; earlier lines are
/// forgotten, so a 100,000-line script does not keep a second copy of itself.
public final class Source {
    public let name: String
    /// The real path of a file, used to resolve `source` paths and detect cycles.
    public let path: String?
    private var lines: [String] = []
    /// The line number of `lines[0]`.
    private var first = 1

    public init(name: String, path: String? = nil) {
        self.name = name
        self.path = path
    }

    /// Records the text of physical line `number` (1-based) for later quoting.
    public func remember(line number: Int, text: String) {
        if lines.isEmpty { first = number }
        guard number >= first else { return }
        let k = number - first
        if lines.count <= k { lines.append(contentsOf: repeatElement("", count: k - lines.count + 1)) }
        lines[k] = text
    }

    /// Drops the lines before `number`: no diagnostic will quote them any more.
    public func forget(before number: Int) {
        guard number > first else { return }
        let drop = min(number - first, lines.count)
        lines.removeFirst(drop)
        first = number
        if lines.isEmpty { first = number }
    }

    public func text(ofLine number: Int) -> String? {
        let k = number - first
        return k >= 0 && k < lines.count ? lines[k] : nil
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
