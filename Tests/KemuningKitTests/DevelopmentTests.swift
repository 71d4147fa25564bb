import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The development rules (DOMAIN.md, "Development"), each at its edges. Every expected number is
/// worked by hand in the comment next to it.

private func day(_ text: String) -> Day { try! Day(parsing: text) }

private func employee(_ id: String, status: String, since: String, probationEnds: String? = nil) -> Employee {
    Employee(id: id, nip: nil, name: "Pegawai \(id)", unit: "Disdukcapil", position: "Analis", status: status, since: day(since),
             probationEnds: probationEnds.map(day), applicant: nil, application: nil, born: nil)
}

/// A memory session dated 2026-11-29 that runs `text`; returns the session and the first error.
private func session(_ text: String) -> (Session, KemuningError?) {
    let s = Session(backend: MemoryStore())
    s.settings.today = day("2026-11-29")
    do {
        try s.run(text: text, source: Source(name: "test.kmn"))
        return (s, nil)
    } catch let e as KemuningError {
        return (s, e)
    } catch {
        Issue.record("unexpected error \(error)")
        return (s, nil)
    }
}

private let senior = "employee add --nip 198001012005011001 --name Senior --unit U --position P --since 2005-01-01 --status pns\n"

@Suite("Development SKP")
struct DevelopmentSKPTests {
    /// The matrix of PermenPANRB 6/2022 as DOMAIN.md writes it: rows work result, columns behaviour.
    @Test(arguments: [
        ("above", "below", "Kurang (misconduct)"),
        ("above", "meets", "Baik"),
        ("above", "above", "Sangat Baik"),
        ("meets", "below", "Kurang (misconduct)"),
        ("meets", "meets", "Baik"),
        ("meets", "above", "Baik"),
        ("below", "below", "Sangat Kurang"),
        ("below", "meets", "Butuh Perbaikan"),
        ("below", "above", "Butuh Perbaikan"),
    ])
    func predicateMatrix(_ resultText: String, _ behaviourText: String, _ predicate: String) throws {
        let result = try #require(SKPRating(rawValue: resultText)), behaviour = try #require(SKPRating(rawValue: behaviourText))
        #expect(skpPredicate(result: result, behaviour: behaviour) == predicate)
        #expect(SKP(id: "SKP1", employee: "E1", period: 2026, result: result, behaviour: behaviour).predicate == predicate)
    }

    @Test func allNineCellsAreCovered() {
        var seen: [String: Int] = [:]
        let ratings = SKP.ratings.compactMap(SKPRating.init(rawValue:))
        #expect(ratings.count == 3)
        for r in ratings { for b in ratings { seen[skpPredicate(result: r, behaviour: b), default: 0] += 1 } }
        #expect(seen == ["Sangat Baik": 1, "Baik": 3, "Kurang (misconduct)": 2, "Butuh Perbaikan": 2, "Sangat Kurang": 1])
    }

    @Test func onePerEmployeeAndPeriod() throws {
        let (_, e) = session(senior + "skp E1 --period 2025 --result meets --behaviour meets\nskp E1 --period 2025 --result above --behaviour above\n")
        #expect(e?.message == "E1 has an SKP for 2025 already (SKP1: Baik)")
        let (s, none) = session(senior + "skp E1 --period 2025 --result meets --behaviour meets\nskp E1 --period 2026 --result above --behaviour above\n")
        #expect(none == nil)
        #expect(try s.state().records(SKP.self).map(\.predicate) == ["Baik", "Sangat Baik"])
    }

    @Test func periodNotInTheFutureNorBeforeJoining() {
        #expect(session(senior + "skp E1 --period 2027 --result meets --behaviour meets\n").1?.message == "period 2027 has not started yet")
        #expect(session(senior + "skp E1 --period 2004 --result meets --behaviour meets\n").1?.message == "E1 joined on 2005-01-01, after period 2004")
    }
}

@Suite("Development JP")
struct DevelopmentJPTests {
    @Test func mentoringAtExactly45MinutesIsOneJP() {
        #expect(jpEarned(trainingJP: [], mentoringMinutes: 45) == Rational(1))
        #expect(jpEarned(trainingJP: [16], mentoringMinutes: 45) == Rational(17))
    }

    @Test func mentoringAt44MinutesIsExactly44Over45() {
        #expect(jpEarned(trainingJP: [], mentoringMinutes: 44) == Rational(44, 45))
        #expect(jpEarned(trainingJP: [], mentoringMinutes: 44) < Rational(1))
        #expect(jpEarned(trainingJP: [], mentoringMinutes: 44).rounded(toScale: 2).description == "0.98")  // 0.9777... half up
        #expect(jpEarned(trainingJP: [12, 8], mentoringMinutes: 44) == Rational(20 * 45 + 44, 45))  // just over 20
    }

