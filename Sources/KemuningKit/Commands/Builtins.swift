import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// The language's own commands: variables, assertions, scripts, settings, help.
enum Builtins {
    static let commands: [CommandSpec] = [
        CommandSpec("let", family: "language", summary: "bind a variable to a word or to the value a command returns",
                    positionals: [PositionalSpec("NAME", .variable, "the variable"), PositionalSpec("=", .word, "an equals sign"),
                                  PositionalSpec("VALUE", .word, "a word, or a command whose value is bound", variadic: true)],
                    examples: ["let unit = Bappeda", "let v = vacancy add --title \"Analis Kebijakan\" --unit Bappeda --seats 2"]) { inv in
            throw inv.fail("'let' must start the command: let NAME = VALUE")
        },
        CommandSpec("echo", family: "language", summary: "print words",
                    positionals: [PositionalSpec("WORDS", .printed, "what to print", optional: true, variadic: true)],
                    examples: ["echo \"Registration is open\"", "echo \"Vacancy $bappeda is open\""], exampleSetup: "announced") { inv in
            .message(.verbatim(inv.args.positionals.map(\.text).joined(separator: " ")))
        },
        CommandSpec("assert", family: "language", summary: "stop a script unless a comparison holds (numeric when both sides are numbers)",
                    positionals: [PositionalSpec("LEFT", .word, "a value"), PositionalSpec("OP", .choice(["==", "!=", "<", "<=", ">", ">="]), "the comparison"),
                                  PositionalSpec("RIGHT", .word, "a value")],
                    examples: ["assert $bappeda == V1", "assert 3.10 == 3.1"], exampleSetup: "announced", run: assertCommand),
        CommandSpec("source", family: "language", summary: "run a script file here (paths are relative to the current script)",
                    positionals: [PositionalSpec("FILE", .file, "the script")],
                    examples: ["source setup.kmn", "source round.kmn"]) { inv in
            let a = inv.args.positionals[0]
            try inv.context.runFile(a.text, at: a.range)
            return .none
        },
        CommandSpec("run", family: "language", summary: "run script files in order, as `kemuning run FILE...` does",
                    positionals: [PositionalSpec("FILE", .file, "a script", variadic: true)],
                    examples: ["run setup.kmn round.kmn", "run round.kmn"]) { inv in
            for a in inv.args.positionals {
                try inv.context.runFile(a.text, at: a.range)
            }
            return .none
        },
        CommandSpec("set", family: "language", summary: "change a setting (format, color, echo, keep-going, today, operator, lang, csv); no arguments lists them",
                    positionals: [PositionalSpec("SETTING", .setting, "the setting", optional: true), PositionalSpec("VALUE", .word, "its new value", optional: true)],
                    flags: [.bool("save", "also keep it in the configuration file, for the sessions to come (operator, lang, format, color, csv)")],
                    examples: ["set today 2026-03-02", "set format json"], run: setCommand),
        CommandSpec("vars", family: "language", summary: "list the variables", examples: ["vars", "let unit = Bappeda; vars"], exampleSetup: "announced") { inv in
            let names = inv.context.variables.keys.sorted()
            return Output(.table(columns: [.init("name", "NAME"), .init("value", "VALUE")],
                                 rows: names.map { [.string($0), .string(inv.context.variables[$0]!)] }))
        },
        CommandSpec("help", family: "language", summary: "list the commands, or explain one",
                    positionals: [PositionalSpec("COMMAND", .command, "a command or group", optional: true, variadic: true)],
                    flags: [.value("search", .text, "list the commands whose name, summary or flags mention WORD")],
                    examples: ["help", "help vacancy add", "help --search objection"], run: helpCommand),
        CommandSpec("history", family: "language", summary: "list the commands entered at the prompt", examples: ["history", "set format json; history"]) { inv in
            let entries = inv.context.history()
            return Output(.table(columns: [.init("n", "#", alignRight: true), .init("command", "COMMAND")],
                                 rows: entries.enumerated().map { [JSON($0.offset + 1), .string($0.element)] }))
        },
        CommandSpec("sleep", family: "language", summary: "wait a number of milliseconds (Ctrl-C stops it)",
                    positionals: [PositionalSpec("MS", .int(0...86_400_000), "milliseconds")],
                    examples: ["sleep 500", "sleep 250"]) { inv in
            inv.context.emit(.flush)
            var left = inv.args.number(at: 0)
            while left > 0 {
                try Interrupt.check()
                let step = min(left, 20)
                var ts = timespec(tv_sec: 0, tv_nsec: step * 1_000_000)
                nanosleep(&ts, nil)
                left -= step
            }
            try Interrupt.check()
            return .none
        },
        CommandSpec("undo", family: "language", summary: "take back the changes of the last command (or N commands); journaled, so it survives a crash",
                    positionals: [PositionalSpec("N", .int(1...10_000), "how many commands", optional: true)],
                    examples: ["undo", "undo 3"], mutates: true, exampleSetup: "draft") { inv in
            let n = inv.args.numberIfGiven(at: 0) ?? 1
            let done = try inv.context.undo(n)
            guard !done.isEmpty else { throw inv.fail("nothing to undo") }
            return .message(.joined(done.map { "undid: \($0)" }, separator: "\n"), value: String(done.count))
        },
        CommandSpec("redo", family: "language", summary: "make again what undo took back",
                    positionals: [PositionalSpec("N", .int(1...10_000), "how many commands", optional: true)],
                    examples: ["undo; redo", "undo 2; redo 2"], mutates: true, exampleSetup: "draft") { inv in
            let n = inv.args.numberIfGiven(at: 0) ?? 1
            let done = try inv.context.redo(n)
            guard !done.isEmpty else { throw inv.fail("nothing to redo") }
            return .message(.joined(done.map { "redid: \($0)" }, separator: "\n"), value: String(done.count))
        },
        CommandSpec("record start", family: "language", summary: "record the commands that succeed from now on as a replayable script",
                    positionals: [PositionalSpec("FILE", .file, "the script to write")],
                    flags: [.value("transcript", .file, "also write NAME.kmn and NAME.out, the commands and their output, for transcript tests")],
                    examples: ["record start demo.kmn", "record start demo.kmn --transcript demo-transcript.kmn"]) { inv in
            let file = inv.args.positionals[0]
            do {
                try inv.context.startRecording(path: inv.context.path(file.text), transcript: inv.args.string("transcript").map(inv.context.path))
            } catch var e as KemuningError where e.range == nil {
                e.range = file.range
                throw e
            }
            return .message("recording to \(file.text); stop with: record stop")
        },
        CommandSpec("record stop", family: "language", summary: "stop recording and write the script",
                    examples: ["record stop", "let n = record stop"], exampleSetup: "recording") { inv in
            let path = inv.context.recordingPath ?? ""
            let n = try inv.context.stopRecording()
            return .message("recorded \(n) command\(n == 1 ? "" : "s") to \(path)", value: String(n))
        },
        CommandSpec("quit", family: "language", summary: "leave the shell",
                    positionals: [PositionalSpec("CODE", .int(0...255), "exit code", optional: true)], examples: ["quit", "quit 1"], run: quit),
        CommandSpec("exit", family: "language", summary: "leave the shell (same as quit)",
                    positionals: [PositionalSpec("CODE", .int(0...255), "exit code", optional: true)], examples: ["exit", "exit 2"], run: quit),
    ]

