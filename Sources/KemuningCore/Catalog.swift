import Synchronization

/// The translations of every message, keyed by its English template (`no vacancy {1}`).
/// The text lives in `Catalog+id.swift` (and `Catalog+id-*.swift` by area) as pairs of lines:
///
///     en: no vacancy {1}
///     id: tidak ada lowongan {1}
///
/// `\n` in either line stands for a line break. It is read once, the first time Indonesian is
/// needed, so an English session never pays for it.
public enum Catalog {
    static let indonesian: [String: String] = {
        let pairs = catalogParts.flatMap(parse)
        var d: [String: String] = [:]
        d.reserveCapacity(pairs.count)
        for (en, id) in pairs { d[en] = id }
        return d
    }()

    /// Every pair of the catalog, in file order (the tests check each).
    public static var entries: [(en: String, id: String)] { catalogParts.flatMap(parse).map { (en: $0.0, id: $0.1) } }

    /// The catalog's files: the main one, and one per area added later (`Catalog+id-store.swift`).
    static var catalogParts: [String] { [catalogIndonesian, catalogIndonesianStore, catalogIndonesianSafety, catalogIndonesianProcess, catalogIndonesianDomain, catalogIndonesianFormat2, catalogIndonesianImport, catalogIndonesianJSON12, catalogIndonesianGPA12, catalogIndonesianPublish12, catalogIndonesianImport12, catalogIndonesianCorrections13, catalogIndonesianStaff13, catalogIndonesianRules13, catalogIndonesianLists13, catalogIndonesianLoop13, catalogIndonesianSettings13, catalogIndonesianWords13, catalogIndonesianPostgres14, catalogIndonesianPgDocs14, catalogIndonesianCategories15] }

    static func translation(of template: String, in lang: Lang) -> String? {
        switch lang {
        case .en: return template
        case .id: return indonesian[template]
        }
    }

    /// Whether a template has something to translate: a letter outside its `{N}` marks.
    public static func hasWords(_ template: String) -> Bool {
        TemplateParts(template).literal.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Reads the pairs by bytes (splitting a String by Characters would cost milliseconds at
    /// every start of an Indonesian session).
    static func parse(_ text: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        pairs.reserveCapacity(1500)
        var pending: String?
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            let n = bytes.count
            while start < n {
                var end = start
                while end < n && bytes[end] != 10 { end += 1 }
                if end - start >= 4 && bytes[start + 2] == UInt8(ascii: ":") && bytes[start + 3] == 32 {
                    let body = UnsafeBufferPointer(rebasing: bytes[(start + 4)..<end])
                    if bytes[start] == UInt8(ascii: "e") && bytes[start + 1] == UInt8(ascii: "n") {
                        pending = unescape(body)
                    } else if bytes[start] == UInt8(ascii: "i") && bytes[start + 1] == UInt8(ascii: "d"), let en = pending {
                        pairs.append((en, unescape(body)))
                        pending = nil
                    }
                }
                start = end + 1
            }
        }
        return pairs
    }

    /// `\n` (backslash, n) in a catalog line is a line break.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "\\")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "\\") && k + 1 < bytes.count && bytes[k + 1] == UInt8(ascii: "n") {
                out.append(10)
                k += 2
            } else {
                out.append(bytes[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: stored sentences

    /// An English sentence the store kept (an audit entry's description, an action's finding),
    /// in `lang`: the catalog's template it was made from, with the values it holds. Nil when
    /// no template makes exactly this text. The values are shown as stored.
    public static func translation(ofStored text: String, in lang: Lang) -> String? {
        guard lang != .en else { return text }
        if let exact = translation(of: text, in: lang) { return exact }
        for t in storedTemplates {
            guard text.utf8.count >= t.literalBytes, text.hasPrefix(t.pieces[0]), text.hasSuffix(t.pieces[t.pieces.count - 1]),
                  let translated = translation(of: t.template, in: lang) else { continue }
            var rest = Substring(text.dropFirst(t.pieces[0].count).dropLast(t.pieces[t.pieces.count - 1].count))
            var values: [Int: String] = [:]
            var matched = true
            for (k, mark) in t.marks.enumerated() {
                let value: Substring
                if k == t.marks.count - 1 {
                    value = rest
                    rest = ""
                } else {
                    guard let r = rest.range(of: t.pieces[k + 1]) else { matched = false; break }
                    value = rest[..<r.lowerBound]
                    rest = rest[r.upperBound...]
                }
                guard !value.isEmpty, values[mark] == nil || values[mark] == String(value) else { matched = false; break }
                values[mark] = String(value)
            }
            guard matched, rest.isEmpty else { continue }
            return Message.fill(translated, count: t.marks.max() ?? 0) { storedValue(values[$0] ?? "", in: lang) }
        }
        return nil
    }

    /// A value read out of a stored sentence, in `lang`. The code made some values of words
    /// itself: an outcome (`objection decided: pass`), a kind (`complaint about S1 ...`), a
    /// count (`3 days`), a finding inside a proposal: those are the catalog's English too, and
    /// are translated. Anything else (an id, a date, a name, a code people type) is shown as stored.
    static func storedValue(_ value: String, in lang: Lang) -> String {
        if let exact = translation(of: value, in: lang), hasWords(value) { return exact }
        // `Message.count(3, "day", "days")`: a number, a space, the catalog's word.
        if let space = value.firstIndex(of: " "), let n = Int(value[..<space]), n >= 0 {
            let word = String(value[value.index(after: space)...])
            if let w = translation(of: word, in: lang) { return "\(n) \(w)" }
        }
        // A sentence of its own (a finding, a deadline's words): through its template.
        if value.contains(" ") { return translation(ofStored: value, in: lang) ?? value }
        return value
    }

    struct StoredTemplate {
        var template: String
        var pieces: [String]
        var marks: [Int]
        var literalBytes: Int
    }

    /// The catalog's templates with values: those that start with words first (a sentence that
    /// starts with them is theirs, though a value inside it matches a longer template:
    /// `applied: 4 enrolled in T1` is `applied: {1}`, not `{1} enrolled in {2}`), then the
    /// most specific (most literal text) first, so that `{1} closed` is tried after
    /// `mentorship {1} closed on {2}`.
    static let storedTemplates: [StoredTemplate] = {
        var out: [StoredTemplate] = []
        for en in indonesian.keys {
            let parts = TemplateParts(en)
            let literal = parts.literal.utf8.count
            // A template that is mostly values (`{1}: {2}`) would match anything.
            guard !parts.marks.isEmpty, literal >= 6, hasWords(en) else { continue }
            // Two values side by side cannot be told apart.
            if parts.pieces.dropFirst().dropLast().contains(where: \.isEmpty) { continue }
            out.append(StoredTemplate(template: en, pieces: parts.pieces, marks: parts.marks, literalBytes: literal))
        }
        return out.sorted {
            let (a, b) = ($0.pieces[0].isEmpty, $1.pieces[0].isEmpty)
            if a != b { return b }
            return $0.literalBytes != $1.literalBytes ? $0.literalBytes > $1.literalBytes : $0.template < $1.template
        }
    }()

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
