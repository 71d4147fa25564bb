import KemuningCore
/// One applicant's application to one vacancy, and everything that happened to it.
public struct Application: StoredRecord, Equatable, Sendable {
    public static let kind = "application"
    public static let prefix = "P"
    public static let label: Message = "application"
    public var id: String
    public var applicant: String
    public var vacancy: String
    /// Where they heard of the vacancy: a channel (`portal`, `social`, ...) or a job fair id (`J1`).
    public var source: String?
    public var applied: Day
    public var screening: Screening?
    /// The participant number (nomor peserta), given when the application first passes
    /// screening and never changed after: announcements and the CAT system's score files name
    /// candidates by it. See `participantNumber(year:vacancy:sequence:)`.
    public var participant: String?
    public var skd: SKDResult?
    public var interviews: [Interview] = []
    @Rare public var skb: SKBResult?
    /// Optimalisasi: the vacancy whose empty seat this candidate was moved to.
    public var optimizedTo: String?
    public var optimizedOn: Day?
    public var hired: String?
    public var hiredOn: Day?
    /// The candidate withdrew (mengundurkan diri): from then on the application takes part in
    /// no stage, and its place in a ranking goes to the next candidate.
    public var withdrawal: Withdrawal?

    public struct Withdrawal: Equatable, Sendable {
        public var reason: String
        public var date: Day

        public init(reason: String, date: Day) {
            self.reason = reason
            self.date = date
        }
    }

    public init(id: String, applicant: String, vacancy: String, source: String?, applied: Day) {
        self.id = id
        self.applicant = applicant
        self.vacancy = vacancy
        self.source = source
        self.applied = applied
    }

    /// A participant number: the year of screening (4 digits), the vacancy's number (3 digits)
    /// and the order in which its applications passed screening (4 digits), as in
    /// `20260010007`, the seventh of V1 in 2026. Digits only, starting with the year, so a
    /// spreadsheet keeps it whole; unique in a store because a vacancy's numbers are counted
    /// over its own applications.
    public static func participantNumber(year: Int, vacancy: Int, sequence: Int) -> String {
        String(year, zeroPaddedTo: 4) + String(vacancy, zeroPaddedTo: 3) + String(sequence, zeroPaddedTo: 4)
    }

    public static func isParticipantNumber(_ s: String) -> Bool {
        (11...20).contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The administrative screening result as it stands after any objection.
    public var screenedPass: Bool? {
        guard let s = screening else { return nil }
        return s.objection?.pass ?? s.pass
    }
}

/// Administrative screening: MS (meets requirements) or TMS (does not, with a reason).
public struct Screening: Equatable, Sendable {
    public var pass: Bool
    public var reason: String?
    public var date: Day
    @Rare public var objection: Objection?

    public struct Objection: Equatable, Sendable {
        public var pass: Bool
        public var reason: String?
        public var date: Day

        package init(pass: Bool, reason: String? = nil, date: Day) {
            self.pass = pass
            self.reason = reason
            self.date = date
        }
    }

    package init(pass: Bool, reason: String? = nil, date: Day, objection: Objection? = nil) {
        self.pass = pass
        self.reason = reason
        self.date = date
        self.objection = objection
    }
}

public struct SKDResult: Equatable, Sendable {
    /// nil when the candidate did not sit the test.
    public var score: SKDScore?
    public var date: Day

    package init(score: SKDScore? = nil, date: Day) {
        self.score = score
        self.date = date
    }
}

public struct Interview: Equatable, Sendable {
    public var panel: String
    /// Scores 1-5 in the vacancy's rubric order.
    public var scores: [(item: String, score: Int)]
    public var note: String?
    public var date: Day

    public static func == (a: Interview, b: Interview) -> Bool {
        a.panel == b.panel && a.scores.map(\.item) == b.scores.map(\.item) && a.scores.map(\.score) == b.scores.map(\.score)
            && a.note == b.note && a.date == b.date
    }

    package init(panel: String, scores: [(item: String, score: Int)], note: String? = nil, date: Day) {
        self.panel = panel
        self.scores = scores
        self.note = note
        self.date = date
    }
}

public struct SKBResult: Equatable, Sendable {
    public var absent: Bool
    /// The raw CAT score, 0 to the vacancy's CAT maximum.
    public var cat: Int?
    public var practical: ExactDecimal?
    public var certificate: ExactDecimal?
    public var date: Day

