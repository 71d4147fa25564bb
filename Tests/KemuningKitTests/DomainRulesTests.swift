import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The rules that used to live in the commands, called directly with values (no session, no
/// store): the stage requirements of `vacancy advance`, the round view, optimalisasi, the
/// feedback loop's findings and decision, and the typed statuses of actions.

private func day(_ text: String) -> Day { try! Day(parsing: text) }

private func skd(_ twk: Int, _ tiu: Int, _ tkp: Int) -> SKDScore { SKDScore(twk: twk, tiu: tiu, tkp: tkp) }

private let today = day("2026-03-10")

private func vacancy(_ id: String, title: String = "Analis Kebijakan", unit: String = "Bappeda", seats: Int, state: VacancyState,
                     education: [String] = []) -> Vacancy {
    var v = Vacancy(id: id, title: title, unit: unit, seats: seats, type: "cpns", education: education, state: state, created: day("2026-01-02"))
    v.opens = day("2026-01-05")
    v.closes = day("2026-01-19")
    return v
}

/// An application screened in, with an SKD score and, when given, CAT and practical SKB scores.
private func application(_ id: String, _ v: Vacancy, screened: Bool? = true, score: SKDScore? = skd(100, 120, 180),
                         cat: Int? = nil, practical: String? = nil) -> Application {
    var p = Application(id: id, applicant: "A" + id.dropFirst(), vacancy: v.id, source: "portal", applied: day("2026-01-06"))
    if let screened { p.screening = Screening(pass: screened, date: day("2026-01-20")) }
    if let score { p.skd = SKDResult(score: score, date: day("2026-02-01")) }
    if let cat { p.skb = SKBResult(absent: false, cat: cat, practical: ExactDecimal(practical ?? "80")!, date: day("2026-02-15")) }
    return p
}

private func applicant(of p: Application, education: String? = "S1 Ilmu Pemerintahan") -> Applicant {
    Applicant(id: p.applicant, nik: "3201010101900001", name: "Calon \(p.applicant)", born: day("1998-05-05"), education: education,
              gpa: ExactDecimal("3.50")!, created: day("2026-01-06"))
}

private func roundOf(_ v: Vacancy, _ applications: [Application], education: [String: String] = [:]) -> RoundView {
    var applicants: [String: Applicant] = [:]
    for p in applications { applicants[p.applicant] = applicant(of: p, education: education[p.id] ?? "S1 Ilmu Pemerintahan") }
    return RoundView(vacancy: v, applications: applications, applicants: applicants)
}

/// What a rule reads, from plain records and policies: what `State` is to the commands.
private struct Records: RecordReader {
    var rows: [String: [JSON]] = [:]
    var policies: [Policy: String] = [:]

    init(_ records: [any StoredRecord], policies: [Policy: String] = [:]) {
        for r in records { rows[type(of: r).kind, default: []].append(r.json) }
        self.policies = policies
    }

    func records<R: StoredRecord>(_ type: R.Type) throws -> [R] { try (rows[R.kind] ?? []).map { try R(json: $0) } }
    func record<R: StoredRecord>(_ type: R.Type, _ id: String) throws -> R? { try records(type).first { $0.id == id } }
    func policy(_ p: Policy) -> String { policies[p] ?? p.defaultValue }
}

private func refusal(_ body: () throws -> AdvanceSummary) -> AdvanceRefusal? {
    do {
        _ = try body()
        return nil
    } catch let r as AdvanceRefusal {
        return r
    } catch {
        return nil
    }
}

// MARK: - the stage requirements of `vacancy advance`

@Suite("Domain rules: stage requirements")
struct StageRequirementsTests {
    @Test func aDraftIsAnnouncedNotAdvanced() {
        let r = refusal { try advanceSummary(roundOf(vacancy("V1", seats: 1, state: .draft), []), today: today) }
        #expect(r == .draft(vacancy: "V1"))
        #expect(r?.message.english == "V1 is a draft: announce it first")
        #expect(r?.hint?.english == "vacancy announce V1 --channel portal")
    }

    @Test func screeningStartsTheDayAfterRegistrationCloses() throws {
        let v = vacancy("V1", seats: 1, state: .announced)
        let apps = [application("P1", v, screened: nil, score: nil), application("P2", v, screened: nil, score: nil)]
        // On the closing day registration is still open.
        let r = refusal { try advanceSummary(roundOf(v, apps), today: v.closes!) }
        #expect(r == .registrationOpen(vacancy: "V1", closes: v.closes!, today: v.closes!))
        #expect(r?.message.english == "registration for V1 is open until 2026-01-19; screening starts after it closes")
        #expect(r?.hint?.english == "the session's date is 2026-01-19 (set today DATE)")
        // The day after, it may advance.
        let s = try advanceSummary(roundOf(v, apps), today: v.closes!.adding(days: 1))
        #expect(s == .toScreen(applications: 2))
        #expect(s.message.english == "2 applications to screen")
    }

    @Test func everyApplicationIsScreenedFirstAndFiveAreNamed() {
        let v = vacancy("V1", seats: 1, state: .screening)
        let apps = (1...6).map { application("P\($0)", v, screened: nil) }
        let r = refusal { try advanceSummary(roundOf(v, apps), today: today) }
        #expect(r == .notScreened(["P1", "P2", "P3", "P4", "P5", "P6"]))
        #expect(r?.message.english == "6 applications are not screened yet: P1, P2, P3, P4, P5, ...")
        #expect(r?.hint == nil)
        let one = refusal { try advanceSummary(roundOf(v, [application("P1", v, screened: nil)]), today: today) }
        #expect(one?.message.english == "1 application is not screened yet: P1")
    }

    @Test func theObjectionWindowIsOpenOnItsLastDayAndShutTheDayAfter() throws {
        let v = vacancy("V1", seats: 1, state: .screening)  // 3 objection days
        let apps = [application("P1", v), application("P2", v, screened: false)]  // failed on 2026-01-20
        let last = day("2026-01-23")
        let r = refusal { try advanceSummary(roundOf(v, apps), today: last) }
        #expect(r == .objectionWindowOpen(resultOf: day("2026-01-20"), until: last, today: last))
        #expect(r?.message.english == "the objection window for screening results of 2026-01-20 is open until 2026-01-23; SKD starts after it")
        let s = try advanceSummary(roundOf(v, apps), today: last.adding(days: 1))
        #expect(s == .screened(passed: 1, of: 2))
        #expect(s.message.english == "1 of 2 passed screening")
    }

    @Test func onlyPassedResultsLeaveNoWindow() throws {
        let v = vacancy("V1", seats: 1, state: .screening)
        #expect(try advanceSummary(roundOf(v, [application("P1", v)]), today: day("2026-01-20")) == .screened(passed: 1, of: 1))
    }

    @Test func everyoneScreenedInNeedsAnSKDResult() {
        let v = vacancy("V1", seats: 1, state: .skd)
        let apps = [application("P1", v), application("P2", v, score: nil), application("P3", v, screened: false, score: nil)]
        let r = refusal { try advanceSummary(roundOf(v, apps), today: today) }
        #expect(r == .skdMissing(["P2"]))  // P3 was screened out: no SKD needed
        #expect(r?.message.english == "1 candidate has no SKD result yet: P2")
        #expect(r?.hint?.english == "record it with 'skd P --twk N --tiu N --tkp N', or 'skd P --absent'")
    }

    @Test(arguments: [(1, "1 goes on to SKB"), (2, "2 go on to SKB")])
    func theSummarySaysHowManyGoOnToSKB(_ passing: Int, _ text: String) throws {
        let v = vacancy("V1", seats: 1, state: .skd)
        let apps = (1...passing).map { application("P\($0)", v) } + [application("P9", v, score: skd(64, 120, 180))]  // TWK one below
        let s = try advanceSummary(roundOf(v, apps), today: today)
        #expect(s == .admittedToSKB(passing))
        #expect(s.message.english == text)
    }

    @Test func theFinalResultsWaitForEverySKBScore() throws {
        let v = vacancy("V1", seats: 1, state: .skb)
        let missing = [application("P1", v, cat: 400), application("P2", v)]
        #expect(throws: KemuningError.self) { try advanceSummary(roundOf(v, missing), today: today) }
        #expect(refusal { try advanceSummary(roundOf(v, missing), today: today) } == nil, "a missing score is the ranking's error, not a refusal")
        let s = try advanceSummary(roundOf(v, [application("P1", v, cat: 400), application("P2", v, cat: 300)]), today: today)
        #expect(s == .finalResults(passed: 1, of: 2))
        #expect(s.message.english == "1 passed of 2")
    }

    @Test func finalResultsCloseAndAClosedVacancyGoesNowhere() throws {
        let s = try advanceSummary(roundOf(vacancy("V1", seats: 1, state: .final), []), today: today)
        #expect(s == .closing)
        #expect(s.message.english == "closed")
        let r = refusal { try advanceSummary(roundOf(vacancy("V1", seats: 1, state: .closed), []), today: today) }
        #expect(r == .closed(vacancy: "V1"))
        #expect(r?.message.english == "V1 is closed")
    }
}

// MARK: - the round view

@Suite("Domain rules: round view")
struct RoundViewTests {
    @Test func aRoundIsBuiltFromValuesAndRanksThem() throws {
        let v = vacancy("V1", seats: 1, state: .final)
        let apps = [application("P1", v, cat: 300), application("P2", v, cat: 450), application("P3", v, screened: false, score: nil)]
        let view = roundOf(v, apps)
        #expect(view.screenedIn.map(\.id) == ["P1", "P2"])
        #expect(view.admittedToSKB() == ["P1", "P2"])
        let rows = try view.finalRanking()
        #expect(rows.map(\.application.id) == ["P2", "P1"])
        #expect(rows.map(\.applicant.id) == ["A2", "A1"])
        #expect(rows.map(\.passed) == [true, false])
        #expect(view.passedIds() == ["P2"])
    }

    @Test func anAdmittedCandidateWithoutSKBScoresIsNamed() {
        let v = vacancy("V1", seats: 1, state: .skb)
        let view = roundOf(v, [application("P1", v, cat: 300), application("P2", v)])
        #expect(throws: KemuningError.failed("SKB scores are missing: P2 has no CAT score", hint: "record them with 'skb P --cat N ...', or 'skb P --absent'")) { try view.finalRanking() }
        #expect(view.passedIds() == [], "no final results before the final stage")
    }

    @Test func whoWasAdmittedIsTakenAsKnownWhenGiven() {
        let v = vacancy("V1", seats: 1, state: .skb)
        let view = RoundView(vacancy: v, applications: [application("P1", v)], applicants: [:], admitted: ["P7"])
        #expect(view.admittedToSKB() == ["P7"])
    }

    @Test(arguments: [(skd(65, 80, 166), true), (skd(64, 80, 166), false), (skd(65, 80, 165), false)])
    func passingTheSKDMarksIsExactlyOnEachMark(_ score: SKDScore, _ passed: Bool) {
        let v = vacancy("V1", seats: 1, state: .skd)
        #expect(application("P1", v, score: score).passedSKDMarks(v) == passed)
        #expect(!application("P1", v, score: nil).passedSKDMarks(v))
    }
}

// MARK: - optimalisasi

@Suite("Domain rules: optimalisasi")
struct OptimalisasiTests {
    /// V1 (Bappeda) has 2 seats and 1 passed; V2 (Dinkes) and V3 (Bappeda) are for the same
    /// position, each with 1 seat taken and one candidate left who passed the SKD marks.
    private func rounds(v3Education: String = "S1 Ilmu Pemerintahan") -> [RoundView] {
        let v1 = vacancy("V1", seats: 2, state: .final)
        let v2 = vacancy("V2", unit: "Dinkes", seats: 1, state: .final)
        let v3 = vacancy("V3", seats: 1, state: .closed)
        return [
            roundOf(v1, [application("P1", v1, cat: 400)]),
            roundOf(v2, [application("P2", v2, cat: 450), application("P3", v2, cat: 440)]),
            roundOf(v3, [application("P4", v3, cat: 450), application("P5", v3, cat: 300)], education: ["P5": v3Education]),
            roundOf(vacancy("V4", title: "Pranata Komputer", seats: 1, state: .final), []),
        ]
    }

    @Test func anEmptySeatGoesToTheSameUnitFirstEvenWithALowerFinalScore() throws {
        let rs = rounds()
        let moves = optimalisasiPlan(rounds: rs, applications: rs.flatMap(\.applications))
        #expect(moves.map { "\($0.application.id) \($0.from.id)→\($0.to.id)" } == ["P5 V3→V1"])
        #expect(moves.first?.final != nil)
    }

    @Test func aQualificationThatDoesNotFitIsPassedOver() throws {
        var rs = rounds(v3Education: "D3 Akuntansi")
        rs[0] = roundOf(vacancy("V1", seats: 2, state: .final, education: ["S1"]), rs[0].applications)
        let moves = optimalisasiPlan(rounds: rs, applications: rs.flatMap(\.applications))
        #expect(moves.map { "\($0.application.id) \($0.from.id)→\($0.to.id)" } == ["P3 V2→V1"])
    }

    @Test func aCandidateAlreadyMovedFillsTheSeatAndIsNotMovedAgain() throws {
        let rs = rounds()
        var apps = rs.flatMap(\.applications)
        let k = apps.firstIndex { $0.id == "P3" }!
        apps[k].optimizedTo = "V1"
        #expect(optimalisasiPlan(rounds: rs, applications: apps) == [], "V1 has 1 passed + 1 moved in: full")
    }

    @Test func aFullVacancyTakesNoOne() {
        let rs = Array(rounds().dropFirst())
        #expect(optimalisasiPlan(rounds: rs, applications: rs.flatMap(\.applications)) == [])
    }
}

// MARK: - the feedback loop

@Suite("Domain rules: recommendation")
struct RecommendationTests {
    private let service = Service(id: "S1", name: "KTP", unit: "Dukcapil", standardDays: 5, positions: ["Operator"])

    /// Five finished requests of S1, `late` of them over its 5 days.
    private func requests(late: Int) -> [any StoredRecord] {
        (1...5).map { k in ServiceRequest(id: "R\(k)", service: "S1", received: day("2026-02-01"), done: day(k <= late ? "2026-02-08" : "2026-02-03")) }
    }

    @Test(arguments: [(20, false), (19, true)])
    func aServiceIsLateOnlyAboveTheLateShare(_ percent: Int, _ found: Bool) throws {
        // 1 of 5 late is 20%: on a threshold of 20% it is no finding; on 19% it is.
        let records = Records([service] + requests(late: 1), policies: [.lateShare: String(percent)])
        let f = try findings(records, employees: [], today: today, unit: nil)
        #expect(f.map(\.key) == (found ? ["late:S1"] : []))
        if found {
            #expect(f[0].kind == .lateService(service, late: 1, count: 5, share: Rational(1, 5), median: medianDays([7, 2, 2, 2, 2]), threshold: 19))
            #expect(f[0].unit == "Dukcapil")
            #expect(f[0].topic == "time-management")
            #expect(f[0].positions == ["Operator"])
        }
    }

    @Test func anIKMElementIsAFindingBelowSixtyFiveNotOnIt() throws {
        // Element 1 sums 13 over 5 (NRR 2.6, score 65.00, C); element 2 sums 12 (NRR 2.4, 60.00, D).
        let responses = [[3, 3, 4, 4, 4, 4, 4, 4, 4], [3, 3, 4, 4, 4, 4, 4, 4, 4], [3, 2, 4, 4, 4, 4, 4, 4, 4],
                         [2, 2, 4, 4, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 4, 4, 4, 4]]
        let older = Survey(id: "SV1", unit: "Dukcapil", period: "2025-S2", population: nil, responses: Array(repeating: Array(repeating: 1, count: 9), count: 3), created: day("2025-12-01"))
        let latest = Survey(id: "SV2", unit: "Dukcapil", period: "2026-S1", population: nil, responses: responses, created: day("2026-03-01"))
        let clerk = Employee(id: "E1", name: "Sari", unit: "Dukcapil", position: "Pengadministrasi", status: "pns", since: day("2010-01-01"))
        let f = try findings(Records([older, latest, service]), employees: [clerk], today: today, unit: "Dukcapil")
        #expect(f.map(\.key) == ["ikm:SV2:2"], "only the latest survey counts, and only grade D")
        #expect(f.first?.kind == .ikmElement(survey: "SV2", period: "2026-S1", element: .procedure, nrr: Rational(12, 5),
                                             score: ExactDecimal("60.00")!, respondents: 5, needed: 30))
        #expect(f.first?.topic == "public-service")
        #expect(f.first?.positions == ["Operator", "Pengadministrasi"], "the unit's services' positions, then its employees'")
    }

    @Test func aForumFindingWithoutAUnitConcernsAllUnits() throws {
        let forum = Forum(id: "F1", date: day("2026-02-10"), topic: "antrean", participants: 30,
                          notes: [.init(issue: "lama", recommend: "tambah loket"), .init(issue: "ramah")])
        let all = try findings(Records([forum]), employees: [], today: today, unit: nil)
        #expect(all.map(\.key) == ["forum:F1:0"])
        #expect(all.first?.unit == "(all units)")
        #expect(all.first?.kind == .forumAdvice(forum, issue: "lama", recommend: "tambah loket"))
        #expect(all.first?.fit == .improve, "a counter is a service improvement, not training")
        #expect(try proposal(for: all[0], Records([forum]), employees: []) == .improve(keywords: ["loket"], unmatched: 0))
    }

    private func finding(positions: [String]) -> Finding {
        Finding(key: "late:S1", unit: "Dukcapil", kind: .lateService(service, late: 2, count: 5, share: Rational(2, 5), median: nil, threshold: 20),
                topic: "time-management", positions: positions)
    }

    private func staff(_ n: Int, _ position: String, unit: String = "Dukcapil") -> [Employee] {
        (0..<n).map { Employee(id: "E\(position)\($0)", name: "N", unit: unit, position: position, status: "pns", since: day("2010-01-01")) }
    }

    // 75000 x 2 minutes / 75000 effective minutes = 2 staff needed.
    private let tasks: [any StoredRecord] = [WorkloadTask(id: "WT1", position: "Operator", task: "verifikasi", volume: 75000, minutes: 2),
                                            WorkloadTask(id: "WT2", position: "Verifikator", task: "cek", volume: 75000, minutes: 3)]

    @Test func aPositionShortOfStaffIsRecruitedFor() throws {
        let p = try proposal(for: finding(positions: ["Operator"]), Records(tasks), employees: staff(1, "Operator") + staff(5, "Operator", unit: "Bappeda"))
        guard case .recruit(let w) = p else { Issue.record("expected recruit, got \(p)"); return }
        #expect(p.decision == .recruit)
        #expect(w.position == "Operator" && w.needed == Rational(2) && w.rounded == 2 && w.current == 1 && w.gap == 1, "only the unit's staff count")
    }

    @Test func staffExactlyEnoughMeansTraining() throws {
        let p = try proposal(for: finding(positions: ["Operator"]), Records(tasks), employees: staff(2, "Operator"))
        #expect(p == .train(topic: "time-management", checked: ["Operator"], unrecorded: []))
        #expect(p.decision == .train)
    }

    @Test func theLargestGapIsRecruitedFor() throws {
        // Operator: 2 needed, 1 in post (gap 1); Verifikator: 3 needed, 1 in post (gap 2).
        let p = try proposal(for: finding(positions: ["Operator", "Verifikator", "Tanpa Tugas"]), Records(tasks),
                             employees: staff(1, "Operator") + staff(1, "Verifikator"))
        guard case .recruit(let w) = p else { Issue.record("expected recruit, got \(p)"); return }
        #expect(w.position == "Verifikator" && w.gap == 2)
    }

    @Test func noPositionsMeansMeasuringNotTraining() throws {
        #expect(try proposal(for: finding(positions: []), Records(tasks), employees: []) == .measureWorkload(positions: []))
    }

    @Test(arguments: [("half-up", 2), ("up", 3), ("down", 2)])
    func theWorkloadIsRoundedByThePolicy(_ rule: String, _ rounded: Int) throws {
        // 75000 x 2 + 1000 x 30 = 180000 minutes / 75000 = 2.4 staff.
        let records = Records([WorkloadTask(id: "WT1", position: "Operator", task: "a", volume: 75000, minutes: 2),
                               WorkloadTask(id: "WT2", position: "Operator", task: "b", volume: 1000, minutes: 30)],
                              policies: [.workloadRounding: rule])
        let w = try #require(try workload(records, employees: staff(1, "Operator"), position: "Operator"))
        #expect(w.minutes == 180_000 && w.needed == Rational(12, 5) && w.rounded == rounded && w.gap == rounded - 1)
        #expect(try workload(records, employees: [], position: "Operator", staff: 7)?.current == 7)
        #expect(try workload(records, employees: [], position: "Nobody") == nil)
    }

    @Test func aLateServiceActionConcernsTheServicePositionsElseTheUnits() throws {
        let records = Records([service])
        let late = Action(id: "AC1", unit: "Dukcapil", findingKey: "late:S1", finding: "f", evidence: "e", decision: .train,
                          position: nil, seats: nil, topic: "time-management", status: .open, created: today, result: nil)
        #expect(try findingPositions(late, records, employees: staff(1, "Kasir")) == ["Operator"])
        var other = late
        other.findingKey = "ikm:SV1:2"
        #expect(try findingPositions(other, records, employees: staff(1, "Kasir")) == ["Operator", "Kasir"])
    }

    @Test func aTrainingEnrolsTheUnitsStaffInTheConcernedPositionsElseAllTheUnits() throws {
        let records = Records([service])
        let late = Action(id: "AC1", unit: "Dukcapil", findingKey: "late:S1", finding: "f", evidence: "e", decision: .train,
                          position: nil, seats: nil, topic: "time-management", status: .open, created: today, result: nil)
        let people = staff(2, "Operator") + staff(1, "Kasir") + staff(1, "Operator", unit: "Bappeda").map { e in
            var e = e
            e.id = "EX"
            return e
        }
        #expect(try staffToTrain(late, records, employees: people).map(\.id) == ["EOperator0", "EOperator1"])
        #expect(try staffToTrain(late, records, employees: staff(1, "Kasir")).map(\.id) == ["EKasir0"], "none hold S1's positions: all the unit's")
        #expect(try staffToTrain(late, records, employees: staff(1, "Kasir", unit: "Bappeda")) == [])
    }
}

