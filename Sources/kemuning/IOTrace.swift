#if canImport(Glibc)
import Glibc
#endif
import KemuningStore

/// A test hook: with `KEMUNING_IO_TRACE=FILE`, every call the store makes through `StoreIO`
/// (`write journal.jsonl`, `fdatasync journal.jsonl`, `rename snapshot.json`, `fsync .` for a
/// directory, ...), the sync policy chosen (`policy always`), and each moment the program
/// releases output (`output stdout`, `output stderr`, just before the `write(2)`), are appended
/// to FILE one line each, in the order they happen. So a test of the real binary can check the
/// durability promises as orderings: at the prompt a change is synced before its output.
///
/// Each line is one `write(2)` to a file opened `O_APPEND`: no buffer a kill could lose, and the
/// group-commit thread's lines never tear the main thread's. Unset, it costs one comparison per
/// flush of output and the store runs on `StoreIO.system`.
enum IOTrace {
    /// The trace file's descriptor, or -1 when there is none (not asked for, or not openable:
    /// a trace is for tests, and a test that asked for one sees it missing).
    static let fd: Int32 = {
        guard let v = getenv("KEMUNING_IO_TRACE"), v.pointee != 0 else { return -1 }
        return open(v, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    }()

    static var isOn: Bool { fd >= 0 }

    /// Appends `event` and a newline to the trace, when there is one.
    static func record(_ event: String) {
        guard fd >= 0 else { return }
        var bytes = Array((event + "\n").utf8)
        Terminal.writeAll(fd, &bytes)
    }

    /// Appends `what name` (`output stdout`, `policy batch`): the form of the store's events.
    static func record(_ what: String, _ name: String) { record(what + " " + name) }

    /// The seam the store uses: the real one, or one whose tracer records each call.
    static let storeIO: StoreIO = isOn ? StoreIO(tracer: { record("\($0)") }) : .system
}
