import KemuningCore
import KemuningDomain
import KemuningStore

/// The language, run: text and lines into statements, `let`, `$NAME` expansion, finding and
/// running each command, the nesting of `source` / `run`, and what an error does (reported
/// once, remembered as the exit status, ending the script or not).
///
/// It holds what only running the language needs: the variables, the files being run, the
/// source of the statement under way, the exit status and whether errors end the session. The
/// session owns one and lends it its settings, its output, its command table and its store;
/// commands never see it, only the `CommandContext` it hands each of them.
public final class Interpreter {
    /// The session whose settings, output and store the statements use. It owns this
    /// interpreter, so it outlives it.
    unowned let session: Session

    public var variables: [String: String] = [:]
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

    /// The source of the statement being run, for `source` to resolve relative paths.
    var currentSource: Source?

    init(session: Session) {
        self.session = session
    }

    // MARK: running text

    /// Runs a whole script text (from `-c`, stdin read at once, or a file). Returns normally
    /// when the script ran to its end; throws the first error (already reported) otherwise,
    /// unless keep-going is on.
    public func run(text: String, source: Source) throws {
        try withFrame(source) { try runText(text, source: source) }
    }

    /// Runs statements of `source` as that file's own lines (for `play`, which runs a script a
    /// step at a time): errors name the file and line, and nested `source` lines work.
    public func run(statements: [Statement], source: Source) throws {
        try withFrame(source) { try execute(statements, source: source) }
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
                if let r = session.recorder, frames.count == r.depth, st.words.first?.literalText != "record" { r.record(st.text) }
            } catch let e as KemuningError {
                session.recorder?.discard()
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
        if session.settings.keepGoing && e.kind != .store { return }
        throw e
    }

    public func report(_ error: KemuningError, source: Source?) {
        let includes = frames.dropLast().reversed().map { Diagnostic.Include(file: $0.source.name, line: $0.line) }
        let atPrompt = interactive && frames.isEmpty
        let lineText = error.range.flatMap { source?.text(ofLine: $0.line) }
        session.emit(.diagnostic(Diagnostic(error, file: error.kind == .store && error.range == nil ? nil : source?.name,
                                            lineText: lineText, includes: includes, showLocation: !atPrompt)))
    }

    /// Resets the failure status (the REPL does this per line: each prompt starts clean).
    public func clearStatus() { exitStatus = 0 }

    // MARK: one statement

    func execute(_ st: Statement, source: Source) throws {
        try Interrupt.check()
        currentSource = source
        let shown = NIK.redact(st.text)
        if session.settings.echo { session.emit(.echo(shown)) }
        let args = try expand(st.words)
        guard let first = args.first else { return }
        // Only a statement that runs can change the store: the ledger numbers it from here.
        session.ledger.beginCommand(text: shown, at: first.range, by: session.operatorName)
        if LetStatement.starts(args) {
            try runLet(args)
            return
        }
        let out = try dispatch(args, source: source)
        session.emit(.output(out))
        if let code = out.quit { throw QuitRequest(code: code) }
    }

    /// Refuses a change to a store whose policy `require-operator` is `yes` while nobody is
    /// named as the operator: the audit trail would say "unknown" for it.
    func requireOperator(at range: SourceRange) throws {
        let settings = session.settings
        guard !settings.operatorIsKnown, !session.isSharedStore, try session.state().policy(.requireOperator) == "yes" else { return }
        let hint: Message = settings.configPath.map { "set operator NAME (and keep it in \($0) with: set operator NAME --save)" }
            ?? "set operator NAME, or start kemuning with --operator NAME"
        throw KemuningError.failed("this store takes changes only from a named operator (policy require-operator), and none is set", at: range, hint: hint)
    }

    /// `let NAME = WORD` binds a literal; `let NAME = COMMAND ...` binds the command's value.
    func runLet(_ args: [Arg]) throws {
        let statement = LetStatement(Expansion(args))
        let name = try statement.name()
        let rest: [Arg]
        switch try statement.value(in: session.table) {
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

    /// Finds the command, parses its arguments and runs it, handing it the narrow context of
    /// the session, never the session or this interpreter.
    func dispatch(_ args: [Arg], source: Source?) throws -> Output {
        let table = session.table
        let (spec, used) = try table.resolve(args)
        let parsed = try table.parse(Array(args.dropFirst(used)), for: spec, commandRange: args[0].range)
        // On a store others write too, a command that was checked against a state they changed
        // before it could commit is run again, under the write lock, against the latest one.
        for attempt in 1... {
            do { return try dispatchOnce(spec, parsed, args) } catch is Ledger.StaleCommand where attempt < 5 {
                continue
            } catch is Ledger.StaleCommand {
                throw KemuningError(.store, "the store kept changing under the command: it was not run", at: args[0].range)
            }
        }
        fatalError("unreachable")
    }

    private func dispatchOnce(_ spec: CommandSpec, _ parsed: Arguments, _ args: [Arg]) throws -> Output {
        let out: Output
        do {
            if spec.mutates {
                try session.ledger.requireWritable()
                try requireOperator(at: args[0].range)
            }
            out = try spec.run(Invocation(context: CommandContext(session), args: parsed))
        } catch {
            // On a store others write too, nothing of a failed command is committed.
            try? session.ledger.endCommand(success: false)
            // A part of the store the command read could not be read: that is the fault, not
            // what the command made of a kind read as empty ("no vacancy 'V1'").
            try session.ledger.checkLoaded()
            throw withOthersChanges(error)
        }
        // A part of the store the command read could not be read: its output is not shown.
        do { try session.ledger.checkLoaded() } catch {
            try? session.ledger.endCommand(success: false)
            throw error
        }
        // On a store others write too, the command's changes are committed before its output.
        try session.ledger.endCommand(success: true)
        return out
    }

    /// A refusal of a record another operator changed since this session's last command says
    /// who changed it, when and how: the command was checked again against their change.
    func withOthersChanges(_ error: Error) -> Error {
        guard var e = error as? KemuningError, e.kind == .failed, !session.ledger.othersChanges.isEmpty else { return error }
        // The ids the message names: its words, split where an id cannot go on.
        let words = Set(e.message.english.unicodeScalars.split(whereSeparator: { !Name.isChar($0) }).map { String(String.UnicodeScalarView($0)) })
        let mentions = words.contains
        guard let last = session.ledger.othersChanges.last(where: { $0.changeset.change.entities.contains(where: mentions) }) else { return error }
        let id = last.changeset.change.entities.first(where: mentions)!
        let note: Message = "\(id) was changed by \(last.by) at \(last.at) ('\(last.command)', change \(last.seq)) since this session's previous command"
        e.hint = e.hint.map { "\(note); \($0)" } ?? note
        return e
    }

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
}
