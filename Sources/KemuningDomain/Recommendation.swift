import KemuningCore
/// The feedback loop's rules (DOMAIN.md, "Closing the loop"): what the public feedback
/// finds wrong, which kind of answer fits each finding, and whether the evidence is enough to
/// decide it. The words of a finding are the command's; here are its facts.

/// What an action proposes. Kept in the action record, and written in messages, as its raw value
/// (spelled out: it is also the catalog's key for the word shown).
public enum Decision: String, CaseIterable, Sendable, CustomStringConvertible {
    case recruit = "recruit", train = "train"
    /// A service improvement owned by the unit head: fees, facilities, opening hours, procedure.
    case improve = "improve"
    /// Collect the evidence that is missing before deciding: the workload, or more responses.
    case measure = "measure"

    public var description: String { rawValue }
}

/// The kind of answer that fits a finding, by what it is about, before the evidence decides
/// (DOMAIN.md, "Closing the loop", the table).
public enum Fit: String, CaseIterable, Sendable {
    /// About the staff who serve it: the workload decides between recruiting and training, and a
    /// workload not recorded means it must be measured first.
    case staff = "staff"
    /// Training, asked for by name.
    case train = "train"
    /// A service improvement owned by the unit head: no training or recruitment answers it.
    case improve = "improve"
}

extension IKMElement {
    /// The answer that fits a low score on this element (PermenPANRB 14/2017's element list):
    /// completion time, competence and behaviour are about the staff; requirements, procedure,
    /// fee, product, the complaint channel and facilities are set by the unit, not by how its
    /// staff work, so training them changes nothing.
    public var fit: Fit {
        switch self {
        case .completionTime, .competence, .behaviour: return .staff
        case .requirements, .procedure, .fee, .product, .complaintHandling, .facilities: return .improve
        }
    }
}

/// The keywords that classify a forum's recommendation, first match wins, in this order:
/// training asked for by name, then staff said to be lacking, then service improvements. A
/// keyword of two words is written with a hyphen and matches the words with any blanks or
/// hyphens between them. Indonesian and English.
public let adviceKeywords: [(keyword: String, fit: Fit)] =
    ["pelatihan", "training", "bimtek", "diklat"].map { ($0, Fit.train) }
    + ["petugas-kurang", "kekurangan-petugas", "tambah-petugas", "kurang-pegawai", "staff", "staffing"].map { ($0, Fit.staff) }
    + ["loket", "jam-layanan", "jam-buka", "counter", "hours", "biaya", "tarif", "fee", "fees", "pungutan", "fasilitas", "facility", "facilities",
       "parkir", "parking", "ruang-tunggu", "waiting", "antrian", "antrean", "queue", "prosedur", "procedure", "persyaratan", "online"].map { ($0, Fit.improve) }

/// What a forum's recommendation asks for, by its keywords (`adviceKeywords`), with the keyword
/// that decided; a text with none is an improvement for the unit head to review (nil keyword),
/// never silently training.
public func classifyAdvice(_ text: String) -> (fit: Fit, keyword: String?) {
    // Lowercased, with every run of characters that are not letters or digits made one hyphen,
    // and hyphens around it, so that a keyword matches whole words only.
    var normal = "-"
    for ch in text.lowercased() {
        if ch.isLetter || ch.isNumber { normal.append(ch) } else if normal.last != "-" { normal.append("-") }
    }
    if normal.last != "-" { normal.append("-") }
    for (k, fit) in adviceKeywords where normal.contains("-" + k + "-") { return (fit, k) }
    return (.improve, nil)
}

/// Where an action stands. Kept in the action record, and written in messages, as its raw value
/// (spelled out: it is also the catalog's key for the word shown).
public enum ActionStatus: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Proposed, nothing done yet.
    case open = "open"
    /// The draft vacancy or the enrolments were made by `action apply`.
    case applied = "applied"
    /// Marked done by hand.
    case done = "done"

    public var description: String { rawValue }
}

