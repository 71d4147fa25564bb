#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Why a cluster could not be had: no PostgreSQL on the machine, or it would not start (the
/// text then holds the server's log).
struct PostgresClusterError: Error, CustomStringConvertible {
    let description: String
}

/// A throwaway PostgreSQL server for the tests of the PostgreSQL store: a real one (Debian's
/// `postgresql` package, which `.ci/run` installs), so that what is tested is what a user
/// meets, but private to the test process. It lives in its own folder under /tmp (data/,
/// server.log, and the Unix socket: it listens on no TCP address), runs with trust
/// authentication for the role `postgres`, and is stopped and its folder removed when the
/// process exits, so a test run leaves nothing behind.
///
/// Most tests share one cluster (`shared`, started on first use) and each takes a fresh
/// database of it (`createDatabase()`): making and starting a cluster took 0.5 s here
/// (initdb 0.36 s), a database 70 ms. A test that stops or restarts the server starts its
/// own (`start()`), since the shared one is in use by other suites at the same moment.
///
/// As root, initdb refuses to run: the server runs as the `postgres` system user (runuser),
/// and its folder is given to that user; the tests themselves, and psql, stay root.
final class PostgresCluster: @unchecked Sendable {
    /// The cluster's folder; the server's Unix socket is in it too.
    let directory: String
    var socketDirectory: String { directory }
    var dataDirectory: String { directory + "/data" }
    var logFile: String { directory + "/server.log" }
    /// A TCP port that was free when the cluster was made. The server listens on no TCP
    /// address; the port only names its socket (`.s.PGSQL.PORT`), but a free one keeps a URL
    /// from ever reaching another server if `host` were dropped from it.
    let port: Int
    let isShared: Bool
    private let tools: Tools
    /// Held while the server is started, stopped or restarted.
    private let lock = Lock()
    private var removed = false

    /// The cluster the tests share, started on first use (Swift runs a static initializer
    /// once, whichever thread asks first); nil when there is no PostgreSQL or it would not
    /// start, and `unavailableReason` then says why.
    static let shared: PostgresCluster? = startup.cluster
    static let unavailableReason: String? = startup.reason
    private static let startup: (cluster: PostgresCluster?, reason: String?) = {
        do throws(PostgresClusterError) { return (try start(shared: true), nil) } catch { return (nil, error.description) }
    }()

    /// True when the PostgreSQL server programs are missing: only then may the tests skip
    /// outside CI; a server that is there and does not start is a failure.
    static var serverIsMissing: Bool { programs == nil }

    static var inCI: Bool { getenv("CI").map { String(cString: $0) } == "true" }

    /// For `@Test(PostgresCluster.required)`: runs the test only when the shared cluster is
    /// there; `PostgresClusterTests.aServerIsThereOrItsAbsenceIsReported` says why it is not.
    static var required: ConditionTrait {
        .enabled(if: shared != nil, "needs a PostgreSQL server; aServerIsThereOrItsAbsenceIsReported says why there is none")
    }

    /// The shared cluster, or nil after saying why not: on stderr outside CI when PostgreSQL is
    /// not installed, else as a failure. For a test that finds out late that it needs a server.
    static func requireOrSkip(_ test: String = #function) -> PostgresCluster? {
        if let shared { return shared }
        let reason = unavailableReason ?? "no cluster"
        if serverIsMissing && !inCI {
            let note = "skipped: \(test): \(reason)\n"
            _ = write(2, note, note.utf8.count)
        } else {
            Issue.record("\(test) needs a PostgreSQL server: \(reason)")
        }
        return nil
    }

    /// Starts a new cluster of the test's own (the caller stops it; what is left is stopped
    /// at exit): for a test that restarts or stops the server.
    static func start() throws(PostgresClusterError) -> PostgresCluster {
        try start(shared: false)
    }

    private init(directory: String, port: Int, tools: Tools, isShared: Bool) {
        self.directory = directory
        self.port = port
        self.tools = tools
        self.isShared = isShared
    }

    // MARK: Databases, roles, SQL

    /// A fresh database with a name no other test has (owner postgres), as a libpq URL.
    func createDatabase() -> String {
        let name = PostgresCluster.uniqueName("kemuning_test")
        let r = sql("CREATE DATABASE \(name) OWNER postgres", database: "postgres")
        if r.status != 0 { Issue.record("CREATE DATABASE \(name) failed: \(r.stderr)") }
        return url(database: name)
    }

