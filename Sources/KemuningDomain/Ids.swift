import KemuningCore

/// `V12` → ("V", 12): upper-case letters, then a number without leading zeros.
public func splitId(_ id: String) -> (String, Int)? {
    var letters = 0
    var number = 0
    var digits = 0
    for c in id.utf8 {
        if digits == 0 && c >= 65 && c <= 90 {
            letters += 1
        } else if c >= 48 && c <= 57 && letters > 0 {
            if digits == 0 && c == 48 { return nil }
            digits += 1
            guard digits <= 15 else { return nil }
            number = number * 10 + Int(c - 48)
        } else {
            return nil
        }
    }
    guard letters > 0, digits > 0 else { return nil }
    return (String(id.utf8.prefix(letters))!, number)
}