// MARK: workload

/// The workload analysis (ABK) of one position.
public struct Workload: Equatable, Sendable {
    public var position: String
    /// Minutes of work a year: the sum of volume x standard minutes.
    public var minutes: Int128
    public var needed: Rational
    /// `needed` rounded by the workload-rounding policy.
    public var rounded: Int
    public var current: Int
    public var gap: Int { rounded - current }
}

/// The workload analysis of a position, or nil when it has no tasks recorded. Current staff
/// default to the employees holding it (in `unit`, when given).
public func workload(_ reader: some RecordReader, employees: [Employee], position: String, staff: Int? = nil, unit: String? = nil) throws -> Workload? {
    let tasks = try reader.records(WorkloadTask.self).filter { $0.position == position }
    guard !tasks.isEmpty else { return nil }
    let needed = staffNeeded(tasks: tasks.map { ($0.volume, $0.minutes) }, effectiveMinutes: reader.policyInt(.effectiveMinutes))
    let current = staff ?? employees.filter { $0.isActive && $0.position == position && (unit == nil || $0.unit == unit) }.count
    let minutes = tasks.reduce(Int128(0)) { $0 + Int128($1.volume) * Int128($1.minutes) }
    return Workload(position: position, minutes: minutes, needed: needed, rounded: roundStaff(needed, rule: reader.policy(.workloadRounding)),
                    current: current)
}

// MARK: findings

/// The unit of a finding that concerns no one unit (a forum's advice when no unit is asked for).
public let allUnits = "(all units)"
/// The unit of an overdue complaint whose service is not recorded.
public let noUnit = "(no unit)"

/// What a finding is about, with the facts that show it.
public enum FindingKind: Equatable, Sendable {
    /// An element of a unit's latest survey is in grade D. `needed`: the responses a finding from
    /// it needs (`requiredResponses`).
    case ikmElement(survey: String, period: String, element: IKMElement, nrr: Rational, score: ExactDecimal, respondents: Int, needed: Int)
    /// A service finishes more of its requests late than the late-share policy allows (a percent).
    case lateService(Service, late: Int, count: Int, share: Rational, median: ExactDecimal?, threshold: Int)
    /// A complaint step missed its deadline.
    case overdueComplaint(Complaint, stage: String, deadline: Day, daysLate: Int, open: Bool)
    /// A forum recommended something.
    case forumAdvice(Forum, issue: String, recommend: String)
}

/// Something the public feedback shows is wrong, and who could answer it.
public struct Finding: Equatable, Sendable {
    /// Stable across runs, so `recommend` does not propose the same action twice.
    public var key: String
    public var unit: String
    public var kind: FindingKind
    /// The training topic that answers it, when staff suffice.
    public var topic: String
    /// The positions of the staff who serve what the finding is about.
    public var positions: [String]

    /// The kind of answer that fits it: an IKM element's (`IKMElement.fit`), a forum
    /// recommendation's by its keywords (`classifyAdvice`), and the staff for a late service or an
    /// overdue complaint step (people answer late).
    public var fit: Fit {
        switch kind {
        case .ikmElement(_, _, let e, _, _, _, _): return e.fit
        case .lateService, .overdueComplaint: return .staff
        case .forumAdvice(_, _, let recommend): return classifyAdvice(recommend).fit
        }
    }
}

/// The responses a survey needs before its findings are acted on: the `min-responses` policy,
/// or the Krejcie-Morgan sample of the survey's population when that is smaller (a small
/// population cannot give more).
public func requiredResponses(population: Int?, policy: Int) -> Int {
    guard let n = population else { return policy }
    return min(policy, krejcieMorgan(population: n))
}

/// Positions serving a unit: those of its services, then of its employees, each once.
public func positions(ofUnit unit: String, _ reader: some RecordReader, employees: [Employee]) throws -> [String] {
    var out: [String] = []
    for s in try reader.records(Service.self) where s.unit == unit { out += s.positions }
    out += employees.filter { $0.isActive && $0.unit == unit }.map(\.position)
    var seen = Set<String>()
    return out.filter { seen.insert($0).inserted }
}

