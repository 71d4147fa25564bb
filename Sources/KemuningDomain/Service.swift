import KemuningCore
/// Public services, the requests they serve, complaints about them and discussion forums with
/// the public (see DOMAIN.md, "Service standards, response times and complaints").
///
/// A service has a standard completion time (PermenPANRB 15/2014): a request finished later
/// than that many days after it was received is late. A complaint (SP4N-LAPOR!) must get a
/// first response within 3 days and be resolved within 5 (information request or simple
/// complaint), 14 (dispute without a field check) or 60 days (field examination); the days and
/// whether they are calendar or working days are policies.

/// A public service with its standard completion time.
public struct Service: StoredRecord, Equatable, Sendable {
    public static let kind = "service"
    public static let prefix = "S"
    public static let label: Message = "service"
    public var id: String
    public var name: String
    public var unit: String
    /// The service standard: days from receiving a request to finishing it.
    public var standardDays: Int
    /// The positions (jabatan) of the staff who serve it; the feedback loop analyses their workload.
    public var positions: [String]
    /// The standard counts working days (Monday to Friday, holidays skipped), not calendar days.
    public var workingDays: Bool

    public init(id: String, name: String, unit: String, standardDays: Int, positions: [String] = [], workingDays: Bool = false) {
        self.id = id
        self.name = name
        self.unit = unit
        self.standardDays = standardDays
        self.positions = positions
        self.workingDays = workingDays
    }

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("name", .string(name)), ("unit", .string(unit)),
                            ("standardDays", JSON(standardDays)), ("positions", .array(positions.map { .string($0) }))])
        // Written only when set, so a calendar-day service reads as before.
        if workingDays { o["workingDays"] = .bool(true) }
        return .object(o)
    }

    /// The days a request took, as this service's standard counts them.
    public func days(_ r: ServiceRequest, holidays: Set<Day>) -> Int? {
        guard let done = r.done else { return nil }
        return workingDays ? countWorkingDays(from: r.received, to: done, holidays: holidays) : r.received.days(to: done)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "service")
        id = try f.string("id")
        name = try f.string("name")
        unit = try f.string("unit")
        standardDays = try f.int("standardDays", in: Bounds.standardDays)
        positions = f.object["positions"] == nil ? [] : try f.strings("positions")
        if let v = f.object["workingDays"] {
            guard let b = v.boolValue else { throw RecordError("service 'workingDays' is not true or false") }
            workingDays = b
        } else {
            workingDays = false
        }
    }
}

/// One request for a service: when it came in and, once finished, when it was done.
public struct ServiceRequest: StoredRecord, Equatable, Sendable {
    public static let kind = "request"
    public static let prefix = "R"
    public static let label: Message = "request"
    public var id: String
    public var service: String
    public var received: Day
    public var done: Day?

    public init(id: String, service: String, received: Day, done: Day? = nil) {
        self.id = id
        self.service = service
        self.received = received
        self.done = done
    }

    /// Calendar days from receipt to completion; nil while open.
    public var days: Int? { done.map { received.days(to: $0) } }

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("service", .string(service)), ("received", .string(received.description))])
        o["done"] = done.map { .string($0.description) } ?? .null
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "request")
        id = try f.string("id")
        service = try f.string("service")
        received = try f.day("received")
        done = try f.optionalDay("done")
    }
}

/// A complaint about a service, through SP4N-LAPOR! or another channel.
public struct Complaint: StoredRecord, Equatable, Sendable {
    public static let kind = "complaint"
    public static let prefix = "C"
    public static let label: Message = "complaint"
    public static let channels = ["lapor", "web", "sms", "walk-in"]
    /// `info` an information request, `complaint` a simple complaint, `dispute` a dispute without
    /// a field check, `field` one needing a field examination.
    public static let kinds = ["info", "complaint", "dispute", "field"]

    public var id: String
    public var service: String
    public var channel: String
    /// One of `Complaint.kinds`.
    public var kind: String
    public var received: Day
    /// The first response.
    public var responded: Day?
    public var resolved: Day?

    public init(id: String, service: String, channel: String, kind: String, received: Day, responded: Day? = nil, resolved: Day? = nil) {
        self.id = id
        self.service = service
        self.channel = channel
        self.kind = kind
        self.received = received
        self.responded = responded
        self.resolved = resolved
    }

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("service", .string(service)), ("channel", .string(channel)),
                            ("kind", .string(kind)), ("received", .string(received.description))])
        o["responded"] = responded.map { .string($0.description) } ?? .null
        o["resolved"] = resolved.map { .string($0.description) } ?? .null
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "complaint")
        id = try f.string("id")
        service = try f.string("service")
        channel = try f.string("channel")
        kind = try f.string("kind")
        received = try f.day("received")
        responded = try f.optionalDay("responded")
        resolved = try f.optionalDay("resolved")
    }
}

