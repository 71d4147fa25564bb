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
