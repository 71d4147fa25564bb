import CLibPQ
import KemuningCore
#if canImport(Glibc)
import Glibc
#endif

/// One connection to a PostgreSQL server through libpq, synchronous as the shell is, but never
/// waiting forever: every statement is sent without blocking and its answer awaited with
/// poll(2) for at most `timeout` seconds, so a network pause is an error, not a hang.
final class Connection {
    /// What went wrong talking to the server, with the SQLSTATE when the server answered.
    struct Failure: Error, MessageError {
        var message: Message
        /// The server's error class (`23505` unique violation, `42501` no privilege), or nil when
        /// there was no answer (a lost connection, a timeout).
        var sqlstate: String?
        /// The connection can no longer be trusted (lost, timed out): reconnect before using it.
        var connectionLost: Bool
    }

    /// The rows of an answer, as text (or nil for NULL).
    struct Rows {
        var rows: [[String?]]
        var affected: Int
        subscript(row: Int, column: Int) -> String? { rows[row][column] }
        var count: Int { rows.count }
    }

    /// Whether the user asked to stop (Ctrl-C) while a statement is awaited: the executable
    /// sets it once at start.
    nonisolated(unsafe) static var interrupted: () -> Bool = { false }

    private var conn: OpaquePointer?
    /// The connection string or URL, as given.
    let target: String
    /// How long one statement may take, in seconds.
    let timeout: Int

    /// Connects (libpq reads PGHOST, PGUSER, PGDATABASE, PGPASSWORD, ~/.pgpass, PGSERVICE,
    /// sslmode from the environment and the URL, as psql does).
    init(_ target: String, timeout: Int) throws {
        self.target = target
        self.timeout = timeout
        try connect()
    }

    deinit { if let conn { PQfinish(conn) } }

