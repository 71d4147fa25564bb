import KemuningCore
import KemuningDomain
#if canImport(Glibc)
import Glibc
#endif

/// The state of a store as a session sees it, and every way it changes: commits journaled
/// before they are acknowledged, undo and redo, all-or-nothing runs, a restore, a save. It
/// knows nothing of commands or the language: the interpreter tells it which command is
/// running (`beginCommand`), so the changes of one command are undone together.
public final class Ledger {
    public let backend: StoreBackend
    /// Where warnings go that do not stop anything (a journal that could not be folded).
    public var warn: (Message) -> Void = { _ in }

    private var loaded: State?
    /// Counts the times the state was dropped or replaced (a failed write, a restore, an atomic
    /// run's end), so what is derived from it can be dropped too.
    public private(set) var resets = 0

    public init(backend: StoreBackend) {
        self.backend = backend
        self.shared = backend as? SharedStoreBackend
    }

    /// The store when other sessions write it at the same time (PostgreSQL), else nil.
    private let shared: SharedStoreBackend?
    /// The shared store may have changes this session has not seen: read them before the
    /// state is used (set at each command's start).
    private var behind = false
    /// A shared store's write transaction is open for the command now running.
    private var writeOpen = false
    /// What to go back to when the command's transaction is not committed: the state and the
    /// undo lists as they were when it began.
    private var beforeWrite: (state: State, undo: Int, redo: [UndoEntry])?
    /// The changes other sessions committed that this session read since its last command
    /// began: the reason a command checked against them may be refused.
    public private(set) var othersChanges: [ForeignChange] = []

    // MARK: the state

    /// The state, loading the store on first use (startup never loads it).
    public func state() throws -> State {
        if behind, let shared, let s = loaded, !writeOpen, transaction == nil {
            behind = false
            try catchUp(try shared.tail(after: s.seq))
        }
        if let s = loaded { return s }
        let l = try backend.load()
        for w in l.warnings { warn(w) }
        loaded = l.state
        // A long journal replayed: its audit entries need not all stay in memory.
        if loaded!.unspilledAudit >= auditSpillEntries { backend.spillAudit(&loaded!) }
        return loaded!
    }

    public var isLoaded: Bool { loaded != nil }

    /// Loads the state, and refuses when this process may not change the store (another one
    /// holds it): a command that changes the store asks first, so it fails before it runs.
    public func requireWritable() throws {
        try requireWritable(checked: false)
    }

    /// `checked`: the command has already been checked against the state (it commits without
    /// having asked first): on a shared store, if others committed meanwhile, it must be run
    /// again (`StaleCommand`).
    func requireWritable(checked: Bool) throws {
        _ = try state()
        if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        try checkLoaded()
        if backend.needsUpgrade && transaction == nil { try upgrade() }
        if try openWrite(), checked { throw StaleCommand() }
    }

    /// A command was checked against a state that others changed before it could commit: it
    /// is run again, under the write lock, against the latest state.
    public struct StaleCommand: Error {}

    // MARK: a store others write too

    /// On a shared store, takes the write lock for the command now running and reads what the
    /// others committed before it: the command is checked against the latest state, and
    /// nobody commits in between.
    /// Returns whether others had committed changes this session had not seen.
    private func openWrite() throws -> Bool {
        guard let shared, !writeOpen else { return false }
        let tail = try shared.beginWrite(after: loaded!.seq)
        writeOpen = true
        do { try catchUp(tail) } catch {
            shared.abortWrite()
            writeOpen = false
            throw error
        }
        beforeWrite = (loaded!, undoStack.count, redoStack)
        return tail.mustReload || !tail.changes.isEmpty
    }

