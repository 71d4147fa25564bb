#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit

/// `--check`: reads the scripts and what they source, runs nothing and touches no store, prints
/// every problem as a run would show it, then a count; exits 0 (none), 1 (only bad values) or 2.
@MainActor func runCheck(_ mode: ProgramOptions.Mode, options: ProgramOptions, voice: Voice) -> Never {
    var vars: [String: String] = [:]
    for (n, v) in options.vars { vars[n] = v }
    let checker = ScriptChecker(variables: vars)
    let json = options.settings.format == .json || options.settings.format == .jsonl
    let output = Terminal.Output(fd: 1, voice: voice)
    let lang = voice.startLang
    func render(_ d: Diagnostic) -> String {
        json ? Renderer.serialized(d.json(lang)) + "\n" : d.render(color: colorEnabled(options.settings.color, fd: 2), lang: lang)
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
        output.write(voice.tr("no problems in \(Message.count(files, "file", "files"))") + "\n")
    } else {
        Terminal.stderr(voice.tr("\(Message.count(problems, "problem", "problems")) in \(Message.count(files, "file", "files"))") + "\n")
    }
    output.flush()
    exit(output.exitCode(checker.exitCode))
}
