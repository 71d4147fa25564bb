#if canImport(Glibc)
import Glibc
#endif

/// The embedded store: a directory (0700) of files (0600).
///
///     snapshot.json        the whole state, replaced atomically
///     journal.jsonl        one change per line since the snapshot, appended before output
///     snapshots/NAME.json  named snapshots, same format as snapshot.json
///     lock                 flock'ed by the process that may write; holds its PID
///
/// The journal is folded into the snapshot when it outgrows it (at least 4 MiB) and at a
/// clean exit, so one command costs the same however big the store is.
public final class FileStore: StoreBackend {
    public let directory: String
    public let policy: SyncPolicy
    /// Fold when the journal passes max(this, the snapshot's size).
    public var checkpointFloor = 4 << 20

    private var lockFD: Int32 = -1
    private var journalFD: Int32 = -1
    private var lockHolder: String?
    private var unwritable: String?
    private var journalBytes = 0
    private var journalRecords = 0
    private var snapshotBytes = 0
    private let flusher = Flusher()

    public init(directory: String, policy: SyncPolicy) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.policy = policy
    }

    deinit {
        flusher.stop()
        if journalFD >= 0 { Glibc.close(journalFD) }
        if lockFD >= 0 { Glibc.close(lockFD) }
    }

    var snapshotPath: String { directory + "/snapshot.json" }
    var journalPath: String { directory + "/journal.jsonl" }
    var namedDirectory: String { directory + "/snapshots" }
    var lockPath: String { directory + "/lock" }

    public var location: String { directory }

    public var readOnlyReason: Message? {
        if let pid = lockHolder { return "store \(directory) is in use by process \(pid)" }
        if let why = unwritable { return "store \(directory) is not writable: \(why)" }
        return nil
    }

    static func storeError(_ message: Message) -> KemuningError { KemuningError(.store, message) }

    // MARK: opening

    public func load() throws -> LoadedState {
        do {
            try Files.makeDirectories(directory)
        } catch {
            throw Self.storeError("cannot use store \(directory): \(error)")
        }
        // Loading again (after a failed append) must not try to lock what this process holds.
        if lockFD < 0 && lockHolder == nil && unwritable == nil { takeLock() }
        // A reader that does not hold the lock may race a writer folding the journal; read
        // until the snapshot it started from is still the current one.
        for _ in 0..<5 {
            let before = Files.inode(snapshotPath)
            let loaded = try readState(repair: lockFD >= 0 && lockHolder == nil)
            let after = Files.inode(snapshotPath)
            if lockHolder == nil || (after?.0 == before?.0 && after?.1 == before?.1) {
                return loaded
            }
        }
        return try readState(repair: false)
    }

    private func takeLock() {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            unwritable = String(cString: strerror(errno))
            return
        }
        // A few tries: a child process that was starting (fork before exec) can hold a copy of
        // another store's descriptor for a moment.
        var locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        for _ in 0..<4 where !locked {
            usleep(5_000)
            locked = flock(fd, LOCK_EX | LOCK_NB) == 0
        }
        if !locked {
            let bytes = (try? Files.readAll(fd, path: lockPath)) ?? []
            let pid = String(decoding: bytes, as: UTF8.self).trimmingBlanks()
            lockHolder = pid.isEmpty ? "(unknown)" : pid
            Glibc.close(fd)
            return
        }
        fchmod(fd, 0o600)
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        lockFD = fd
    }

    private func readState(repair: Bool) throws -> LoadedState {
        var warnings: [Message] = []
        var state = State()
        snapshotBytes = 0
        if Files.exists(snapshotPath) {
            let bytes: [UInt8]
            do { bytes = try Files.read(snapshotPath) } catch { throw Self.storeError("cannot read \(error)") }
            snapshotBytes = bytes.count
            state = try Self.decodeSnapshot(bytes, path: snapshotPath)
        }
        journalBytes = 0
        journalRecords = 0
        guard Files.exists(journalPath) else { return LoadedState(state: state, warnings: warnings) }
        let bytes: [UInt8]
        do { bytes = try Files.read(journalPath) } catch { throw Self.storeError("cannot read \(error)") }
        let replay = try Self.replayJournal(bytes, path: journalPath, onto: &state)
        journalBytes = replay.goodLength
        journalRecords = replay.records
        if let torn = replay.tornLine {
            warnings.append("\(journalPath):\(torn): dropped a torn last line (\(bytes.count - replay.goodLength) bytes): a change that was being written when the process stopped, never acknowledged")
            if repair {
                let fd = open(journalPath, O_WRONLY | O_CLOEXEC)
                if fd >= 0 {
                    ftruncate(fd, off_t(replay.goodLength))
                    fsync(fd)
                    Glibc.close(fd)
                }
            }
        }
        return LoadedState(state: state, warnings: warnings)
    }

    /// Parses a snapshot file, with errors that name the file and the position.
    static func decodeSnapshot(_ bytes: [UInt8], path: String) throws -> State {
        do {
            return try bytes.withUnsafeBufferPointer { try State.decode($0) }
        } catch let e as JSONError {
            throw storeError("\(path):\(e.line):\(e.column): corrupt snapshot: \(e.message); nothing was changed")
        } catch let e as RecordError {
            throw storeError("\(path): \(e.message)")
        }
    }

    struct Replay {
        var goodLength: Int
        var records: Int
        var tornLine: Int?
    }

    /// Applies every journal line newer than the state. A last line without its newline (or of
    /// NUL bytes, as some file systems leave after a crash) is torn and dropped; a bad line
    /// anywhere else is corruption.
    static func replayJournal(_ bytes: [UInt8], path: String, onto state: inout State) throws -> Replay {
        var start = 0
        var lineNumber = 0
        var records = 0
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: 10)
            let end = newline ?? bytes.count
            let isLast = newline == nil || newline! + 1 == bytes.count
            if newline == nil || (isLast && bytes[start..<end].allSatisfy({ $0 == 0 })) {
                return Replay(goodLength: start, records: records, tornLine: lineNumber)
            }
            let change: Change
            let seq: Int
            do {
                let json = try bytes.withUnsafeBufferPointer { buf in
                    try JSON.parse(UnsafeBufferPointer(rebasing: buf[start..<end]))
                }
                (seq, change) = try decodeRecord(json)
            } catch let e as JSONError {
                throw storeError("\(path):\(lineNumber):\(e.column): corrupt journal line: \(e.message); nothing was changed")
            } catch let e as RecordError {
                throw storeError("\(path):\(lineNumber): corrupt journal line: \(e.message); nothing was changed")
            }
            if seq > state.seq {
                guard seq == state.seq + 1 else {
                    throw storeError("\(path):\(lineNumber): journal skips from change \(state.seq) to \(seq); nothing was changed")
                }
                do {
                    try state.apply(change, seq: seq)
                } catch let e as RecordError {
                    throw storeError("\(path):\(lineNumber): change \(seq) does not apply: \(e.message); nothing was changed")
                }
            }
            records += 1
            start = end + 1
        }
        return Replay(goodLength: bytes.count, records: records, tornLine: nil)
    }

    static func encodeRecord(_ change: Change, seq: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSON.object(JSONObject([("seq", JSON(seq)), ("op", .string(change.op)), ("data", .object(change.data))]))
            .write(to: &out)
        out.append(10)
        return out
    }

    static func decodeRecord(_ json: JSON) throws -> (Int, Change) {
        guard let o = json.objectValue, let seq = o["seq"]?.intValue, let op = o["op"]?.stringValue,
              let data = o["data"]?.objectValue else {
            throw RecordError("expected {\"seq\": N, \"op\": \"...\", \"data\": {...}}")
        }
        return (seq, Change(op: op, data: data))
    }

    // MARK: writing

    private func ensureWritable() throws {
        if let why = readOnlyReason { throw Self.storeError(why) }
    }

    public func append(_ change: Change, seq: Int) throws {
        try ensureWritable()
        if journalFD < 0 {
            journalFD = open(journalPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard journalFD >= 0 else { throw Self.storeError("cannot open \(journalPath): \(String(cString: strerror(errno)))") }
            fchmod(journalFD, 0o600)
        }
        let record = Self.encodeRecord(change, seq: seq)
        do {
            try Files.writeAll(journalFD, record, path: journalPath)
        } catch {
            // Leave no partial line behind: the change was not acknowledged.
            ftruncate(journalFD, off_t(journalBytes))
            throw Self.storeError("\(error)")
        }
        journalBytes += record.count
        journalRecords += 1
        switch policy {
        case .always:
            guard fdatasync(journalFD) == 0 else {
                throw Self.storeError("cannot fsync \(journalPath): \(String(cString: strerror(errno)))")
            }
        case .batch:
            flusher.markDirty(journalFD)
        }
    }

    public var wantsCheckpoint: Bool { journalBytes > max(checkpointFloor, snapshotBytes) }

    public var hasUnfoldedChanges: Bool { journalBytes > 0 || !Files.exists(snapshotPath) }

    public func checkpoint(_ state: State) throws {
        try ensureWritable()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(snapshotBytes + journalBytes + 1024)
        state.writeSnapshot(to: &bytes)
        bytes.append(10)
        do {
            try Files.writeAtomically(snapshotPath, bytes)
        } catch {
            throw Self.storeError("cannot write the snapshot: \(error)")
        }
        snapshotBytes = bytes.count
        // The snapshot now holds every change; only then may the journal go.
        if journalFD >= 0 {
            flusher.clear()
            ftruncate(journalFD, 0)
            fsync(journalFD)
        } else if Files.exists(journalPath) {
            truncate(journalPath, 0)
        }
        journalBytes = 0
        journalRecords = 0
    }

    public func sync() throws {
        flusher.clear()
        if journalFD >= 0 && fdatasync(journalFD) != 0 {
            throw Self.storeError("cannot fsync \(journalPath): \(String(cString: strerror(errno)))")
        }
    }

    public func close(_ state: State?) throws {
        defer {
            flusher.stop()
            if journalFD >= 0 { Glibc.close(journalFD) }
            if lockFD >= 0 { Glibc.close(lockFD) }
            journalFD = -1
            lockFD = -1
        }
        guard readOnlyReason == nil else { return }
        try sync()
        if let state, journalBytes > 0 { try checkpoint(state) }
    }

    // MARK: named snapshots

    func namedPath(_ name: String) -> String { namedDirectory + "/" + name + ".json" }

    public func saveNamed(_ name: String, _ state: State) throws {
        try Self.validateSnapshotName(name)
        try ensureWritable()
        var bytes: [UInt8] = []
        state.writeSnapshot(to: &bytes)
        bytes.append(10)
        do {
            try Files.makeDirectories(namedDirectory)
            try Files.writeAtomically(namedPath(name), bytes)
        } catch let e as KemuningError {
            throw e
        } catch {
            throw Self.storeError("cannot write snapshot '\(name)': \(error)")
        }
    }

    public func loadNamed(_ name: String) throws -> State {
        try Self.validateSnapshotName(name)
        let path = namedPath(name)
        guard Files.exists(path) else {
            let names = (try? listNamed().map(\.name)) ?? []
            throw KemuningError.failed("no snapshot named '\(name)'",
                                       hint: suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
        }
        let bytes: [UInt8]
        do { bytes = try Files.read(path) } catch { throw Self.storeError("cannot read \(error)") }
        return try Self.decodeSnapshot(bytes, path: path)
    }

    public func listNamed() throws -> [NamedSnapshot] {
        Files.list(namedDirectory).filter { $0.hasSuffix(".json") }.map { file in
            let name = String(file.dropLast(5))
            let path = namedDirectory + "/" + file
            let seq = (try? Files.read(path)).flatMap { try? Self.decodeSnapshot($0, path: path).seq } ?? -1
            return NamedSnapshot(name: name, bytes: Files.size(path) ?? 0, seq: seq)
        }
    }

    public func deleteNamed(_ name: String) throws {
        try Self.validateSnapshotName(name)
        try ensureWritable()
        guard Files.exists(namedPath(name)) else { throw KemuningError.failed("no snapshot named '\(name)'") }
        guard unlink(namedPath(name)) == 0 else {
            throw Self.storeError("cannot delete \(namedPath(name)): \(String(cString: strerror(errno)))")
        }
        Files.syncDirectory(of: namedPath(name))
    }

    // MARK: info and check

    public func info() -> [(String, JSON)] {
        [
            ("path", .string(directory)),
            ("snapshot_bytes", JSON(Files.size(snapshotPath) ?? 0)),
            ("journal_bytes", JSON(journalBytes)),
            ("journal_records", JSON(journalRecords)),
            ("named_snapshots", JSON(Files.list(namedDirectory).filter { $0.hasSuffix(".json") }.count)),
            ("sync", .string(policy.rawValue)),
            ("writer", .string(readOnlyReason?.english ?? "this process (\(getpid()))")),
        ]
    }

    public func check() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func mode(_ path: String) -> Message? {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            let m = st.st_mode & 0o777
            return m & 0o077 == 0 ? nil : "mode is \(String(m, radix: 8)), should be 600 (personal data)"
        }
        var state = State()
        if Files.exists(snapshotPath) {
            do {
                state = try Self.decodeSnapshot(try Files.read(snapshotPath), path: snapshotPath)
                findings.append(CheckFinding(file: "snapshot.json", ok: mode(snapshotPath) == nil,
                                             detail: mode(snapshotPath) ?? "ok: change \(state.seq), \(Self.describe(state))"))
            } catch {
                findings.append(CheckFinding(file: "snapshot.json", ok: false, detail: "\(error)"))
            }
        } else {
            findings.append(CheckFinding(file: "snapshot.json", ok: true, detail: "absent (empty store)"))
        }
        if Files.exists(journalPath) {
            do {
                let bytes = try Files.read(journalPath)
                let r = try Self.replayJournal(bytes, path: journalPath, onto: &state)
                let torn: Message = r.tornLine.map { "; torn last line \($0) will be dropped" } ?? ""
                findings.append(CheckFinding(file: "journal.jsonl", ok: mode(journalPath) == nil,
                                             detail: mode(journalPath) ?? "ok: \(r.records) changes replay to change \(state.seq)\(torn)"))
            } catch {
                findings.append(CheckFinding(file: "journal.jsonl", ok: false, detail: "\(error)"))
            }
        }
        for file in Files.list(namedDirectory) where file.hasSuffix(".json") {
            let path = namedDirectory + "/" + file
            do {
                let s = try Self.decodeSnapshot(try Files.read(path), path: path)
                findings.append(CheckFinding(file: "snapshots/" + file, ok: mode(path) == nil,
                                             detail: mode(path) ?? "ok: change \(s.seq), \(Self.describe(s))"))
            } catch {
                findings.append(CheckFinding(file: "snapshots/" + file, ok: false, detail: "\(error)"))
            }
        }
        return findings
    }

    static func describe(_ s: State) -> Message {
        .joined(s.recordCounts.map { "\(Message.key($0.0)): \($0.1)" }, separator: ", ")
    }
}

