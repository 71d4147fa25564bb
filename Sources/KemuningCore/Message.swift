import Synchronization

/// The languages the shell speaks. Command and flag names and JSON keys are the same in all of
/// them, so a script works whatever the language of the person running it.
public enum Lang: String, Sendable, CaseIterable {
    case en, id

    /// `KEMUNING_LANG` first, then the locale as POSIX orders it (LC_ALL, LC_MESSAGES, LANG):
    /// a locale starting `id` (`id_ID.UTF-8`, `id`) is Indonesian, anything else English.
    public static func fromEnvironment(_ get: (String) -> String?) -> Lang {
        if let k = get("KEMUNING_LANG"), let l = Lang(code: k) { return l }
        for name in localeVariables {
            guard let v = get(name), !v.isEmpty else { continue }
            return v == "id" || v.hasPrefix("id_") || v.hasPrefix("id.") ? .id : .en
        }
        return .en
    }

    /// The variables that give the locale, in the order POSIX reads them.
    public static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// `id`, `en`, and the locale spellings people also type (`id_ID`, `in`, `indonesian`).
    public init?(code: String) {
        let c = code.lowercased()
        if c == "id" || c == "in" || c.hasPrefix("id_") || c.hasPrefix("id-") || c.hasPrefix("id.") || c == "indonesian" || c == "bahasa" {
            self = .id
        } else if c == "en" || c.hasPrefix("en_") || c.hasPrefix("en-") || c.hasPrefix("en.") || c == "english" || c == "c" || c == "posix" {
            self = .en
        } else {
            return nil
        }
    }
}

/// Text meant for people: an English template with `{1}`, `{2}`... where values go, and the
/// values. `"no vacancy \(id)"` builds the template `no vacancy {1}` with the argument `id`;
/// rendering in Indonesian looks the template up in `Catalog` and puts the arguments into the
/// translation, in whatever order it wants them. Arguments that are themselves messages
/// (`"\(passed ? "passed" : "failed")"`, a literal) are translated too; plain strings (ids,
/// names, numbers, what the user typed) are shown as they are.
///
/// Two messages are equal when their English reads the same, so tests can compare with a literal.
public struct Message: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public enum Arg: Sendable, Hashable {
        case text(String)
        case message(Message)
    }

    indirect enum Storage: Sendable, Hashable {
        case template(String, [Arg])
        /// Shown as it is in every language: what the user wrote, data, a command.
        case verbatim(String)
        /// Messages joined by a separator (which is not translated).
        case joined([Message], String)
        /// An English sentence the store kept: shown through the catalog template that made
        /// it, when there is one (`Catalog.translation(ofStored:in:)`).
        case stored(String)
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    public init(stringLiteral value: String) { storage = .template(value, []) }

    public init(stringInterpolation: StringInterpolation) {
        storage = .template(stringInterpolation.template, stringInterpolation.args)
    }

    /// Text that is never translated.
    public static func verbatim(_ text: String) -> Message { Message(storage: .verbatim(text)) }

    /// An English sentence kept in the store (an audit description, an action's finding).
    public static func stored(_ english: String) -> Message { Message(storage: .stored(english)) }

    /// Messages one after another, `separator` between them.
    public static func joined(_ parts: [Message], separator: String = "") -> Message {
        Message(storage: .joined(parts, separator))
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        public var template = ""
        public var args: [Arg] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            template.reserveCapacity(literalCapacity + 4 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { template += literal }

        /// A message inside a message is translated in its turn.
        public mutating func appendInterpolation(_ m: Message) {
            args.append(.message(m))
            template += "{\(args.count)}"
        }

        /// An error is shown in the message's language when it knows its text as a message.
        public mutating func appendInterpolation(_ e: any Error) {
            if let m = e as? any MessageError { appendInterpolation(m.message) } else { appendInterpolation(String(describing: e)) }
        }

        public mutating func appendInterpolation(_ m: Message?) {
            if let m { appendInterpolation(m) } else { appendInterpolation("nil" as String) }
        }

        /// Data: shown as written in every language. Disfavoured, so that a literal
        /// (`\(ok ? "passed" : "failed")`) is taken as a message, to be translated.
        @_disfavoredOverload
        public mutating func appendInterpolation<T>(_ value: T) {
            args.append(.text(String(describing: value)))
            template += "{\(args.count)}"
        }
    }

    /// The English template (`no vacancy {1}`), the key of the catalog.
    public var template: String? {
        if case .template(let t, _) = storage { return t }
        return nil
    }

    public var english: String { localized(.en) }
    public var description: String { english }

    public static func == (a: Message, b: Message) -> Bool { a.english == b.english }
    public func hash(into h: inout Hasher) { h.combine(english) }

    public var isEmpty: Bool { english.isEmpty }

    /// The text in `lang`. A template with no translation falls back to English (and is
    /// noted, so the tests can insist that there are none).
    public func localized(_ lang: Lang) -> String {
        switch storage {
        case .verbatim(let s): return s
        case .stored(let s): return lang == .en ? s : Catalog.translation(ofStored: s, in: lang) ?? s
        case .joined(let parts, let sep): return parts.map { $0.localized(lang) }.joined(separator: sep)
        case .template(let t, let args):
            var pattern = t
            if lang != .en {
                if let translated = Catalog.translation(of: t, in: lang) {
                    pattern = translated
                } else if Catalog.hasWords(t) {
                    Catalog.noteMissing(t)
                }
            }
            if args.isEmpty { return pattern }
            // Only the values the pattern uses are rendered: a translation may drop one (an
            // English plural ending), and it is then neither shown nor looked up.
            return Message.fill(pattern, count: args.count) { n in
                let a = args[n - 1]
                switch a {
                case .text(let s):
                    if lang != .en { Catalog.noteEnglishArgument(s, in: t, at: n) }
                    return s
                case .message(let m): return m.localized(lang)
                }
            }
        }
    }

    /// Puts `values` at the `{N}` marks of `pattern`. Other braces are left alone.
    static func fill(_ pattern: String, _ values: [String]) -> String {
        fill(pattern, count: values.count) { values[$0 - 1] }
    }

    /// Puts `value(N)` at each `{N}` mark of `pattern`, N from 1 to `count`; a mark beyond
    /// `count` stays as written.
    ///
    /// It reads the marks as `TemplateParts` does, in one pass and without cutting the pattern
    /// into pieces first: every result a command shows is filled here.
    static func fill(_ pattern: String, count: Int, _ value: (Int) -> String) -> String {
        var out = ""
        var pattern = pattern
        pattern.withUTF8 { bytes in
            var literalStart = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "{"), let (n, end) = TemplateParts.mark(in: bytes, at: i) {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<i]), as: UTF8.self)
                    out += n <= count ? value(n) : "{\(n)}"
                    i = end
                    literalStart = i
                    continue
                }
                i += 1
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart...]), as: UTF8.self)
        }
        return out
    }
}