/// The findings as of `today` (of one unit, when given), in this order: IKM elements in grade D
/// in each unit's latest survey with responses (units sorted), services late more often than the
/// late-share policy (strictly more), overdue complaint steps, and forum recommendations.
public func findings(_ reader: some RecordReader, employees: [Employee], today: Day, unit: String?) throws -> [Finding] {
    var out: [Finding] = []
    var latest: [String: Survey] = [:]
    for s in try reader.records(Survey.self) where !s.responses.isEmpty { latest[s.unit] = s }
    for u in latest.keys.sorted() where unit == nil || u == unit {
        let s = latest[u]!
        let r = ikm(s.responses)!
        let needed = requiredResponses(population: s.population, policy: reader.policyInt(.minResponses))
        for e in IKMElement.allCases where r.elementGrade(e).letter == "D" {
            out.append(Finding(key: "ikm:\(s.id):\(e.rawValue)", unit: u,
                               kind: .ikmElement(survey: s.id, period: s.period, element: e, nrr: r.nrr[e.rawValue - 1],
                                                 score: r.elementScore(e), respondents: r.respondents, needed: needed),
                               topic: e.trainingTopic, positions: try positions(ofUnit: u, reader, employees: employees)))
        }
    }
    let percent = reader.policyInt(.lateShare)
    let threshold = Rational(Int128(percent), 100)
    for t in try serviceTimings(reader, from: nil, to: nil) where (unit == nil || t.service.unit == unit) && t.count > 0 {
        guard let share = t.lateShare, share > threshold else { continue }
        out.append(Finding(key: "late:\(t.service.id)", unit: t.service.unit,
                           kind: .lateService(t.service, late: t.late, count: t.count, share: share, median: t.median, threshold: percent),
                           topic: "time-management",
                           positions: t.service.positions.isEmpty ? try positions(ofUnit: t.service.unit, reader, employees: employees) : t.service.positions))
    }
    for c in try overdueComplaints(reader, today: today) {
        let u = c.service?.unit ?? noUnit
        guard unit == nil || u == unit else { continue }
        out.append(Finding(key: "complaint:\(c.complaint.id):\(c.stage)", unit: u,
                           kind: .overdueComplaint(c.complaint, stage: c.stage, deadline: c.deadline, daysLate: c.daysLate, open: c.open),
                           topic: "public-service", positions: c.service.map { $0.positions.isEmpty ? [] : $0.positions } ?? []))
    }
    for (k, f) in try forumRecommendations(reader).enumerated() {
        out.append(Finding(key: "forum:\(f.forum.id):\(k)", unit: unit ?? allUnits, kind: .forumAdvice(f.forum, issue: f.issue, recommend: f.recommend),
                           topic: "public-service", positions: try unit.map { try positions(ofUnit: $0, reader, employees: employees) } ?? []))
    }
    return out
}

// MARK: grouping

/// The findings one action answers: those of one unit that the same kind of answer fits, in
/// one survey's elements, or in the forums' notes; a late service and an overdue complaint step
/// are each one of their own. A survey with fewer responses than it needs makes one group of all
/// its elements in grade D, whatever fits them: the answer is to collect more responses.
public struct FindingGroup: Equatable, Sendable {
    /// The keys of its findings, joined by a space (`responses:SV1` for a survey short of
    /// responses): kept in the action, so that `recommend` proposes none of them again.
    public var key: String
    public var unit: String
    public var fit: Fit
    public var findings: [Finding]
    /// The survey short of responses, when that is what the group is about.
    public var fewResponses: (survey: String, respondents: Int, needed: Int)? {
        guard key.hasPrefix("responses:"), case .ikmElement(let sv, _, _, _, _, let n, let need) = findings[0].kind else { return nil }
        return (sv, n, need)
    }
    public var topic: String { findings[0].topic }
    public var positions: [String] { findings[0].positions }