    /// Makes the role `name` (quoted as given; roles belong to the whole cluster, so a test
    /// picks a name no other test uses, e.g. with `uniqueName`), without a password: the
    /// cluster trusts every local connection.
    func createRole(_ name: String, login: Bool = true) {
        let r = sql("CREATE ROLE \(PostgresCluster.quoted(name)) \(login ? "LOGIN" : "NOLOGIN")", database: "postgres")
        if r.status != 0 { Issue.record("CREATE ROLE \(name) failed: \(r.stderr)") }
    }

    /// The libpq URL of `database` over the cluster's socket, e.g.
    /// `postgresql:///kemuning_test_1?host=%2Ftmp%2Fkemuning-pg-...&port=5432&user=postgres`.
    func url(database: String, user: String = "postgres") -> String {
        "postgresql:///\(PostgresCluster.percentEncoded(database))?host=\(PostgresCluster.percentEncoded(socketDirectory))"
            + "&port=\(port)&user=\(PostgresCluster.percentEncoded(user))"
    }

    /// Runs `sql` (any number of statements; the first error stops it and makes the status
    /// non-zero) with psql in `database` as `user`; rows come out unaligned, `|` between fields.
    @discardableResult
    func sql(_ sql: String, database: String, user: String = "postgres") -> RunResult {
        let conninfo = "host=\(PostgresCluster.conninfoValue(socketDirectory)) port=\(port) "
            + "user=\(PostgresCluster.conninfoValue(user)) dbname=\(PostgresCluster.conninfoValue(database))"
        return psql(conninfo, sql)
    }

    /// Runs `sql` with psql on a libpq URL or connection string as a program would give it,
    /// e.g. one `createDatabase()` returned.
    @discardableResult
    func psql(_ url: String, _ sql: String) -> RunResult {
        runProcess(tools.psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-d", url, "-f", "-"],
                   input: Array(sql.utf8), environment: PostgresCluster.environment)
    }

    // MARK: Stopping and restarting

    /// Stops the server at once (`-m immediate`: as a crash would, so the start after it
    /// recovers from the WAL) and starts it again on the same socket and port: for a test of
    /// a server that goes away in the middle of a script. Refused on the shared cluster, which
    /// other tests use at the same time: take your own with `start()`.
    func restart() {
        guard !isShared else {
            Issue.record("restart() on the shared cluster would break the tests using it at the same moment: use PostgresCluster.start()")
            return
        }
        lock.locked {
            guard !removed else { Issue.record("restart() after stop()"); return }
            let down = asOwner("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
            if down.status != 0 { Issue.record("pg_ctl stop failed: \(down.stdout)\(down.stderr)") }
            let up = asOwner("pg_ctl", ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "start"])
            if up.status != 0 { Issue.record("pg_ctl start failed: \(up.stdout)\(up.stderr)\nserver log:\n\(readFile(logFile) ?? "")") }
        }
    }

