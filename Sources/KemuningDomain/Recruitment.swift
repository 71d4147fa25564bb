import KemuningCore
/// The national CPNS selection rules as pure functions (see DOMAIN.md, "Recruitment").
/// Every number that varies by year or category is a parameter with the national default.

/// The three parts of the SKD (basic competence test) and their maximum scores.
public enum SKDPart: String, CaseIterable, Sendable {
    case twk, tiu, tkp

    public var maximum: Int {
        switch self {
        case .twk: return 150
        case .tiu: return 175
        case .tkp: return 225
        }
    }

    public static let totalMaximum = 550
}

/// One candidate's SKD result.
public struct SKDScore: Equatable, Hashable, Sendable {
    public var twk: Int
    public var tiu: Int
    public var tkp: Int

    public init(twk: Int, tiu: Int, tkp: Int) {
        self.twk = twk
        self.tiu = tiu
        self.tkp = tkp
    }

    public var total: Int { twk + tiu + tkp }

    public subscript(part: SKDPart) -> Int {
        switch part {
        case .twk: return twk
        case .tiu: return tiu
        case .tkp: return tkp
        }
    }
}

/// A mark an SKD result is checked against: the cumulative total of the three parts, or one
/// part on its own. `allCases` is the order marks are written and reported in.
public enum SKDMark: String, CaseIterable, Sendable {
    case total, twk, tiu, tkp

    /// The highest a mark may be: the most the score it applies to can reach.
    public var maximum: Int {
        switch self {
        case .total: return SKDPart.totalMaximum
        case .twk: return SKDPart.twk.maximum
        case .tiu: return SKDPart.tiu.maximum
        case .tkp: return SKDPart.tkp.maximum
        }
    }

    /// The score this mark is checked against.
    public func value(in score: SKDScore) -> Int {
        switch self {
        case .total: return score.total
        case .twk: return score.twk
        case .tiu: return score.tiu
        case .tkp: return score.tkp
        }
    }

    /// How the mark is named in words and tables: TWK, TIU, TKP, or total.
    public var name: String { self == .total ? "total" : rawValue.uppercased() }

    /// Marks named in a sentence: "total, TIU".
    public static func names(_ marks: [SKDMark]) -> String { marks.map(\.name).joined(separator: ", ") }
}

/// A vacancy's SKD pass marks: any of the three parts checked on its own, the cumulative total,
/// or both; a result passes when it reaches every mark there is, and a mark not given checks
/// nothing. General vacancies since 2021: TWK 65, TIU 80, TKP 166. The special categories
/// (`VacancyCategory`) have a total and a TIU mark only.
public struct PassMarks: Equatable, Hashable, Sendable {
    /// The marks given, by mark; never empty.
    public private(set) var marks: [SKDMark: Int]

    /// The general marks, TWK 65, TIU 80, TKP 166, each on its own.
    public static let national = PassMarks(twk: 65, tiu: 80, tkp: 166)

    public init(twk: Int, tiu: Int, tkp: Int) {
        marks = [.twk: twk, .tiu: tiu, .tkp: tkp]
    }

    /// Marks of any shape; `marks` must not be empty (a vacancy with no mark would pass
    /// everyone who sat the test, which no rule allows).
    public init(_ marks: [SKDMark: Int]) {
        precondition(!marks.isEmpty, "pass marks need at least one mark")
        self.marks = marks
    }

    public subscript(mark: SKDMark) -> Int? { marks[mark] }

    /// The marks given, in the order of `SKDMark.allCases`.
    public var given: [(mark: SKDMark, value: Int)] { SKDMark.allCases.compactMap { m in marks[m].map { (m, $0) } } }

    /// As they are written: `twk=65,tiu=80,tkp=166`, `total=311,tiu=85`.
    public var text: String { given.map { "\($0.mark.rawValue)=\($0.value)" }.joined(separator: ",") }

    /// As a snapshot and JSON output hold them: `{"total": 311, "tiu": 85}`, the marks there are.
    public var json: JSON { .object(JSONObject(given.map { ($0.mark.rawValue, JSON($0.value)) })) }

    /// In words, for announcements: "TWK 65, TIU 80, TKP 166, each on its own", "total 311, TIU
    /// 85; the total is TWK + TIU + TKP".
    public var words: Message {
        let each = given.map { "\($0.mark.name) \($0.value)" }.joined(separator: ", ")
        return marks[.total] == nil ? "\(each), each on its own" : "\(each); the total is TWK + TIU + TKP"
    }

