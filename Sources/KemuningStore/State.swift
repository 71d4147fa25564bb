import KemuningCore
import KemuningDomain
/// The whole state of a store, in memory. Changes are applied only through `apply(_:)`, so the
/// journal replays exactly what the commands did.
///
/// A state read from a format-2 store holds only the manifest at first (the counters, the
/// policies, where each kind's records are): each kind is read on first use, and a command
/// about one vacancy reads only that vacancy's applications and the applicants it names. The
/// records live in `Holdings`, a class shared by the copies of a state until one of them
/// changes (copy on write). A part that cannot be read is reported through `loadFailure`; the
/// session checks it before anything is written or shown, so nothing derived from a half-read
/// store gets out.
@_eagerMove
public struct State: Equatable, Sendable {
    /// The sequence number of the last change applied.
    public package(set) var seq: Int = 0
    /// The last number handed out per id prefix (`V`, `A`, ...). Ids are never reused.
    public package(set) var counters: [String: Int] = [:]
    /// Rule settings that vary by region or year (`policy set`), by name; absent means the default.
    public private(set) var policies: [String: String] = [:]

    private var h = Holdings()

    public init() {}

    /// A state whose records are read from `source` when first used.
    package init(seq: Int, counters: [String: Int], policies: [String: String], source: PartSource) {
        self.seq = seq
        self.counters = counters
        self.policies = policies
        h.source = source
    }

    public static func == (a: State, b: State) -> Bool {
        a.h.needAll()
        b.h.needAll()
        return a.seq == b.seq && a.counters == b.counters && a.vacancies == b.vacancies && a.applicants == b.applicants
            && a.applications == b.applications && a.jobfairs == b.jobfairs && a.employees == b.employees && a.audit == b.audit
            && a.tables == b.tables && a.policies == b.policies
    }

    /// Why a part of the store could not be read when it was first used, if one could not.
    public var loadFailure: KemuningError? { h.failure }

    public var vacancies: [Vacancy] { h.need(State.vacanciesKey); return h.vacancies }
    public var applicants: [Applicant] { h.need(State.applicantsKey); return h.applicants }
    public var applications: [Application] { h.need(State.applicationsKey); return h.applications }
    public var jobfairs: [JobFair] { h.need(State.jobfairsKey); return h.jobfairs }
    public var employees: [Employee] { h.need(State.employeesKey); return h.employees }
    /// Every recorded change, oldest first.
    public var audit: [AuditEntry] { h.need(State.auditKey); return h.audit }
    /// Records of the development and public-feedback kinds (trainings, surveys, services, ...),
    /// by kind, read through `records(_:)`. See `StoredRecord` and `RecordKinds`.
    public var tables: [String: RecordTable] { h.needAll(); return h.tables }

    /// What each id prefix names (`V`: vacancy), from the kinds of record.
    public static let idPrefixes: [String: Message] = RecordKinds.byPrefix.mapValues { $0.label }

    /// The id the next record with this prefix will get: `V1`, `V2`, ...
    public func nextId(_ prefix: String) -> String { "\(prefix)\((counters[prefix] ?? 0) + 1)" }

    public func vacancy(_ id: String) -> Vacancy? {
        h.need(State.vacanciesKey)
        return h.vacancyIndex[id].map { h.vacancies[$0] }
    }

    public func applicant(_ id: String) -> Applicant? {
        if h.isPartial(State.applicantsKey) { return h.partialApplicant(id) }
        return h.applicantIndex[id].map { h.applicants[$0] }
    }

    public func applicant(nik: String) -> Applicant? {
        if h.isPartial(State.applicantsKey) { return h.partialApplicant(nik: nik) }
        return h.nikIndex[nik].flatMap { applicant($0) }
    }

    public func application(_ id: String) -> Application? {
        if h.isPartial(State.applicationsKey) { return h.partialApplication(id) }
        return h.applicationIndex[id].map { h.applications[$0] }
    }

    public func jobfair(_ id: String) -> JobFair? {
        h.need(State.jobfairsKey)
        return h.jobfairIndex[id].map { h.jobfairs[$0] }
    }

    public func employee(_ id: String) -> Employee? {
        h.need(State.employeesKey)
        return h.employeeIndex[id].map { h.employees[$0] }
    }

    /// A vacancy's applications, in the order they came. O(k); reads only those k from a store
    /// not yet read whole.
    public func applications(ofVacancy id: String) -> [Application] {
        if h.isPartial(State.applicationsKey) { return h.partialApplications(ofVacancy: id) }
        return (h.applicationsOfVacancy[id] ?? []).map { h.applications[$0] }
    }

    public func applicationCount(ofVacancy id: String) -> Int {
        if h.isPartial(State.applicationsKey) { return h.partialApplicationCount(ofVacancy: id) }
        return h.applicationsOfVacancy[id]?.count ?? 0
    }

    public func applications(ofApplicant id: String) -> [Application] {
        h.need(State.applicationsKey)
        return (h.applicationsOfApplicant[id] ?? []).map { h.applications[$0] }
    }

    public func auditEntries(of entity: String) -> [AuditEntry] {
        h.need(State.auditKey)
        return (h.auditOfEntity[entity] ?? []).map { h.audit[$0] }
    }

    public func auditEntries(ofVacancy id: String) -> [AuditEntry] {
        h.need(State.auditKey)
        return (h.auditOfVacancy[id] ?? []).map { h.audit[$0] }
    }

    /// Counts of records by kind, for `store info`: from the manifest for a kind not read.
    public var recordCounts: [(String, Int)] {
        func count(_ key: String, _ loaded: () -> Int) -> Int { h.isRead(key) ? loaded() : h.source?.parts[key]?.records ?? 0 }
        let auditCount = h.isRead(State.auditKey) ? h.audit.count : (h.source?.parts[State.auditKey]?.records ?? 0) + h.spilled.records + h.newAudit.count
        var kinds = Set(h.tables.keys)
        for key in h.source?.parts.keys.map({ $0 }) ?? [] where State.tableKinds[key] != nil && !h.isRead(key) { kinds.insert(key) }
        var counts = [("vacancies", count(State.vacanciesKey) { h.vacancies.count }),
                      ("applicants", count(State.applicantsKey) { h.applicants.count } + (h.isRead(State.applicantsKey) ? 0 : h.addedApplicants.count)),
                      ("applications", count(State.applicationsKey) { h.applications.count }),
                      ("jobfairs", count(State.jobfairsKey) { h.jobfairs.count }),
                      ("employees", count(State.employeesKey) { h.employees.count }),
                      ("audit", auditCount)]
        for kind in kinds.sorted() { counts.append((kind, count(kind) { h.tables[kind]?.rows.count ?? 0 })) }
        return counts
    }

