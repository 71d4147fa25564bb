import KemuningCore
import KemuningDomain
#if canImport(Glibc)
import Glibc
#endif

/// The records of a `State`, and how they are read from a format-2 snapshot on first use.
///
/// Shared by the copies of a state until one changes it (`State.own` copies it then). Reading
/// a part fills it in place, which every sharer may see: what is read is what the part held,
/// the same for all of them.
@_eagerMove
final class Holdings: @unchecked Sendable {
    var source: PartSource?
    /// Parts read whole from the source (with no source, everything is in memory).
    var loaded: Set<String> = []
    /// Parts changed since the source.
    var dirty: Set<String> = []
    var failure: KemuningError?
    /// Parts read only in pieces so far, and the records read from them, by id.
    var lines: [String: LineIndex] = [:]
    var someApplicants: [String: Applicant] = [:]
    var someApplications: [String: Application] = [:]
    /// Applications changed (`put`) while their part is read only in pieces, by id: a command
    /// about one application, or a journal replaying one, must not read all 100,000 to change
    /// it. Applied when the part is read whole (by a fold, or a command that needs them all).
    var putApplications: [String: Application] = [:]
    /// Applicants added while their part is read only in pieces, in order, and by id and NIK:
    /// registering one applicant must not read 100,000. Added to the part when it is read whole.
    var addedApplicants: [Applicant] = []
    var addedApplicantIndex: [String: Int] = [:]
    var addedNIKs: [String: String] = [:]

    var vacancies: [Vacancy] = []
    var applicants: [Applicant] = []
    var applications: [Application] = []
    var jobfairs: [JobFair] = []
    var employees: [Employee] = []
    /// Every audit entry, when the trail has been read (or there is no source).
    var audit: [AuditEntry] = []
    /// The entries recorded since the source's audit file was written.
    var newAudit: [AuditEntry] = []
    /// Entries of `newAudit` already appended to the source's audit file past the length the
    /// manifest lists (so they need not stay in memory): their bytes and number. The next fold
    /// lists them; a crash before leaves a tail the next writer cuts (the journal has them).
    var spilled = (bytes: 0, records: 0)
    var tables: [String: RecordTable] = [:]

    var vacancyIndex = IdIndex()
    var applicantIndex = IdIndex()
    var nikIndex: [String: String] = [:]
    var applicationIndex = IdIndex()
    var applicationsOfVacancy: [String: [Int]] = [:]
    var applicationsOfApplicant: [String: [Int]] = [:]
    var jobfairIndex = IdIndex()
    var employeeIndex = IdIndex()
    var auditOfEntity: [String: [Int]] = [:]
    var auditOfVacancy: [String: [Int]] = [:]

    init() {}

    /// Records read piece by piece from a part (at least) before it is read whole.
    static let piecesBeforeWhole = 4096

    // No lock, and no deinit: a class with a deinit keeps every variable that holds it alive to
    // the end of its scope (a deinit barrier), and a command that read the state before its
    // commit would then make every commit copy all the records. States are used by one thread
    // (the session's); `Sendable` is promised for the values, which only that thread changes.

    func copy() -> Holdings {
        let c = Holdings()
        c.source = source
        c.loaded = loaded
        c.dirty = dirty
        c.failure = failure
        c.lines = lines
        c.someApplicants = someApplicants
        c.someApplications = someApplications
        c.putApplications = putApplications
        c.addedApplicants = addedApplicants
        c.addedApplicantIndex = addedApplicantIndex
        c.addedNIKs = addedNIKs
        c.vacancies = vacancies
        c.applicants = applicants
        c.applications = applications
        c.jobfairs = jobfairs
        c.employees = employees
        c.audit = audit
        c.newAudit = newAudit
        c.spilled = spilled
        c.tables = tables
        c.vacancyIndex = vacancyIndex
        c.applicantIndex = applicantIndex
        c.nikIndex = nikIndex
        c.applicationIndex = applicationIndex
        c.applicationsOfVacancy = applicationsOfVacancy
        c.applicationsOfApplicant = applicationsOfApplicant
        c.jobfairIndex = jobfairIndex
        c.employeeIndex = employeeIndex
        c.auditOfEntity = auditOfEntity
        c.auditOfVacancy = auditOfVacancy
        return c
    }


