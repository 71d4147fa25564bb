import KemuningCore
import KemuningDomain
import KemuningStore
extension Invocation {
    /// An audit entry for a change to `entity`, dated with the session's today and its operator.
    /// Its number is stamped when the change is applied.
    public func audit(_ entity: String, vacancy: String?, action: String, before: JSON? = nil, after: JSON? = nil,
                      fields: [AuditEntry.FieldChange]? = nil) -> JSON {
        let changes = fields ?? (after.map { fieldChanges(before, $0) } ?? [])
        var o = JSONObject([("at", .string(today.description)), ("by", .string(context.settings.operatorName)),
                            ("entity", .string(entity))])
        o["vacancy"] = vacancy.map { .string($0) } ?? .null
        o["action"] = .string(action)
        o["changes"] = .array(changes.map { .object(JSONObject([("field", .string($0.field)), ("before", $0.before), ("after", $0.after)])) })
        return .object(o)
    }

    /// Commits one record change (`op` such as `application.put`, the record under `key`) with
    /// its audit entries.
    public func commit(_ op: String, _ key: String, _ record: JSON, audit entries: [JSON]) throws {
        try context.commit(Change(op: op, data: JSONObject([(key, record), ("audit", .array(entries))])))
    }

    /// Commits several record changes as one, all or nothing.
    public func commitBatch(_ parts: [(op: String, key: String, record: JSON)], audit entries: [JSON]) throws {
        let changes: [JSON] = parts.map { .object(JSONObject([("op", .string($0.op)), ("data", .object(JSONObject([($0.key, $0.record)])))])) }
        try context.commit(Change(op: "batch", data: JSONObject([("changes", .array(changes)), ("audit", .array(entries))])))
    }

    /// Adds a new record of a table kind, with an audit entry saying what happened.
    public func add<R: TableRecord>(_ record: R, vacancy: String? = nil, action: String) throws {
        try context.commit(Change(op: "record.add", data: JSONObject([
            ("kind", .string(R.kind)), ("record", record.json), ("audit", .array([audit(record.id, vacancy: vacancy, action: action)])),
        ])))
    }

    /// Replaces a record of a table kind; the audit entry lists each changed field.
    public func put<R: TableRecord>(_ record: R, before: R, vacancy: String? = nil, action: String) throws {
        try context.commit(Change(op: "record.put", data: JSONObject([
            ("kind", .string(R.kind)), ("record", record.json),
            ("audit", .array([audit(record.id, vacancy: vacancy, action: action, before: before.json, after: record.json)])),
        ])))
    }
}
