/// An exact decimal number: an integer count of 10^-scale units. No binary floating point,
/// so `0.1 + 0.2 == 0.3` and published scores keep their second decimal.
public struct ExactDecimal: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var units: Int128
    public var scale: Int

    public init(units: Int128, scale: Int) {
        self.units = units
        self.scale = scale
    }

    public init(_ n: Int) {
        self.init(units: Int128(n), scale: 0)
    }

    /// Parses `-12`, `3.75`, `+0.5`. No exponents, no thousands separators, at most 18 decimals.
    public init?(_ text: String) {
        var units: Int128 = 0
        var scale = 0
        var negative = false
        var seenDot = false
        var wholeDigits = 0
        var first = true
        for c in text.utf8 {
            defer { first = false }
            if first && (c == 45 || c == 43) {  // - +
                negative = c == 45
                continue
            }
            if c == 46 {  // .
                guard !seenDot, wholeDigits > 0 else { return nil }
                seenDot = true
                continue
            }
            guard c >= 48 && c <= 57 else { return nil }
            if seenDot {
                scale += 1
                guard scale <= 18 else { return nil }
            } else {
                wholeDigits += 1
                guard wholeDigits <= 20 else { return nil }
            }
            units = units * 10 + Int128(c - 48)
        }
        guard wholeDigits > 0, !seenDot || scale > 0 else { return nil }
        self.units = negative ? -units : units
        self.scale = scale
    }

    static func pow10(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The same value with exactly `scale` decimals; digits beyond it are rounded half away from zero.
    public func rounded(toScale target: Int) -> ExactDecimal {
        if target >= scale {
            return ExactDecimal(units: units * ExactDecimal.pow10(target - scale), scale: target)
        }
        let p = ExactDecimal.pow10(scale - target)
        let q = units / p
        let r = units % p
        let magnitude = r < 0 ? -r : r
        var result = q
        if magnitude * 2 >= p { result += units < 0 ? -1 : 1 }
        return ExactDecimal(units: result, scale: target)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let s = max(a.scale, b.scale)
        return a.rounded(toScale: s).units < b.rounded(toScale: s).units
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let s = max(a.scale, b.scale)
        return a.rounded(toScale: s).units == b.rounded(toScale: s).units
    }

    public func hash(into h: inout Hasher) {
        var u = units
        var s = scale
        while s > 0 && u % 10 == 0 {
            u /= 10
            s -= 1
        }
        h.combine(u)
        h.combine(s)
    }

    public var description: String {
        let negative = units < 0
        var digits = String(negative ? -units : units)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (negative ? "-" : "") + digits
    }
}