    // MARK: changes

    /// Applies one change as change number `seq`, with its audit entries numbered `seq`.
    /// Throws when the change does not fit the state (a journal from another store, a
    /// hand-edited file); the state is then left as it was.
    public mutating func apply(_ set: Changeset, seq: Int) throws {
        try apply(set, seq: seq, inverse: false)
    }

    /// Applies `set` as `apply(_:seq:)` does and, when `inverse`, returns the change that
    /// undoes it (nil when none can be made, as for a removal): each part's inverse is taken
    /// against the state as that part found it, which is what `inverse(of:)` computes on a copy.
    @discardableResult
    public mutating func apply(_ set: Changeset, seq: Int, inverse: Bool) throws -> Change? {
        guard case .batch(let parts) = set.change else {
            // One change checks everything before it touches anything, so it applies in place: a
            // copy would copy every list the change touches (O(n) a change).
            let back = inverse ? try? self.inverse(of: set.change) : nil
            try applyOne(set.change)
            appendAudit(set.audit, seq: seq)
            return back
        }
        guard parts.allSatisfy({ $0.undoesInPlace }) else {
            // All or nothing: the parts go into a copy, which replaces the state only when every
            // one applied. O(n) in the lists the parts touch, so only for the batches undo makes
            // (a removal cannot be taken back in place).
            let back = inverse ? try? self.inverse(of: set.change) : nil
            var copy = self
            for part in parts { try copy.applyOne(part) }
            copy.appendAudit(set.audit, seq: seq)
            self = copy
            return back
        }
        // All or nothing, in place: each part checks itself before it touches anything, and if
        // one is refused, the inverses of those applied before it are applied in reverse. A
        // copy of the state would copy every list the parts touch: `screen` (the application and
        // its vacancy's count) made each screening O(applications).
        var backs: [Change] = []
        backs.reserveCapacity(parts.count)
        do {
            for part in parts {
                let back = try self.inverse(of: part)
                try applyOne(part)
                backs.append(back)
            }
        } catch {
            for back in backs.reversed() {
                do { try applyOne(back) } catch {
                    // The inverse of a change just applied always fits the state it made.
                    preconditionFailure("internal error: taking back part of a refused change: \(error)")
                }
            }
            throw error
        }
        appendAudit(set.audit, seq: seq)
        return inverse ? .batch(backs.reversed()) : nil
    }

    /// Appends a change's audit entries, numbered `seq`, and makes `seq` the last change.
    private mutating func appendAudit(_ entries: [AuditEntry]?, seq: Int) {
        if let entries, !entries.isEmpty {
            own(nil)
            for var entry in entries {
                entry.seq = seq
                h.appendAudit(entry)
            }
        }
        self.seq = seq
    }

    /// Applies a change with no audit entry (tests, and changes rebuilt from a journal).
    public mutating func apply(_ change: Change, seq: Int) throws {
        try apply(Changeset(change), seq: seq)
    }

    /// Makes the holdings this state's own (copied when shared with another copy), with the
    /// part `key` read whole and marked as changed.
    private mutating func own(_ key: String?) {
        if !isKnownUniquelyReferenced(&h) { h = h.copy() }
        if let key {
            h.need(key)
            h.dirty.insert(key)
        }
    }

    private mutating func applyOne(_ change: Change) throws {
        switch change {
        case .add(let r):
            switch r.record {
            case let v as Vacancy:
                own(State.vacanciesKey)
                try h.insert(v)
                try bump(v.id)
            case let a as Applicant where h.addedApplicants.count < State.putsBesideAPart && h.isPartial(State.applicantsKey):
                // The part is read in pieces: the new applicant is kept beside it.
                guard h.partialApplicant(a.id) == nil else { throw RecordError("applicant \(a.id) exists already") }
                if let other = h.partialApplicant(nik: a.nik) { throw RecordError("applicant \(a.id) repeats the NIK of \(other.id)") }
                if let failure = h.failure { throw failure }
                if h.isRead(State.applicantsKey) {
                    // Looking for the NIK read the part whole (its lines were of another shape).
                    own(State.applicantsKey)
                    try h.insert(a)
                } else {
                    own(nil)
                    h.addBeside(a)
                    h.dirty.insert(State.applicantsKey)
                }
                try bump(a.id)
            case let a as Applicant:
                own(State.applicantsKey)
                try h.insert(a)
                try bump(a.id)
            case let p as Application:
                guard vacancy(p.vacancy) != nil else { throw RecordError("application \(p.id) names no known vacancy \(p.vacancy)") }
                guard applicant(p.applicant) != nil else { throw RecordError("application \(p.id) names no known applicant \(p.applicant)") }
                own(State.applicationsKey)
                try h.insert(p)
                try bump(p.id)
            case let j as JobFair:
                own(State.jobfairsKey)
                try h.insert(j)
                try bump(j.id)
            case let e as Employee:
                own(State.employeesKey)
                try h.insert(e)
                try bump(e.id)
            default:
                let kind = r.kind.kind
                own(kind)
                guard h.tables[kind]?.index[r.id] == nil else { throw RecordError("\(kind) \(r.id) exists already") }
                try bump(r.id)
                // In place: a copy of the table would copy all its rows on each add.
                h.tables[kind, default: RecordTable()].append(r.record)
            }
        case .put(let r):
            switch r.record {
            case let v as Vacancy:
                own(State.vacanciesKey)
                guard let k = h.vacancyIndex[v.id] else { throw RecordError("no vacancy \(v.id) to change") }
                h.vacancies[k] = v
            case let a as Application where h.putApplications.count < State.putsBesideAPart && h.isPartial(State.applicationsKey):
                // The part is read in pieces: the change is kept beside it until it is read whole.
                // Past a few hundred such changes (a script screening a whole round), reading the
                // part whole once costs less than keeping them, and their records, beside it.
                guard let old = h.partialApplication(a.id) else { throw RecordError("no application \(a.id) to change") }
                guard old.vacancy == a.vacancy, old.applicant == a.applicant else {
                    throw RecordError("application \(a.id) cannot change its vacancy or applicant")
                }
                own(nil)
                h.putApplications[a.id] = a
                h.dirty.insert(State.applicationsKey)
            case let a as Application:
                own(State.applicationsKey)
                guard let k = h.applicationIndex[a.id] else { throw RecordError("no application \(a.id) to change") }
                guard h.applications[k].vacancy == a.vacancy, h.applications[k].applicant == a.applicant else {
                    throw RecordError("application \(a.id) cannot change its vacancy or applicant")
                }
                h.applications[k] = a
            case let j as JobFair:
                own(State.jobfairsKey)
                guard let k = h.jobfairIndex[j.id] else { throw RecordError("no job fair \(j.id) to change") }
                h.jobfairs[k] = j
            case let e as Employee:
                own(State.employeesKey)
                guard let k = h.employeeIndex[e.id] else { throw RecordError("no employee \(e.id) to change") }
                h.employees[k] = e
            case let a as Applicant:
                // A correction (`applicant set`): the NIK may change, but never to another's.
                own(State.applicantsKey)
                guard let k = h.applicantIndex[a.id] else { throw RecordError("no applicant \(a.id) to change") }
                let old = h.applicants[k].nik
                if a.nik != old {
                    if let other = h.nikIndex[a.nik] { throw RecordError("applicant \(a.id) cannot take the NIK of \(other)") }
                    h.nikIndex[old] = nil
                    h.nikIndex[a.nik] = a.id
                }
                h.applicants[k] = a
            default:
                let kind = r.kind.kind
                own(kind)
                guard let k = h.tables[kind]?.index[r.id] else { throw RecordError("no \(kind) \(r.id) to change") }
                h.tables[kind]!.rows[k] = r.record
            }
        case .policy(let name, let value):
            policies[name] = value
        case .remove(let kind, let id, let counter):
            try remove(kind: kind, id: id, counter: counter)
        case .batch:
            throw RecordError.unknownChange("batch")
        }
    }

