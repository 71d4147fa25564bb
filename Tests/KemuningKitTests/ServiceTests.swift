import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Service standards, response times, complaint deadlines (SP4N-LAPOR!) and forums
/// (DOMAIN.md, "Service standards, response times and complaints"), each rule at its edges.
/// 2026-11-02 is a Monday; 2026-11-06 a Friday; 2026-11-07 and 11-08 the weekend.

private func day(_ text: String) -> Day { try! Day(parsing: text) }

/// A state holding these records, with these policies set.
private func state(_ records: [any StoredRecord], policies: [(String, String)] = []) throws -> State {
    var s = State()
    var seq = 0
    for r in records {
        seq += 1
        try s.apply(.add(AnyRecord(r)), seq: seq)
    }
    for (name, value) in policies {
        seq += 1
        try s.apply(.policy(name: name, value: value), seq: seq)
    }
    return s
}

private let ktp = Service(id: "S1", name: "KTP", unit: "Disdukcapil", standardDays: 14, positions: ["Pengadministrasi"])

@Suite("Service standards")
struct ServiceStandardTests {
    @Test(arguments: [(14, 14, false), (15, 14, true), (13, 14, false), (0, 0, false), (1, 0, true)])
    func lateOnlyAfterTheStandard(_ days: Int, _ standard: Int, _ late: Bool) {
        #expect(isLate(days: days, standard: standard) == late)
    }

    @Test func requestDoneExactlyOnItsStandardIsOnTime() {
        let onTime = ServiceRequest(id: "R1", service: "S1", received: day("2026-11-02"), done: day("2026-11-16"))
        let oneLate = ServiceRequest(id: "R2", service: "S1", received: day("2026-11-02"), done: day("2026-11-17"))
        #expect(onTime.days == 14)
        #expect(!isLate(days: onTime.days!, standard: 14))
        #expect(oneLate.days == 15)
        #expect(isLate(days: oneLate.days!, standard: 14))
        #expect(ServiceRequest(id: "R3", service: "S1", received: day("2026-11-02")).days == nil)
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(medianDays([]) == nil)
        #expect(medianDays([7])?.description == "7.0")
        #expect(medianDays([9, 3, 5])?.description == "5.0")          // sorted 3 5 9: the middle one
        #expect(medianDays([10, 3, 8, 5])?.description == "6.5")      // sorted 3 5 8 10: (5 + 8) / 2
        #expect(medianDays([4, 5])?.description == "4.5")
        #expect(medianDays([1, 2, 2, 9])?.description == "2.0")
    }

    @Test func lateShareWithEvenAndOddCounts() {
        #expect(lateShare([], standard: 14) == nil)
        #expect(lateShare([14, 15], standard: 14) == Rational(1, 2))              // on the standard is not late
        #expect(lateShare([10, 14, 15], standard: 14) == Rational(1, 3))
        #expect(lateShare([15, 16, 20], standard: 14) == Rational(1))
        #expect(lateShare(late: 0, of: 4) == Rational(0))
        // Shown as a percent with 1 decimal, half up: 1/3 = 33.3, 2/3 = 66.67 -> 66.7, 1/8 = 12.5.
        #expect(ReportCommands.percent(1, of: 3) == .number("33.3"))
        #expect(ReportCommands.percent(2, of: 3) == .number("66.7"))
        #expect(ReportCommands.percent(1, of: 8) == .number("12.5"))
        #expect(ReportCommands.percent(0, of: 0) == .null)
    }