    /// Stops the server (immediately) and removes its folder; the cluster is of no use after.
    /// Done at exit for every cluster still there; a second call does nothing.
    func stop() {
        lock.locked {
            guard !removed else { return }
            removed = true
            _ = asOwner("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
            Paths.removeTree(directory)
        }
        PostgresCluster.live.locked { clusters in clusters.removeAll { $0 === self } }
    }

    // MARK: Starting

    private struct Tools {
        /// Where initdb, pg_ctl and postgres are.
        var bin: String
        var psql: String
        /// Set when running as root: the server then runs as the `postgres` user.
        var runuser: String?
    }

    /// The server programs, found once: `pg_config --bindir` (Debian's pg_config comes with
    /// libpq-dev and names the server's folder even when the server is not installed, hence the
    /// check), else the newest /usr/lib/postgresql/N/bin, else PATH.
    private static let programs: Tools? = {
        func isServer(_ dir: String) -> Bool {
            ["initdb", "pg_ctl", "postgres"].allSatisfy { access(dir + "/" + $0, X_OK) == 0 }
        }
        var bin: String?
        if let pgConfig = onPath("pg_config") {
            let dir = runProcess(pgConfig, ["--bindir"]).stdout.trimmingCharactersNewline()
            if !dir.isEmpty && isServer(dir) { bin = dir }
        }
        if bin == nil {
            let versions = listDirectory("/usr/lib/postgresql").compactMap { Int($0) }.sorted(by: >)
            bin = versions.map { "/usr/lib/postgresql/\($0)/bin" }.first(where: isServer)
        }
        if bin == nil, let initdb = onPath("initdb") {
            let dir = String(initdb[..<initdb.lastIndex(of: "/")!])
            if isServer(dir) { bin = dir }
        }
        guard let bin else { return nil }
        guard let psql = access(bin + "/psql", X_OK) == 0 ? bin + "/psql" : onPath("psql") else { return nil }
        var runuser: String?
        if geteuid() == 0 {
            runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { access($0, X_OK) == 0 }
            if runuser == nil { return nil }
        }
        return Tools(bin: bin, psql: psql, runuser: runuser)
    }()

    private static func start(shared: Bool) throws(PostgresClusterError) -> PostgresCluster {
        guard let tools = programs else {
            throw PostgresClusterError(description: "no PostgreSQL server (initdb, pg_ctl, postgres, psql"
                + (geteuid() == 0 ? ", runuser" : "") + ") was found: apt-get install postgresql")
        }
        var owner: (uid: uid_t, gid: gid_t)?
        if geteuid() == 0 {
            guard let pw = getpwnam("postgres") else {
                throw PostgresClusterError(description: "running as root, and there is no `postgres` user to run the server as (initdb refuses root): apt-get install postgresql")
            }
            owner = (pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        removeAbandonedClusters(tools)
        var template = Array("/tmp/kemuning-pg-\(getpid())-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PostgresClusterError(description: "could not make a folder under /tmp: \(String(cString: strerror(errno)))")
        }
        let directory = String(cString: made)
        if let owner { chown(directory, owner.uid, owner.gid) }
        let port = try freePort()
        let cluster = PostgresCluster(directory: directory, port: port, tools: tools, isShared: shared)
        // Registered before initdb: whatever fails below, the folder goes at exit.
        registerForExit(cluster)

        // -N: no fsync of the new files; the cluster is thrown away anyway, and the server
        // itself runs with fsync on. C collation: the same order on every machine.
        let initdb = cluster.asOwner("initdb", ["-D", cluster.dataDirectory, "-A", "trust", "-U", "postgres",
                                                "-E", "UTF8", "--locale=C", "-N"])
        guard initdb.status == 0 else {
            cluster.stop()
            throw PostgresClusterError(description: "initdb failed (exit \(initdb.status)):\n\(initdb.stdout)\(initdb.stderr)")
        }
        // In postgresql.conf, not on the command line, so that a restart starts it the same.
        let settings = """

            # Kemuning's test cluster (Tests/TranscriptTests/PostgresCluster.swift)
            listen_addresses = ''
            unix_socket_directories = '\(directory)'
            port = \(port)
            max_connections = 200
            fsync = on
            log_min_messages = warning

            """
        guard let conf = fopen(cluster.dataDirectory + "/postgresql.conf", "a") else {
            cluster.stop()
            throw PostgresClusterError(description: "could not open postgresql.conf")
        }
        fputs(settings, conf)
        fclose(conf)

        let up = cluster.asOwner("pg_ctl", ["-D", cluster.dataDirectory, "-l", cluster.logFile, "-w", "-t", "60", "start"])
        guard up.status == 0 else {
            let log = readFile(cluster.logFile) ?? "(no server log)"
            let text = "the PostgreSQL server did not start (pg_ctl exit \(up.status)): \(up.stdout)\(up.stderr)\nserver log:\n\(log)"
            _ = write(2, text + "\n", text.utf8.count + 1)
            cluster.stop()
            throw PostgresClusterError(description: text)
        }
        return cluster
    }

    /// Runs a server program as the cluster's owner: the `postgres` user when root, else us.
    /// In the cluster's folder, which that user can enter (the package may be where it cannot).
    private func asOwner(_ program: String, _ args: [String]) -> RunResult {
        let path = tools.bin + "/" + program
        if let runuser = tools.runuser {
            return runProcess(runuser, ["-u", "postgres", "--", path] + args, environment: PostgresCluster.environment, cwd: directory)
        }
        return runProcess(path, args, environment: PostgresCluster.environment, cwd: directory)
    }

    /// Nothing of the caller's PG* variables (PGHOST, PGOPTIONS, PGSERVICE...) may reach
    /// psql or the server.
    private static let environment = ["PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "PGCONNECT_TIMEOUT": "10"]

    /// A port nothing listens on now: the kernel's pick for a socket bound to port 0.
    private static func freePort() throws(PostgresClusterError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PostgresClusterError(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw PostgresClusterError(description: "could not find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Clusters of earlier test processes that died without their exit handler (a crash, a
    /// kill): their folder names the process; when it is gone, the server is stopped and the
    /// folder removed, so a crashed run is cleaned up by the next one.
    private static func removeAbandonedClusters(_ tools: Tools) {
        let prefix = "kemuning-pg-"
        for name in listDirectory("/tmp") where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            let abandoned = PostgresCluster(directory: "/tmp/" + name, port: 0, tools: tools, isShared: false)
            if access(abandoned.dataDirectory + "/postmaster.pid", F_OK) == 0 {
                _ = abandoned.asOwner("pg_ctl", ["-D", abandoned.dataDirectory, "-m", "immediate", "-w", "stop"])
            }
            Paths.removeTree(abandoned.directory)
        }
    }

    // MARK: Exit

    /// Every cluster not yet stopped, for the exit handler.
    private static let live = Locked<[PostgresCluster]>([])
    private static let exitHandler: Void = {
        atexit {
            for cluster in PostgresCluster.live.locked({ $0 }) { cluster.stop() }
        }
    }()

    private static func registerForExit(_ cluster: PostgresCluster) {
        _ = exitHandler
        live.locked { $0.append(cluster) }
    }

    // MARK: Names

    private static let counter = Locked(0)

    /// `prefix_PID_N`: unique in the cluster, since each test process has its own cluster
    /// (and N counts up in it); lower case, so it needs no quotes in SQL.
    static func uniqueName(_ prefix: String) -> String {
        let n = counter.locked { n -> Int in n += 1; return n }
        return "\(prefix)_\(getpid())_\(n)"
    }

    /// `name` as an SQL identifier in double quotes.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences("\"", with: "\"\"") + "\""
    }

    /// A conninfo value in single quotes (backslash and quote escaped).
    private static func conninfoValue(_ value: String) -> String {
        "'" + value.replacingOccurrences("\\", with: "\\\\").replacingOccurrences("'", with: "\\'") + "'"
    }

    /// Percent-encodes all but the unreserved characters, for a URL's path or query.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }

    private static func onPath(_ name: String) -> String? {
        let dirs = (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return dirs.map { $0 + "/" + name }.first { access($0, X_OK) == 0 }
    }

    // MARK: Locks

    /// A pthread mutex at a fixed address (a stored `pthread_mutex_t` may move).
    private final class Lock: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
            let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(m, nil)
            return m
        }()

        func locked<T>(_ body: () throws -> T) rethrows -> T {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return try body()
        }
    }

    /// A value only touched under its lock.
    private final class Locked<Value>: @unchecked Sendable {
        private let lock = Lock()
        private var value: Value
        init(_ value: Value) { self.value = value }

        func locked<T>(_ body: (inout Value) throws -> T) rethrows -> T {
            try lock.locked { try body(&value) }
        }
    }
}

@Suite struct PostgresClusterTests {
    /// Without PostgreSQL the store's server tests do not run: that is said out loud, and in
    /// CI it is a failure, so they can never pass silently. A server that is installed but
    /// does not start is a failure everywhere: the harness is broken, not the machine bare.
    @Test func aServerIsThereOrItsAbsenceIsReported() {
        guard PostgresCluster.shared == nil else { return }
        let reason = PostgresCluster.unavailableReason ?? "unknown"
        if PostgresCluster.serverIsMissing && !PostgresCluster.inCI {
            let note = "skipped: the PostgreSQL store was not tested against a server: \(reason)\n"
            _ = write(2, note, note.utf8.count)
        } else {
            Issue.record("a PostgreSQL server is required\(PostgresCluster.inCI ? " in CI (.ci/run installs postgresql)" : ""): \(reason)")
        }
    }

    /// Each database is new and apart: its URL reaches it through libpq (psql), as postgres,
    /// and a table made in one is not in the other. The settings the harness promises hold.
    @Test(PostgresCluster.required)
    func eachDatabaseIsFreshAndItsURLConnects() throws {
        let pg = try #require(PostgresCluster.shared)
        let first = pg.createDatabase(), second = pg.createDatabase()
        #expect(first != second)
        let r = pg.psql(first, "SELECT 1; SELECT current_database(), current_user; CREATE TABLE t (x int); INSERT INTO t VALUES (7); SELECT x FROM t")
        #expect(r.status == 0, "\(first): \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.stdout)")
        #expect(lines.first == "1")
        let name = first.dropFirst("postgresql:///".count).prefix { $0 != "?" }
        #expect(lines.dropFirst().first == "\(name)|postgres", "\(r.stdout)")
        #expect(lines.last == "7")
        let other = pg.psql(second, "SELECT count(*) FROM pg_tables WHERE tablename = 't'")
        #expect(other.status == 0 && other.stdout == "0\n", "\(other.stdout)\(other.stderr)")
        let settings = pg.sql("SHOW max_connections; SHOW log_min_messages; SHOW fsync; SHOW listen_addresses", database: "postgres")
        #expect(settings.stdout == "200\nwarning\non\n\n", "\(settings.stdout)\(settings.stderr)")
        // An error stops psql and is seen in the status.
        let bad = pg.psql(first, "SELECT no_such_column FROM t; SELECT 2")
        #expect(bad.status != 0 && !bad.stdout.contains("2") && bad.stderr.contains("no_such_column"), "\(bad)")
    }

    /// A role made by the harness logs in with its own URL, and sees only what it was granted;
    /// one made without LOGIN is refused.
    @Test(PostgresCluster.required)
    func aRoleLogsInWithItsURLAndANoLoginRoleDoesNot() throws {
        let pg = try #require(PostgresCluster.shared)
        let url = pg.createDatabase()
        let database = String(url.dropFirst("postgresql:///".count).prefix { $0 != "?" })
        let operatorRole = PostgresCluster.uniqueName("operator"), auditor = PostgresCluster.uniqueName("auditor")
        pg.createRole(operatorRole)
        pg.createRole(auditor, login: false)
        #expect(pg.sql("CREATE TABLE secret (x int)", database: database).status == 0)
        let me = pg.psql(pg.url(database: database, user: operatorRole), "SELECT current_user")
        #expect(me.status == 0 && me.stdout == operatorRole + "\n", "\(me)")
        let denied = pg.sql("SELECT * FROM secret", database: database, user: operatorRole)
        #expect(denied.status != 0 && denied.stderr.contains("permission denied"), "\(denied)")
        let noLogin = pg.psql(pg.url(database: database, user: auditor), "SELECT 1")
        #expect(noLogin.status != 0 && noLogin.stderr.contains("not permitted to log in"), "\(noLogin)")
    }

    /// A cluster of the test's own survives an immediate stop (a crash): it comes back on the
    /// same URL, as a new server, with every committed row; stopped, it leaves nothing behind.
    @Test(PostgresCluster.required)
    func aPrivateClusterRestartsOnTheSameURLAndLeavesNothingBehind() throws {
        let pg = try PostgresCluster.start()
        defer { pg.stop() }
        #expect(pg !== PostgresCluster.shared && pg.port != PostgresCluster.shared?.port)
        let url = pg.createDatabase()
        let before = pg.psql(url, "CREATE TABLE t (x int); INSERT INTO t VALUES (1), (2); SELECT pg_postmaster_start_time()")
        #expect(before.status == 0, "\(before.stderr)")
        // The shared cluster refuses: other tests are using it.
        withKnownIssue { PostgresCluster.shared?.restart() }
        pg.restart()
        let after = pg.psql(url, "SELECT sum(x) FROM t; SELECT pg_postmaster_start_time()")
        #expect(after.status == 0, "\(after.stderr)")
        let lines = after.stdout.split(separator: "\n")
        #expect(lines.first == "3", "\(after.stdout)")
        #expect(lines.last != nil && lines.last.map(String.init) != before.stdout.split(separator: "\n").last.map(String.init), "the server was not restarted: \(before.stdout) \(after.stdout)")
        pg.stop()
        #expect(access(pg.directory, F_OK) != 0, "\(pg.directory) is still there")
        #expect(pg.psql(url, "SELECT 1").status != 0)
    }
}