    // MARK: undo

    /// The change that undoes `change` on this state (before `change` is applied): the records
    /// it replaces put back, the records it adds removed (with the id counter as it was), a
    /// policy set back. Used by `undo`; the inverse is journaled like any change.
    public func inverse(of change: Change) throws -> Change {
        switch change {
        case .add(let r):
            return .remove(kind: r.kind.kind, id: r.id, counter: splitId(r.id).map { counters[$0.0] ?? 0 })
        case .put(let r):
            guard let current = anyRecord(r.kind, r.id) else { throw RecordError("no \(r.kind.kind) \(r.id) to change") }
            return .put(current)
        case .policy(let name, _):
            return .policy(name: name, value: policies[name])
        case .batch(let parts):
            // Undo the parts in reverse order, each against the state as it was when it ran.
            var copy = self
            var inverses: [Change] = []
            for part in parts {
                inverses.insert(try copy.inverse(of: part), at: 0)
                try copy.applyOne(part)
            }
            return .batch(inverses)
        case .remove:
            throw RecordError("a removal is undone by redo, not by undo")
        }
    }

    /// The record of a kind with this id, whatever the kind.
    func anyRecord(_ kind: any StoredRecord.Type, _ id: String) -> AnyRecord? {
        switch kind {
        case is Vacancy.Type: return vacancy(id).map { AnyRecord($0) }
        case is Applicant.Type: return applicant(id).map { AnyRecord($0) }
        case is Application.Type: return application(id).map { AnyRecord($0) }
        case is JobFair.Type: return jobfair(id).map { AnyRecord($0) }
        case is Employee.Type: return employee(id).map { AnyRecord($0) }
        default:
            h.need(kind.kind)
            guard let t = h.tables[kind.kind], let k = t.index[id] else { return nil }
            return AnyRecord(t.rows[k])
        }
    }

    /// Removes a record added earlier (the inverse of an add), and puts its id counter back.
    private mutating func remove(kind: String, id: String, counter: Int?) throws {
        switch kind {
        case "vacancy":
            own(State.vacanciesKey)
            h.need(State.applicationsKey)
            guard let k = h.vacancyIndex[id] else { throw RecordError("no vacancy \(id) to remove") }
            guard h.applicationsOfVacancy[id]?.isEmpty ?? true else { throw RecordError("vacancy \(id) has applications") }
            h.vacancies.remove(at: k)
            h.vacancyIndex = IdIndex(uniqueKeysWithValues: h.vacancies.enumerated().map { ($1.id, $0) })
        case "applicant":
            own(State.applicantsKey)
            h.need(State.applicationsKey)
            guard let k = h.applicantIndex[id] else { throw RecordError("no applicant \(id) to remove") }
            guard h.applicationsOfApplicant[id]?.isEmpty ?? true else { throw RecordError("applicant \(id) has applications") }
            h.nikIndex[h.applicants[k].nik] = nil
            h.applicants.remove(at: k)
            h.applicantIndex = IdIndex(uniqueKeysWithValues: h.applicants.enumerated().map { ($1.id, $0) })
        case "application":
            own(State.applicationsKey)
            guard let k = h.applicationIndex[id] else { throw RecordError("no application \(id) to remove") }
            h.applications.remove(at: k)
            h.reindexApplications()
        case "jobfair":
            own(State.jobfairsKey)
            guard let k = h.jobfairIndex[id] else { throw RecordError("no job fair \(id) to remove") }
            h.jobfairs.remove(at: k)
            h.jobfairIndex = IdIndex(uniqueKeysWithValues: h.jobfairs.enumerated().map { ($1.id, $0) })
        case "employee":
            own(State.employeesKey)
            guard let k = h.employeeIndex[id] else { throw RecordError("no employee \(id) to remove") }
            h.employees.remove(at: k)
            h.employeeIndex = IdIndex(uniqueKeysWithValues: h.employees.enumerated().map { ($1.id, $0) })
        default:
            own(kind)
            guard var t = h.tables[kind], let k = t.index[id] else { throw RecordError("no \(kind) \(id) to remove") }
            t.rows.remove(at: k)
            t.index = Dictionary(uniqueKeysWithValues: t.rows.enumerated().map { ($1.id, $0) })
            h.tables[kind] = t
        }
        if let (prefix, _) = splitId(id), let counter { counters[prefix] = counter == 0 ? nil : counter }  // 0: as before any id of the kind
    }

