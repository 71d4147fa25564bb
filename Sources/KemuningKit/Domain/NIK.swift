/// The NIK (Nomor Induk Kependudukan), the 16-digit national identity number. It is personal
/// data: listings show it masked, and history and logs never hold it in full.
public enum NIK {
    public static func validate(_ text: String) throws -> String {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            let shown = text.utf8.count > 40 ? String(text.prefix(40)) + "…" : text
            let what: Message = text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
                ? "it has \(text.count) digits"
                : "it has characters that are not digits"
            throw KemuningError.failed("bad NIK '\(redact(shown))': a NIK is exactly 16 digits, and \(what)")
        }
        return text
    }

    /// `3201234567890001` → `3201**********01`: the first 4 and last 2 digits shown.
    public static func mask(_ nik: String) -> String {
        let chars = Array(nik)
        guard chars.count > 6 else { return String(repeating: "*", count: chars.count) }
        return String(chars[0..<4]) + String(repeating: "*", count: chars.count - 6) + String(chars[(chars.count - 2)...])
    }

    /// Masks every run of exactly 16 digits in free text, for history, echo and logs.
    public static func redact(_ text: String) -> String {
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
}

/// Education levels as Indonesian recruitment names them. A qualification is a level with an
/// optional field of study: `S1`, `S1 Akuntansi`, `D3 Teknik Informatika`.
public enum Education {
    public static let levels = ["SD", "SMP", "SMA", "SMK", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]

    /// Normalises the level to upper case and checks it; the field of study is kept as written.
    public static func validate(_ text: String) throws -> String {
        let trimmed = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = trimmed.first else {
            throw KemuningError.failed("bad education '': expected a level such as S1 or D3")
        }
        let level = first.uppercased()
        guard levels.contains(level) else {
            let hint = suggestion(for: level, among: levels)
            throw KemuningError.failed("bad education '\(text)': '\(first)' is not a level (\(levels.joined(separator: ", ")))",
                                       hint: hint.map { "did you mean '\($0)'?" })
        }
        return ([level] + trimmed.dropFirst().map(String.init)).joined(separator: " ")
    }
}