// MARK: - typed statuses, the same strings in the store

@Suite("Domain rules: typed statuses")
struct TypedStatusTests {
    @Test(arguments: Decision.allCases)
    func anActionIsWrittenWithTheSameStringsAndReadBack(_ decision: Decision) throws {
        for status in ActionStatus.allCases {
            let a = Action(id: "AC1", unit: "U", findingKey: "k", finding: "f", evidence: "e", decision: decision,
                           position: nil, seats: nil, topic: nil, status: status, created: today, result: nil)
            #expect(a.json["decision"] == .string(decision.rawValue))
            #expect(a.json["status"] == .string(status.rawValue))
            #expect(try Action(json: a.json) == a)
        }
        #expect(Decision.allCases.map(\.rawValue) == ["recruit", "train", "improve", "measure"])
        #expect(ActionStatus.allCases.map(\.rawValue) == ["open", "applied", "done"])
        #expect("\(Decision.recruit) \(ActionStatus.applied)" == "recruit applied", "messages write the same words")
    }

    @Test(arguments: [("decision", "hire", "action decision 'hire' is unknown"), ("status", "closed", "action status 'closed' is unknown")])
    func anUnknownActionValueIsRefusedNamingIt(_ key: String, _ value: String, _ message: String) throws {
        let a = Action(id: "AC1", unit: "U", findingKey: "k", finding: "f", evidence: "e", decision: .recruit,
                       position: "P", seats: 1, topic: nil, status: .open, created: today, result: nil)
        guard case .object(var o) = a.json else { Issue.record("not an object"); return }
        o[key] = .string(value)
        #expect(throws: RecordError(Message(stringLiteral: message))) { try Action(json: .object(o)) }
    }