    /// `quit [CODE]`: without a code, the session's status so far.
    static func quit(_ inv: Invocation) throws -> Output {
        var o = Output.none
        o.quit = inv.args.numberIfGiven(at: 0).map { Int32($0) } ?? inv.context.exitStatus
        return o
    }

    static func assertCommand(_ inv: Invocation) throws -> Output {
        let p = inv.args.positionals
        let (l, op, r) = (p[0].text, p[1].text, p[2].text)
        let holds: Bool
        if let a = ExactDecimal(l), let b = ExactDecimal(r) {
            switch op {
            case "==": holds = a == b
            case "!=": holds = a != b
            case "<": holds = a < b
            case "<=": holds = a <= b
            case ">": holds = a > b
            default: holds = a >= b
            }
        } else {
            switch op {
            case "==": holds = l == r
            case "!=": holds = l != r
            case "<": holds = l < r
            case "<=": holds = l <= r
            case ">": holds = l > r
            default: holds = l >= r
            }
        }
        guard holds else {
            let range = SourceRange(line: p[0].range.line, column: p[0].range.column,
                                    length: p[2].range.line == p[0].range.line ? p[2].range.column + p[2].range.length - p[0].range.column : p[0].range.length)
            throw KemuningError.failed("assertion failed: \(NIK.redact(l)) \(op) \(NIK.redact(r)) is false (left is '\(NIK.redact(l))', right is '\(NIK.redact(r))')", at: range)
        }
        return .none
    }

