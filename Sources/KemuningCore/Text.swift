/// Text helpers the standard library lacks (no Foundation needed).

extension String {
    /// `n` in decimal, with zeros in front up to `width` digits (`0007`); a longer number whole.
    public init(_ n: Int, zeroPaddedTo width: Int) {
        let s = String(n)
        self = s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Replaces every occurrence of `target` (no Foundation needed).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    public func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target)
        guard let first = t.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first {
                var j = i
                var k = 0
                while k < t.count && j < endIndex && self[j] == t[k] {
                    j = index(after: j)
                    k += 1
                }
                if k == t.count { return i..<j }
            }
            i = index(after: i)
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing white space (no Foundation needed).
    public func trimmingBlanks() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    public func trimmingBlanks() -> String { String(self).trimmingBlanks() }
}
