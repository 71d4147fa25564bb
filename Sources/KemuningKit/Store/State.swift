/// The whole state of a store, in memory. Changes are applied only through `apply(_:)`, so the
/// journal replays exactly what the commands did.
public struct State: Equatable, Sendable {
    /// The sequence number of the last change applied.
    public internal(set) var seq: Int = 0
    /// The last number handed out per id prefix (`V`, `A`, ...). Ids are never reused.
    public internal(set) var counters: [String: Int] = [:]

    public private(set) var vacancies: [Vacancy] = []
    public private(set) var applicants: [Applicant] = []
    private var vacancyIndex: [String: Int] = [:]
    private var applicantIndex: [String: Int] = [:]
    private var nikIndex: [String: String] = [:]

    public init() {}

    public static let idPrefixes = ["V": "vacancy", "A": "applicant"]

    /// The id the next record with this prefix will get: `V1`, `V2`, ...
    public func nextId(_ prefix: String) -> String { "\(prefix)\((counters[prefix] ?? 0) + 1)" }

    public func vacancy(_ id: String) -> Vacancy? { vacancyIndex[id].map { vacancies[$0] } }
    public func applicant(_ id: String) -> Applicant? { applicantIndex[id].map { applicants[$0] } }
    public func applicant(nik: String) -> Applicant? { nikIndex[nik].flatMap { applicant($0) } }

    /// Counts of records by kind, for `store info`.
    public var recordCounts: [(String, Int)] { [("vacancies", vacancies.count), ("applicants", applicants.count)] }

    // MARK: changes

    /// Applies one change. Throws when the change does not fit the state (a replayed journal
    /// from another store, a hand-edited file); the state is then left as it was.
    public mutating func apply(_ change: Change) throws {
        switch change.op {
        case "vacancy.add":
            try insert(try Vacancy(json: try change.field("vacancy")))
        case "applicant.add":
            try insert(try Applicant(json: try change.field("applicant")))
        default:
            throw RecordError("unknown change '\(change.op)'")
        }
    }

    private mutating func insert(_ v: Vacancy) throws {
        guard vacancyIndex[v.id] == nil else { throw RecordError("vacancy \(v.id) exists already") }
        try bump(v.id)
        vacancyIndex[v.id] = vacancies.count
        vacancies.append(v)
    }

    private mutating func insert(_ a: Applicant) throws {
        guard applicantIndex[a.id] == nil else { throw RecordError("applicant \(a.id) exists already") }
        guard nikIndex[a.nik] == nil else { throw RecordError("applicant \(a.id) repeats the NIK of \(nikIndex[a.nik]!)") }
        try bump(a.id)
        applicantIndex[a.id] = applicants.count
        applicants.append(a)
        nikIndex[a.nik] = a.id
    }

    private mutating func bump(_ id: String) throws {
        guard let (prefix, number) = State.splitId(id) else { throw RecordError("bad id '\(id)'") }
        counters[prefix] = max(counters[prefix] ?? 0, number)
    }

    /// `V12` → ("V", 12): upper-case letters, then a number without leading zeros.
    public static func splitId(_ id: String) -> (String, Int)? {
        var letters = 0
        var number = 0
        var digits = 0
        for c in id.utf8 {
            if digits == 0 && c >= 65 && c <= 90 {
                letters += 1
            } else if c >= 48 && c <= 57 && letters > 0 {
                if digits == 0 && c == 48 { return nil }
                digits += 1
                guard digits <= 15 else { return nil }
                number = number * 10 + Int(c - 48)
            } else {
                return nil
            }
        }
        guard letters > 0, digits > 0 else { return nil }
        return (String(id.utf8.prefix(letters))!, number)
    }

    // MARK: snapshot form

    public static let format = "kemuning-snapshot"
    public static let version = 1

    public var json: JSON {
        var counts = JSONObject()
        for key in counters.keys.sorted() { counts[key] = JSON(counters[key]!) }
        return .object(JSONObject([
            ("format", .string(State.format)),
            ("version", JSON(State.version)),
            ("seq", JSON(seq)),
            ("counters", .object(counts)),
            ("vacancies", .array(vacancies.map(\.json))),
            ("applicants", .array(applicants.map(\.json))),
        ]))
    }

    /// Reads a snapshot document. Refuses other formats and newer versions.
    public init(json: JSON) throws {
        guard let o = json.objectValue else { throw RecordError("the snapshot is not a JSON object") }
        guard o["format"]?.stringValue == State.format else {
            throw RecordError("this is not a kemuning snapshot (its \"format\" is not \"\(State.format)\")")
        }
        guard let version = o["version"]?.intValue else { throw RecordError("the snapshot has no \"version\"") }
        guard version <= State.version else {
            throw RecordError("the snapshot has format version \(version), newer than this kemuning reads (\(State.version)); upgrade kemuning to open it")
        }
        guard version >= 1 else { throw RecordError("the snapshot has an unknown format version \(version)") }
        let f = try Fields(json, "snapshot")
        self.init()
        guard let vs = try f.value("vacancies").arrayValue, let as_ = try f.value("applicants").arrayValue else {
            throw RecordError("snapshot 'vacancies' and 'applicants' must be lists")
        }
        vacancies.reserveCapacity(vs.count)
        vacancyIndex.reserveCapacity(vs.count)
        for v in vs { try insert(try Vacancy(json: v)) }
        applicants.reserveCapacity(as_.count)
        applicantIndex.reserveCapacity(as_.count)
        nikIndex.reserveCapacity(as_.count)
        for a in as_ { try insert(try Applicant(json: a)) }
        guard let counts = try f.value("counters").objectValue else { throw RecordError("snapshot 'counters' is not an object") }
        for (key, value) in counts {
            guard let n = value.intValue, n >= (counters[key] ?? 0) else {
                throw RecordError("snapshot counter '\(key)' is below the highest id in use")
            }
            counters[key] = n
        }
        seq = try f.int("seq")
    }
}

/// One change to the state, as the journal records it: an operation name and its data.
public struct Change: Equatable, Sendable {
    public var op: String
    public var data: JSONObject

    public init(_ op: String, _ fields: (String, JSON)...) {
        self.op = op
        self.data = JSONObject(fields)
    }

    public init(op: String, data: JSONObject) {
        self.op = op
        self.data = data
    }

    func field(_ key: String) throws -> JSON {
        guard let v = data[key] else { throw RecordError("change '\(op)' has no '\(key)'") }
        return v
    }
}
