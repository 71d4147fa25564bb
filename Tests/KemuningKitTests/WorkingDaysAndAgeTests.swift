import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The rules of issue 13, item 5, at their edges: working days with a holiday calendar
/// (DOMAIN.md, "Working days and holidays"), and the applicants' age limits ("Age limits").
/// 2026-11-02 is a Monday; 2026-11-06 a Friday; 2026-11-07 and 11-08 the weekend.

private func day(_ text: String) -> Day { try! Day(parsing: text) }
private func days(_ texts: String...) -> Set<Day> { Set(texts.map(day)) }

@Suite("Working days and holidays")
struct WorkingDayRulesTests {
    @Test(arguments: [
        ("2026-11-02", "2026-11-02", 0),   // the same day: none has passed
        ("2026-11-02", "2026-11-06", 4),   // Monday to Friday
        ("2026-11-06", "2026-11-09", 1),   // Friday to Monday: the weekend does not count
        ("2026-11-06", "2026-11-08", 0),   // Friday to Sunday: none
        ("2026-11-02", "2026-11-16", 10),  // two whole weeks
        ("2026-11-09", "2026-11-02", -5),  // backwards
    ] as [(String, String, Int)])
    func workingDaysSkipTheWeekend(_ from: String, _ to: String, _ want: Int) {
        #expect(workingDays(from: day(from), to: day(to), holidays: []) == want)
    }

    /// A holiday on a Monday: a request received on the Friday before and done on the Tuesday
    /// took 1 working day, not 2.
    @Test func aHolidayOnAMondayIsNotAWorkingDay() {
        let monday = days("2026-11-09")
        #expect(workingDays(from: day("2026-11-06"), to: day("2026-11-10"), holidays: monday) == 1)
        #expect(workingDays(from: day("2026-11-06"), to: day("2026-11-10"), holidays: []) == 2)
        #expect(!isWorkingDay(day("2026-11-09"), holidays: monday))
        #expect(isWorkingDay(day("2026-11-10"), holidays: monday))
        // The first working day after the Friday is the Tuesday.
        #expect(addingWorkingDays(1, to: day("2026-11-06"), holidays: monday) == day("2026-11-10"))
    }

    /// A holiday on the starting day, or on a weekend, takes nothing off.
    @Test func aHolidayOnTheFirstDayOrAWeekendTakesNothingOff() {
        #expect(workingDays(from: day("2026-11-02"), to: day("2026-11-06"), holidays: days("2026-11-02")) == 4)
        #expect(workingDays(from: day("2026-11-02"), to: day("2026-11-09"), holidays: days("2026-11-07", "2026-11-08")) == 5)
        // On the last day, it does.
        #expect(workingDays(from: day("2026-11-02"), to: day("2026-11-06"), holidays: days("2026-11-06")) == 3)
    }

    /// A deadline that would fall on a Saturday in calendar days ends on a working day.
    @Test func aDeadlineFallingOnASaturdayMovesToTheNextWorkingDay() {
        // Received Tuesday 2026-11-03: 4 calendar days is Saturday the 7th; 4 working days is
        // Monday the 9th.
        #expect(complaintDeadline(received: day("2026-11-03"), days: 4) == day("2026-11-07"))
        #expect(complaintDeadline(received: day("2026-11-03"), days: 4, countingWorkingDays: true) == day("2026-11-09"))
        #expect(complaintDeadline(received: day("2026-11-03"), days: 4, countingWorkingDays: true, holidays: days("2026-11-09")) == day("2026-11-10"))
        #expect(addingWorkingDays(0, to: day("2026-11-07"), holidays: []) == day("2026-11-07"))
    }

    /// Across a year end, with Christmas and New Year's Day off: from Thursday 2026-12-24 (itself
    /// cuti bersama) 5 working days end on Friday 2027-01-08... counted: 28, 29, 30, 31 Dec, then
    /// 1 Jan is off, so 4 January is the 5th.
    @Test func acrossAYearEndWithItsHolidays() {
        let h = days("2026-12-24", "2026-12-25", "2027-01-01")
        #expect(addingWorkingDays(5, to: day("2026-12-24"), holidays: h) == day("2027-01-04"))
        #expect(workingDays(from: day("2026-12-24"), to: day("2027-01-04"), holidays: h) == 5)
        #expect(workingDays(from: day("2026-12-24"), to: day("2027-01-04"), holidays: []) == 7)
        // Each inverts the other over a year of starting days.
        var d = day("2026-12-01")
        for _ in 0..<60 {
            for n in [1, 3, 14] {
                let end = addingWorkingDays(n, to: d, holidays: h)
                #expect(workingDays(from: d, to: end, holidays: h) == n)
                #expect(isWorkingDay(end, holidays: h))
            }
            d = d.adding(days: 1)
        }
    }

