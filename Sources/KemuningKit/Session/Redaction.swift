import KemuningCore
import KemuningDomain

/// Masking NIKs in the text of commands (history, echo, errors, the undo list): a matter of the
/// language, as it knows which flags carry a NIK from the command table.
extension NIK {
    /// The flags whose value is a NIK (`--nik`), from the command table: their value is
    /// masked in any text whatever its shape.
    public static let flags: Set<String> = Set(CommandTable.standard.commands.flatMap(\.flags).filter { $0.kind == .nik }.map(\.name))

    /// Masks personal data in free text, for history, echo, errors and logs: the value of
    /// every NIK flag (`--nik X`, `--nik=X`, `--nik 'X'`, and digit groups that follow it,
    /// as in `--nik 3201 2345 6789 0001`) whatever it looks like, and every other run of
    /// exactly 16 digits. A variable (`--nik $n`) is left as written: its value is not there.
    /// The text keeps its length in characters.
    public static func redact(_ text: String) -> String {
        // Every command's text passes here (history, echo, the undo list): most hold no NIK,
        // and a look at the bytes says so without walking Characters.
        guard mayHoldNIK(text) else { return text }
        let ascii = text.utf8.allSatisfy { $0 < 128 }
        return maskDigitRuns(maskFlagValues(text, ascii: ascii), bytewise: ascii)
    }

    /// Masks every run of exactly 16 digit Characters. `bytewise` is for ASCII text (nearly
    /// every command), where a Character is a byte and graphemes need not be walked.
    static func maskDigitRuns(_ text: String, bytewise: Bool) -> String {
        // A run of 16 digit Characters is 16 digit bytes in a row; once the NIK flags are
        // masked, a line seldom holds one, and then there is nothing to walk.
        guard hasDigitByteRun(text, atLeast: 16) else { return text }
        if bytewise {
            var bytes = Array(text.utf8)
            var start = 0
            for k in 0...bytes.count {
                if k < bytes.count && bytes[k] >= 48 && bytes[k] <= 57 { continue }
                if k - start == 16 {
                    for m in (start + 4)..<(start + 14) { bytes[m] = UInt8(ascii: "*") }
                }
                start = k + 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var run = ""
        func flush() {
            out += run.count == 16 ? mask(run) : run
            run = ""
        }
        for c in text {
            if c.isASCII && c.isNumber {
                run.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// Whether `text` holds `length` or more ASCII digit bytes in a row.
    static func hasDigitByteRun(_ text: String, atLeast length: Int) -> Bool {
        var run = 0
        for b in text.utf8 {
            if b >= 48 && b <= 57 {
                run += 1
                if run >= length { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// False only when `redact` would change nothing: no run of 16 or more ASCII digits, and no
    /// `--` followed by the name of a NIK flag. (A run of digit bytes is at least as long as the
    /// run of digit Characters it holds, so this never misses what `redact` masks.)
    static func mayHoldNIK(_ text: String) -> Bool {
        if hasDigitByteRun(text, atLeast: 16) { return true }
        var dashes = 0
        var bytes = Array(text.utf8)
        bytes.append(0)
        for (k, b) in bytes.enumerated() {
            if b == 45 {
                dashes += 1
            } else {
                if dashes >= 2 && flagBytes.contains(where: { name in bytes[k...].starts(with: name) }) { return true }
                dashes = 0
            }
        }
        return false
    }

    private static let flagBytes: [[UInt8]] = flags.map { Array($0.utf8) }
    private static let flagScalars: [[Unicode.Scalar]] = flags.map { Array($0.unicodeScalars) }

    /// Whether `text` holds two dash bytes in a row: the quick way out of `maskFlagValues`,
    /// which looks for a flag as two dash scalars, so a text without them has none to mask.
    static func hasDoubleDash(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 45 && previous == 45 { return true }
            previous = b
        }
        return false
    }

    /// The values of the NIK flags in `text` (`ascii` when all its bytes are), masked.
    static func maskFlagValues(_ text: String, ascii: Bool) -> String {
        guard text.utf8.count > 2, hasDoubleDash(text) else { return text }
        var s = ascii ? text.utf8.map { Unicode.Scalar($0) } : Array(text.unicodeScalars)
        let n = s.count
        func isBlank(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" }
        func endsWord(_ u: Unicode.Scalar) -> Bool { isBlank(u) || u == "\n" || u == "\r" || u == ";" }
        func isPiece(_ k: Int) -> Bool {
            let u = s[k]
            if u.isASCII { return (u.value >= 48 && u.value <= 57) || u == "-" || u == "." || u == "/" }
            return u.properties.numericType != nil
        }
        var changed = false
        var i = 0
        while i + 1 < n {
            guard s[i] == "-", s[i + 1] == "-", i == 0 || endsWord(s[i - 1]) else { i += 1; continue }
            var j = i + 2
            while j < n, Name.isChar(s[j]) || s[j] == "-" { j += 1 }
            let nameLength = j - i - 2
            let isNIKFlag = flagScalars.contains { name in name.count == nameLength && s[(i + 2)..<j].elementsEqual(name) }
            i = j
            guard isNIKFlag else { continue }
            var k = j
            if k < n && s[k] == "=" { k += 1 } else { while k < n && isBlank(s[k]) { k += 1 } }
            guard k < n, !endsWord(s[k]) else { continue }
            var start = k
            var end = k
            if s[k] == "'" || s[k] == "\"" {
                // A quoted value: what is between the quotes.
                let quote = s[k]
                start = k + 1
                end = start
                while end < n && s[end] != quote {
                    end += quote == "\"" && s[end] == "\\" && end + 1 < n ? 2 : 1
                }
                end = min(end, n)
                i = end
            } else {
                while end < n && !endsWord(s[end]) { end += 1 }
                // `$n`, `${n}`: a variable's name, not the NIK.
                if s[start] == "$" { i = end; continue }
                // Digit groups after it are more of the same NIK, written with blanks.
                var next = end
                while true {
                    var p = next
                    while p < n && isBlank(s[p]) { p += 1 }
                    var q = p
                    while q < n && !endsWord(s[q]) && isPiece(q) { q += 1 }
                    guard q > p, q == n || endsWord(s[q]), !(s[p] == "-" && p + 1 < n && s[p + 1] == "-") else { break }
                    next = q
                }
                end = next
                i = end
            }
            guard start < end else { continue }
            s.replaceSubrange(start..<end, with: maskScalars(Array(s[start..<end])))
            changed = true
        }
        guard changed else { return text }
        if ascii { return String(decoding: s.map { UInt8($0.value) }, as: UTF8.self) }
        // Encoded into one buffer: appending scalars to a String one by one costs more.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for u in s { UTF8.encode(u) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }
}