    /// Reads marks as written (`total=311,tiu=85`): each mark at most once, each a whole number
    /// from 0 to the most its score can reach. The marks are exactly those written: a mark not
    /// named checks nothing.
    public init(parsing text: String) throws {
        var m: [SKDMark: Int] = [:]
        let names = SKDMark.allCases.map(\.rawValue)
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let kv = piece.split(separator: "=", omittingEmptySubsequences: false)
            let name = kv.first.map { $0.trimmingBlanks().lowercased() } ?? ""
            let value = kv.count == 2 ? kv[1].trimmingBlanks() : ""
            let digits = value.hasPrefix("-") ? value.dropFirst() : value[...]
            guard kv.count == 2, !name.isEmpty, !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw KemuningError.failed("bad pass marks '\(text)': expected MARK=NUMBER pairs with marks total, twk, tiu, tkp, like twk=65,tiu=80,tkp=166 or total=311,tiu=85")
            }
            guard let mark = SKDMark(rawValue: name) else {
                throw KemuningError.failed("bad pass mark '\(name)' in '\(text)': the marks are total, twk, tiu and tkp",
                                           hint: suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
            }
            guard m[mark] == nil else { throw KemuningError.failed("the \(mark.name) pass mark is given twice in '\(text)'") }
            guard let n = Int(value) else {
                throw KemuningError.failed("bad \(mark.name) pass mark '\(value)': too \(value.hasPrefix("-") ? "small (at least 0)" : "large (at most \(mark.maximum))")")
            }
            guard n >= 0, n <= mark.maximum else {
                throw KemuningError.failed("the \(mark.name) pass mark must be from 0 to \(mark.maximum), not \(n)")
            }
            m[mark] = n
        }
        if let problem = PassMarks.shapeProblem(m) {
            throw KemuningError.failed("bad pass marks '\(text)': \(problem)", hint: "write every mark the vacancy is checked against, like \(PassMarks([.twk: m[.twk] ?? 65, .tiu: m[.tiu] ?? 80, .tkp: m[.tkp] ?? 166]).text)")
        }
        self.init(m)
    }

    /// Why `marks` is not a shape a vacancy may have, or nil. Marks per part name all three
    /// parts, unless a total is given too: a general vacancy checks TWK, TIU and TKP each on its
    /// own, and a special one a total with any parts beside it (TIU, nationally). Before
    /// categories, `--pass-marks tkp=170` changed one part and kept the others; refusing a
    /// partial set makes such a script stop with a clear error instead of dropping two marks.
    public static func shapeProblem(_ marks: [SKDMark: Int]) -> Message? {
        if marks.isEmpty { return "at least one mark is needed" }
        guard marks[.total] == nil else { return nil }
        let missing = [SKDMark.twk, .tiu, .tkp].filter { marks[$0] == nil }
        guard missing.isEmpty else {
            return "marks per part name all three parts (twk, tiu, tkp), or come with a total; \(missing.map(\.rawValue).joined(separator: ", ")) not given"
        }
        return nil
    }
}

/// The kind of seat a vacancy offers. Every national round reserves some vacancies (formasi
/// khusus, "kebutuhan khusus") for cum laude graduates, the Indonesian diaspora, people with
/// disabilities, and sons and daughters of Papua and of disadvantaged regions (daerah
/// tertinggal). Their SKD marks have another shape: a cumulative total and a TIU mark, with
/// no mark for TWK or TKP on its own. Ranking, quota and every later stage are as for general
/// vacancies.
public enum VacancyCategory: String, CaseIterable, Sendable {
    case general, cumlaude, diaspora, disability, papua, disadvantaged

    /// Who the seats are for, in words.
    public var label: Message {
        switch self {
        case .general: return "general"
        case .cumlaude: return "cum laude graduates"
        case .diaspora: return "the Indonesian diaspora"
        case .disability: return "people with disabilities"
        case .papua: return "sons and daughters of Papua"
        case .disadvantaged: return "sons and daughters of disadvantaged regions"
        }
    }

    /// The marks announced for 2024, which a vacancy of this category starts with unless the
    /// store's policy for the category (`policy`) says otherwise.
    public var builtInMarks: PassMarks {
        switch self {
        case .general: return .national
        case .cumlaude, .diaspora: return PassMarks([.total: 311, .tiu: 85])
        case .disability, .papua, .disadvantaged: return PassMarks([.total: 286, .tiu: 60])
        }
    }