    /// Reads the `tables` and `policies` members of a snapshot (both optional). Every row is
    /// read as its kind's record, so a wrong type or unknown key is refused here, not met later.
    private mutating func loadTables(_ o: JSONObject) throws {
        if let t = o["tables"] {
            guard let kinds = t.objectValue else { throw RecordError("\"tables\" must be an object of record kinds, not \(JSON.typeName(t))") }
            for (kind, rows) in kinds {
                guard let type = State.tableKinds[kind] else {
                    throw RecordError("\"tables\" has an unknown record kind '\(kind)'; this kemuning knows \(State.tableKinds.keys.sorted().joined(separator: ", "))")
                }
                guard let list = rows.arrayValue else { throw RecordError("tables.\(kind) must be a list of records, not \(JSON.typeName(rows))") }
                var table = RecordTable()
                for (k, r) in list.enumerated() {
                    do {
                        let record = try State.readTableRecord(type, kind: kind, r)
                        guard table.index[record.id] == nil else { throw RecordError("\(kind) \(record.id) appears twice") }
                        try bump(record.id)
                        table.append(record)
                    } catch let e as RecordError {
                        throw RecordError("tables.\(kind)[\(k)]\(State.idNote(r)): \(e.message)")
                    }
                }
                h.tables[kind] = table
            }
        }
        if let p = o["policies"] {
            policies = try State.readPolicies(p)
        }
    }

    /// A row of a table kind, read strictly.
    static func readTableRecord(_ type: any StoredRecord.Type, kind: String, _ r: JSON) throws -> any StoredRecord {
        let record = try type.init(json: r)
        try State.requireReadsBack(r, record.json)
        guard splitId(record.id)?.0 == type.prefix else { throw RecordError("'\(record.id)' is not a \(kind) id (\(type.prefix)1, \(type.prefix)2, ...)") }
        return record
    }

    /// The `policies` object of a snapshot, each checked.
    static func readPolicies(_ p: JSON) throws -> [String: String] {
        guard let obj = p.objectValue else { throw RecordError("\"policies\" must be an object, not \(JSON.typeName(p))") }
        var policies: [String: String] = [:]
        for (k, v) in obj {
            guard let text = v.stringValue else { throw RecordError("policy '\(k)' must be a string, not \(JSON.typeName(v))") }
            try State.checkPolicy(k, text)
            policies[k] = text
        }
        return policies
    }

    // MARK: records of the other kinds

    /// Every record of a kind, decoded, in the order they were added.
    public func records<R: StoredRecord>(_ type: R.Type) throws -> [R] {
        h.need(R.kind)
        return (h.tables[R.kind]?.rows ?? []).map { $0 as! R }
    }

    /// One record by id.
    public func record<R: StoredRecord>(_ type: R.Type, _ id: String) throws -> R? {
        h.need(R.kind)
        guard let t = h.tables[R.kind], let k = t.index[id] else { return nil }
        return t.rows[k] as? R
    }

    /// Every record whose ids have this prefix, in the order added; none for an unknown prefix.
    public func records(withPrefix prefix: String) -> [any StoredRecord] {
        guard let kind = RecordKinds.byPrefix[prefix] else { return [] }
        switch kind {
        case is Vacancy.Type: return vacancies
        case is Applicant.Type: return applicants
        case is Application.Type: return applications
        case is JobFair.Type: return jobfairs
        case is Employee.Type: return employees
        default:
            h.need(kind.kind)
            return h.tables[kind.kind]?.rows ?? []
        }
    }

    /// The name of the record with this id, for hints: an applicant's or employee's name.
    public func name(of id: String) -> String? { applicant(id)?.name ?? employee(id)?.name }

    public func recordCount(_ kind: String) -> Int {
        h.isRead(kind) ? h.tables[kind]?.rows.count ?? 0 : h.source?.parts[kind]?.records ?? 0
    }

    private mutating func bump(_ id: String) throws {
        guard let (prefix, number) = splitId(id) else { throw RecordError("bad id '\(id)'") }
        counters[prefix] = max(counters[prefix] ?? 0, number)
    }

    // MARK: parts (format 2)

    static let vacanciesKey = "vacancies"
    static let applicantsKey = "applicants"
    static let applicationsKey = "applications"
    static let jobfairsKey = "jobfairs"
    static let employeesKey = "employees"
    static let auditKey = "audit"

    /// The keys of the parts a format-2 snapshot may have, in the order they are written:
    /// the five kinds, the table kinds by name, and the audit trail.
    package static let partKeys: [String] = [vacanciesKey, applicantsKey, applicationsKey, jobfairsKey, employeesKey]
        + tableKinds.keys.sorted() + [auditKey]

    /// How many changed applications are kept beside a part read in pieces before it is read whole.
    static let putsBesideAPart = 512

    /// The id prefix of the records of each part (none for the audit trail).
    static let partPrefixes: [String: String] = {
        var m = [vacanciesKey: Vacancy.prefix, applicantsKey: Applicant.prefix, applicationsKey: Application.prefix, jobfairsKey: JobFair.prefix, employeesKey: Employee.prefix]
        for (kind, type) in tableKinds { m[kind] = type.prefix }
        return m
    }()

    /// Where this state's unchanged parts are, if it was read from a format-2 snapshot.
    package var source: PartSource? { h.source }

    /// Whether part `key` differs from the source's (every part does when there is no source).
    package func isChanged(_ key: String) -> Bool {
        key == State.auditKey ? h.source == nil || !h.newAudit.isEmpty || h.spilled.records > 0 : h.source == nil || h.dirty.contains(key)
    }

