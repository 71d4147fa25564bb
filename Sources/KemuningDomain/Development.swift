import KemuningCore
/// Competency development of staff: trainings and their JP (lesson hours), mentoring of new
/// staff by seniors, and the yearly performance appraisal (SKP). The rules are in DOMAIN.md
/// ("Development"): 20 JP a year (PP 11/2017), 1 JP = 45 minutes, mentoring counts as
/// non-classroom development, and the SKP predicate matrix of PermenPANRB 6/2022.

/// A training course (pelatihan) worth a number of JP.
public struct Training: StoredRecord, Equatable, Sendable {
    public static let kind = "training"
    public static let prefix = "T"
    public static let label: Message = "training"
    /// `latsar` is basic training (Pelatihan Dasar CPNS): a CPNS must pass it before being
    /// appointed PNS (`appointmentRefusal`).
    public static let topics = ["communication", "public-service", "time-management", "technical", "leadership", "latsar"]
    /// The topic of basic training for CPNS.
    public static let latsar = "latsar"
    public static let modes = ["classroom", "e-learning", "coaching", "mentoring"]

    public var id: String
    public var title: String
    /// One of `topics`.
    public var topic: String
    /// Lesson hours (JP) it is worth when passed.
    public var jp: Int
    /// One of `modes`.
    public var mode: String

    public init(id: String, title: String, topic: String, jp: Int, mode: String = "classroom") {
        self.id = id
        self.title = title
        self.topic = topic
        self.jp = jp
        self.mode = mode
    }

    public var json: JSON {
        .object(JSONObject([("id", .string(id)), ("title", .string(title)), ("topic", .string(topic)), ("jp", JSON(jp)), ("mode", .string(mode))]))
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "training")
        id = try f.string("id")
        title = try f.string("title")
        topic = try f.string("topic")
        jp = try f.int("jp", in: Bounds.jp)
        mode = try f.optionalString("mode") ?? "classroom"
    }
}

/// One employee taking one training; completed with a pass or a fail.
public struct Enrollment: StoredRecord, Equatable, Sendable {
    public static let kind = "enrollment"
    public static let prefix = "EN"
    public static let label: Message = "enrolment"

    public var id: String
    public var employee: String
    public var training: String
    public var enrolled: Day
    public var completed: Day?
    public var passed: Bool?
    /// 0-100, when the training gives one.
    public var score: Int?

    public init(id: String, employee: String, training: String, enrolled: Day, completed: Day? = nil, passed: Bool? = nil, score: Int? = nil) {
        self.id = id
        self.employee = employee
        self.training = training
        self.enrolled = enrolled
        self.completed = completed
        self.passed = passed
        self.score = score
    }

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("employee", .string(employee)), ("training", .string(training)),
                            ("enrolled", .string(enrolled.description))])
        o["completed"] = completed.map { .string($0.description) } ?? .null
        o["passed"] = passed.map { .bool($0) } ?? .null
        o["score"] = score.map { JSON($0) } ?? .null
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "enrollment")
        id = try f.string("id")
        employee = try f.string("employee")
        training = try f.string("training")
        enrolled = try f.day("enrolled")
        completed = try f.optionalDay("completed")
        passed = try f.optionalBool("passed")
        score = try f.optionalInt("score", in: Bounds.trainingScore)
    }
}

/// A senior guiding a new member of staff, with the sessions they held.
public struct Mentorship: StoredRecord, Equatable, Sendable {
    public static let kind = "mentorship"
    public static let prefix = "M"
    public static let label: Message = "mentorship"

    public var id: String
    public var mentor: String
    public var mentee: String
    public var from: Day
    public var to: Day?
    public var sessions: [MentoringSession] = []
    public var closed: Day?
    public var outcome: String?

    public init(id: String, mentor: String, mentee: String, from: Day, to: Day? = nil) {
        self.id = id
        self.mentor = mentor
        self.mentee = mentee
        self.from = from
        self.to = to
    }