    /// Applies the changes other sessions committed. The undo list keeps only what is older
    /// than none of theirs: a command of this session whose records another changed since
    /// can no longer be taken back by replaying its inverse.
    private func catchUp(_ tail: StoreTail) throws {
        if tail.mustReload {
            loaded = nil
            resets += 1
            undoStack.removeAll()
            redoStack.removeAll()
            _ = try state()
            return
        }
        guard !tail.changes.isEmpty else { return }
        othersChanges += tail.changes
        let touched = Set(tail.changes.flatMap { $0.changeset.change.entities })
        for change in tail.changes {
            do { try loaded!.apply(change.changeset, seq: change.seq) } catch let e as RecordError {
                loaded = nil
                resets += 1
                throw KemuningError(.store, "change \(change.seq), by \(change.by), does not apply to this session's state: \(e.message); nothing was changed")
            }
        }
        resets += 1
        redoStack.removeAll()
        if let newest = undoStack.lastIndex(where: { e in e.forward.change.entities.contains(where: touched.contains) }) {
            let command = undoStack[newest].command
            undoStack.removeAll { $0.command <= command }
        }
    }

    /// Ends the command now running on a shared store: commits its changes when it succeeded
    /// (before its output is shown), or drops them and goes back to the state before it.
    public func endCommand(success: Bool) throws {
        guard let shared, writeOpen, transaction == nil else { return }
        writeOpen = false
        let before = beforeWrite
        beforeWrite = nil
        func rollBack() {
            if let before {
                loaded = before.state
                undoStack.removeSubrange(min(before.undo, undoStack.count)...)
                redoStack = before.redo
            } else {
                loaded = nil
            }
            resets += 1
        }
        guard success else {
            shared.abortWrite()
            rollBack()
            return
        }
        do { try shared.commitWrite() } catch {
            rollBack()
            if var e = error as? KemuningError, e.range == nil, let r = commandRange {
                e.range = r
                throw e
            }
            throw error
        }
    }

    /// Throws what went wrong reading a part of the store that a command used, if anything
    /// did: the command's results are not shown, and nothing it did is written.
    public func checkLoaded() throws {
        if let failure = loaded?.loadFailure { throw failure }
    }

    /// Migrates a store of an older format to the current one (a fold that writes every
    /// part), atomically: until the new snapshot is renamed into place, the old one stands.
    /// Returns false when there was nothing to migrate.
    @discardableResult
    public func upgrade() throws -> Bool {
        let s = try state()
        guard backend.needsUpgrade else { return false }
        if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        try backend.checkpoint(s)
        adoptFold()
        emitStoreWarnings()
        return true
    }

    /// After a fold: the state reads its unchanged parts from the new files, and holds no
    /// audit entries the audit file has.
    private func adoptFold() {
        guard let s = loaded, let source = backend.foldedSource(at: s.seq) else { return }
        loaded!.adopt(source)
    }

    // MARK: commits

    /// Which command is running: its number (all the changes of one command share it) and its
    /// text as the undo list shows it, and where it starts, for errors the store raises on its
    /// behalf.
    public func beginCommand(text: String, at range: SourceRange?, by operatorName: String = "unknown") {
        commandNumber += 1
        commandText = text
        commandRange = range
        commandOperator = operatorName
        shared?.setCommandText(text)
        // Another session may have committed since: the state catches up before it is used.
        if shared != nil && !writeOpen && transaction == nil {
            behind = true
            othersChanges = []
        }
    }

    /// Who runs the command now running: the undo log keeps it, so that a later session undoes
    /// only its own operator's changes.
    private(set) var commandOperator = "unknown"

    /// Counts the commands run, so all the changes of one command are undone together.
    private(set) var commandNumber = 0
    /// The command now running, as the undo list shows it (NIKs masked).
    private(set) var commandText = ""
    /// Where the command now running starts.
    private(set) var commandRange: SourceRange?

    enum UndoHistory { case record, undoing, redoing }

    /// Applies a change and journals it before the command's output can be shown.
    public func commit(_ set: Changeset) throws {
        try commit(set, history: .record)
    }

