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
    /// The language of messages, help, headers and chart labels (never of names or JSON keys).
    public var lang: Lang = .en
    /// Settings the user may change with `set`, with their help.
    public static let names: [(String, Message)] = [
        ("format", "output format: table, json, jsonl or csv"),
        ("color", "colour: auto, always or never"),
        ("echo", "print each command before running it: on or off"),
        ("keep-going", "go on after a failed command in a script: on or off"),
        ("today", "the session's date, YYYY-MM-DD (or 'system')"),
        ("operator", "the name recorded with each change"),
        ("lang", "language of messages and help: en (English) or id (Bahasa Indonesia)"),
    ]

    public init() {}
}

private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C while a command runs. The executable's signal handler calls `request()`; long-running
/// work calls `check()` and stops with an `.interrupted` error.
public enum Interrupt {
    public static func request() { interruptRequested.store(true, ordering: .relaxed) }
    public static func clear() { interruptRequested.store(false, ordering: .relaxed) }
    public static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }
    public static func check() throws {
        if interruptRequested.load(ordering: .relaxed) {
            throw KemuningError(.interrupted, "interrupted")
        }
    }
}
