import KemuningCore
import KemuningDomain

/// A record of any kind, as a change carries it.
public struct AnyRecord: Equatable, Sendable, CustomStringConvertible {
    public let record: any StoredRecord

    public init(_ record: any StoredRecord) { self.record = record }

    public var kind: any StoredRecord.Type { type(of: record) }
    public var id: String { record.id }
    public var description: String { "\(kind.kind) \(id)" }

    public static func == (a: AnyRecord, b: AnyRecord) -> Bool { a.record.isSame(as: b.record) }
}

/// One change to the state. Changes are applied only through `State.apply`, journaled as they
/// were made, and undone through `State.inverse(of:)`.
public indirect enum Change: Equatable, Sendable {
    /// A new record; its id must be new.
    case add(AnyRecord)
    /// A record replaced by a new version with the same id.
    case put(AnyRecord)
    /// A record taken out again (how an add is undone), with its kind's id counter as it was
    /// before the add, so the id is handed out again.
    case remove(kind: String, id: String, counter: Int?)
    /// A policy set, or put back to its default (`nil`).
    case policy(name: String, value: String?)
    /// Several changes as one, all or nothing.
    case batch([Change])

    public static func add(_ record: some StoredRecord) -> Change { .add(AnyRecord(record)) }
    public static func put(_ record: some StoredRecord) -> Change { .put(AnyRecord(record)) }

    /// The record ids the change touches (`policy:NAME` for a policy), in order.
    public var entities: [String] {
        switch self {
        case .add(let r), .put(let r): return [r.id]
        case .remove(_, let id, _): return [id]
        case .policy(let name, _): return ["policy:\(name)"]
        case .batch(let parts): return parts.flatMap(\.entities)
        }
    }

    /// Whether the change, once applied, can be taken back by applying its inverse (`State.inverse(of:)`):
    /// an add, a put or a policy; a removal and a nested batch cannot.
    var undoesInPlace: Bool {
        switch self {
        case .add, .put, .policy: return true
        case .remove, .batch: return false
        }
    }

    /// The changes it is made of: itself, or a batch's parts.
    public var parts: [Change] {
        if case .batch(let parts) = self { return parts }
        return [self]
    }
}

/// What one commit journals: a change, and the audit entries that say what it did (numbered
/// when it is applied). `audit` is nil for a change recorded without an audit entry (an
/// applicant's registration, whose personal data the trail does not repeat).
public struct Changeset: Equatable, Sendable {
    public var change: Change
    public var audit: [AuditEntry]?

    public init(_ change: Change, audit: [AuditEntry]? = nil) {
        self.change = change
        self.audit = audit
    }
}

// MARK: the journal's form

/// How a change is written in a journal line: `{"op": NAME, "data": {...}}`. The five first kinds
/// are written `vacancy.add` with the record under `vacancy`; the others `record.add` with
/// `kind` and `record`. This is the only place that knows the op names.
enum JournalForm {
    /// The kinds written under their own op names (`vacancy.add`); the others are `record.*`.
    static let ownOps: Set<String> = ["vacancy", "applicant", "application", "jobfair", "employee"]

    static func op(_ change: Change) -> String {
        switch change {
        case .add(let r): return ownOps.contains(r.kind.kind) ? "\(r.kind.kind).add" : "record.add"
        case .put(let r): return ownOps.contains(r.kind.kind) ? "\(r.kind.kind).put" : "record.put"
        case .remove: return "remove"
        case .policy: return "policy.set"
        case .batch: return "batch"
        }
    }

