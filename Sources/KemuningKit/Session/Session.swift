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

/// A command being run: its parsed arguments and the session it runs in.
public struct Invocation {
    public let session: Session
    public let args: Arguments

    public var state: State {
        get throws { try session.state() }
    }

    public var today: Day { session.settings.today }

    public func fail(_ message: Message, at range: SourceRange? = nil, hint: Message? = nil) -> KemuningError {
        KemuningError.failed(message, at: range ?? args.commandRange, hint: hint)
    }
}

/// One user's session: settings, variables, the store, and the interpreter that runs
/// statements from the prompt, from `-c`, from stdin and from script files.
public final class Session {
    public var settings = Settings()
    /// The language of what the session shows (`set lang`).
    public var lang: Lang { settings.lang }
    public var variables: [String: String] = [:]
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
    /// True at the prompt: errors never end the session and show no file location.
    public var interactive = false
    /// The first failure's exit code in this session (0 while all went well).
    public private(set) var exitStatus: Int32 = 0

    private var loaded: State?
    /// The `source` files being run, outermost first.
    var frames: [Frame] = []
    public static let maxSourceDepth = 32

    struct Frame {
        var source: Source
        var line: Int
    }

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

    // MARK: running text

    /// Runs a whole script text (from `-c`, stdin read at once, or a file). Returns normally
    /// when the script ran to its end; throws the first error (already reported) otherwise,
    /// unless keep-going is on.
    public func run(text: String, source: Source) throws {
        try withFrame(source) { try runText(text, source: source) }
    }

    /// Runs `body` with `source` as the innermost running source.
    func withFrame(_ source: Source, _ body: () throws -> Void) throws {
        if frames.last?.source === source { return try body() }
        frames.append(Frame(source: source, line: 0))
        defer { frames.removeLast() }
        try body()
    }

    func runText(_ text: String, source: Source) throws {
        // Split on newline bytes: much cheaper than splitting Characters.
        let bytes = Array(text.utf8)
        var start = 0
        try runLines({ () -> String? in
            guard start < bytes.count else { return nil }
            let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            defer { start = end + 1 }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }, source: source)
    }

    /// Runs lines as they come (stdin may be a pipe fed slowly).
    public func run(lines next: () throws -> String?, source: Source) throws {
        try withFrame(source) { try runLines(next, source: source) }
    }

    func runLines(_ next: () throws -> String?, source: Source) throws {
        try ScriptLines.read(next, source: source, statements: { try execute($0, source: source) },
                             failed: { try handle($0, source: source) })
    }

    /// Runs statements already lexed, reporting errors as the session's mode says.
    public func execute(_ statements: [Statement], source: Source) throws {
        for st in statements {
            do {
                try execute(st, source: source)
                if let r = recorder, frames.count == r.depth, st.words.first?.literalText != "record" { r.record(st.text) }
            } catch let e as KemuningError {
                recorder?.discard()
                try handle(e, source: source)
            }
        }
    }

    /// Shows an error once, records the exit status, and decides whether to go on.
    func handle(_ error: KemuningError, source: Source) throws {
        var e = error
        if !e.reported {
            report(e, source: source)
            e.reported = true
        }
        if exitStatus == 0 || e.kind == .interrupted { exitStatus = e.kind.exitCode }
        if e.kind == .interrupted { throw e }
        if interactive && frames.isEmpty { return }
        if settings.keepGoing && e.kind != .store { return }
        throw e
    }

    public func report(_ error: KemuningError, source: Source?) {
        let includes = frames.dropLast().reversed().map { Diagnostic.Include(file: $0.source.name, line: $0.line) }
        let atPrompt = interactive && frames.isEmpty
        let lineText = error.range.flatMap { source?.text(ofLine: $0.line) }
        emit(.diagnostic(Diagnostic(error, file: error.kind == .store && error.range == nil ? nil : source?.name,
                                    lineText: lineText, includes: includes, showLocation: !atPrompt)))
    }

    /// Resets the failure status (the REPL does this per line: each prompt starts clean).
    public func clearStatus() { exitStatus = 0 }

    // MARK: one statement

    func execute(_ st: Statement, source: Source) throws {
        try Interrupt.check()
        currentSource = source
        commandNumber += 1
        commandText = NIK.redact(st.text)
        if settings.echo { emit(.echo(NIK.redact(st.text))) }
        let args = try expand(st.words)
        guard let first = args.first else { return }
        commandRange = first.range
        if LetStatement.starts(args) {
            try runLet(args)
            return
        }
        let out = try dispatch(args, source: source)
        emit(.output(out))
        if let code = out.quit { throw QuitRequest(code: code) }
    }