    @Test func timingsCountOnlyFinishedRequestsInThePeriod() throws {
        let akta = Service(id: "S2", name: "Akta", unit: "Disdukcapil", standardDays: 5)
        let idle = Service(id: "S3", name: "KK", unit: "Disdukcapil", standardDays: 3)
        let s = try state([
            ktp, akta, idle,
            ServiceRequest(id: "R1", service: "S1", received: day("2026-10-01"), done: day("2026-10-15")),  // 14: on time
            ServiceRequest(id: "R2", service: "S1", received: day("2026-10-01"), done: day("2026-10-16")),  // 15: late
            ServiceRequest(id: "R3", service: "S1", received: day("2026-10-01"), done: day("2026-10-21")),  // 20: late
            ServiceRequest(id: "R4", service: "S1", received: day("2026-10-01")),                           // open: not counted
            ServiceRequest(id: "R5", service: "S2", received: day("2026-11-01"), done: day("2026-11-03")),  // 2
            ServiceRequest(id: "R6", service: "S2", received: day("2026-11-01"), done: day("2026-11-07")),  // 6: late
        ])
        let all = try serviceTimings(s, from: nil, to: nil)
        #expect(all.map(\.service.id) == ["S1", "S2", "S3"])
        #expect(all[0].count == 3 && all[0].late == 2)
        #expect(all[0].median?.description == "15.0")
        #expect(all[0].lateShare == Rational(2, 3))
        #expect(all[1].count == 2 && all[1].late == 1)
        #expect(all[1].median?.description == "4.0")
        #expect(all[1].lateShare == Rational(1, 2))
        #expect(all[2].count == 0 && all[2].median == nil && all[2].lateShare == nil)
        // Finished from 2026-10-16 to 2026-11-03, both days included.
        let some = try serviceTimings(s, from: day("2026-10-16"), to: day("2026-11-03"))
        #expect(some[0].count == 2 && some[0].late == 2 && some[0].median?.description == "17.5")
        #expect(some[1].count == 1 && some[1].late == 0)
    }
}

@Suite("Complaint deadlines")
struct ComplaintDeadlineTests {
    @Test func calendarDeadlines() {
        #expect(complaintDeadline(received: day("2026-11-02"), days: 3) == day("2026-11-05"))
        #expect(complaintDeadline(received: day("2026-11-02"), days: 14) == day("2026-11-16"))
        #expect(complaintDeadline(received: day("2026-11-02"), days: 60) == day("2027-01-01"))
        #expect(complaintDeadline(received: day("2026-11-02"), days: 0) == day("2026-11-02"))
    }

    @Test func workingDaysSkipTheWeekend() {
        // Thursday 11-05 + 3 working days: Fri 06, Mon 09, Tue 10.
        #expect(complaintDeadline(received: day("2026-11-05"), days: 3, countingWorkingDays: true) == day("2026-11-10"))
        // Received on Saturday: the first working day is Monday.
        #expect(complaintDeadline(received: day("2026-11-07"), days: 1, countingWorkingDays: true) == day("2026-11-09"))
        // Monday + 5 working days is the next Monday; + 14 is three weeks less a day.
        #expect(complaintDeadline(received: day("2026-11-02"), days: 5, countingWorkingDays: true) == day("2026-11-09"))
        #expect(complaintDeadline(received: day("2026-11-02"), days: 14, countingWorkingDays: true) == day("2026-11-20"))
        #expect(daysBetween(day("2026-11-06"), day("2026-11-09"), working: true) == 1)   // Fri -> Mon
        #expect(daysBetween(day("2026-11-06"), day("2026-11-09"), working: false) == 3)
        #expect(daysBetween(day("2026-11-06"), day("2026-11-08"), working: true) == 0)   // Fri -> Sun
        #expect(daysBetween(day("2026-11-02"), day("2026-11-16"), working: true) == 10)  // two whole weeks
        #expect(daysBetween(day("2026-11-09"), day("2026-11-06"), working: true) == -1)
        #expect(!isWeekend(day("2026-11-06")) && isWeekend(day("2026-11-07")) && isWeekend(day("2026-11-08")) && !isWeekend(day("2026-11-09")))
    }

    @Test func workingDaysAgreeWithCountingOneByOne() {
        let start = day("2026-10-28")
        for a in 0..<16 {
            for n in 0..<30 {
                let from = start.adding(days: a), to = from.adding(days: n)
                var count = 0
                var d = from
                while d < to {
                    d = d.adding(days: 1)
                    if !isWeekend(d) { count += 1 }
                }
                #expect(daysBetween(from, to, working: true) == count, "\(from) to \(to)")
                let deadline = complaintDeadline(received: from, days: count, countingWorkingDays: true)
                #expect(daysBetween(from, deadline, working: true) == count)
            }
        }
    }

