import KemuningCore
/// What each step of `vacancy advance` requires (DOMAIN.md, "Stages and what each step
/// checks"): registration closed before screening, every application screened and the objection
/// window shut before SKD, every SKD result in before SKB, every SKB score in before the final
/// results.

/// Why a vacancy cannot move to its next stage yet.
public enum AdvanceRefusal: MessageError, Equatable, Sendable {
    /// A draft is announced, not advanced.
    case draft(vacancy: String)
    /// Registration is still open: screening starts the day after it closes.
    case registrationOpen(vacancy: String, closes: Day, today: Day)
    /// Applications without a screening result (all of them, in order).
    case notScreened([String])
    /// A failed screening result of `resultOf` may still be objected to until `until`.
    case objectionWindowOpen(resultOf: Day, until: Day, today: Day)
    /// Candidates screened in without an SKD result (all of them, in order).
    case skdMissing([String])
    /// A closed vacancy has no next stage.
    case closed(vacancy: String)

    public var message: Message {
        switch self {
        case .draft(let id):
            return "\(id) is a draft: announce it first"
        case .registrationOpen(let id, let closes, _):
            return "registration for \(id) is open until \(closes); screening starts after it closes"
        case .notScreened(let pending):
            return "\(Message.count(pending.count, "application is", "applications are")) not screened yet: \(pending.prefix(5).joined(separator: ", "))\(pending.count > 5 ? ", ..." : "")"
        case .objectionWindowOpen(let d, let until, _):
            return "the objection window for screening results of \(d) is open until \(until); SKD starts after it"
        case .skdMissing(let missing):
            return "\(Message.count(missing.count, "candidate has", "candidates have")) no SKD result yet: \(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", ..." : "")"
        case .closed(let id):
            return "\(id) is closed"
        }
    }

    public var hint: Message? {
        switch self {
        case .draft(let id): return "vacancy announce \(id) --channel portal"
        case .registrationOpen(_, _, let today), .objectionWindowOpen(_, _, let today): return "the session's date is \(today) (set today DATE)"
        case .skdMissing: return "record it with 'skd P --twk N --tiu N --tkp N', or 'skd P --absent'"
        case .notScreened, .closed: return nil
        }
    }
}

/// What the step forward found, recorded with it as its decision.
public enum AdvanceSummary: Equatable, Sendable {
    /// Into screening: the applications there are to screen.
    case toScreen(applications: Int)
    /// Into SKD: how many passed screening, of how many.
    case screened(passed: Int, of: Int)
    /// Into SKB: how many were admitted.
    case admittedToSKB(Int)
    /// Into final: how many passed the final ranking, of how many ranked.
    case finalResults(passed: Int, of: Int)
    /// Into closed.
    case closing

    public var message: Message {
        switch self {
        case .toScreen(let n): return "\(n) applications to screen"
        case .screened(let passed, let n): return "\(passed) of \(n) passed screening"
        case .admittedToSKB(let admitted): return admitted == 1 ? "\(admitted) goes on to SKB" : "\(admitted) go on to SKB"
        case .finalResults(let passed, let n): return "\(passed) passed of \(n)"
        case .closing: return "closed"
        }
    }
}

/// Checks that `round.vacancy` may move to its next stage on `today`, and says what the step
/// found. Throws an `AdvanceRefusal` when a requirement is not met, and the final ranking's
/// error while an SKB score is missing.
public func advanceSummary(_ round: RoundView, today: Day) throws -> AdvanceSummary {
    let v = round.vacancy
    switch v.state {
    case .draft:
        throw AdvanceRefusal.draft(vacancy: v.id)
    case .announced:
        guard let closes = v.closes, today > closes else {
            throw AdvanceRefusal.registrationOpen(vacancy: v.id, closes: v.closes!, today: today)
        }
        return .toScreen(applications: round.active.count)
    case .screening:
        // A withdrawn application needs no result.
        let pending = round.active.filter { $0.screening == nil }
        guard pending.isEmpty else { throw AdvanceRefusal.notScreened(pending.map(\.id)) }
        // Objections may still come for a failed result while its window is open.
        let lastFail = round.active.compactMap { p -> Day? in p.screening!.pass ? nil : p.screening!.date }.max()
        if let d = lastFail, today <= d.adding(days: v.objectionDays) {
            throw AdvanceRefusal.objectionWindowOpen(resultOf: d, until: d.adding(days: v.objectionDays), today: today)
        }
        return .screened(passed: round.screenedIn.count, of: round.active.count)
    case .skd:
        let missing = round.screenedIn.filter { $0.skd == nil }
        guard missing.isEmpty else { throw AdvanceRefusal.skdMissing(missing.map(\.id)) }
        return .admittedToSKB(round.admittedToSKB().count)
    case .skb:
        let rows = try round.finalRanking()
        return .finalResults(passed: rows.filter(\.passed).count, of: rows.count)
    case .final:
        return .closing
    case .closed:
        throw AdvanceRefusal.closed(vacancy: v.id)
    }
}
