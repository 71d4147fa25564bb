import KemuningCore
/// The feedback loop's rules (DOMAIN.md, "Closing the loop"): what the public feedback
/// finds wrong, and whether each finding calls for recruitment or for training. The words of a
/// finding are the command's; here are its facts.

/// What an action proposes. Kept in the action record, and written in messages, as its raw value
/// (spelled out: it is also the catalog's key for the word shown).
public enum Decision: String, CaseIterable, Sendable, CustomStringConvertible {
    case recruit = "recruit", train = "train"

    public var description: String { rawValue }
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
    /// An element of a unit's latest survey is in grade D.
    case ikmElement(survey: String, period: String, element: IKMElement, nrr: Rational, score: ExactDecimal, respondents: Int)
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
        for e in IKMElement.allCases where r.elementGrade(e).letter == "D" {
            out.append(Finding(key: "ikm:\(s.id):\(e.rawValue)", unit: u,
                               kind: .ikmElement(survey: s.id, period: s.period, element: e, nrr: r.nrr[e.rawValue - 1],
                                                 score: r.elementScore(e), respondents: r.respondents),
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

// MARK: the decision

/// What to do about a finding.
public enum Proposal: Equatable, Sendable {
    /// Recruit for the position most short of staff by its workload analysis: `gap` seats.
    case recruit(Workload)
    /// Train the staff who serve it in `topic`: no position serving it is short of staff
    /// (`checked`, the finding's positions; empty when none is recorded).
    case train(topic: String, checked: [String])

    public var decision: Decision {
        switch self {
        case .recruit: return .recruit
        case .train: return .train
        }
    }
}

/// Recruit when a position serving the finding is short of staff by its workload analysis (the
/// largest gap; the first of equal ones); otherwise train the staff who serve it.
public func proposal(for f: Finding, _ reader: some RecordReader, employees: [Employee]) throws -> Proposal {
    var best: Workload?
    for p in f.positions {
        guard let w = try workload(reader, employees: employees, position: p, unit: f.unit == allUnits ? nil : f.unit) else { continue }
        if w.gap > 0 && (best == nil || w.gap > best!.gap) { best = w }
    }
    if let w = best { return .recruit(w) }
    return .train(topic: f.topic, checked: f.positions)
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
