import KemuningCore
import KemuningDomain
import KemuningStore
/// Reads a whole number the user wrote for `what`, which must lie in `range`. One place for
/// every integer argument, so the same mistake gets the same words: digits too many for any
/// allowed value are "too large (at most N)", not "expected a whole number".
/// Throws a failure with no position; callers point it at the argument.
public func wholeNumber(_ text: some StringProtocol, in range: ClosedRange<Int>, for what: String) throws -> Int {
    if let n = Int(text) {
        guard range.contains(n) else {
            throw KemuningError.failed("\(what) must be from \(range.lowerBound) to \(range.upperBound), not \(n)")
        }
        return n
    }
    guard isWholeNumberText(text) else {
        throw KemuningError.failed("bad number '\(String(text))' for \(what): expected a whole number")
    }
    // All digits, yet no Int holds it: beyond any range we allow.
    if text.hasPrefix("-") {
        throw KemuningError.failed("bad number '\(String(text))' for \(what): too small (at least \(range.lowerBound))")
    }
    throw KemuningError.failed("bad number '\(String(text))' for \(what): too large (at most \(range.upperBound))")
}

/// Digits with an optional sign: a whole number, however many digits it has.
public func isWholeNumberText(_ text: some StringProtocol) -> Bool {
    let bytes = Array(text.utf8)
    let digits = bytes.first == 45 || bytes.first == 43 ? bytes.dropFirst() : bytes[...]
    return !digits.isEmpty && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
}
