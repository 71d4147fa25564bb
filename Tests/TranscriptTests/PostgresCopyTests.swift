#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `store copy` from a file store into PostgreSQL and back into a new folder: the three stores
/// answer every read alike, in table and in JSON, and a copy into a store that holds anything
/// is refused and changes nothing.
@Suite struct PostgresCopyTests {
    static let examples = Paths.root + "/scripts/examples"
    /// The last date the recruitment round sets, so that the reads after it see the same day.
    static let today = ["KEMUNING_TODAY": "2026-12-10"]

    /// The last date `file` sets (else the recruitment round's), for the reads after it.
    static func lastDate(of file: String) -> [String: String] {
        let dates = (readFile(examples + "/" + file) ?? "").split(separator: "\n").map { String($0).trimmingCharactersNewline() }
            .filter { $0.hasPrefix("set today ") }.map { String($0.dropFirst("set today ".count)) }
        return dates.last.map { ["KEMUNING_TODAY": $0] } ?? today
    }

    /// Read-only commands covering every kind of record, the rankings, reports and the audit trail.
    static let reads: [String] = [
        "vacancy list", "vacancy show V1", "vacancy show V2", "vacancy results V1",
        "applicant list", "applicant show A1", "applicant show A11", "application list", "application show P5",
        "audit --vacancy V1", "audit --vacancy V2", "audit P5", "audit A3",
        "skd rank V1", "skd rank V2", "final rank V1", "final rank V2",
        "report funnel V1", "report sources", "report time-to-hire",
        "snapshot list", "employee list", "jobfair list",
        "action list", "complaint list", "forum list", "holiday list", "mentor list", "policy list",
        "request list", "service list", "skp list", "survey list", "training list", "workload list",
        "employee show E1", "jobfair show J1", "audit E1", "report complaints", "report response-times",
    ] + otherReads
    /// Reads of the kinds the recruitment round has none of, which feedback-loop.kmn fills.
    static let otherReads: [String] = [
        "training show T1", "service show S1", "complaint show C1", "forum show F1", "holiday show H1",
        "request show R1", "audit S1", "audit C1",
    ]

    struct Stores {
        let home: String
        var directory: String { home + "/first" }
        var back: String { home + "/back" }
        let url: String
    }

    /// Runs the recruitment round into a file store, saves a named snapshot `round` and makes one
    /// change after it, copies that into a fresh PostgreSQL database and back into a new folder.
    static func makeStores(_ pg: PostgresCluster, home: String, example: String = "recruitment-round.kmn") -> Stores {
        let stores = Stores(home: home, url: pg.createDatabase())
        let round = kemuning(["--store", stores.directory, "run", example], home: home, cwd: examples)
        #expect(round.status == 0, "\(example): \(round.stderr)")
        let after = kemuning(["--store", stores.directory, "-c",
                              "snapshot save round; vacancy add --title Arsiparis --unit Setda --seats 1 --education D3"],
                             home: home, env: today)
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        let there = kemuning(["--memory", "-c", "store copy '\(stores.directory)' '\(stores.url)'"], home: home)
        #expect(there.status == 0, "store copy DIR URL: \(there.stdout)\(there.stderr)")
        let back = kemuning(["--memory", "-c", "store copy '\(stores.url)' '\(stores.back)'"], home: home)
        #expect(back.status == 0, "store copy URL DIR: \(back.stdout)\(back.stderr)")
        return stores
    }