    /// The policy that holds this category's marks for the year (`policy set pass-marks-...`).
    public var policy: Policy {
        switch self {
        case .general: return .passMarksGeneral
        case .cumlaude: return .passMarksCumlaude
        case .diaspora: return .passMarksDiaspora
        case .disability: return .passMarksDisability
        case .papua: return .passMarksPapua
        case .disadvantaged: return .passMarksDisadvantaged
        }
    }

    /// The category whose marks `policy` holds, if it holds marks.
    public init?(policy: Policy) {
        guard let c = VacancyCategory.allCases.first(where: { $0.policy == policy }) else { return nil }
        self = c
    }
}

/// The marks `score` is below, in the order of `SKDMark.allCases`. Empty means passed: a score
/// exactly on its mark passes.
public func skdFailedMarks(_ score: SKDScore, marks: PassMarks) -> [SKDMark] {
    marks.given.filter { $0.mark.value(in: score) < $0.value }.map(\.mark)
}

/// Orders SKD results: total, then TKP, then TIU, then TWK, all descending.
public func skdOrder(_ a: SKDScore, _ b: SKDScore) -> Bool? {
    for (x, y) in [(a.total, b.total), (a.tkp, b.tkp), (a.tiu, b.tiu), (a.twk, b.twk)] where x != y {
        return x > y
    }
    return nil  // fully tied
}

/// What the SKD ranking decides for one candidate.
public enum SKDOutcome: String, Sendable, CaseIterable {
    /// Passed all marks and within the quota (or tied with the last in it): goes on to SKB.
    case skb
    /// Passed all marks, ranked below the quota.
    case outsideQuota = "outside-quota"
    /// Below at least one pass mark.
    case failedMarks = "failed-marks"
    /// Did not sit the test.
    case absent
}

public struct SKDRanked: Equatable, Sendable {
    /// Competition rank among those who sat the test ("1, 2, 2, 4"); nil for the absent.
    public var rank: Int?
    public var id: String
    public var score: SKDScore?
    public var outcome: SKDOutcome
    public var failed: [SKDMark]
}

/// Ranks a vacancy's SKD results and decides who goes on to SKB.
///
/// Among candidates who passed every mark of the vacancy, at most `quotaFactor` x `seats` go on, by
/// `skdOrder`; candidates fully tied with the last one admitted go on too, so the group may
/// exceed the quota. Everyone who sat the test gets a rank by the same order (those below a
/// mark after those who passed); the absent come last. Candidates fully tied are listed by id.
/// O(n log n) in the number of candidates.
public func skdRank(_ candidates: [(id: String, score: SKDScore?)], marks: PassMarks, seats: Int, quotaFactor: Int) -> [SKDRanked] {
    typealias Sat = (id: String, score: SKDScore, failed: [SKDMark])
    func before(_ a: Sat, _ b: Sat) -> Bool { skdOrder(a.score, b.score) ?? idOrder(a.id, b.id) }
    // The marks each candidate is below, found once.
    let sat: [Sat] = candidates.compactMap { c in c.score.map { (c.id, $0, skdFailedMarks($0, marks: marks)) } }
    let passed = sat.filter { $0.failed.isEmpty }.sorted(by: before)
    let failed = sat.filter { !$0.failed.isEmpty }.sorted(by: before)
    let quota = quotaFactor * seats
    var rows: [SKDRanked] = []
    rows.reserveCapacity(candidates.count)
    var lastAdmitted: SKDScore?
    for (k, c) in passed.enumerated() {
        let admit = k < quota || (lastAdmitted.map { skdOrder($0, c.score) == nil } ?? false)
        if admit { lastAdmitted = c.score }
        rows.append(SKDRanked(rank: nil, id: c.id, score: c.score, outcome: admit ? .skb : .outsideQuota, failed: []))
    }
    for c in failed {
        rows.append(SKDRanked(rank: nil, id: c.id, score: c.score, outcome: .failedMarks, failed: c.failed))
    }
    assignCompetitionRanks(&rows, count: sat.count) { a, b in skdOrder(a.score!, b.score!) == nil && (a.failed.isEmpty == b.failed.isEmpty) }
    for c in candidates where c.score == nil {
        rows.append(SKDRanked(rank: nil, id: c.id, score: nil, outcome: .absent, failed: []))
    }
    rows.sort { a, b in
        if a.outcome == .absent || b.outcome == .absent {
            return a.outcome != .absent && b.outcome == .absent || (a.outcome == .absent && b.outcome == .absent && idOrder(a.id, b.id))
        }
        return a.rank! != b.rank! ? a.rank! < b.rank! : idOrder(a.id, b.id)
    }
    return rows
}

