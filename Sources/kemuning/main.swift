#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit

// The thin executable: arguments, the REPL loop, the line reader, and printing.

let version = "0.1.0"

let usageText: Message = """
usage: kemuning [OPTIONS]                 the shell (reads a script from stdin when it is not a terminal)
       kemuning [OPTIONS] run FILE...     run script files in order ('-' is stdin)
       kemuning [OPTIONS] play FILE       present a demo: narration, commands typed out, then run
                 [--step | --delay MS] [--speed CPS] [--from SNAPSHOT]
       kemuning [OPTIONS] -c 'CMD; CMD'   run commands given here
       kemuning run --check FILE...       check scripts without running them (also with -c or stdin)

options:
  --store DIR          the store directory (default: $KEMUNING_STORE, else $XDG_DATA_HOME/kemuning,
                       else ~/.local/share/kemuning)
  --memory             keep nothing: no store is read or written
  --format FORMAT      table, json, jsonl or csv (default: table)
  --color WHEN         auto, always or never (default: auto; NO_COLOR and TERM=dumb turn it off)
  --sync POLICY        always: fsync every change; batch: fsync within 100 ms and at the end
                       (default: always at the prompt, batch for scripts)
  --keep-going         in scripts, go on after a failed command (the exit code still says it failed)
  --atomic             all or nothing: if any command fails, the store is left exactly as it was
  --transcript FILE    write the commands that succeed to FILE (.kmn) and their output beside it (.out)
  --check              run nothing: report every problem in the scripts and the files they source
                       (exit 0 none, 1 only bad values, 2 any syntax problem)
  --echo               print each command before running it
  --var NAME=VALUE     set a variable (repeatable)
  --no-history         do not read or write the history file
  --lang LANG          en or id: the language of messages and help (default: $KEMUNING_LANG,
                       else the locale: LANG=id_ID gives Bahasa Indonesia); names never change
  --version            print the version
  --help               print this help

exit codes: 0 success, 1 a command failed, 2 bad invocation or syntax error,
            3 store unavailable, 130 interrupted
"""

/// The exit codes added after `usageText`, shown right below it.
let moreExitCodes: Message = """
also: 1 when standard output cannot be written (a full disk), 141 when its reader has gone
      (| head), 129 and 143 when stopped by SIGHUP and SIGTERM
"""

/// The whole `--help` text.
func helpText() -> String { tr(usageText) + "\n" + tr(moreExitCodes) }

enum Mode {
    case play(String)
    case repl
    case stdinScript
    case command(String)
    case files([String])
}

struct Options {
    var store: String?
    var memory = false
    var format: OutputFormat?
    var color: ColorMode = .auto
    var sync: SyncPolicy?
    var keepGoing = false
    var atomic = false
    var step = false
    var delay: Int?
    var speed = 30
    var from: String?
    var transcript: String?
    var check = false
    var echo = false
    var vars: [(String, String)] = []
    var noHistory = false
    var lang: Lang?
    var mode: Mode?
}

/// The language of what the program says before a session exists (and its first setting):
/// `--lang`, else KEMUNING_LANG, else the locale. Looked for first, so that even a mistake in
/// the other arguments is reported in the user's language.
nonisolated(unsafe) var uiLang: Lang = {
    let argv = Array(CommandLine.arguments.dropFirst())
    for (k, a) in argv.enumerated() {
        if a == "--" || a == "-c" { break }
        if a == "--lang", k + 1 < argv.count, let l = Lang(code: argv[k + 1]) { return l }
        if a.hasPrefix("--lang="), let l = Lang(code: String(a.dropFirst(7))) { return l }
    }
    return Lang.fromEnvironment(environment)
}()

/// The session once there is one: after that, `set lang` decides the language of what the
/// program itself says too (the REPL's and `play`'s words).
nonisolated(unsafe) var currentSession: Session?

/// `m` in the user's language.
func tr(_ m: Message) -> String { m.localized(currentSession?.settings.lang ?? uiLang) }

/// `m` in the user's language, for a terminal: a control character in it (from an argument,
/// a file name, a value in the store) is shown as `\x1b`, never sent raw.
func shown(_ m: Message) -> String { Controls.escape(tr(m), keepingLineBreaks: true) }

func fail(_ message: Message, hint: Message? = nil) -> Never {
    var text = "kemuning: \(tr("error:")) \(shown(message))\n"
    if let hint { text += "\(tr("hint:")) \(shown(hint))\n" }
    text += tr("Try 'kemuning --help'.") + "\n"
    Terminal.stderr(text)
    exit(2)
}

