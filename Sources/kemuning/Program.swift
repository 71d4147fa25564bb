#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningPostgres
import KemuningKit

/// The running program once its arguments are read: its options, its session and store, its
/// standard output, and how results are shown. One exists; everything runs on the main thread
/// (signal handlers only touch atomics: `Interrupt`, `Terminal.exitOnSecondInterrupt`).
@MainActor final class Program {
    let options: ProgramOptions
    let mode: ProgramOptions.Mode
    let voice: Voice
    let session: Session
    let out: Terminal.Output
    /// At the prompt (not a script, `-c` or a demo).
    let isREPL: Bool
    /// `play --from SNAPSHOT` works on a scratch copy, so the trainer's store is never touched.
    let scratchStore: String?
    /// Show each result at once (at a prompt, and when a demo is played on a terminal).
    var flushEachOutput: Bool
    /// Drop results while a demo runs its `# @silent` setup.
    var quietOutputs = false
    /// Whether CSV has been written to standard output yet (a byte-order mark goes only first).
    var csvStarted = false
    /// Whether results may have a chart (standard output is a terminal, not TERM=dumb) and
    /// whether `--color auto` colors them: facts of the process, looked up once, not with
    /// two system calls and three environment reads for each result a script shows.
    let stdoutTakesCharts = isatty(1) == 1 && environment("TERM") != "dumb"
    let stdoutAutoColor = colorEnabled(.auto, fd: 1)

    /// Opens the store and the session as the options say. Ends the process (exit 2) when the
    /// environment or the transcript cannot be used.
    init(options: ProgramOptions, mode: ProgramOptions.Mode, voice: Voice) {
        self.options = options
        self.mode = mode
        self.voice = voice
        var isREPL = false
        if case .repl = mode { isREPL = true }
        self.isREPL = isREPL
        flushEachOutput = isREPL
        let scratchStore = options.from.map { scratchCopy(of: $0, in: options.store ?? defaultStore(), voice: voice) }
        self.scratchStore = scratchStore
        let policy = options.sync ?? (isREPL ? .always : .batch)
        if IOTrace.isOn { IOTrace.record("policy", policy.rawValue) }
        let backend: StoreBackend = options.memory && scratchStore == nil
            ? MemoryStore()
            : openBackend(scratchStore ?? options.store ?? defaultStore(), policy: policy)
        session = Session(backend: backend)
        session.openStore = { openBackend($0, policy: .always) }
        // The options (read through `Settings.table`) over the environment, over the user's
        // configuration file, over the defaults; each value keeps where it came from for `set`.
        // The operator in the audit trail has a control character of $USER kept as `\x1b`.
        let configPath = UserConfig.defaultPath(environment: environment)
        var config: UserConfig.Parsed?
        var warnings: [Message] = []
        if let configPath {
            let (text, warning) = UserConfig.read(configPath)
            if let warning { warnings.append(warning) }
            config = text.map { UserConfig.parse($0, path: configPath) }
        }
        let (settings, more) = Settings.starting(options: options, config: config, configPath: configPath, environment: environment)
        session.settings = settings
        voice.session = session
        out = Terminal.Output(fd: 1, voice: voice)
        for w in warnings + more { voice.warn(w) }
        // KEMUNING_TODAY fixes the session's date from outside, like `set today`, for reproducible runs.
        if let t = environment("KEMUNING_TODAY") {
            session.settings.origins["today"] = .environment("KEMUNING_TODAY")
            do { session.settings.today = try Day(parsing: t) } catch let e as KemuningError where Day.hasDateShape(t) {
                voice.fail("bad KEMUNING_TODAY: \(e.message)")  // the year, the month or the day: which one
            } catch {
                voice.fail("bad KEMUNING_TODAY '\(t)': expected YYYY-MM-DD")
            }
        }
        for (n, v) in options.vars { session.variables[n] = v }
        session.emit = { [unowned self] event in self.show(event) }
        if let t = options.transcript {
            do { try session.startRecording(path: nil, transcript: t, depth: isREPL ? 0 : 1) } catch { voice.fail(.verbatim(voice.describe(error))) }
        }
    }

    // The voice's words, for the program's parts (REPL, play).
    func tr(_ m: Message) -> String { voice.tr(m) }
    func shown(_ m: Message) -> String { voice.shown(m) }
    func warn(_ m: Message) { voice.warn(m) }

