import KemuningCore
/// Optimalisasi (DOMAIN.md, "Optimalisasi"): the empty seats of a vacancy with final results go
/// to the best remaining candidates for the same position elsewhere.

/// One planned move of optimalisasi.
public struct OptimalisasiMove: Equatable, Sendable {
    /// The vacancy whose empty seat is filled.
    public var to: Vacancy
    /// The application that moves, as it is now.
    public var application: Application
    /// The vacancy it was made to.
    public var from: Vacancy
    /// Its final score, when it has one.
    public var final: Rational?

    public init(to: Vacancy, application: Application, from: Vacancy, final: Rational?) {
        self.to = to
        self.application = application
        self.from = from
        self.final = final
    }
}

/// Optimalisasi: each empty seat of a vacancy with final results goes to the best remaining
/// candidate for the same position whose qualification fits and who passed the SKD marks,
/// from the same unit first; among them by final score (with the final tie-breaks), and
/// candidates without a final score after those with one, by SKD.
///
/// `rounds` are the rounds of every vacancy with final results (final or closed), in the order
/// of the vacancies; `applications` are all the applications, of any vacancy (those already
/// moved are taken, and fill the seat they moved to).
public func optimalisasiPlan(rounds: [RoundView], applications: [Application]) -> [OptimalisasiMove] {
    var passedAnywhere = Set<String>()
    var finals: [String: FinalCandidate] = [:]
    for view in rounds {
        guard let rows = try? view.finalRanking() else { continue }
        for r in rows {
            if r.passed { passedAnywhere.insert(r.application.id) }
            if let skb = r.skb {
                finals[r.application.id] = FinalCandidate(id: r.application.id, skd: r.skd, skb: skb, gpa: r.applicant.gpa, gpaScale: r.applicant.gpaScale, born: r.applicant.born)
            }
        }
    }
    var taken = Set(applications.filter { $0.optimizedTo != nil }.map(\.id))
    var moves: [OptimalisasiMove] = []
    for round in rounds where round.vacancy.state == .final {
        let target = round.vacancy
        let filled = round.passedIds().count + applications.filter { $0.optimizedTo == target.id }.count
        var empty = target.seats - filled
        guard empty > 0 else { continue }
        var pool: [(Application, Vacancy, Bool)] = []
        for other in rounds where other.vacancy.id != target.id && other.vacancy.title == target.title {
            let from = other.vacancy
            for p in other.applications
            where !passedAnywhere.contains(p.id) && !taken.contains(p.id) && p.hired == nil && p.passedSKDMarks(from) {
                let a = other.applicant(of: p)
                if Education.matches(a.education, accepted: target.education) { pool.append((p, from, from.unit == target.unit)) }
            }
        }
        pool.sort { x, y in
            if x.2 != y.2 { return x.2 }
            let fx = finals[x.0.id], fy = finals[y.0.id]
            switch (fx, fy) {
            case let (a?, b?): return finalOrder(a, b)?.before ?? idOrder(a.id, b.id)
            case (_?, nil): return true
            case (nil, _?): return false
            default: return skdOrder(x.0.skd!.score!, y.0.skd!.score!) ?? idOrder(x.0.id, y.0.id)
            }
        }
        for (p, from, _) in pool where empty > 0 {
            moves.append(OptimalisasiMove(to: target, application: p, from: from, final: finals[p.id]?.final))
            taken.insert(p.id)
            empty -= 1
        }
    }
    return moves
}