/// An error's text in the user's language (errors that carry a `Message` are translated).
func describe(_ error: Error) -> String { shown("\(error)") }

/// `kemuning: warning: ...` on standard error, in the user's language.
func warn(_ m: Message) { Terminal.stderr("kemuning: \(tr("warning:")) \(shown(m))\n") }

/// `kemuning: error: ...` for a failure that belongs to no line of a script.
func reportError(_ error: Error) { Terminal.stderr("kemuning: \(tr("error:")) \(describe(error))\n") }

/// Prints `text` and a newline and exits: 0, or 1 when standard output cannot be written.
func printAndExit(_ text: String) -> Never {
    let o = Terminal.Output(fd: 1)
    o.write(text + "\n")
    o.flush()
    exit(o.exitCode(0))
}

func parseOptions(_ argv: [String]) -> Options {
    var o = Options()
    var k = 0
    let known = ["store", "memory", "format", "color", "colour", "sync", "keep-going", "atomic", "check", "echo", "var", "no-history", "lang", "version", "help"]
    func value(_ name: String, _ inline: String?) -> String {
        if let inline { return inline }
        guard k < argv.count else { fail("option '--\(name)' needs a value") }
        k += 1
        return argv[k - 1]
    }
    while k < argv.count {
        let a = argv[k]
        k += 1
        if a == "-c" {
            guard k < argv.count else { fail("option '-c' needs commands, like: kemuning -c 'vacancy list'") }
            o.mode = .command(argv[k])
            k += 1
            continue
        }
        if a == "-h" { printAndExit(helpText()) }
        if a == "play" && o.mode == nil {
            o.mode = .play("")  // the file may come after its flags
            continue
        }
        if case .play("")? = o.mode, !a.hasPrefix("--") {
            o.mode = .play(a)
            continue
        }
        if a == "run" && o.mode == nil {
            var files: [String] = []
            while k < argv.count {
                if argv[k] == "--check" { o.check = true; k += 1; continue }
                if argv[k].hasPrefix("--") && argv[k] != "--" { break }
                if argv[k] == "--" { k += 1; files += argv[k...]; k = argv.count; break }
                files.append(argv[k])
                k += 1
            }
            guard !files.isEmpty else { fail("'run' needs at least one script file") }
            o.mode = .files(files)
            continue
        }
        guard a.hasPrefix("--") else {
            fail("unexpected argument '\(a)'", hint: a.hasSuffix(".kmn") ? "to run a script: kemuning run \(a)" : nil)
        }
        var name = String(a.dropFirst(2))
        var inline: String?
        if let eq = name.firstIndex(of: "=") {
            inline = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
        }
        switch name {
        case "store": o.store = value(name, inline)
        case "memory": o.memory = true
        case "format":
            let v = value(name, inline)
            guard let f = OutputFormat(rawValue: v) else { fail("bad --format '\(v)': expected table, json, jsonl or csv") }
            o.format = f
        case "color", "colour":
            let v = value(name, inline)
            guard let c = ColorMode(rawValue: v) else { fail("bad --color '\(v)': expected auto, always or never") }
            o.color = c
        case "sync":
            let v = value(name, inline)
            guard let s = SyncPolicy(rawValue: v) else { fail("bad --sync '\(v)': expected always or batch") }
            o.sync = s
        case "keep-going": o.keepGoing = true
        case "atomic": o.atomic = true
        case "step": o.step = true
        case "delay":
            let v = value(name, inline)
            guard let n = Int(v), n >= 0, n <= 600_000 else { fail("bad --delay '\(v)': milliseconds from 0 to 600000") }
            o.delay = n
        case "speed":
            let v = value(name, inline)
            guard let n = Int(v), n >= 1, n <= 10_000 else { fail("bad --speed '\(v)': characters a second, from 1 to 10000") }
            o.speed = n
        case "from": o.from = value(name, inline)
        case "transcript": o.transcript = value(name, inline)
        case "check": o.check = true
        case "echo": o.echo = true
        case "no-history": o.noHistory = true
        case "var":
            let v = value(name, inline)
            guard let eq = v.firstIndex(of: "="), eq > v.startIndex else { fail("bad --var '\(v)': expected NAME=VALUE") }
            let n = String(v[..<eq])
            guard let c = n.unicodeScalars.first, Lexer.isNameStart(c), n.unicodeScalars.allSatisfy(Lexer.isNameChar) else {
                fail("bad --var name '\(n)': names are letters, digits and '_', not starting with a digit")
            }
            o.vars.append((n, String(v[v.index(after: eq)...])))
        case "version": printAndExit("kemuning \(version)")
        case "help": printAndExit(helpText())
        case "lang":
            let v = value(name, inline)
            guard let l = Lang(code: v) else { fail("bad --lang '\(v)': expected en or id") }
            o.lang = l
        default:
            let hint = suggestion(for: name, among: known).map { "did you mean '--\($0)'?" as Message }
            fail("unknown option '\(a)'", hint: hint)
        }
    }
    if case .play("")? = o.mode { fail("'play' needs a script file: kemuning play FILE") }
    return o
}