    /// Still running on `day`: not closed, and its planned end (if any) not past.
    public func isActive(on day: Day) -> Bool { closed == nil && (to == nil || to! >= day) }

    public var minutes: Int { sessions.reduce(0) { $0 + $1.minutes } }

    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("mentor", .string(mentor)), ("mentee", .string(mentee)), ("from", .string(from.description))])
        o["to"] = to.map { .string($0.description) } ?? .null
        o["sessions"] = .array(sessions.map { s in
            var r = JSONObject([("date", .string(s.date.description)), ("minutes", JSON(s.minutes)), ("topic", .string(s.topic))])
            r["notes"] = s.notes.map { .string($0) } ?? .null
            return .object(r)
        })
        o["closed"] = closed.map { .string($0.description) } ?? .null
        o["outcome"] = outcome.map { .string($0) } ?? .null
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "mentorship")
        id = try f.string("id")
        mentor = try f.string("mentor")
        mentee = try f.string("mentee")
        from = try f.day("from")
        to = try f.optionalDay("to")
        guard let list = try f.value("sessions").arrayValue else { throw RecordError("mentorship \(id) 'sessions' is not a list") }
        sessions = try list.map { s in
            let g = try Fields(s, "mentorship \(id) session")
            return MentoringSession(date: try g.day("date"), minutes: try g.int("minutes", in: Bounds.mentoringMinutes), topic: try g.string("topic"), notes: try g.optionalString("notes"))
        }
        closed = try f.optionalDay("closed")
        outcome = try f.optionalString("outcome")
    }
}

/// One mentoring meeting.
public struct MentoringSession: Equatable, Sendable {
    public var date: Day
    public var minutes: Int
    public var topic: String
    public var notes: String?

    public init(date: Day, minutes: Int, topic: String, notes: String? = nil) {
        self.date = date
        self.minutes = minutes
        self.topic = topic
        self.notes = notes
    }
}

/// A rating of work result or behaviour against expectation. Kept in the SKP record as its raw
/// value.
public enum SKPRating: String, CaseIterable, Sendable, CustomStringConvertible {
    case below = "below", meets = "meets", above = "above"

    public var description: String { rawValue }
}

/// A yearly performance appraisal (SKP) and the predicate it gives.
public struct SKP: StoredRecord, Equatable, Sendable {
    public static let kind = "skp"
    public static let prefix = "SKP"
    public static let label: Message = "appraisal"
    /// The ratings of work result and of behaviour, against expectation.
    public static let ratings = SKPRating.allCases.map(\.rawValue)

    public var id: String
    public var employee: String
    /// The year appraised.
    public var period: Int
    public var result: SKPRating
    public var behaviour: SKPRating
    public var predicate: String

    public init(id: String, employee: String, period: Int, result: SKPRating, behaviour: SKPRating) {
        self.id = id
        self.employee = employee
        self.period = period
        self.result = result
        self.behaviour = behaviour
        self.predicate = skpPredicate(result: result, behaviour: behaviour)
    }

    public var json: JSON {
        .object(JSONObject([("id", .string(id)), ("employee", .string(employee)), ("period", JSON(period)), ("result", .string(result.rawValue)),
                            ("behaviour", .string(behaviour.rawValue)), ("predicate", .string(predicate))]))
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "skp")
        id = try f.string("id")
        employee = try f.string("employee")
        period = try f.int("period", in: Bounds.year)
        let resultText = try f.string("result"), behaviourText = try f.string("behaviour")
        guard let r = SKPRating(rawValue: resultText), let b = SKPRating(rawValue: behaviourText) else {
            // Names the field (the first wrong one) and both values.
            let wrong = SKPRating(rawValue: resultText) == nil ? "result" : "behaviour"
            let rule: Message = "an SKP rating is below, meets or above, not '\(resultText)'/'\(behaviourText)'"
            throw RecordError("skp '\(wrong)': \(rule)")
        }
        result = r
        behaviour = b
        predicate = try f.string("predicate")
    }
}

// MARK: rules