    package init(absent: Bool, cat: Int? = nil, practical: ExactDecimal? = nil, certificate: ExactDecimal? = nil, date: Day) {
        self.absent = absent
        self.cat = cat
        self.practical = practical
        self.certificate = certificate
        self.date = date
    }
}

/// A job fair held with schools and universities, where vacancies are promoted.
public struct JobFair: StoredRecord, Equatable, Sendable {
    public static let kind = "jobfair"
    public static let prefix = "J"
    public static let label: Message = "job fair"
    public var id: String
    public var name: String
    public var date: Day
    public var institutions: [String]
    public var vacancies: [String]

    package init(id: String, name: String, date: Day, institutions: [String], vacancies: [String]) {
        self.id = id
        self.name = name
        self.date = date
        self.institutions = institutions
        self.vacancies = vacancies
    }
}

/// A member of staff. Hiring creates one: a CPNS on one year of probation.
public struct Employee: StoredRecord, Equatable, Sendable {
    public static let kind = "employee"
    public static let prefix = "E"
    public static let label: Message = "employee"
    public var id: String
    public var nip: String?
    public var name: String
    public var unit: String
    public var position: String
    /// `cpns`, `pns` or `pppk`.
    public var status: String
    public var since: Day
    public var probationEnds: Day?
    public var applicant: String?
    public var application: String?
    public var born: Day?
    /// The day a CPNS was appointed PNS (TMT PNS), once `employee appoint` has done it.
    public var appointed: Day?
    /// The day the employee left or retired (status `left` or `retired`), and why.
    public var ended: Day?
    public var endReason: String?
    /// Every move of unit or position (mutasi), oldest first; `unit` and `position` are the
    /// current ones.
    public var transfers: [Transfer] = []

    /// The statuses of someone no longer in service: kept on the list with their history, but
    /// not counted, mentored, mentoring, enrolled or owed JP.
    public static let endedStatuses: Set<String> = ["left", "retired"]

    /// Still in service: not left nor retired.
    public var isActive: Bool { !Employee.endedStatuses.contains(status) }

    package init(id: String, nip: String? = nil, name: String, unit: String, position: String, status: String, since: Day, probationEnds: Day? = nil, applicant: String? = nil, application: String? = nil, born: Day? = nil) {
        self.id = id
        self.nip = nip
        self.name = name
        self.unit = unit
        self.position = position
        self.status = status
        self.since = since
        self.probationEnds = probationEnds
        self.applicant = applicant
        self.application = application
        self.born = born
    }
}

/// A move of unit or position (mutasi): from where to where, on which day.
public struct Transfer: Equatable, Sendable {
    public var date: Day
    public var fromUnit: String
    public var fromPosition: String
    public var unit: String
    public var position: String

    public init(date: Day, fromUnit: String, fromPosition: String, unit: String, position: String) {
        self.date = date
        self.fromUnit = fromUnit
        self.fromPosition = fromPosition
        self.unit = unit
        self.position = position
    }

    public var json: JSON {
        .object(JSONObject([("date", .string(date.description)), ("fromUnit", .string(fromUnit)), ("fromPosition", .string(fromPosition)),
                            ("unit", .string(unit)), ("position", .string(position))]))
    }
}

/// One recorded change: who, when, to what, and each field's value before and after.
///
/// A national round records hundreds of thousands of these, and they are read rarely, so the
/// field changes are kept as their compact JSON text and decoded only when asked for.
public struct AuditEntry: Equatable, Sendable {
    public var seq: Int
    /// The day the change was entered (the session's date).
    public var at: Day
    /// The day the decision was made, when it was entered on a later day (`screen P --date D`
    /// for work done on paper last week); nil when it is `at`.
    public var on: Day?
    public var by: String
    public var entity: String
    /// The vacancy the change belongs to, for `audit --vacancy`.
    public var vacancy: String?
    public var action: String
    /// `changes` as compact JSON: `[{"field":...,"before":...,"after":...}]`.
    package let changesText: String

    public struct FieldChange: Equatable, Sendable {
        public var field: String
        public var before: JSON
        public var after: JSON

