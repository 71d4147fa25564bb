import KemuningCore
/// The NIK (Nomor Induk Kependudukan), the 16-digit national identity number. It is personal
/// data: listings show it masked, and history and logs never hold it in full.
public enum NIK {
    public static func validate(_ text: String) throws -> String {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            // A NIK one typo from valid is still personal data: masked whatever its shape.
            let masked = maskValue(text)
            let shown = masked.count > 40 ? String(masked.prefix(40)) + "…" : masked
            let what: Message = text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
                ? "it has \(text.count) digits"
                : "it has characters that are not digits"
            throw KemuningError.failed("bad NIK '\(shown)': a NIK is exactly 16 digits, and \(what)")
        }
        return text
    }

    /// `3201234567890001` → `3201**********01`: the first 4 and last 2 digits shown.
    public static func mask(_ nik: String) -> String {
        let chars = Array(nik)
        guard chars.count > 6 else { return String(repeating: "*", count: chars.count) }
        return String(chars[0..<4]) + String(repeating: "*", count: chars.count - 6) + String(chars[(chars.count - 2)...])
    }

    /// Masks a value given as a NIK, whatever it looks like (`3201-2345-6789-0001`, 17 digits,
    /// a letter in it): the first 4 and last 2 characters are shown when it has at least 12,
    /// enough to recognise it and never most of it; a shorter one is all stars. Each character
    /// becomes one character, so a quoted line keeps its columns.
    public static func maskValue(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: maskScalars(Array(value.unicodeScalars)))
        return String(out)
    }

    package static func maskScalars(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.count >= 12 else { return Array(repeating: "*", count: s.count) }
        return Array(s[0..<4]) + Array(repeating: "*", count: s.count - 6) + Array(s[(s.count - 2)...])
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

    /// The school levels: their leavers have no IPK, and the final ranking's tie-break reads
    /// their school average (nilai rata-rata ijazah) instead.
    public static let schoolLevels = ["SD", "SMP", "SMA", "SMK"]

    /// The level of a qualification (`S1` of `S1 Akuntansi`), upper case.
    public static func level(of education: String) -> String {
        education.split(separator: " ", omittingEmptySubsequences: true).first.map { $0.uppercased() } ?? ""
    }

    /// The scale an applicant's GPA is on, read from their education level. Without a level it
    /// is an IPK: that is what every GPA meant before school averages were taken, so a store
    /// written then reads the same.
    ///
    /// Every stored applicant is read through here, so the level is matched on the UTF-8 bytes
    /// (ASCII letters in any case) without making a string.
    public static func gpaScale(of education: String?) -> GPAScale {
        guard let education else { return .ipk }
        let space = UInt8(ascii: " ")
        let word = education.utf8.drop { $0 == space }.prefix { $0 != space }
        guard (2...3).contains(word.count) else { return .ipk }
        // Upper-case ASCII letters only; any other byte cannot make a school level.
        var key: UInt32 = 0
        for b in word {
            let upper = b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") ? b - 32 : b
            key = key << 8 | UInt32(upper)
        }
        return schoolLevelKeys.contains(key) ? .schoolAverage : .ipk
    }

    /// `schoolLevels` packed as `gpaScale(of:)` packs a word.
    private static let schoolLevelKeys: [UInt32] = schoolLevels.map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
}

/// What an applicant's `gpa` measures. The rules break a final tie on "IPK or school average":
/// a university graduate (D1 to S3) has an IPK from 0.00 to 4.00, a school-leaver (SD, SMP, SMA,
/// SMK) the average of their diploma's marks from 0.00 to 100.00.
public enum GPAScale: Sendable, Equatable {
    case ipk, schoolAverage

    /// The values allowed, on input and in a store's files.
    public var range: ClosedRange<ExactDecimal> {
        switch self {
        case .ipk: return Bounds.gpa
        case .schoolAverage: return Bounds.schoolAverage
        }
    }

    /// A value on this scale as a share of 100 (an IPK times 25), exact: how a vacancy that
    /// takes both school-leavers and graduates compares them in its tie-break.
    public func onHundred(_ value: ExactDecimal) -> Rational {
        switch self {
        case .ipk: return Rational(value) * Rational(25)
        case .schoolAverage: return Rational(value)
        }
    }
}