    @Test(arguments: [("result", "excellent", "skp 'result': an SKP rating is below, meets or above, not 'excellent'/'above'"),
                      ("behaviour", "poor", "skp 'behaviour': an SKP rating is below, meets or above, not 'meets'/'poor'")])
    func anUnknownSKPRatingIsRefusedNamingTheFieldAndValue(_ key: String, _ value: String, _ message: String) throws {
        let s = SKP(id: "SKP1", employee: "E1", period: 2026, result: .meets, behaviour: .above)
        #expect(s.json["result"] == .string("meets") && s.json["behaviour"] == .string("above") && s.json["predicate"] == .string("Baik"))
        #expect(try SKP(json: s.json) == s)
        guard case .object(var o) = s.json else { Issue.record("not an object"); return }
        o[key] = .string(value)
        do {
            _ = try SKP(json: .object(o))
            Issue.record("read")
        } catch let e as RecordError {
            #expect(e.message.english == message)
        }
    }
}

// MARK: - deciding on evidence

@Suite("Domain rules: the loop decides on evidence")
struct LoopEvidenceTests {
    private let service = Service(id: "S1", name: "KTP", unit: "Dukcapil", standardDays: 5, positions: ["Operator"])

    private func staff(_ n: Int, _ position: String, unit: String = "Dukcapil") -> [Employee] {
        (0..<n).map { Employee(id: "E\(position)\($0)", name: "N", unit: unit, position: position, status: "pns", since: day("2010-01-01")) }
    }

