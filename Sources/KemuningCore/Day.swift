#if canImport(Glibc)
import Glibc
#endif

/// A calendar date with no time and no zone, written ISO style: `2026-11-29`.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
    // Packed in 8 bytes (three Ints took 24): a day is in every record, and in most twice or
    // more (100,000 applications hold about a million of them).
    private let y: Int32
    private let m: Int16
    private let d: Int16
    public var year: Int { Int(y) }
    public var month: Int { Int(m) }
    public var day: Int { Int(d) }

    /// Parses exactly `YYYY-MM-DD`, or throws a message saying what is wrong with it.
    public init(parsing text: String) throws {
        var t = text
        guard let (y, m, d) = t.withUTF8(Day.fields) else {
            throw KemuningError.failed("bad date '\(text)': expected YYYY-MM-DD, like 2026-01-31")
        }
        guard Day.supportedYears.contains(y) else {
            throw KemuningError.failed("bad date '\(text)': the year must be between 1900 and 2999")
        }
        guard m >= 1, m <= 12 else {
            throw KemuningError.failed("bad date '\(text)': there is no month \(m)")
        }
        let last = Day.daysIn(month: m, year: y)
        guard d >= 1, d <= last else {
            throw KemuningError.failed("bad date '\(text)': \(Day.monthNames[m - 1]) \(y) has \(last) days")
        }
        self.y = Int32(y)
        self.m = Int16(m)
        self.d = Int16(d)
    }

    /// The years kemuning keeps dates in: four digits, so every stored date sorts as text.
    public static let supportedYears = 1900...2999
    /// The first and the last date kemuning keeps.
    public static let earliest = Day(year: supportedYears.lowerBound, month: 1, day: 1)
    public static let latest = Day(year: supportedYears.upperBound, month: 12, day: 31)

    /// Whether `text` has the shape `YYYY-MM-DD` (digits and dashes), a real date or not.
    public static func hasDateShape(_ text: String) -> Bool {
        var t = text
        return t.withUTF8(Day.fields) != nil
    }

    /// Whether `text` is a date in the shape of `YYYY-MM-DD` but outside the supported years:
    /// a date computed from another (a deadline 14 days on) can pass the last one.
    public static func isOutsideSupportedYears(_ text: String) -> Bool {
        var t = text
        guard let (y, _, _) = t.withUTF8(Day.fields) else { return false }
        return !supportedYears.contains(y)
    }

    /// The three numbers of `YYYY-MM-DD`, or nil when the text has another shape.
    static func fields(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var n = 0
            for k in r {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                n = n * 10 + Int(b[k] - 48)
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        return (y, m, d)
    }

    public init(year: Int, month: Int, day: Int) {
        self.y = Int32(year)
        self.m = Int16(month)
        self.d = Int16(day)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// Today in the machine's local time zone.
    public static func today() -> Day {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    public var description: String {
        // Every command that records a date writes several (the record, its audit entry, the
        // journal): ten bytes put in place, when each number fits its digits, which they
        // always do for a date kemuning keeps.
        if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { b in
                b[0] = UInt8(48 + year / 1000)
                b[1] = UInt8(48 + year / 100 % 10)
                b[2] = UInt8(48 + year / 10 % 10)
                b[3] = UInt8(48 + year % 10)
                b[4] = 45
                b[5] = UInt8(48 + month / 10)
                b[6] = UInt8(48 + month % 10)
                b[7] = 45
                b[8] = UInt8(48 + day / 10)
                b[9] = UInt8(48 + day % 10)
                return 10
            }
        }
        return "\(String(year, zeroPaddedTo: 4))-\(String(month, zeroPaddedTo: 2))-\(String(day, zeroPaddedTo: 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}