    /// Shows what the session emits: results on standard output in the session's format,
    /// diagnostics and warnings on standard error.
    func show(_ event: Event) {
        let settings = session.settings
        switch event {
        case .output(let o):
            if quietOutputs { return }
            // Charts only where people look at them: a terminal that is not TERM=dumb.
            let width = stdoutTakesCharts ? Terminal.width(1) : nil
            let color = settings.color == .auto ? stdoutAutoColor : colorEnabled(settings.color, fd: 1)
            let text = Renderer(format: settings.format, color: color, terminalWidth: width, lang: settings.lang, csvDialect: settings.csvDialect).render(o)
            // A dialect's byte-order mark starts the output once, before its first CSV.
            if settings.format == .csv, !text.isEmpty, !csvStarted {
                csvStarted = true
                out.write(settings.csvDialect.start)
            }
            out.write(text)
        case .diagnostic(let d):
            out.flush()
            // The terminal echoed ^C without a newline: start the message on its own line.
            if isREPL && d.error.kind == .interrupted && isatty(2) == 1 { Terminal.stderr("\n") }
            if settings.format == .json || settings.format == .jsonl {
                Terminal.stderr(Renderer.serialized(d.json(settings.lang)) + "\n")
            } else {
                Terminal.stderr(d.render(color: colorEnabled(settings.color, fd: 2), lang: settings.lang))
            }
        case .warning(let w):
            out.flush()
            if settings.format == .json || settings.format == .jsonl {
                // Automation reads standard error as JSON lines too, as it reads errors.
                Terminal.stderr(Renderer.serialized(["severity": "warning", "message": .string(w.localized(settings.lang))]) + "\n")
            } else {
                warn(w)
            }
        case .flush:
            out.flush()
        case .progress(let done, let total):
            // A bar on a terminal only: a file or a pipe gets no progress at all.
            guard isatty(2) == 1, total > 0 else { break }
            out.flush()
            if done >= total {
                Terminal.stderr("\r\u{1B}[K")
            } else {
                let width = 30
                let filled = done * width / total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                Terminal.stderr("\r[\(bar)] \(done * 100 / total)% \(done)/\(total)")
            }
        case .echo(let command):
            // The command as written may hold a raw escape (the error about it comes next).
            let text = Controls.escape(command, keepingLineBreaks: true)
            if settings.format == .table {
                out.write("kemuning> \(text)\n")
            } else {
                out.flush()
                Terminal.stderr("+ \(text)\n")
            }
        }
        if flushEachOutput || out.pending > 1 << 16 { out.flush() }
    }

    /// Runs what the arguments asked for, and ends the process.
    func run() -> Never {
        if let ms = environment("KEMUNING_PROGRESS_AFTER_MS").flatMap({ UInt64($0) }) { Progress.afterNanos = ms * 1_000_000 }
        Terminal.exitOnSecondInterrupt.store(!isREPL, ordering: .relaxed)
        Terminal.installInterruptHandler()
        PostgresStore.stopWaitingWhen { Interrupt.isRequested }
        switch mode {
        case .command(let text):
            runScript { try self.session.run(text: text, source: Source(name: "<command-line>")) }
        case .files(let paths):
            runScript {
                for p in paths {
                    if p == "-" {
                        try self.runStdin()
                        continue
                    }
                    // Read once: a file named here that cannot be read is a usage mistake.
                    let text = try ScriptInclude.readNamedOnCommandLine(p)
                    try self.session.run(text: text, source: Source(name: p, path: ScriptFile.realPath(p) ?? p))
                }
            }
        case .stdinScript:
            runScript { try self.runStdin() }
        case .play(let file):
            runPlay(file)
        case .repl:
            runREPL()
        }
    }

    /// Ends the process: output flushed, recording written, store closed (its journal synced),
    /// then the exit code, made non-zero if the output could not be written.
    func finish(_ code: Int32) -> Never {
        out.flush()
        if session.recorder != nil {
            do { try session.stopRecording() } catch { voice.reportError(error) }
        }
        do {
            try session.close()
        } catch let e as KemuningError {
            session.report(e, source: nil)
            exit(e.kind.exitCode)
        } catch {
            voice.reportError(error)
            exit(3)
        }
        out.flush()
        if let dir = scratchStore { FileStore.destroy(dir) }
        exit(out.exitCode(code))
    }

