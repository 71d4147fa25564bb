import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

@Suite("Day")
struct DayTests {

    @Test(arguments: [
        ("2026-11-29", 2026, 11, 29),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("1900-01-01", 1900, 1, 1),
        ("2999-12-31", 2999, 12, 31),
        ("2026-04-30", 2026, 4, 30),
        ("2026-01-31", 2026, 1, 31),
    ])
    func parsesValidDates(_ text: String, _ y: Int, _ m: Int, _ d: Int) throws {
        let day = try Day(parsing: text)
        #expect(day == Day(year: y, month: m, day: d))
        #expect(day.description == text)
    }

    @Test(arguments: [
        ("2023-02-29", "bad date '2023-02-29': February 2023 has 28 days"),
        ("1900-02-29", "bad date '1900-02-29': February 1900 has 28 days"),
        ("2100-02-29", "bad date '2100-02-29': February 2100 has 28 days"),
        ("2024-02-30", "bad date '2024-02-30': February 2024 has 29 days"),
        ("2026-04-31", "bad date '2026-04-31': April 2026 has 30 days"),
        ("2026-01-00", "bad date '2026-01-00': January 2026 has 31 days"),
        ("2026-12-32", "bad date '2026-12-32': December 2026 has 31 days"),
        ("2026-13-01", "bad date '2026-13-01': there is no month 13"),
        ("2026-00-10", "bad date '2026-00-10': there is no month 0"),
        ("1899-12-31", "bad date '1899-12-31': the year must be between 1900 and 2999"),
        ("3000-01-01", "bad date '3000-01-01': the year must be between 1900 and 2999"),
        ("0000-01-01", "bad date '0000-01-01': the year must be between 1900 and 2999"),
        ("2026-1-05", "bad date '2026-1-05': expected YYYY-MM-DD, like 2026-01-31"),
        ("2026-01-5", "bad date '2026-01-5': expected YYYY-MM-DD, like 2026-01-31"),
        ("26-01-05", "bad date '26-01-05': expected YYYY-MM-DD, like 2026-01-31"),
        ("2026/01/05", "bad date '2026/01/05': expected YYYY-MM-DD, like 2026-01-31"),
        ("2026-01-05 ", "bad date '2026-01-05 ': expected YYYY-MM-DD, like 2026-01-31"),
        ("+026-01-05", "bad date '+026-01-05': expected YYYY-MM-DD, like 2026-01-31"),
        ("2026-0a-05", "bad date '2026-0a-05': expected YYYY-MM-DD, like 2026-01-31"),
        ("２０２６-01-05", "bad date '２０２６-01-05': expected YYYY-MM-DD, like 2026-01-31"),
        ("", "bad date '': expected YYYY-MM-DD, like 2026-01-31"),
        ("today", "bad date 'today': expected YYYY-MM-DD, like 2026-01-31"),
    ])
    func refusesBadDatesSayingWhy(_ text: String, _ message: String) {
        #expect(throws: KemuningError.failed(.verbatim(message))) { try Day(parsing: text) }
    }

