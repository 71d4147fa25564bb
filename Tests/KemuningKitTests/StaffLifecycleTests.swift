import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The staff lifecycle (DOMAIN.md, "Staff lifecycle"): appointment of a CPNS as PNS, the NIP set
/// after hiring, transfers, leaving and retiring, and the rules that follow the status.

private func day(_ text: String) -> Day { try! Day(parsing: text) }

/// A memory session on `today` that runs `text`; returns the session and the first error.
private func session(_ text: String, today: String = "2027-06-01", setup: ((Session) throws -> Void)? = nil) -> (Session, KemuningError?) {
    let s = Session(backend: MemoryStore())
    s.settings.today = day(today)
    do {
        try setup?(s)
        try s.run(text: text, source: Source(name: "test.kmn"))
        return (s, nil)
    } catch let e as KemuningError {
        return (s, e)
    } catch {
        Issue.record("unexpected error \(error)")
        return (s, nil)
    }
}

/// E1 a PNS since 2005; E2 a CPNS since 2026-01-05 (probation until 2027-01-05); T1 Latsar.
private let staff = """
    employee add --nip 198001012005011001 --name Senior --unit Disdukcapil --position Analis --since 2005-01-01 --status pns
    employee add --nip 199408172026011001 --name "Agus Salim" --unit Disdukcapil --position Pengadministrasi --since 2026-01-05 --status cpns
    training add --title "Latsar CPNS" --topic latsar --jp 40

    """
private let latsarPassed = "training enroll E2 T1 --date 2026-06-01\ntraining complete E2 T1 --passed --date 2026-08-28\n"

@Suite("Staff appointment")
struct StaffAppointmentTests {
    @Test func refusedTheDayBeforeProbationEndsWithTheDay() {
        let (_, e) = session(staff + latsarPassed + "employee appoint E2 --date 2027-01-04\n")
        #expect(e?.message == "cannot appoint: E2 (Agus Salim) is on probation until 2027-01-05: appointment is possible from 2027-01-05")
    }

    @Test func allowedOnTheDayProbationEnds() throws {
        let (s, e) = session(staff + latsarPassed + "employee appoint E2 --date 2027-01-05\n")
        #expect(e == nil)
        let agus = try #require(try s.state().employee("E2"))
        #expect(agus.status == "pns")
        #expect(agus.appointed == day("2027-01-05"))
        // The appointment is on the audit trail, field by field.
        let entry = try #require(try s.state().audit.last)
        #expect(entry.entity == "E2" && entry.action == "appointed PNS from 2027-01-05")
        #expect(entry.changes.map(\.field).sorted() == ["appointed", "status"])
    }

    @Test func refusedWithoutLatsar() {
        #expect(session(staff + "employee appoint E2 --date 2027-01-05\n").1?.message
            == "cannot appoint: E2 (Agus Salim) has not taken Latsar (basic training): appointment is possible once a training of topic latsar is passed")
        #expect(session(staff + "training enroll E2 T1 --date 2026-06-01\nemployee appoint E2 --date 2027-01-05\n").1?.message
            == "cannot appoint: E2 (Agus Salim) has not passed Latsar: enrolled in T1 since 2026-06-01, no result yet; appointment is possible once it is passed")
    }

    @Test func refusedAfterLatsarFailedAndAllowedOnceRetakenAndPassed() {
        let failed = "training enroll E2 T1 --date 2026-06-01\ntraining complete E2 T1 --failed --date 2026-08-28\n"
        #expect(session(staff + failed + "employee appoint E2 --date 2027-01-05\n").1?.message
            == "cannot appoint: E2 (Agus Salim) failed Latsar (T1) on 2026-08-28: appointment is possible once Latsar is passed")
        let retaken = failed + "training enroll E2 T1 --date 2026-10-01\ntraining complete E2 T1 --passed --date 2027-02-10\n"
        #expect(session(staff + retaken + "employee appoint E2 --date 2027-02-09\n").1?.message
            == "cannot appoint: E2 (Agus Salim) passed Latsar (T1) only on 2027-02-10: appointment is possible from 2027-02-10")
        #expect(session(staff + retaken + "employee appoint E2 --date 2027-02-10\n").1 == nil)
    }

    @Test func anotherTopicIsNotLatsar() {
        let other = "training add --title \"Pelayanan Prima\" --topic public-service --jp 16\ntraining enroll E2 T2 --date 2026-06-01\ntraining complete E2 T2 --passed --date 2026-08-28\n"
        #expect(session(staff + other + "employee appoint E2 --date 2027-01-05\n").1?.message.english.contains("has not taken Latsar") == true)
    }

    @Test func onlyACPNSIsAppointed() {
        #expect(session(staff + "employee appoint E1\n").1?.message == "cannot appoint: E1 (Senior) is PNS, not CPNS: only a CPNS is appointed PNS")
        #expect(session(staff + latsarPassed + "employee appoint E2 --date 2027-01-05\nemployee appoint E2\n").1?.message
            == "cannot appoint: E2 (Agus Salim) is PNS, not CPNS: only a CPNS is appointed PNS")
    }

    @Test func anAppointedFormerCPNSCanMentorFromTheAppointment() {
        let later = "employee add --nip 199902142027012001 --name \"Dewi Lestari\" --unit Disdukcapil --position Pengadministrasi --since 2027-02-01 --status cpns\n"
        let appointed = staff + latsarPassed + later + "employee appoint E2 --date 2027-03-01\n"
        // While a CPNS, refused; appointed, but the mentorship starting before the appointment, refused.
        #expect(session(staff + later + "mentor assign --mentor E2 --mentee E3\n").1?.message
            == "cannot assign: E2 (Agus Salim) is not a senior: a mentor is a PNS, and E2 is CPNS")
        #expect(session(appointed + "mentor assign --mentor E2 --mentee E3 --from 2027-02-28\n").1?.message
            == "cannot assign: E2 (Agus Salim) is not a senior: appointed PNS only on 2027-03-01")
        #expect(session(appointed + "mentor assign --mentor E2 --mentee E3 --from 2027-03-01\n").1 == nil)
    }

    @Test func anAppointedCPNSLeavesTheMentorGaps() throws {
        // The issue's three-year-old 'CPNS': on the gaps list until appointed.
        let (before, _) = session(staff + latsarPassed + "let n = mentor gaps\nassert $n == 1\n", today: "2029-01-01")
        #expect(before.variables["n"] == "1")
        let (after, e) = session(staff + latsarPassed + "employee appoint E2 --date 2027-01-05\nlet n = mentor gaps\nassert $n == 0\n", today: "2029-01-01")
        #expect(e == nil)
        #expect(after.variables["n"] == "0")
    }
}

