import KemuningCore
import KemuningDomain
import KemuningStore
extension Invocation {
    /// An audit entry for a change to `entity`, dated with the session's today and its operator.
    /// Its number is stamped when the change is applied.
    public func audit(_ entity: String, vacancy: String?, action: String, before: JSON? = nil, after: JSON? = nil,
                      fields: [AuditEntry.FieldChange]? = nil) -> AuditEntry {
        AuditEntry(seq: 0, at: today, by: context.settings.operatorName, entity: entity, vacancy: vacancy, action: action,
                   changes: fields ?? (after.map { fieldChanges(before, $0) } ?? []))
    }

    /// Commits one change with its audit entries.
    public func commit(_ change: Change, audit entries: [AuditEntry]?) throws {
        try context.commit(Changeset(change, audit: entries))
    }

    /// Adds a new record, with an audit entry saying what happened.
    public func add(_ record: some StoredRecord, vacancy: String? = nil, action: String) throws {
        try commit(.add(record), audit: [audit(record.id, vacancy: vacancy, action: action)])
    }

    /// Replaces a record; the audit entry lists each changed field.
    public func put<R: StoredRecord>(_ record: R, before: R, vacancy: String? = nil, action: String) throws {
        try commit(.put(record), audit: [audit(record.id, vacancy: vacancy, action: action, before: before.json, after: record.json)])
    }
}