    func commit(_ set: Changeset, history: UndoHistory) throws {
        try requireWritable(checked: true)
        var inverse: Change?
        let entry: JournalEntry
        do {
            // Encoded once, and read back from that form before it is applied or written.
            entry = try JournalEntry(checking: set)
            // In an atomic run every change is numbered as the one journal line they will all
            // be written as, so the state they make is the state that line replays to.
            // Its inverse, for undo, is taken as it applies (each part against the state it found).
            inverse = try loaded!.apply(set, seq: transactionStart.map { $0.seq + 1 } ?? loaded!.seq + 1, inverse: history == .record)
        } catch let e as RecordError where e.isDateOutOfRange {
            throw KemuningError.failed(e.message)
        } catch let e as RecordError {
            throw KemuningError.failed("internal error: \(e.message)")
        }
        defer {
            if history == .record, let inverse {
                undoStack.append(UndoEntry(command: commandNumber, text: commandText, forward: set, inverse: inverse,
                                           seq: loaded?.seq ?? 0, by: commandOperator))
                redoStack.removeAll()
                // Keep the last `undoLimit` commands: a 100,000-command script must not hold
                // every change twice in memory. Trimmed in chunks so each commit stays O(1).
                if undoStack.count > 2 * Ledger.undoLimit, let cut = undoStack.firstIndex(where: {
                    $0.command > undoStack.last!.command - Ledger.undoLimit
                }) {
                    undoStack.removeFirst(cut)
                }
            }
        }
        if transaction != nil {
            // An atomic run: held back until the whole script has succeeded.
            transaction!.append(set)
            return
        }
        do {
            try backend.append(entry, seq: loaded!.seq)
        } catch {
            // Not acknowledged: forget the in-memory change by reading the store again.
            loaded = nil
            resets += 1
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
        if loaded!.unspilledAudit >= auditSpillEntries { backend.spillAudit(&loaded!) }
    }

    /// New audit entries held in memory before they are appended to the audit file.
    public var auditSpillEntries = 4096

    /// Folds the journal into the snapshot when it has grown enough. The change is already
    /// recorded, so a fold that fails (a full disk) is a warning, never the command's failure:
    /// the journal still holds everything, and a later fold takes it.
    func foldIfDue(_ state: State) {
        if backend.wantsCheckpoint(state) {
            do {
                try backend.checkpoint(state)
                adoptFold()
            } catch {
                warn("the change is recorded, but the journal could not be folded into the snapshot (\(Message.of(error))); nothing is lost")
            }
        }
        emitStoreWarnings()
    }

    /// Passes on what the store had to say that did not stop anything.
    public func emitStoreWarnings() {
        for w in backend.drainWarnings() { warn(w) }
    }

    // MARK: undo and redo

    /// One change a command made (redone as it was, audit entries and all), and the change
    /// that takes it back.
    struct UndoEntry {
        var command: Int
        var text: String
        var forward: Changeset
        var inverse: Change
        /// The change's number in the store, and who made it (for the undo log).
        var seq: Int = 0
        var by: String = "unknown"
    }

    /// How many of the latest commands `undo` can take back.
    public static let undoLimit = 1000
    private var undoStack: [UndoEntry] = []
    private var redoStack: [UndoEntry] = []

    /// A change with one audit entry per record it touches, saying `action`.
    static func stamped(_ change: Change, action: String, today: Day, by: String) -> Changeset {
        Changeset(change, audit: change.entities.map { id in
            AuditEntry(seq: 0, at: today, by: by, entity: id, vacancy: nil, action: action, changes: [])
        })
    }

    /// Takes back the changes of the last `count` commands, newest first. Each undo is itself a
    /// journaled change, so a crash does not bring the old state back. Returns what was undone.
    public func undo(_ count: Int, today: Day, by: String) throws -> [String] {
        var done: [String] = []
        let horizon = (undoStack.last?.command ?? 0) - Ledger.undoLimit
        for _ in 0..<count {
            guard let last = undoStack.last, last.command > horizon else {
                // Nothing left of this session: the operator's own last change of an earlier one.
                guard undoStack.isEmpty, let text = try undoFromLog(today: today, by: by) else { break }
                done.append(text)
                continue
            }
            var group: [UndoEntry] = []
            while let e = undoStack.last, e.command == last.command { group.append(undoStack.removeLast()) }
            for e in group {
                try commit(Ledger.stamped(e.inverse, action: "undo of: \(e.text)", today: today, by: by), history: .undoing)
            }
            redoStack.append(contentsOf: group.reversed())
            done.append(last.text)
        }
        return done
    }

    // MARK: undo across sessions

    /// Identifies this session's commands in the undo log.
    private let sessionId = "\(getpid())-\(Int(time(nil)))-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"

    /// How many of a session's last commands the undo log keeps, and the most changes one of
    /// them may have to be kept (an import of thousands of rows is undone in its own session).
    public static let undoLogCommands = 50
    public static let undoLogChanges = 1000

    /// One command of an earlier session, as the undo log has it.
    struct LoggedCommand {
        var group: String
        var by: String
        var text: String
        var seqs: [Int]
        var forward: [Change]
        var inverse: [Change]
    }

    /// Writes this session's commands still on its undo list (those undone are not) to the undo
    /// log, so that a later session can take back its operator's last ones. Called at the end
    /// of the session.
    func persistUndo() {
        guard !undoStack.isEmpty, backend.readOnlyReason == nil else { return }
        // The last few commands only, and none of thousands of changes (an import): a later
        // session undoes the operator's latest, and a log as large as the store would cost
        // every session's end what it is meant to save.
        var sizes: [Int: Int] = [:]
        for e in undoStack { sizes[e.command, default: 0] += 1 }
        let kept = Set(sizes.keys.sorted().suffix(Ledger.undoLogCommands).filter { sizes[$0]! <= Ledger.undoLogChanges })
        var out: [UInt8] = []
        for e in undoStack where kept.contains(e.command) {
            guard let fwd = try? JournalForm.data(e.forward.change), let inv = try? JournalForm.data(e.inverse) else { continue }
            let line = JSON.object(JSONObject([
                ("group", .string("\(sessionId):\(e.command)")), ("seq", JSON(e.seq)), ("by", .string(e.by)), ("text", .string(e.text)),
                ("forward", .object(JSONObject([("op", .string(JournalForm.op(e.forward.change))), ("data", .object(fwd))]))),
                ("inverse", .object(JSONObject([("op", .string(JournalForm.op(e.inverse))), ("data", .object(inv))]))),
            ]))
            line.write(to: &out)
            out.append(10)
        }
        try? backend.appendUndoLog(out)
    }

    /// The commands of the undo log in order, those undone since left out. A line that does not
    /// read is skipped: the log only ever offers an undo, and never changes the store itself.
    func loggedCommands() -> [LoggedCommand] {
        var commands: [LoggedCommand] = []
        var undone: Set<String> = []
        for line in backend.readUndoLog().split(separator: 10) {
            guard let o = (try? JSON.parse(Array(line)))?.objectValue else { continue }
            if let g = o["undone"]?.stringValue { undone.insert(g); continue }
            guard let group = o["group"]?.stringValue, let by = o["by"]?.stringValue, let text = o["text"]?.stringValue,
                  let seq = o["seq"]?.intValue,
                  let f = o["forward"]?.objectValue, let fop = f["op"]?.stringValue, let fdata = f["data"]?.objectValue,
                  let i = o["inverse"]?.objectValue, let iop = i["op"]?.stringValue, let idata = i["data"]?.objectValue,
                  let forward = try? JournalForm.change(op: fop, data: fdata), let inverse = try? JournalForm.change(op: iop, data: idata) else { continue }
            if commands.last?.group == group {
                commands[commands.count - 1].seqs.append(seq)
                commands[commands.count - 1].forward.append(forward)
                commands[commands.count - 1].inverse.append(inverse)
            } else {
                commands.append(LoggedCommand(group: group, by: by, text: text, seqs: [seq], forward: [forward], inverse: [inverse]))
            }
        }
        return commands.filter { !undone.contains($0.group) }
    }

    /// Takes back the operator's last command of an earlier session, when nothing since depends
    /// on it: every record it touched is still as it left it, no later change touched them,
    /// and taking it back leaves the store whole (no application left without its applicant).
    /// Returns the command's text, or nil when the log holds none of the operator's.
    func undoFromLog(today: Day, by: String) throws -> String? {
        guard let target = loggedCommands().last(where: { $0.by == by }) else { return nil }
        let state = try self.state()
        let last = target.seqs.max() ?? 0
        var touched: [String: AnyRecord?] = [:]
        for change in target.forward {
            for part in change.parts {
                switch part {
                case .add(let r), .put(let r): touched[r.id] = r
                case .remove(_, let id, _): touched[id] = .some(nil)
                default: break
                }
            }
        }
        for (id, after) in touched.sorted(by: { $0.key < $1.key }) {
            // A later change to the record, or to what belongs to it (an application made to a
            // vacancy whose announcement this was).
            let afterIt = state.auditEntries(of: id).first { $0.seq > last }
                ?? (splitId(id)?.0 == Vacancy.prefix ? state.auditEntries(ofVacancy: id).first { $0.seq > last && $0.entity != id } : nil)
            if let later = afterIt {
                throw KemuningError.failed("cannot undo '\(target.text)': \(id) was changed after it, by change \(later.seq) (\(later.action), \(later.by), \(later.at))",
                                           hint: "a later change depends on it; correct the record instead")
            }
            let now = after.flatMap { state.anyRecord($0.kind, id) }
            if now?.record.json != after?.record.json {
                throw KemuningError.failed("cannot undo '\(target.text)': \(id) is no longer as it left it",
                                           hint: "a later change depends on it; correct the record instead")
            }
        }
        // Ids are never given twice: a record taken back leaves its number used.
        let inverse = Change.batch(target.inverse.reversed().flatMap(\.parts).map { part -> Change in
            if case .remove(let kind, let id, _) = part { return .remove(kind: kind, id: id, counter: nil) }
            return part
        })
        var trial = state
        do { try trial.apply(Changeset(inverse, audit: nil), seq: state.seq + 1) } catch let e as RecordError {
            throw KemuningError.failed("cannot undo '\(target.text)': \(e.message)", hint: "a later change depends on it")
        }
        try commit(Ledger.stamped(inverse, action: "undo of: \(target.text)", today: today, by: by), history: .undoing)
        try? backend.appendUndoLog(Array((JSON.object(JSONObject([("undone", .string(target.group))])).serialized() + "\n").utf8))
        return target.text
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
                let inverse = try loaded!.inverse(of: e.forward.change)
                try commit(e.forward, history: .redoing)
                undoStack.append(UndoEntry(command: e.command, text: e.text, forward: e.forward, inverse: inverse, seq: loaded?.seq ?? 0, by: e.by))
            }
            done.append(last.text)
        }
        return done
    }

    // MARK: atomic runs

    /// The changes of an atomic run so far, and the state before it began.
    private var transaction: [Changeset]?
    private var transactionStart: State?

    public var inAtomicRun: Bool { transaction != nil }

    /// Starts an all-or-nothing run: changes apply in memory and are written only at the end.
    public func beginAtomic() throws {
        // On a shared store the whole run holds the write lock: it is checked against one state,
        // the one under the lock (nothing of the run has been checked yet).
        if shared != nil { try requireWritable() }
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
        resets += 1
        guard success else {
            loaded = start
            try endCommand(success: false)
            return
        }
        guard !pending.isEmpty else { return try endCommand(success: true) }
        // One change holding them all: nested batches are flattened, audit entries gathered.
        let batch = Changeset(.batch(pending.flatMap(\.change.parts)), audit: pending.flatMap { $0.audit ?? [] })
        // Each change was checked and applied as it came, numbered as this one line (`commit`),
        // and applying the parts of a batch in order is what applying them one by one did: the
        // state in memory is the state the line replays to, so it is not applied again (an
        // import of 100,000 rows would pay for every row twice).
        let next = loaded!
        if batch.change.parts.count >= Ledger.foldInsteadOfJournal {
            // So large a change would be written twice, as a journal line and then by the fold
            // it makes due at once: it is written once, as the fold, which is as durable
            // (the new files synced, then the manifest renamed over the old one and the folder
            // synced). Until the rename, the store is what it was before the run.
            do {
                try backend.checkpoint(next)
                try endCommand(success: true)
            } catch {
                try? endCommand(success: false)
                loaded = start
                throw error
            }
            adoptFold()
            if loaded!.unspilledAudit >= auditSpillEntries { backend.spillAudit(&loaded!) }
            emitStoreWarnings()
            return
        }
        let entry: JournalEntry
        do {
            entry = JournalEntry(batch, op: JournalForm.op(batch.change), data: try JournalForm.data(batch.change, checking: false))
        } catch let e as RecordError {
            try? endCommand(success: false)
            loaded = start
            throw KemuningError.failed("internal error: the atomic run does not encode: \(e.message)")
        }
        do {
            try backend.append(entry, seq: next.seq)
            try endCommand(success: true)
        } catch {
            try? endCommand(success: false)
            loaded = start
            throw error
        }
        loaded = next
        try backend.sync()
        foldIfDue(next)
    }

    /// The number of changes from which an atomic run is written as a fold rather than a
    /// journal line (an import of thousands of rows).
    public static let foldInsteadOfJournal = 10_000

    /// Runs `body` so that its changes are kept all together or not at all: when it throws, or
    /// when `keep` is false (a dry run), the state, the atomic run's changes and the undo list
    /// go back to what they were before it. Outside an atomic run its changes are written as
    /// one journal line at the end, as an atomic run's are; inside one, they join it.
    public func allOrNothing<T>(keep: Bool, _ body: () throws -> T) throws -> T {
        if transaction == nil {
            try beginAtomic()
            let undoCount = undoStack.count
            let result: T
            do { result = try body() } catch {
                try? endAtomic(success: false)
                undoStack.removeSubrange(min(undoCount, undoStack.count)...)
                throw error
            }
            if !keep { undoStack.removeSubrange(min(undoCount, undoStack.count)...) }
            try endAtomic(success: keep)
            return result
        }
        let (state, changes, undoCount) = (try state(), transaction!.count, undoStack.count)
        func restore() {
            loaded = state
            transaction!.removeSubrange(min(changes, transaction!.count)...)
            undoStack.removeSubrange(min(undoCount, undoStack.count)...)
            resets += 1
        }
        let result: T
        do { result = try body() } catch {
            restore()
            throw error
        }
        if !keep { restore() }
        return result
    }

    /// Refuses what writes the store directly (`save`, `snapshot restore`) during an atomic run.
    public func refuseInAtomicRun(_ what: String) throws {
        if transaction != nil {
            throw KemuningError.failed("'\(what)' cannot run inside an atomic run: it writes the store directly")
        }
    }

    // MARK: the whole state

    /// Replaces the whole state (`snapshot restore`) and makes it durable at once.
    public func replaceState(_ new: State) throws {
        try refuseInAtomicRun("snapshot restore")
        if shared != nil { try requireWritable(checked: true) }
        let current = try state()
        if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        var s = new
        s.seq = current.seq + 1
        try backend.checkpoint(s)
        emitStoreWarnings()
        loaded = s
        adoptFold()
        resets += 1
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
        adoptFold()
        emitStoreWarnings()
        return true
    }

    /// Flushes and releases the store; folds the journal into the snapshot.
    public func close() throws {
        defer { emitStoreWarnings() }
        try? endCommand(success: false)
        persistUndo()
        try backend.close(loaded)
    }
}