    @Test func nothingIsZeroAndMinutesFollowThePolicy() {
        #expect(jpEarned(trainingJP: [], mentoringMinutes: 0) == .zero)
        #expect(jpEarned(trainingJP: [], mentoringMinutes: 90, minutesPerJP: 60) == Rational(3, 2))
    }

    /// Only trainings passed in the year, and sessions held in the year with the employee as mentee.
    @Test func developmentJPCountsTheYearOnly() throws {
        let (s, e) = session(senior + """
            employee add --nip 199801012026011001 --name Baru --unit U --position P --since 2026-01-05 --status cpns
            training add --title A --topic communication --jp 16
            training add --title B --topic technical --jp 8
            training add --title C --topic communication --jp 4
            training enroll E2 T1
            training complete E2 T1 --passed --date 2026-11-29
            training enroll E2 T2
            training complete E2 T2 --failed
            training enroll E2 T3
            mentor assign --mentor E1 --mentee E2 --from 2026-02-01
            mentor session M1 --date 2026-03-01 --minutes 44 --topic x
            mentor session M1 --date 2026-04-01 --minutes 46 --topic y
            """)
        #expect(e == nil)
        let state = try s.state()
        // 16 (T1 passed) + (44 + 46) / 45 = 16 + 2 = 18; T2 failed, T3 not finished.
        #expect(try developmentJP(state, employee: "E2", year: 2026) == Rational(18))
        #expect(try developmentJP(state, employee: "E2", year: 2025) == .zero)
        // The mentor earns nothing from mentoring.
        #expect(try developmentJP(state, employee: "E1", year: 2026) == .zero)
        #expect(try trainings(state, topic: "communication").map(\.id) == ["T1", "T3"])
        #expect(try trainings(state, topic: "leadership").isEmpty)
    }
}

@Suite("Development mentoring")
struct DevelopmentMentoringTests {
    let mentee = employee("E1", status: "cpns", since: "2026-09-01", probationEnds: "2027-09-01")
    let today = day("2026-11-29")

    @Test func samePersonIsRefused() {
        let e = employee("E1", status: "pns", since: "2010-01-01")
        #expect(mentorRefusal(mentor: e, mentee: e, active: 0, capacity: 3, on: today) == "mentor and mentee are the same person (E1)")
    }