    /// A service counting working days measures its requests in them; one counting calendar
    /// days is unchanged by holidays.
    @Test func aServiceCountsItsRequestsAsItsStandardSays() {
        let r = ServiceRequest(id: "R1", service: "S1", received: day("2026-11-06"), done: day("2026-11-10"))
        let working = Service(id: "S1", name: "KTP", unit: "Disdukcapil", standardDays: 1, workingDays: true)
        let calendar = Service(id: "S1", name: "KTP", unit: "Disdukcapil", standardDays: 1)
        #expect(working.days(r, holidays: days("2026-11-09")) == 1)
        #expect(calendar.days(r, holidays: days("2026-11-09")) == 4)
        #expect(!isLate(days: working.days(r, holidays: days("2026-11-09"))!, standard: 1))
        #expect(isLate(days: working.days(r, holidays: [])!, standard: 1))
    }

    @Test func aServiceAndAHolidayReadBackWhatTheyWrite() throws {
        let s = Service(id: "S1", name: "KTP", unit: "Disdukcapil", standardDays: 5, workingDays: true)
        #expect(try Service(json: s.json) == s)
        let calendar = Service(id: "S2", name: "Akta", unit: "Disdukcapil", standardDays: 5)
        #expect(calendar.json.objectValue?["workingDays"] == nil)   // as stores before it read
        let h = Holiday(id: "H1", date: day("2026-12-25"), name: "Hari Raya Natal", removed: true)
        #expect(try Holiday(json: h.json) == h)
        #expect(throws: RecordError.self) { try Holiday(json: .object(JSONObject([("id", .string("H1")), ("date", .string("2026-12-25")), ("name", .string("x")), ("removed", .string("no"))]))) }
    }
}

@Suite("Age limits")
struct AgeLimitTests {
    @Test(arguments: [
        ("1991-11-15", "2026-11-15", 35),   // the 35th birthday itself
        ("1991-11-16", "2026-11-15", 34),   // the day before it
        ("1990-11-15", "2026-11-15", 36),
        ("1990-11-16", "2026-11-15", 35),   // the day before the 36th birthday
        ("2000-02-29", "2026-02-28", 25),   // a 29 February birthday: a year older on 1 March
        ("2000-02-29", "2026-03-01", 26),
        ("2000-02-29", "2028-02-29", 28),
    ] as [(String, String, Int)])
    func ageIsCompletedYears(_ born: String, _ on: String, _ want: Int) {
        #expect(age(born: day(born), on: day(on)) == want)
    }

    @Test func theDefaultsFollowTheType() {
        #expect(AgeLimits.defaults(type: "cpns") == AgeLimits(min: 18, max: 35))
        #expect(AgeLimits.defaults(type: "pppk") == AgeLimits(min: 20, max: 56))
        var v = Vacancy(id: "V1", title: "T", unit: "U", seats: 1, type: "cpns", education: [], state: .draft, created: day("2026-11-01"))
        #expect(v.ageLimits == AgeLimits(min: 18, max: 35))
        v.maxAge = 40
        #expect(v.ageLimits == AgeLimits(min: 18, max: 40))
        v.type = "pppk"
        #expect(v.ageLimits == AgeLimits(min: 20, max: 40))
    }

    /// CPNS, closing 2026-11-15: at most 35 means up to the day before the 36th birthday; at
    /// least 18 means from the 18th birthday.
    @Test(arguments: [
        ("1990-11-16", nil),
        ("1990-11-15", "is 36 on 2026-11-15, older than the maximum age of 35"),
        ("1991-11-15", nil),
        ("1991-11-16", nil),
        ("2008-11-15", nil),
        ("2008-11-16", "is 17 on 2026-11-15, younger than the minimum age of 18"),
        ("2020-01-01", "is 6 on 2026-11-15, younger than the minimum age of 18"),
    ] as [(String, String?)])
    func theLimitsHoldOnTheClosingDate(_ born: String, _ problem: String?) {
        #expect(AgeLimits.defaults(type: "cpns").problem(born: day(born), on: day("2026-11-15"))?.english == problem)
    }

    @Test func aVacancyWithoutAgeSettingsReadsAsBefore() throws {
        var v = Vacancy(id: "V1", title: "T", unit: "U", seats: 1, type: "cpns", education: [], state: .draft, created: day("2026-11-01"))
        #expect(v.json.objectValue?["maxAge"] == nil)
        v.minAge = 21
        v.maxAge = 40
        let back = try Vacancy(json: v.json)
        #expect(back.minAge == 21 && back.maxAge == 40)
        var o = v.json.objectValue!
        o["maxAge"] = JSON(101)
        #expect(throws: RecordError.self) { try Vacancy(json: .object(o)) }
    }
}

