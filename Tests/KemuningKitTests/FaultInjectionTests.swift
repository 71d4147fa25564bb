#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// SQLite's I/O error tests, for Kemuning's store: a workload runs once per I/O call it makes,
// with the Nth call failing (ENOSPC, EIO, or a short write); after each run a fresh store on
// the same directory must hold every change that was acknowledged and none that was reported
// failed, and `store check` must pass.

/// One step of the workload: a command, and what it does to the set of vacancy titles when it
/// is acknowledged (the oracle). Titles are unique, so each change can be recognised on disk.
private enum Step {
    case add(String)
    case save
    case snapshotSave(String)
    case snapshotRestore(String)
    case snapshotDelete(String)
    case undo
    case atomic([String])
    case policy(String)

    var command: String {
        switch self {
        case .add(let t): return "vacancy add --title \(t) --unit U --seats 1"
        case .save: return "save"
        case .snapshotSave(let n): return "snapshot save \(n)"
        case .snapshotRestore(let n): return "snapshot restore \(n)"
        case .snapshotDelete(let n): return "snapshot delete \(n)"
        case .undo: return "undo"
        case .atomic(let ts): return ts.map { "vacancy add --title \($0) --unit U --seats 1" }.joined(separator: "\n")
        case .policy(let v): return "policy set jp-target \(v)"
        }
    }
}

/// What the acknowledged steps must have left: the titles present, the jp-target policy, and
/// the state the undo stack and named snapshots are in, as the session sees them.
private struct Model {
    var titles: [String] = []
    var jpTarget: String?
    /// Titles added since the undo history was last cleared (a failed write clears it).
    var undoable: [String] = []
    var named: [String: ([String], String?)] = [:]

    mutating func acknowledged(_ step: Step) {
        switch step {
        case .add(let t):
            titles.append(t)
            undoable.append(t)
        case .atomic(let ts):
            titles += ts
            undoable += ts
        case .save: break
        case .snapshotSave(let n): named[n] = (titles, jpTarget)
        case .snapshotRestore(let n):
            guard let saved = named[n] else {
                Issue.record("snapshot '\(n)' was restored, though its save was not acknowledged")
                return
            }
            (titles, jpTarget) = saved
            undoable = []
        case .snapshotDelete(let n): named[n] = nil
        case .undo:
            let t = undoable.removeLast()
            titles.removeAll { $0 == t }
        case .policy(let v):
            jpTarget = v
            undoable = []
        }
    }
}

private let workload: [Step] = [
    .add("A1"), .add("A2"), .policy("25"), .add("A3"), .save, .add("A4"), .snapshotSave("one"),
    .add("A5"), .undo, .atomic(["B1", "B2"]), .add("A6"), .snapshotSave("two"), .snapshotDelete("two"),
    .snapshotRestore("one"), .add("A7"), .add("A8"),
]

private final class Recorder: @unchecked Sendable {
    var events: [StoreIO.Event] = []
}

/// Runs the workload with the `failAt`-th call failing; returns how many calls it made, or nil
/// when it made fewer than `failAt` (nothing was failed).
private func runWorkload(in dir: StoreDir, failAt: Int, fault: StoreIO.Fault) throws -> Int? {
    let counter = Counter()
    let recorder = Recorder()
    let io = StoreIO(injector: { event in
        let n = counter.next()
        recorder.events.append(event)
        guard n == failAt else { return nil }
        if case .shortWrite = fault, event.call != .write { return .error(ENOSPC) }
        return fault
    })
    let store = FileStore(directory: dir.path, policy: .always, io: io)
    // Fold often, so that folds meet faults too.
    store.checkpointFloor = 1
    let s = Session(backend: store)
    let events = Events()
    s.emit = { events.all.append($0) }
    s.settings.today = Day(year: 2026, month: 11, day: 29)
    var model = Model()
    for step in workload {
        let before = events.errors.count
        if case .atomic = step {
            do {
                try s.beginAtomic()
                try s.run(text: step.command, source: Source(name: "atomic.kmn"))
                try s.endAtomic(success: true)
            } catch let e as KemuningError {
                if s.inAtomicRun { try? s.endAtomic(success: false) }
                events.all.append(.diagnostic(Diagnostic(e)))
            }
        } else {
            try? s.run(text: step.command, source: Source(name: "w.kmn"))
        }
        let failed = events.errors.count > before
        if !failed {
            model.acknowledged(step)
        } else if case .undo = step {
            // An undo refused for want of history (cleared by an earlier failure) is no store
            // failure; the model's history was cleared at the same time.
        } else {
            // A failed write clears the session's undo history.
            model.undoable = []
        }
        if case .undo = step, failed, !model.undoable.isEmpty {
            // The undo failed on a write: its history is gone with the failure.
            model.undoable = []
        }
    }
    do { try s.close() } catch {
        Issue.record("closing failed with fault \(fault) at call \(failAt): \(error)")
    }
    let calls = counter.next() - 1
    if calls < failAt { return nil }

    // A fresh store on the same directory, with real I/O: every acknowledged change, no other.
    let fresh = FileStore(directory: dir.path, policy: .always)
    let state = try fresh.load().state
    let call = failAt <= recorder.events.count ? "\(recorder.events[failAt - 1])" : "?"
    #expect(state.vacancies.map(\.title).sorted() == model.titles.sorted(),
            "fault \(fault) at call \(failAt) (\(call)): errors \(events.errors.map(\.message.english))")
    #expect(state.policies["jp-target"] == model.jpTarget, "fault \(fault) at call \(failAt) (\(call))")
    let check = fresh.check()
    let allOK = check.allSatisfy { $0.ok }
    #expect(allOK, "fault \(fault) at call \(failAt) (\(call)): \(check)")
    try fresh.close(nil)
    return calls
}