    @Test func aCPNSOrPPPKMentorIsRefused() {
        let cpns = employee("E2", status: "cpns", since: "2020-01-01", probationEnds: "2021-01-01")
        #expect(mentorRefusal(mentor: cpns, mentee: mentee, active: 0, capacity: 3, on: today)
                == "E2 (Pegawai E2) is not a senior: a mentor is a PNS, and E2 is CPNS")
        let pppk = employee("E2", status: "pppk", since: "2020-01-01")
        #expect(mentorRefusal(mentor: pppk, mentee: mentee, active: 0, capacity: 3, on: today)?.english.contains("E2 is PPPK") == true)
    }

    @Test func aPNSStillInProbationIsRefusedUntilTheDayItEnds() {
        let pns = employee("E2", status: "pns", since: "2025-12-01", probationEnds: "2026-11-30")
        #expect(mentorRefusal(mentor: pns, mentee: mentee, active: 0, capacity: 3, on: today)
                == "E2 (Pegawai E2) is not a senior: still on probation until 2026-11-30")
        // On the day probation ends they are past it.
        #expect(mentorRefusal(mentor: pns, mentee: mentee, active: 0, capacity: 3, on: day("2026-11-30")) == nil)
    }

    @Test func shorterOrEqualServiceIsRefused() {
        let later = employee("E2", status: "pns", since: "2026-09-02")
        #expect(mentorRefusal(mentor: later, mentee: mentee, active: 0, capacity: 3, on: today)
                == "E2 (Pegawai E2) is not a senior: in service since 2026-09-02, not longer than E1 (since 2026-09-01)")
        let same = employee("E2", status: "pns", since: "2026-09-01")
        #expect(mentorRefusal(mentor: same, mentee: mentee, active: 0, capacity: 3, on: today)?.english.contains("not longer than E1") == true)
        let oneDayLonger = employee("E2", status: "pns", since: "2026-08-31")
        #expect(mentorRefusal(mentor: oneDayLonger, mentee: mentee, active: 0, capacity: 3, on: today) == nil)
    }

    @Test func capacityExactlyIsRefusedOneBelowIsNot() {
        let pns = employee("E2", status: "pns", since: "2010-01-01")
        #expect(mentorRefusal(mentor: pns, mentee: mentee, active: 3, capacity: 3, on: today)
                == "E2 (Pegawai E2) is at capacity: 3 active mentees, the most is 3 (policy mentor-capacity)")
        #expect(mentorRefusal(mentor: pns, mentee: mentee, active: 2, capacity: 3, on: today) == nil)
    }

    /// Through the command: the policy is read, closed mentorships free a place.
    @Test func capacityFollowsThePolicyAndClosing() throws {
        let base = senior + """
            employee add --nip 199801012026011001 --name A --unit U --position P --since 2026-01-05 --status cpns
            employee add --nip 199801022026011001 --name B --unit U --position P --since 2026-01-05 --status cpns
            policy set mentor-capacity 1
            mentor assign --mentor E1 --mentee E2
            """
        let (_, e) = session(base + "\nmentor assign --mentor E1 --mentee E3\n")
        #expect(e?.message == "cannot assign: E1 (Senior) is at capacity: 1 active mentee, the most is 1 (policy mentor-capacity)")
        #expect(e?.range?.column == 24)  // the --mentor value, E1
        let (s, none) = session(base + "\nmentor close M1 --outcome done\nmentor assign --mentor E1 --mentee E3\n")
        #expect(none == nil)
        #expect(try s.state().records(Mentorship.self).map(\.mentee) == ["E2", "E3"])
    }

    @Test func gapsAtExactly30DaysAnd31() {
        let hired = employee("E1", status: "cpns", since: "2026-10-30", probationEnds: "2027-10-30")  // 30 days before 2026-11-29
        #expect(!isMentorGap(hired, hasMentor: false, today: today, gapDays: 30))
        #expect(isMentorGap(hired, hasMentor: false, today: day("2026-11-30"), gapDays: 30))  // 31 days
        #expect(!isMentorGap(hired, hasMentor: true, today: day("2026-11-30"), gapDays: 30))
        let pns = employee("E2", status: "pns", since: "2026-01-01")
        #expect(!isMentorGap(pns, hasMentor: false, today: today, gapDays: 30))
    }

    @Test func gapsCommandListsOnlyThe31DayCPNS() throws {
        let (s, e) = session(senior + """
            employee add --nip 199801012026101001 --name Tigapuluh --unit U --position P --since 2026-10-30 --status cpns
            employee add --nip 199801022026101001 --name Tigasatu --unit U --position P --since 2026-10-29 --status cpns
            let n = mentor gaps
            assert $n == 1
            """)
        #expect(e == nil)
        #expect(s.variables["n"] == "1")
    }
}

@Suite("Development NIP")
struct DevelopmentNIPTests {
    @Test func validNIPGivesTheBirthDate() throws {
        #expect(try validateNIP("198503122010011003") == day("1985-03-12"))
        #expect(try validateNIP("200002292026012001") == day("2000-02-29"))  // a leap day
    }

    @Test(arguments: [
        ("19850312201001100", "a NIP has 18 digits, not 17 characters"),
        ("1985031220100110031", "a NIP has 18 digits, not 19 characters"),
        ("19850312201001100A", "a NIP has 18 digits, not 18 characters"),
        ("198502302010011003", "its first 8 digits are the birth date (YYYYMMDD), and 19850230 is not a date"),
        ("199002292010011003", "its first 8 digits are the birth date (YYYYMMDD), and 19900229 is not a date"),
        ("198503122010131003", "digits 9-14 are the month of appointment (YYYYMM), and 201013 is not a month"),
        ("198503122010013003", "digit 15 is the sex, 1 or 2, not 3"),
    ])
    func badNIPs(_ nip: String, _ why: String) {
        #expect(throws: KemuningError.failed("bad NIP '\(nip)': \(why)")) { try validateNIP(nip) }
    }

    @Test func nipIsUniqueAndCPNSGetsOneYearOfProbation() throws {
        let (_, dup) = session(senior + "employee add --nip 198001012005011001 --name X --unit U --position P --since 2006-01-01 --status pns\n")
        #expect(dup?.message == "NIP 198001012005011001 belongs to E1 (Senior) already")
        let (s, e) = session("employee add --nip 199802012024021001 --name Y --unit U --position P --since 2024-02-29 --status cpns\n")
        #expect(e == nil)
        #expect(try s.state().employee("E1")?.probationEnds == day("2025-02-28"))  // no 29 February in 2025
        #expect(probationEnd(since: day("2026-09-01")) == day("2027-09-01"))
    }
}