    public init(key: String, unit: String, fit: Fit, findings: [Finding]) {
        self.key = key
        self.unit = unit
        self.fit = fit
        self.findings = findings
    }

    /// One finding alone.
    public init(_ f: Finding) { self.init(key: f.key, unit: f.unit, fit: f.fit, findings: [f]) }
}

/// The keys an action's finding key stands for (a group's keys are joined by a space).
public func findingKeys(_ actionKey: String) -> [String] { actionKey.split(separator: " ").map(String.init) }

/// The findings grouped as actions answer them (`FindingGroup`), leaving out every finding
/// whose key is in `known` (already behind an action), in the order of their first finding.
public func groupFindings(_ findings: [Finding], known: Set<String>) -> [FindingGroup] {
    var order: [String] = []
    var groups: [String: FindingGroup] = [:]
    for f in findings {
        var groupKey = f.key, itemKey = f.key, fit = f.fit
        switch f.kind {
        case .ikmElement(let survey, _, _, _, _, let respondents, let needed):
            if respondents < needed {
                (groupKey, itemKey) = ("responses:\(survey)", "responses:\(survey)")
            } else {
                groupKey = "ikm:\(survey):\(fit.rawValue):\(f.topic)"
            }
        case .forumAdvice:
            groupKey = "forum:\(f.unit):\(fit.rawValue):\(f.topic)"
        case .lateService, .overdueComplaint: break
        }
        // Too few responses: collecting more is the answer, whatever fits the elements.
        if itemKey.hasPrefix("responses:") { fit = .staff }
        guard !known.contains(itemKey) else { continue }
        if var g = groups[groupKey] {
            if !findingKeys(g.key).contains(itemKey) { g.key += " " + itemKey }
            g.findings.append(f)
            groups[groupKey] = g
        } else {
            order.append(groupKey)
            groups[groupKey] = FindingGroup(key: itemKey, unit: f.unit, fit: fit, findings: [f])
        }
    }
    return order.map { groups[$0]! }
}

// MARK: the decision

/// What to do about a group of findings.
public enum Proposal: Equatable, Sendable {
    /// Recruit for the position most short of staff by its workload analysis: `gap` seats.
    case recruit(Workload)
    /// Train the staff who serve it in `topic`: no position serving it whose workload is
    /// recorded is short of staff (`checked`; `unrecorded`, those whose workload is not).
    case train(topic: String, checked: [String], unrecorded: [String])
    /// A service improvement, owned by the unit head. `keywords`: those that classified the
    /// forum recommendations; `unmatched`, how many had none (the unit head reviews them). Both
    /// empty for IKM elements, which are the unit's to improve by what they are.
    case improve(keywords: [String], unmatched: Int)
    /// Record the workload of these positions first: staffing is unknown. Empty when no
    /// position is recorded as serving it at all.
    case measureWorkload(positions: [String])
    /// Collect `needed - respondents` more responses to the survey before acting on it.
    case measureResponses(survey: String, respondents: Int, needed: Int)

    public var decision: Decision {
        switch self {
        case .recruit: return .recruit
        case .train: return .train
        case .improve: return .improve
        case .measureWorkload, .measureResponses: return .measure
        }
    }
}

