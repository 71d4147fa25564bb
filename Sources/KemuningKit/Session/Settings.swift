import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never
}

/// What `set` changes for the rest of a session.
public struct Settings: Sendable {
    public var format: OutputFormat = .table
    public var color: ColorMode = .auto
    public var echo = false
    public var keepGoing = false
    /// The session's date. Fixed by `set today` so a script replays the same way any day.
    public var today: Day = Day.today()
    /// Who is recorded as having made changes.
    public var operatorName = "unknown"
    /// The store says who the operator is (the database role of a PostgreSQL store).
    public var operatorFromStore = false
    /// The language of messages, help, headers and chart labels (never of names or JSON keys).
    public var lang: Lang = .en
    /// How CSV is written: RFC 4180, or for Indonesian Excel.
    public var csvDialect: CSVDialect = .standard
    /// Where each setting's value came from, by name; a setting not here has its default.
    /// `set` lists it beside the value, so that a value nobody remembers choosing can be traced
    /// to the configuration file's line or the environment variable that gave it.
    public var origins: [String: SettingOrigin] = [:]
    /// The user's configuration file (`set --save` writes to it); nil when there is none to
    /// write (no HOME nor XDG_CONFIG_HOME, or a session made by a test).
    public var configPath: String?

    /// Where the setting `name` came from.
    public func origin(_ name: String) -> SettingOrigin { origins[name] ?? .byDefault }

    /// Whether the operator was given by someone (an option, the environment, the configuration
    /// file, `set`), not left as "unknown": a store with the policy `require-operator` takes
    /// changes only then.
    public var operatorIsKnown: Bool { origin("operator") != .byDefault }
    /// The settings the user may change with `set`, in the order `set` lists them. This table
    /// alone drives `set` (its parsing, its errors, its listing, the hint of `set NAME`), the
    /// completion of setting names and values, and the program's options that give a setting
    /// (`--format`, `--color`, `--lang`, `--echo`, `--keep-going`). A new setting is one entry.
    public static let table: [SettingSpec] = [
        SettingSpec("format", help: "output format: table, json, jsonl or csv", saved: true,
                    values: OutputFormat.allCases.map { SettingValue($0.rawValue) },
                    shown: { $0.format.rawValue },
                    option: .value("format") { "bad --format '\($0)': expected table, json, jsonl or csv" }) { s, v, _ in
            guard let f = OutputFormat(rawValue: v) else {
                throw KemuningError.failed("bad format '\(v)': expected table, json, jsonl or csv",
                                           hint: suggestion(for: v, among: OutputFormat.allCases.map(\.rawValue)).map(didYouMean))
            }
            s.format = f
        },
        SettingSpec("color", aliases: ["colour"], help: "colour: auto, always or never", saved: true,
                    values: ColorMode.allCases.map { SettingValue($0.rawValue) },
                    shown: { $0.color.rawValue },
                    option: .value("color", aliases: ["colour"]) { "bad --color '\($0)': expected auto, always or never" }) { s, v, _ in
            guard let c = ColorMode(rawValue: v) else { throw KemuningError.failed("bad color '\(v)': expected auto, always or never") }
            s.color = c
        },
        SettingSpec("echo", help: "print each command before running it: on or off", values: SettingValue.onOff,
                    shown: { SettingValue.onOff($0.echo) }, option: .bool("echo")) { s, v, name in
            s.echo = try SettingValue.onOff(v, name)
        },
        SettingSpec("keep-going", help: "go on after a failed command in a script: on or off", values: SettingValue.onOff,
                    shown: { SettingValue.onOff($0.keepGoing) }, option: .bool("keep-going")) { s, v, name in
            s.keepGoing = try SettingValue.onOff(v, name)
        },
        SettingSpec("today", help: "the session's date, YYYY-MM-DD (or 'system')",
                    values: [SettingValue("system", label: "the system's date")], shown: { $0.today.description }) { s, v, _ in
            s.today = try v == "system" ? Day.today() : Day(parsing: v)
        },
        SettingSpec("operator", help: "the name recorded with each change", saved: true, shown: { $0.operatorName },
                    option: .value("operator") { _ in "the operator's name cannot be empty" }) { s, v, _ in
            guard !v.isEmpty else { throw KemuningError.failed("the operator's name cannot be empty") }
            guard !s.operatorFromStore else {
                throw KemuningError.failed("on a PostgreSQL store the operator is the database role this session logged in as ('\(s.operatorName)'), not a setting",
                                           hint: "log in as another role to work as someone else (PGUSER, or the user in the store's URL)")
            }
            s.operatorName = v
        },
        SettingSpec("lang", aliases: ["language"], help: "language of messages and help: en (English) or id (Bahasa Indonesia)", saved: true,
                    values: [SettingValue("en", label: .verbatim("English")), SettingValue("id", label: .verbatim("Bahasa Indonesia"))],
                    shown: { $0.lang.rawValue },
                    option: .value("lang") { "bad --lang '\($0)': expected en or id" }) { s, v, _ in
            guard let l = Lang(code: v) else { throw KemuningError.failed("bad language '\(v)': expected en or id") }
            s.lang = l
        },
        SettingSpec("csv", help: "how --format csv is written: standard (RFC 4180) or excel-id (for Indonesian Excel: ';', decimal commas, a byte-order mark)", saved: true,
                    values: CSVDialect.allCases.map { SettingValue($0.rawValue) },
                    shown: { $0.csvDialect.rawValue },
                    option: .value("csv") { "bad --csv '\($0)': expected standard or excel-id" }) { s, v, _ in
            guard let d = CSVDialect(rawValue: v) else { throw KemuningError.failed("bad csv '\(v)': expected standard or excel-id") }
            s.csvDialect = d
        },
    ]