        package init(field: String, before: JSON, after: JSON) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    public init(seq: Int, at: Day, on: Day? = nil, by: String, entity: String, vacancy: String?, action: String, changes: [FieldChange]) {
        self.seq = seq
        self.at = at
        self.on = on == at ? nil : on
        self.by = by
        self.entity = entity
        self.vacancy = vacancy
        self.action = action
        self.changesText = JSON.array(changes.map {
            .object(JSONObject([("field", .string($0.field)), ("before", $0.before), ("after", $0.after)]))
        }).serialized()
    }

    public var changes: [FieldChange] {
        guard let items = (try? JSON.parse(changesText))?.arrayValue else { return [] }
        return items.compactMap { c in
            guard let o = c.objectValue, let f = o["field"]?.stringValue else { return nil }
            return FieldChange(field: f, before: o["before"] ?? .null, after: o["after"] ?? .null)
        }
    }
}

// MARK: JSON forms

extension Application {
    public var json: JSON {
        var o = JSONObject([("id", .string(id)), ("applicant", .string(applicant)), ("vacancy", .string(vacancy))])
        o["source"] = source.map { .string($0) } ?? .null
        o["applied"] = .string(applied.description)
        if let s = screening { o["screening"] = s.json }
        if let n = participant { o["participant"] = .string(n) }
        if let k = skd {
            var r = JSONObject()
            if let sc = k.score {
                r["twk"] = JSON(sc.twk)
                r["tiu"] = JSON(sc.tiu)
                r["tkp"] = JSON(sc.tkp)
            } else {
                r["absent"] = true
            }
            r["date"] = .string(k.date.description)
            o["skd"] = .object(r)
        }
        if !interviews.isEmpty {
            o["interviews"] = .array(interviews.map { i in
                var r = JSONObject([("panel", .string(i.panel))])
                r["scores"] = .object(JSONObject(i.scores.map { ($0.item, JSON($0.score)) }))
                r["note"] = i.note.map { .string($0) } ?? .null
                r["date"] = .string(i.date.description)
                return .object(r)
            })
        }
        if let b = skb {
            var r = JSONObject()
            if b.absent { r["absent"] = true }
            if let c = b.cat { r["cat"] = JSON(c) }
            if let p = b.practical { r["practical"] = .number(p.description) }
            if let c = b.certificate { r["certificate"] = .number(c.description) }
            r["date"] = .string(b.date.description)
            o["skb"] = .object(r)
        }
        if let v = optimizedTo {
            o["optimizedTo"] = .string(v)
            o["optimizedOn"] = optimizedOn.map { .string($0.description) } ?? .null
        }
        if let e = hired {
            o["hired"] = .string(e)
            o["hiredOn"] = hiredOn.map { .string($0.description) } ?? .null
        }
        if let w = withdrawal {
            o["withdrawn"] = .object(JSONObject([("reason", .string(w.reason)), ("date", .string(w.date.description))]))
        }
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "application")
        self.init(id: try f.string("id"), applicant: try f.string("applicant"), vacancy: try f.string("vacancy"),
                  source: try f.optionalString("source"), applied: try f.day("applied"))
        if let s = f.object["screening"] { screening = try Screening(json: s) }
        if let n = try f.optionalString("participant") {
            guard Application.isParticipantNumber(n) else { throw RecordError("application \(id) has participant number '\(n)', which is not 11 to 20 digits") }
            participant = n
        }
        if let k = f.object["skd"] {
            let g = try Fields(k, "application \(id) skd")
            if try g.optionalBool("absent") == true {
                skd = SKDResult(score: nil, date: try g.day("date"))
            } else {
                skd = SKDResult(score: SKDScore(twk: try g.int("twk", in: 0...SKDPart.twk.maximum), tiu: try g.int("tiu", in: 0...SKDPart.tiu.maximum), tkp: try g.int("tkp", in: 0...SKDPart.tkp.maximum)), date: try g.day("date"))
            }
        }
        for i in f.object["interviews"]?.arrayValue ?? [] {
            let g = try Fields(i, "application \(id) interview")
            guard let sc = try g.value("scores").objectValue else { throw RecordError("application \(id) interview scores are not an object") }
            let scores = try sc.map { (k, v) -> (item: String, score: Int) in
                (k, try Fields.bounded(v, Bounds.interviewScore, "application \(id) interview score '\(k)'"))
            }
            interviews.append(Interview(panel: try g.string("panel"), scores: scores, note: try g.optionalString("note"), date: try g.day("date")))
        }
        if let b = f.object["skb"] {
            let g = try Fields(b, "application \(id) skb")
            skb = SKBResult(absent: try g.optionalBool("absent") ?? false, cat: try g.optionalInt("cat", in: Bounds.catRaw),
                            practical: try g.optionalDecimal("practical", in: Bounds.skbScore), certificate: try g.optionalDecimal("certificate", in: Bounds.skbScore), date: try g.day("date"))
        }
        // The date goes with its fact: a date alone means the fact was lost.
        for (fact, date) in [("optimizedTo", "optimizedOn"), ("hired", "hiredOn")] where f.object[fact] == nil && f.object[date] != nil {
            throw RecordError("application \(id) has '\(date)' but no '\(fact)'")
        }
        optimizedTo = try f.optionalString("optimizedTo")
        optimizedOn = try f.optionalDay("optimizedOn")
        hired = try f.optionalString("hired")
        hiredOn = try f.optionalDay("hiredOn")
        if let w = f.object["withdrawn"] {
            let g = try Fields(w, "application \(id) withdrawn")
            guard g.object.count == 2 else { throw RecordError("application \(id) withdrawn has keys other than 'reason' and 'date'") }
            withdrawal = Withdrawal(reason: try g.string("reason"), date: try g.day("date"))
        }
    }
}

extension Screening {
    package var json: JSON {
        var o = JSONObject([("result", .string(pass ? "pass" : "fail"))])
        o["reason"] = reason.map { .string($0) } ?? .null
        o["date"] = .string(date.description)
        if let ob = objection {
            var r = JSONObject([("result", .string(ob.pass ? "pass" : "fail"))])
            r["reason"] = ob.reason.map { .string($0) } ?? .null
            r["date"] = .string(ob.date.description)
            o["objection"] = .object(r)
        }
        return .object(o)
    }