    /// Whether part `key` is in memory whole.
    func isRead(_ key: String) -> Bool { source == nil || loaded.contains(key) }

    var everythingRead: Bool { source == nil || State.partKeys.allSatisfy { loaded.contains($0) } }

    /// Whether part `key` is still read in pieces (its file is indexed, not parsed).
    func isPartial(_ key: String) -> Bool {
        guard !isRead(key) else { return false }
        if lines[key] != nil {
            // Once a good share of the part has been read piece by piece (a ranking of every
            // vacancy), it is read whole instead: the pieces' cache and the file's bytes held
            // for them cost more memory than the records read whole, and no less time.
            let cached = key == State.applicantsKey ? someApplicants.count : someApplications.count
            if cached > max(Holdings.piecesBeforeWhole, (source?.parts[key]?.records ?? 0) / 8) {
                need(key)
                return false
            }
            return true
        }
        guard let info = source!.parts[key] else {
            loaded.insert(key)
            return false
        }
        do {
            let bytes = try source!.reader.readPart(info)
            if let prefix = State.partPrefixes[key], let index = LineIndex(bytes: bytes, prefix: prefix, counter: source!.counters[prefix] ?? 0, vacancies: key == State.applicationsKey) {
                lines[key] = index
                return true
            }
        } catch {
            fail(error)
            loaded.insert(key)
            return false
        }
        // A file of another shape: read it whole, which says what is wrong with it.
        need(key)
        return false
    }

    func dropPartialReads() {
        lines = [:]
        someApplicants = [:]
        someApplications = [:]
    }

    private func fail(_ error: Error) {
        if failure == nil { failure = FileStore.storeError(error) }
    }

    /// Reads every part not read yet.
    func needAll() {
        guard source != nil else { return }
        for key in State.partKeys { need(key) }
    }

    /// Reads part `key` whole, if it is not in memory yet. A part that cannot be read sets
    /// `failure` and reads as empty; the session refuses to go on (see `State.loadFailure`).
    func need(_ key: String) {
        guard let source, !loaded.contains(key) else { return }
        guard !loaded.contains(key) else { return }
        loaded.insert(key)
        lines[key] = nil
        // Read whole now: the records read one by one before are in it.
        if key == State.applicantsKey { someApplicants = [:] }
        if key == State.applicationsKey { someApplications = [:] }
        guard var info = source.parts[key] else { return }
        if key == State.auditKey {
            // With what this process appended to the file since (see `spilled`).
            info.bytes += spilled.bytes
            info.records += spilled.records
        }
        do {
            let bytes = try source.reader.readPart(info)
            try read(key, bytes, info: info, path: source.reader.path(of: info), counters: source.counters)
            if key == State.applicationsKey { try applyPuts() }
            if key == State.applicantsKey { try applyAdds() }
        } catch {
            fail(error)
        }
    }

