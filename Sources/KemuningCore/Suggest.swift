/// The closest candidate to a mistyped word, for "did you mean ...?" hints: an edit distance
/// (with transpositions) of at most a third of the word's length, or a unique prefix match.
public func suggestion(for word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    guard !w.isEmpty else { return nil }
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased()))
        // A one-letter word is never "near" another one-letter word: d must leave something in common.
        if d <= max(1, w.count / 3), d < w.count, best == nil || d < best!.1 { best = (c, d) }
    }
    if let best { return best.0 }
    let prefixed = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
    return prefixed.count == 1 ? prefixed[0] : nil
}

/// Damerau-Levenshtein distance (optimal string alignment).
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    if abs(a.count - b.count) > 8 { return abs(a.count - b.count) }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            }
        }
        prev2 = prev
        prev = cur
    }
    return prev[b.count]
}
