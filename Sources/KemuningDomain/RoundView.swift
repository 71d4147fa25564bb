import KemuningCore
/// Derived views of a selection round: who passed what, computed from the recorded scores with
/// the vacancy's frozen settings, so the same inputs always give the same ranking. It is made
/// of values (the vacancy, its applications and their applicants), so a rule or a test can
/// build one without a store.
public struct RoundView: Sendable {
    public let vacancy: Vacancy
    /// The vacancy's applications, in the order they were made: found when asked, since many
    /// commands need only who went on to SKB, which is known once the vacancy is past SKD.
    public var applications: [Application] { applicationsOf() }
    let applicationsOf: @Sendable () -> [Application]
    /// The applicant of each of those applications, by id: a lookup, not a copy, since a round
    /// view is made for every command about the vacancy (2,000 applicants a vacancy nationally).
    let applicantNamed: @Sendable (String) -> Applicant?
    /// Who went on to SKB, when already known (it cannot change once the vacancy is past SKD).
    let knownAdmitted: Set<String>?

    /// `applicant` finds at least the applicant of every application given.
    public init(vacancy: Vacancy, applications: @escaping @Sendable () -> [Application],
                applicant: @escaping @Sendable (String) -> Applicant?, admitted: Set<String>? = nil) {
        self.vacancy = vacancy
        self.applicationsOf = applications
        self.applicantNamed = applicant
        self.knownAdmitted = admitted
    }

    /// A round of plain values: `applicants` holds at least the applicant of every application.
    public init(vacancy: Vacancy, applications: [Application], applicants: [String: Applicant], admitted: Set<String>? = nil) {
        self.init(vacancy: vacancy, applications: { applications }, applicant: { applicants[$0] }, admitted: admitted)
    }

    /// Applications that passed administrative screening (after objections): those the SKD
    /// ranks. One withdrawn before the vacancy moved on to SKB is not ranked (the next
    /// candidate may take its place); one withdrawn later keeps its place in the SKD ranking,
    /// which is fixed from then on, and takes none in the final ranking.
    public var screenedIn: [Application] { applications.filter { $0.screenedPass == true && !withdrewBeforeSKB($0) } }

    func withdrewBeforeSKB(_ p: Application) -> Bool {
        guard let w = p.withdrawal else { return false }
        guard let skb = vacancy.stages[.skb], vacancy.state >= .skb else { return true }
        return w.date < skb
    }

    /// Applications still taking part (not withdrawn).
    public var active: [Application] { applications.filter { $0.withdrawal == nil } }

    /// The applicant of one of the round's applications.
    public func applicant(of p: Application) -> Applicant { applicantNamed(p.applicant)! }

    /// The SKD ranking of everyone screened in.
    public func skdRanking() -> [SKDRanked] {
        skdRank(screenedIn.map { (id: $0.id, score: $0.skd?.score) }, marks: vacancy.passMarks,
                seats: vacancy.seats, quotaFactor: vacancy.quotaFactor)
    }

    /// Ids admitted to SKB.
    public func admittedToSKB() -> Set<String> {
        knownAdmitted ?? Set(skdRanking().filter { $0.outcome == .skb }.map(\.id))
    }

    public struct FinalRow: Sendable {
        public var rank: Int?
        public var application: Application
        public var applicant: Applicant
        public var skd: SKDScore
        public var skb: Rational?
        public var final: Rational?
        public var passed: Bool
        public var decidedBy: String?
    }

    /// The SKB components of one application on 0-100, or the first one missing.
    public func skbComponents(_ p: Application) -> Result<[SKBComponent: Rational], KemuningError> {
        var c: [SKBComponent: Rational] = [:]
        for (component, _) in vacancy.skb.weights {
            switch component {
            case .cat:
                guard let raw = p.skb?.cat else { return .failure(.failed("\(p.id) has no CAT score")) }
                c[.cat] = catScaled(raw, maximum: vacancy.catMax)
            case .practical:
                guard let v = p.skb?.practical else { return .failure(.failed("\(p.id) has no practical score")) }
                c[.practical] = Rational(v)
            case .certificate:
                guard let v = p.skb?.certificate else { return .failure(.failed("\(p.id) has no certificate score")) }
                c[.certificate] = Rational(v)
            case .interview:
                guard let v = interviewScore(p.interviews.map { $0.scores.map(\.score) }) else {
                    return .failure(.failed("\(p.id) has no interview score"))
                }
                c[.interview] = v
            }
        }
        return .success(c)
    }

    /// The final ranking of those admitted to SKB. Those absent at SKB are listed last, failed.
    /// Throws, naming them, while an admitted candidate still lacks an SKB score.
    public func finalRanking() throws -> [FinalRow] {
        let admitted = admittedToSKB()
        var candidates: [FinalCandidate] = []
        var absent: [Application] = []
        var missing: [Message] = []
        var byId: [String: Application] = [:]
        for p in applications where admitted.contains(p.id) {
            // A candidate who withdrew after going on to SKB takes no place: listed last, as
            // one absent is, and the seat goes to the next in the ranking.
            if p.skb?.absent == true || p.withdrawal != nil {
                absent.append(p)
                continue
            }
            switch skbComponents(p) {
            case .failure(let e): missing.append(e.message)
            case .success(let comps):
                let a = applicant(of: p)
                byId[p.id] = p
                candidates.append(FinalCandidate(id: p.id, skd: p.skd!.score!, skb: skbScore(comps, scheme: vacancy.skb)!, gpa: a.gpa, gpaScale: a.gpaScale, born: a.born))
            }
        }
        if !missing.isEmpty {
            let shown = Message.joined(Array(missing.prefix(5)), separator: "; ")
            throw KemuningError.failed("SKB scores are missing: \(shown)\(missing.count > 5 ? "; and \(missing.count - 5) more" : "" as Message)",
                                       hint: "record them with 'skb P --cat N ...', or 'skb P --absent'")
        }
        var rows = finalRank(candidates, seats: vacancy.seats).map { r -> FinalRow in
            let p = byId[r.candidate.id]!
            return FinalRow(rank: r.rank, application: p, applicant: applicant(of: p), skd: r.candidate.skd,
                            skb: r.candidate.skb, final: r.final, passed: r.passed, decidedBy: r.decidedBy)
        }
        for p in absent {
            rows.append(FinalRow(rank: nil, application: p, applicant: applicant(of: p), skd: p.skd?.score ?? SKDScore(twk: 0, tiu: 0, tkp: 0),
                                 skb: nil, final: nil, passed: false, decidedBy: nil))
        }
        return rows
    }

    /// Applications that passed the final ranking of this vacancy.
    public func passedIds() -> Set<String> {
        guard vacancy.state >= .final, let rows = try? finalRanking() else { return [] }
        return Set(rows.filter(\.passed).map(\.application.id))
    }
}

extension Application {
    /// Whether the candidate passed every SKD mark of their vacancy.
    public func passedSKDMarks(_ v: Vacancy) -> Bool {
        guard let s = skd?.score else { return false }
        return skdFailedMarks(s, marks: v.passMarks).isEmpty
    }
}