    /// Parses a part's lines into its kind, strictly: each record must read back as written,
    /// ids must be new, of the kind, and within the manifest's counters.
    private func read(_ key: String, _ bytes: [UInt8], info: PartInfo, path: String, counters: [String: Int]) throws {
        var lineNumber = 0
        var count = 0
        var start = 0
        let tableType = State.tableKinds[key]
        // As many records as the manifest lists: no room left over from doubling.
        switch key {
        case State.vacanciesKey:
            vacancies.reserveCapacity(vacancies.count + info.records)
        case State.applicantsKey:
            applicants.reserveCapacity(applicants.count + info.records)
            applicantIndex.reserveCapacity(applicants.count + info.records)
            nikIndex.reserveCapacity(applicants.count + info.records)
        case State.applicationsKey:
            applications.reserveCapacity(applications.count + info.records)
            applicationIndex.reserveCapacity(applications.count + info.records)
            applicationsOfApplicant.reserveCapacity(applications.count + info.records)
        case State.auditKey:
            audit.reserveCapacity(audit.count + info.records + newAudit.count)
        default: break
        }
        while start < bytes.count {
            lineNumber += 1
            guard let end = bytes[start...].firstIndex(of: 10) else {
                throw FileStore.storeError("\(path):\(lineNumber):1: corrupt snapshot: the last line has no newline; nothing was changed")
            }
            do {
                let value = try bytes.withUnsafeBufferPointer { try JSON.parse(UnsafeBufferPointer(rebasing: $0[start..<end]), rejectingDuplicateKeys: true) }
                let id: String
                do {
                    switch key {
                    case State.vacanciesKey:
                        let r = try State.strictVacancy(value)
                        try insert(r)
                        id = r.id
                    case State.applicantsKey:
                        let r = try State.strictApplicant(value)
                        try insert(r)
                        id = r.id
                    case State.applicationsKey:
                        let r = try State.strictApplication(value)
                        try insert(r)
                        id = r.id
                    case State.jobfairsKey:
                        let r = try State.strictJobFair(value)
                        try insert(r)
                        id = r.id
                    case State.employeesKey:
                        let r = try State.strictEmployee(value)
                        try insert(r)
                        id = r.id
                    case State.auditKey:
                        audit.append(try State.strictAuditEntry(value))
                        indexAudit(audit.count - 1)
                        id = ""
                    default:
                        guard let type = tableType else { throw RecordError("unknown part '\(key)'") }
                        let r = try State.readTableRecord(type, kind: key, value)
                        guard tables[key]?.index[r.id] == nil else { throw RecordError("\(key) \(r.id) appears twice") }
                        tables[key, default: RecordTable()].append(r)
                        id = r.id
                    }
                    if key != State.auditKey, splitId(id)?.0 != State.partPrefixes[key] {
                        throw RecordError("'id' is \"\(id)\", not an id of \(key) (those start with \(State.partPrefixes[key] ?? ""))")
                    }
                    if let (prefix, n) = splitId(id), n > counters[prefix] ?? 0 {
                        throw RecordError("\(id) is above the snapshot's counter for \(prefix) (\(counters[prefix] ?? 0))")
                    }
                } catch let e as RecordError {
                    throw RecordError("\(key)[\(lineNumber - 1)]\(State.idNote(value)): \(e.message)")
                }
            } catch let e as JSONError {
                throw FileStore.storeError("\(path):\(lineNumber):\(e.column): corrupt snapshot: \(e.message); nothing was changed")
            } catch let e as RecordError {
                throw FileStore.storeError("\(path):\(lineNumber):1: corrupt snapshot: \(e.message); nothing was changed")
            }
            count += 1
            start = end + 1
        }
        guard count == info.records else {
            throw FileStore.storeError("\(path): corrupt snapshot: the file holds \(count) records, the snapshot lists \(info.records); nothing was changed")
        }
        if key == State.auditKey {
            // Entries recorded since (by the journal, or this process) come after the file's.
            for e in newAudit {
                audit.append(e)
                indexAudit(audit.count - 1)
            }
        }
    }

    /// The applications changed while their part was read in pieces, put in place now that it
    /// is read whole.
    private func applyPuts() throws {
        for (id, p) in putApplications {
            guard let k = applicationIndex[id] else { throw RecordError("no application \(id) to change") }
            applications[k] = p
        }
        putApplications = [:]
    }

    /// The applicants added while their part was read in pieces, added to it now that it is
    /// read whole (after the file's, as they came).
    private func applyAdds() throws {
        for a in addedApplicants { try insert(a) }
        addedApplicants = []
        addedApplicantIndex = [:]
        addedNIKs = [:]
    }

    /// Adds an applicant beside the part read in pieces; the caller has checked the id and NIK.
    func addBeside(_ a: Applicant) {
        addedApplicantIndex[a.id] = addedApplicants.count
        addedNIKs[a.nik] = a.id
        addedApplicants.append(a)
    }

    /// The applicant with this NIK, from the part read in pieces and those added beside it.
    func partialApplicant(nik: String) -> Applicant? {
        if let id = addedNIKs[nik] { return partialApplicant(id) }
        guard let found = lines[State.applicantsKey]?.id(ofNIK: nik) else {
            // Lines of another shape: the whole read says what is wrong with them, or finds it.
            need(State.applicantsKey)
            return nikIndex[nik].flatMap { id in applicantIndex[id].map { applicants[$0] } }
        }
        guard let id = found, let a = partialApplicant(id) else { return nil }
        return a.nik == nik ? a : nil
    }

    // MARK: pieces of a part not read whole

    func partialApplicant(_ id: String) -> Applicant? {
        if let k = addedApplicantIndex[id] { return addedApplicants[k] }
        if let a = someApplicants[id] { return a }
        guard let a = partialRecord(State.applicantsKey, id, State.strictApplicant) else { return nil }
        someApplicants[id] = a
        return a
    }