    /// A complaint received Monday 2026-11-02, of each kind, resolved exactly on its deadline or
    /// one day after; the response is on time (day 3) throughout.
    @Test(arguments: [("info", 5), ("complaint", 5), ("dispute", 14), ("field", 60)])
    func resolutionDeadlineByKind(_ kind: String, _ days: Int) throws {
        let received = day("2026-11-02")
        let deadline = received.adding(days: days)
        let onTime = Complaint(id: "C1", service: "S1", channel: "lapor", kind: kind, received: received,
                               responded: day("2026-11-05"), resolved: deadline)
        let late = Complaint(id: "C2", service: "S1", channel: "web", kind: kind, received: received,
                             responded: day("2026-11-05"), resolved: deadline.adding(days: 1))
        let s = try state([ktp, onTime, late])
        let overdue = try overdueComplaints(s, today: day("2027-06-01"))
        #expect(overdue.count == 1)
        #expect(overdue.first?.complaint.id == "C2")
        #expect(overdue.first?.stage == "resolution")
        #expect(overdue.first?.deadline == deadline)
        #expect(overdue.first?.daysLate == 1)
        #expect(overdue.first?.open == false)
        #expect(overdue.first?.service?.id == "S1")
        // Still open: not overdue on the deadline itself, overdue the day after.
        let open = Complaint(id: "C1", service: "S1", channel: "sms", kind: kind, received: received, responded: day("2026-11-03"))
        let s2 = try state([ktp, open])
        #expect(try overdueComplaints(s2, today: deadline).isEmpty)
        let next = try overdueComplaints(s2, today: deadline.adding(days: 1))
        #expect(next.count == 1 && next[0].open && next[0].daysLate == 1 && next[0].stage == "resolution")
    }