/// Gives the first `count` rows ranks 1, 2, 2, 4, ...: a row tied with the one before shares its rank.
func assignCompetitionRanks(_ rows: inout [SKDRanked], count: Int, tied: (SKDRanked, SKDRanked) -> Bool) {
    for k in 0..<count {
        rows[k].rank = k > 0 && tied(rows[k - 1], rows[k]) ? rows[k - 1].rank : k + 1
    }
}

/// `P2` before `P10`: ids compare by prefix, then by number.
public func idOrder(_ a: String, _ b: String) -> Bool {
    if let (pa, na) = splitId(a), let (pb, nb) = splitId(b) {
        return pa != pb ? pa < pb : na < nb
    }
    return a < b
}

// MARK: SKB

/// SKB components and their weights in percent, which must add up to 100. The national rules
/// name two patterns (DOMAIN.md, "SKB"): regional governments give CAT at least 60% and at most
/// one other test up to 40% (default cat=60,practical=40); central agencies give CAT at least
/// 50%, interview at most 30% and certificate at most 20%, and no practical test.
/// `init(parsing:)` reads what a stored vacancy may hold; `init(national:)`, which `--skb`
/// uses, also insists on one of the two patterns.
public struct SKBScheme: Equatable, Sendable {
    public var weights: [(component: SKBComponent, weight: Int)]

    public static let regional = SKBScheme(weights: [(.cat, 60), (.practical, 40)])

    public static func == (a: SKBScheme, b: SKBScheme) -> Bool {
        a.weights.map(\.component) == b.weights.map(\.component) && a.weights.map(\.weight) == b.weights.map(\.weight)
    }

    public func weight(_ c: SKBComponent) -> Int? { weights.first { $0.component == c }?.weight }

    public var text: String { weights.map { "\($0.component.rawValue)=\($0.weight)" }.joined(separator: ",") }

    /// Parses `cat=60,practical=40`: whole percents adding up to 100, CAT at least 50%. Lenient
    /// on purpose: a store written before the national patterns were checked holds schemes such
    /// as `cat=50,practical=40,certificate=10`, and it must still open.
    public init(parsing text: String) throws {
        var w: [(SKBComponent, Int)] = []
        for piece in text.split(separator: ",") {
            let kv = piece.split(separator: "=", omittingEmptySubsequences: false)
            guard kv.count == 2, let n = Int(kv[1].trimmingBlanks()) else {
                throw KemuningError.failed("bad SKB scheme '\(text)': expected COMPONENT=WEIGHT pairs, like cat=60,practical=40")
            }
            let name = kv[0].trimmingBlanks()
            guard let c = SKBComponent(rawValue: name) else {
                let hint = suggestion(for: name, among: SKBComponent.allCases.map(\.rawValue))
                throw KemuningError.failed("bad SKB component '\(name)': expected \(SKBComponent.allCases.map(\.rawValue).joined(separator: ", "))",
                                           hint: hint.map { "did you mean '\($0)'?" })
            }
            guard n > 0, n <= 100 else { throw KemuningError.failed("SKB weight of \(name) must be from 1 to 100, not \(n)") }
            guard !w.contains(where: { $0.0 == c }) else { throw KemuningError.failed("SKB component \(name) is given twice") }
            w.append((c, n))
        }
        let sum = w.reduce(0) { $0 + $1.1 }
        guard sum == 100 else {
            throw KemuningError.failed("SKB weights add up to \(sum), not 100: \(text)")
        }
        guard let cat = w.first(where: { $0.0 == .cat }) else {
            throw KemuningError.failed("an SKB scheme needs the CAT test: \(text)")
        }
        // Both national patterns give CAT at least 50%.
        guard cat.1 >= 50 else {
            throw KemuningError.failed("CAT must weigh at least 50% of SKB, not \(cat.1)%: \(text)")
        }
        self.weights = w.map { (component: $0.0, weight: $0.1) }
    }

    /// Parses as `init(parsing:)` and refuses a scheme that fits neither national pattern,
    /// naming why it misses each: `cat=50,practical=40,interview=10: a regional scheme has at
    /// most one test besides CAT; a central one gives practical no weight`.
    public init(national text: String) throws {
        try self.init(parsing: text)
        if let (regional, central) = patternMisses {
            throw KemuningError.failed("\(self.text): \(regional); \(central)")
        }
    }