    /// The bytes the parts changed since the source take in it: what a fold would replace.
    package var changedPartBytes: Int {
        guard let s = h.source else { return Int.max }
        return h.dirty.reduce(0) { $0 + (s.parts[$1]?.bytes ?? 0) }
    }

    /// Reads every part whole (for a fold that rewrites them, a named snapshot, a check).
    package func readAll() { h.needAll() }

    /// Reads one part whole (`store check`); a failure is in `loadFailure`.
    package func readPart(_ key: String) { h.need(key) }

    /// Checks what ties the records of a state read in parts together, as reading a whole
    /// snapshot does: each application's vacancy and applicant exist, and no counter is below
    /// an id in use.
    package func verifyReferences() throws {
        h.needAll()
        if let failure = h.failure { throw failure }
        /// The fault, naming the part's file when there is one.
        func fault(_ key: String, _ message: Message) -> Error {
            guard let s = h.source, let info = s.parts[key] else { return RecordError(message) }
            return FileStore.storeError("\(s.reader.path(of: info)): corrupt snapshot: \(message); nothing was changed")
        }
        for (k, p) in h.applications.enumerated() {
            guard h.vacancyIndex[p.vacancy] != nil, h.applicantIndex[p.applicant] != nil else {
                throw fault(State.applicationsKey, "applications[\(k)] (\(p.id)): application \(p.id) names no known \(h.vacancyIndex[p.vacancy] == nil ? "vacancy \(p.vacancy)" : "applicant \(p.applicant)")")
            }
        }
        for (k, a) in h.applicants.enumerated() where h.nikIndex[a.nik] != a.id {
            throw fault(State.applicantsKey, "applicants[\(k)] (\(a.id)): applicant \(a.id) repeats the NIK of \(h.nikIndex[a.nik] ?? "")")
        }
    }

    /// Whether `writePart(key, whole:)` would write any record.
    package func partHasRecords(_ key: String, whole: Bool = false) -> Bool {
        switch key {
        case State.vacanciesKey: h.need(key); return !h.vacancies.isEmpty
        case State.applicantsKey: h.need(key); return !h.applicants.isEmpty
        case State.applicationsKey: h.need(key); return !h.applications.isEmpty
        case State.jobfairsKey: h.need(key); return !h.jobfairs.isEmpty
        case State.employeesKey: h.need(key); return !h.employees.isEmpty
        case State.auditKey:
            if h.source == nil || whole { h.need(key) }
            return !(h.source == nil || whole ? h.audit : h.newAudit).isEmpty
        default: h.need(key); return !(h.tables[key]?.rows.isEmpty ?? true)
        }
    }

    /// Appends part `key` as JSON lines (one record a line); returns how many records. The
    /// audit part is the entries not in the source yet.
    package func writePart(_ key: String, to out: inout [UInt8], whole: Bool = false) -> Int {
        // The whole part in `out`; `flush` never throws here.
        (try? writePart(key, to: &out, whole: whole, every: Int.max) { _ in }) ?? 0
    }

    /// The same, handing `out` to `flush` (and emptying it) whenever it holds a megabyte, so a
    /// fold writes a part of 100,000 records without holding all its bytes.
    package func writePart(_ key: String, to out: inout [UInt8], whole: Bool = false, every: Int = 1 << 20, flush: (inout [UInt8]) throws -> Void) throws -> Int {
        func lines<T>(_ items: [T], _ write: (T, inout [UInt8]) -> Void) throws -> Int {
            for item in items {
                write(item, &out)
                out.append(10)
                if out.count >= every { try flush(&out) }
            }
            return items.count
        }
        switch key {
        case State.vacanciesKey: h.need(key); return try lines(h.vacancies) { $0.json.write(to: &$1) }
        case State.applicantsKey: h.need(key); return try lines(h.applicants) { $0.json.write(to: &$1) }
        case State.applicationsKey: h.need(key); return try lines(h.applications) { $0.json.write(to: &$1) }
        case State.jobfairsKey: h.need(key); return try lines(h.jobfairs) { $0.json.write(to: &$1) }
        case State.employeesKey: h.need(key); return try lines(h.employees) { $0.json.write(to: &$1) }
        case State.auditKey:
            if h.source == nil || whole { h.need(key) }
            return try lines(h.source == nil || whole ? h.audit : h.newAudit) { $0.write(to: &$1) }
        default: h.need(key); return try lines(h.tables[key]?.rows ?? []) { $0.json.write(to: &$1) }
        }
    }

    /// Audit entries recorded since the source that are only in memory.
    package var unspilledAudit: Int { h.newAudit.count }

    /// The bytes and entries appended to the source's audit file past its listed length.
    package var spilledAudit: (bytes: Int, records: Int) { h.spilled }

    /// After the new audit entries (`writePart(auditKey)`) were appended to the source's audit
    /// file: they are there now, and no longer held in memory for the next fold.
    package mutating func markAuditSpilled(bytes: Int, records: Int) {
        own(nil)
        h.spilled.bytes += bytes
        h.spilled.records += records
        h.newAudit = []
    }

    /// After a fold wrote this state (at this `seq`) as `source`: every part is now unchanged,
    /// and the audit entries are in its audit file (held in memory only if the trail was read).
    package mutating func adopt(_ source: PartSource) {
        own(nil)
        if h.source == nil { h.loaded = Set(State.partKeys) }
        h.source = source
        h.dirty = []
        h.newAudit = []
        h.spilled = (0, 0)
        h.dropPartialReads()
        // The audit trail is in its file now: it is read again only by what shows it. Held
        // here, it was most of the memory of a round (200,000 entries and their indexes).
        h.loaded.remove(State.auditKey)
        h.audit = []
        h.auditOfEntity = [:]
        h.auditOfVacancy = [:]
    }
    // MARK: snapshot form

    public static let format = "kemuning-snapshot"
    /// The newest format version this kemuning reads: 2, a manifest and its parts (see
    /// `FileStore`). A whole snapshot in one document (a named snapshot, or a store not yet
    /// migrated) is of version 1, which it reads and writes too.
    public static let version = 2
    /// The version of a whole snapshot in one document.
    public static let documentVersion = 1