    @Test(arguments: [(1900, false), (1996, true), (2000, true), (2023, false), (2024, true), (2100, false), (2400, true)])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(Day.isLeap(year) == leap)
        #expect(Day.daysIn(month: 2, year: year) == (leap ? 29 : 28))
    }

    @Test func ordinalCountsDaysSinceTheEpoch() {
        #expect(Day(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(Day(year: 1969, month: 12, day: 31).ordinal == -1)
        #expect(Day(year: 2000, month: 3, day: 1).ordinal == 11017)
        #expect(Day(year: 1900, month: 1, day: 1).ordinal == -25567)
    }

    @Test func ordinalRoundTripsEveryDayFrom1900To2100() {
        var day = Day(year: 1900, month: 1, day: 1)
        let last = Day(year: 2100, month: 12, day: 31).ordinal
        var n = day.ordinal
        var mismatches: [String] = []
        while n <= last && mismatches.count < 5 {
            let back = Day(ordinal: n)
            if back != day || day.ordinal != n { mismatches.append("\(n): \(back) vs \(day)") }
            // The next day by calendar rules.
            if day.day < Day.daysIn(month: day.month, year: day.year) {
                day = Day(year: day.year, month: day.month, day: day.day + 1)
            } else if day.month < 12 {
                day = Day(year: day.year, month: day.month + 1, day: 1)
            } else {
                day = Day(year: day.year + 1, month: 1, day: 1)
            }
            n += 1
        }
        #expect(mismatches == [])
        #expect(day == Day(year: 2101, month: 1, day: 1))
    }

    @Test(arguments: [
        (Day(year: 2024, month: 2, day: 28), 1, Day(year: 2024, month: 2, day: 29)),
        (Day(year: 2023, month: 2, day: 28), 1, Day(year: 2023, month: 3, day: 1)),
        (Day(year: 2026, month: 12, day: 31), 1, Day(year: 2027, month: 1, day: 1)),
        (Day(year: 2026, month: 3, day: 1), -1, Day(year: 2026, month: 2, day: 28)),
        (Day(year: 2026, month: 11, day: 29), 365, Day(year: 2027, month: 11, day: 29)),
    ])
    func addingDays(_ from: Day, _ n: Int, _ to: Day) {
        #expect(from.adding(days: n) == to)
        #expect(from.days(to: to) == n)
    }

    @Test func daysCompareByDate() {
        let a = Day(year: 2026, month: 1, day: 31)
        let b = Day(year: 2026, month: 2, day: 1)
        #expect(a < b)
        #expect(!(b < a))
        #expect([b, a].sorted() == [a, b])
        #expect(Day(year: 5, month: 1, day: 2).description == "0005-01-02")
    }

    /// The ten bytes put in place are the padded numbers, at every width of each.
    @Test(arguments: [(1900, 1, 1), (2026, 11, 29), (2999, 12, 31), (5, 1, 2), (0, 9, 10), (9999, 12, 31), (10000, 1, 1), (-5, 1, 1), (123, 10, 7)])
    func aDayIsWrittenAsItsPaddedNumbers(_ y: Int, _ m: Int, _ d: Int) {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        #expect(Day(year: y, month: m, day: d).description == "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
    }
}

@Suite("ExactDecimal")
struct ExactDecimalTests {

    @Test(arguments: [
        ("3.75", 375, 2, "3.75"),
        ("-12", -12, 0, "-12"),
        ("+0.5", 5, 1, "0.5"),
        ("0.00", 0, 2, "0.00"),
        ("-0.05", -5, 2, "-0.05"),
        ("4.01", 401, 2, "4.01"),
        ("3.755", 3755, 3, "3.755"),
        ("007", 7, 0, "7"),
        ("0.123456789012345678", 123456789012345678, 18, "0.123456789012345678"),
    ])
    func parsesAndPrints(_ text: String, _ units: Int, _ scale: Int, _ shown: String) throws {
        let d = try #require(ExactDecimal(text))
        #expect(d.units == Int128(units))
        #expect(d.scale == scale)
        #expect(d.description == shown)
    }

    @Test(arguments: ["", "-", "+", ".5", "3.", "1.2.3", "1e5", "1,000", " 1", "1 ", "--1", "0x10", "٣", "１",
                      "0.1234567890123456789", "123456789012345678901", "NaN", "inf"])
    func refusesWhatIsNotAPlainDecimal(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test func equalityIgnoresTrailingZerosAndHashesAlike() throws {
        let a = try #require(ExactDecimal("3.10"))
        let b = try #require(ExactDecimal("3.1"))
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a.description == "3.10")
        #expect(ExactDecimal("-0") == ExactDecimal(0))
    }

    @Test(arguments: [
        ("3.9", "4.00", true), ("4.00", "4.01", true), ("4.01", "4", false), ("-1", "0", true), ("0.1", "0.10", false),
    ])
    func ordersExactly(_ a: String, _ b: String, _ less: Bool) throws {
        #expect((try #require(ExactDecimal(a)) < (try #require(ExactDecimal(b)))) == less)
    }