/// Group commit for `SyncPolicy.batch`: a background thread that fsyncs the journal within
/// 100 ms of a write, so a crash of the machine loses at most that window, while a killed
/// process loses nothing (the bytes were already written).
final class Flusher: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var cond = pthread_cond_t()
    private var fd: Int32 = -1
    private var dirty = false
    private var running = false
    private var stopping = false
    private var thread: pthread_t?
    static let intervalNanos = 100_000_000

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&cond, nil)
    }

    deinit {
        pthread_cond_destroy(&cond)
        pthread_mutex_destroy(&mutex)
    }

    func markDirty(_ fd: Int32) {
        pthread_mutex_lock(&mutex)
        self.fd = fd
        dirty = true
        let start = !running && !stopping
        if start { running = true }
        pthread_mutex_unlock(&mutex)
        if start { spawn() }
    }

    func clear() {
        pthread_mutex_lock(&mutex)
        dirty = false
        pthread_mutex_unlock(&mutex)
    }

    private func spawn() {
        let box = Unmanaged.passRetained(self).toOpaque()
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { arg in
            let me = Unmanaged<Flusher>.fromOpaque(arg!).takeRetainedValue()
            me.loop()
            return nil
        }, box)
        if rc == 0 {
            thread = tid
        } else {
            pthread_mutex_lock(&mutex)
            running = false
            pthread_mutex_unlock(&mutex)
        }
    }

    private func loop() {
        pthread_mutex_lock(&mutex)
        while !stopping {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            var deadline = now
            deadline.tv_nsec += Flusher.intervalNanos
            if deadline.tv_nsec >= 1_000_000_000 {
                deadline.tv_sec += 1
                deadline.tv_nsec -= 1_000_000_000
            }
            pthread_cond_timedwait(&cond, &mutex, &deadline)
            if dirty && !stopping {
                dirty = false
                let target = fd
                pthread_mutex_unlock(&mutex)
                fdatasync(target)
                pthread_mutex_lock(&mutex)
            }
        }
        pthread_mutex_unlock(&mutex)
    }

    /// Stops the thread at once; the caller then syncs and closes the file itself.
    func stop() {
        pthread_mutex_lock(&mutex)
        stopping = true
        pthread_cond_signal(&cond)
        pthread_mutex_unlock(&mutex)
        if let t = thread {
            pthread_join(t, nil)
            thread = nil
        }
    }
}

extension String {
    /// The string without leading and trailing white space (no Foundation needed).
    public func trimmingBlanks() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
