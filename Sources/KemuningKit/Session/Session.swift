import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// Something for the executable to show, in the order it happened.
public enum Event {
    case output(Output)
    case diagnostic(Diagnostic)
    case warning(Message)
    /// A command about to run, under `--echo` (personal data already masked).
    case echo(String)
    /// Nothing to show, but a wait is coming (`sleep`): what is buffered should be shown now.
    case flush
    /// A long command's progress (an import past its first second): `done` of `total` rows.
    /// The executable draws it on a terminal and nowhere else; `done == total` ends it.
    case progress(done: Int, total: Int)
}

/// When a long command starts telling its progress (`Event.progress`).
public enum Progress {
    /// How long it runs first: 1 s, so a short import shows nothing. The executable lowers it
    /// for its own tests (`KEMUNING_PROGRESS_AFTER_MS`), which cannot wait on a machine's speed.
    nonisolated(unsafe) public static var afterNanos: UInt64 = 1_000_000_000
}

/// Thrown by `quit` / `exit`: the session ends with this code.
public struct QuitRequest: Error {
    public var code: Int32?
}

/// One user's session: settings, variables, the store, and the interpreter that runs
/// statements from the prompt, from `-c`, from stdin and from script files.
public final class Session {
    public var settings = Settings()
    /// The language of what the session shows (`set lang`).
    public var lang: Lang { settings.lang }
    /// The state and its changes: commits, undo, atomic runs (the store floor).
    public let ledger: Ledger
    public var backend: StoreBackend { ledger.backend }
    public let table: CommandTable
    /// Where events go; the executable renders them. The library never prints.
    public var emit: (Event) -> Void {
        get {
            let sink = self.sink
            return { [weak self] event in
                // A recording with a transcript keeps the table form of what the command showed.
                if case .output(let o) = event, let r = self?.recorder, r.transcript != nil {
                    r.pendingOutput += Renderer(format: .table).render(o)
                }
                sink(event)
            }
        }
        set { sink = newValue }
    }
    private var sink: (Event) -> Void = { _ in }
    /// The recording under way (`record start`), if any.
    public internal(set) var recorder: Recorder?
    /// The REPL's history, for the `history` command.
    public var historyProvider: () -> [String] = { [] }
    /// Runs the language: statements, variables, `source` nesting, errors and the exit status.
    public private(set) lazy var interpreter = Interpreter(session: self)


    public init(backend: StoreBackend, table: CommandTable = .standard) {
        self.ledger = Ledger(backend: backend)
        self.table = table
        ledger.warn = { [weak self] in self?.emit(.warning($0)) }
    }

    // MARK: the store

    /// The state, loading the store on first use (startup never loads it).
    public func state() throws -> State { try ledger.state() }

    public var isStoreLoaded: Bool { ledger.isLoaded }

    /// Opens another store by its `--store` value (a directory or a PostgreSQL URL), for
    /// `store copy`; the executable, which knows every kind of store, sets it.
    public var openStore: ((String) throws -> StoreBackend)?

    /// Whether other sessions write the store at the same time (PostgreSQL).
    public var isSharedStore: Bool { backend is SharedStoreBackend }

    /// Who the audit trail says made a change: on a store others share, the database role
    /// this session logged in as (no setting can change it); else the `operator` setting.
    public var operatorName: String {
        guard let shared = backend as? SharedStoreBackend else { return settings.operatorName }
        if let role = try? shared.sessionUser() {
            settings.operatorName = role
            settings.operatorFromStore = true
        }
        return settings.operatorName
    }

    /// Applies a change with its audit entries, journaled before the command's output can be
    /// shown.
    public func commit(_ change: Changeset) throws { try ledger.commit(change) }

    func emitStoreWarnings() { ledger.emitStoreWarnings() }

    // MARK: undo and redo

    /// Takes back the changes of the last `count` commands, newest first. Returns what was undone.
    public func undo(_ count: Int) throws -> [String] {
        try ledger.undo(count, today: settings.today, by: operatorName)
    }

    /// Makes again the last `count` commands undone. Returns what was redone.
    public func redo(_ count: Int) throws -> [String] { try ledger.redo(count) }

    // MARK: atomic runs

    public var inAtomicRun: Bool { ledger.inAtomicRun }

    /// Starts an all-or-nothing run: changes apply in memory and are written only at the end.
    public func beginAtomic() throws { try ledger.beginAtomic() }

    /// Ends an atomic run: all of its changes written as one, or none.
    public func endAtomic(success: Bool) throws { try ledger.endAtomic(success: success) }

    func refuseInAtomicRun(_ what: String) throws { try ledger.refuseInAtomicRun(what) }

    // MARK: the round cache

    /// Who went on to SKB per vacancy, kept once a vacancy is past SKD: from then on its SKD
    /// scores, screening and settings cannot change, so the set cannot either. Keyed by the
    /// vacancy as it was and its number of applications, and dropped whenever the state is
    /// replaced, so a stale answer cannot survive a restore.
    private var admittedCache: [String: (vacancy: Vacancy, count: Int, ids: Set<String>)] = [:]
    /// The ledger's `resets` when the cache was last known good.
    private var cacheResets = 0

    /// A view of a vacancy's round, reusing what is known to be fixed.
    public func round(_ v: Vacancy) throws -> RoundView {
        let st = try state()
        if cacheResets != ledger.resets {
            admittedCache = [:]
            cacheResets = ledger.resets
        }
        guard v.state >= .skb else { return RoundView(st, v) }
        let count = st.applicationCount(ofVacancy: v.id)
        if let c = admittedCache[v.id], c.vacancy == v, c.count == count {
            return RoundView(st, v, admitted: c.ids)
        }
        let ids = RoundView(st, v).admittedToSKB()
        admittedCache[v.id] = (v, count, ids)
        return RoundView(st, v, admitted: ids)
    }

    /// Replaces the whole state (`snapshot restore`) and makes it durable at once.
    public func replaceState(_ new: State) throws { try ledger.replaceState(new) }

    /// Folds the journal into the snapshot. Returns false when there was nothing to fold.
    @discardableResult
    public func save() throws -> Bool { try ledger.save() }

    /// Flushes and releases the store; folds the journal into the snapshot.
    public func close() throws { try ledger.close() }

    // MARK: the language, run by the interpreter

    public var variables: [String: String] {
        get { interpreter.variables }
        set { interpreter.variables = newValue }
    }
    /// True at the prompt: errors never end the session and show no file location.
    public var interactive: Bool {
        get { interpreter.interactive }
        set { interpreter.interactive = newValue }
    }
    /// The first failure's exit code in this session (0 while all went well).
    public var exitStatus: Int32 { interpreter.exitStatus }

    public func run(text: String, source: Source) throws { try interpreter.run(text: text, source: source) }
    public func run(lines next: () throws -> String?, source: Source) throws { try interpreter.run(lines: next, source: source) }
    public func execute(_ statements: [Statement], source: Source) throws { try interpreter.execute(statements, source: source) }
    public func report(_ error: KemuningError, source: Source?) { interpreter.report(error, source: source) }
    public func clearStatus() { interpreter.clearStatus() }
    public func runFile(_ path: String, from parent: Source?, at range: SourceRange?) throws {
        try interpreter.runFile(path, from: parent, at: range)
    }
}