    /// The setting called `name` (or one of its other spellings, like `colour`).
    public static func spec(_ name: String) -> SettingSpec? { table.first { $0.name == name || $0.aliases.contains(name) } }

    public init() {}
}

/// One setting of `set`: its name, its help, the values completion offers, how it is shown,
/// how a value is read, and the program option that gives it, if any.
public struct SettingSpec: Sendable {
    public let name: String
    /// Other spellings `set` accepts (`colour`); never listed nor suggested.
    public let aliases: [String]
    /// One line: what it is and the values it takes (the hint of `set NAME` without a value).
    public let help: Message
    /// What completion offers after `set NAME` (nothing for a free value like the operator).
    public let values: [SettingValue]
    /// The value as `set` lists it.
    public let shown: @Sendable (Settings) -> String
    /// The program's own option for it, when there is one.
    public let option: SettingOption?
    /// Whether the configuration file may keep it (`set --save`). `today` never is: a date
    /// belongs to one session, and a saved one would silently date every change after it.
    public let saved: Bool
    /// Reads `value` into the settings, `spelled` being the setting's name as written; throws
    /// an error without a place (the caller knows where the value was written).
    let read: @Sendable (inout Settings, _ value: String, _ spelled: String) throws -> Void

    init(_ name: String, aliases: [String] = [], help: Message, saved: Bool = false, values: [SettingValue] = [], shown: @escaping @Sendable (Settings) -> String,
         option: SettingOption? = nil, read: @escaping @Sendable (inout Settings, String, String) throws -> Void) {
        self.name = name
        self.aliases = aliases
        self.help = help
        self.values = values
        self.shown = shown
        self.option = option
        self.saved = saved
        self.read = read
    }

    /// Sets it to `value` as `set` does; the error has no place.
    public func assign(_ value: String, to settings: inout Settings, spelled: String? = nil) throws {
        try read(&settings, value, spelled ?? name)
    }
}

/// Where a setting's value came from, as `set` shows it. The order of precedence is an
/// option of the program, then its environment variable, then the configuration file, then
/// the default; `set` in the session overrides them all.
public enum SettingOrigin: Sendable, Equatable {
    case byDefault
    /// The user's configuration file, at this line.
    case config(path: String, line: Int)
    /// An environment variable (`KEMUNING_LANG`, `USER`).
    case environment(String)
    /// An option of the program (`--format`).
    case option(String)
    /// `set` in this session (or `set --save`, which also wrote it to the file).
    case session