    private func connect() throws {
        if let conn { PQfinish(conn) }
        // Our defaults first; the URL (expanded from dbname) overrides them where it says more.
        let keys = ["connect_timeout", "application_name", "client_encoding", "dbname"]
        let values = ["\(max(1, timeout))", "kemuning", "UTF8", target]
        conn = withCStrings(keys) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let why: Message = conn.map { .verbatim(Connection.trimmed(String(cString: PQerrorMessage($0)))) } ?? "out of memory"
            throw Failure(message: "cannot connect to the PostgreSQL store \(Connection.redacted(target)): \(why)", sqlstate: nil, connectionLost: true)
        }
        kem_pq_quiet(conn)
        guard PQsetnonblocking(conn, 1) == 0 else {
            throw Failure(message: "cannot use the connection to \(Connection.redacted(target)) without blocking", sqlstate: nil, connectionLost: true)
        }
    }

    /// Whether the connection is still up as far as libpq knows.
    var isUp: Bool { conn.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Connects again after a lost connection (a server restart): the next command goes on.
    func reconnect() throws { try connect() }

    /// Closes the connection now.
    func close() {
        if let conn { PQfinish(conn) }
        conn = nil
    }

    /// The server's version, e.g. 150018.
    var serverVersion: Int { conn.map { Int(PQserverVersion($0)) } ?? 0 }

    /// Runs one statement with text parameters ($1, $2, ...): no value is ever quoted into SQL.
    @discardableResult
    func exec(_ sql: String, _ params: [String?] = []) throws -> Rows {
        try answer(sql, params) { res in
            let n = Int(PQntuples(res)), m = Int(PQnfields(res))
            var out = Rows(rows: [], affected: Int(String(cString: PQcmdTuples(res))) ?? 0)
            out.rows.reserveCapacity(n)
            for r in 0..<n {
                var row: [String?] = []
                row.reserveCapacity(m)
                for c in 0..<m {
                    row.append(PQgetisnull(res, Int32(r), Int32(c)) == 1 ? nil : String(cString: PQgetvalue(res, Int32(r), Int32(c))))
                }
                out.rows.append(row)
            }
            return out
        }
    }

    /// Runs one statement and hands its first column's bytes, row by row, to `body` without
    /// copying them into strings (a snapshot of tens of megabytes).
    func withBytes<T>(_ sql: String, _ params: [String?] = [], _ body: ([UnsafeBufferPointer<UInt8>?]) throws -> T) throws -> T {
        try answer(sql, params) { res in
            var cells: [UnsafeBufferPointer<UInt8>?] = []
            for r in 0..<PQntuples(res) {
                if PQgetisnull(res, r, 0) == 1 { cells.append(nil); continue }
                let count = Int(PQgetlength(res, r, 0))
                cells.append(PQgetvalue(res, r, 0)!.withMemoryRebound(to: UInt8.self, capacity: count) { UnsafeBufferPointer(start: $0, count: count) })
            }
            return try body(cells)
        }
    }

    /// Sends one statement without blocking, awaits its whole answer (never longer than
    /// `timeout` at a time), and hands its last result to `read` while it is alive. The
    /// statement's first error is thrown, with its SQLSTATE.
    private func answer<T>(_ sql: String, _ params: [String?], _ read: (OpaquePointer) throws -> T) throws -> T {
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            throw Failure(message: "the connection to the PostgreSQL store was lost", sqlstate: nil, connectionLost: true)
        }
        let sent: Int32 = withOptionalCStrings(params) { p in PQsendQueryParams(conn, sql, Int32(params.count), nil, p, nil, nil, 0) }
        guard sent == 1 else { throw lost("could not send to the PostgreSQL store") }
        // Flush what libpq could not write at once, then read until the answer is whole.
        while true {
            let f = PQflush(conn)
            if f == 0 { break }
            if f < 0 { throw lost("could not send to the PostgreSQL store") }
            try wait(POLLOUT | POLLIN)
            if PQconsumeInput(conn) == 0 { throw lost("the connection to the PostgreSQL store was lost") }
        }
        var results: [OpaquePointer] = []
        defer { for r in results { PQclear(r) } }
        while true {
            while PQisBusy(conn) == 1 {
                try wait(POLLIN)
                if PQconsumeInput(conn) == 0 { throw lost("the connection to the PostgreSQL store was lost") }
            }
            guard let res = PQgetResult(conn) else { break }
            results.append(res)
        }
        for res in results {
            switch PQresultStatus(res) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY: continue
            default:
                let state = kem_pq_sqlstate(res).map { String(cString: $0) }
                let primary = kem_pq_primary(res).map { String(cString: $0) } ?? Connection.trimmed(String(cString: PQresultErrorMessage(res)))
                throw Failure(message: .verbatim(primary), sqlstate: state,
                              connectionLost: state?.hasPrefix("08") == true || state?.hasPrefix("57P") == true || PQstatus(conn) != CONNECTION_OK)
            }
        }
        guard let last = results.last, PQstatus(conn) == CONNECTION_OK else { throw lost("the connection to the PostgreSQL store was lost") }
        return try read(last)
    }

    /// Waits until the socket is ready, at most `timeout` seconds; a longer pause breaks the
    /// connection (its state is unknown) and is an error.
    private func wait(_ events: Int32) throws {
        guard let conn else { throw lost("the connection to the PostgreSQL store was lost") }
        var pfd = pollfd(fd: PQsocket(conn), events: Int16(events), revents: 0)
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let end = deadline.tv_sec + timeout
        while true {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = Int32(max(0, (end - now.tv_sec) * 1000))
            let r = poll(&pfd, 1, left)
            if r > 0 { return }
            if r < 0 && errno == EINTR {
                if Connection.interrupted() {
                    cancel()
                    throw Failure(message: "interrupted while waiting for the PostgreSQL store", sqlstate: nil, connectionLost: true)
                }
                continue
            }
            if r == 0 && left == 0 {
                cancel()
                throw Failure(message: "the PostgreSQL store did not answer within \(timeout) seconds (KEMUNING_STORE_TIMEOUT)", sqlstate: nil, connectionLost: true)
            }
        }
    }

    /// Gives up on the statement in flight: the connection is closed, so nothing of it can be
    /// half-done on our side (the server rolls its transaction back).
    private func cancel() {
        if let conn { PQfinish(conn) }
        conn = nil
    }

    private func lost(_ what: Message) -> Failure {
        let detail = conn.map { Connection.trimmed(String(cString: PQerrorMessage($0))) } ?? ""
        return Failure(message: detail.isEmpty ? what : "\(what): \(detail)", sqlstate: nil, connectionLost: true)
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last == "\n" || last == " " { t = t.dropLast() }
        return String(t)
    }

    /// The target without its password (`postgresql://rina:secret@host/db` shows `rina:***@`,
    /// `password=secret` shows `password=***`), for messages and `store info`.
    static func redacted(_ target: String) -> String {
        var t = target
        if let scheme = Substring(t).range(of: "://") {
            let rest = t[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                t = String(t[..<colon]) + ":***" + String(t[at...])
            }
        }
        // A password given as a parameter, up to the next '&' (a URL) or space (key=value).
        var out = ""
        var rest = Substring(t)
        while let r = rest.range(of: "password=") {
            out += rest[..<r.upperBound] + "***"
            rest = rest[r.upperBound...]
            rest = rest[(rest.firstIndex(where: { $0 == "&" || $0 == " " }) ?? rest.endIndex)...]
        }
        return out + rest
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    let copies = strings.map { strdup($0) }
    defer { for c in copies { free(c) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// Calls `body` with a C array of the values, NULL where a value is nil.
private func withOptionalCStrings<T>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
    let copies = strings.map { $0.map { strdup($0) } ?? nil }
    defer { for c in copies { free(c) } }
    let pointers = copies.map { $0.map { UnsafePointer($0) } }
    if pointers.isEmpty { return body(nil) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