    @Test(arguments: [
        ("3.755", 2, "3.76"), ("-3.755", 2, "-3.76"), ("3.754", 2, "3.75"), ("2.5", 0, "3"), ("-2.5", 0, "-3"),
        ("2.4", 0, "2"), ("1.5", 3, "1.500"), ("0.005", 2, "0.01"), ("0.004", 2, "0.00"),
    ])
    func roundsHalfAwayFromZero(_ text: String, _ scale: Int, _ expected: String) throws {
        #expect(try #require(ExactDecimal(text)).rounded(toScale: scale).description == expected)
    }
}

@Suite("NIK")
struct NIKTests {

    @Test func acceptsExactlySixteenDigits() throws {
        #expect(try NIK.validate("3201234567890001") == "3201234567890001")
        #expect(try NIK.validate("0000000000000000") == "0000000000000000")
    }

    @Test(arguments: [
        // However close to a NIK, the value is shown masked: the first 4 and last 2 characters.
        ("320123456789000", "bad NIK '3201*********00': a NIK is exactly 16 digits, and it has 15 digits"),
        ("32012345678900012", "bad NIK '3201***********12': a NIK is exactly 16 digits, and it has 17 digits"),
        ("320123456789000A", "bad NIK '3201**********0A': a NIK is exactly 16 digits, and it has characters that are not digits"),
        ("", "bad NIK '': a NIK is exactly 16 digits, and it has 0 digits"),
        ("3201 2345 6789 0001", "bad NIK '3201*************01': a NIK is exactly 16 digits, and it has characters that are not digits"),
        ("3201-2345-6789-0001", "bad NIK '3201*************01': a NIK is exactly 16 digits, and it has characters that are not digits"),
        ("3201234567890001x", "bad NIK '3201***********1x': a NIK is exactly 16 digits, and it has characters that are not digits"),
        ("٣٢٠١٢٣٤٥٦٧٨٩٠٠٠١", "bad NIK '٣٢٠١**********٠١': a NIK is exactly 16 digits, and it has characters that are not digits"),
        // Short values are all stars; long ones are masked, then cut.
        ("3201-23", "bad NIK '*******': a NIK is exactly 16 digits, and it has characters that are not digits"),
        (String(repeating: "9", count: 50), "bad NIK '9999\(String(repeating: "*", count: 36))…': a NIK is exactly 16 digits, and it has 50 digits"),
    ])
    func refusesAnythingElse(_ text: String, _ message: String) {
        #expect(throws: KemuningError.failed(.verbatim(message))) { try NIK.validate(text) }
    }

    @Test(arguments: [
        ("3201234567890001", "3201**********01"),
        ("1234567", "1234*67"),
        ("123456", "******"),
        ("", ""),
    ])
    func masksAllButTheFirstFourAndLastTwo(_ nik: String, _ masked: String) {
        #expect(NIK.mask(nik) == masked)
    }

    @Test(arguments: [
        ("applicant add --nik 3201234567890001 --name X", "applicant add --nik 3201**********01 --name X"),
        ("3201234567890001,3201234567890002", "3201**********01,3201**********02"),
        ("17 digits 32012345678900012 stay", "17 digits 32012345678900012 stay"),
        ("15 digits 320123456789000 stay", "15 digits 320123456789000 stay"),
        ("no digits", "no digits"),
        // The value of --nik is masked whatever its shape, quoted or inline, and so are digit
        // groups that follow it; a variable's name is left alone.
        ("applicant add --nik 32012345678900012 --name X", "applicant add --nik 3201***********12 --name X"),
        ("applicant add --nik=3201-2345-6789-0001", "applicant add --nik=3201*************01"),
        ("applicant add --nik \"3201 2345 6789 0001\" --name X", "applicant add --nik \"3201*************01\" --name X"),
        ("applicant add --nik '320123456789000A'", "applicant add --nik '3201**********0A'"),
        ("applicant add --nik 3201 2345 6789 0001 --name X", "applicant add --nik 3201*************01 --name X"),
        ("applicant add --nik 3201-2 --name X", "applicant add --nik ****** --name X"),
        ("applicant add --nik $nik --name X", "applicant add --nik $nik --name X"),
        ("applicant add --nik", "applicant add --nik"),
        ("x; applicant add --name A --nik 3201.2345.6789.0001\necho", "x; applicant add --name A --nik 3201*************01\necho"),
        // Only a whole flag: --niks and echo--nik are not --nik.
        ("echo --niks 32012345678900012 a--nik 32012345678900012", "echo --niks 32012345678900012 a--nik 32012345678900012"),
    ])
    func redactsEveryRunOfExactlySixteenDigitsAndEveryValueOfNik(_ text: String, _ expected: String) {
        #expect(NIK.redact(text) == expected)
    }
}