/// The SKP predicate (PermenPANRB 6/2022) from the work result and behaviour ratings, each
/// `below`, `meets` or `above` expectation, exactly as DOMAIN.md's matrix writes it. Total: every
/// pair of ratings has its predicate.
public func skpPredicate(result: SKPRating, behaviour: SKPRating) -> String {
    switch (result, behaviour) {
    case (.above, .above): return "Sangat Baik"
    case (.above, .meets), (.meets, .meets), (.meets, .above): return "Baik"
    case (.above, .below), (.meets, .below): return "Kurang (misconduct)"
    case (.below, .meets), (.below, .above): return "Butuh Perbaikan"
    case (.below, .below): return "Sangat Kurang"
    }
}

/// JP earned: the JP of the trainings passed, plus mentoring minutes (as mentee) at
/// `minutesPerJP` minutes a JP (45 by default), exact.
public func jpEarned(trainingJP: [Int], mentoringMinutes: Int, minutesPerJP: Int = 45) -> Rational {
    Rational(trainingJP.reduce(0, +)) + Rational(Int128(mentoringMinutes), Int128(minutesPerJP))
}

/// An employee's development JP in a calendar year: trainings passed (by completion date) in
/// the year, and mentoring sessions held in the year with the employee as mentee.
public func developmentJP(_ state: some RecordReader, employee: String, year: Int) throws -> Rational {
    let trainings = Dictionary(uniqueKeysWithValues: try state.records(Training.self).map { ($0.id, $0) })
    let passed = try state.records(Enrollment.self).filter { $0.employee == employee && $0.passed == true && $0.completed?.year == year }
    let minutes = try state.records(Mentorship.self).filter { $0.mentee == employee }
        .flatMap(\.sessions).filter { $0.date.year == year }.reduce(0) { $0 + $1.minutes }
    return jpEarned(trainingJP: passed.map { trainings[$0.training]?.jp ?? 0 }, mentoringMinutes: minutes,
                    minutesPerJP: max(1, state.policyInt(.jpMinutes)))
}

/// The trainings on a topic (`communication`, `time-management`, ...), in the order added.
public func trainings(_ state: some RecordReader, topic: String) throws -> [Training] {
    try state.records(Training.self).filter { $0.topic == topic }
}

/// Why `mentor` may not guide `mentee` from `day`, or nil when they may. A mentor is a senior:
/// another person, a PNS past probation, with longer service than the mentee; and below the
/// capacity (`active` mentorships already, at most `capacity`).
public func mentorRefusal(mentor: Employee, mentee: Employee, active: Int, capacity: Int, on day: Day) -> Message? {
    if mentor.id == mentee.id { return "mentor and mentee are the same person (\(mentor.id))" }
    for e in [mentor, mentee] where !e.isActive {
        return "\(e.id) (\(e.name)) is no longer in service: \(e.status) on \(e.ended?.description ?? "?")"
    }
    if mentor.status != "pns" {
        return "\(mentor.id) (\(mentor.name)) is not a senior: a mentor is a PNS, and \(mentor.id) is \(mentor.status.uppercased())"
    }
    if let appointed = mentor.appointed, day < appointed {
        return "\(mentor.id) (\(mentor.name)) is not a senior: appointed PNS only on \(appointed)"
    }
    if let end = mentor.probationEnds, day < end {
        return "\(mentor.id) (\(mentor.name)) is not a senior: still on probation until \(end)"
    }
    if !(mentor.since < mentee.since) {
        return "\(mentor.id) (\(mentor.name)) is not a senior: in service since \(mentor.since), not longer than \(mentee.id) (since \(mentee.since))"
    }
    if active >= capacity {
        return "\(mentor.id) (\(mentor.name)) is at capacity: \(active) active mentee\(active == 1 ? "" : "s"), the most is \(capacity) (policy mentor-capacity)"
    }
    return nil
}

/// A mentoring gap: a CPNS hired more than `gapDays` days before `today` who has no mentorship
/// as mentee.
public func isMentorGap(_ e: Employee, hasMentor: Bool, today: Day, gapDays: Int) -> Bool {
    e.status == "cpns" && e.isActive && !hasMentor && e.since.days(to: today) > gapDays
}