func environment(_ name: String) -> String? {
    guard let v = getenv(name) else { return nil }
    let s = String(cString: v)
    return s.isEmpty ? nil : s
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

/// Refuses an argument that is not valid UTF-8 (exit 2). `CommandLine.arguments` has already
/// replaced such bytes with U+FFFD: `--store` would name another folder, `-c` run another
/// command. So the raw bytes are checked, every argument, before anything is done.
func checkArgumentsAreUTF8() {
    for k in 1..<Int(CommandLine.argc) {
        guard let p = CommandLine.unsafeArgv[k] else { continue }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        if let bad = ScriptFile.firstInvalidUTF8(bytes) {
            let column = bytes[..<bad].filter { $0 & 0xC0 != 0x80 }.count + 1
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            fail("argument \(k) '\(escapingInvalidUTF8(bytes))' is not valid UTF-8: byte 0x\(hex) at column \(column)")
        }
    }
}

/// The text of `bytes` with each byte that is not UTF-8 shown as `\xFF`.
func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
    var out = ""
    var rest = bytes[...]
    while let bad = ScriptFile.firstInvalidUTF8(Array(rest)) {
        out += String(decoding: rest.prefix(bad), as: UTF8.self)
        out += "\\x" + String(rest[rest.startIndex + bad], radix: 16, uppercase: true)
        rest = rest.dropFirst(bad + 1)
    }
    return out + String(decoding: rest, as: UTF8.self)
}

// MARK: start

Terminal.setUp()
// A file-size limit (ulimit -f) must fail the write with EFBIG, which the store reports like a
// full disk, not kill the process between a write and its report.
signal(SIGXFSZ, SIG_IGN)
checkArgumentsAreUTF8()
let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let stdinIsTerminal = isatty(0) == 1
let mode = options.mode ?? (stdinIsTerminal ? .repl : .stdinScript)
var isREPL = false
if case .repl = mode { isREPL = true }
if options.check { runCheck(mode) }

// `play --from SNAPSHOT` works on a scratch copy, so the trainer's store is never touched.
let scratchStore: String? = options.from.map { scratchCopy(of: $0, in: options.store ?? defaultStore()) }
let backend: StoreBackend = options.memory && scratchStore == nil
    ? MemoryStore()
    : FileStore(directory: scratchStore ?? options.store ?? defaultStore(), policy: options.sync ?? (isREPL ? .always : .batch))
let session = Session(backend: backend)
if let f = options.format { session.settings.format = f }
session.settings.color = options.color
session.settings.keepGoing = options.keepGoing
session.settings.echo = options.echo
// Kept in the audit trail: a control character in $USER is kept as `\x1b`, never raw.
session.settings.operatorName = Controls.escape(environment("USER") ?? environment("LOGNAME") ?? "unknown")
session.settings.lang = options.lang ?? uiLang
currentSession = session
if let k = environment("KEMUNING_LANG"), Lang(code: k) == nil, options.lang == nil {
    warn("KEMUNING_LANG '\(k)' is not en or id: the language comes from the locale")
}
// KEMUNING_TODAY fixes the session's date from outside, like `set today`, for reproducible runs.
if let t = environment("KEMUNING_TODAY") {
    do { session.settings.today = try Day(parsing: t) } catch let e as KemuningError where Day.hasDateShape(t) {
        fail("bad KEMUNING_TODAY: \(e.message)")  // the year, the month or the day: which one
    } catch {
        fail("bad KEMUNING_TODAY '\(t)': expected YYYY-MM-DD")
    }
}
for (n, v) in options.vars { session.variables[n] = v }

