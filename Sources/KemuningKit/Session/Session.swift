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
    /// True at the prompt: errors never end the session and show no file location.
    public var interactive = false
    /// The first failure's exit code in this session (0 while all went well).
    public private(set) var exitStatus: Int32 = 0

    /// The `source` files being run, outermost first.
    var frames: [Frame] = []
    public static let maxSourceDepth = 32

    struct Frame {
        var source: Source
        var line: Int
    }

    public init(backend: StoreBackend, table: CommandTable = .standard) {
        self.ledger = Ledger(backend: backend)
        self.table = table
        ledger.warn = { [weak self] in self?.emit(.warning($0)) }
    }

    // MARK: the store

    /// The state, loading the store on first use (startup never loads it).
    public func state() throws -> State { try ledger.state() }

    public var isStoreLoaded: Bool { ledger.isLoaded }

    /// Applies a change with its audit entries, journaled before the command's output can be
    /// shown.
    public func commit(_ change: Changeset) throws { try ledger.commit(change) }

    /// Where the command now running starts, for errors that arise in the store on its behalf.
    var commandRange: SourceRange? {
        get { ledger.commandRange }
        set { ledger.commandRange = newValue }
    }

    /// Counts the statements run, so all the changes of one command are undone together.
    var commandNumber: Int {
        get { ledger.commandNumber }
        set { ledger.commandNumber = newValue }
    }

    var commandText: String {
        get { ledger.commandText }
        set { ledger.commandText = newValue }
    }

    func emitStoreWarnings() { ledger.emitStoreWarnings() }

    // MARK: undo and redo

    /// How many of the latest commands `undo` can take back.
    public static var undoLimit: Int { Ledger.undoLimit }

    /// Takes back the changes of the last `count` commands, newest first. Returns what was undone.
    public func undo(_ count: Int) throws -> [String] {
        try ledger.undo(count, today: settings.today, by: settings.operatorName)
    }

    /// Makes again the last `count` commands undone. Returns what was redone.
    public func redo(_ count: Int) throws -> [String] { try ledger.redo(count) }

    public var canUndo: Bool { ledger.canUndo }

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