/// A discussion forum with the public (forum konsultasi publik): issues raised and recommendations.
public struct Forum: StoredRecord, Equatable, Sendable {
    public static let kind = "forum"
    public static let prefix = "F"
    public static let label: Message = "forum"

    public struct Note: Equatable, Sendable {
        public var issue: String
        public var recommend: String?

        public init(issue: String, recommend: String? = nil) {
            self.issue = issue
            self.recommend = recommend
        }
    }

    public var id: String
    public var date: Day
    public var topic: String
    public var participants: Int
    public var notes: [Note]

    public init(id: String, date: Day, topic: String, participants: Int, notes: [Note] = []) {
        self.id = id
        self.date = date
        self.topic = topic
        self.participants = participants
        self.notes = notes
    }

    public var json: JSON {
        .object(JSONObject([
            ("id", .string(id)), ("date", .string(date.description)), ("topic", .string(topic)), ("participants", JSON(participants)),
            ("notes", .array(notes.map { n in
                var o = JSONObject([("issue", .string(n.issue))])
                o["recommend"] = n.recommend.map { .string($0) } ?? .null
                return .object(o)
            })),
        ]))
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "forum")
        id = try f.string("id")
        date = try f.day("date")
        topic = try f.string("topic")
        participants = try f.int("participants", in: Bounds.participants)
        var notes: [Note] = []
        if let list = f.object["notes"] {
            guard let items = list.arrayValue else { throw RecordError("forum 'notes' is not a list") }
            for item in items {
                let n = try Fields(item, "forum note")
                notes.append(Note(issue: try n.string("issue"), recommend: try n.optionalString("recommend")))
            }
        }
        self.notes = notes
    }
}

// MARK: rules

/// A request that took `days` is late when it took longer than the service standard.
/// Finishing exactly on the standard is on time.
public func isLate(days: Int, standard: Int) -> Bool { days > standard }

/// The share of requests that were late, as a fraction from 0 to 1; nil when there are none.
public func lateShare(late: Int, of count: Int) -> Rational? {
    count == 0 ? nil : Rational(Int128(late), Int128(count))
}

/// The share of these completion times later than the standard; nil for none.
public func lateShare(_ days: [Int], standard: Int) -> Rational? {
    lateShare(late: days.filter { isLate(days: $0, standard: standard) }.count, of: days.count)
}

/// The exact median of whole days, to 1 decimal (the mean of the middle two for an even count).
public func medianDays(_ days: [Int]) -> ExactDecimal? { spread(days)?.median }

/// Monday 0 ... Sunday 6 (1970-01-01, ordinal 0, was a Thursday).
public func weekdayIndex(_ d: Day) -> Int { ((d.ordinal % 7) + 7 + 3) % 7 }

/// Saturday or Sunday.
public func isWeekend(_ d: Day) -> Bool { weekdayIndex(d) >= 5 }

/// Days from `from` to `to`, not counting `from` itself: calendar days, or working days (Monday
/// to Friday, no holidays) when `working`. Negative when `to` is earlier.
public func daysBetween(_ from: Day, _ to: Day, working: Bool) -> Int {
    guard working else { return from.days(to: to) }
    if to < from { return -daysBetween(to, from, working: true) }
    let total = from.days(to: to)
    var count = (total / 7) * 5
    var d = from.adding(days: (total / 7) * 7)
    while d < to {
        d = d.adding(days: 1)
        if !isWeekend(d) { count += 1 }
    }
    return count
}

/// The last day for a complaint step allowed `days` days from `received`: `days` calendar days
/// later, or the `days`-th working day after it (Saturday, Sunday and `holidays` skipped).
public func complaintDeadline(received: Day, days: Int, countingWorkingDays: Bool = false, holidays: Set<Day> = []) -> Day {
    guard countingWorkingDays else { return received.adding(days: days) }
    return addingWorkingDays(days, to: received, holidays: holidays)
}

/// Days from `from` to `to` as a complaint step counts them: calendar days, or working days
/// with `holidays` skipped.
public func daysBetween(_ from: Day, _ to: Day, working: Bool, holidays: Set<Day>) -> Int {
    working ? workingDays(from: from, to: to, holidays: holidays) : from.days(to: to)
}

/// The two steps of handling a complaint.
public enum ComplaintStage: String, Sendable {
    case response, resolution
}

/// Days allowed for a complaint step under the store's policies.
public func complaintDays(_ state: some RecordReader, kind: String, stage: ComplaintStage) -> Int {
    switch stage {
    case .response: return state.policyInt(.complaintResponseDays)
    case .resolution:
        switch kind {
        case "info": return state.policyInt(.complaintInfoDays)
        case "dispute": return state.policyInt(.complaintDisputeDays)
        case "field": return state.policyInt(.complaintFieldDays)
        default: return state.policyInt(.complaintComplaintDays)
        }
    }
}

