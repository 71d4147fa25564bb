/// An exact fraction. Scores like SKD/550 x 100 have no finite decimal form, so rankings compare
/// fractions and only the published figure is rounded (half up).
public struct Rational: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Always in lowest terms, with a positive denominator.
    public let numerator: Int128
    public let denominator: Int128

    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "a fraction with denominator 0")
        var n = numerator
        var d = denominator
        if d < 0 {
            n = -n
            d = -d
        }
        let g = Rational.gcd(n < 0 ? -n : n, d)
        self.numerator = g > 1 ? n / g : n
        self.denominator = g > 1 ? d / g : d
    }

    public init(_ n: Int) { self.init(Int128(n), 1) }

    public init(_ d: ExactDecimal) { self.init(d.units, ExactDecimal.pow10(d.scale)) }

    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    public static let zero = Rational(0)

    public static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    public static func / (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    /// Rounded to `scale` decimals, half away from zero ("half up" for the positive scores here).
    public func rounded(toScale scale: Int) -> ExactDecimal {
        let p = ExactDecimal.pow10(scale)
        let scaled = numerator * p
        var q = scaled / denominator
        let r = scaled % denominator
        let twice = (r < 0 ? -r : r) * 2
        if twice >= denominator { q += numerator < 0 ? -1 : 1 }
        return ExactDecimal(units: q, scale: scale)
    }

    /// Rounded half up to a whole number.
    public var roundedInteger: Int { Int(rounded(toScale: 0).units) }

    /// The largest whole number not above the value.
    public var floor: Int {
        let q = numerator / denominator
        return Int(numerator < 0 && numerator % denominator != 0 ? q - 1 : q)
    }

    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }
}