    /// Appends the snapshot's compact JSON, record by record, so no tree of the whole state is
    /// ever built (it would take several times the snapshot's size).
    public func writeSnapshot(to out: inout [UInt8]) {
        var counts = JSONObject()
        for key in counters.keys.sorted() { counts[key] = JSON(counters[key]!) }
        var head: [UInt8] = []
        JSON.object(JSONObject([("format", .string(State.format)), ("version", JSON(State.documentVersion)), ("seq", JSON(seq)),
                                ("counters", .object(counts))])).write(to: &head)
        head.removeLast()
        out.append(contentsOf: head)
        func list<T>(_ key: String, _ items: [T], _ write: (T, inout [UInt8]) -> Void) {
            out.append(contentsOf: Array(",\"\(key)\":[".utf8))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(44) }
                write(item, &out)
            }
            out.append(93)
        }
        list("vacancies", vacancies) { v, o in v.json.write(to: &o) }
        list("applicants", applicants) { a, o in a.json.write(to: &o) }
        list("applications", applications) { p, o in p.json.write(to: &o) }
        list("jobfairs", jobfairs) { j, o in j.json.write(to: &o) }
        list("employees", employees) { e, o in e.json.write(to: &o) }
        list("audit", audit) { e, o in e.write(to: &o) }
        out.append(contentsOf: Array(",\"tables\":".utf8))
        JSON.object(JSONObject(tables.keys.sorted().map { ($0, JSON.array(tables[$0]!.rows.map(\.json))) })).write(to: &out)
        out.append(contentsOf: Array(",\"policies\":".utf8))
        JSON.object(JSONObject(policies.keys.sorted().map { ($0, JSON.string(policies[$0]!)) })).write(to: &out)
        out.append(125)
    }

    public var json: JSON {
        var counts = JSONObject()
        for key in counters.keys.sorted() { counts[key] = JSON(counters[key]!) }
        return .object(JSONObject([
            ("format", .string(State.format)),
            ("version", JSON(State.documentVersion)),
            ("seq", JSON(seq)),
            ("counters", .object(counts)),
            ("vacancies", .array(vacancies.map(\.json))),
            ("applicants", .array(applicants.map(\.json))),
            ("applications", .array(applications.map(\.json))),
            ("jobfairs", .array(jobfairs.map(\.json))),
            ("employees", .array(employees.map(\.json))),
            ("audit", .array(audit.map(\.json))),
            ("tables", .object(JSONObject(tables.keys.sorted().map { ($0, JSON.array(tables[$0]!.rows.map(\.json))) }))),
            ("policies", .object(JSONObject(policies.keys.sorted().map { ($0, JSON.string(policies[$0]!)) }))),
        ]))
    }

    /// The keys of a snapshot's top level. Any other key is refused: a snapshot this version
    /// cannot fully read is never loaded, so it can never be written back without its data.
    static let snapshotKeys: [String] = ["format", "version", "seq", "counters", "vacancies", "applicants", "applications",
                                         "jobfairs", "employees", "audit", "tables", "policies"]
    /// The keys whose value is a list of records, read one record at a time.
    static let recordLists: Set<String> = ["vacancies", "applicants", "applications", "jobfairs", "employees", "audit"]

    /// Every kind of record kept in `tables`, by its name in the snapshot: one entry per kind.
    static let tableKinds: [String: any StoredRecord.Type] = RecordKinds.byName.filter { !JournalForm.ownOps.contains($0.key) }

    /// Reads a snapshot straight from its bytes, one record at a time, so the whole document
    /// never exists as a JSON tree (a 100 MB snapshot would take several times that).
    ///
    /// Strict: every key must be known and every value of the right type and within the
    /// bounds the commands keep to (`Bounds`). Throws `JSONError` for bad text,
    /// `LocatedRecordError` (with the byte offset of the record) for bad content.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> State {
        var head = JSONObject()
        var countersAt = 0
        var seq = 0
        var givenCounters: [String: Int] = [:]
        var seen = Set<String>()
        var recordsRead: [String: Int] = [:]
        var vacancies: [Vacancy] = [], applicants: [Applicant] = [], applications: [Application] = []
        var jobfairs: [JobFair] = [], employees: [Employee] = [], audit: [AuditEntry] = []
        func checkHead(_ key: String, _ value: JSON) throws {
            switch key {
            case "format":
                guard value.stringValue == State.format else {
                    throw RecordError("this is not a kemuning snapshot (its \"format\" is \(value.serialized()), not \"\(State.format)\")")
                }
            case "version":
                guard let v = value.intValue else {
                    throw RecordError("\"version\" must be a whole number, not \(value.serialized())")
                }
                if v > State.version {
                    throw NewerSnapshotError(version: v)
                }
                if v < 1 || v > State.documentVersion { throw RecordError("the snapshot has an unknown format version \(v)") }
            case "seq":
                seq = try Fields.bounded(value, State.seqRange, "\"seq\"")
            case "counters":
                guard let counts = value.objectValue else {
                    throw RecordError("\"counters\" must be an object of id prefixes and numbers, not \(JSON.typeName(value))")
                }
                for (key, n) in counts {
                    guard State.idPrefixes[key] != nil else { throw RecordError("\"counters\" has an unknown id prefix '\(key)'") }
                    givenCounters[key] = try Fields.bounded(n, Bounds.idNumber, "counter '\(key)'")
                }
            default: break
            }
        }
        func keyCheck(_ key: String) throws {
            guard State.snapshotKeys.contains(key) else {
                throw RecordError("unknown key '\(key)' at the top level; this kemuning reads only \(State.snapshotKeys.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw RecordError("the key '\(key)' appears twice") }
        }
        func located(_ offset: Int, _ body: () throws -> Void) throws {
            do { try body() } catch let e as RecordError { throw LocatedRecordError(offset: offset, error: e) }
        }
        try JSON.streamObject(bytes, streamed: recordLists, rejectingDuplicateKeys: true,
                              member: { key, value, at in
                                  try located(at) {
                                      try keyCheck(key)
                                      if recordLists.contains(key) {
                                          // A list of records comes here only when it is empty.
                                          guard value.arrayValue?.isEmpty == true else {
                                              throw RecordError("'\(key)' must be a list of records, not \(JSON.typeName(value))")
                                          }
                                          return
                                      }
                                      try checkHead(key, value)
                                      head[key] = value
                                      if key == "counters" { countersAt = at }
                                  }
                              },
                              element: { key, value, at in
                                  try located(at) {
                                      if recordsRead[key] == nil {
                                          try keyCheck(key)
                                          // The format and version come first in every snapshot kemuning writes;
                                          // in a hand-made one, records before them are read but checked after.
                                      }
                                      let k = recordsRead[key, default: 0]
                                      recordsRead[key] = k + 1
                                      do {
                                          switch key {
                                          case "vacancies": vacancies.append(try State.strictVacancy(value))
                                          case "applicants": applicants.append(try State.strictApplicant(value))
                                          case "applications": applications.append(try State.strictApplication(value))
                                          case "jobfairs": jobfairs.append(try State.strictJobFair(value))
                                          case "employees": employees.append(try State.strictEmployee(value))
                                          default: audit.append(try State.strictAuditEntry(value))
                                          }
                                      } catch let e as RecordError {
                                          throw RecordError("\(key)[\(k)]\(State.idNote(value)): \(e.message)")
                                      }
                                  }
                              })
        for required in ["format", "version", "seq", "counters"] where head[required] == nil {
            throw RecordError(required == "format" ? "this is not a kemuning snapshot (it has no \"format\")" : "the snapshot has no \"\(required)\"")
        }
        for required in ["vacancies", "applicants"] where !seen.contains(required) {
            throw RecordError("the snapshot has no \"\(required)\"")
        }
        return try State(head: head, vacancies: vacancies, applicants: applicants, applications: applications,
                         jobfairs: jobfairs, employees: employees, audit: audit, seq: seq, counters: givenCounters, countersAt: countersAt)
    }

    /// ` (A4)` when a record has a string id, for messages.
    static func idNote(_ record: JSON) -> Message {
        guard let id = record["id"]?.stringValue, id.utf8.count <= 40 else { return "" }
        return " (\(id))"
    }

    // Each kind's record read strictly from its stored JSON: it must read back exactly as this
    // version writes it. One reading for a whole snapshot, a part read whole, and one line of a
    // part read on its own.

    static func strictVacancy(_ value: JSON) throws -> Vacancy {
        let r = try Vacancy(json: value)
        try requireReadsBack(value, r.json)
        return r
    }

    static func strictApplicant(_ value: JSON) throws -> Applicant {
        let r = try Applicant(json: value)
        try requireReadsBack(value, keys: Applicant.storedKeys) { r.json }
        return r
    }

    static func strictApplication(_ value: JSON) throws -> Application {
        let r = try Application(json: value)
        if !readsBack(value, r) { try requireReadsBack(value, r.json) }
        return r
    }

    static func strictJobFair(_ value: JSON) throws -> JobFair {
        let r = try JobFair(json: value)
        try requireReadsBack(value, r.json)
        return r
    }

    static func strictEmployee(_ value: JSON) throws -> Employee {
        let r = try Employee(json: value)
        try requireReadsBack(value, r.json)
        return r
    }

    static func strictAuditEntry(_ value: JSON) throws -> AuditEntry {
        let r = try AuditEntry(json: value)
        try requireReadsBack(value, keys: AuditEntry.storedKeys) { r.storedForm(of: value) }
        return r
    }

    /// Refuses a record that is not exactly what this version would write for it: `given` is
    /// the record as read, `known` the same record as this version writes it. A key it does not
    /// know would be dropped at the next fold; a key it writes but did not find, or a value of
    /// another type (null where a number belongs), was filled in with a default, and the next
    /// fold would write that instead. Only the keys older snapshots lack (`compatibleKeys`)
    /// may be missing.
    static func requireReadsBack(_ given: JSON, _ known: JSON) throws {
        if let problem = difference(given, known, path: "") {
            throw RecordError(problem)
        }
    }

    /// A stored policy must be one this version knows, with a value `policy set` would accept
    /// as written (a jp-minutes of 0 would divide by zero; garbage would silently become the
    /// default).
    static func checkPolicy(_ name: String, _ value: String) throws {
        guard let p = Policy(rawValue: name) else { throw RecordError("unknown policy '\(name)'") }
        let normal: String
        do { normal = try p.validate(value) } catch let e as KemuningError {
            throw RecordError("policy '\(name)': \(e.message)")
        }
        guard normal == value else { throw RecordError("policy '\(name)' is written '\(value)', not as '\(normal)'") }
    }

    /// The same check, quick for the kinds a big store holds by the hundred thousand: a record
    /// whose decoder reads every key it writes, with its type, needs only its keys compared with
    /// `keys`; building its whole canonical form (to say what differs) is left for a mismatch.
    static func requireReadsBack(_ given: JSON, keys: [String], known: () -> JSON) throws {
        if let o = given.objectValue, o.count == keys.count, keys.allSatisfy({ o[$0] != nil }) { return }
        try requireReadsBack(given, known())
    }

    /// Whether an application read from `given` would be written with exactly the keys it
    /// was read with, found without building its whole canonical form (a national round holds
    /// one per applicant). Each object must have as many keys as the record writes there: a
    /// key it does not know, or one it read as absent (`"cat": null`), makes the counts differ,
    /// and then the full comparison says what is wrong. The screening, small and rich in
    /// words, is compared in full.
    static func readsBack(_ given: JSON, _ r: Application) -> Bool {
        guard let o = given.objectValue else { return false }
        var n = 5
        if let sc = r.screening {
            n += 1
            guard let g = o["screening"], difference(g, sc.json, path: "screening") == nil else { return false }
        }
        if let k = r.skd {
            n += 1
            guard o["skd"]?.objectValue?.count == (k.score == nil ? 2 : 4) else { return false }
        }
        if !r.interviews.isEmpty {
            n += 1
            guard let items = o["interviews"]?.arrayValue, items.count == r.interviews.count else { return false }
            for (item, interview) in zip(items, r.interviews) {
                guard let i = item.objectValue, i.count == 4, i["scores"]?.objectValue?.count == interview.scores.count else { return false }
            }
        }
        if let b = r.skb {
            n += 1
            let expected = 1 + (b.absent ? 1 : 0) + (b.cat == nil ? 0 : 1) + (b.practical == nil ? 0 : 1) + (b.certificate == nil ? 0 : 1)
            guard o["skb"]?.objectValue?.count == expected else { return false }
        }
        if r.participant != nil { n += 1 }
        if r.withdrawal != nil { n += 1 }
        if r.optimizedTo != nil { n += 2 }
        if r.hired != nil { n += 2 }
        return o.count == n
    }

    /// Keys a snapshot written before they existed lacks; missing, they take their defaults.
    static let compatibleKeys: Set<String> = ["category", "passMarks", "skb", "catMax", "quotaFactor", "opens", "closes", "rubric",
                                              "objectionDays", "channels", "stages", "participants"]

    private static func difference(_ given: JSON, _ known: JSON, path: String) -> Message? {
        switch (given, known) {
        case (.object(let g), .object(let k)):
            for (key, value) in g {
                let here = path.isEmpty ? key : path + "." + key
                guard let kv = k[key] else {
                    return "unknown key '\(here)'; this kemuning does not know it, so it would be lost (written by a newer kemuning?)"
                }
                if let deeper = difference(value, kv, path: here) { return deeper }
            }
            for key in k.keys where g[key] == nil && !(path.isEmpty && compatibleKeys.contains(key)) {
                return "no '\(path.isEmpty ? key : path + "." + key)' (this kemuning always writes it)"
            }
        case (.array(let g), .array(let k)) where g.count == k.count:
            for i in g.indices {
                if let deeper = difference(g[i], k[i], path: path + "[\(i)]") { return deeper }
            }
        case (.array, .array):
            return "'\(path)' does not read back as it was written"
        case (.string(let g), .string(let k)) where g != k:
            // A word this version maps to another (a screening result it does not know read as
            // "fail") would be rewritten as that other word.
            return "'\(path)' is \"\(g)\", which this kemuning would read as \"\(k)\""
        default:
            if JSON.kind(of: given) != JSON.kind(of: known) {
                return "'\(path)' must be \(JSON.kindName(known)), not \(JSON.typeName(given))"
            }
        }
        return nil
    }

    /// Builds a state from decoded records, checking what ties them together: the ids, and the
    /// counters (read and bounded already, at `countersAt`) against the ids in use.
    init(head o: JSONObject, vacancies vs: [Vacancy], applicants as_: [Applicant], applications ps: [Application],
         jobfairs js: [JobFair], employees es: [Employee], audit entries: [AuditEntry],
         seq: Int, counters counts: [String: Int], countersAt: Int) throws {
        self.init()
        func within(_ list: String, _ k: Int, _ id: String, _ body: () throws -> Void) throws {
            do { try body() } catch let e as RecordError { throw RecordError("\(list)[\(k)] (\(id)): \(e.message)") }
        }
        h.vacancies.reserveCapacity(vs.count)
        h.vacancyIndex.reserveCapacity(vs.count)
        for (k, v) in vs.enumerated() { try within("vacancies", k, v.id) { try h.insert(v); try bump(v.id) } }
        h.applicants.reserveCapacity(as_.count)
        h.applicantIndex.reserveCapacity(as_.count)
        h.nikIndex.reserveCapacity(as_.count)
        for (k, a) in as_.enumerated() { try within("applicants", k, a.id) { try h.insert(a); try bump(a.id) } }
        h.applications.reserveCapacity(ps.count)
        h.applicationIndex.reserveCapacity(ps.count)
        for (k, p) in ps.enumerated() {
            try within("applications", k, p.id) {
                guard h.vacancyIndex[p.vacancy] != nil else { throw RecordError("application \(p.id) names no known vacancy \(p.vacancy)") }
                guard h.applicantIndex[p.applicant] != nil else { throw RecordError("application \(p.id) names no known applicant \(p.applicant)") }
                try h.insert(p)
                try bump(p.id)
            }
        }
        for (k, fair) in js.enumerated() {
            try within("jobfairs", k, fair.id) {
                guard h.jobfairIndex[fair.id] == nil else { throw RecordError("job fair \(fair.id) appears twice") }
                try h.insert(fair)
                try bump(fair.id)
            }
        }
        for (k, e) in es.enumerated() { try within("employees", k, e.id) { try h.insert(e); try bump(e.id) } }
        h.audit.reserveCapacity(entries.count)
        for e in entries { h.appendAudit(e) }
        try loadTables(o)
        for prefix in counters.keys.sorted() where counts[prefix] == nil {
            throw LocatedRecordError(offset: countersAt, error: RecordError("\"counters\" has no '\(prefix)', though \(prefix) ids are in use: without it an id could be handed out twice"))
        }
        for (key, n) in counts {
            guard n >= (counters[key] ?? 0) else {
                throw LocatedRecordError(offset: countersAt, error: RecordError("counter '\(key)' is \(n), below the highest id in use (\(key)\(counters[key]!))"))
            }
            counters[key] = n
        }
        self.seq = seq
    }

    /// The numbers a change may have (see `Bounds.changeNumber`).
    public static let seqRange = Bounds.changeNumber
}

/// A snapshot written by a newer kemuning: not damaged, just not readable by this one.
public struct NewerSnapshotError: MessageError, Equatable {
    public var version: Int
    public var message: Message {
        "the snapshot has format version \(version), newer than this kemuning reads (\(State.version)); upgrade kemuning to open it"
    }
}

/// A record of a snapshot that cannot be read, with the byte offset where it starts.
public struct LocatedRecordError: Error {
    public var offset: Int
    public var error: RecordError
}

/// The records of one kind, in the order they were added, and an index by id.
public struct RecordTable: Equatable, Sendable {
    public var rows: [any StoredRecord] = []
    var index: [String: Int] = [:]

    /// Adds a record whose id is new.
    mutating func append(_ record: any StoredRecord) {
        index[record.id] = rows.count
        rows.append(record)
    }

    public static func == (a: RecordTable, b: RecordTable) -> Bool {
        a.rows.count == b.rows.count && zip(a.rows, b.rows).allSatisfy { $0.isSame(as: $1) }
    }
}

extension State: RecordReader {
    public func policy(_ p: Policy) -> String { policies[p.rawValue] ?? p.defaultValue }
}
