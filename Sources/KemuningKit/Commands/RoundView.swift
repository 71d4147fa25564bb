import KemuningCore
import KemuningDomain
import KemuningStore
/// Derived views of a selection round: who passed what, computed from the recorded scores with
/// the vacancy's frozen settings, so the same inputs always give the same ranking.
public struct RoundView {
    public let state: State
    public let vacancy: Vacancy
    /// Who went on to SKB, when already known (it cannot change once the vacancy is past SKD).
    let knownAdmitted: Set<String>?

    public init(_ state: State, _ vacancy: Vacancy, admitted: Set<String>? = nil) {
        self.state = state
        self.vacancy = vacancy
        self.knownAdmitted = admitted
    }

    public var applications: [Application] { state.applications(ofVacancy: vacancy.id) }

    /// Applications that passed administrative screening (after objections).
    public var screenedIn: [Application] { applications.filter { $0.screenedPass == true } }

    /// The SKD ranking of everyone screened in.
    public func skdRanking() -> [SKDRanked] {
        skdRank(screenedIn.map { (id: $0.id, score: $0.skd?.score) }, marks: vacancy.passMarks,
                seats: vacancy.seats, quotaFactor: vacancy.quotaFactor)
    }

    /// Ids admitted to SKB.
    public func admittedToSKB() -> Set<String> {
        knownAdmitted ?? Set(skdRanking().filter { $0.outcome == .skb }.map(\.id))
    }

    public struct FinalRow {
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
        for p in applications where admitted.contains(p.id) {
            if p.skb?.absent == true {
                absent.append(p)
                continue
            }
            switch skbComponents(p) {
            case .failure(let e): missing.append(e.message)
            case .success(let comps):
                let a = state.applicant(p.applicant)!
                candidates.append(FinalCandidate(id: p.id, skd: p.skd!.score!, skb: skbScore(comps, scheme: vacancy.skb)!, gpa: a.gpa, born: a.born))
            }
        }
        if !missing.isEmpty {
            let shown = Message.joined(Array(missing.prefix(5)), separator: "; ")
            throw KemuningError.failed("SKB scores are missing: \(shown)\(missing.count > 5 ? "; and \(missing.count - 5) more" : "" as Message)",
                                       hint: "record them with 'skb P --cat N ...', or 'skb P --absent'")
        }
        var rows = finalRank(candidates, seats: vacancy.seats).map { r -> FinalRow in
            let p = state.application(r.candidate.id)!
            return FinalRow(rank: r.rank, application: p, applicant: state.applicant(p.applicant)!, skd: r.candidate.skd,
                            skb: r.candidate.skb, final: r.final, passed: r.passed, decidedBy: r.decidedBy)
        }
        for p in absent {
            rows.append(FinalRow(rank: nil, application: p, applicant: state.applicant(p.applicant)!, skd: p.skd!.score!,
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
    /// Whether the candidate passed all three SKD marks of their vacancy.
    func passedSKDMarks(_ v: Vacancy) -> Bool {
        guard let s = skd?.score else { return false }
        return skdFailedParts(s, marks: v.passMarks).isEmpty
    }
}