/// Whether the store counts complaint deadlines in working days.
public func countsWorkingDays(_ state: some RecordReader) -> Bool { state.policy(.complaintDayCount) == "working" }

// MARK: for reports and the feedback loop

/// How one service's finished requests went.
public struct ServiceTiming {
    public var service: Service
    /// Finished requests counted.
    public var count: Int
    /// How many of them were later than the standard.
    public var late: Int
    /// The median days, exact to 1 decimal; nil when none finished.
    public var median: ExactDecimal?
    /// late / count as a fraction from 0 to 1 (not a percent); nil when none finished.
    public var lateShare: Rational?

    public init(service: Service, count: Int, late: Int, median: ExactDecimal?, lateShare: Rational?) {
        self.service = service
        self.count = count
        self.late = late
        self.median = median
        self.lateShare = lateShare
    }
}

/// Every service, in the order added, with its finished requests (those done from `from` to
/// `to`, both included, when given). A service with none has count 0 and no median or share.
public func serviceTimings(_ state: some RecordReader, from: Day?, to: Day?) throws -> [ServiceTiming] {
    let services = try state.records(Service.self)
    let working = Set(services.filter(\.workingDays).map(\.id))
    let holidays = working.isEmpty ? [] : try holidayDates(state)
    var days: [String: [Int]] = [:]
    for r in try state.records(ServiceRequest.self) {
        guard let done = r.done, var d = r.days else { continue }
        if let from, done < from { continue }
        if let to, done > to { continue }
        if working.contains(r.service) { d = workingDays(from: r.received, to: done, holidays: holidays) }
        days[r.service, default: []].append(d)
    }
    return services.map { s in
        let list = days[s.id] ?? []
        let late = list.filter { isLate(days: $0, standard: s.standardDays) }.count
        return ServiceTiming(service: s, count: list.count, late: late, median: medianDays(list), lateShare: lateShare(late: late, of: list.count))
    }
}

/// A complaint step past its deadline.
public struct OverdueComplaint {
    public var complaint: Complaint
    public var service: Service?
    /// "response" or "resolution".
    public var stage: String
    public var deadline: Day
    /// Days (calendar or working, as the policy counts them) past the deadline: to the step's
    /// date when it was taken late, to today while it is still open.
    public var daysLate: Int
    /// The step is not taken yet.
    public var open: Bool

    public init(complaint: Complaint, service: Service?, stage: String, deadline: Day, daysLate: Int, open: Bool) {
        self.complaint = complaint
        self.service = service
        self.stage = stage
        self.deadline = deadline
        self.daysLate = daysLate
        self.open = open
    }
}

/// Complaint steps past their deadline as of `today`: open ones already past it, and those taken
/// after it. A complaint resolved with no recorded first response counts the resolution as its
/// response. With working-day counting, a step taken on the weekend after a Friday deadline is
/// not late (no working day has passed).
public func overdueComplaints(_ state: some RecordReader, today: Day) throws -> [OverdueComplaint] {
    let working = countsWorkingDays(state)
    let holidays = working ? try holidayDates(state) : []
    var out: [OverdueComplaint] = []
    for c in try state.records(Complaint.self) {
        let service = try state.record(Service.self, c.service)
        let steps: [(ComplaintStage, Day?)] = [(.response, c.responded ?? c.resolved), (.resolution, c.resolved)]
        for (stage, taken) in steps {
            let allowed = complaintDays(state, kind: c.kind, stage: stage)
            let elapsed = daysBetween(c.received, taken ?? today, working: working, holidays: holidays)
            guard elapsed > allowed else { continue }
            out.append(OverdueComplaint(complaint: c, service: service, stage: stage.rawValue,
                                        deadline: complaintDeadline(received: c.received, days: allowed, countingWorkingDays: working, holidays: holidays),
                                        daysLate: elapsed - allowed, open: taken == nil))
        }
    }
    return out
}

/// Every forum note that carries a recommendation, in the order recorded.
public func forumRecommendations(_ state: some RecordReader) throws -> [(forum: Forum, issue: String, recommend: String)] {
    var out: [(forum: Forum, issue: String, recommend: String)] = []
    for f in try state.records(Forum.self) {
        for n in f.notes {
            if let r = n.recommend { out.append((forum: f, issue: n.issue, recommend: r)) }
        }
    }
    return out
}

/// `workingDays(from:to:holidays:)` by another name, for code inside a type that has a member
/// named `workingDays` (a module-qualified call would not build where the sources are compiled
/// as one module: fuzz).
private func countWorkingDays(from: Day, to: Day, holidays: Set<Day>) -> Int { workingDays(from: from, to: to, holidays: holidays) }
