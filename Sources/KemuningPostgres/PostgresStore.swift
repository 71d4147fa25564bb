import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// The store on a PostgreSQL server, for several operators at once (see docs/POSTGRESQL.md).
///
/// The model is the file store's: the same typed changes, each kept as the same JSON line, in a
/// table in commit order (`kemuning.changes`); the folded state and the named snapshots in
/// tables too. Besides, one ordinary table of every record as it is now (`kemuning.records`,
/// with a view per record kind) is kept in the same transaction as each change, for psql,
/// spreadsheets and BI tools.
///
/// Several writers: a command that changes the store takes one advisory lock for its
/// transaction, reads the changes others committed meanwhile, is checked against that latest
/// state, and commits all its changes at its end. Ids are handed out under the lock, so they
/// stay unique and dense. Reading needs no lock.
public final class PostgresStore: SharedStoreBackend {
    /// Whether a `--store` value names a PostgreSQL store rather than a directory.
    public static func isURL(_ s: String) -> Bool { s.hasPrefix("postgresql://") || s.hasPrefix("postgres://") }

    /// Tells the store how to learn that the user asked to stop (Ctrl-C) while it waits for the
    /// server: the wait ends and the statement is abandoned.
    public static func stopWaitingWhen(_ requested: @escaping () -> Bool) { Connection.interrupted = requested }

    /// The schema version this kemuning writes and reads. A newer one is refused (exit 3); an
    /// older one is read as it is, and `store init` upgrades it (`Schema.upgrades`).
    /// 2: the view `kemuning.vacancy` has a `category` column.
    public static let schemaVersion = 2

    /// The key of the advisory lock writers take (advisory locks are per database).
    static let writeLockKey = "7357611"

    /// How long one statement may wait for the server, in seconds (KEMUNING_STORE_TIMEOUT).
    public let timeout: Int
    let target: String

    private var connection: Connection?
    private var writeOpen = false
    private var readOnly: Message?
    private var user: String?
    /// The schema version of the store as opened (at most `schemaVersion`).
    private var storeVersion: Int?
    /// The newest change this session knows of, and the one the newest snapshot holds.
    private var lastSeq = 0
    private var snapshotSeq = 0
    /// Bytes of the change lines after the snapshot, and of the snapshot: a fold is due when
    /// the first outgrows the second (as Redis rewrites its log at 100% growth).
    private var tailBytes = 0
    private var snapshotBytes = 0
    private var commandText = ""
    private var pending: [Message] = []

    public init(url: String, timeout: Int = 30) {
        self.target = url
        self.timeout = max(1, timeout)
    }

    public var location: String { Connection.redacted(target) }

    // MARK: talking to the server

    /// The connection, made (or made again, after the server restarted) on first use.
    private func conn() throws -> Connection {
        if let c = connection, c.isUp { return c }
        do {
            if let c = connection { try c.reconnect() } else { connection = try Connection(target, timeout: timeout) }
        } catch let f as Connection.Failure {
            throw KemuningError(.store, f.message)
        }
        writeOpen = false
        return connection!
    }

    /// Runs a statement; every failure is the store's (exit 3), in words that say what was
    /// being done.
    @discardableResult
    private func sql(_ text: String, _ params: [String?] = [], doing: Message? = nil) throws -> Connection.Rows {
        do {
            return try conn().exec(text, params)
        } catch let f as Connection.Failure {
            throw storeError(f, doing: doing)
        }
    }

    private func storeError(_ f: Connection.Failure, doing: Message?) -> KemuningError {
        if f.connectionLost { writeOpen = false }
        var message = f.message
        if f.sqlstate == "42501" {
            message = "the role '\(user ?? "?")' may not do this on the store (\(f.message)); see the grants in docs/POSTGRESQL.md"
        } else if f.sqlstate == "3F000" || f.sqlstate == "42P01" {
            message = "\(location) holds no Kemuning store (\(f.message))"
            return KemuningError(.store, doing.map { "\($0): \(message)" } ?? message, hint: "create it with: kemuning --store URL -c 'store init'")
        }
        return KemuningError(.store, doing.map { "\($0): \(message)" } ?? message)
    }

    // MARK: the schema

