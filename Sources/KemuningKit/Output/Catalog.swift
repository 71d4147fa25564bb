import Synchronization

/// The translations of every message, keyed by its English template (`no vacancy {1}`).
/// The text lives in `Catalog+id.swift` as pairs of lines:
///
///     en: no vacancy {1}
///     id: tidak ada lowongan {1}
///
/// `\n` in either line stands for a line break. It is read once, the first time Indonesian is
/// needed, so an English session never pays for it.
public enum Catalog {
    static let indonesian: [String: String] = parse(catalogIndonesian).reduce(into: [:]) { $0[$1.0] = $1.1 }

    /// Every pair of the catalog, in file order (the tests check each).
    public static var entries: [(en: String, id: String)] { parse(catalogIndonesian).map { (en: $0.0, id: $0.1) } }

    static func translation(of template: String, in lang: Lang) -> String? {
        switch lang {
        case .en: return template
        case .id: return indonesian[template]
        }
    }

    /// Whether a template has something to translate: a letter outside its `{N}` marks.
    public static func hasWords(_ template: String) -> Bool {
        placeholderless(template).unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    static func placeholderless(_ t: String) -> String {
        Message.fill(t, Array(repeating: "", count: 64))
    }

    static func parse(_ text: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var pending: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("en: ") {
                pending = unescape(line.dropFirst(4))
            } else if line.hasPrefix("id: "), let en = pending {
                pairs.append((en, unescape(line.dropFirst(4))))
                pending = nil
            }
        }
        return pairs
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        return String(s).replacingAll("\\n", with: "\n")
    }

    // MARK: checking

    private static let recording = Atomic<Bool>(false)

    /// Start noting templates with no translation, and plain-string arguments that are English
    /// catalog entries (a word that should have been a message). For tests.
    public static func startRecording() {
        missingTranslations.withLock { $0.removeAll() }
        englishArguments.withLock { $0.removeAll() }
        recording.store(true, ordering: .relaxed)
    }

    /// What was noted since `startRecording`.
    public static func stopRecording() -> (missing: Set<String>, englishArguments: Set<EnglishArgument>) {
        recording.store(false, ordering: .relaxed)
        return (missingTranslations.withLock { $0 }, englishArguments.withLock { $0 })
    }

    static func noteMissing(_ template: String) {
        guard recording.load(ordering: .relaxed) else { return }
        missingTranslations.withLock { _ = $0.insert(template) }
    }

    static func noteEnglishArgument(_ s: String, in template: String, at n: Int) {
        guard recording.load(ordering: .relaxed), let id = indonesian[s], id != s, hasWords(s) else { return }
        // What the user wrote, quoted back, a flag's or a variable's name: not words to translate.
        for quoted in ["'{\(n)}", "'--{\(n)}", "--{\(n)}", "${\(n)}", "'{\(n)} "] where template.contains(quoted) { return }
        englishArguments.withLock { _ = $0.insert(EnglishArgument(text: s, template: template)) }
    }

    /// A plain-string value of a message that reads like a catalog entry.
    public struct EnglishArgument: Hashable, Sendable, CustomStringConvertible {
        public var text: String
        public var template: String
        public var description: String { "'\(text)' in '\(template)'" }
    }
}
