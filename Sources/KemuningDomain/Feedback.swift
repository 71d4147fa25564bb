import KemuningCore
/// Public feedback and workload rules as pure functions (DOMAIN.md, "Public feedback" and
/// "Workload analysis"): the IKM of PermenPANRB 14/2017, the Krejcie-Morgan sample size, and
/// the ABK staffing formula of PermenPANRB 1/2020. All exact.

/// The nine elements of the service satisfaction survey, in the regulation's order.
public enum IKMElement: Int, CaseIterable, Sendable {
    case requirements = 1, procedure, completionTime, fee, product, competence, behaviour, complaintHandling, facilities

    public var name: String {
        switch self {
        case .requirements: return "requirements"
        case .procedure: return "procedure"
        case .completionTime: return "completion time"
        case .fee: return "fee"
        case .product: return "service product"
        case .competence: return "staff competence"
        case .behaviour: return "staff behaviour"
        case .complaintHandling: return "complaint handling"
        case .facilities: return "facilities"
        }
    }

    /// The training that answers a problem with this element, when staff suffice.
    public var trainingTopic: String {
        switch self {
        case .completionTime: return "time-management"
        case .behaviour: return "communication"
        case .competence: return "technical"
        default: return "public-service"
        }
    }
}

/// An IKM grade and its label.
public struct IKMGrade: Equatable, Sendable {
    public var letter: String
    public var label: String
}

/// The grade of a converted IKM (25-100). The published intervals have gaps (88.30 to 88.31, ...),
/// so the rule here is: round half up to 2 decimals, then A from 88.31, B from 76.61, C from
/// 65.00, else D. A value between two intervals (76.605) is rounded first (76.61, B).
public func ikmGrade(_ converted: ExactDecimal) -> IKMGrade {
    let v = converted.rounded(toScale: 2)
    if v >= ExactDecimal("88.31")! { return IKMGrade(letter: "A", label: "Sangat Baik") }
    if v >= ExactDecimal("76.61")! { return IKMGrade(letter: "B", label: "Baik") }
    if v >= ExactDecimal("65.00")! { return IKMGrade(letter: "C", label: "Kurang Baik") }
    return IKMGrade(letter: "D", label: "Tidak Baik")
}

public struct IKMResult: Sendable {
    public var respondents: Int
    /// NRR per element: the sum of its scores / respondents.
    public var nrr: [Rational]
    /// IKM on 1-4: the sum of NRR x 1/9.
    public var ikm: Rational
    /// IKM x 25, rounded half up to 2 decimals.
    public var score: ExactDecimal
    public var grade: IKMGrade

    /// An element's own score on 25-100 (NRR x 25, rounded half up to 2 decimals).
    public func elementScore(_ e: IKMElement) -> ExactDecimal { (nrr[e.rawValue - 1] * Rational(25)).rounded(toScale: 2) }
    public func elementGrade(_ e: IKMElement) -> IKMGrade { ikmGrade(elementScore(e)) }
}

/// The IKM of a set of responses, each nine scores of 1-4. Every element weighs exactly 1/9.
public func ikm(_ responses: [[Int]]) -> IKMResult? {
    guard !responses.isEmpty else { return nil }
    var sums = [Int](repeating: 0, count: 9)
    for r in responses {
        for k in 0..<9 { sums[k] += r[k] }
    }
    let n = Int128(responses.count)
    let nrr = sums.map { Rational(Int128($0), n) }
    let ikm = nrr.reduce(Rational.zero, +) * Rational(1, 9)
    let score = (ikm * Rational(25)).rounded(toScale: 2)
    return IKMResult(respondents: responses.count, nrr: nrr, ikm: ikm, score: score, grade: ikmGrade(score))
}

/// The Krejcie-Morgan minimum sample for a population of N:
/// s = 3.841 x N x 0.25 / (0.0025 x (N - 1) + 0.96025), rounded half up.
public func krejcieMorgan(population n: Int) -> Int {
    let big = Int128(n)
    let numerator = Rational(3841, 1000) * Rational(big) * Rational(1, 4)
    let denominator = Rational(big - 1, 400) + Rational(96025, 100_000)
    return (numerator / denominator).roundedInteger
}

/// ABK: staff needed = the sum of (yearly volume x standard minutes) / effective minutes a year.
public func staffNeeded(tasks: [(volume: Int, minutes: Int)], effectiveMinutes: Int) -> Rational {
    let total = tasks.reduce(Int128(0)) { $0 + Int128($1.volume) * Int128($1.minutes) }
    return Rational(total, Int128(effectiveMinutes))
}

/// Rounds staff needed by the stated rule: half-up (the default), up, or down.
public func roundStaff(_ needed: Rational, rule: String) -> Int {
    switch rule {
    case "up":
        let f = needed.floor
        return Rational(f) == needed ? f : f + 1
    case "down": return needed.floor
    default: return needed.roundedInteger
    }
}

// MARK: records