    /// Where two outputs part: the last `== COMMAND` before, and the two lines.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var command = ""
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "(end)", r = i < y.count ? String(y[i]) : "(end)"
            if let at = l.firstRange(of: "== ") { command = String(l[at.lowerBound...]) }
            if l != r { return "after \(command): \(l) | \(r)" }
        }
        return "none"
    }

    static func read(_ store: String, _ command: String, format: String, home: String, env: [String: String] = today) -> RunResult {
        kemuning(["--store", store, "--format", format, "-c", command], home: home, env: env)
    }

    /// The recruitment round answers every read (the others fill the kinds it leaves empty:
    /// employees, trainings, services, complaints...; a read one of them refuses must be
    /// refused alike everywhere).
    @Test(PostgresCluster.required, arguments: TranscriptTests.examples)
    func aRoundTripThroughPostgreSQLReadsTheSameEverywhere(_ example: String) throws {
        let pg = try #require(PostgresCluster.shared)
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let stores = Self.makeStores(pg, home: home, example: example)
        let env = Self.lastDate(of: example)
        // One run per store, format and group (every command printed after an `echo` naming it):
        // the reads this example must answer, then the rest (which may be refused, alike).
        let required = example == "recruitment-round.kmn" ? Self.reads.filter { !Self.otherReads.contains($0) }
            : example == "feedback-loop.kmn" ? Self.otherReads : []
        let rest = Self.reads.filter { !required.contains($0) }
        var compared = 0
        for (group, mustSucceed) in [(required, true), (rest, false)] where !group.isEmpty {
            let script = group.map { "echo '== \($0)'\n\($0)\n" }.joined()
            for format in ["table", "json"] {
                func run(_ store: String) -> RunResult {
                    kemuning(["--store", store, "--format", format, "--keep-going"], input: script, home: home, env: env)
                }
                let first = run(stores.directory)
                if mustSucceed {
                    #expect(first.status == 0 && first.stderr.isEmpty, "\(example): a read failed on the file store: \(first.stderr)")
                }
                for other in [stores.url, stores.back] {
                    let r = run(other)
                    #expect(r.stdout == first.stdout, "\(example), --format \(format): a read differs on \(other): \(Self.firstDifference(first.stdout, r.stdout))")
                    #expect(r.stderr == first.stderr && r.status == first.status, "\(example) on \(other): \(r.stderr)")
                    compared += group.count
                }
            }
        }
        #expect(compared == Self.reads.count * 4)
        // The records are really there: the vacancies and applications of the round.
        if example == "recruitment-round.kmn" {
            let json = Self.read(stores.url, "application list", format: "json", home: home)
            #expect(json.stdout.contains("\"P11\""), "\(json.stdout)")
        }
        for store in [stores.directory, stores.url, stores.back] {
            let check = kemuning(["--store", store, "-c", "store check"], home: home)
            #expect(check.status == 0, "store check on \(store): \(check.stdout)\(check.stderr)")
        }
        // The named snapshot came along whole: restored, each store is back before the last vacancy.
        var restored: [String] = []
        for store in [stores.directory, stores.url, stores.back] {
            let r = kemuning(["--store", store, "--format", "json", "-c", "snapshot restore round; vacancy list"], home: home, env: env)
            #expect(r.status == 0, "snapshot restore round on \(store): \(r.stderr)")
            #expect(!r.stdout.contains("Arsiparis"), "\(r.stdout)")
            restored.append(r.stdout)
        }
        #expect(restored.count == 3 && Set(restored).count == 1, "\(restored)")
    }

    /// The comparison can fail: a state changed behind the store's back in PostgreSQL reads
    /// differently, or the store refuses to read it.
    @Test(PostgresCluster.required)
    func aSnapshotEditedInPostgreSQLIsSeen() throws {
        let pg = try #require(PostgresCluster.shared)
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let stores = Self.makeStores(pg, home: home)
        let before = Self.read(stores.url, "applicant list", format: "json", home: home)
        #expect(before.status == 0 && before.stdout.contains("Sukmawati Rahayu"), "\(before.stdout)\(before.stderr)")
        let edit = pg.psql(stores.url, "UPDATE kemuning.snapshot SET state = replace(state, 'Sukmawati Rahayu', 'Sukmawati Rahayo'); SELECT count(*) FROM kemuning.snapshot WHERE state LIKE '%Rahayo%'")
        #expect(edit.status == 0 && edit.stdout != "0\n", "\(edit.stdout)\(edit.stderr)")
        let first = Self.read(stores.directory, "applicant list", format: "json", home: home)
        let after = Self.read(stores.url, "applicant list", format: "json", home: home)
        #expect(after.stdout != first.stdout || after.status != 0, "the edited snapshot was not seen: \(after.stdout)")
        // store check sees it too: the snapshot no longer agrees with the records.
        let check = kemuning(["--store", stores.url, "-c", "store check"], home: home)
        #expect(check.status != 0, "store check passed an edited snapshot: \(check.stdout)")
    }

    /// Copying into a store that holds changes is refused, PostgreSQL or folder, and the store is
    /// left as it was.
    @Test(PostgresCluster.required)
    func aCopyIntoANonEmptyStoreIsRefusedAndChangesNothing() throws {
        let pg = try #require(PostgresCluster.shared)
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let stores = Self.makeStores(pg, home: home)
        let other = home + "/other"
        let made = kemuning(["--store", other, "-c", "vacancy add --title Pranata --unit Diskominfo --seats 3 --education S1"], home: home, env: Self.today)
        #expect(made.status == 0, "\(made.stderr)")
        for target in [stores.url, stores.back] {
            let before = ["vacancy list", "applicant list", "audit --vacancy V1", "snapshot list"].map { Self.read(target, $0, format: "json", home: home).stdout }
            let changes = pg.psql(stores.url, "SELECT count(*), max(seq) FROM kemuning.changes; SELECT count(*) FROM kemuning.named_snapshots")
            let r = kemuning(["--memory", "-c", "store copy '\(other)' '\(target)'"], home: home)
            #expect(r.status == 1, "store copy into \(target): \(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains("already holds"), "\(r.stderr)")
            let after = ["vacancy list", "applicant list", "audit --vacancy V1", "snapshot list"].map { Self.read(target, $0, format: "json", home: home).stdout }
            #expect(after == before, "\(target) changed after a refused copy")
            #expect(!after[0].contains("Pranata"))
            let changesAfter = pg.psql(stores.url, "SELECT count(*), max(seq) FROM kemuning.changes; SELECT count(*) FROM kemuning.named_snapshots")
            #expect(changesAfter.stdout == changes.stdout && changesAfter.status == 0, "\(changes.stdout) -> \(changesAfter.stdout)\(changesAfter.stderr)")
        }
    }
}
