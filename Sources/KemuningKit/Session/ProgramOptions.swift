import KemuningCore
import KemuningDomain
import KemuningStore
/// The program's own arguments (`kemuning --store DIR --format json run a.kmn`), read the way
/// a command's flags are: each option is a `FlagSpec` (a name, a kind, bare or with a value),
/// `--name=value` and `--name value` both work, and a mistyped option gets a "did you mean".
/// The options that give a setting (`--format`, `--color`, `--lang`, `--echo`, `--keep-going`)
/// come from `Settings.table` and read their values as `set` does.
///
/// What differs from a command's flags is kept as it was: the errors speak of options, not flags
/// (`unknown option '--x'`, `option '--x' needs a value`); a value may start with `--`
/// (`--store --odd`); a bare option ignores `=value`; an option may be given again, the last
/// one counting; and the words `run FILE...`, `play FILE` and `-c 'CMD'` choose what to do.
public struct ProgramOptions: Sendable {
    /// What the program was asked to run.
    public enum Mode: Equatable, Sendable {
        case play(String)
        case repl
        case stdinScript
        case command(String)
        case files([String])
    }

    /// What the arguments ask for: to run, or only to print the help or the version.
    public enum Action: Sendable {
        case run(ProgramOptions)
        case help
        case version
    }

    public var store: String?
    public var memory = false
    public var sync: SyncPolicy?
    public var atomic = false
    public var step = false
    /// `play --step` without the line of key hints under the prompt.
    public var quiet = false
    public var delay: Int?
    public var speed = 30
    public var from: String?
    public var transcript: String?
    public var check = false
    public var noHistory = false
    public var vars: [(name: String, value: String)] = []
    /// The settings as the options leave them (the defaults for those not given).
    public var settings = Settings()
    /// The names (in `Settings.table`) of the settings an option gave.
    public var givenSettings: Set<String> = []
    /// Nil when no word chose: the shell, or a script on standard input.
    public var mode: Mode?

    public init() {}

    /// The language `--lang` asked for, or nil when it was not given.
    public var lang: Lang? { givenSettings.contains("lang") ? settings.lang : nil }
}

/// One way of running the program (`play`, `run`, `-c`), as `help` explains it.
public struct ProgramMode: Sendable {
    /// The word `help` takes for it.
    public let name: String
    public let usage: String
    public let summary: Message
    /// Its options, by name, in the order they are explained.
    public let options: [String]

    init(_ name: String, usage: String, summary: Message, options: [String]) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.options = options
    }
}

/// One option of the program: its flag, and what it does to the options read so far.
public struct ProgramOption: Sendable {
    /// Its name and kind. The words of its help are in `ProgramOptions.usage`, one text, so
    /// the flag's own help is empty, except for a setting's option (the setting's help).
    public let flag: FlagSpec
    /// Other spellings (`--colour`).
    public let aliases: [String]
    /// Offered by "did you mean". `play`'s own options and `--transcript` never were.
    public let suggested: Bool
    /// Reads the option's value (nil for a bare option) into the options; the action is
    /// `.help` or `.version` for the options that only print.
    let read: @Sendable (inout ProgramOptions, String?) throws -> ProgramOptions.Action?

    init(_ flag: FlagSpec, aliases: [String] = [], suggested: Bool = true,
         read: @escaping @Sendable (inout ProgramOptions, String?) throws -> ProgramOptions.Action?) {
        self.flag = flag
        self.aliases = aliases
        self.suggested = suggested
        self.read = read
    }

    public var names: [String] { [flag.name] + aliases }

    /// A bare option that sets something.
    static func bool(_ name: String, suggested: Bool = true, _ set: @escaping @Sendable (inout ProgramOptions) -> Void) -> ProgramOption {
        ProgramOption(.bool(name, .verbatim("")), suggested: suggested) { o, _ in
            set(&o)
            return nil
        }
    }

    /// An option with a value, kept as given.
    static func text(_ name: String, _ kind: ArgKind, suggested: Bool = true, _ set: @escaping @Sendable (inout ProgramOptions, String) -> Void) -> ProgramOption {
        ProgramOption(.value(name, kind, .verbatim("")), suggested: suggested) { o, v in
            set(&o, v ?? "")
            return nil
        }
    }