@Suite("Fault injection") struct FaultInjectionTests {
    /// Every I/O call of the workload fails once, in turn, with each kind of fault.
    @Test(arguments: [StoreIO.Fault.error(ENOSPC), .error(EIO), .shortWrite])
    func everyFailedCallLeavesEveryAcknowledgedChangeAndNoOther(_ fault: StoreIO.Fault) throws {
        var n = 1
        var covered = 0
        while true {
            let dir = StoreDir()
            guard let calls = try runWorkload(in: dir, failAt: n, fault: fault) else { break }
            covered = calls
            n += 1
        }
        // The workload must really exercise the store: opens, writes, syncs, renames, unlinks.
        #expect(covered > 60, "only \(covered) I/O calls")
        #expect(n - 1 == covered)
    }

    /// The oracle itself must be able to fail: a workload with no fault acknowledges it all.
    @Test func withoutFaultsEveryStepIsAcknowledged() throws {
        let dir = StoreDir()
        #expect(try runWorkload(in: dir, failAt: Int.max, fault: .error(EIO)) == nil)
        let state = try FileStore(directory: dir.path, policy: .always).load().state
        #expect(state.vacancies.map(\.title) == ["A1", "A2", "A3", "A4", "A7", "A8"])
        #expect(state.policies["jp-target"] == "25")
    }

    /// The calls the workload makes, by kind: each kind the store uses is failed at least once.
    @Test func theWorkloadMakesEveryKindOfCall() throws {
        let dir = StoreDir()
        let recorder = Recorder()
        let io = StoreIO(tracer: { recorder.events.append($0) })
        let store = FileStore(directory: dir.path, policy: .always, io: io)
        store.checkpointFloor = 1
        let s = Session(backend: store)
        s.emit = { _ in }
        for step in workload where step.command.split(separator: "\n").count == 1 {
            try? s.run(text: step.command, source: Source(name: "w.kmn"))
        }
        try s.close()
        let kinds = Set(recorder.events.map(\.call))
        #expect(kinds == Set(StoreIO.Call.allCases), "missing: \(Set(StoreIO.Call.allCases).subtracting(kinds))")
    }
}

/// The order of the calls that make a change durable (SQLite's and PostgreSQL's rules): a new
/// file's name is synced in its directory before anything relies on it; a snapshot is written
/// to a new file, synced, renamed over the old one, and its directory synced.
@Suite("Durable order") struct DurableOrderTests {
    private func trace(_ body: (Session) throws -> Void) rethrows -> [String] {
        let dir = StoreDir()
        let recorder = Recorder()
        let store = FileStore(directory: dir.path, policy: .always, io: StoreIO(tracer: { recorder.events.append($0) }))
        let s = Session(backend: store)
        s.emit = { _ in }
        try body(s)
        try? s.close()
        return recorder.events.map { "\($0)".replacingTemporaryPID() }
    }

    @Test func theJournalsNameIsSyncedBeforeItsFirstChangeIsAcknowledged() throws {
        let calls = try trace { s in try s.run(text: "vacancy add --title A --unit U --seats 1", source: Source(name: "t")) }
        let open = try #require(calls.firstIndex(of: "open journal.jsonl"))
        #expect(Array(calls[open...].prefix(4)) == ["open journal.jsonl", "fsync .", "write journal.jsonl", "fdatasync journal.jsonl"])
        // The store directory itself was made and its parent synced before that.
        #expect(calls.prefix(3) == ["mkdir store", "fsync .", "open ."])
    }

    @Test func aSnapshotIsWrittenSyncedRenamedAndItsDirectorySynced() throws {
        let calls = try trace { s in try s.run(text: "vacancy add --title A --unit U --seats 1\nsave", source: Source(name: "t")) }
        let start = try #require(calls.firstIndex(of: "open snapshot.json.tmp-PID"))
        #expect(Array(calls[start...].prefix(8)) == [
            "open snapshot.json.tmp-PID", "fsync .", "write snapshot.json.tmp-PID", "fsync snapshot.json.tmp-PID",
            "rename snapshot.json", "fsync .", "truncate journal.jsonl", "fsync journal.jsonl",
        ])
    }

    @Test func aNamedSnapshotsFolderAndFileAreDurableToo() throws {
        let calls = try trace { s in try s.run(text: "vacancy add --title A --unit U --seats 1\nsnapshot save one", source: Source(name: "t")) }
        let start = try #require(calls.firstIndex(of: "mkdir snapshots"))
        #expect(Array(calls[start...].prefix(8)) == [
            "mkdir snapshots", "fsync .", "open snapshots", "open one.json.tmp-PID", "fsync .", "write one.json.tmp-PID",
            "fsync one.json.tmp-PID", "rename one.json",
        ])
        #expect(calls[start + 8] == "fsync .")
    }
}

extension String {
    /// `snapshot.json.tmp-4711` → `snapshot.json.tmp-PID`, so traces compare across runs.
    func replacingTemporaryPID() -> String {
        guard Files.isTemporary(self) else { return self }
        return String(self.reversed().drop { $0.isNumber }.reversed()) + "PID"
    }
}
