import KemuningCore
import KemuningDomain
import KemuningStore

/// A command being run: its parsed arguments and what it may reach of the session.
public struct Invocation {
    public let context: CommandContext
    public let args: Arguments

    public var state: State {
        get throws { try context.state() }
    }

    public var today: Day { context.today }

    public func fail(_ message: Message, at range: SourceRange? = nil, hint: Message? = nil) -> KemuningError {
        KemuningError.failed(message, at: range ?? args.commandRange, hint: hint)
    }
}

/// All that a command may reach of the session it runs in, and nothing more: the state and
/// today to read, the settings, the variables and exit status to read, output, files named
/// relative to the running script, changes (commit, undo, redo), a vacancy's round, recording,
/// and the store's own operations for the store commands. The session is private to this type,
/// so a command cannot reach the interpreter (its frames, its statements), the undo stacks,
/// the atomic run, the round cache or the backend's writing side.
public struct CommandContext {
    private let session: Session

    init(_ session: Session) {
        self.session = session
    }

    // MARK: reading

    /// The state, loading the store on first use.
    public func state() throws -> State { try session.state() }

    /// Throws when a part of the store the command read could not be read (it read as empty):
    /// asked before anything made from the state leaves the process, a published file above all.
    public func checkStoreRead() throws { try session.ledger.checkLoaded() }

    /// The session's date (`set today`).
    public var today: Day { session.settings.today }

    /// Who the audit trail says made a change (the database role on a PostgreSQL store).
    public var operatorName: String { session.operatorName }

    /// The settings (format, today, operator, language ...); only `set` changes them.
    public var settings: Settings {
        get { session.settings }
        nonmutating set { session.settings = newValue }
    }

    /// The commands, for `help`.
    public var table: CommandTable { session.table }

    /// The variables, to read (`vars`); only `let` binds them.
    public var variables: [String: String] { session.interpreter.variables }

    /// The first failure's exit code so far (`quit` without a code).
    public var exitStatus: Int32 { session.interpreter.exitStatus }

    /// What was entered at the prompt (`history`).
    public func history() -> [String] { session.historyProvider() }

    // MARK: output

    /// Shows something before the command's own output (a table beside a failure, a flush
    /// before a wait).
    public func emit(_ event: Event) { session.emit(event) }

    // MARK: files

    /// Where a file named in a command points: relative to the script being run.
    public func path(_ written: String) -> String {
        ScriptFile.resolve(written, relativeTo: session.interpreter.currentSource)
    }

    /// Runs a script file inside the one being run (`source`, `run`), its path taken relative
    /// to the source of the statement run last: for the second file of `run A B`, that is A.
    public func runFile(_ path: String, at range: SourceRange?) throws {
        try session.interpreter.runFile(path, from: session.interpreter.currentSource, at: range)
    }

    // MARK: changes

    /// Applies a change with its audit entries and journals it before the command's output can be shown.
    public func commit(_ change: Changeset) throws { try session.commit(change) }

    /// Runs `body` so that its changes are kept together or not at all (an import): when it
    /// throws, or when `keep` is false (`--check`), nothing it changed remains.
    public func allOrNothing<T>(keep: Bool, _ body: () throws -> T) throws -> T {
        try session.ledger.allOrNothing(keep: keep, body)
    }

    /// Runs one command of the table on words already split (an import's row), as the
    /// interpreter would: parsed and checked against its spec, then run.
    public func run(_ spec: CommandSpec, _ words: [Arg], commandRange: SourceRange) throws -> Output {
        let parsed = try session.table.parse(words, for: spec, commandRange: commandRange)
        return try spec.run(Invocation(context: self, args: parsed))
    }

    /// Takes back the changes of the last `count` commands. Returns what was undone.
    public func undo(_ count: Int) throws -> [String] { try session.undo(count) }

    /// Makes again the last `count` commands undone. Returns what was redone.
    public func redo(_ count: Int) throws -> [String] { try session.redo(count) }

    /// A view of a vacancy's round, reusing what is known to be fixed.
    public func round(_ v: Vacancy) throws -> RoundView { try session.round(v) }

    // MARK: recording

    /// Starts recording at the depth of the running script (`record start`).
    public func startRecording(path: String?, transcript: String?) throws {
        try session.startRecording(path: path, transcript: transcript)
    }

    /// Stops recording and writes the files. Returns how many commands were recorded.
    public func stopRecording() throws -> Int { try session.stopRecording() }

    /// The file the recording under way writes, if any.
    public var recordingPath: String? { session.recorder?.path ?? session.recorder?.transcript }

    // MARK: the store itself

    /// The store's own operations and facts, for the store commands.
    public var store: StoreAccess { StoreAccess(session: session) }
}

/// What the store commands (`save`, `snapshot ...`, `store info`, `store check`) may do with
/// the store besides reading the state and committing changes.
public struct StoreAccess {
    fileprivate let session: Session

    /// Folds the journal into the snapshot. Returns false when there was nothing to fold.
    public func save() throws -> Bool { try session.save() }

    /// Refuses what writes the store directly while an atomic run holds its changes back.
    public func refuseInAtomicRun(_ what: String) throws { try session.refuseInAtomicRun(what) }

    /// Replaces the whole state (`snapshot restore`) and makes it durable at once.
    public func replaceState(_ new: State) throws { try session.replaceState(new) }

    public func saveNamed(_ name: String, _ state: State) throws { try session.backend.saveNamed(name, state) }
    public func loadNamed(_ name: String) throws -> State { try session.backend.loadNamed(name) }
    public func listNamed() throws -> [NamedSnapshot] { try session.backend.listNamed() }
    public func deleteNamed(_ name: String) throws { try session.backend.deleteNamed(name) }

    /// Creates what the store needs before its first use (PostgreSQL's tables).
    public func initialize() throws -> Message { try session.backend.initialize() }

    /// Where this store is.
    public var location: String { session.backend.location }

    /// Opens another store by its `--store` value: a PostgreSQL URL, or a directory (relative
    /// to the script, as every file a command names).
    public func open(_ location: String) throws -> StoreBackend {
        let isURL = location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
        let place = isURL ? location : CommandContext(session).path(location)
        guard let open = session.openStore else {
            if isURL { throw KemuningError.failed("this session cannot open a PostgreSQL store") }
            return FileStore(directory: place, policy: .always)
        }
        return try open(place)
    }


    /// Facts for `store info`: where the store is, its sizes.
    public func info() -> [(String, JSON)] { session.backend.info() }

    /// Verifies every file of the store; one finding per file.
    public func check() -> [CheckFinding] { session.backend.check() }

    /// Shows what the store had to say that did not stop anything.
    public func emitWarnings() { session.emitStoreWarnings() }
}