    /// `set`, `set NAME VALUE`: everything about a setting comes from `Settings.table`.
    /// The listing says where each value came from; `--save` also writes the value (given, or
    /// the one in force) to the user's configuration file.
    static func setCommand(_ inv: Invocation) throws -> Output {
        let s = inv.context
        let p = inv.args.positionals
        let save = inv.args.bool("save")
        guard let nameArg = p.first else {
            if save { throw inv.fail("'set --save' needs a setting: set NAME [VALUE] --save", at: inv.args.range("save")) }
            var prose = ProseCells()
            let rows: [[JSON]] = Settings.table.map { spec in
                let origin = s.settings.origin(spec.name)
                return [.string(spec.name), .string(spec.shown(s.settings)), prose.cell(origin.shown.english, shown: origin.shown)]
            }
            return Output(.table(columns: [.init("setting", "SETTING"), .init("value", "VALUE"), .init("from", "FROM")], rows: rows))
                .withProse(prose, in: "from")
        }
        let name = nameArg.text
        // A missing value is reported first, even for a name that is no setting; the hint is
        // only for a name as listed (not for `colour`). With --save, the value in force is saved.
        let valueArg = p.count > 1 ? p[1] : nil
        if valueArg == nil && !save {
            throw inv.fail("'set \(name)' needs a value", at: nameArg.range, hint: Settings.table.first { $0.name == name }?.help)
        }
        guard let setting = Settings.spec(name) else {
            let names = Settings.table.map(\.name)
            let hint = suggestion(for: name, among: names).map(didYouMean)
            throw inv.fail("unknown setting '\(name)'", at: nameArg.range, hint: hint ?? "settings: \(names.joined(separator: ", "))")
        }
        if save && !setting.saved {
            let kept = Settings.table.filter(\.saved).map(\.name).joined(separator: ", ")
            throw inv.fail("'\(setting.name)' is not kept in the configuration file", at: nameArg.range,
                           hint: setting.name == "today" ? "a date belongs to one session: set it in each script, or with KEMUNING_TODAY" : "settings kept: \(kept)")
        }
        if let valueArg {
            do {
                try setting.assign(valueArg.text, to: &s.settings, spelled: name)
            } catch var e as KemuningError {
                e.range = valueArg.range
                throw e
            }
            s.settings.origins[setting.name] = .session
        }
        guard save else { return .none }
        guard let path = s.settings.configPath else {
            throw inv.fail("there is no configuration file to save to: neither XDG_CONFIG_HOME nor HOME is set", at: inv.args.range("save"))
        }
        let value = setting.shown(s.settings)
        let line = try UserConfig.save(name: setting.name, value: value, to: path)
        s.settings.origins[setting.name] = .config(path: path, line: line)
        return .message("saved \(setting.name) = \(value) in \(path)", value: value)
    }

