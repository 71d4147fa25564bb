#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// The store's sync policies as orderings of the calls it makes through `StoreIO`, with the
// session's output in the same sequence: `always` syncs each change before the command's
// output; `batch` writes before the output and leaves the sync to the group-commit thread and
// to the close. (The binary's side, which policy each mode gets, is DurabilityOrderTests.)

/// The calls a store made and the outputs its session emitted, in one order, with whether each
/// call came from the thread that made the store (the group-commit thread is another). Locked:
/// that thread appends while the test reads.
private final class Trace: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var entries: [(line: String, ownThread: Bool)] = []
    let owner = pthread_self()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func add(_ line: String) {
        let own = pthread_equal(pthread_self(), owner) != 0
        pthread_mutex_lock(&mutex)
        entries.append((line, own))
        pthread_mutex_unlock(&mutex)
    }

    var all: [(line: String, ownThread: Bool)] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return entries
    }

    var lines: [String] { all.map(\.line) }
}

/// A session on a fresh store with `policy`, whose I/O calls and outputs (`output`) go to `trace`.
private func tracedSession(_ dir: StoreDir, _ policy: SyncPolicy, _ trace: Trace) -> Session {
    let store = FileStore(directory: dir.path, policy: policy, io: StoreIO(tracer: { trace.add("\($0)") }))
    let s = Session(backend: store)
    s.emit = { event in if case .output = event { trace.add("output") } }
    return s
}

private func add(_ s: Session, _ title: String) throws {
    try s.run(text: "vacancy add --title \(title) --unit U --seats 1", source: Source(name: "t"))
}

@Suite("Sync policy") struct SyncPolicyTests {
    /// `always`: the journal line is written, then fdatasync'ed, and only then is the command's
    /// output emitted; nothing is left for the close to sync.
    @Test func alwaysSyncsEachChangeBeforeItsOutput() throws {
        let dir = StoreDir()
        let trace = Trace()
        let s = tracedSession(dir, .always, trace)
        for t in ["A", "B", "C"] { try add(s, t) }
        let journal = trace.lines.filter { $0.hasSuffix(" journal.jsonl") && !$0.hasPrefix("open ") || $0 == "output" }
        #expect(journal == Array(repeating: ["write journal.jsonl", "fdatasync journal.jsonl", "output"], count: 3).flatMap { $0 })
        try s.close()
    }

    /// `batch`: each change is written before its output, with no sync in between on the
    /// command's thread: the group-commit thread syncs it, unasked. The wait is for that thread
    /// to run at all (it syncs within 100 ms); it fails only if it never does.
    @Test func batchWritesBeforeTheOutputAndTheGroupCommitSyncsIt() throws {
        let dir = StoreDir()
        let trace = Trace()
        let s = tracedSession(dir, .batch, trace)
        try add(s, "A")
        let own = trace.all.filter(\.ownThread).map(\.line).filter { $0.hasSuffix(" journal.jsonl") && !$0.hasPrefix("open ") || $0 == "output" }
        #expect(own == ["write journal.jsonl", "output"])
        var waited = 0
        while !trace.all.contains(where: { !$0.ownThread && $0.line == "fdatasync journal.jsonl" }) && waited < 30_000 {
            usleep(1_000)
            waited += 1
        }
        let lines = trace.lines
        let write = try #require(lines.firstIndex(of: "write journal.jsonl"))
        let background = trace.all.firstIndex { !$0.ownThread && $0.line == "fdatasync journal.jsonl" }
        #expect(background.map { $0 > write } == true, "the group-commit thread never synced the journal: \(lines)")
        try s.close()
    }

    /// `batch`, closed at once (a script's end): whatever was written is fdatasync'ed before the
    /// close returns, whether or not the group-commit thread got to it.
    @Test func batchSyncsEverythingWrittenBeforeTheCloseReturns() throws {
        let dir = StoreDir()
        let trace = Trace()
        let s = tracedSession(dir, .batch, trace)
        for t in ["A", "B", "C"] { try add(s, t) }
        let beforeClose = trace.lines.count
        try s.close()
        let lines = trace.lines
        let lastWrite = try #require(lines.lastIndex(of: "write journal.jsonl"))
        #expect(lastWrite < beforeClose)
        let ownSyncs = trace.all.enumerated().filter { $0.element.ownThread && $0.element.line == "fdatasync journal.jsonl" }.map(\.offset)
        #expect(ownSyncs.contains { $0 >= beforeClose }, "the close synced nothing: \(lines)")
    }
}
