import KemuningCore
/// A kind of record: vacancies, applicants, trainings, surveys, ... It has an id like `V1` or
/// `T1`, a JSON form it is stored in (its codec), and a label for people. Every kind is one
/// entry of `RecordKinds.all`, which the store's decoder, `show`, id completion, undo and
/// `store check` all read: a new kind is one type and one entry there.
public protocol StoredRecord: Equatable, Sendable {
    /// The kind's name in the store (`vacancy`, `training`): its list in the snapshot's
    /// `tables`, or its own list for the first kinds, and its name in journal lines.
    static var kind: String { get }
    /// The id prefix, e.g. `T`.
    static var prefix: String { get }
    /// What people call one (`job fair`, `appraisal`), in messages and hints.
    static var label: Message { get }
    var id: String { get }
    var json: JSON { get }
    init(json: JSON) throws
    /// A few words beside the id when ids are completed (a vacancy's title and unit); `naming`
    /// gives the name of another record by id.
    func hint(naming: (String) -> String?) -> String?
}

extension StoredRecord {
    /// A few words beside the id when ids are completed (a vacancy's title and unit); `naming`
    /// gives the name of another record by id. None by default.
    public func hint(naming: (String) -> String?) -> String? { nil }

    /// Whether `other` is this very record (same kind, same values).
    public func isSame(as other: any StoredRecord) -> Bool { (other as? Self) == self }
}

/// Every kind of record, one entry each.
public enum RecordKinds {
    public static let all: [any StoredRecord.Type] = [
        Vacancy.self, Applicant.self, Application.self, JobFair.self, Employee.self,
        Training.self, Enrollment.self, Mentorship.self, SKP.self,
        Service.self, ServiceRequest.self, Complaint.self, Forum.self, Survey.self, WorkloadTask.self, Action.self,
        Holiday.self,
    ]

    /// The kinds by their name in the store.
    public static let byName: [String: any StoredRecord.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })

    /// The kinds by id prefix (`V`, `SKP`).
    public static let byPrefix: [String: any StoredRecord.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.prefix, $0) })

    /// The kind an id belongs to, by its prefix.
    public static func of(id: String) -> (any StoredRecord.Type)? { splitId(id).flatMap { byPrefix[$0.0] } }
}

/// What the rules read: the records of a kind and the policies in force. The store's `State`
/// is one; a test may build another from plain values. Rules take this, never the store.
public protocol RecordReader {
    /// Every record of a kind, decoded, in the order they were added.
    func records<R: StoredRecord>(_ type: R.Type) throws -> [R]
    /// One record by id.
    func record<R: StoredRecord>(_ type: R.Type, _ id: String) throws -> R?
    /// A policy's value: the one set, or its default.
    func policy(_ p: Policy) -> String
}

extension RecordReader {
    public func policyInt(_ p: Policy) -> Int { Int(policy(p)) ?? Int(p.defaultValue)! }
}

// MARK: the words beside ids in completion

extension Vacancy { public func hint(naming: (String) -> String?) -> String? { "\(title) (\(unit))" } }
extension Applicant { public func hint(naming: (String) -> String?) -> String? { name } }
extension Application { public func hint(naming: (String) -> String?) -> String? { "\(naming(applicant) ?? applicant) → \(vacancy)" } }
extension JobFair { public func hint(naming: (String) -> String?) -> String? { "\(name), \(date)" } }
extension Employee { public func hint(naming: (String) -> String?) -> String? { "\(name) (\(unit))" } }
extension Training { public func hint(naming: (String) -> String?) -> String? { title } }
extension Service { public func hint(naming: (String) -> String?) -> String? { "\(name) (\(unit))" } }
extension Survey { public func hint(naming: (String) -> String?) -> String? { "\(unit), \(period)" } }