/// A satisfaction survey of one unit for one period, with its responses.
public struct Survey: StoredRecord, Equatable, Sendable {
    public static let kind = "survey"
    public static let prefix = "SV"
    public static let label: Message = "survey"
    public var id: String
    public var unit: String
    public var period: String
    public var population: Int?
    public var responses: [[Int]]
    public var created: Day

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("unit", .string(unit)), ("period", .string(period))])
        o["population"] = population.map { JSON($0) } ?? .null
        o["responses"] = .array(responses.map { .array($0.map { JSON($0) }) })
        o["created"] = .string(created.description)
        return .object(o)
    }

    public init(id: String, unit: String, period: String, population: Int?, responses: [[Int]], created: Day) {
        self.id = id
        self.unit = unit
        self.period = period
        self.population = population
        self.responses = responses
        self.created = created
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "survey")
        id = try f.string("id")
        unit = try f.string("unit")
        period = try f.string("period")
        population = try f.optionalInt("population", in: Bounds.population)
        responses = try (try f.value("responses").arrayValue ?? []).map { r in
            guard let a = r.arrayValue, a.count == 9 else { throw RecordError("survey response is not nine scores") }
            return try a.map { v in
                guard let n = v.intValue, Bounds.surveyScore.contains(n) else { throw RecordError("survey score is not 1-4") }
                return n
            }
        }
        created = try f.day("created")
    }
}

/// One task of a position, for workload analysis.
public struct WorkloadTask: StoredRecord, Equatable, Sendable {
    public static let kind = "workload"
    public static let prefix = "WT"
    public static let label: Message = "workload task"
    public var id: String
    public var position: String
    public var task: String
    public var volume: Int
    public var minutes: Int

    public var json: JSON {
        .object(JSONObject([("id", .string(id)), ("position", .string(position)), ("task", .string(task)),
                            ("volume", JSON(volume)), ("minutes", JSON(minutes))]))
    }

    public init(id: String, position: String, task: String, volume: Int, minutes: Int) {
        self.id = id
        self.position = position
        self.task = task
        self.volume = volume
        self.minutes = minutes
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "workload task")
        id = try f.string("id")
        position = try f.string("position")
        task = try f.string("task")
        volume = try f.int("volume", in: Bounds.workloadVolume)
        minutes = try f.int("minutes", in: Bounds.workloadMinutes)
    }
}

/// An action that turns a finding into recruitment, training, a service improvement, or the
/// measuring of what is missing.
public struct Action: StoredRecord, Equatable, Sendable {
    public static let kind = "action"
    public static let prefix = "AC"
    public static let label: Message = "action"
    public var id: String
    public var unit: String
    /// A stable key of the finding, so `recommend` does not propose the same action twice.
    public var findingKey: String
    public var finding: String
    public var evidence: String
    public var decision: Decision
    public var position: String?
    public var seats: Int?
    public var topic: String?
    public var status: ActionStatus
    public var created: Day
    public var result: String?
    /// What was done, in the user's words (`action done --outcome`). Written only when set, so an
    /// action recorded before it existed reads back as written.
    public var outcome: String?
    /// The day the action was marked done; `report cycle` compares the measure before and after it.
    public var doneOn: Day?

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("unit", .string(unit)), ("findingKey", .string(findingKey)),
                            ("finding", .string(finding)), ("evidence", .string(evidence)), ("decision", .string(decision.rawValue))])
        o["position"] = position.map { .string($0) } ?? .null
        o["seats"] = seats.map { JSON($0) } ?? .null
        o["topic"] = topic.map { .string($0) } ?? .null
        o["status"] = .string(status.rawValue)
        o["created"] = .string(created.description)
        o["result"] = result.map { .string($0) } ?? .null
        if let outcome { o["outcome"] = .string(outcome) }
        if let doneOn { o["doneOn"] = .string(doneOn.description) }
        return .object(o)
    }

    public init(id: String, unit: String, findingKey: String, finding: String, evidence: String, decision: Decision,
                position: String?, seats: Int?, topic: String?, status: ActionStatus, created: Day, result: String?,
                outcome: String? = nil, doneOn: Day? = nil) {
        self.id = id
        self.unit = unit
        self.findingKey = findingKey
        self.finding = finding
        self.evidence = evidence
        self.decision = decision
        self.position = position
        self.seats = seats
        self.topic = topic
        self.status = status
        self.created = created
        self.result = result
        self.outcome = outcome
        self.doneOn = doneOn
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "action")
        id = try f.string("id")
        unit = try f.string("unit")
        findingKey = try f.string("findingKey")
        finding = try f.string("finding")
        evidence = try f.string("evidence")
        let decisionText = try f.string("decision")
        guard let d = Decision(rawValue: decisionText) else { throw RecordError("action decision '\(decisionText)' is unknown") }
        decision = d
        position = try f.optionalString("position")
        seats = try f.optionalInt("seats", in: Bounds.actionSeats)
        topic = try f.optionalString("topic")
        let statusText = try f.string("status")
        guard let st = ActionStatus(rawValue: statusText) else { throw RecordError("action status '\(statusText)' is unknown") }
        status = st
        created = try f.day("created")
        result = try f.optionalString("result")
        outcome = try f.optionalString("outcome")
        doneOn = try f.optionalDay("doneOn")
    }
}