    /// As `set` lists it.
    public var shown: Message {
        switch self {
        case .byDefault: return "default"
        case .config(let path, let line): return "config \(path):\(line)"
        case .environment(let name): return "environment \(name)"
        case .option(let name): return "option --\(name)"
        case .session: return "set in this session"
        }
    }
}

/// A value completion offers for a setting, with what it means.
public struct SettingValue: Sendable {
    public let text: String
    public let label: Message?

    public init(_ text: String, label: Message? = nil) {
        self.text = text
        self.label = label
    }

    static let onOff = [SettingValue("on"), SettingValue("off")]
    static func onOff(_ on: Bool) -> String { on ? "on" : "off" }

    /// `on`, `off` and their other spellings.
    static func onOff(_ text: String, _ name: String) throws -> Bool {
        switch text.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: throw KemuningError.failed("bad value '\(text)' for \(name): expected on or off")
        }
    }
}

/// The program option that gives a setting: `--format FORMAT` reads its value as `set format`
/// does, a bare `--echo` turns its setting on. Its error for a bad value names the option.
public struct SettingOption: Sendable {
    /// `color` and `colour`: the first is the option's name.
    public let names: [String]
    public let isBool: Bool
    /// The error for a value the setting refuses, in the option's words (nil for a bare flag).
    public let badValue: (@Sendable (String) -> Message)?

    static func value(_ name: String, aliases: [String] = [], badValue: @escaping @Sendable (String) -> Message) -> SettingOption {
        SettingOption(names: [name] + aliases, isBool: false, badValue: badValue)
    }

    static func bool(_ name: String) -> SettingOption {
        SettingOption(names: [name], isBool: true, badValue: nil)
    }
}

private let interruptRequested = Atomic<Bool>(false)
private let stopRequested = Atomic<Int32>(0)

/// Ctrl-C while a command runs. The executable's signal handler calls `request()`; long-running
/// work calls `check()` and stops with an `.interrupted` error.
///
/// A stop is the same, but for good: SIGTERM or SIGHUP, or standard output that can no longer
/// be written. The command under way finishes (or stops at its next check), no other one
/// starts, and the program ends cleanly: output flushed, store closed. A stop is never cleared,
/// so neither the prompt nor `play` goes on after it.
public enum Interrupt {
    /// Standard output failed (a full disk): already reported by the executable.
    public static let outputFailed: Int32 = -1
    /// Standard output's reader went away (`| head`): ends quietly.
    public static let outputClosed: Int32 = -2

    public static func request() { interruptRequested.store(true, ordering: .relaxed) }
    /// Clears Ctrl-C (the prompt does before each line); a stop stays.
    public static func clear() { interruptRequested.store(false, ordering: .relaxed) }
    public static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) || stopRequested.load(ordering: .relaxed) != 0 }

    /// Asks the program to end: `reason` is a signal number, `outputFailed` or `outputClosed`.
    /// The first reason is kept. Safe in a signal handler (one atomic operation).
    public static func stop(_ reason: Int32) {
        _ = stopRequested.compareExchange(expected: 0, desired: reason, ordering: .relaxed)
    }

    /// Why the program must end, or nil when it may go on.
    public static var stopReason: Int32? {
        let r = stopRequested.load(ordering: .relaxed)
        return r == 0 ? nil : r
    }

    public static func check() throws {
        if let reason = stopReason {
            switch reason {
            case SIGTERM: throw KemuningError(.interrupted, "stopped by SIGTERM")
            case SIGHUP: throw KemuningError(.interrupted, "stopped by SIGHUP")
            default:
                // The output failure was reported when it happened; the reader of a closed
                // pipe wants nothing more.
                var e = KemuningError(.interrupted, "stopped: standard output cannot be written")
                e.reported = true
                throw e
            }
        }
        if interruptRequested.load(ordering: .relaxed) {
            throw KemuningError(.interrupted, "interrupted")
        }
    }
}