    /// Creates the store's tables and views in the database (`store init`). Returns what it did.
    public func initialize() throws -> Message {
        let c = try conn()
        if let text = try? c.exec("SELECT value FROM kemuning.meta WHERE key = 'schema_version'")[0, 0] {
            guard let version = Int(text), version < PostgresStore.schemaVersion else {
                return "\(location) already holds a Kemuning store (schema version \(text)): nothing to do"
            }
            return try upgrade(from: version)
        }
        let encoding = try sql("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")
        guard encoding.count == 1, encoding[0, 0] == "UTF8" else {
            throw KemuningError(.store, "the database's encoding is \(encoding.count == 1 ? encoding[0, 0] ?? "?" : "?"), not UTF8: names in Indonesian and other scripts would not fit",
                                hint: "create the database with: CREATE DATABASE NAME ENCODING 'UTF8' TEMPLATE template0")
        }
        try sql("BEGIN")
        do {
            for statement in Schema.statements { try sql(statement, doing: "cannot create the store") }
            try sql("COMMIT")
        } catch {
            _ = try? conn().exec("ROLLBACK")
            throw error
        }
        return "created a Kemuning store in \(location) (schema version \(PostgresStore.schemaVersion))"
    }

    /// Brings an older schema up to `schemaVersion`, one version at a time, in one transaction
    /// that also takes the write lock: a session writing meanwhile waits. Views are replaced
    /// (`CREATE OR REPLACE`), never dropped, so the grants on them stay.
    private func upgrade(from version: Int) throws -> Message {
        guard version >= 1 else { throw KemuningError(.store, "\(location) has schema version \(version), which no kemuning wrote; nothing was changed") }
        try sql("BEGIN")
        do {
            try sql("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))")
            let now = try sql("SELECT value FROM kemuning.meta WHERE key = 'schema_version' FOR UPDATE")
            guard now.count == 1, now[0, 0] == String(version) else {
                try sql("ROLLBACK")
                return try initialize()
            }
            for v in version..<PostgresStore.schemaVersion {
                for statement in Schema.upgrades[v] ?? [] { try sql(statement, doing: "cannot upgrade the store") }
            }
            try sql("UPDATE kemuning.meta SET value = '\(PostgresStore.schemaVersion)' WHERE key = 'schema_version'", doing: "cannot upgrade the store")
            try sql("COMMIT")
        } catch {
            _ = try? conn().exec("ROLLBACK")
            throw error
        }
        storeVersion = PostgresStore.schemaVersion
        return "upgraded the Kemuning store in \(location) from schema version \(version) to \(PostgresStore.schemaVersion)"
    }

    /// Checks the schema is one this kemuning knows, and learns who it is and what it may do.
    private func openSchema() throws {
        let rows = try sql("SELECT (SELECT value FROM kemuning.meta WHERE key = 'schema_version'), current_user, has_table_privilege('kemuning.changes', 'INSERT')",
                           doing: "cannot open the store")
        guard let v = rows[0, 0], let version = Int(v) else {
            throw KemuningError(.store, "\(location) has no schema version: it is not a Kemuning store, or a damaged one")
        }
        guard version <= PostgresStore.schemaVersion else {
            throw KemuningError(.store, "the store \(location) is of schema version \(version), newer than this kemuning knows (\(PostgresStore.schemaVersion)); nothing was changed",
                                hint: "use a newer kemuning")
        }
        storeVersion = version
        user = rows[0, 1]
        readOnly = rows[0, 2] == "t" ? nil
            : "the role '\(user ?? "?")' may only read this store (it has no INSERT on kemuning.changes); see the grants in docs/POSTGRESQL.md"
    }

    public func sessionUser() throws -> String {
        if user == nil { try openSchema() }
        return user ?? "unknown"
    }

    // MARK: reading