    /// The change's data as the journal writes it. With `checking`, each record is read back
    /// from the JSON it is written as, right after it is made: a value computed out of range (a
    /// date past 2999) is refused before anything is written or applied.
    static func data(_ change: Change, checking: Bool = false) throws -> JSONObject {
        switch change {
        case .add(let r), .put(let r):
            let json = r.record.json
            if checking { _ = try r.kind.init(json: json) }
            if ownOps.contains(r.kind.kind) { return JSONObject([(r.kind.kind, json)]) }
            return JSONObject([("kind", .string(r.kind.kind)), ("record", json)])
        case .remove(let kind, let id, let counter):
            var d = JSONObject([("kind", .string(kind)), ("id", .string(id))])
            if let counter { d["counter"] = JSON(counter) }
            return d
        case .policy(let name, let value):
            return JSONObject([("name", .string(name)), ("value", value.map { .string($0) } ?? .null)])
        case .batch(let parts):
            return JSONObject([("changes", .array(try parts.map {
                .object(JSONObject([("op", .string(op($0))), ("data", .object(try data($0, checking: checking)))]))
            }))])
        }
    }

    /// A change that is well formed but cannot be applied as read (an op this version does not
    /// know, a batch without its parts): reported as a change that does not apply, after the
    /// journal's order is checked, as it always was.
    struct NotApplicable: Error {
        var error: RecordError
    }

    /// Reads a line's change: every record decoded and checked to read back as written, every
    /// policy value valid, every audit entry well formed. Throws `RecordError` for a line that
    /// is corrupt, `NotApplicable` for one that cannot apply.
    static func changeset(op: String, data: JSONObject) throws -> Changeset {
        let change = try self.change(op: op, data: data)
        guard let a = data["audit"] else { return Changeset(change, audit: nil) }
        var entries: [AuditEntry] = []
        for e in a.arrayValue ?? [] {
            guard var o = e.objectValue else { throw RecordError("a malformed audit entry") }
            o["seq"] = JSON(1)
            let entry = try AuditEntry(json: .object(o))
            try State.requireReadsBack(.object(o), entry.storedForm(of: .object(o)))
            entries.append(entry)
        }
        return Changeset(change, audit: a.arrayValue == nil ? [] : entries)
    }

    static func change(op: String, data: JSONObject) throws -> Change {
        guard let read = readers[op] else { throw NotApplicable(error: RecordError.unknownChange(op)) }
        return try read(op, data)
    }

    typealias Reader = @Sendable (String, JSONObject) throws -> Change

    /// The reader of each op a journal line may hold: one per op, none switched on.
    static let readers: [String: Reader] = {
        var readers: [String: Reader] = [:]
        for name in ownOps {
            let type = RecordKinds.byName[name]!
            readers["\(name).add"] = { op, data in .add(try record(type, try field(op, data, name))) }
            readers["\(name).put"] = { op, data in .put(try record(type, try field(op, data, name))) }
        }
        for op in ["record.add", "record.put"] {
            readers[op] = { op, data in
                guard let kind = data["kind"]?.stringValue, let type = State.tableKinds[kind] else {
                    throw RecordError("change '\(op)' names an unknown record kind \((data["kind"] ?? .null).serialized())")
                }
                let r = try record(type, try field(op, data, "record"))
                guard splitId(r.id)?.0 == type.prefix else { throw NotApplicable(error: RecordError("'\(r.id)' is not a \(kind) id")) }
                return op == "record.add" ? .add(r) : .put(r)
            }
        }
        readers["policy.set"] = { _, data in
            guard let name = data["name"]?.stringValue else { throw RecordError("policy change has no 'name'") }
            if let v = data["value"], !v.isNull {
                guard let text = v.stringValue else { throw RecordError("policy '\(name)' must be a string, not \(JSON.typeName(v))") }
                try State.checkPolicy(name, text)
                return .policy(name: name, value: text)
            }
            guard Policy(rawValue: name) != nil else { throw RecordError("unknown policy '\(name)'") }
            return .policy(name: name, value: nil)
        }
        readers["remove"] = { _, data in
            guard let kind = data["kind"]?.stringValue, let id = data["id"]?.stringValue else {
                throw NotApplicable(error: RecordError("a removal needs 'kind' and 'id'"))
            }
            return .remove(kind: kind, id: id, counter: data["counter"]?.intValue)
        }
        readers["batch"] = { _, data in
            var changes: [Change] = []
            var notApplicable: NotApplicable?
            for p in data["changes"]?.arrayValue ?? [] {
                guard let o = p.objectValue, let op = o["op"]?.stringValue, let d = o["data"]?.objectValue else {
                    throw RecordError("batch change holds a malformed change")
                }
                // A part that is a batch itself is read for damage, but never applies.
                if op == "batch" {
                    do { _ = try change(op: op, data: d) } catch is NotApplicable {}
                    notApplicable = notApplicable ?? NotApplicable(error: RecordError.unknownChange(op))
                    continue
                }
                do { changes.append(try change(op: op, data: d)) } catch let e as NotApplicable { notApplicable = notApplicable ?? e }
            }
            if let notApplicable { throw notApplicable }
            guard data["changes"]?.arrayValue != nil else { throw NotApplicable(error: RecordError("batch change has no 'changes'")) }
            return .batch(changes)
        }
        return readers
    }()