    /// An option whose value is a whole number in `range` (as Swift reads it: `+5` is 5).
    static func int(_ name: String, _ range: ClosedRange<Int>, suggested: Bool = true, bad: @escaping @Sendable (String) -> Message,
                    _ set: @escaping @Sendable (inout ProgramOptions, Int) -> Void) -> ProgramOption {
        ProgramOption(.value(name, .int(range), .verbatim("")), suggested: suggested) { o, v in
            let text = v ?? ""
            guard let n = Int(text), range.contains(n) else { throw KemuningError(.usage, bad(text)) }
            set(&o, n)
            return nil
        }
    }

    /// An option that prints and ends (`--help`, `--version`).
    static func action(_ name: String, _ action: ProgramOptions.Action) -> ProgramOption {
        ProgramOption(.bool(name, .verbatim("")), read: { _, _ in action })
    }

    /// The option of a setting: a bare one turns it on, one with a value reads it as `set` does.
    static func setting(_ spec: SettingSpec, _ option: SettingOption) -> ProgramOption {
        let flag: FlagSpec = option.isBool ? .bool(option.names[0], spec.help)
            : .value(option.names[0], spec.values.isEmpty ? .word : .choice(spec.values.map(\.text)), spec.help)
        return ProgramOption(flag, aliases: Array(option.names.dropFirst())) { o, v in
            do {
                try spec.assign(v ?? "on", to: &o.settings)
            } catch {
                throw KemuningError(.usage, option.badValue?(v ?? "") ?? Message.of(error))
            }
            o.givenSettings.insert(spec.name)
            o.settings.origins[spec.name] = .option(option.names[0])
            return nil
        }
    }
}