    public func load() throws -> LoadedState {
        try openSchema()
        // One consistent view of the snapshot and the changes after it: a fold may run meanwhile.
        let own = !writeOpen
        if own { try sql("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
        defer { if own { _ = try? conn().exec("COMMIT") } }
        var state = State()
        snapshotSeq = 0
        snapshotBytes = 0
        try readSnapshot(
            "SELECT state, seq FROM kemuning.snapshot ORDER BY seq DESC LIMIT 1", [], what: "kemuning.snapshot") { s, bytes in
            state = s
            snapshotSeq = s.seq
            snapshotBytes = bytes
        }
        var lines: [UInt8] = []
        var count = 0
        do {
            try conn().withBytes("SELECT line FROM kemuning.changes WHERE seq > $1 ORDER BY seq", [String(state.seq)]) { cells in
                for cell in cells {
                    if let cell { lines.append(contentsOf: cell) }
                    lines.append(10)
                    count += 1
                }
            }
        } catch let f as Connection.Failure {
            throw storeError(f, doing: "cannot read the changes")
        }
        if count > 0 {
            _ = try FileStore.replayJournal(lines, path: "kemuning.changes (after change \(snapshotSeq))", onto: &state)
        }
        tailBytes = lines.count
        lastSeq = state.seq
        return LoadedState(state: state, warnings: [])
    }

    /// Reads one snapshot document (the folded state, or a named one) straight from the answer.
    private func readSnapshot(_ query: String, _ params: [String?], what: String, _ found: (State, Int) throws -> Void) throws {
        do {
            try conn().withBytes(query, params) { cells in
                guard let first = cells.first, let bytes = first else { return }
                do {
                    try found(try State.decode(bytes), bytes.count)
                } catch let e as JSONError {
                    throw KemuningError(.store, "\(what): the snapshot does not read: \(e.message) at byte \(e.offset); nothing was changed")
                } catch let e as MessageError where !(e is KemuningError) {
                    throw KemuningError(.store, "\(what): the snapshot does not read: \(e.message); nothing was changed")
                }
            }
        } catch let f as Connection.Failure {
            throw storeError(f, doing: "cannot read \(what)")
        }
    }

    public func tail(after seq: Int) throws -> StoreTail {
        let rows = try sql("""
            SELECT seq, kind, line, committed_by, to_char(committed_at, 'YYYY-MM-DD HH24:MI'), command
            FROM kemuning.changes WHERE seq > $1 ORDER BY seq
            """, [String(seq)], doing: "cannot read the changes of the other sessions")
        var tail = StoreTail()
        var expected = seq + 1
        for row in rows.rows {
            guard let n = row[0].flatMap({ Int($0) }), n == expected, row[1] == "change", let line = row[2] else {
                // A restored snapshot, or a gap (a change this session cannot follow): read it all again.
                return StoreTail(changes: [], mustReload: true)
            }
            let bytes = Array(line.utf8)
            let read: (seq: Int, changeset: Changeset)
            do {
                read = try bytes.withUnsafeBufferPointer { try JournalEntry.read(line: $0) }
            } catch {
                throw KemuningError(.store, "kemuning.changes: change \(n) does not read: \(Message.of(error)); nothing was changed")
            }
            guard read.seq == n else {
                throw KemuningError(.store, "kemuning.changes: the row of change \(n) holds change \(read.seq); nothing was changed")
            }
            tail.changes.append(ForeignChange(seq: n, changeset: read.changeset, by: row[3] ?? "?", at: row[4] ?? "?", command: row[5] ?? ""))
            tailBytes += bytes.count + 1
            expected += 1
        }
        if let last = tail.changes.last { lastSeq = max(lastSeq, last.seq) }
        return tail
    }

    // MARK: writing

    public var readOnlyReason: Message? { readOnly }

    public func beginWrite(after seq: Int) throws -> StoreTail {
        if let readOnly { throw KemuningError(.store, readOnly) }
        try lockForWrite(doing: "cannot start the command's transaction")
        do { return try tail(after: seq) } catch {
            abortWrite()
            throw error
        }
    }

    /// Opens a transaction holding the store's write lock: writers take turns, one command's
    /// check and commit (or one fold) at a time. Nothing is left open when it fails.
    private func lockForWrite(doing: Message) throws {
        try sql("BEGIN", doing: doing)
        writeOpen = true
        do {
            try sql("SELECT pg_advisory_xact_lock(\(PostgresStore.writeLockKey))", doing: "cannot take the store's write lock")
        } catch {
            abortWrite()
            throw error
        }
    }

    public func commitWrite() throws {
        guard writeOpen else { return }
        writeOpen = false
        do {
            try conn().exec("COMMIT")
        } catch let f as Connection.Failure {
            if f.connectionLost {
                throw KemuningError(.store, "the connection to the PostgreSQL store was lost while the command's changes were committed: they may or may not be recorded (\(f.message)); the next command shows the store as it is")
            }
            throw storeError(f, doing: "the command's changes were not recorded")
        }
    }

    public func abortWrite() {
        guard writeOpen else { return }
        writeOpen = false
        if let c = connection, c.isUp { _ = try? c.exec("ROLLBACK") }
    }

    public func setCommandText(_ text: String) { commandText = text }

    public func append(_ entry: JournalEntry, seq: Int) throws {
        guard writeOpen else {
            throw KemuningError(.store, "internal error: a change to the PostgreSQL store outside a command's transaction")
        }
        let line = String(decoding: entry.line(seq: seq).dropLast(), as: UTF8.self)
        do {
            try conn().exec("INSERT INTO kemuning.changes (seq, kind, line, command) VALUES ($1, 'change', $2, $3)",
                            [String(seq), line, commandText])
        } catch let f as Connection.Failure {
            if f.sqlstate == "23505" {
                throw KemuningError(.store, "change \(seq) was committed by another session first (it did not take the write lock); nothing of this command was recorded")
            }
            throw storeError(f, doing: "the change was not recorded")
        }
        try project(entry.changeset.change.parts, seq: seq)
        tailBytes += line.utf8.count + 1
        lastSeq = seq
    }

    /// Brings the table of records (and policies) up to date with the parts of a change: for
    /// each record it touched, its last version, or its removal.
    private func project(_ parts: [Change], seq: Int) throws {
        var last: [String: (kind: String, id: String, json: JSON?)] = [:]
        var order: [String] = []
        var policies: [String: String?] = [:]
        for part in parts {
            let value: (kind: String, id: String, json: JSON?)
            switch part {
            case .add(let r), .put(let r): value = (r.kind.kind, r.id, r.record.json)
            case .remove(let kind, let id, _): value = (kind, id, nil)
            case .policy(let name, let v): policies[name] = .some(v); continue
            case .batch: continue
            }
            let key = "\(value.kind) \(value.id)"
            if last[key] == nil { order.append(key) }
            last[key] = value
        }
        var puts: [JSON] = [], removes: [JSON] = []
        for v in order.map({ last[$0]! }) {
            if let json = v.json { puts.append(Self.row(v.kind, v.id, json)) } else { removes.append(Self.row(v.kind, v.id, nil)) }
        }
        if !puts.isEmpty {
            try sql("""
                INSERT INTO kemuning.records (kind, id, data, changed_in)
                SELECT r->>'kind', r->>'id', r->'data', $2::bigint FROM jsonb_array_elements($1::jsonb) r
                ON CONFLICT (kind, id) DO UPDATE SET data = EXCLUDED.data, changed_in = EXCLUDED.changed_in
                """, [JSON.array(puts).serialized(), String(seq)], doing: "the change was not recorded")
        }
        if !removes.isEmpty {
            try sql("""
                DELETE FROM kemuning.records WHERE (kind, id) IN (SELECT r->>'kind', r->>'id' FROM jsonb_array_elements($1::jsonb) r)
                """, [JSON.array(removes).serialized()], doing: "the change was not recorded")
        }
        for (name, value) in policies.sorted(by: { $0.key < $1.key }) {
            if let value {
                try sql("INSERT INTO kemuning.policies (name, value, changed_in) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, changed_in = EXCLUDED.changed_in",
                        [name, value, String(seq)], doing: "the change was not recorded")
            } else {
                try sql("DELETE FROM kemuning.policies WHERE name = $1", [name], doing: "the change was not recorded")
            }
        }
    }

    /// A record as `kemuning.records` holds it, the form the statements read it in: its kind,
    /// its id, and its data (none for a removal).
    static func row(_ kind: String, _ id: String, _ data: JSON?) -> JSON {
        var o = JSONObject([("kind", .string(kind)), ("id", .string(id))])
        if let data { o["data"] = data }
        return .object(o)
    }

    /// Every record of the state, and its policies, as the tables hold them: a restored
    /// snapshot or a copied store replaces them all.
    private func projectAll(_ state: State, seq: Int) throws {
        try sql("DELETE FROM kemuning.records", doing: "cannot replace the records")
        try sql("DELETE FROM kemuning.policies", doing: "cannot replace the records")
        var parts: [Change] = []
        for kind in RecordKinds.all {
            for r in state.records(withPrefix: kind.prefix) { parts.append(.put(AnyRecord(r))) }
            // Thousands at a time: one statement per batch, not per record.
            if parts.count >= 2000 {
                try project(parts, seq: seq)
                parts = []
            }
        }
        for (name, value) in state.policies { parts.append(.policy(name: name, value: value)) }
        try project(parts, seq: seq)
    }

    public func wantsCheckpoint(_ state: State) -> Bool {
        readOnly == nil && tailBytes > max(1 << 20, snapshotBytes)
    }

    public var hasUnfoldedChanges: Bool { lastSeq > snapshotSeq }

    /// Writes the whole state as the newest snapshot. A state numbered past the last change
    /// (a restored snapshot, a copied store, a large atomic run written whole) is recorded as
    /// a change of its own, so every session reads it before going on.
    public func checkpoint(_ state: State) throws {
        if let readOnly { throw KemuningError(.store, readOnly) }
        let own = !writeOpen
        if own {
            try lockForWrite(doing: "cannot fold the changes into the snapshot")
        }
        do {
            let newest = Int(try sql("SELECT coalesce(max(seq), 0) FROM kemuning.changes")[0, 0] ?? "0") ?? 0
            if state.seq < newest {
                // Others have committed since: a fold of this older state would be stale.
                if own { abortWrite() }
                return
            }
            if state.seq > newest {
                try sql("INSERT INTO kemuning.changes (seq, kind, line, command) VALUES ($1, 'restore', '', $2)",
                        [String(state.seq), commandText], doing: "the new state was not recorded")
                try projectAll(state, seq: state.seq)
            }
            var bytes: [UInt8] = []
            state.writeSnapshot(to: &bytes)
            if let failure = state.loadFailure { throw failure }
            try sql("INSERT INTO kemuning.snapshot (seq, state) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET state = EXCLUDED.state",
                    [String(state.seq), String(decoding: bytes, as: UTF8.self)], doing: "cannot write the snapshot")
            try sql("DELETE FROM kemuning.snapshot WHERE seq < $1", [String(state.seq)], doing: "cannot write the snapshot")
            if own { try commitWrite() }
            snapshotSeq = state.seq
            snapshotBytes = bytes.count
            tailBytes = 0
            lastSeq = max(lastSeq, state.seq)
        } catch {
            if own { abortWrite() }
            throw error
        }
    }

    public func sync() throws {}

    public func close(_ state: State?) throws {
        abortWrite()
        connection?.close()
        connection = nil
    }

    public func drainWarnings() -> [Message] {
        defer { pending = [] }
        return pending
    }

    // MARK: the undo log

    public func readUndoLog() -> [UInt8] {
        guard let rows = try? sql("SELECT line FROM kemuning.undo_log ORDER BY n") else { return [] }
        var out: [UInt8] = []
        for row in rows.rows { out += Array((row[0] ?? "").utf8) }
        return out
    }

    public func appendUndoLog(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try sql("INSERT INTO kemuning.undo_log (line) VALUES ($1)", [String(decoding: bytes, as: UTF8.self)], doing: "cannot write the undo log")
        // The last few hundred sessions' worth, as the file store keeps its newest 512 KiB.
        try sql("DELETE FROM kemuning.undo_log WHERE n <= (SELECT max(n) - 500 FROM kemuning.undo_log)")
    }

    // MARK: named snapshots

    public func saveNamed(_ name: String, _ state: State) throws {
        try Self.validateSnapshotName(name)
        if let readOnly { throw KemuningError(.store, readOnly) }
        var bytes: [UInt8] = []
        state.writeSnapshot(to: &bytes)
        if let failure = state.loadFailure { throw failure }
        try sql("""
            INSERT INTO kemuning.named_snapshots (name, seq, state) VALUES ($1, $2, $3)
            ON CONFLICT (name) DO UPDATE SET seq = EXCLUDED.seq, state = EXCLUDED.state, saved_by = current_user, saved_at = now()
            """, [name, String(state.seq), String(decoding: bytes, as: UTF8.self)], doing: "cannot write snapshot '\(name)'")
    }

    public func loadNamed(_ name: String) throws -> State {
        try Self.validateSnapshotName(name)
        var found: State?
        try readSnapshot("SELECT state FROM kemuning.named_snapshots WHERE name = $1", [name], what: "snapshot '\(name)'") { s, _ in found = s }
        guard let found else { throw KemuningError.failed("no snapshot named '\(name)'") }
        return found
    }

    public func listNamed() throws -> [NamedSnapshot] {
        try sql("SELECT name, octet_length(state) + 1, seq FROM kemuning.named_snapshots ORDER BY name", doing: "cannot list the snapshots").rows.map {
            NamedSnapshot(name: $0[0] ?? "", bytes: Int($0[1] ?? "") ?? 0, seq: Int($0[2] ?? "") ?? 0)
        }
    }

    public func deleteNamed(_ name: String) throws {
        try Self.validateSnapshotName(name)
        if let readOnly { throw KemuningError(.store, readOnly) }
        let r = try sql("DELETE FROM kemuning.named_snapshots WHERE name = $1", [name], doing: "cannot delete snapshot '\(name)'")
        guard r.affected == 1 else { throw KemuningError.failed("no snapshot named '\(name)'") }
    }

    // MARK: facts and checks

    public func info() -> [(String, JSON)] {
        var out: [(String, JSON)] = [("path", .string(location)), ("persisted", true)]
        if let c = try? conn() { out.append(("server", .string("PostgreSQL \(c.serverVersion / 10000).\(c.serverVersion % 10000)"))) }
        out.append(("role", .string(user ?? "?")))
        out.append(("schema_version", JSON(storeVersion ?? PostgresStore.schemaVersion)))
        out.append(("snapshot_change", JSON(snapshotSeq)))
        if let n = try? sql("SELECT count(*) FROM kemuning.named_snapshots")[0, 0].flatMap({ Int($0) }) { out.append(("named_snapshots", JSON(n))) }
        out.append(("writer", .string(readOnly == nil ? "yes" : "no: read-only role")))
        return out
    }

    public func check() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func finding(_ table: String, _ body: () throws -> Message) {
            do { findings.append(CheckFinding(file: table, ok: true, detail: try body())) } catch {
                findings.append(CheckFinding(file: table, ok: false, detail: Message.of(error), unreadable: (error as? KemuningError)?.kind == .store))
            }
        }
        finding("kemuning.meta") {
            try openSchema()
            let version = storeVersion ?? PostgresStore.schemaVersion
            guard version < PostgresStore.schemaVersion else { return "ok: schema version \(version)" }
            return "ok: schema version \(version); this kemuning's is \(PostgresStore.schemaVersion), and 'store init' upgrades it (its views gain columns; the data is the same)"
        }
        var state: State?
        finding("kemuning.changes") {
            let r = try sql("""
                SELECT count(*), coalesce(min(seq), 0), coalesce(max(seq), 0),
                       coalesce((SELECT kind FROM kemuning.changes ORDER BY seq LIMIT 1), 'change')
                FROM kemuning.changes
                """)
            let (n, lo, hi) = (Int(r[0, 0] ?? "") ?? -1, Int(r[0, 1] ?? "") ?? -1, Int(r[0, 2] ?? "") ?? -1)
            // Numbered without a gap, from 1, or from a copied state (a store copied in starts
            // with the state it was given, numbered as the source had it).
            guard n == 0 || (n == hi - lo + 1 && (lo == 1 || r[0, 3] == "restore")) else {
                throw KemuningError.failed("the changes are not numbered from 1 (or from a copied state) to \(hi) without a gap (\(n) rows from \(lo))")
            }
            state = try load().state
            return "ok: \(n) changes; the snapshot and the changes after it replay to change \(state!.seq)"
        }
        if let state {
            finding("kemuning.records") {
                let all = RecordKinds.all.flatMap { kind in state.records(withPrefix: kind.prefix).map { Self.row(kind.kind, $0.id, $0.json) } }
                // A vacancy row written before categories has no `category`: it reads as general,
                // as the record's decoder reads it (an upgrade to version 2 writes it in).
                let r = try sql("""
                    WITH e AS (SELECT r->>'kind' AS kind, r->>'id' AS id, r->'data' AS data FROM jsonb_array_elements($1::jsonb) r),
                         t AS (SELECT kind, id, CASE WHEN kind = 'vacancy' AND NOT data ? 'category' THEN data || '{"category": "general"}' ELSE data END AS data
                               FROM kemuning.records)
                    SELECT (SELECT count(*) FROM (SELECT kind, id, data FROM e EXCEPT SELECT kind, id, data FROM t) a),
                           (SELECT count(*) FROM (SELECT kind, id, data FROM t EXCEPT SELECT kind, id, data FROM e) b)
                    """, [JSON.array(all).serialized()])
                let (missing, extra) = (Int(r[0, 0] ?? "") ?? -1, Int(r[0, 1] ?? "") ?? -1)
                guard missing == 0 && extra == 0 else {
                    throw KemuningError.failed("the records table differs from the changes: \(missing) records missing or different, \(extra) not in the state")
                }
                return "ok: \(all.count) records, as the changes make them"
            }
        }
        finding("kemuning.named_snapshots") {
            let names = try listNamed().map(\.name)
            for name in names { _ = try loadNamed(name) }
            return "ok: \(Message.count(names.count, "snapshot", "snapshots")) read whole"
        }
        return findings
    }
}
