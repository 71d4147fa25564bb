#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Stores in format 1 (one whole `snapshot.json`), as kemuning wrote them before format 2: each
/// fixture is the store a demo left, and `reads.out` what that kemuning printed for
/// `reads.kmn` on it (with the columns added since, as null: the participant number). The format-1 store opens and reads the same; the first write (here
/// `save`) migrates it atomically, after which it still reads the same; a kill -9 during the
/// migration leaves a store that opens the same and passes `store check`.
@Suite(.serialized) struct Format1Tests {
    static let fixtures = ["first-steps", "recruitment-round", "mentoring", "feedback-loop"]
    static var folder: String { Paths.root + "/Tests/TranscriptTests/fixtures/format1" }

    /// A store holding a copy of the fixture's format-1 snapshot.
    func storeOf(_ fixture: String, in home: String) -> String {
        let store = home + "/store-" + fixture
        mkdir(store, 0o700)
        writeFile(store + "/snapshot.json", readFile(Self.folder + "/" + fixture + "/snapshot.json")!)
        chmod(store + "/snapshot.json", 0o600)
        return store
    }

    func reads(_ store: String, home: String) -> RunResult {
        kemuning(["--store", store, "--keep-going", "run", Self.folder + "/reads.kmn"], home: home)
    }

    @Test(arguments: fixtures) func aFormat1StoreReadsAsBeforeAndAfterItsMigration(_ fixture: String) throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let store = storeOf(fixture, in: home)
        let expected = try #require(readFile(Self.folder + "/" + fixture + "/reads.out"))
        let before = reads(store, home: home)
        #expect(before.stdout == expected)
        // Reading does not migrate: the file is still format 1.
        #expect(readFile(store + "/snapshot.json")?.hasPrefix(#"{"format":"kemuning-snapshot","version":1,"#) == true)
        let save = kemuning(["--store", store, "-c", "save"], home: home)
        #expect(save.status == 0, "\(save.stderr)")
        #expect(readFile(store + "/snapshot.json")?.hasPrefix(#"{"format":"kemuning-snapshot","version":2,"#) == true)
        let after = reads(store, home: home)
        #expect(after.stdout == expected)
        #expect(after.status == before.status)
        let check = kemuning(["--store", store, "-c", "store check"], home: home)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aKillDuringTheMigrationLeavesAStoreThatReadsTheSame() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let fixture = "recruitment-round"
        let expected = try #require(readFile(Self.folder + "/" + fixture + "/reads.out"))
        // How long a whole migration takes here, so the kills spread over all of it.
        let timed = storeOf(fixture, in: home)
        let start = monotonicMicroseconds()
        _ = kemuning(["--store", timed, "-c", "save"], home: home)
        var span = max(2_000, (monotonicMicroseconds() - start) * 5 / 4)
        Paths.removeTree(timed)
        var migrated = 0
        var tried = 0
        // 40 kills spread over the span; on a loaded machine the span measured may be too short
        // (no kill after the rename) or too long: then 40 more, over a span twice or half as long.
        for round in 0..<120 {
            if round > 0 && round % 40 == 0 {
                if migrated > 0 && migrated < tried { break }
                span = migrated == 0 ? span * 2 : max(500, span / 2)
                migrated = 0
                tried = 0
            }
            tried += 1
            let store = storeOf(fixture, in: home)
            let pid = spawnBackground(Paths.binary, ["--store", store, "-c", "save"], stdout: home + "/out", environment: testEnvironment(home: home))
            usleep(UInt32(span * (round % 40) / 40))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            if readFile(store + "/snapshot.json")?.hasPrefix(#"{"format":"kemuning-snapshot","version":2,"#) == true { migrated += 1 }
            let r = reads(store, home: home)
            #expect(r.stdout == expected, "round \(round): \(r.stderr)")
            let check = kemuning(["--store", store, "-c", "store check"], home: home)
            #expect(check.status == 0, "round \(round): \(check.stdout)\(check.stderr)")
            Paths.removeTree(store)
        }
        // Some kills came before the migration's rename and some after: both were tried.
        #expect(migrated > 0 && migrated < tried, "\(migrated) of \(tried) stores were migrated when killed")
    }

    @Test func aKillDuringAFoldLosesNoAcknowledgedChange() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let script = home + "/adds.kmn"
        writeFile(script, "set today 2026-11-29\n" + (1...300).map { "vacancy add --title \"Analis \($0)\" --unit Bappeda --seats 1\nsave" }.joined(separator: "\n") + "\n")
        for round in 0..<12 {
            let store = storeOf("recruitment-round", in: home)
            let out = home + "/out"
            let pid = spawnBackground(Paths.binary, ["--store", store, "run", script], stdout: out, environment: testEnvironment(home: home))
            usleep(UInt32(20_000 + round * 9_000))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let acknowledged = (readFile(out) ?? "").split(separator: "\n").compactMap { line -> String? in
                let w = line.split(separator: " ")
                return w.count == 3 && w[0] == "vacancy" && w[2] == "added" ? String(w[1]) : nil
            }
            let list = kemuning(["--store", store, "--format", "jsonl", "-c", "vacancy list"], home: home)
            #expect(list.status == 0, "round \(round): \(list.stderr)")
            let lost = acknowledged.filter { !list.stdout.contains("\"id\":\"\($0)\"") }
            #expect(lost.isEmpty, "round \(round): acknowledged but lost: \(lost.prefix(5))")
            let check = kemuning(["--store", store, "-c", "store check"], home: home)
            #expect(check.status == 0, "round \(round): \(check.stdout)\(check.stderr)")
            Paths.removeTree(store)
        }
    }
}

/// Microseconds from an arbitrary start, never going back.
func monotonicMicroseconds() -> Int {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return t.tv_sec * 1_000_000 + t.tv_nsec / 1_000
}