    @Test func firstResponseWithinThreeDays() throws {
        let received = day("2026-11-02")
        let s = try state([ktp,
                           Complaint(id: "C1", service: "S1", channel: "lapor", kind: "info", received: received, responded: day("2026-11-05")),
                           Complaint(id: "C2", service: "S1", channel: "lapor", kind: "info", received: received, responded: day("2026-11-06")),
                           Complaint(id: "C3", service: "S1", channel: "lapor", kind: "info", received: received)])
        // Today 11-05: C3 is open but on its deadline; C2's response is late already.
        let a = try overdueComplaints(s, today: day("2026-11-05"))
        #expect(a.map(\.complaint.id) == ["C2"])
        #expect(a[0].stage == "response" && a[0].deadline == day("2026-11-05") && a[0].daysLate == 1 && !a[0].open)
        let b = try overdueComplaints(s, today: day("2026-11-06"))
        #expect(b.map(\.complaint.id) == ["C2", "C3"])
        #expect(b[1].open && b[1].daysLate == 1)
        // 11-08: C1, C2 still unresolved past 5 days; C3 unanswered (6 - 3 = 3 late) and unresolved (6 - 5 = 1 late).
        let c = try overdueComplaints(s, today: day("2026-11-08"))
        #expect(c.map { "\($0.complaint.id) \($0.stage) \($0.daysLate)" }
                == ["C1 resolution 1", "C2 response 1", "C2 resolution 1", "C3 response 3", "C3 resolution 1"])
    }

    @Test func aResolutionWithoutAResponseCountsAsTheResponse() throws {
        let received = day("2026-11-02")
        let s = try state([ktp,
                           Complaint(id: "C1", service: "S1", channel: "walk-in", kind: "complaint", received: received, resolved: day("2026-11-04")),
                           Complaint(id: "C2", service: "S1", channel: "walk-in", kind: "complaint", received: received, resolved: day("2026-11-07"))])
        let o = try overdueComplaints(s, today: day("2026-12-01"))
        #expect(o.map { "\($0.complaint.id) \($0.stage) \($0.daysLate)" } == ["C2 response 2"])
    }

    @Test func policiesChangeTheDeadlines() throws {
        let received = day("2026-11-05")  // Thursday
        let c1 = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "dispute", received: received, responded: day("2026-11-09"))
        // Calendar: Monday 11-09 is day 4, one past 3.
        let calendar = try state([ktp, c1])
        #expect(try overdueComplaints(calendar, today: day("2026-11-09")).map(\.daysLate) == [1])
        // Responses allowed 4 days: on time.
        let longer = try state([ktp, c1], policies: [("complaint-response-days", "4")])
        #expect(try overdueComplaints(longer, today: day("2026-11-09")).isEmpty)
        // Working days: Fri 06 and Mon 09 are 2 of 3 working days; deadline Tuesday 11-10.
        let working = try state([ktp, c1], policies: [("complaint-day-count", "working")])
        #expect(try overdueComplaints(working, today: day("2026-11-10")).isEmpty)
        let late = try state([ktp, Complaint(id: "C1", service: "S1", channel: "lapor", kind: "dispute", received: received, responded: day("2026-11-11"))],
                             policies: [("complaint-day-count", "working")])
        let o = try overdueComplaints(late, today: day("2026-11-11"))
        #expect(o.count == 1 && o[0].deadline == day("2026-11-10") && o[0].daysLate == 1)
        // A Saturday answer after a Friday working-day deadline: no working day has passed.
        let fri = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "info", received: day("2026-11-03"), responded: day("2026-11-07"))
        #expect(try overdueComplaints(try state([ktp, fri], policies: [("complaint-day-count", "working")]), today: day("2026-11-07")).isEmpty)
        #expect(try overdueComplaints(try state([ktp, fri]), today: day("2026-11-07")).map(\.daysLate) == [1])
        // Each resolution setting moves its own kind only.
        for (policy, kind) in [("complaint-info-days", "info"), ("complaint-complaint-days", "complaint"),
                               ("complaint-dispute-days", "dispute"), ("complaint-field-days", "field")] {
            let c = Complaint(id: "C1", service: "S1", channel: "lapor", kind: kind, received: day("2026-11-02"), responded: day("2026-11-02"),
                              resolved: day("2026-11-04"))
            let other = Complaint(id: "C2", service: "S1", channel: "lapor", kind: kind == "info" ? "field" : "info", received: day("2026-11-02"),
                                  responded: day("2026-11-02"), resolved: day("2026-11-04"))
            let s = try state([ktp, c, other], policies: [(policy, "1")])
            let o = try overdueComplaints(s, today: day("2026-11-04"))
            #expect(o.map { "\($0.complaint.id) \($0.deadline) \($0.daysLate)" } == ["C1 2026-11-03 1"], "\(policy)")
        }
    }
}

@Suite("Service records")
struct ServiceRecordTests {
    @Test func recordsRoundTripThroughJSON() throws {
        #expect(try Service(json: ktp.json) == ktp)
        let r = ServiceRequest(id: "R1", service: "S1", received: day("2026-11-02"), done: day("2026-11-03"))
        #expect(try ServiceRequest(json: r.json) == r)
        let c = Complaint(id: "C1", service: "S1", channel: "walk-in", kind: "field", received: day("2026-11-02"), resolved: day("2026-11-20"))
        #expect(try Complaint(json: c.json) == c)
        let f = Forum(id: "F1", date: day("2026-11-20"), topic: "KTP", participants: 30,
                      notes: [.init(issue: "antrean"), .init(issue: "loket", recommend: "tambah loket")])
        #expect(try Forum(json: f.json) == f)
    }

    @Test func recommendationsAreTheNotesThatCarryOne() throws {
        let f1 = Forum(id: "F1", date: day("2026-11-20"), topic: "KTP", participants: 30,
                       notes: [.init(issue: "antrean"), .init(issue: "loket", recommend: "tambah loket")])
        let f2 = Forum(id: "F2", date: day("2026-11-21"), topic: "Akta", participants: 12, notes: [.init(issue: "sikap", recommend: "pelatihan")])
        let r = try forumRecommendations(try state([f1, f2]))
        #expect(r.map { "\($0.forum.id): \($0.issue) -> \($0.recommend)" } == ["F1: loket -> tambah loket", "F2: sikap -> pelatihan"])
        #expect(try forumRecommendations(State()).isEmpty)
    }
}
