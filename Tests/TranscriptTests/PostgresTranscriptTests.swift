#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The golden transcripts again, against the PostgreSQL store: each `transcripts/NAME.kmn` runs
/// in a fresh database of the shared test cluster (`store init` first, a run of its own), with
/// `--store URL` where the file-store run has `--memory` or `--store {STORE}`, and must print
/// exactly the same `NAME.out`, `NAME.err` and `NAME.code`. The operator is the same: the
/// memory runs take `tester` from USER, the PostgreSQL runs connect as the role `tester`.
@Suite struct PostgresTranscriptTests {
    /// Transcripts that cannot be identical by their nature, each with the reason.
    static let excluded: [String: String] = [
        "store": "ends with `store check`, which lists the file store's files (a PostgreSQL store lists its tables)",
    ]

    static var names: [String] { TranscriptTests.names.filter { excluded[$0] == nil } }

    /// The name a script gives in `set operator NAME` (all such lines must agree), if any.
    static func operatorSet(in script: String) -> String? {
        let names = Set(script.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let text = String(line).trimmingCharactersNewline()
            guard text.hasPrefix("set operator ") else { return nil }
            var name = String(text.dropFirst("set operator ".count)).trimmingCharactersNewline()
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            return name
        })
        #expect(names.count <= 1, "a script sets more than one operator: \(names.sorted())")
        return names.first
    }

    /// The login roles the runs connect as, made once per cluster (roles are cluster-wide):
    /// `tester`, the name the memory runs take from USER, and any name a script sets.
    static let roles: Set<String>? = {
        guard let pg = PostgresCluster.shared else { return nil }
        var names: Set<String> = ["tester"]
        for name in TranscriptTests.names { if let o = operatorSet(in: readFile(TranscriptTests.folder + "/" + name + ".kmn") ?? "") { names.insert(o) } }
        for file in TranscriptTests.examples { if let o = operatorSet(in: readFile(Paths.root + "/scripts/examples/" + file) ?? "") { names.insert(o) } }
        for name in names.sorted() {
            let literal = "'" + name.replacingOccurrences("'", with: "''") + "'"
            let r = pg.sql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = \(literal)) THEN CREATE ROLE \(PostgresCluster.quoted(name)) LOGIN; END IF;
                END $$
                """, database: "postgres")
            if r.status != 0 { Issue.record("CREATE ROLE \(name) failed: \(r.stderr)") }
        }
        return names
    }()

    /// A fresh database owned by `role`, `store init`ed by it; its URL (as that role).
    static func freshStore(home: String, role: String = "tester") throws -> String {
        let pg = try #require(PostgresCluster.shared)
        let roles = try #require(Self.roles)
        #expect(roles.contains(role))
        let superURL = pg.createDatabase()
        let database = String(superURL.dropFirst("postgresql:///".count).prefix { $0 != "?" })
        let owned = pg.sql("ALTER DATABASE \(database) OWNER TO \(PostgresCluster.quoted(role))", database: "postgres")
        #expect(owned.status == 0, "ALTER DATABASE: \(owned.stderr)")
        let url = pg.url(database: database, user: role)
        let initialised = kemuning(["--store", url, "-c", "store init"], home: home)
        #expect(initialised.status == 0, "store init: \(initialised.stdout)\(initialised.stderr)")
        return url
    }

    /// Where to run `file` of `folder` on PostgreSQL, and as which role. A script that says
    /// `set operator NAME` runs as the role NAME (a PostgreSQL store refuses the setting: the
    /// operator is the role logged in), from a copy of the folder in `home` (links to all but
    /// the script) in which those lines are comments, so that every line keeps its number.
    static func placed(_ file: String, of folder: String, home: String) -> (cwd: String, role: String) {
        let script = readFile(folder + "/" + file) ?? ""
        guard let name = operatorSet(in: script) else { return (folder, "tester") }
        let copy = home + "/scripts"
        mkdir(copy, 0o700)
        for entry in listDirectory(folder) where entry != file { symlink(folder + "/" + entry, copy + "/" + entry) }
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line).trimmingCharactersNewline().hasPrefix("set operator ") ? "# " + line : String(line)
        }
        writeFile(copy + "/" + file, lines.joined(separator: "\n"))
        return (copy, name)
    }

    /// NAME.args with the store replaced: `--memory` and `--store {STORE}` become `--store URL`,
    /// and args that name no store get it in front.
    static func arguments(_ args: [String], url: String) -> [String] {
        var out: [String] = []
        var named = false
        var i = 0
        while i < args.count {
            if args[i] == "--memory" {
                out += ["--store", url]; named = true
            } else if args[i] == "--store", i + 1 < args.count {
                out += ["--store", url]; named = true; i += 1
            } else {
                out.append(args[i])
            }
            i += 1
        }
        return named ? out : ["--store", url] + out
    }

    @Test("transcript on PostgreSQL", PostgresCluster.required, arguments: PostgresTranscriptTests.names)
    func transcript(_ name: String) throws {
        let base = TranscriptTests.folder + "/" + name
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let (cwd, role) = Self.placed(name + ".kmn", of: TranscriptTests.folder, home: home)
        let url = try Self.freshStore(home: home, role: role)
        var args = (readFile(base + ".args") ?? "--memory").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        args = Self.arguments(args, url: url)
        let viaStdin = args.contains("{STDIN}")
        args.removeAll { $0 == "{STDIN}" }
        let input = viaStdin ? readFile(cwd + "/" + name + ".kmn") : nil
        let r = kemuning(args + (viaStdin ? [] : ["run", name + ".kmn"]), input: input, home: home, cwd: cwd)
        let expectedOut = try #require(readFile(base + ".out"), "missing \(name).out")
        #expect(r.stdout == expectedOut, "stdout of \(name).kmn on PostgreSQL")
        #expect(r.stderr == (readFile(base + ".err") ?? ""), "stderr of \(name).kmn on PostgreSQL")
        let code = Int32((readFile(base + ".code") ?? "0").trimmingCharactersNewline()) ?? -99
        #expect(r.status == code, "exit code of \(name).kmn on PostgreSQL; stderr: \(r.stderr)")
    }

    /// The demo workflows run clean on PostgreSQL too, and print what they print on a file store.
    @Test("example on PostgreSQL", PostgresCluster.required, arguments: TranscriptTests.examples)
    func example(_ file: String) throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let onFiles = kemuning(["--store", home + "/store", "run", file], home: home, cwd: Paths.root + "/scripts/examples")
        let (cwd, role) = Self.placed(file, of: Paths.root + "/scripts/examples", home: home)
        let url = try Self.freshStore(home: home, role: role)
        let r = kemuning(["--store", url, "run", file], home: home, cwd: cwd)
        #expect(r.status == 0, "scripts/examples/\(file) failed on PostgreSQL:\n\(r.stderr)")
        #expect(r.stderr.isEmpty, "scripts/examples/\(file) wrote to stderr on PostgreSQL:\n\(r.stderr)")
        #expect(!r.stdout.isEmpty)
        #expect(r.stdout == onFiles.stdout, "scripts/examples/\(file): PostgreSQL and the file store printed differently")
    }
}