extension ProgramOptions {
    /// The `--help` text. It lists the options of `table` (a test holds the two together), as
    /// one text so that it reads well in each language.
    public static let usage: Message = """
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
  --csv DIALECT        standard (RFC 4180, the default) or excel-id: ';', decimal commas and a
                       byte-order mark, as Excel reads CSV where the decimal mark is a comma
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

    /// The exit codes added after `usage`, shown right below it.
    public static let moreExitCodes: Message = """
also: 1 when standard output cannot be written (a full disk), 141 when its reader has gone
      (| head), 129 and 143 when stopped by SIGHUP and SIGTERM
"""

    /// The options added after `usage` (its translation stays as it was), and where settings
    /// last: shown below the exit codes, and read by `help play` as `usage` is.
    public static let moreUsage: Message = """
more options:
  --operator NAME      the name recorded with each change (default: $KEMUNING_OPERATOR, else the
                       configuration file, else $USER)
  --step               play: wait for a key before each command: Enter or space runs it, s skips
                       it, b goes back (undoing the last command), l opens a live prompt, q quits
  --quiet              play --step: no line of key hints under the prompt
  --delay MS           play: go on by itself MS milliseconds after each command
  --speed CPS          play: type commands at CPS characters a second (default: 30)
  --from SNAPSHOT      play on a scratch copy of a named snapshot of the store

settings that last: $XDG_CONFIG_HOME/kemuning/config (else ~/.config/kemuning/config), one
'name = value' a line for operator, lang, format, color and csv; 'set NAME VALUE --save' writes it.
An option beats its environment variable, which beats the file; 'set' shows where each came from.
"""

    /// The text of `--help`, in `lang`: the usage, the other exit codes, the options added since.
    public static func helpText(_ lang: Lang) -> String {
        usage.localized(lang) + "\n" + moreExitCodes.localized(lang) + "\n" + moreUsage.localized(lang)
    }

    /// The program's ways of running, for `help play`, `help check` and the listing of `help`:
    /// what each does and the options that belong to it, their lines taken from `--help`.
    public static let modes: [ProgramMode] = [
        ProgramMode("shell", usage: "kemuning [OPTIONS]", summary: "the shell (reads a script from stdin when it is not a terminal)",
                    options: ["store", "memory", "format", "color", "lang", "operator", "no-history"]),
        ProgramMode("run", usage: "kemuning [OPTIONS] run FILE...", summary: "run script files in order ('-' is stdin)",
                    options: ["check", "atomic", "keep-going", "echo", "var", "transcript", "sync"]),
        ProgramMode("play", usage: "kemuning [OPTIONS] play FILE [--step [--quiet] | --delay MS] [--speed CPS] [--from SNAPSHOT]",
                    summary: "present a demo: narration, commands typed out, then run", options: ["step", "quiet", "delay", "speed", "from"]),
        ProgramMode("-c", usage: "kemuning [OPTIONS] -c 'CMD; CMD'", summary: "run commands given here", options: ["atomic", "keep-going", "echo", "var"]),
        ProgramMode("check", usage: "kemuning run --check FILE...", summary: "check scripts without running them (also with -c or stdin)", options: ["check"]),
        ProgramMode("atomic", usage: "kemuning --atomic run FILE...", summary: "all or nothing: if any command fails, the store is left exactly as it was",
                    options: ["atomic"]),
    ]

    /// The mode `help WORD` asks for: its name, or an option's name with or without `--`.
    public static func mode(_ word: String) -> ProgramMode? {
        let name = word.hasPrefix("--") ? String(word.dropFirst(2)) : word
        return modes.first { $0.name == name }
    }

    /// The lines of `--help` (in `lang`) that explain the option `name`: its own and the
    /// indented ones that go on from it.
    public static func optionLines(_ name: String, _ lang: Lang) -> [String] {
        let lines = helpText(lang).split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var k = 0
        while k < lines.count {
            let l = lines[k]
            if l.hasPrefix("  --\(name) ") || l == "  --\(name)" {
                out.append(String(l))
                k += 1
                while k < lines.count, lines[k].hasPrefix("          "), !lines[k].trimmingSpaces.hasPrefix("--") {
                    out.append(String(lines[k]))
                    k += 1
                }
                return out
            }
            k += 1
        }
        return out
    }

    /// The help of a mode: what it does, how it is written, its options.
    public static func describe(_ m: ProgramMode, _ lang: Lang) -> String {
        var text = "kemuning \(m.name)" + ": " + m.summary.localized(lang) + "\n\n" + Message("usage:").localized(lang) + " " + m.usage + "\n"
        let lines = m.options.flatMap { optionLines($0, lang) }
        if !lines.isEmpty { text += "\n" + Message("options:").localized(lang) + "\n" + lines.joined(separator: "\n") + "\n" }
        text += "\n" + Message("all the options: kemuning --help").localized(lang)
        return text
    }

    /// The option of the setting `name`, to place it in `table`. The unwraps cannot fail:
    /// `table` names only settings of `Settings.table` that have an option (were one renamed,
    /// every use of the table would stop at once, the first test included).
    private static func setting(_ name: String) -> ProgramOption {
        let spec = Settings.table.first { $0.name == name && $0.option != nil }!
        return .setting(spec, spec.option!)
    }

    /// The program's options, in the order "did you mean" weighs them (the `--help` order).
    /// A setting with an option that is not placed here comes last, so a new setting is still
    /// one entry of `Settings.table`.
    public static let table: [ProgramOption] = {
        let placed: [ProgramOption] = [
            .text("store", .file) { $0.store = $1 },
            .bool("memory") { $0.memory = true },
            setting("format"),
            setting("csv"),
            setting("color"),
            ProgramOption(.value("sync", .choice(SyncPolicy.allCases.map(\.rawValue)), .verbatim(""))) { o, v in
                guard let s = SyncPolicy(rawValue: v ?? "") else { throw KemuningError(.usage, "bad --sync '\(v ?? "")': expected always or batch") }
                o.sync = s
                return nil
            },
            setting("keep-going"),
            .bool("atomic") { $0.atomic = true },
            .text("transcript", .file, suggested: false) { $0.transcript = $1 },
            .bool("check") { $0.check = true },
            setting("echo"),
            ProgramOption(.value("var", .word, .verbatim(""), repeatable: true)) { o, v in
                o.vars.append(try variable(v ?? ""))
                return nil
            },
            .bool("no-history") { $0.noHistory = true },
            setting("lang"),
            .action("version", .version),
            .action("help", .help),
            // `play`'s own, accepted anywhere.
            .bool("step", suggested: false) { $0.step = true },
            .int("delay", 0...600_000, suggested: false, bad: { "bad --delay '\($0)': milliseconds from 0 to 600000" }) { $0.delay = $1 },
            .int("speed", 1...10_000, suggested: false, bad: { "bad --speed '\($0)': characters a second, from 1 to 10000" }) { $0.speed = $1 },
            .bool("quiet", suggested: false) { $0.quiet = true },
            .text("from", .snapshot, suggested: false) { $0.from = $1 },
        ]
        let names = Set(placed.flatMap(\.names))
        let more = Settings.table.compactMap { s in s.option.flatMap { names.contains($0.names[0]) ? nil : ProgramOption.setting(s, $0) } }
        return placed + more
    }()

    /// The option called `name`, or one of its other spellings.
    public static func option(_ name: String) -> ProgramOption? { table.first { $0.names.contains(name) } }

    /// `--var NAME=VALUE`: a name the language allows, and its value.
    static func variable(_ v: String) throws -> (name: String, value: String) {
        guard let eq = v.firstIndex(of: "="), eq > v.startIndex else { throw KemuningError(.usage, "bad --var '\(v)': expected NAME=VALUE") }
        let n = String(v[..<eq])
        guard let c = n.unicodeScalars.first, Lexer.isNameStart(c), n.unicodeScalars.allSatisfy(Lexer.isNameChar) else {
            throw KemuningError(.usage, "bad --var name '\(n)': names are letters, digits and '_', not starting with a digit")
        }
        return (n, String(v[v.index(after: eq)...]))
    }

    /// The language the arguments ask for, looked for before anything else is read, so that
    /// even a mistake in the other arguments is reported in it: the first valid `--lang`
    /// before `--` or `-c`.
    public static func languageAsked(in argv: [String]) -> Lang? {
        let names = Settings.spec("lang")?.option?.names ?? []
        for (k, a) in argv.enumerated() {
            if a == "--" || a == "-c" { break }
            for name in names {
                if a == "--" + name, k + 1 < argv.count, let l = Lang(code: argv[k + 1]) { return l }
                if a.hasPrefix("--\(name)="), let l = Lang(code: String(a.dropFirst(name.count + 3))) { return l }
            }
        }
        return nil
    }

    /// Reads the program's arguments (without the program's name). Stops at the first
    /// `--help`, `-h` or `--version`; an error is a `.usage` error with its hint.
    public static func parse(_ argv: [String]) throws -> Action {
        var o = ProgramOptions()
        var k = 0
        while k < argv.count {
            let a = argv[k]
            k += 1
            if a == "-c" {
                guard k < argv.count else { throw KemuningError(.usage, "option '-c' needs commands, like: kemuning -c 'vacancy list'") }
                o.mode = .command(argv[k])
                k += 1
                continue
            }
            if a == "-h" { return .help }
            if a == "play" && o.mode == nil {
                o.mode = .play("")  // the file may come after its flags
                continue
            }
            if case .play("")? = o.mode, !a.hasPrefix("--") {
                o.mode = .play(a)
                continue
            }
            if a == "run" && o.mode == nil {
                // Options may come on either side of `run` and between its files, as the README
                // writes them (`kemuning run --atomic FILE`); `--` ends them.
                var files: [String] = []
                while k < argv.count {
                    if argv[k] == "--check" { o.check = true; k += 1; continue }
                    if argv[k] == "--" { k += 1; files += argv[k...]; k = argv.count; break }
                    if argv[k].hasPrefix("--") {
                        let option = argv[k]
                        k += 1
                        if let action = try readOption(option) { return action }
                        continue
                    }
                    files.append(argv[k])
                    k += 1
                }
                guard !files.isEmpty else { throw KemuningError(.usage, "'run' needs at least one script file") }
                o.mode = .files(files)
                continue
            }
            guard a.hasPrefix("--") else {
                throw KemuningError(.usage, "unexpected argument '\(a)'", hint: a.hasSuffix(".kmn") ? "to run a script: kemuning run \(a)" : nil)
            }
            if let action = try readOption(a) { return action }
        }
        if case .play("")? = o.mode { throw KemuningError(.usage, "'play' needs a script file: kemuning play FILE") }
        return .run(o)

        /// Reads the option `a` (`--name`, `--name=value` or `--name value`) into `o`; an
        /// option that is an action of its own (`--help`, `--version`) returns it.
        func readOption(_ a: String) throws -> Action? {
            var name = String(a.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = option(name) else {
                let hint = suggestion(for: name, among: table.filter(\.suggested).flatMap(\.names)).map { "did you mean '--\($0)'?" as Message }
                throw KemuningError(.usage, "unknown option '\(a)'", hint: hint)
            }
            var value: String?
            if !option.flag.isBool {
                if let inline {
                    value = inline
                } else {
                    guard k < argv.count else { throw KemuningError(.usage, "option '--\(name)' needs a value") }
                    value = argv[k]
                    k += 1
                }
            }
            return try option.read(&o, value)
        }
    }
}