    init(json: JSON) throws {
        let f = try Fields(json, "screening")
        pass = try f.string("result") == "pass"
        reason = try f.optionalString("reason")
        date = try f.day("date")
        if let ob = f.object["objection"] {
            let g = try Fields(ob, "objection")
            objection = Objection(pass: try g.string("result") == "pass", reason: try g.optionalString("reason"), date: try g.day("date"))
        }
    }
}

extension JobFair {
    public var json: JSON {
        .object(JSONObject([
            ("id", .string(id)), ("name", .string(name)), ("date", .string(date.description)),
            ("institutions", .array(institutions.map { .string($0) })), ("vacancies", .array(vacancies.map { .string($0) })),
        ]))
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "jobfair")
        id = try f.string("id")
        name = try f.string("name")
        date = try f.day("date")
        institutions = try f.strings("institutions")
        vacancies = try f.strings("vacancies")
    }
}

extension Employee {
    public var json: JSON {
        var o = JSONObject([("id", .string(id))])
        o["nip"] = nip.map { .string($0) } ?? .null
        o["name"] = .string(name)
        o["unit"] = .string(unit)
        o["position"] = .string(position)
        o["status"] = .string(status)
        o["since"] = .string(since.description)
        o["probationEnds"] = probationEnds.map { .string($0.description) } ?? .null
        o["applicant"] = applicant.map { .string($0) } ?? .null
        o["application"] = application.map { .string($0) } ?? .null
        o["born"] = born.map { .string($0.description) } ?? .null
        // The lifecycle keys are written only when they hold something, so that a snapshot
        // written before they existed reads back exactly as this version writes it.
        if let appointed { o["appointed"] = .string(appointed.description) }
        if let ended { o["ended"] = .string(ended.description) }
        if let endReason { o["endReason"] = .string(endReason) }
        if !transfers.isEmpty { o["transfers"] = .array(transfers.map(\.json)) }
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "employee")
        id = try f.string("id")
        nip = try f.optionalString("nip")
        name = try f.string("name")
        unit = try f.string("unit")
        position = try f.string("position")
        status = try f.string("status")
        since = try f.day("since")
        probationEnds = try f.optionalDay("probationEnds")
        applicant = try f.optionalString("applicant")
        application = try f.optionalString("application")
        born = try f.optionalDay("born")
        appointed = try f.optionalDay("appointed")
        ended = try f.optionalDay("ended")
        endReason = try f.optionalString("endReason")
        if json["transfers"] != nil {
            guard let list = try f.value("transfers").arrayValue else { throw RecordError("employee \(id) 'transfers' is not a list") }
            transfers = try list.map { t in
                let g = try Fields(t, "employee \(id) transfer")
                return Transfer(date: try g.day("date"), fromUnit: try g.string("fromUnit"), fromPosition: try g.string("fromPosition"),
                                unit: try g.string("unit"), position: try g.string("position"))
            }
        }
    }
}