    /// The pattern this scheme fits, or nil for neither.
    public var pattern: SKBPattern? {
        if regionalMiss == nil { return .regional }
        if centralMiss == nil { return .central }
        return nil
    }

    /// Why the scheme misses each pattern; nil when it fits one.
    public var patternMisses: (regional: Message, central: Message)? {
        guard let r = regionalMiss, let c = centralMiss else { return nil }
        return (r, c)
    }

    /// Regional: CAT at least 60%, and at most one other test, of at most 40%.
    var regionalMiss: Message? {
        let others = weights.filter { $0.component != .cat }
        if others.count > 1 { return "a regional scheme has at most one test besides CAT" }
        if let o = others.first, o.weight > 40 {
            return "a regional scheme gives CAT at least 60% and its other test at most 40%, not \(o.component.rawValue)=\(o.weight)"
        }
        return nil
    }

    /// Central: CAT at least 50% (checked by the parser), interview at most 30%, certificate
    /// at most 20%, no practical test.
    var centralMiss: Message? {
        if weight(.practical) != nil { return "a central one gives practical no weight" }
        if let n = weight(.interview), n > 30 { return "a central one gives interview at most 30%, not \(n)%" }
        if let n = weight(.certificate), n > 20 { return "a central one gives certificate at most 20%, not \(n)%" }
        return nil
    }

    public init(weights: [(SKBComponent, Int)]) {
        self.weights = weights.map { (component: $0.0, weight: $0.1) }
    }
}

/// The two national SKB patterns.
public enum SKBPattern: String, Sendable {
    case regional, central
}

public enum SKBComponent: String, CaseIterable, Sendable {
    case cat, practical, interview, certificate
}

/// The CAT raw score on a 0-100 scale: raw / maximum x 100. The maximum differs by year (500 or 550).
public func catScaled(_ raw: Int, maximum: Int) -> Rational { Rational(Int128(raw) * 100, Int128(maximum)) }

/// The interview score on 0-100: the mean of every item of every panel member's sheet, / 5 x 100.
public func interviewScore(_ sheets: [[Int]]) -> Rational? {
    let items = sheets.flatMap { $0 }
    guard !items.isEmpty else { return nil }
    return Rational(Int128(items.reduce(0, +)) * 20, Int128(items.count))
}

/// The SKB score: the weighted sum of the scheme's components, each on 0-100.
public func skbScore(_ components: [SKBComponent: Rational], scheme: SKBScheme) -> Rational? {
    var sum = Rational.zero
    for (c, w) in scheme.weights {
        guard let v = components[c] else { return nil }
        sum = sum + v * Rational(Int128(w), 100)
    }
    return sum
}

/// Final = 40% SKD + 60% SKB, both on 0-100 (SKD scaled as total / 550 x 100).
public func finalScore(skdTotal: Int, skb: Rational) -> Rational {
    Rational(Int128(skdTotal) * 40, Int128(SKDPart.totalMaximum)) + skb * Rational(6, 10)
}

public struct FinalCandidate: Sendable {
    public var id: String
    public let skd: SKDScore
    public let skb: Rational
    public let gpa: ExactDecimal?
    public let gpaScale: GPAScale
    public var born: Day

    public init(id: String, skd: SKDScore, skb: Rational, gpa: ExactDecimal?, gpaScale: GPAScale = .ipk, born: Day) {
        self.id = id
        self.skd = skd
        self.skb = skb
        self.gpa = gpa
        self.gpaScale = gpaScale
        self.born = born
        self.final = finalScore(skdTotal: skd.total, skb: skb)
        self.gpaOnHundred = gpa.map(gpaScale.onHundred)
    }

    /// The GPA as a share of 100, what the tie-break compares, so that an IPK and a school
    /// average in one vacancy compare like with like (IPK 3.40 ties with an average of 85.00).
    public let gpaOnHundred: Rational?

    /// Computed once: sorting compares it O(n log n) times.
    public let final: Rational
}

public struct FinalRanked: Sendable {
    public var rank: Int
    public var candidate: FinalCandidate
    public var final: Rational
    public var passed: Bool
    /// Which rule put this candidate below the one before it, for transparency: "final",
    /// "skd", "tkp", "tiu", "twk", "gpa", "age", or "id" when every rule tied.
    public var decidedBy: String?
}