    /// `n` responses scoring 4 everywhere except 1 on `low` elements.
    private func survey(_ n: Int, low: [IKMElement], id: String = "SV1", population: Int? = nil, created: String = "2026-03-01") -> Survey {
        let r = (1...9).map { k in low.contains { $0.rawValue == k } ? 1 : 4 }
        return Survey(id: id, unit: "Dukcapil", period: "P-\(id)", population: population, responses: Array(repeating: r, count: n), created: day(created))
    }

    private func groups(_ records: [any StoredRecord], employees: [Employee] = [], known: Set<String> = [], policies: [Policy: String] = [:]) throws -> [FindingGroup] {
        groupFindings(try findings(Records(records, policies: policies), employees: employees, today: today, unit: "Dukcapil"), known: known)
    }

    @Test func aUnitWithNoWorkloadDataIsProposedToRecordItNotStaffSuffice() throws {
        let g = try groups([service] + [survey(30, low: [.completionTime])], employees: staff(3, "Operator"))
        #expect(g.map(\.key) == ["ikm:SV1:3"])
        #expect(try proposal(for: g[0], Records([service]), employees: staff(3, "Operator")) == .measureWorkload(positions: ["Operator"]))
        #expect(Proposal.measureWorkload(positions: ["Operator"]).decision == .measure)
    }