extension AuditEntry {
    /// Every key an entry is written with; `init(json:)` reads each with its type.
    package static let storedKeys = ["seq", "at", "by", "entity", "vacancy", "action", "changes"]

    /// Everything but the changes, which `write(to:)` adds from their stored text.
    package var headJSON: JSONObject {
        var o = JSONObject([("seq", JSON(seq)), ("at", .string(at.description))])
        if let on { o["on"] = .string(on.description) }
        o["by"] = .string(by)
        o["entity"] = .string(entity)
        o["vacancy"] = vacancy.map { .string($0) } ?? .null
        o["action"] = .string(action)
        return o
    }

    public var json: JSON {
        var o = headJSON
        o["changes"] = (try? JSON.parse(changesText)) ?? .array([])
        return .object(o)
    }

    /// What the entry keeps of `given`, the entry as read, for checking that it reads back as
    /// written: its head, and the changes as given (kept as their text, so nothing in them can
    /// be lost, and nothing is gained by parsing them again).
    package func storedForm(of given: JSON) -> JSON {
        var o = headJSON
        o["changes"] = given["changes"] ?? .null
        return .object(o)
    }

    /// Appends the entry's compact JSON without decoding its changes.
    package func write(to out: inout [UInt8]) {
        var head: [UInt8] = []
        JSON.object(headJSON).write(to: &head)
        head.removeLast()  // the closing brace
        out.append(contentsOf: head)
        out.append(contentsOf: Array(",\"changes\":".utf8))
        out.append(contentsOf: changesText.utf8)
        out.append(125)  // }
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "audit entry")
        seq = try f.int("seq", in: 1...Bounds.changeNumber.upperBound)
        at = try f.day("at")
        on = try f.optionalDay("on")
        if on == at { throw RecordError("audit entry has 'on' equal to 'at' (written only when the decision was on another day)") }
        by = try f.string("by")
        entity = try f.string("entity")
        vacancy = try f.optionalString("vacancy")
        action = try f.string("action")
        let changes = try f.value("changes")
        guard let items = changes.arrayValue else { throw RecordError("audit entry 'changes' is not a list") }
        for c in items {
            let g = try Fields(c, "audit change")
            _ = try g.string("field")
            _ = try g.value("before")
            _ = try g.value("after")
        }
        changesText = changes.serialized()
    }
}

/// The field-by-field difference between two records' JSON forms, for the audit trail. Nested
/// objects are compared field by field too, named with dots (`screening.objection.result`).
public func fieldChanges(_ before: JSON?, _ after: JSON) -> [AuditEntry.FieldChange] {
    var out: [AuditEntry.FieldChange] = []
    func isObjectOrAbsent(_ v: JSON?) -> Bool { v == nil || v == .null || v?.objectValue != nil }
    func walk(_ key: String, _ old: JSON?, _ new: JSON?) {
        if isObjectOrAbsent(old) && isObjectOrAbsent(new) && (old?.objectValue != nil || new?.objectValue != nil) {
            let o = old?.objectValue ?? JSONObject(), n = new?.objectValue ?? JSONObject()
            for (k, v) in n where o[k] != v { walk(key.isEmpty ? k : key + "." + k, o[k], v) }
            for (k, v) in o where n[k] == nil { walk(key.isEmpty ? k : key + "." + k, v, nil) }
            return
        }
        // A field that appears as null was not really changed.
        if (old ?? .null) == (new ?? .null) { return }
        out.append(.init(field: key, before: old ?? .null, after: new ?? .null))
    }
    guard after.objectValue != nil else { return [] }
    walk("", before ?? .object(JSONObject()), after)
    return out
}
