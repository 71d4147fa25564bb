#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The streaming snapshot writer and reader must agree byte for byte with the tree form.
@Suite("Snapshot streaming")
struct SnapshotWriterTests {
    /// The state a whole recruitment round leaves: every kind of record and a long audit trail.
    func roundState() throws -> State {
        let session = Session(backend: MemoryStore())
        session.settings.today = Day(year: 2026, month: 11, day: 29)
        session.settings.operatorName = "tester"
        let path = repoRoot + "/scripts/examples/recruitment-round.kmn"
        let text = try ScriptFile.read(path, displayName: path)
        try session.run(text: text, source: Source(name: "round", path: path))
        return try session.state()
    }

    @Test func theStreamedSnapshotEqualsTheTreeForm() throws {
        let state = try roundState()
        #expect(state.applications.count == 11)
        #expect(state.employees.count == 4)
        #expect(state.audit.count > 60)
        var streamed: [UInt8] = []
        state.writeSnapshot(to: &streamed)
        #expect(String(decoding: streamed, as: UTF8.self) == state.json.serialized())
    }

    @Test func readingItBackGivesTheSameState() throws {
        let state = try roundState()
        var bytes: [UInt8] = []
        state.writeSnapshot(to: &bytes)
        let back = try bytes.withUnsafeBufferPointer { try State.decode($0) }
        #expect(back == state)
        #expect(back.auditEntries(of: "P5").map(\.action) == state.auditEntries(of: "P5").map(\.action))
        #expect(back.auditEntries(of: "P5")[1].changes.map(\.field) == ["screening.result", "screening.reason", "screening.date"])
    }

    @Test func aCallbackErrorIsNotReportedAsBadJSON() throws {
        let text = Array(#"{"format":"kemuning-snapshot","version":9,"seq":0,"counters":{},"vacancies":[],"applicants":[]}"#.utf8)
        #expect(throws: NewerSnapshotError(version: 9)) {
            try text.withUnsafeBufferPointer { try State.decode($0) }
        }
    }
}