@Suite("Education")
struct EducationTests {

    @Test(arguments: [
        ("S1", "S1"), ("s1", "S1"), ("sma", "SMA"), ("S1 Akuntansi", "S1 Akuntansi"),
        ("d3  Teknik   Informatika", "D3 Teknik Informatika"), ("  S2 ", "S2"), ("D4 teknik", "D4 teknik"),
    ])
    func normalisesTheLevelAndKeepsTheField(_ text: String, _ expected: String) throws {
        #expect(try Education.validate(text) == expected)
    }

    @Test(arguments: [
        ("S4", "bad education 'S4': 'S4' is not a level (SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3)", "did you mean 'SD'?" as String?),
        ("x1 Hukum", "bad education 'x1 Hukum': 'x1' is not a level (SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3)", "did you mean 'D1'?"),
        ("Sarjana", "bad education 'Sarjana': 'Sarjana' is not a level (SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2, S3)", nil),
        ("", "bad education '': expected a level such as S1 or D3", nil),
        ("   ", "bad education '': expected a level such as S1 or D3", nil),
    ])
    func refusesUnknownLevels(_ text: String, _ message: String, _ hint: String?) {
        #expect(throws: KemuningError.failed(.verbatim(message), hint: hint.map(Message.verbatim))) { try Education.validate(text) }
    }
}

@Suite("Ids and records")
struct IdTests {

    @Test(arguments: [("V12", "V", 12), ("A1", "A", 1), ("AB3", "AB", 3)])
    func splitsIds(_ id: String, _ prefix: String, _ n: Int) throws {
        let (p, k) = try #require(splitId(id))
        #expect(p == prefix)
        #expect(k == n)
    }

    @Test(arguments: ["V0", "V01", "v1", "12", "V", "", "V1a", "V-1", "ÄV1"])
    func refusesMalformedIds(_ id: String) {
        #expect(splitId(id) == nil)
    }

    @Test func nextIdFollowsTheHighestIdEverGiven() throws {
        var s = State()
        #expect(s.nextId("V") == "V1")
        let v = Vacancy(id: "V7", title: "T", unit: "U", seats: 1, type: "cpns", education: [], state: .draft,
                        created: Day(year: 2026, month: 11, day: 29))
        try s.apply(.add(v), seq: 1)
        #expect(s.nextId("V") == "V8")
        #expect(s.nextId("A") == "A1")
        #expect(s.vacancy("V7") == v)
    }

    @Test func applicantRecordRoundTripsThroughJSON() throws {
        let a = Applicant(id: "A1", nik: "3201234567890001", name: "Sukmawati Rahayu", born: Day(year: 1996, month: 4, day: 12),
                          education: "S1", gpa: ExactDecimal("3.60"), created: Day(year: 2026, month: 11, day: 29))
        #expect(a.json.serialized() == #"{"id":"A1","nik":"3201234567890001","name":"Sukmawati Rahayu","born":"1996-04-12","education":"S1","gpa":3.60,"created":"2026-11-29"}"#)
        #expect(try Applicant(json: a.json) == a)
        #expect(try Applicant(json: a.json).gpa?.description == "3.60")
    }