/// The answer to a group of findings. A survey short of responses: collect more. A service
/// improvement: the unit head's. Training asked for by name: train. About the staff: recruit when
/// a position serving it is short of staff by its workload analysis (the largest gap; the first
/// of equal ones); measure the workload when no position serving it has one recorded (staffing is
/// unknown, so "staff suffice" would be a guess); otherwise train.
public func proposal(for g: FindingGroup, _ reader: some RecordReader, employees: [Employee]) throws -> Proposal {
    if let few = g.fewResponses { return .measureResponses(survey: few.survey, respondents: few.respondents, needed: few.needed) }
    switch g.fit {
    case .improve:
        var keywords: [String] = [], unmatched = 0
        for f in g.findings {
            guard case .forumAdvice(_, _, let recommend) = f.kind else { continue }
            if let k = classifyAdvice(recommend).keyword { if !keywords.contains(k) { keywords.append(k) } } else { unmatched += 1 }
        }
        return .improve(keywords: keywords, unmatched: unmatched)
    case .train:
        return .train(topic: g.topic, checked: [], unrecorded: [])
    case .staff:
        var best: Workload?
        var checked: [String] = [], unrecorded: [String] = []
        for p in g.positions {
            guard let w = try workload(reader, employees: employees, position: p, unit: g.unit == allUnits ? nil : g.unit) else {
                unrecorded.append(p)
                continue
            }
            checked.append(p)
            if w.gap > 0 && (best == nil || w.gap > best!.gap) { best = w }
        }
        if let w = best { return .recruit(w) }
        if checked.isEmpty { return .measureWorkload(positions: unrecorded) }
        return .train(topic: g.topic, checked: checked, unrecorded: unrecorded)
    }
}

/// The answer to one finding alone.
public func proposal(for f: Finding, _ reader: some RecordReader, employees: [Employee]) throws -> Proposal {
    try proposal(for: FindingGroup(f), reader, employees: employees)
}

/// The positions an action's finding concerns: a late service's own, else those serving the
/// action's unit.
public func findingPositions(_ a: Action, _ reader: some RecordReader, employees: [Employee]) throws -> [String] {
    if a.findingKey.hasPrefix("late:"), let s = try reader.record(Service.self, String(a.findingKey.dropFirst(5))) { return s.positions }
    return try positions(ofUnit: a.unit, reader, employees: employees)
}

/// Whom a training action enrols: the staff of the action's unit holding the positions its
/// finding concerns, or all the unit's staff when none do (or no positions are concerned).
public func staffToTrain(_ a: Action, _ reader: some RecordReader, employees: [Employee]) throws -> [Employee] {
    let positions = Set(try findingPositions(a, reader, employees: employees))
    let active = employees.filter(\.isActive)
    let staff = active.filter { $0.unit == a.unit && (positions.isEmpty || positions.contains($0.position)) }
    return staff.isEmpty ? active.filter { $0.unit == a.unit } : staff
}

// MARK: did it work

/// Whether the measure of an action's finding got better after the action. Kept in messages as
/// its raw value (also the catalog's key for the word shown).
public enum Verdict: String, CaseIterable, Sendable {
    case improved = "improved", worse = "worse", unchanged = "unchanged"
    /// No figure after the action's day yet (no later survey, no request finished since, ...).
    case notYet = "not measurable yet"
}

/// The figure compared for an action, by its finding. Its raw value is its catalog key.
public enum Measure: String, CaseIterable, Sendable {
    /// The mean score (25-100) of the finding's IKM elements: the finding's survey, then the
    /// unit's first survey with responses added after the action's day.
    case elementScore = "IKM element score"
    /// The percent of a service's finished requests that were late: finished by the action's day,
    /// then after it.
    case lateShare = "late share"
    /// Overdue complaint steps of the unit's complaints received by the action's day, then after.
    case overdueSteps = "overdue complaint steps"
    /// The workload gap of the recruited position: when proposed (its seats), then now.
    case staffGap = "staff gap"
    /// The unit's IKM score: its latest survey by the action's day, then its first one after.
    case ikmScore = "IKM score"

    /// Whether a higher figure is the better one.
    public var higherIsBetter: Bool { self == .elementScore || self == .ikmScore }
}

/// The same measure before and after an action.
public struct Comparison: Equatable, Sendable {
    public var measure: Measure
    /// The action's day: the day it was marked done, else the day it was proposed.
    public var day: Day
    public var before: ExactDecimal?
    public var after: ExactDecimal?
    /// The surveys compared, for the survey measures.
    public var beforeSurvey: String?
    public var afterSurvey: String?