@Suite("Staff NIP")
struct StaffNIPTests {
    /// A hired employee: no NIP, the birth date from the application.
    private func hired(_ s: Session) throws {
        try s.commit(Changeset(.add(Employee(id: "E1", nip: nil, name: "Sukmawati Rahayu", unit: "Bappeda", position: "Analis", status: "cpns",
                                             since: day("2026-12-01"), probationEnds: day("2027-12-01"), born: day("1996-04-12")))))
    }

    @Test func setOnAHiredEmployee() throws {
        let (s, e) = session("employee set E1 --nip 199604122026122001\n", setup: hired)
        #expect(e == nil)
        #expect(try s.state().employee("E1")?.nip == "199604122026122001")
        #expect(try s.state().audit.last?.changes.map(\.field) == ["nip"])
    }

    @Test func refusedWhenItsBirthDateIsNotTheEmployees() {
        #expect(session("employee set E1 --nip 199604132026122001\n", setup: hired).1?.message
            == "the NIP's birth date (1996-04-13) is not E1's birth date (1996-04-12)")
    }

    @Test func refusedWhenMalformedOrTaken() {
        #expect(session("employee set E1 --nip 1996041220261220\n", setup: hired).1?.message.english.hasPrefix("bad NIP '1996041220261220'") == true)
        let other = "employee add --nip 199604122026122001 --name Other --unit U --position P --since 2026-12-01 --status pns\n"
        #expect(session(other + "employee set E1 --nip 199604122026122001\n", setup: hired).1?.message
            == "NIP 199604122026122001 belongs to E2 (Other) already")
    }

    @Test func correctedToItsOwnValueIsNoChange() throws {
        let (s, e) = session(staff + "employee set E2 --nip 199408172026011001\n")
        #expect(e == nil)
        #expect(try s.state().audit.last?.action == "training added: Latsar CPNS, latsar, 40 JP")
    }
}

@Suite("Staff transfer and end of service")
struct StaffTransferTests {
    @Test func aTransferMovesTheHeadcount() throws {
        let (s, e) = session(staff + "employee transfer E2 --unit Bappeda --position Perencana --date 2027-02-01\n")
        #expect(e == nil)
        let agus = try #require(try s.state().employee("E2"))
        #expect(agus.unit == "Bappeda" && agus.position == "Perencana")
        #expect(agus.transfers == [Transfer(date: day("2027-02-01"), fromUnit: "Disdukcapil", fromPosition: "Pengadministrasi", unit: "Bappeda", position: "Perencana")])
        let state = try s.state()
        #expect(try workloadCurrent(state, "Pengadministrasi") == 0)
        #expect(try workloadCurrent(state, "Perencana") == 1)
    }