    /// `let NAME = WORD` binds a literal; `let NAME = COMMAND ...` binds the command's value.
    func runLet(_ args: [Arg]) throws {
        let statement = LetStatement(Expansion(args))
        let name = try statement.name()
        let rest: [Arg]
        switch try statement.value(in: table) {
        case .word(let word, _):
            variables[name] = word.text
            return
        case .command(let command):
            rest = command.args
        }
        let out = try dispatch(rest, source: nil)
        guard let value = out.value else {
            throw KemuningError.failed("'\(rest.prefix(2).map(\.text).joined(separator: " "))' gives no value to bind to \(name)", at: rest[0].range)
        }
        variables[name] = value
    }

    /// Expands `$NAME` in each word. An unknown variable is an error that points at it.
    func expand(_ words: [Word]) throws -> [Arg] {
        try Expansion(words, value: { variables[$0].map(VariableValue.known) },
                      unknown: { throw Expansion.unknownVariable($0, at: $1, among: Array(variables.keys)) }).args
    }

    /// Finds the command, parses its arguments and runs it.
    func dispatch(_ args: [Arg], source: Source?) throws -> Output {
        let (spec, used) = try table.resolve(args)
        let parsed = try table.parse(Array(args.dropFirst(used)), for: spec, commandRange: args[0].range)
        if spec.mutates {
            _ = try state()
            if let why = backend.readOnlyReason { throw KemuningError(.store, why) }
        }
        return try spec.run(Invocation(session: self, args: parsed))
    }

    /// The source of the statement being run, for `source` to resolve relative paths.
    var currentSource: Source?

    // MARK: source FILE

    /// Runs a script file inside the current one, with its own line numbers.
    public func runFile(_ path: String, from parent: Source?, at range: SourceRange?) throws {
        let file = try ScriptInclude(path, from: parent, open: frames.map(\.source), at: range)
        let text = try file.read(at: range)
        let src = Source(name: file.display, path: file.real)
        if !frames.isEmpty { frames[frames.count - 1].line = range?.line ?? 0 }
        frames.append(Frame(source: src, line: 0))
        defer { frames.removeLast() }
        try runText(text, source: src)
    }

    /// Reads a script, refusing missing files, directories, devices, FIFOs, files over the
    /// limit, binary files and invalid UTF-8 with a message that says where.
    public static func readScript(_ path: String, displayName: String, at range: SourceRange? = nil, what: Message = "script",
                                  limit: Int = UserFiles.scriptLimit) throws -> String {
        if Files.isDirectory(path) {
            throw KemuningError.failed("cannot run '\(displayName)': it is a directory", at: range)
        }
        let bytes = try UserFiles.read(path, displayName: displayName, what: what, limit: limit, at: range)
        return try decodeScript(bytes, name: displayName, at: range)
    }

    /// Checks script bytes: no NUL (a binary file), valid UTF-8 (else the line and column).
    /// With `locate`, and no `range` to point at, the error points at the bad byte itself (for
    /// standard input, which has no line of another script to blame).
    public static func decodeScript(_ bytes: [UInt8], name: String, at range: SourceRange? = nil, locate: Bool = false) throws -> String {
        func here(_ line: Int, _ column: Int) -> SourceRange? {
            range ?? (locate ? SourceRange(line: line, column: column, length: 1) : nil)
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = lineAndColumn(of: nul, in: bytes)
            throw KemuningError(.syntax, "'\(name)' is a binary file, not a script (a NUL byte on line \(line))", at: here(line, column))
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = lineAndColumn(of: bad, in: bytes)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            throw KemuningError(.syntax, "'\(name)' is not valid UTF-8: byte 0x\(hex) at line \(line), column \(column)", at: here(line, column))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    func resolvePath(_ path: String, relativeTo parent: Source?) -> String {
        ScriptInclude.resolve(path, relativeTo: parent)
    }
}

func realPath(_ path: String) -> String? {
    guard let r = realpath(path, nil) else { return nil }
    defer { free(r) }
    return String(cString: r)
}

/// The offset of the first byte that does not belong to valid UTF-8, or nil.
public func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        var need = 0
        var min: UInt32 = 0
        var cp: UInt32 = 0
        if c & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(c & 0x1F) }
        else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(c & 0x0F) }
        else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(c & 0x07) }
        else { return i }
        for k in 1...need {
            guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
            cp = cp << 6 | UInt32(b[i + k] & 0x3F)
        }
        if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
        i += need + 1
    }
    return nil
}