    /// Improved, worse or unchanged by the figures; not measurable yet without both.
    public var verdict: Verdict {
        guard let b = before, let a = after else { return .notYet }
        if a == b { return .unchanged }
        return (a > b) == measure.higherIsBetter ? .improved : .worse
    }
}

/// Compares the measure of an action's finding before and after the action's day (`Measure`
/// says which figure for which finding). A recruit action compares the staff gap; a forum's
/// advice or a survey short of responses, the unit's IKM score.
public func compareOutcome(_ a: Action, _ reader: some RecordReader, employees: [Employee], today: Day) throws -> Comparison {
    let day = a.doneOn ?? a.created
    var c = Comparison(measure: .ikmScore, day: day, before: nil, after: nil, beforeSurvey: nil, afterSurvey: nil)
    let key = findingKeys(a.findingKey).first ?? ""
    let surveys = try reader.records(Survey.self).filter { $0.unit == a.unit && !$0.responses.isEmpty }
    let later = surveys.first { $0.created > day }
    if a.decision == .recruit, let p = a.position {
        c.measure = .staffGap
        c.before = a.seats.map { ExactDecimal(units: Int128($0), scale: 0) }
        c.after = try workload(reader, employees: employees, position: p, unit: a.unit).map { ExactDecimal(units: Int128($0.gap), scale: 0) }
        return c
    }
    if key.hasPrefix("ikm:") {
        let parts = findingKeys(a.findingKey).map { $0.split(separator: ":") }
        let elements = parts.compactMap { $0.count == 3 ? Int($0[2]).flatMap(IKMElement.init(rawValue:)) : nil }
        let surveyId = parts.first.map { String($0[1]) } ?? ""
        c.measure = .elementScore
        func mean(_ s: Survey?) -> ExactDecimal? {
            guard let s, let r = ikm(s.responses), !elements.isEmpty else { return nil }
            let sum = elements.reduce(Rational.zero) { $0 + r.nrr[$1.rawValue - 1] }
            return (sum * Rational(25) / Rational(Int128(elements.count))).rounded(toScale: 2)
        }
        let before = try reader.record(Survey.self, surveyId)
        let after = surveys.first { $0.created > day && $0.id != surveyId }
        (c.before, c.beforeSurvey, c.after, c.afterSurvey) = (mean(before), before?.id, mean(after), after?.id)
        return c
    }
    if key.hasPrefix("late:") {
        let service = String(key.dropFirst(5))
        c.measure = .lateShare
        func percent(_ t: [ServiceTiming]) -> ExactDecimal? {
            t.first { $0.service.id == service }?.lateShare.map { ($0 * Rational(100)).rounded(toScale: 1) }
        }
        c.before = percent(try serviceTimings(reader, from: nil, to: day))
        c.after = percent(try serviceTimings(reader, from: day.adding(days: 1), to: nil))
        return c
    }
    if key.hasPrefix("complaint:") {
        c.measure = .overdueSteps
        let services = Set(try reader.records(Service.self).filter { $0.unit == a.unit }.map(\.id))
        let ofUnit = try reader.records(Complaint.self).filter { a.unit == noUnit ? !services.contains($0.service) : services.contains($0.service) }
        let overdue = try overdueComplaints(reader, today: today).filter { o in ofUnit.contains { $0.id == o.complaint.id } }
        func count(_ received: (Day) -> Bool) -> ExactDecimal? {
            guard ofUnit.contains(where: { received($0.received) }) else { return nil }
            return ExactDecimal(units: Int128(overdue.filter { received($0.complaint.received) }.count), scale: 0)
        }
        c.before = count { $0 <= day }
        c.after = count { $0 > day }
        return c
    }
    let before = surveys.last { $0.created <= day }
    (c.before, c.beforeSurvey) = (before.flatMap { ikm($0.responses)?.score }, before?.id)
    (c.after, c.afterSurvey) = (later.flatMap { ikm($0.responses)?.score }, later?.id)
    return c
}