/// The commands: `apply` refuses outside the age limits, the holiday calendar, and a service
/// counting working days.
@Suite("Age limits and holidays at the commands")
struct AgeAndHolidayCommandTests {
    final class Log {
        var messages: [String] = []
        var errors: [KemuningError] = []
    }

    func session() -> (Session, Log) {
        let s = Session(backend: MemoryStore())
        s.settings.today = Day(year: 2026, month: 11, day: 2)
        let log = Log()
        s.emit = { e in
            switch e {
            case .output(let o): if case .message(let m) = o.body { log.messages.append(m.english) }
            case .diagnostic(let d): log.errors.append(d.error)
            default: break
            }
        }
        return (s, log)
    }

    func run(_ s: Session, _ text: String) { try? s.run(text: text, source: Source(name: "t.kmn")) }

    let round = """
        vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2 --education S1
        vacancy announce V1 --channel portal --closes 2026-11-15
        applicant add --nik 3201000000000001 --name Tua --born 1990-11-15 --education S1
        applicant add --nik 3201000000000002 --name Pas --born 1990-11-16 --education S1
        applicant add --nik 3201000000000003 --name Anak --born 2020-01-01 --education S1
        """

    @Test func applyCountsTheAgeOnTheClosingDate() throws {
        let (s, log) = session()
        run(s, round + "\napply A2 V1")
        run(s, "apply A1 V1")
        run(s, "apply A3 V1")
        #expect(try s.state().applications.map(\.applicant) == ["A2"])
        #expect(log.errors.map(\.message.english) == [
            "A1 (Tua, born 1990-11-15) is 36 on 2026-11-15, older than the maximum age of 35, the limit of V1 counted on its closing date",
            "A3 (Anak, born 2020-01-01) is 6 on 2026-11-15, younger than the minimum age of 18, the limit of V1 counted on its closing date",
        ])
    }

    @Test func aVacancyMayRaiseItsLimit() throws {
        let (s, log) = session()
        run(s, round + "\nvacancy set V1 --max-age 40\napply A1 V1")
        #expect(log.errors.isEmpty)
        #expect(try s.state().applications.map(\.applicant) == ["A1"])
        run(s, "vacancy set V1 --min-age 41")
        #expect(log.errors.last?.message.english == "the maximum age (40) would be below the minimum age (41)")
    }

    @Test func importApplicantsIsHeldToTheLimitsToo() throws {
        let (s, log) = session()
        let dir = StoreDir()
        let path = dir.root + "/p.csv"
        dir.write(path, Array("NIK;Nama;Tanggal Lahir;Pendidikan;Formasi\n3201000000000009;Kecil;01/01/2020;S1;V1\n".utf8))
        run(s, round + "\nimport applicants \(path)")
        #expect(log.errors.first?.message.english.contains("is 6 on 2026-11-15, younger than the minimum age of 18") == true)
        #expect(try s.state().applications.isEmpty)
    }

    @Test func theHolidayCalendarAddsListsRemovesAndUndoes() throws {
        let (s, log) = session()
        run(s, "holiday add 2026-12-25 --name \"Hari Raya Natal\"\nholiday add 2026-12-25 --name Lagi")
        #expect(log.errors.map(\.message.english) == ["2026-12-25 is a holiday already: Hari Raya Natal (H1)"])
        run(s, "holiday remove 2026-12-25")
        #expect(try holidayDates(s.state()).isEmpty)
        run(s, "undo")
        #expect(try holidayDates(s.state()) == days("2026-12-25"))
        run(s, "holiday remove 2026-12-25\nholiday add 2026-12-25 --name Natal")
        #expect(try s.state().records(Holiday.self).map(\.name) == ["Natal"])
        #expect(try holidayDates(s.state()) == days("2026-12-25"))
        run(s, "holiday remove 2026-12-26")
        #expect(log.errors.last?.message.english == "2026-12-26 is not on the holiday calendar")
    }

    @Test func aWorkingDayServiceSkipsTheHolidayWhenItJudgesARequest() throws {
        let (s, log) = session()
        s.settings.today = Day(year: 2026, month: 11, day: 20)
        run(s, """
            holiday add 2026-11-09 --name "Libur daerah"
            service add --name KTP --unit Disdukcapil --standard-days 1 --working-days
            request add S1 --received 2026-11-06
            request done R1 --date 2026-11-10
            """)
        #expect(log.errors.isEmpty)
        #expect(log.messages.last == "R1: done in 1 working day (within the standard of 1)")
    }
}