    static func helpCommand(_ inv: Invocation) throws -> Output {
        let table = inv.context.table
        let lang = inv.context.settings.lang
        let words = inv.args.positionals.map(\.text)
        if let word = inv.args.string("search") {
            let w = word.lowercased()
            guard !w.isEmpty else { throw inv.fail("--search needs a word", at: inv.args.range("search")) }
            // Both languages are searched, whichever is shown.
            func mentions(_ m: Message) -> Bool {
                m.english.lowercased().contains(w) || (lang != .en && m.localized(lang).lowercased().contains(w))
            }
            var rows: [[JSON]] = []
            var prose = ProseCells()
            for c in table.commands {
                var hits: [JSON] = []
                if c.name.lowercased().contains(w) { hits.append(prose.cell("name", shown: "name")) }
                if mentions(c.summary) { hits.append(prose.cell("summary", shown: "summary")) }
                for f in c.flags where f.name.lowercased().contains(w) || mentions(f.help) { hits.append(.string("--\(f.name)")) }
                if !hits.isEmpty { rows.append([.string(c.name), .string(c.summary.localized(lang)), .array(hits)]) }
            }
            guard !rows.isEmpty else { throw inv.fail("no command mentions '\(word)'", at: inv.args.range("search")) }
            return Output(.table(columns: [.init("command", "COMMAND"), .init("summary", "SUMMARY"), .init("matches", "MATCHES")], rows: rows),
                          value: String(rows.count)).withProse(prose, in: "matches")
        }
        if words.isEmpty {
            var rows: [[JSON]] = []
            var prose = ProseCells()
            for c in table.commands { rows.append([prose.cell(c.family, shown: .key(c.family)), .string(c.name), .string(c.summary.localized(lang))]) }
            // The program's own ways of running (`help play`), after the commands.
            for m in ProgramOptions.modes {
                rows.append([prose.cell("program mode", shown: "program mode"), .string(m.name), .string(m.summary.localized(lang))])
            }
            return Output(.table(columns: [.init("family", "FAMILY"), .init("command", "COMMAND"), .init("summary", "SUMMARY")], rows: rows))
                .withProse(prose, in: "family")
        }
        let name = words.joined(separator: " ")
        if let c = table.command(name) {
            // `run` is a command and a way of running the program: both are explained.
            let mode = words.count == 1 ? ProgramOptions.mode(name) : nil
            return .message(.verbatim(describe(c, lang) + (mode.map { "\n\n" + ProgramOptions.describe($0, lang) } ?? "")))
        }
        if words.count == 1, let m = ProgramOptions.mode(name) { return .message(.verbatim(ProgramOptions.describe(m, lang))) }
        if words.count == 1, let g = table.groups[name] {
            let subs = table.subcommands(of: name)
            var text = "\(name): \(g.localized(lang))\n\n"
            let width = subs.map { $0.name.count }.max() ?? 0
            for c in subs { text += "  \(c.name)\(String(repeating: " ", count: width - c.name.count))  \(c.summary.localized(lang))\n" }
            text += "\n" + Message("For one of them: help \(name) SUB-COMMAND").localized(lang)
            return .message(.verbatim(text))
        }
        let hint = suggestion(for: name, among: table.commands.map(\.name) + Array(table.groups.keys) + ProgramOptions.modes.map(\.name))
            .map { "did you mean 'help \($0)'?" as Message }
        throw inv.fail("no command named '\(name)'", at: inv.args.positionals[0].range, hint: hint)
    }

    /// The long help of one command: usage, arguments, flags with defaults, examples.
    static func describe(_ c: CommandSpec, _ lang: Lang = .en) -> String {
        func t(_ m: Message) -> String { m.localized(lang) }
        var text = "\(c.name): \(t(c.summary))\n\n\(t("usage:")) \(c.usage)\n"
        if !c.positionals.isEmpty {
            text += "\n\(t("arguments:"))\n"
            for p in c.positionals { text += "  \(p.name)  \(t(p.help))\n" }
        }
        if !c.flags.isEmpty {
            text += "\n\(t("flags:"))\n"
            let labels = c.flags.map { f in "--\(f.name)" + (f.isBool ? "" : " \(f.kind.placeholder)") }
            // A long label (a choice of many words) stands on its own line, as argparse does,
            // so that it does not push every description far to the right.
            let longLabel = 28
            let width = labels.map(\.count).filter { $0 <= longLabel }.max() ?? 0
            for (f, label) in zip(c.flags, labels) {
                let gap = label.count > width ? "\n" + String(repeating: " ", count: width + 2) : String(repeating: " ", count: width - label.count)
                var line = "  \(label)\(gap)  \(t(f.help))"
                if f.required { line += " " + t("(required)") }
                if let d = f.defaultText { line += " " + t("(default: \(d))") }
                if f.repeatable { line += " " + t("(may be repeated)") }
                text += line + "\n"
            }
        }
        if !c.examples.isEmpty {
            text += "\n\(t("examples:"))\n"
            for e in c.examples { text += "  \(e)\n" }
        }
        return String(text.dropLast())
    }
}