    @Test(arguments: [
        ("SMA", GPAScale.schoolAverage), ("SMK", .schoolAverage), ("SMP", .schoolAverage), ("SD", .schoolAverage),
        ("sma", .schoolAverage), ("Smk Teknik Mesin", .schoolAverage), ("  SMA  IPA", .schoolAverage),
        ("S1", .ipk), ("D3 Teknik Informatika", .ipk), ("S3", .ipk), ("SMAK", .ipk), ("SM", .ipk), ("SMA-IPA", .ipk),
        ("", .ipk), (" ", .ipk), ("ＳＭＡ", .ipk),
    ])
    func theGPAScaleFollowsTheFirstWordOfTheEducation(_ education: String, _ scale: GPAScale) {
        #expect(Education.gpaScale(of: education) == scale)
    }

    @Test func withoutAnEducationTheGPAIsAnIPK() {
        #expect(Education.gpaScale(of: nil) == .ipk)
    }

    /// A stored GPA is read on the scale of the stored education level, as `applicant add` took
    /// it; a record from before school averages (0 to 4, with or without a level) reads the same.
    @Test(arguments: [
        (#""education":"SMK","gpa":85.50"#, "85.50"), (#""education":"SMA IPA","gpa":100.00"#, "100.00"),
        (#""education":"S1","gpa":4.00"#, "4.00"), (#""education":null,"gpa":3.50"#, "3.50"),
        (#""education":"SMA","gpa":3.50"#, "3.50"),
    ])
    func aStoredGPAIsReadOnTheScaleOfItsEducationLevel(_ fields: String, _ gpa: String) throws {
        let text = #"{"id":"A1","nik":"3201234567890001","name":"X","born":"1996-04-12","# + fields + #","created":"2026-11-29"}"#
        let a = try Applicant(json: try JSON.parse(text))
        #expect(a.gpa?.description == gpa)
        #expect(a.json.serialized() == text)
    }

    @Test(arguments: [
        (#""education":"S1","gpa":85.50"#, "applicant 'gpa' must be from 0 to 4, not 85.50 (the scale of its 'education' 'S1')"),
        (#""education":null,"gpa":4.01"#, "applicant 'gpa' must be from 0 to 4, not 4.01 (the scale of its 'education' (none))"),
        (#""education":"SMK","gpa":100.01"#, "applicant 'gpa' must be from 0 to 100, not 100.01 (the scale of its 'education' 'SMK')"),
    ])
    func aStoredGPAOutsideTheScaleOfItsEducationLevelIsRefused(_ fields: String, _ message: String) throws {
        let text = #"{"id":"A1","nik":"3201234567890001","name":"X","born":"1996-04-12","# + fields + #","created":"2026-11-29"}"#
        let json = try JSON.parse(text)
        #expect { try Applicant(json: json) } throws: { ($0 as? RecordError)?.message.english == message }
    }

    @Test func applyingADuplicateNIKIsRefusedAndLeavesTheStateAlone() throws {
        var s = State()
        let a = Applicant(id: "A1", nik: "3201234567890001", name: "X", born: Day(year: 1990, month: 1, day: 1),
                          education: nil, gpa: nil, created: Day(year: 2026, month: 11, day: 29))
        try s.apply(.add(a), seq: 1)
        let before = s
        var b = a
        b.id = "A2"
        #expect(throws: RecordError("applicant A2 repeats the NIK of A1")) {
            try s.apply(.add(b), seq: 2)
        }
        #expect(s == before)
    }
}

@Suite("Rare") struct RareTests {
    struct Holder: Equatable {
        @Rare var value: Screening.Objection?
    }

    /// Out of line: one pointer in its record, whatever the value's size; read back as set, and
    /// equal exactly when the values are.
    @Test func aRareValueTakesOnePointerAndReadsBackAsSet() {
        #expect(MemoryLayout<Holder>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<Screening.Objection?>.size > MemoryLayout<Int>.size)
        let day = Day(year: 2026, month: 11, day: 29)
        var a = Holder(value: nil)
        #expect(a.value == nil)
        a.value = Screening.Objection(pass: true, reason: "x", date: day)
        #expect(a.value == Screening.Objection(pass: true, reason: "x", date: day))
        var b = a
        b.value?.reason = "y"
        #expect(a.value?.reason == "x", "a copy changed the original")
        #expect(a != b)
        b.value?.reason = "x"
        #expect(a == b)
        b.value = nil
        #expect(b.value == nil && a != b)
    }
}
