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
    public let backend: StoreBackend
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

    private var loaded: State?

    public init(backend: StoreBackend, table: CommandTable = .standard) {
        self.backend = backend
        self.table = table
    }

    // MARK: the store

    /// The state, loading the store on first use (startup never loads it).
    public func state() throws -> State {
        if let s = loaded { return s }
        let l = try backend.load()
        for w in l.warnings { emit(.warning(w)) }
        loaded = l.state
        return l.state
    }

    public var isStoreLoaded: Bool { loaded != nil }

    /// Applies a change and journals it before the command's output can be shown.
    public func commit(_ change: Change) throws {
        try commit(change, history: .record)
    }

    enum UndoHistory { case record, undoing, redoing }

    /// Where the command now running starts, for errors that arise in the store on its behalf.
    var commandRange: SourceRange?

    func commit(_ change: Change, history: UndoHistory) throws {
        _ = try state()
        if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        let inverse = history == .record ? try? loaded!.inverse(of: change) : nil
        do {
            try loaded!.apply(change, seq: loaded!.seq + 1)
        } catch let e as RecordError where e.isDateOutOfRange {
            throw KemuningError.failed(e.message)
        } catch let e as RecordError {
            throw KemuningError.failed("internal error: \(e.message)")
        }
        defer {
            if history == .record, let inverse {
                undoStack.append(UndoEntry(command: commandNumber, text: commandText, forward: change, inverse: inverse))
                redoStack.removeAll()
                // Keep the last `undoLimit` commands: a 100,000-command script must not hold
                // every change twice in memory. Trimmed in chunks so each commit stays O(1).
                if undoStack.count > 2 * Session.undoLimit, let cut = undoStack.firstIndex(where: {
                    $0.command > undoStack.last!.command - Session.undoLimit
                }) {
                    undoStack.removeFirst(cut)
                }
            }
        }
        if transaction != nil {
            // An atomic run: held back until the whole script has succeeded.
            transaction!.append(change)
            return
        }
        do {
            try backend.append(change, seq: loaded!.seq)
        } catch {
            // Not acknowledged: forget the in-memory change by reading the store again.
            loaded = nil
            admittedCache = [:]
            undoStack.removeAll()
            redoStack.removeAll()
            // A write that failed (a full disk) is this command's failure: point at it.
            if var e = error as? KemuningError, e.range == nil, let r = commandRange {
                e.range = r
                throw e
            }
            throw error
        }
        foldIfDue(loaded!)
    }

    /// Folds the journal into the snapshot when it has grown enough. The change is already
    /// recorded, so a fold that fails (a full disk) is a warning, never the command's failure:
    /// the journal still holds everything, and a later fold takes it.
    func foldIfDue(_ state: State) {
        if backend.wantsCheckpoint {
            do { try backend.checkpoint(state) } catch {
                emit(.warning("the change is recorded, but the journal could not be folded into the snapshot (\(Message.of(error))); nothing is lost"))
            }
        }
        emitStoreWarnings()
    }

    /// Shows what the store had to say that did not stop anything.
    func emitStoreWarnings() {
        for w in backend.drainWarnings() { emit(.warning(w)) }
    }


    // MARK: undo and redo

    /// One change a command made, and the change that takes it back.
    struct UndoEntry {
        var command: Int
        var text: String
        var forward: Change
        var inverse: Change
    }

    /// How many of the latest commands `undo` can take back.
    public static let undoLimit = 1000
    private var undoStack: [UndoEntry] = []
    private var redoStack: [UndoEntry] = []
    /// Counts the statements run, so all the changes of one command are undone together.
    var commandNumber = 0
    var commandText = ""

    /// The record ids a change touches, for the audit entries of undo and redo.
    static func entities(of change: Change) -> [String] {
        if change.op == "batch" {
            return (change.data["changes"]?.arrayValue ?? []).flatMap { p -> [String] in
                guard let o = p.objectValue, let op = o["op"]?.stringValue, let d = o["data"]?.objectValue else { return [] }
                return entities(of: Change(op: op, data: d))
            }
        }
        if change.op == "remove" { return change.data["id"]?.stringValue.map { [$0] } ?? [] }
        if change.op == "policy.set" { return change.data["name"]?.stringValue.map { ["policy:\($0)"] } ?? [] }
        for (_, v) in change.data {
            if let id = v.objectValue?["id"]?.stringValue { return [id] }
        }
        return []
    }

    func stamped(_ change: Change, action: String) -> Change {
        var c = change
        c.data["audit"] = .array(Session.entities(of: change).map { id in
            .object(JSONObject([("at", .string(settings.today.description)), ("by", .string(settings.operatorName)), ("entity", .string(id)),
                                ("vacancy", .null), ("action", .string(action)), ("changes", .array([]))]))
        })
        return c
    }

    /// Takes back the changes of the last `count` commands, newest first. Each undo is itself a
    /// journaled change, so a crash does not bring the old state back. Returns what was undone.
    public func undo(_ count: Int) throws -> [String] {
        var done: [String] = []
        let horizon = (undoStack.last?.command ?? 0) - Session.undoLimit
        for _ in 0..<count {
            guard let last = undoStack.last, last.command > horizon else { break }
            var group: [UndoEntry] = []
            while let e = undoStack.last, e.command == last.command { group.append(undoStack.removeLast()) }
            for e in group { try commit(stamped(e.inverse, action: "undo of: \(e.text)"), history: .undoing) }
            redoStack.append(contentsOf: group.reversed())
            done.append(last.text)
        }
        return done
    }

    /// Makes again the last `count` commands undone. Returns what was redone.
    public func redo(_ count: Int) throws -> [String] {
        var done: [String] = []
        for _ in 0..<count {
            guard let last = redoStack.last else { break }
            var group: [UndoEntry] = []
            while let e = redoStack.last, e.command == last.command { group.append(redoStack.removeLast()) }
            group.reverse()
            for e in group {
                let inverse = try loaded!.inverse(of: e.forward)
                try commit(e.forward, history: .redoing)
                undoStack.append(UndoEntry(command: e.command, text: e.text, forward: e.forward, inverse: inverse))
            }
            done.append(last.text)
        }
        return done
    }

    public var canUndo: Bool { !undoStack.isEmpty }

    // MARK: atomic runs

    /// The changes of an atomic run so far, and the state before it began.
    private var transaction: [Change]?
    private var transactionStart: State?

    public var inAtomicRun: Bool { transaction != nil }

    /// Starts an all-or-nothing run: changes apply in memory and are written only at the end.
    public func beginAtomic() throws {
        transactionStart = try state()
        transaction = []
    }

    /// Ends an atomic run. On success every change is written as one journal line, so even a
    /// crash while writing leaves all of them or none (a torn last line is dropped at open). On
    /// failure the state goes back to what it was, and nothing was written.
    public func endAtomic(success: Bool) throws {
        guard let pending = transaction, let start = transactionStart else { return }
        transaction = nil
        transactionStart = nil
        admittedCache = [:]
        guard success else {
            loaded = start
            return
        }
        guard !pending.isEmpty else { return }
        // One change holding them all: nested batches are flattened, audit entries gathered.
        var parts: [JSON] = []
        var audits: [JSON] = []
        for c in pending {
            let inner: [(String, JSONObject)]
            if c.op == "batch" {
                inner = (c.data["changes"]?.arrayValue ?? []).compactMap { j in
                    guard let o = j.objectValue, let op = o["op"]?.stringValue, let d = o["data"]?.objectValue else { return nil }
                    return (op, d)
                }
            } else {
                inner = [(c.op, c.data)]
            }
            audits += c.data["audit"]?.arrayValue ?? []
            for (op, d) in inner {
                var data = d
                data.removeValue(forKey: "audit")
                parts.append(.object(JSONObject([("op", .string(op)), ("data", .object(data))])))
            }
        }
        let batch = Change(op: "batch", data: JSONObject([("changes", .array(parts)), ("audit", .array(audits))]))
        var next = start
        do {
            try next.apply(batch, seq: start.seq + 1)
        } catch let e as RecordError {
            loaded = start
            throw KemuningError.failed("internal error: the atomic run does not replay: \(e.message)")
        }
        do {
            try backend.append(batch, seq: next.seq)
        } catch {
            loaded = start
            throw error
        }
        loaded = next
        try backend.sync()
        foldIfDue(next)
    }

    func refuseInAtomicRun(_ what: String) throws {
        if transaction != nil {
            throw KemuningError.failed("'\(what)' cannot run inside an atomic run: it writes the store directly")
        }
    }

    /// Who went on to SKB per vacancy, kept once a vacancy is past SKD: from then on its SKD
    /// scores, screening and settings cannot change, so the set cannot either. Keyed by the
    /// vacancy as it was and its number of applications, and dropped whenever the state is
    /// replaced, so a stale answer cannot survive a restore.
    private var admittedCache: [String: (vacancy: Vacancy, count: Int, ids: Set<String>)] = [:]

    /// A view of a vacancy's round, reusing what is known to be fixed.
    public func round(_ v: Vacancy) throws -> RoundView {
        let st = try state()
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
    public func replaceState(_ new: State) throws {
        try refuseInAtomicRun("snapshot restore")
        let current = try state()
        if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        var s = new
        s.seq = current.seq + 1
        try backend.checkpoint(s)
        emitStoreWarnings()
        loaded = s
        admittedCache = [:]
        undoStack.removeAll()
        redoStack.removeAll()
    }

    /// Folds the journal into the snapshot. Returns false when there was nothing to fold.
    @discardableResult
    public func save() throws -> Bool {
        try refuseInAtomicRun("save")
        let s = try state()
        if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        guard backend.hasUnfoldedChanges else { return false }
        try backend.checkpoint(s)
        emitStoreWarnings()
        return true
    }

    /// Flushes and releases the store; folds the journal into the snapshot.
    public func close() throws {
        defer { emitStoreWarnings() }
        try backend.close(loaded)
    }

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
