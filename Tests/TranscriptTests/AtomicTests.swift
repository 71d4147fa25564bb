#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `kemuning run --atomic`: all or nothing, through the real binary.
@Suite(.serialized) struct AtomicTests {
    let home = Paths.temporaryDirectory()
    var store: String { home + "/store" }

    func run(_ args: [String]) -> RunResult { kemuning(["--store", store] + args, home: home, cwd: home) }

    func files() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in ["snapshot.json", "journal.jsonl"] { out[f] = readBytes(store + "/" + f) ?? [] }
        return out
    }

    func seed() {
        #expect(run(["-c", "set today 2026-11-02; vacancy add --title Analis --unit Bappeda --seats 1 --education S1; vacancy announce V1 --channel portal"]).status == 0)
    }

    @Test func aFailureInTheMiddleLeavesTheStoreExactlyAsItWas() {
        defer { Paths.removeTree(home) }
        seed()
        let before = files()
        writeFile(home + "/round.kmn", """
            set today 2026-11-03
            applicant add --nik 3201234567890001 --name "Budi Santoso" --born 1994-11-02 --education S1
            apply A1 V1 --source portal
            skd P1 --twk 90 --tiu 100 --tkp 180
            applicant add --nik 3201234567890002 --name "Never Kept" --born 1994-11-02
            """)
        let r = run(["--atomic", "run", "round.kmn"])
        #expect(r.status == 1)
        #expect(r.stdout == "applicant A1 added\napplication P1 added\n")
        #expect(r.stderr.contains("round.kmn:4:5: error: cannot record SKD for P1: V1 is in announced, not skd"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("kemuning: the atomic run failed, so nothing it did was kept: the store is as it was\n"))
        #expect(files() == before, "the store changed")
        let list = run(["-c", "applicant list"])
        #expect(list.stdout.contains("(0 rows)"), "\(list.stdout)")
    }

    @Test func successKeepsEverythingAsOneJournalLine() {
        defer { Paths.removeTree(home) }
        seed()
        writeFile(home + "/ok.kmn", """
            set today 2026-11-03
            applicant add --nik 3201234567890001 --name "Budi Santoso" --born 1994-11-02 --education S1
            applicant add --nik 3201234567890002 --name "Sari Dewi" --born 1995-01-01 --education S1
            apply A1 V1 --source portal
            apply A2 V1 --source social
            """)
        // The audit trail shows every change of the run under one change number: they were written as one.
        let r = run(["--atomic", "run", "ok.kmn"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = run(["--format", "jsonl", "-c", "application list"])
        #expect(list.stdout.split(separator: "\n").count == 2)
        let audit = run(["--format", "csv", "-c", "audit A2; audit P2"])
        // Every change of the run carries the same change number: they were written as one.
        let numbers = Set(audit.stdout.split(separator: "\r\n").dropFirst().compactMap { line -> String? in
            line.hasPrefix("change") ? nil : line.split(separator: ",").first.map(String.init)
        })
        #expect(numbers == ["3"], "\(audit.stdout)")
        #expect(run(["-c", "store check"]).status == 0)
    }

    @Test func storeCommandsAreRefusedInsideAnAtomicRun() {
        defer { Paths.removeTree(home) }
        seed()
        let before = files()
        let r = run(["--atomic", "-c", "vacancy add --title X --unit Y --seats 1; snapshot save s"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'snapshot save' cannot run inside an atomic run"), "\(r.stderr)")
        #expect(files() == before)
    }

    @Test func killedMidRunKeepsNothing() {
        defer { Paths.removeTree(home) }
        seed()
        let before = files()
        var script = "set today 2026-11-03\n"
        for k in 1...3000 {
            script += "applicant add --nik 3201\(String(100_000_000_000 + k).suffix(12)) --name \"P \(k)\" --born 1994-11-02\n"
        }
        script += "sleep 5000\n"
        writeFile(home + "/long.kmn", script)
        let pid = spawnBackground(Paths.binary, ["--store", store, "--atomic", "run", home + "/long.kmn"], stdout: home + "/out", environment: testEnvironment(home: home))
        // The run flushes its output before `sleep`: once A3000 shows, every change is made
        // in memory and none is written.
        var seen = false
        for _ in 0..<500 where !seen {
            usleep(10_000)
            seen = (readFile(home + "/out") ?? "").contains("applicant A3000 added")
        }
        #expect(seen, "the run did not get to its last change")
        kill(pid, SIGKILL)
        var st: Int32 = 0
        waitpid(pid, &st, 0)
        #expect(files() == before, "a killed atomic run left changes behind")
        #expect(run(["-c", "store check"]).status == 0)
    }
}
