#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `record start` … `record stop` and `--transcript`: a recording replays to the same state.
@Suite struct RecordingTests {
    @Test func aRecordedSessionReplaysToTheSameSnapshotBytes() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let session = """
            set today 2026-11-02
            let unit = Bappeda
            record start rec.kmn
            let v = vacancy add --title "Analis Kebijakan" --unit $unit --seats 1 --education S1
            vacancy announce $v --channel portal --closes 2026-11-05
            vacancy frobnicate
            let a = applicant add --nik 3201234567890001 --name "Sukmawati — Ā" --born 1996-04-12 --education S1 --gpa 3.62
            apply $a $v --source portal
            vacancy list
            record stop
            """
        let first = kemuning(["--store", home + "/a", "--keep-going", "-c", session], home: home, cwd: home)
        #expect(first.status == 2, "the bad command fails: \(first.stderr)")
        #expect(first.stdout.hasSuffix("recorded 5 commands to rec.kmn\n"), "\(first.stdout)")
        let script = try #require(readFile(home + "/rec.kmn"))
        // The bad command is left out; the variable bound before recording started is carried in.
        #expect(!script.contains("frobnicate"))
        #expect(script.hasPrefix("# recorded by kemuning\nset today 2026-11-02\nlet unit = Bappeda\nlet v = vacancy add"))
        let replay = kemuning(["--store", home + "/b", "run", "rec.kmn"], home: home, cwd: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        let a = try #require(readBytes(home + "/a/snapshot.json"))
        let b = try #require(readBytes(home + "/b/snapshot.json"))
        #expect(a == b, "the replayed store differs from the recorded one")
    }

    @Test func aTranscriptIsTheScriptAndItsOutput() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        mkdir(home + "/t", 0o700)
        let r2 = kemuning(["--memory", "--transcript", home + "/t/demo.kmn", "-c",
                           "set today 2026-11-02; vacancy add --title A --unit U --seats 1; vacancy show V1; vacancy list"], home: home)
        #expect(r2.status == 0, "\(r2.stderr)")
        let script = try #require(readFile(home + "/t/demo.kmn"))
        let expected = try #require(readFile(home + "/t/demo.out"))
        #expect(expected == r2.stdout)
        // Run as a transcript test would: the same output again.
        let again = kemuning(["--memory", "run", "demo.kmn"], home: home, cwd: home + "/t")
        #expect(again.stdout == expected)
        #expect(script.contains("vacancy show V1"))
    }
}