    private static func field(_ op: String, _ data: JSONObject, _ key: String) throws -> JSON {
        guard let v = data[key] else { throw RecordError("change '\(op)' has no '\(key)'") }
        return v
    }

    /// A record read as its kind, refused unless it reads back as written.
    private static func record(_ type: any StoredRecord.Type, _ given: JSON) throws -> AnyRecord {
        let r = try type.init(json: given)
        try State.requireReadsBack(given, r.json)
        return AnyRecord(r)
    }
}

extension JournalEntry {
    /// Reads one journal line (without its newline) as the file store's journal and the
    /// PostgreSQL store's change log both keep it: its number and its change, every record
    /// checked to read back as written. Throws `JSONError` or `RecordError`.
    package static func read(line: UnsafeBufferPointer<UInt8>) throws -> (seq: Int, changeset: Changeset) {
        let json = try JSON.parse(line, rejectingDuplicateKeys: true)
        let (seq, op, data) = try FileStore.decodeRecord(json)
        do { return (seq, try JournalForm.changeset(op: op, data: data)) } catch let e as JournalForm.NotApplicable { throw e.error }
    }

    /// The change's op as the journal names it (`vacancy.add`, `batch`).
    package var opName: String { op }
}

extension RecordError {
    /// A change no version writes (an op it does not know, a batch inside a batch).
    static func unknownChange(_ op: String) -> RecordError { RecordError("unknown change '\(op)'") }
}


/// A change ready for the journal: its records encoded once, and read back from that form
/// before anything is applied or written.
public struct JournalEntry {
    public let changeset: Changeset
    let op: String
    /// The change's data, without its audit entries.
    let data: JSONObject

    /// Encodes the change's records, refusing one that does not read back as written.
    public init(checking set: Changeset) throws {
        self.init(set, op: JournalForm.op(set.change), data: try JournalForm.data(set.change, checking: true))
    }

    init(_ set: Changeset, op: String, data: JSONObject) {
        self.changeset = set
        self.op = op
        self.data = data
    }

    /// `{"seq":N,"op":...,"data":{...,"audit":[...]}}` and a newline. Audit entries are written
    /// from the text of their changes, never parsed again.
    public func line(seq: Int) -> [UInt8] {
        // One buffer, written in place.
        var out: [UInt8] = []
        out.reserveCapacity(512)
        JSON.object(JSONObject([("seq", JSON(seq)), ("op", .string(op)), ("data", .object(data))])).write(to: &out)
        guard let audit = changeset.audit else {
            out.append(10)
            return out
        }
        out.removeLast(2)  // the closing braces of data and the line
        if out.last != 123 { out.append(44) }  // a comma unless data is empty
        out.append(contentsOf: Array("\"audit\":[".utf8))
        for (k, entry) in audit.enumerated() {
            if k > 0 { out.append(44) }
            var o = entry.headJSON
            o.removeValue(forKey: "seq")
            JSON.object(o).write(to: &out)
            out.removeLast()  // its closing brace: the changes follow
            out.append(contentsOf: Array(",\"changes\":".utf8))
            out.append(contentsOf: entry.changesText.utf8)
            out.append(125)
        }
        out.append(contentsOf: [93, 125, 125, 10])  // ]}} and a newline
        return out
    }
}