    private func workloadCurrent(_ state: State, _ position: String) throws -> Int {
        let task = WorkloadTask(id: "WT1", position: position, task: "Loket", volume: 1000, minutes: 10)
        var st = state
        try st.apply(Changeset(.add(task)), seq: st.seq + 1)
        return try #require(try workload(st, employees: st.employees, position: position)).current
    }

    @Test func aTransferIsRefusedBeforeTheLastOneAndToWhereTheyAre() {
        let moved = staff + "employee transfer E2 --unit Bappeda --date 2027-02-01\n"
        #expect(session(moved + "employee transfer E2 --unit Disdukcapil --date 2027-01-31\n").1?.message == "2027-01-31 is before E2's last transfer (2027-02-01)")
        #expect(session(moved + "employee transfer E2 --unit Bappeda\n").1?.message == "E2 is Pengadministrasi in Bappeda already")
    }

    @Test func aLeftEmployeeIsNoLongerActive() throws {
        let (s, e) = session(staff + "employee leave E2 --date 2026-03-01 --reason \"pindah ke Pemprov\"\n", today: "2029-01-01")
        #expect(e == nil)
        let state = try s.state()
        let agus = try #require(state.employee("E2"))
        #expect(agus.status == "left" && agus.ended == day("2026-03-01") && agus.endReason == "pindah ke Pemprov")
        // Not a mentoring gap, though a CPNS without a mentor for years.
        #expect(!isMentorGap(agus, hasMentor: false, today: day("2029-01-01"), gapDays: 30))
        // No JP right for the year left nor after; the years before keep theirs.
        #expect(!hasJPRight(agus, year: 2026) && !hasJPRight(agus, year: 2027))
        // Not counted in the workload headcount.
        #expect(try workloadCurrent(state, "Pengadministrasi") == 0)
        // Neither mentors nor is mentored, nor enrolled, nor moved, nor leaves twice.
        #expect(mentorRefusal(mentor: try #require(state.employee("E1")), mentee: agus, active: 0, capacity: 3, on: day("2029-01-01"))
            == "E2 (Agus Salim) is no longer in service: left on 2026-03-01")
        #expect(session(staff + "employee leave E2 --date 2026-03-01 --reason x\ntraining enroll E2 T1\n", today: "2029-01-01").1?.message
            == "E2 (Agus Salim) is no longer in service: left on 2026-03-01")
        #expect(session(staff + "employee leave E2 --date 2026-03-01 --reason x\nemployee retire E2\n", today: "2029-01-01").1?.message
            == "E2 (Agus Salim) is no longer in service: left on 2026-03-01")
        // Still listed, with the status.
        let (listed, _) = session(staff + "employee leave E2 --date 2026-03-01 --reason x\nlet n = employee list\nassert $n == 2\n", today: "2029-01-01")
        #expect(listed.variables["n"] == "2")
    }

    @Test func aRetiredMentorIsRefusedAndTheJPRightEndsWithTheYear() throws {
        let (s, e) = session(staff + "employee retire E1 --date 2027-05-31\n")
        #expect(e == nil)
        let pak = try #require(try s.state().employee("E1"))
        #expect(pak.status == "retired")
        #expect(hasJPRight(pak, year: 2026) && !hasJPRight(pak, year: 2027))
        #expect(session(staff + "employee retire E1 --date 2027-05-31\nmentor assign --mentor E1 --mentee E2\n").1?.message
            == "cannot assign: E1 (Senior) is no longer in service: retired on 2027-05-31")
    }

    @Test func anEndOfServiceIsNotInTheFutureNorBeforeJoining() {
        #expect(session(staff + "employee retire E1 --date 2027-06-02\n").1?.message == "2027-06-02 is in the future")
        #expect(session(staff + "employee leave E2 --date 2026-01-04 --reason x\n").1?.message == "2026-01-04 is before E2 joined (2026-01-05)")
    }

    @Test func theNewKeysAreWrittenOnlyWhenTheyHoldSomething() throws {
        // An employee as older versions wrote it reads back exactly, so older snapshots still load.
        let plain = Employee(id: "E1", name: "A", unit: "U", position: "P", status: "pns", since: day("2020-01-01"))
        #expect(plain.json.objectValue?["appointed"] == nil && plain.json.objectValue?["transfers"] == nil)
        var changed = plain
        changed.appointed = day("2021-01-01")
        changed.transfers = [Transfer(date: day("2022-01-01"), fromUnit: "U", fromPosition: "P", unit: "V", position: "Q")]
        changed.status = "retired"
        changed.ended = day("2023-01-01")
        #expect(try Employee(json: changed.json) == changed)
        #expect(try State.strictEmployee(changed.json) == changed)
        #expect(try State.strictEmployee(plain.json) == plain)
    }
}
