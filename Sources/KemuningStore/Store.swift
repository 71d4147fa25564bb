import KemuningCore
import KemuningDomain
/// When the journal is flushed to disk with fsync.
///
/// This is the trade-off of Redis's `appendfsync` and SQLite's `synchronous=NORMAL`: every
/// record is written (with write(2)) before the command's output is shown, so a killed process
/// loses nothing it acknowledged; fsync, which also survives power loss, costs ~100x more.
public enum SyncPolicy: String, Sendable, CaseIterable {
    /// fsync after every change. The default at the prompt, where nobody notices 200 µs.
    case always
    /// Group commit: fsync at least every 100 ms while changes are pending, and at the end.
    /// The default for scripts.
    case batch
}

/// What a store gives back when it opens.
public struct LoadedState {
    public var state: State
    /// Things worth telling the user that did not stop the load (a torn journal tail).
    public var warnings: [Message]

    public init(state: State, warnings: [Message]) {
        self.state = state
        self.warnings = warnings
    }
}

/// One row of `store check`.
public struct CheckFinding: Equatable, Sendable {
    public var file: String
    public var ok: Bool
    public var detail: Message
    /// A file of the snapshot that cannot be read whole: the store cannot be used (exit 3).
    public var unreadable = false

    public init(file: String, ok: Bool, detail: Message, unreadable: Bool = false) {
        self.file = file
        self.ok = ok
        self.detail = detail
        self.unreadable = unreadable
    }
}

/// A named snapshot as `snapshot list` shows it.
public struct NamedSnapshot: Equatable, Sendable {
    public var name: String
    public var bytes: Int
    public var seq: Int

    public init(name: String, bytes: Int, seq: Int) {
        self.name = name
        self.bytes = bytes
        self.seq = seq
    }
}

/// The narrow interface between a session and where its state lives. The embedded default is
/// `FileStore`, a directory of JSON files; `MemoryStore` keeps nothing.
public protocol StoreBackend: AnyObject {
    /// A path, or `(memory)`.
    var location: String { get }
    /// Reads the state. Throws `KemuningError` of kind `.store` when the store cannot be used.
    func load() throws -> LoadedState
    /// Why this process may not change the store, if it may not (another process holds it).
    var readOnlyReason: Message? { get }
    /// Records one change durably enough to acknowledge it (see `SyncPolicy`).
    func append(_ entry: JournalEntry, seq: Int) throws
    /// True when the journal has grown enough, next to the parts of `state` it changed, that
    /// it should be folded into the snapshot.
    func wantsCheckpoint(_ state: State) -> Bool
    /// True when the journal holds changes the snapshot does not (or there is no snapshot yet).
    var hasUnfoldedChanges: Bool { get }
    /// Writes the whole state as the snapshot and empties the journal.
    func checkpoint(_ state: State) throws
    /// The parts the last fold wrote, when it wrote the state numbered `seq`: the ledger's
    /// state reads from them from then on.
    func foldedSource(at seq: Int) -> PartSource?
    /// Whether the store is in an older format, migrated before its first change.
    var needsUpgrade: Bool { get }
    /// Appends the state's new audit entries to the audit file ahead of the next fold, so a
    /// long run does not hold them all in memory. Best effort: on failure they stay in memory.
    func spillAudit(_ state: inout State)
    /// Forces pending journal writes to disk.
    func sync() throws
    /// Syncs, folds the journal when there is one, and releases the store.
    func close(_ state: State?) throws

    /// The undo log: what sessions left so that a later one can take back its operator's last
    /// changes (`undo` after the session that made them ended). Empty when there is none.
    func readUndoLog() -> [UInt8]
    /// Appends lines to the undo log, synced. Best effort for the caller: losing it loses only
    /// the chance to undo, never a change.
    func appendUndoLog(_ bytes: [UInt8]) throws

    func saveNamed(_ name: String, _ state: State) throws
    func loadNamed(_ name: String) throws -> State
    func listNamed() throws -> [NamedSnapshot]
    func deleteNamed(_ name: String) throws

    /// Things the store has to tell since it was last asked (a fold that could not run, a
    /// directory that could not be synced): worth a warning, not a failure.
    func drainWarnings() -> [Message]

    /// Creates what the store needs before its first use (`store init`): PostgreSQL's tables.
    /// Returns what it did.
    func initialize() throws -> Message

    /// Facts for `store info`: (key, value) pairs.
    func info() -> [(String, JSON)]
    /// Verifies every file; one finding per file.
    func check() -> [CheckFinding]
}