/// A template cut at its `{N}` marks (N from 1; other braces are text): `pieces` are the
/// texts around the marks, one more than `marks`. `closed on {2} by {1}` is
/// ["closed on ", " by ", ""] and [2, 1].
struct TemplateParts {
    var pieces: [String]
    var marks: [Int]

    init(_ template: String) {
        pieces = []
        marks = []
        var literal: [UInt8] = []
        let bytes = Array(template.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let (n, end) = bytes.withUnsafeBufferPointer({ TemplateParts.mark(in: $0, at: i) }) {
                pieces.append(String(decoding: literal, as: UTF8.self))
                literal.removeAll(keepingCapacity: true)
                marks.append(n)
                i = end
                continue
            }
            literal.append(bytes[i])
            i += 1
        }
        pieces.append(String(decoding: literal, as: UTF8.self))
    }

    /// The mark `{N}` (N at least 1) starting at the brace at `i`: N, and where the text after
    /// it starts. Nil when the brace starts no mark.
    static func mark(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        var j = i + 1
        var n = 0
        while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57, n < 1_000_000 {
            n = n * 10 + Int(bytes[j] - 48)
            j += 1
        }
        guard j > i + 1, j < bytes.count, bytes[j] == UInt8(ascii: "}"), n >= 1 else { return nil }
        return (n, j + 1)
    }

    /// The text without its marks.
    var literal: String { pieces.joined() }
}

extension Message {
    /// `1 seat` / `3 seats`: English needs the plural, Indonesian does not inflect.
    public static func count(_ n: Int, _ one: Message, _ many: Message) -> Message {
        n == 1 ? "\(n) \(one)" : "\(n) \(many)"
    }
}

extension Optional where Wrapped == Message {
    public func localized(_ lang: Lang) -> String? { self?.localized(lang) }
}

/// Which messages the catalog lacks, noted while rendering in a language other than English.
/// The tests render everything in Indonesian and require both sets to stay empty.
let missingTranslations = Mutex<Set<String>>([])
let englishArguments = Mutex<Set<Catalog.EnglishArgument>>([])

extension Message {
    public static func + (a: Message, b: Message) -> Message { .joined([a, b]) }
    public static func += (a: inout Message, b: Message) { a = .joined([a, b]) }
}

/// `did you mean 'X'?`, the hint of every near miss.
public func didYouMean(_ candidate: String) -> Message { "did you mean '\(candidate)'?" }

extension Message {
    /// A fixed English text held in a string (a grade's label, an element's name): translated
    /// through the catalog like a literal.
    public static func key(_ english: String) -> Message { Message(stringLiteral: english) }
}
