/// Finding a person by a name typed from memory or from a form: `applicant find`. Names are
/// compared word by word after folding (case, accents, punctuation), in any order, each word
/// allowed a few typos: clerks type "Sukmawaty" for "Sukmawati", "budi santoso" for "Budi
/// Santoso", or leave out a middle name ("Ni Luh Ayu" for "Ni Luh Putu Ayu").
public enum NameMatch {
    /// How closely a name matches: fewer edits first, then fewer words of the name left
    /// unmatched (the closer name to what was typed).
    public struct Score: Comparable, Sendable {
        /// Edits (insert, delete, substitute, swap two neighbours) over the matched words.
        public var edits: Int
        /// Words of the name that no typed word matched (a middle name left out).
        public var unmatched: Int

        public init(edits: Int, unmatched: Int) {
            self.edits = edits
            self.unmatched = unmatched
        }

        public static func < (a: Score, b: Score) -> Bool { (a.edits, a.unmatched) < (b.edits, b.unmatched) }
    }

    /// A folded word: its letters as Unicode scalar values, compared as numbers (comparing
    /// Characters costs a string comparison each, and a search compares every applicant's name).
    public typealias Word = [UInt32]

    /// The words of a name, folded: lower case, accents dropped (é is e), anything but letters
    /// and digits a space. `"  Dra. Wulan-Sari "` is `["dra", "wulan", "sari"]`.
    public static func words(_ s: String) -> [Word] {
        var out: [Word] = []
        var word: Word = []
        for u in s.unicodeScalars {
            // ASCII letters and digits, nearly every name's, without a list per letter.
            let v = u.value
            if v < 0x80 {
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { word.append(v); continue }
                if (0x41...0x5A).contains(v) { word.append(v + 32); continue }
            }
            // Combining accents (a decomposed é) belong to the letter before them: dropped.
            if (0x300...0x36F).contains(u.value) { continue }
            if let base = folded(u) {
                word.append(contentsOf: base)
            } else if !word.isEmpty {
                out.append(word)
                word = []
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// A letter or digit folded to lower-case ASCII when it has an ASCII base; other letters
    /// (another script) lower-cased as they are; nil for anything else.
    static func folded(_ u: Unicode.Scalar) -> Word? {
        switch u.value {
        case 0x30...0x39, 0x61...0x7A: return [u.value]
        case 0x41...0x5A: return [u.value + 32]
        case 0xC0...0x24F:
            if let base = latinBase[u.value] { return base.unicodeScalars.map(\.value) }
            return u.properties.isAlphabetic ? u.properties.lowercaseMapping.unicodeScalars.map(\.value) : nil
        default:
            return u.properties.isAlphabetic || u.properties.numericType != nil ? u.properties.lowercaseMapping.unicodeScalars.map(\.value) : nil
        }
    }

    /// The ASCII base of the accented Latin letters names are written with.
    static let latinBase: [UInt32: String] = {
        var m: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
            ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠšß", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
            ("Ææ", "ae"), ("Œœ", "oe"),
        ]
        for (letters, base) in groups {
            for u in letters.unicodeScalars { m[u.value] = u.value == 0xDF ? "ss" : base }
        }
        return m
    }()

    /// Typos a word of this many letters may have and still match: none up to 3 letters (a
    /// short word with a typo is another word), one up to 6, two beyond.
    public static func allowance(_ length: Int) -> Int { length <= 3 ? 0 : length <= 6 ? 1 : 2 }

    /// How `query` matches `name`, or nil when it does not. Every typed word must match its own
    /// word of the name within its allowance; the name may have more words. A typed word that
    /// begins a longer word of the name (3 letters or more) matches it at one edit. Spacing
    /// does not matter either: "Sukma Wati" matches "Sukmawati" by their letters run together.
    public static func score(query: String, name: String) -> Score? { Query(query).score(name: name) }

    /// What was typed, folded once to be matched against many names.
    public struct Query: Sendable {
        public let words: [Word]
        let joined: Word

        public init(_ text: String) {
            words = NameMatch.words(text)
            joined = Array(words.joined())
        }

        /// How this matches `name`, or nil when it does not (see `NameMatch.score`).
        public func score(name: String) -> Score? { NameMatch.score(words, joined, NameMatch.words(name)) }
    }

    static func score(_ q: [Word], _ qa: Word, _ n: [Word]) -> Score? {
        guard !q.isEmpty, !n.isEmpty else { return nil }
        var best: Score?
        // Word by word, in any order: the closest pairs first.
        if q.count <= n.count {
            var pairs: [Pair] = []
            for (i, a) in q.enumerated() {
                for (j, b) in n.enumerated() {
                    if let e = wordEdits(a, b) { pairs.append(Pair(edits: e, q: i, n: j)) }
                }
            }
            pairs.sort { ($0.edits, $0.q, $0.n) < ($1.edits, $1.q, $1.n) }
            var usedQ = [Bool](repeating: false, count: q.count), usedN = [Bool](repeating: false, count: n.count)
            var matched = 0, edits = 0
            for p in pairs where !usedQ[p.q] && !usedN[p.n] {
                usedQ[p.q] = true
                usedN[p.n] = true
                matched += 1
                edits += p.edits
            }
            if matched == q.count { best = Score(edits: edits, unmatched: n.count - q.count) }
        }
        // The letters run together, for a name spaced differently.
        // The distance is at least the difference in length: most names are ruled out by it.
        let letters = n.reduce(0) { $0 + $1.count }
        if abs(letters - qa.count) <= allowance(qa.count), case let e = editDistanceWithSwaps(qa, Array(n.joined())), e <= allowance(qa.count) {
            let s = Score(edits: e, unmatched: 0)
            if best == nil || s < best! { best = s }
        }
        return best
    }

    /// A typed word matched to a word of the name (a struct, not a tuple: an array of tuples
    /// costs a generic-metadata lookup per name).
    struct Pair {
        var edits: Int
        var q: Int
        var n: Int
    }

    /// Edits between a typed word and a word of the name, when within the allowance.
    static func wordEdits(_ a: Word, _ b: Word) -> Int? {
        if abs(a.count - b.count) <= allowance(a.count) {
            let e = editDistanceWithSwaps(a, b)
            if e <= allowance(a.count) { return e }
        }
        if a.count >= 3, b.count > a.count, b.starts(with: a) { return 1 }
        return nil
    }

    /// The edit distance counting a swap of two neighbouring letters as one edit (optimal
    /// string alignment): "sukmawtai" is one edit from "sukmawati".
    public static func editDistanceWithSwaps(_ a: Word, _ b: Word) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows on the stack (a name is compared with every applicant's).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var before = 0, previous = width, current = 2 * width
            for j in 0..<width {
                rows[before + j] = 0
                rows[previous + j] = j
            }
            for i in 1...a.count {
                rows[current] = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var d = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, rows[before + j - 2] + 1) }
                    rows[current + j] = d
                }
                (before, previous, current) = (previous, current, before)
            }
            return rows[previous + b.count]
        }
    }
}
