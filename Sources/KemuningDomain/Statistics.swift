import KemuningCore
/// Median and quartiles (Tukey's hinges: medians of the lower and upper halves), exact.
public func spread(_ values: [Int]) -> (median: ExactDecimal, q1: ExactDecimal, q3: ExactDecimal)? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    func median(_ a: ArraySlice<Int>) -> ExactDecimal {
        let n = a.count
        let mid = a.startIndex + n / 2
        if n % 2 == 1 { return ExactDecimal(a[mid]).rounded(toScale: 1) }
        return Rational(Int128(a[mid - 1] + a[mid]), 2).rounded(toScale: 1)
    }
    let half = s.count / 2
    let lower = s[0..<max(half, 1)]
    let upper = s[(s.count % 2 == 1 ? half : half)..<s.count]
    return (median(s[...]), median(lower), median(s.count == 1 ? s[...] : upper))
}