/// Orders two final candidates: final score, SKD total, TKP, TIU, TWK, GPA, then the older
/// applicant. Returns the deciding rule, or nil when all of them tie.
public func finalOrder(_ a: FinalCandidate, _ b: FinalCandidate) -> (before: Bool, rule: String)? {
    let fa = a.final, fb = b.final
    if fa != fb { return (fa > fb, "final") }
    if a.skd.total != b.skd.total { return (a.skd.total > b.skd.total, "skd") }
    if a.skd.tkp != b.skd.tkp { return (a.skd.tkp > b.skd.tkp, "tkp") }
    if a.skd.tiu != b.skd.tiu { return (a.skd.tiu > b.skd.tiu, "tiu") }
    if a.skd.twk != b.skd.twk { return (a.skd.twk > b.skd.twk, "twk") }
    let ga = a.gpaOnHundred, gb = b.gpaOnHundred
    if ga != gb {
        switch (ga, gb) {
        case (nil, _): return (false, "gpa")
        case (_, nil): return (true, "gpa")
        default: return (ga! > gb!, "gpa")
        }
    }
    if a.born != b.born { return (a.born < b.born, "age") }
    return nil
}

/// Ranks the candidates who sat SKB; the first `seats` pass. Candidates tied on every rule are
/// ordered by id (registration order) so the result is always the same; the published list
/// says so in `decidedBy`. O(n log n).
public func finalRank(_ candidates: [FinalCandidate], seats: Int) -> [FinalRanked] {
    let sorted = candidates.sorted { a, b in finalOrder(a, b)?.before ?? idOrder(a.id, b.id) }
    var out: [FinalRanked] = []
    out.reserveCapacity(sorted.count)
    for (k, c) in sorted.enumerated() {
        var decided: String?
        if k > 0 { decided = finalOrder(sorted[k - 1], c)?.rule ?? "id" }
        out.append(FinalRanked(rank: k + 1, candidate: c, final: c.final, passed: k < seats, decidedBy: decided))
    }
    return out
}

// MARK: education

extension Education {
    /// Whether an applicant's qualification meets one of a vacancy's: a bare level (`S1`)
    /// accepts any field at that level; a level with a field (`S1 Akuntansi`) needs that field.
    /// A vacancy that lists none accepts everyone.
    public static func matches(_ applicant: String?, accepted: [String]) -> Bool {
        guard !accepted.isEmpty else { return true }
        guard let a = applicant else { return false }
        let aLevel = a.split(separator: " ").first.map(String.init) ?? ""
        for q in accepted {
            let parts = q.split(separator: " ", maxSplits: 1)
            if parts.count == 1 {
                if parts[0] == aLevel { return true }
            } else if q.lowercased() == a.lowercased() {
                return true
            }
        }
        return false
    }
}


// MARK: Age limits

/// The youngest and oldest an applicant may be, in completed years, on the vacancy's closing
/// date (DOMAIN.md, "Age limits"). `max` nil: no upper limit.
public struct AgeLimits: Equatable, Sendable {
    public var min: Int
    public var max: Int?

    public init(min: Int, max: Int?) {
        self.min = min
        self.max = max
    }

    /// The defaults by type. CPNS: 18 to 35 at the time of applying (PP 11/2017 art. 23, read as
    /// the closing date of registration, as the national announcements do). PPPK: at least 20
    /// and at most one year before the position's retirement age (PP 49/2018 art. 16); Kemuning
    /// takes 56, one year before 58, the retirement age of administrative posts and of most
    /// first-level functional posts, as a default to set per vacancy.
    public static func defaults(type: String) -> AgeLimits {
        type == "pppk" ? AgeLimits(min: 20, max: 56) : AgeLimits(min: 18, max: 35)
    }

    /// Why someone born on `born` may not apply when the limits are counted on `day`; nil when
    /// they may. Ages are completed years: a limit of 35 takes everyone up to the day before
    /// their 36th birthday.
    public func problem(born: Day, on day: Day) -> Message? {
        let a = age(born: born, on: day)
        if a < min { return "is \(a) on \(day), younger than the minimum age of \(min)" }
        if let max, a > max { return "is \(a) on \(day), older than the maximum age of \(max)" }
        return nil
    }
}

/// Age in completed years on `day`: the birthday counts from the day itself. Someone born on
/// 29 February turns a year older on 1 March in a year that has no 29 February.
public func age(born: Day, on day: Day) -> Int {
    var years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day) { years -= 1 }
    return years
}