    func partialApplication(_ id: String) -> Application? {
        if let p = putApplications[id] { return p }
        if let p = someApplications[id] { return p }
        guard let p = partialRecord(State.applicationsKey, id, State.strictApplication) else { return nil }
        someApplications[id] = p
        return p
    }

    func partialApplications(ofVacancy id: String) -> [Application] {
        return (lines[State.applicationsKey]?.ids(ofVacancy: id) ?? []).compactMap { partialApplication($0) }
    }

    func partialApplicationCount(ofVacancy id: String) -> Int {
        lines[State.applicationsKey]?.count(ofVacancy: id) ?? 0
    }

    /// One record of a part read in pieces, decoded as strictly as a whole read would.
    private func partialRecord<R: StoredRecord>(_ key: String, _ id: String, _ read: (JSON) throws -> R) -> R? {
        guard let index = lines[key], let source, let info = source.parts[key] else { return nil }
        do {
            guard let value = try index.json(id) else { return nil }
            do {
                let r = try read(value)
                guard r.id == id else { throw RecordError("the line of \(id) holds \(r.id)") }
                return r
            } catch let e as RecordError {
                throw FileStore.storeError("\(source.reader.path(of: info)):\(index.lineNumber(of: id)):1: corrupt snapshot: \(key)[\(index.lineNumber(of: id) - 1)]\(State.idNote(value)): \(e.message); nothing was changed")
            }
        } catch let e as JSONError {
            fail(FileStore.storeError("\(source.reader.path(of: info)):\(index.lineNumber(of: id)):\(e.column): corrupt snapshot: \(e.message); nothing was changed"))
        } catch {
            fail(error)
        }
        return nil
    }

    // MARK: adding

    func insert(_ v: Vacancy) throws {
        guard vacancyIndex[v.id] == nil else { throw RecordError("vacancy \(v.id) exists already") }
        vacancyIndex[v.id] = vacancies.count
        vacancies.append(v)
    }

    func insert(_ a: Applicant) throws {
        guard applicantIndex[a.id] == nil else { throw RecordError("applicant \(a.id) exists already") }
        guard nikIndex[a.nik] == nil else { throw RecordError("applicant \(a.id) repeats the NIK of \(nikIndex[a.nik]!)") }
        applicantIndex[a.id] = applicants.count
        applicants.append(a)
        nikIndex[a.nik] = a.id
    }

    func insert(_ p: Application) throws {
        guard applicationIndex[p.id] == nil else { throw RecordError("application \(p.id) exists already") }
        let k = applications.count
        applicationIndex[p.id] = k
        applications.append(p)
        applicationsOfVacancy[p.vacancy, default: []].append(k)
        applicationsOfApplicant[p.applicant, default: []].append(k)
    }

    func insert(_ j: JobFair) throws {
        guard jobfairIndex[j.id] == nil else { throw RecordError("job fair \(j.id) exists already") }
        jobfairIndex[j.id] = jobfairs.count
        jobfairs.append(j)
    }

    func insert(_ e: Employee) throws {
        guard employeeIndex[e.id] == nil else { throw RecordError("employee \(e.id) exists already") }
        employeeIndex[e.id] = employees.count
        employees.append(e)
    }

    func reindexApplications() {
        applicationIndex = [:]
        applicationsOfVacancy = [:]
        applicationsOfApplicant = [:]
        for (i, p) in applications.enumerated() {
            applicationIndex[p.id] = i
            applicationsOfVacancy[p.vacancy, default: []].append(i)
            applicationsOfApplicant[p.applicant, default: []].append(i)
        }
    }

    /// Records an entry: in the trail when it is in memory, and among the new ones for the
    /// next fold to append to the audit file.
    func appendAudit(_ entry: AuditEntry) {
        if source != nil { newAudit.append(entry) }
        if isRead(State.auditKey) {
            audit.append(entry)
            indexAudit(audit.count - 1)
        }
    }

    private func indexAudit(_ k: Int) {
        let entry = audit[k]
        auditOfEntity[entry.entity, default: []].append(k)
        if let v = entry.vacancy { auditOfVacancy[v, default: []].append(k) }
    }
}