extension StoreBackend {
    public func drainWarnings() -> [Message] { [] }
    public func initialize() throws -> Message { "\(location) needs nothing made first: a file store is made by its first change" }
    public func foldedSource(at seq: Int) -> PartSource? { nil }
    public var needsUpgrade: Bool { false }
    public func spillAudit(_ state: inout State) {}

    /// Checks a snapshot name: letters, digits, `.`, `_`, `-`, not starting with a dot.
    public static func validateSnapshotName(_ name: String) throws {
        let ok = !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { ($0.isASCII && (Name.isChar($0) || $0 == "-" || $0 == ".")) }
        guard ok else {
            throw KemuningError.failed("bad snapshot name '\(name)': use up to 64 letters, digits, '.', '_' or '-', not starting with '.'")
        }
    }
}

/// Keeps everything in memory: `--memory`, and tests.
public final class MemoryStore: StoreBackend {
    private var named: [String: State] = [:]
    private var undoLog: [UInt8] = []
    public func readUndoLog() -> [UInt8] { undoLog }
    public func appendUndoLog(_ bytes: [UInt8]) throws { undoLog += bytes }
    public private(set) var appended = 0

    public init() {}

    public var location: String { "(memory)" }
    public var readOnlyReason: Message? { nil }
    public func load() throws -> LoadedState { LoadedState(state: State(), warnings: []) }
    public func append(_ entry: JournalEntry, seq: Int) throws { appended += 1 }
    public func wantsCheckpoint(_ state: State) -> Bool { false }
    public var hasUnfoldedChanges: Bool { false }
    public func checkpoint(_ state: State) throws {}
    public func sync() throws {}
    public func close(_ state: State?) throws {}

    public func saveNamed(_ name: String, _ state: State) throws {
        try Self.validateSnapshotName(name)
        named[name] = state
    }

    public func loadNamed(_ name: String) throws -> State {
        try Self.validateSnapshotName(name)
        guard let s = named[name] else { throw KemuningError.failed("no snapshot named '\(name)'") }
        return s
    }

    public func listNamed() throws -> [NamedSnapshot] {
        named.keys.sorted().map { NamedSnapshot(name: $0, bytes: named[$0]!.json.serialized().utf8.count, seq: named[$0]!.seq) }
    }

    public func deleteNamed(_ name: String) throws {
        try Self.validateSnapshotName(name)
        guard named.removeValue(forKey: name) != nil else { throw KemuningError.failed("no snapshot named '\(name)'") }
    }

    public func info() -> [(String, JSON)] { [("path", .string(location)), ("persisted", false)] }
    public func check() -> [CheckFinding] { [CheckFinding(file: location, ok: true, detail: "nothing is persisted")] }
}

/// A change another session committed to a shared store, as this one catches up with it.
public struct ForeignChange: Sendable {
    public var seq: Int
    public var changeset: Changeset
    /// Who committed it (the database role) and when (`2026-11-30 10:04`), as the server says.
    public var by: String
    public var at: String
    /// The command that made it, as its session showed it (NIKs masked).
    public var command: String

    public init(seq: Int, changeset: Changeset, by: String, at: String, command: String) {
        self.seq = seq
        self.changeset = changeset
        self.by = by
        self.at = at
        self.command = command
    }
}

/// What a session has to catch up with: the changes others committed since it last looked, or
/// a whole new state to read (another session restored a named snapshot).
public struct StoreTail: Sendable {
    public var changes: [ForeignChange]
    public var mustReload: Bool

    public init(changes: [ForeignChange] = [], mustReload: Bool = false) {
        self.changes = changes
        self.mustReload = mustReload
    }
}

/// A store that other sessions write at the same time (PostgreSQL). A session sees the others'
/// changes before each command; a command that changes the store takes the store's write lock,
/// catches up under it, is checked against that latest state, and has all its changes
/// committed together when it ends, or none of them.
public protocol SharedStoreBackend: StoreBackend {
    /// The changes others committed after change `seq`, read without a lock.
    func tail(after seq: Int) throws -> StoreTail
    /// Takes the write lock for one command (held until `commitWrite` or `abortWrite`) and
    /// returns the changes others committed after `seq`.
    func beginWrite(after seq: Int) throws -> StoreTail
    /// Makes the command's changes durable and visible to the others; releases the lock.
    func commitWrite() throws
    /// Drops the command's changes and releases the lock.
    func abortWrite()
    /// Who this session is to the store (the database role it logged in as): the operator the
    /// audit trail records, which no setting can change.
    func sessionUser() throws -> String
    /// The command now running, as the change log keeps it beside each change.
    func setCommandText(_ text: String)
}
