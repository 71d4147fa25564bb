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

    /// The words of a name, folded: lower case, accents dropped (é is e), anything but letters
    /// and digits a space. `"  Dra. Wulan-Sari "` is `["dra", "wulan", "sari"]`.
    public static func words(_ s: String) -> [[Character]] {
        var out: [[Character]] = []
        var word: [Character] = []
        for u in s.unicodeScalars {
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
    static func folded(_ u: Unicode.Scalar) -> [Character]? {
        switch u.value {
        case 0x30...0x39, 0x61...0x7A: return [Character(u)]
        case 0x41...0x5A: return [Character(Unicode.Scalar(u.value + 32)!)]
        case 0xC0...0x24F:
            if let base = latinBase[u.value] { return Array(base) }
            return u.properties.isAlphabetic ? Array(Character(u).lowercased()) : nil
        default:
            return u.properties.isAlphabetic || u.properties.numericType != nil ? Array(Character(u).lowercased()) : nil
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
    public static func score(query: String, name: String) -> Score? {
        let q = words(query), n = words(name)
        guard !q.isEmpty, !n.isEmpty else { return nil }
        var best: Score?
        // Word by word, in any order: the closest pairs first.
        if q.count <= n.count {
            var pairs: [(edits: Int, q: Int, n: Int)] = []
            for (i, a) in q.enumerated() {
                for (j, b) in n.enumerated() {
                    if let e = wordEdits(a, b) { pairs.append((e, i, j)) }
                }
            }
            pairs.sort { ($0.edits, $0.q, $0.n) < ($1.edits, $1.q, $1.n) }
            var usedQ = Set<Int>(), usedN = Set<Int>(), edits = 0
            for p in pairs where !usedQ.contains(p.q) && !usedN.contains(p.n) {
                usedQ.insert(p.q)
                usedN.insert(p.n)
                edits += p.edits
            }
            if usedQ.count == q.count { best = Score(edits: edits, unmatched: n.count - q.count) }
        }
        // The letters run together, for a name spaced differently.
        let qa = Array(q.joined()), na = Array(n.joined())
        let e = editDistanceWithSwaps(qa, na)
        if e <= allowance(qa.count) {
            let s = Score(edits: e, unmatched: 0)
            if best == nil || s < best! { best = s }
        }
        return best
    }

    /// Edits between a typed word and a word of the name, when within the allowance.
    static func wordEdits(_ a: [Character], _ b: [Character]) -> Int? {
        let e = editDistanceWithSwaps(a, b)
        if e <= allowance(a.count) { return e }
        if a.count >= 3, b.count > a.count, Array(b.prefix(a.count)) == a { return 1 }
        return nil
    }

    /// The edit distance counting a swap of two neighbouring letters as one edit (optimal
    /// string alignment): "sukmawtai" is one edit from "sukmawati".
    public static func editDistanceWithSwaps(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