    @Test func aUnitWithTasksIsDecidedByThem() throws {
        let tasks: [any StoredRecord] = [WorkloadTask(id: "WT1", position: "Operator", task: "t", volume: 75000, minutes: 2)]
        let g = try groups([service, survey(30, low: [.completionTime])])
        #expect(try proposal(for: g[0], Records(tasks), employees: staff(2, "Operator")) == .train(topic: "time-management", checked: ["Operator"], unrecorded: []))
        #expect(try proposal(for: g[0], Records(tasks), employees: staff(1, "Operator")).decision == .recruit)
        // One position measured, another not: the measured one decides, and the other is named.
        let two = try groups([service, survey(30, low: [.completionTime])], employees: staff(1, "Kasir"))
        #expect(try proposal(for: two[0], Records(tasks), employees: staff(2, "Operator") + staff(1, "Kasir"))
                == .train(topic: "time-management", checked: ["Operator"], unrecorded: ["Kasir"]))
    }

    @Test(arguments: [(30, nil as Int?, false), (29, nil, true), (10, 10, false), (9, 10, true), (29, 1_000_000, true)])
    func aSurveyNeedsMinResponsesOrItsKrejcieMorganSampleWhenSmaller(_ n: Int, _ population: Int?, _ short: Bool) throws {
        let g = try groups([service, survey(n, low: IKMElement.allCases, population: population)])
        if short {
            #expect(g.map(\.key) == ["responses:SV1"], "one respondent or twenty-nine: one action, to collect more")
            let need = requiredResponses(population: population, policy: 30)
            #expect(try proposal(for: g[0], Records([]), employees: []) == .measureResponses(survey: "SV1", respondents: n, needed: need))
            #expect(g[0].findings.count == 9)
        } else {
            #expect(!g.contains { $0.key.hasPrefix("responses:") })
        }
    }

    @Test func minResponsesIsAPolicyAndKrejcieMorganCapsIt() throws {
        #expect(requiredResponses(population: nil, policy: 30) == 30)
        #expect(requiredResponses(population: 10, policy: 30) == 10)
        #expect(requiredResponses(population: 1200, policy: 30) == 30)
        #expect(requiredResponses(population: 1200, policy: 400) == 291)
        let g = try groups([service, survey(5, low: [.fee])], policies: [.minResponses: "5"])
        #expect(g.map(\.key) == ["ikm:SV1:4"])
    }

    @Test func elementsAreGroupedPerKindOfAnswerNotOnePerElementOrRespondent() throws {
        let g = try groups([service, survey(30, low: IKMElement.allCases)])
        #expect(g.map(\.key) == ["ikm:SV1:1 ikm:SV1:2 ikm:SV1:4 ikm:SV1:5 ikm:SV1:8 ikm:SV1:9", "ikm:SV1:3", "ikm:SV1:6", "ikm:SV1:7"])
        #expect(g.map(\.fit) == [.improve, .staff, .staff, .staff])
        #expect(try proposal(for: g[0], Records([]), employees: []) == .improve(keywords: [], unmatched: 0))
        // Proposed already (whatever the action grouped): not again.
        #expect(try groups([service, survey(30, low: IKMElement.allCases)], known: ["ikm:SV1:4", "ikm:SV1:3"]).map(\.key)
                == ["ikm:SV1:1 ikm:SV1:2 ikm:SV1:5 ikm:SV1:8 ikm:SV1:9", "ikm:SV1:6", "ikm:SV1:7"])
    }

    @Test(arguments: IKMElement.allCases)
    func eachElementMapsToTheAnswerThatFits(_ e: IKMElement) {
        let expected: [IKMElement: Fit] = [.requirements: .improve, .procedure: .improve, .completionTime: .staff, .fee: .improve, .product: .improve,
                                           .competence: .staff, .behaviour: .staff, .complaintHandling: .improve, .facilities: .improve]
        #expect(e.fit == expected[e])
    }

    @Test(arguments: [("buka loket sore untuk perekaman", Fit.improve, "loket" as String?), ("Open an afternoon COUNTER", .improve, "counter"),
                      ("perpanjang jam  layanan", .improve, "jam-layanan"), ("longer opening hours", .improve, "hours"),
                      ("turunkan biaya", .improve, "biaya"), ("tarif terlalu mahal", .improve, "tarif"), ("no fee for KTP", .improve, "fee"),
                      ("perbaiki fasilitas", .improve, "fasilitas"), ("tambah parkir", .improve, "parkir"), ("ruang tunggu sempit", .improve, "ruang-tunggu"),
                      ("antrian online", .improve, "antrian"), ("pelatihan petugas loket", .train, "pelatihan"), ("more training", .train, "training"),
                      ("petugas kurang di loket", .staff, "petugas-kurang"), ("more staff at the desk", .staff, "staff"),
                      ("ruangan ber-AC", .improve, nil), ("", .improve, nil), ("feedback form", .improve, nil)])
    func aForumRecommendationIsClassifiedByItsKeywords(_ text: String, _ fit: Fit, _ keyword: String?) {
        let c = classifyAdvice(text)
        #expect(c.fit == fit && c.keyword == keyword, "\(text)")
    }

    @Test func forumNotesOfOneKindAreOneAction() throws {
        let f1 = Forum(id: "F1", date: day("2026-02-10"), topic: "antrean", participants: 30,
                       notes: [.init(issue: "lama", recommend: "buka loket sore"), .init(issue: "mahal", recommend: "turunkan biaya"),
                               .init(issue: "sikap", recommend: "pelatihan pelayanan prima")])
        let g = try groups([f1])
        #expect(g.map(\.key) == ["forum:F1:0 forum:F1:1", "forum:F1:2"])
        #expect(g.map(\.fit) == [.improve, .train])
        #expect(try proposal(for: g[0], Records([f1]), employees: []) == .improve(keywords: ["loket", "biaya"], unmatched: 0))
        #expect(try proposal(for: g[1], Records([f1]), employees: []) == .train(topic: "public-service", checked: [], unrecorded: []))
    }

    private func action(_ key: String, _ decision: Decision = .train, created: String = "2026-03-01", doneOn: String? = nil) -> Action {
        Action(id: "AC1", unit: "Dukcapil", findingKey: key, finding: "f", evidence: "e", decision: decision, position: nil, seats: nil,
               topic: nil, status: doneOn == nil ? .applied : .done, created: day(created), result: nil, outcome: doneOn.map { _ in "done" },
               doneOn: doneOn.map(day))
    }

    @Test func anElementScoreIsComparedWithTheFirstSurveyAfterTheActionsDay() throws {
        let before = survey(30, low: [.fee, .facilities], id: "SV1", created: "2026-03-01")
        let a = action("ikm:SV1:4 ikm:SV1:9", .improve, doneOn: "2026-04-01")
        let none = try compareOutcome(a, Records([before]), employees: [], today: today)
        #expect(none.measure == .elementScore && none.before == ExactDecimal("25.00")! && none.after == nil && none.verdict == .notYet)
        let better = survey(30, low: [.fee], id: "SV2", created: "2026-06-01")
        let c = try compareOutcome(a, Records([before, better]), employees: [], today: today)
        #expect(c.after == ExactDecimal("62.50")! && c.afterSurvey == "SV2" && c.verdict == .improved)
        let same = survey(30, low: [.fee, .facilities], id: "SV2", created: "2026-06-01")
        #expect(try compareOutcome(a, Records([before, same]), employees: [], today: today).verdict == .unchanged)
        // A survey added on the action's day is not after it.
        let onTheDay = survey(30, low: [], id: "SV2", created: "2026-04-01")
        #expect(try compareOutcome(a, Records([before, onTheDay]), employees: [], today: today).verdict == .notYet)
    }

    @Test func aLateShareIsComparedBeforeAndAfterAndLowerIsBetter() throws {
        func request(_ k: Int, _ received: String, _ done: String) -> ServiceRequest {
            ServiceRequest(id: "R\(k)", service: "S1", received: day(received), done: day(done))
        }
        let early: [any StoredRecord] = [service, request(1, "2026-01-05", "2026-01-20"), request(2, "2026-01-05", "2026-01-07")]
        let a = action("late:S1", created: "2026-02-01")
        #expect(try compareOutcome(a, Records(early), employees: [], today: today).verdict == .notYet)
        let c = try compareOutcome(a, Records(early + [request(3, "2026-02-02", "2026-02-04")]), employees: [], today: today)
        #expect(c.measure == .lateShare && c.before == ExactDecimal("50.0")! && c.after == ExactDecimal("0.0")! && c.verdict == .improved)
        let worse = try compareOutcome(a, Records(early + [request(3, "2026-02-02", "2026-02-20")]), employees: [], today: today)
        #expect(worse.verdict == .worse)
    }

    @Test func overdueComplaintStepsAreCountedForComplaintsReceivedBeforeAndAfter() throws {
        // A simple complaint: 3 days to a response. C1 answered on day 5 (overdue), C2 on day 1.
        let c1 = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "complaint", received: day("2026-01-05"))
        var answered1 = c1
        (answered1.responded, answered1.resolved) = (day("2026-01-10"), day("2026-01-10"))
        var c2 = Complaint(id: "C2", service: "S1", channel: "lapor", kind: "complaint", received: day("2026-02-10"))
        (c2.responded, c2.resolved) = (day("2026-02-11"), day("2026-02-12"))
        let a = action("complaint:C1:response", created: "2026-02-01")
        let none = try compareOutcome(a, Records([service, answered1]), employees: [], today: today)
        #expect(none.measure == .overdueSteps && none.before == ExactDecimal("1")! && none.after == nil && none.verdict == .notYet)
        let c = try compareOutcome(a, Records([service, answered1, c2]), employees: [], today: today)
        #expect(c.before == ExactDecimal("1")! && c.after == ExactDecimal("0")! && c.verdict == .improved)
    }

    @Test func aRecruitActionComparesThePositionsGapWithItsSeats() throws {
        let tasks: [any StoredRecord] = [WorkloadTask(id: "WT1", position: "Operator", task: "t", volume: 75000, minutes: 2)]
        var a = action("late:S1", .recruit)
        (a.position, a.seats) = ("Operator", 1)
        #expect(try compareOutcome(a, Records(tasks), employees: staff(1, "Operator"), today: today).verdict == .unchanged)
        let c = try compareOutcome(a, Records(tasks), employees: staff(2, "Operator"), today: today)
        #expect(c.measure == .staffGap && c.after == ExactDecimal("0")! && c.verdict == .improved)
    }

    @Test func anActionRecordWithoutTheNewKeysReadsBackAsWritten() throws {
        let old = action("late:S1")
        #expect(old.json["outcome"] == nil && old.json["doneOn"] == nil)
        let done = action("late:S1", doneOn: "2026-03-05")
        #expect(done.json["outcome"] == .string("done") && done.json["doneOn"] == .string("2026-03-05"))
        #expect(try Action(json: done.json) == done)
    }
}
