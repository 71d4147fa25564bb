import KemuningCore
/// A record kind the store keeps in its tables: trainings, surveys, services, ... It has an id like
/// `T1` and a JSON form; `Invocation.add` and `Invocation.put` store it with its audit entry.
public protocol TableRecord {
    /// The table's name in the snapshot, e.g. `training`.
    static var kind: String { get }
    /// The id prefix, e.g. `T`.
    static var prefix: String { get }
    var id: String { get }
    var json: JSON { get }
    init(json: JSON) throws
}

/// What the rules read: the records of a kind and the policies in force. The store's `State`
/// is one; a test may build another from plain values. Rules take this, never the store.
public protocol RecordReader {
    /// Every record of a kind, decoded, in the order they were added.
    func records<R: TableRecord>(_ type: R.Type) throws -> [R]
    /// One record by id.
    func record<R: TableRecord>(_ type: R.Type, _ id: String) throws -> R?
    /// A policy's value: the one set, or its default.
    func policy(_ p: Policy) -> String
}

extension RecordReader {
    public func policyInt(_ p: Policy) -> Int { Int(policy(p)) ?? Int(p.defaultValue)! }
}
