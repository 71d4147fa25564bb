import KemuningCore
/// The rules behind the filters of the list commands (`complaint list --overdue`, `request list
/// --late`): what "open", "late" and "overdue" mean, in one place each, so a list and a report
/// never disagree about a record.

extension ServiceRequest {
    /// Not finished yet.
    public var isOpen: Bool { done == nil }

    /// Days taken: to the day it was done, or to `today` while it is open.
    public func daysTaken(today: Day) -> Int { received.days(to: done ?? today) }

    /// Later than the standard: finished later than it allows, or still open past it. A request
    /// open on the very last day of its standard is not late yet; the day after, it is.
    public func isLate(standard: Int, today: Day) -> Bool { lateness(days: daysTaken(today: today), standard: standard) }
}

extension Complaint {
    /// Not resolved yet.
    public var isOpen: Bool { resolved == nil }
}

/// Where a complaint stands against its two deadlines as of a day.
public struct ComplaintStatus: Equatable, Sendable {
    /// The deadline of the first response, and of the resolution.
    public var responseDeadline: Day
    public var resolutionDeadline: Day
    /// The step still to take (`response`, then `resolution`); nil once resolved.
    public var next: ComplaintStage?
    /// The deadline of the next step; nil once resolved.
    public var nextDeadline: Day?
    /// A step not taken yet and already past its deadline: on the deadline day itself the
    /// complaint is not overdue, the day after it is.
    public var overdue: Bool
}

/// A complaint's deadlines and whether it is overdue as of `today`, under the store's policies
/// (the days per kind, calendar or working days), as `overdueComplaints` counts them.
public func complaintStatus(_ state: some RecordReader, _ c: Complaint, today: Day) -> ComplaintStatus {
    let working = countsWorkingDays(state)
    func deadline(_ stage: ComplaintStage) -> Day {
        complaintDeadline(received: c.received, days: complaintDays(state, kind: c.kind, stage: stage), countingWorkingDays: working)
    }
    let response = deadline(.response), resolution = deadline(.resolution)
    let next: ComplaintStage? = c.resolved != nil ? nil : (c.responded == nil ? .response : .resolution)
    var overdue = false
    if c.resolved == nil {
        let elapsed = daysBetween(c.received, today, working: working)
        if c.responded == nil && elapsed > complaintDays(state, kind: c.kind, stage: .response) { overdue = true }
        if elapsed > complaintDays(state, kind: c.kind, stage: .resolution) { overdue = true }
    }
    return ComplaintStatus(responseDeadline: response, resolutionDeadline: resolution, next: next,
                           nextDeadline: next.map { $0 == .response ? response : resolution }, overdue: overdue)
}

/// `isLate(days:standard:)` by another name, for the members named `isLate` that use it (a
/// module-qualified call would not build where the sources are compiled as one module: fuzz).
private func lateness(days: Int, standard: Int) -> Bool { isLate(days: days, standard: standard) }
