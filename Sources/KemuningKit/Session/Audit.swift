import KemuningCore
import KemuningDomain
import KemuningStore
extension Invocation {
    /// An audit entry for a change to `entity`, dated with the session's today and its operator.
    /// Its number is stamped when the change is applied.
    /// `on` is the day of the decision when it is not today (`--date`): the entry keeps both.
    public func audit(_ entity: String, vacancy: String?, action: String, before: JSON? = nil, after: JSON? = nil,
                      fields: [AuditEntry.FieldChange]? = nil, on: Day? = nil) -> AuditEntry {
        AuditEntry(seq: 0, at: today, on: on, by: context.operatorName, entity: entity, vacancy: vacancy, action: action,
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
    public func put<R: StoredRecord>(_ record: R, before: R, vacancy: String? = nil, action: String, on: Day? = nil) throws {
        try commit(.put(record), audit: [audit(record.id, vacancy: vacancy, action: action, before: before.json, after: record.json, on: on)])
    }

    /// A date flag (today when absent), refused when it is after today: what happened is
    /// recorded as of its day, never ahead of it.
    public func pastDay(_ flag: String) throws -> Day {
        guard let d = try args.day(flag) else { return today }
        guard d <= today else {
            throw fail("--\(flag) \(d) is after today (\(today))", at: args.range(flag), hint: "set today DATE to work as of another day")
        }
        return d
    }

    /// The record of a table kind (training, request, holiday ...) that `a` names, or an error
    /// at `a` that says what ids there are.
    public func record<R: StoredRecord>(_ type: R.Type, _ a: Arg, kind: Message) throws -> R {
        let state = try self.state
        guard let r = try state.record(type, a.text.uppercased()) else {
            throw fail("no \(kind) '\(a.text)'", at: a.range, hint: unknownIdHint(try state.records(type).map(\.id), a.text, kind: kind))
        }
        return r
    }

    /// The applicant `a` names, or an error at `a` that says what ids there are.
    public func applicant(_ a: Arg) throws -> Applicant {
        let state = try self.state
        guard let found = state.applicant(a.text.uppercased()) else {
            throw fail("no applicant '\(a.text)'", at: a.range, hint: unknownIdHint(state.applicants.map(\.id), a.text, kind: "applicant"))
        }
        return found
    }

    /// The day of a stage decision of `v`: `--date` when given, else today. Work done on
    /// paper is entered later, as of its day, but never after today and never before the
    /// vacancy entered `stage`: a decision cannot precede the stage it belongs to.
    public func decisionDay(_ v: Vacancy, _ stage: VacancyState, flag: String = "date") throws -> Day {
        let day = try pastDay(flag)
        if let opened = v.stages[stage], day < opened {
            throw fail("--\(flag) \(day) is before \(v.id) entered \(stage.rawValue) (\(opened))", at: args.range(flag))
        }
        return day
    }
}