    /// The exit code of a run stopped by Ctrl-C, a signal, or lost output: 128 + the signal, and
    /// 1 or 141 for output (see `Terminal.Output.exitCode`).
    func interruptedExitCode() -> Int32 {
        guard let reason = Interrupt.stopReason else { return 130 }
        return reason > 0 ? 128 + reason : out.exitCode(0)
    }

    /// Ends the process if a signal or lost output asked it to stop (between lines at the prompt,
    /// between the steps of a demo).
    func finishIfStopped() {
        if Interrupt.stopReason != nil { finish(interruptedExitCode()) }
    }

    /// Runs a script-like input and ends the process with its exit code.
    func runScript(_ body: () throws -> Void) -> Never {
        do {
            if options.atomic { try session.beginAtomic() }
            try body()
            if options.atomic { try endAtomic(success: session.exitStatus == 0) }
        } catch let q as QuitRequest {
            if options.atomic { try? endAtomic(success: (q.code ?? session.exitStatus) == 0) }
            finish(q.code ?? session.exitStatus)
        } catch let e as KemuningError {
            if !e.reported { session.report(e, source: nil) }
            if options.atomic { try? endAtomic(success: false) }
            finish(e.kind == .interrupted ? interruptedExitCode() : (session.exitStatus != 0 ? session.exitStatus : e.kind.exitCode))
        } catch {
            voice.reportError(error)
            finish(1)
        }
        finish(session.exitStatus)
    }

    /// Ends an `--atomic` run: all its changes written as one, or none of them.
    func endAtomic(success: Bool) throws {
        guard session.inAtomicRun else { return }
        try session.endAtomic(success: success)
        if !success {
            out.flush()
            Terminal.stderr(Notice.atomicRollback.text(format: session.settings.format, lang: session.settings.lang))
        }
    }

    /// Runs the script on standard input. It is read whole first, as a file is: a NUL byte or
    /// invalid UTF-8 anywhere refuses the script before any line of it runs.
    func runStdin() throws {
        let source = Source(name: "<stdin>")
        let text: String
        do {
            text = try decodeStdin(UserFiles.readStream(0, name: "<stdin>", limit: UserFiles.scriptLimit))
        } catch var e as KemuningError where e.kind != .interrupted {
            session.report(e, source: source)
            e.reported = true
            throw e
        }
        try session.run(text: text, source: source)
    }
}

/// The text of a script read from standard input, or an error that points at its first NUL
/// byte or invalid UTF-8.
func decodeStdin(_ bytes: [UInt8]) throws -> String {
    do {
        return try ScriptFile.decode(bytes, name: "<stdin>", locate: true)
    } catch var e as KemuningError {
        guard let at = e.range else { throw e }
        e.message = bytes.contains(0) ? "<stdin> is binary, not a script (a NUL byte on line \(at.line))"
                                      : "invalid UTF-8 on line \(at.line) of <stdin>"
        throw e
    }
}

func environment(_ name: String) -> String? {
    guard let v = getenv(name) else { return nil }
    let s = String(cString: v)
    return s.isEmpty ? nil : s
}

/// The store a `--store` value names: a PostgreSQL URL (`postgresql://`, `postgres://`), else a
/// directory.
func openBackend(_ location: String, policy: SyncPolicy) -> StoreBackend {
    if PostgresStore.isURL(location) { return PostgresStore(url: location, timeout: storeTimeout()) }
    return FileStore(directory: location, policy: policy, io: IOTrace.storeIO)
}

/// How long a PostgreSQL store may take to answer one statement: KEMUNING_STORE_TIMEOUT seconds,
/// 30 by default.
func storeTimeout() -> Int {
    environment("KEMUNING_STORE_TIMEOUT").flatMap { Int($0) }.map { max(1, $0) } ?? 30
}

func defaultStore() -> String {
    if let s = environment("KEMUNING_STORE") { return s }
    if let x = environment("XDG_DATA_HOME") { return x + "/kemuning" }
    return (environment("HOME") ?? ".") + "/.local/share/kemuning"
}

func colorEnabled(_ mode: ColorMode, fd: Int32) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto: return isatty(fd) == 1 && environment("NO_COLOR") == nil && environment("TERM") != "dumb"
    }
}
