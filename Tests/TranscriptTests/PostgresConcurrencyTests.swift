#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Several writers at once on one PostgreSQL store (issue 14): real kemuning processes, each
/// logged in as its own operator role, each running a long script with --keep-going.
@Suite struct PostgresConcurrencyTests {
    /// The issue's numbers: 8 processes of 2,000 changing commands each. Measured on the
    /// 2-core machine under the debug build: see the report of the test's run time.
    static let processes = 8
    static let commandsPerProcess = 2000
    /// Shared applications in screening (each screened by every process) and in SKD (each
    /// given an SKD result by every process): exactly one of each succeeds.
    static let sharedScreens = 50
    static let sharedSKDs = 50

    /// 8 scripts of 2,000 commands at once: every change a process acknowledged is in the
    /// store, committed by its role; ids of every kind are unique and dense; each contested
    /// decision was taken once and refused once for every other attempt; the store checks.
    @Test(PostgresCluster.required)
    func eightWritersAtOnceLoseNothingAndDecideEachSharedApplicationOnce() throws {
        let pg = try #require(PostgresCluster.shared)
        let url = pg.createDatabase()
        let db = StoreGrants.databaseName(url)
        let dir = Paths.temporaryDirectory()
        defer { Paths.removeTree(dir) }
        let home = dir + "/home"
        mkdir(home, 0o700)
        let n = Self.processes, perProcess = Self.commandsPerProcess
        let screens = Self.sharedScreens, skds = Self.sharedSKDs

        #expect(kemuning(["--store", url, "-c", "store init"], home: home).status == 0)
        // V1 in screening with the contested screenings P1..P50, V2 in SKD with the contested
        // SKD results P51..P100, V3 open for everyone's own applications.
        var setup = """
            set today 2026-11-02
            vacancy add --title Analis --unit Bappeda --seats 2 --education S1
            vacancy add --title Analis --unit Dinkes --seats 2 --education S1
            vacancy add --title Analis --unit Dispar --seats 2 --education S1
            vacancy announce V1 --channel portal --closes 2026-11-10
            vacancy announce V2 --channel portal --closes 2026-11-10
            vacancy announce V3 --channel portal --closes 2026-12-31

            """
        for i in 1...(screens + skds) {
            setup += "applicant add --nik 32010100\(eightDigits(i)) --name \"Bersama \(i)\" --born 1996-04-12 --education S1\n"
            setup += "apply A\(i) \(i <= screens ? "V1" : "V2")\n"
        }
        setup += "set today 2026-11-11\nvacancy advance V1\nvacancy advance V2\n"
        for i in (screens + 1)...(screens + skds) { setup += "screen P\(i) --pass\n" }
        setup += "set today 2026-11-15\nvacancy advance V2\n"
        writeFile(dir + "/setup.kmn", setup)
        let s = kemuning(["--store", url, "run", dir + "/setup.kmn"], home: home)
        try #require(s.status == 0, "setup: \(s.stderr)")

        // One operator role per process.
        let roles = (1...n).map { PostgresCluster.uniqueName("op\($0)") }
        for role in roles {
            pg.createRole(role)
            #expect(pg.sql(StoreGrants.operator(role), database: db).status == 0)
        }

        // Each script: its own applicants and applications, and every 20th command a
        // contested one, in the same order in every script so they collide.
        let contested = screens + skds
        let own = perProcess - contested
        for p in 1...n {
            var script = "set today 2026-11-15\n"
            var c = 0
            func contestedCommand() {
                c += 1
                script += c <= screens ? "screen P\(c) --pass\n" : "skd P\(c) --twk \(60 + p) --tiu 120 --tkp 180\n"
            }
            for k in 1...(own / 2) {
                script += "let a\(k) = applicant add --nik 32\(p)\(eightDigits(k))00000 --name \"Operator \(p) Pelamar \(k)\" --born 1996-04-12 --education S1\n"
                script += "echo OWN $a\(k)\n"
                script += "apply $a\(k) V3 --date 2026-11-15\n"
                if k % 9 == 0 && c < contested { contestedCommand() }
            }
            while c < contested { contestedCommand() }
            #expect(c == contested)
            writeFile(dir + "/op\(p).kmn", script)
        }

        // All at once.
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var pids: [pid_t] = []
        writeFile(dir + "/empty", "")
        for p in 1...n {
            let env = testEnvironment(home: home)
            let pid = spawn(Paths.binary, ["--store", pg.url(database: db, user: roles[p - 1]), "--keep-going", "run", dir + "/op\(p).kmn"],
                            stdin: dir + "/empty", stdout: dir + "/out\(p)", stderr: dir + "/err\(p)", environment: env)
            pids.append(try #require(pid))
        }
        var statuses: [Int32] = []
        for pid in pids {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            statuses.append((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f))
        }
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        let note = "\(n) processes x \(perProcess) changing commands on one PostgreSQL store: \(Int(seconds)) s\n"
        _ = write(2, note, note.utf8.count)

        // What each process said it did.
        var screenWinners: [Int: [Int]] = [:], skdWinners: [Int: [Int]] = [:]
        var screenRefusals: [Int: Int] = [:], skdRefusals: [Int: Int] = [:]
        var ownApplicants: [Int: Set<String>] = [:], ownApplications: [Int: Set<String>] = [:]
        for p in 1...n {
            let out = readFile(dir + "/out\(p)") ?? "", err = readFile(dir + "/err\(p)") ?? ""
            var acknowledged = 0
            for line in out.split(separator: "\n").map(String.init) {
                let words = line.split(separator: " ").map(String.init)
                if words.count == 2 && words[0] == "OWN" {
                    ownApplicants[p, default: []].insert(words[1]); acknowledged += 1
                } else if words.count == 3 && words[0] == "application" && words[2] == "added" {
                    ownApplications[p, default: []].insert(words[1]); acknowledged += 1
                } else if line.hasSuffix(": screened: MS") || line.contains(": screened: MS, participant number") {
                    screenWinners[Int(words[0].dropFirst().dropLast())!, default: []].append(p); acknowledged += 1
                } else if words.count > 1 && words[1] == "SKD" {
                    skdWinners[Int(words[0].dropFirst().dropLast())!, default: []].append(p); acknowledged += 1
                } else {
                    Issue.record("process \(p) printed an unexpected line: \(line)")
                }
            }
            // Every error is a refusal of a contested decision, and says why.
            var errors = 0
            for line in err.split(separator: "\n").map(String.init) where line.contains(": error: ") {
                errors += 1
                if let r = line.firstRange(of: "error: P"), let colon = line[r.upperBound...].firstIndex(where: { !$0.isNumber }),
                   let id = Int(line[r.upperBound..<colon]) {
                    if id <= screens && line.contains("was screened on 2026-11-15: a result changes only by objection") {
                        screenRefusals[id, default: 0] += 1; continue
                    }
                    if id > screens && line.contains("has its SKD result already") {
                        skdRefusals[id, default: 0] += 1; continue
                    }
                }
                Issue.record("process \(p) failed a command it should not have: \(line)")
            }
            #expect(acknowledged + errors == perProcess, "process \(p): \(acknowledged) acknowledged + \(errors) refused")
            #expect(ownApplicants[p, default: []].count == own / 2, "process \(p): \(ownApplicants[p, default: []].count) applicants")
            #expect(ownApplications[p, default: []].count == own / 2)
            #expect(statuses[p - 1] == (errors > 0 ? 1 : 0), "process \(p) exited \(statuses[p - 1]): \(err.suffix(500))")
        }
        for id in 1...screens {
            #expect(screenWinners[id, default: []].count == 1, "P\(id) screened by \(screenWinners[id, default: []])")
            #expect(screenRefusals[id, default: 0] == n - 1, "P\(id): \(screenRefusals[id, default: 0]) refusals")
        }
        for id in (screens + 1)...(screens + skds) {
            #expect(skdWinners[id, default: []].count == 1, "P\(id) SKD by \(skdWinners[id, default: []])")
            #expect(skdRefusals[id, default: 0] == n - 1, "P\(id): \(skdRefusals[id, default: 0]) refusals")
        }

        // What the store says: each role's changes are exactly what its process acknowledged.
        func rows(_ query: String) -> [[String]] {
            let r = pg.sql(query, database: db)
            #expect(r.status == 0, "\(query): \(r.stderr)")
            return r.stdout.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        }
        for p in 1...n {
            let role = roles[p - 1]
            let changes = rows("""
                SELECT line::jsonb->>'op', coalesce(line::jsonb->'data'->'applicant'->>'id', line::jsonb->'data'->'application'->>'id',
                       line::jsonb->'data'->'changes'->0->'data'->'application'->>'id'), command
                FROM kemuning.changes WHERE committed_by = '\(role)' ORDER BY seq
                """)
            let applicants = Set(changes.filter { $0[0] == "applicant.add" }.map { $0[1] })
            let applications = Set(changes.filter { $0[0] == "application.add" }.map { $0[1] })
            #expect(applicants == ownApplicants[p, default: []], "role \(role): applicants in the store differ from what process \(p) printed")
            #expect(applications == ownApplications[p, default: []], "role \(role): applications differ")
            let screened = Set(changes.filter { $0[2].hasPrefix("screen ") }.map { Int($0[1].dropFirst())! })
            let scored = Set(changes.filter { $0[2].hasPrefix("skd ") }.map { Int($0[1].dropFirst())! })
            #expect(screened == Set(screenWinners.filter { $0.value == [p] }.keys), "role \(role): screenings")
            #expect(scored == Set(skdWinners.filter { $0.value == [p] }.keys), "role \(role): SKD results")
            #expect(changes.count == applicants.count + applications.count + screened.count + scored.count,
                    "role \(role) committed \(changes.count) changes")
        }
        // The SKD result in the store is the winner's (each process gave TWK 60 + its number).
        for row in rows("SELECT id, data->'skd'->>'twk' FROM kemuning.records WHERE kind = 'application' AND data ? 'skd'") {
            let id = Int(row[0].dropFirst())!, twk = Int(row[1])!
            #expect(skdWinners[id] == [twk - 60], "\(row[0]): TWK \(twk), won by \(skdWinners[id] ?? [])")
        }
        #expect(rows("SELECT count(*) FROM kemuning.records WHERE kind = 'application' AND data ? 'skd'") == [["\(skds)"]])

        // Ids of every kind: unique and dense, 1 to the count.
        let applicantsTotal = screens + skds + n * own / 2
        for (kind, prefix, count) in [("applicant", "A", applicantsTotal), ("application", "P", applicantsTotal), ("vacancy", "V", 3)] {
            let r = rows("""
                SELECT count(*), count(DISTINCT id), min(substr(id, 2)::int), max(substr(id, 2)::int)
                FROM kemuning.records WHERE kind = '\(kind)' AND id ~ '^\(prefix)[0-9]+$'
                """)
            #expect(r == [["\(count)", "\(count)", "1", "\(count)"]], "\(kind): \(r)")
        }
        let seqs = rows("SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM kemuning.changes")
        #expect(seqs.first?[0] == seqs.first?[1] && seqs.first?[2] == "1" && seqs.first?[3] == seqs.first?[0], "changes: \(seqs)")
        // Through kemuning too: the applicant list has every one, once.
        let list = kemuning(["--store", url, "--format", "jsonl", "-c", "applicant list"], home: home)
        #expect(list.status == 0, "\(list.stderr)")
        let ids = list.stdout.split(separator: "\n").map(String.init).compactMap { line -> String? in
            guard let r = line.firstRange(of: "\"id\":\"") else { return nil }
            let rest: Substring = line[r.upperBound...]
            return String(rest.prefix { $0 != "\"" })
        }
        #expect(ids.count == applicantsTotal && Set(ids) == Set((1...applicantsTotal).map { "A\($0)" }))

        let check = kemuning(["--store", url, "-c", "store check"], home: home)
        #expect(check.status == 0, "store check: \(check.stdout)\(check.stderr)")
    }
}

/// `n` as 8 digits, zeros first.
private func eightDigits(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