let out = Terminal.Output(fd: 1)
/// Show each result at once (at a prompt, and when a demo is played on a terminal).
nonisolated(unsafe) var flushEachOutput = isREPL
/// Drop results while a demo runs its `# @silent` setup.
nonisolated(unsafe) var quietOutputs = false
session.emit = { event in
    let settings = session.settings
    switch event {
    case .output(let o):
        if quietOutputs { return }
        // Charts only where people look at them: a terminal that is not TERM=dumb.
        let width = environment("TERM") == "dumb" ? nil : Terminal.width(1)
        out.write(Renderer(format: settings.format, color: colorEnabled(settings.color, fd: 1), terminalWidth: width, lang: settings.lang).render(o))
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
        warn(w)
    case .flush:
        out.flush()
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

/// Ends the process: output flushed, recording written, store closed (its journal synced),
/// then the exit code, made non-zero if the output could not be written.
func finish(_ code: Int32) -> Never {
    out.flush()
    if session.recorder != nil {
        do { try session.stopRecording() } catch { reportError(error) }
    }
    do {
        try session.close()
    } catch let e as KemuningError {
        session.report(e, source: nil)
        exit(e.kind.exitCode)
    } catch {
        reportError(error)
        exit(3)
    }
    out.flush()
    if let dir = scratchStore { removeScratch(dir) }
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

/// Removes a `play --from` scratch store: its files, its named snapshots, the directory.
func removeScratch(_ dir: String) {
    for name in ["snapshot.json", "journal.jsonl", "lock"] { unlink(dir + "/" + name) }
    if let d = opendir(dir + "/snapshots") {
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name != "." && name != ".." { unlink(dir + "/snapshots/" + name) }
        }
        closedir(d)
        rmdir(dir + "/snapshots")
    }
    rmdir(dir)
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
        reportError(error)
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
        Terminal.stderr("kemuning: " + tr("the atomic run failed, so nothing it did was kept: the store is as it was") + "\n")
    }
}

if let t = options.transcript {
    do { try session.startRecording(path: nil, transcript: t, depth: isREPL ? 0 : 1) } catch { fail(.verbatim(describe(error))) }
}

Terminal.exitOnSecondInterrupt = !isREPL
Terminal.installInterruptHandler()

switch mode {
case .command(let text):
    runScript { try session.run(text: text, source: Source(name: "<command-line>")) }
case .files(let paths):
    runScript {
        for p in paths {
            if p == "-" {
                try runStdin()
                continue
            }
            do {
                _ = try ScriptFile.read(p, displayName: p)
            } catch var e as KemuningError {
                if e.kind == .failed { e.kind = .usage }
                throw e
            }
            try session.runFile(p, from: nil, at: nil)
        }
    }
case .stdinScript:
    runScript { try runStdin() }
case .play(let file):
    runPlay(file)
case .repl:
    runREPL()
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

// MARK: --check

/// `--check`: reads the scripts and what they source, runs nothing and touches no store, prints
/// every problem as a run would show it, then a count; exits 0 (none), 1 (only bad values) or 2.
func runCheck(_ mode: Mode) -> Never {
    var vars: [String: String] = [:]
    for (n, v) in options.vars { vars[n] = v }
    let checker = ScriptChecker(variables: vars)
    let json = options.format == .json || options.format == .jsonl
    let output = Terminal.Output(fd: 1)
    func render(_ d: Diagnostic) -> String {
        json ? Renderer.serialized(d.json(uiLang)) + "\n" : d.render(color: colorEnabled(options.color, fd: 2), lang: uiLang)
    }
    func checkStdin() {
        do {
            let bytes = try UserFiles.readStream(0, name: "<stdin>", limit: UserFiles.scriptLimit)
            checker.check(text: try decodeStdin(bytes), source: Source(name: "<stdin>"))
        } catch let e as KemuningError {
            Terminal.stderr(render(Diagnostic(e, file: e.range == nil ? nil : "<stdin>")))
            exit(e.kind.exitCode)
        } catch {
            exit(2)
        }
    }
    switch mode {
    case .files(let paths):
        for p in paths {
            if p == "-" { checkStdin() } else { checker.check(file: p) }
        }
    case .command(let text):
        checker.check(text: text, source: Source(name: "<command-line>"))
    case .play(let file):
        checker.check(file: file)
    case .stdinScript, .repl:
        checkStdin()
    }
    for d in checker.diagnostics { Terminal.stderr(render(d)) }
    let problems = checker.diagnostics.count
    let files = checker.checkedSources.count
    if json {
        let o = JSONObject([("problems", JSON(problems)), ("files", JSON(files)), ("exit", JSON(Int(checker.exitCode)))])
        output.write(JSON.object(o).serialized() + "\n")
    } else if problems == 0 {
        output.write(tr("no problems in \(Message.count(files, "file", "files"))") + "\n")
    } else {
        Terminal.stderr(tr("\(Message.count(problems, "problem", "problems")) in \(Message.count(files, "file", "files"))") + "\n")
    }
    output.flush()
    exit(output.exitCode(checker.exitCode))
}