/// Whether an employee has the right to the year's JP (`jp-target`): in service during `year`
/// (appointed in it or before) and not left or retired in it or before.
public func hasJPRight(_ e: Employee, year: Int) -> Bool {
    e.since.year <= year && (e.ended.map { $0.year > year } ?? true)
}

/// Why CPNS `e` may not be appointed PNS on `day`, or nil when they may. Appointment needs the
/// year of probation over (`day` on or after its end) and Latsar passed on or before `day`.
/// `latsar` holds the employee's enrolments in trainings of topic `latsar`, in the order made.
/// Each refusal names the reason and, when known, the day appointment becomes possible.
public func appointmentRefusal(_ e: Employee, latsar: [Enrollment], on day: Day) -> Message? {
    guard e.isActive else { return "\(e.id) (\(e.name)) is no longer in service: \(e.status) on \(e.ended?.description ?? "?")" }
    guard e.status == "cpns" else {
        return "\(e.id) (\(e.name)) is \(e.status.uppercased()), not CPNS: only a CPNS is appointed PNS"
    }
    if day < e.since { return "\(day) is before \(e.id) joined (\(e.since))" }
    let end = e.probationEnds ?? probationEnd(since: e.since)
    if day < end {
        return "\(e.id) (\(e.name)) is on probation until \(end): appointment is possible from \(end)"
    }
    if let pass = latsar.first(where: { $0.passed == true }), let done = pass.completed {
        if done > day {
            return "\(e.id) (\(e.name)) passed Latsar (\(pass.training)) only on \(done): appointment is possible from \(done)"
        }
        return nil
    }
    if let open = latsar.last(where: { $0.completed == nil }) {
        return "\(e.id) (\(e.name)) has not passed Latsar: enrolled in \(open.training) since \(open.enrolled), no result yet; appointment is possible once it is passed"
    }
    if let failed = latsar.last(where: { $0.passed == false }), let done = failed.completed {
        return "\(e.id) (\(e.name)) failed Latsar (\(failed.training)) on \(done): appointment is possible once Latsar is passed"
    }
    return "\(e.id) (\(e.name)) has not taken Latsar (basic training): appointment is possible once a training of topic latsar is passed"
}

/// Checks a NIP (Nomor Induk Pegawai): 18 digits, made of the birth date (YYYYMMDD), the month
/// of appointment (YYYYMM), the sex (1 or 2) and a 3-digit number. Returns the birth date.
@discardableResult
public func validateNIP(_ text: String) throws -> Day {
    guard text.utf8.count == 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
        throw KemuningError.failed("bad NIP '\(text)': a NIP has 18 digits, not \(text.count) characters")
    }
    let d = Array(text.utf8).map { Int($0 - 48) }
    func number(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + d[$1] } }
    let y = number(0..<4), m = number(4..<6), day = number(6..<8)
    guard y >= 1900, m >= 1, m <= 12, day >= 1, day <= Day.daysIn(month: m, year: y) else {
        throw KemuningError.failed("bad NIP '\(text)': its first 8 digits are the birth date (YYYYMMDD), and \(text.prefix(8)) is not a date")
    }
    let ty = number(8..<12), tm = number(12..<14)
    guard ty >= 1900, tm >= 1, tm <= 12 else {
        throw KemuningError.failed("bad NIP '\(text)': digits 9-14 are the month of appointment (YYYYMM), and \(text.dropFirst(8).prefix(6)) is not a month")
    }
    guard d[14] == 1 || d[14] == 2 else {
        throw KemuningError.failed("bad NIP '\(text)': digit 15 is the sex, 1 or 2, not \(d[14])")
    }
    return Day(year: y, month: m, day: day)
}

/// The end of a CPNS's one year of probation (29 February falls back to 28).
public func probationEnd(since: Day) -> Day {
    Day(year: since.year + 1, month: since.month, day: min(since.day, Day.daysIn(month: since.month, year: since.year + 1)))
}
