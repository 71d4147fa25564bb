import KemuningCore
import KemuningDomain
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
    /// The system calls, behind a seam tests can fail.
    public let io: StoreIO
    /// The largest file the store reads (a snapshot or journal past this is refused, not
    /// allocated). Far above any real store; a guard against a planted endless file.
    public static let maximumFileBytes = 8 << 30

    private var directoryFD: Int32 = -1
    private var lockFD: Int32 = -1
    private var journalFD: Int32 = -1
    private var lockHolder: String?
    private var unwritable: String?
    /// Set when a failed append could not be cut back: the journal ends in part of a line, and
    /// nothing may be appended after it until a fresh open repairs it.
    private var journalDamaged = false
    private var journalBytes = 0
    private var journalRecords = 0
    private var snapshotBytes = 0
    /// Whether `snapshot.json` is a whole snapshot of format 1 (migrated at the first write).
    private var isFormat1 = false
    /// The parts of the snapshot on disk (format 2), and the last fold's result for the ledger.
    private var currentSource: PartSource?
    private var folded: (seq: Int, source: PartSource)?
    private var dataFD: Int32 = -1
    private var parts: StoreParts?
    private var pendingWarnings: [Message] = []
    /// Whether the journal has writes not yet known to be on disk (group commit).
    private var unsynced = false
    private let flusher: Flusher

    public init(directory: String, policy: SyncPolicy, io: StoreIO = .system) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.policy = policy
        self.io = io
        self.flusher = Flusher(io: io)
    }

    deinit {
        flusher.stop()
        if journalFD >= 0 { Glibc.close(journalFD) }
        if lockFD >= 0 { Glibc.close(lockFD) }
        if directoryFD >= 0 { Glibc.close(directoryFD) }
        if dataFD >= 0 { Glibc.close(dataFD) }
    }

    // MARK: the layout, known only here

    /// Where named snapshot `name` of the store in `directory` is kept.
    public static func namedSnapshotPath(_ name: String, in directory: String) -> String {
        directory + "/" + namedName + "/" + name + ".json"
    }

    /// Where scratch stores go: $TMPDIR when it names a folder by its full path (as every
    /// program that makes temporary files reads it), else /tmp.
    public static var temporaryFolder: String {
        if let t = getenv("TMPDIR").map({ String(cString: $0) }), t.hasPrefix("/") {
            return t.count > 1 && t.hasSuffix("/") ? String(t.dropLast()) : t
        }
        return "/tmp"
    }

    /// A new store in a fresh directory under `temporaryFolder` holding `snapshot` as its
    /// snapshot (mode 0600), for `play --from`; nil when it cannot be made.
    public static func makeScratch(snapshot: [UInt8]) -> String? {
        var template = Array((temporaryFolder + "/kemuning-play-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        let dir = String(cString: made)
        let fd = open(dir + "/" + snapshotName, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        do { try Files.writeAll(fd, snapshot, count: snapshot.count, path: dir) } catch { return nil }
        return dir
    }

    /// Removes a store made by `makeScratch`: its files, its named snapshots, the directory.
    public static func destroy(_ dir: String) {
        for name in [snapshotName, journalName, lockName, undoName] { unlink(dir + "/" + name) }
        for name in Files.list(dir + "/" + dataName) { unlink(dir + "/" + dataName + "/" + name) }
        rmdir(dir + "/" + dataName)
        for name in Files.list(dir + "/" + namedName) { unlink(dir + "/" + namedName + "/" + name) }
        rmdir(dir + "/" + namedName)
        rmdir(dir)
    }

    static let snapshotName = "snapshot.json"
    static let journalName = "journal.jsonl"
    static let namedName = "snapshots"
    static let lockName = "lock"
    /// Lines a session leaves so that a later one can undo its operator's last changes.
    static let undoName = "undo.jsonl"
    /// Past this size the undo log is cut to its newest half of it.
    static let undoLogLimit = 1 << 20
    static let dataName = "data"

    var snapshotPath: String { directory + "/" + Self.snapshotName }
    var journalPath: String { directory + "/" + Self.journalName }
    var namedDirectory: String { directory + "/" + Self.namedName }
    var lockPath: String { directory + "/" + Self.lockName }

    public var location: String { directory }

    /// Whether this process holds the lock and may change the store.
    var isWriter: Bool { lockFD >= 0 }

    public var readOnlyReason: Message? {
        if let pid = lockHolder { return "store \(directory) is in use by process \(pid)" }
        if let why = unwritable { return "store \(directory) is not writable: \(why)" }
        return nil
    }

    public func drainWarnings() -> [Message] {
        defer { pendingWarnings = [] }
        return pendingWarnings
    }

    static func storeError(_ message: Message) -> KemuningError { KemuningError(.store, message) }

    /// A system error or refusal as a store error (exit 3).
    static func storeError(_ error: Error, _ context: Message? = nil) -> KemuningError {
        if let e = error as? KemuningError { return e }
        let text = Message.of(error)
        return storeError(context.map { "\($0): \(text)" } ?? text)
    }

    // MARK: opening

    /// Creates the store directory (and its parents) when it is missing, opens it, and checks
    /// that it is a directory this user owns and others cannot write to.
    private func openStoreDirectory() throws {
        guard directoryFD < 0 else { return }
        do {
            if !Files.isDirectory(directory) {
                var prefix = directory.hasPrefix("/") ? "" : "."
                for part in directory.split(separator: "/") {
                    prefix += "/" + part
                    if !Files.isDirectory(prefix) { try io.makeDirectory(prefix) }
                }
            }
            directoryFD = try io.openStoreDirectory(directory)
        } catch {
            throw Self.storeError(error, "cannot use store \(directory)")
        }
    }

    public func load() throws -> LoadedState {
        try openStoreDirectory()
        // Loading again (after a failed append) must not try to lock what this process holds.
        if lockFD < 0 && lockHolder == nil && unwritable == nil {
            try takeLock()
            if isWriter { removeStaleTemporaries() }
        }
        return try readState(try readConsistently())
    }

    /// The ledger's state after the last fold wrote it, to adopt the new parts as its source.
    public func foldedSource(at seq: Int) -> PartSource? {
        guard let f = folded, f.seq == seq else { return nil }
        return f.source
    }

    /// The bytes of the snapshot and the journal from one moment. A reader may race a writer
    /// folding the journal into a new snapshot: it could read the old snapshot and the emptied
    /// journal. So it reads both files' bytes (quick), and again if the snapshot was replaced
    /// meanwhile; they are parsed only after, so an error is about a store that stood still, and
    /// the window for a race is short. A writer holds the lock: nothing changes under it.
    private func readConsistently() throws -> StoreFiles {
        if isWriter { return try readFiles() }
        for attempt in 0..<1000 {
            let before = io.identity(at: directoryFD, Self.snapshotName)
            do {
                var files = try readFiles()
                // A reader takes the parts' bytes now too: a fold by the writer could replace them later.
                if let m = files.manifest {
                    var parts: [String: [UInt8]] = [:]
                    for info in m.parts.values { parts[info.file] = try readPartFile(info) }
                    files.parts = parts
                }
                if io.identity(at: directoryFD, Self.snapshotName) == before { return files }
            } catch {
                if io.identity(at: directoryFD, Self.snapshotName) == before { throw error }
            }
            usleep(attempt < 10 ? 200 : 2_000)
        }
        throw Self.storeError("store \(directory) kept changing while it was read; try again")
    }

    private func takeLock() throws {
        let fd: Int32
        do {
            fd = try io.openFile(at: directoryFD, Self.lockName, path: lockPath, flags: O_RDWR, create: true)
        } catch let e as StoreRefusal {
            throw Self.storeError(e.message)
        } catch let e as Files.SystemError {
            // A read-only mount, or a store shared read-only: reading is still possible.
            unwritable = String(cString: strerror(e.code))
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
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, buffer.count, 0)
            let pid = String(decoding: buffer.prefix(max(0, n)), as: UTF8.self).trimmingBlanks()
            lockHolder = pid.isEmpty || !pid.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? "(unknown)" : pid
            Glibc.close(fd)
            return
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        lockFD = fd
    }

    /// Removes the temporary files of writers that were killed mid-write (`snapshot.json.tmp-PID`,
    /// `snapshots/NAME.json.tmp-PID`): they belong to no live writer once this process holds the
    /// lock, and they hold full NIKs. A failure to remove one is left for `store check` to report.
    private func removeStaleTemporaries() {
        for name in Files.list(directory) where Files.isTemporary(name) {
            try? io.unlink(at: directoryFD, name, path: directory + "/" + name)
        }
        if io.exists(at: directoryFD, Self.dataName), let data = try? io.openDirectory(at: directoryFD, Self.dataName, path: directory + "/" + Self.dataName) {
            defer { Glibc.close(data) }
            for name in Files.list(directory + "/" + Self.dataName) where Files.isTemporary(name) {
                try? io.unlink(at: data, name, path: directory + "/" + Self.dataName + "/" + name)
            }
        }
        guard io.exists(at: directoryFD, Self.namedName),
              let named = try? io.openDirectory(at: directoryFD, Self.namedName, path: namedDirectory) else { return }
        defer { Glibc.close(named) }
        for name in Files.list(namedDirectory) where Files.isTemporary(name) {
            try? io.unlink(at: named, name, path: namedDirectory + "/" + name)
        }
    }

    /// Reads a whole file of the store (never through a link, only a regular file).
    private func readFile(at dir: Int32, _ name: String, path: String) throws -> [UInt8] {
        do {
            let fd = try io.openFile(at: dir, name, path: path, flags: O_RDONLY)
            defer { Glibc.close(fd) }
            return try io.readAll(fd, name: name, path: path, limit: Self.maximumFileBytes)
        } catch {
            throw Self.storeError(error, "cannot read the store")
        }
    }

    /// What a store's files held at one moment.
    struct StoreFiles {
        var snapshot: [UInt8]?
        var journal: [UInt8]?
        /// The snapshot read as a format-2 manifest (nil for format 1, or no snapshot).
        var manifest: Manifest?
        /// For a reader sharing the store: the bytes of every part, by file.
        var parts: [String: [UInt8]]?
    }

    /// The bytes of the snapshot and the journal (nil for a file that is not there).
    private func readFiles() throws -> StoreFiles {
        let snapshot = io.exists(at: directoryFD, Self.snapshotName)
            ? try readFile(at: directoryFD, Self.snapshotName, path: snapshotPath) : nil
        let journal = io.exists(at: directoryFD, Self.journalName)
            ? try readFile(at: directoryFD, Self.journalName, path: journalPath) : nil
        let manifest = try snapshot.flatMap { try Self.readManifest($0, path: snapshotPath) }
        return StoreFiles(snapshot: snapshot, journal: journal, manifest: manifest)
    }

    private func readState(_ files: StoreFiles) throws -> LoadedState {
        var warnings: [Message] = []
        var state = State()
        snapshotBytes = 0
        isFormat1 = false
        currentSource = nil
        folded = nil
        if let m = files.manifest {
            if isWriter { try tidy(for: m) }
            let reader: PartReader = files.parts.map { ReadParts(files: $0, directory: directory) } ?? partReader()
            let source = PartSource(reader: reader, parts: m.parts, generation: m.generation, counters: m.counters)
            snapshotBytes = m.parts.filter { $0.key != State.auditKey }.values.reduce(files.snapshot!.count) { $0 + $1.bytes }
            currentSource = source
            state = State(seq: m.seq, counters: m.counters, policies: m.policies, source: source)
        } else if let bytes = files.snapshot {
            snapshotBytes = bytes.count
            isFormat1 = true
            if isWriter { try tidy(for: nil) }
            state = try Self.decodeSnapshot(bytes, path: snapshotPath)
        } else if isWriter {
            try tidy(for: nil)
        }
        journalBytes = 0
        journalRecords = 0
        guard let bytes = files.journal else { return LoadedState(state: state, warnings: warnings) }
        let replay = try Self.replayJournal(bytes, path: journalPath, onto: &state)
        journalBytes = replay.goodLength
        journalRecords = replay.records
        if let torn = replay.tornLine {
            // A reader sharing the store with a writer may just have caught a line being written:
            // the writer owns the tail, so only the writer (or a lone reader) says anything.
            if lockHolder == nil {
                warnings.append("\(journalPath):\(torn): dropped a torn last line (\(bytes.count - replay.goodLength) bytes): a change that was being written when the process stopped, never acknowledged")
            }
            if isWriter {
                do { try cutJournal(to: replay.goodLength) } catch {
                    throw Self.storeError(error, "cannot cut the torn last line off the journal")
                }
                journalDamaged = false
            }
        }
        return LoadedState(state: state, warnings: warnings)
    }

    /// The state the snapshot of the store in `directory` holds, read whole, without its
    /// journal (tests, and tools that look at what a fold wrote).
    public static func readSnapshot(in directory: String) throws -> State {
        let store = FileStore(directory: directory, policy: .batch)
        try store.openStoreDirectory()
        let files = try store.readFiles()
        if let m = files.manifest {
            let state = State(seq: m.seq, counters: m.counters, policies: m.policies,
                              source: PartSource(reader: store.partReader(), parts: m.parts, generation: m.generation, counters: m.counters))
            do { try state.verifyReferences() } catch let e as RecordError {
                throw storeError("\(store.snapshotPath): corrupt snapshot: \(e.message); nothing was changed")
            }
            return state
        }
        guard let bytes = files.snapshot else { return State() }
        return try decodeSnapshot(bytes, path: store.snapshotPath)
    }

    /// Parses a snapshot file, with errors that name the file and the position.
    static func decodeSnapshot(_ bytes: [UInt8], path: String) throws -> State {
        do {
            return try bytes.withUnsafeBufferPointer { try State.decode($0) }
        } catch let e as JSONError {
            throw storeError("\(path):\(e.line):\(e.column): corrupt snapshot: \(e.message); nothing was changed")
        } catch let e as NewerSnapshotError {
            throw storeError("\(path): \(e.message)")
        } catch let e as LocatedRecordError {
            let (line, column) = lineAndColumn(of: e.offset, in: bytes)
            throw storeError("\(path):\(line):\(column): corrupt snapshot: \(e.error.message); nothing was changed")
        } catch let e as RecordError {
            throw storeError("\(path): corrupt snapshot: \(e.message); nothing was changed")
        }
    }

    package struct Replay {
        var goodLength: Int
        var records: Int
        var tornLine: Int?
    }

    /// Applies every journal line newer than the state. A last line without its newline (or of
    /// NUL bytes, as some file systems leave after a crash) is torn and dropped; a bad line
    /// anywhere else is corruption. Each line's `seq` is one more than the line before it;
    /// lines at or below the snapshot's are ones a crash left behind after a fold, and are
    /// skipped.
    package static func replayJournal(_ bytes: [UInt8], path: String, onto state: inout State) throws -> Replay {
        var start = 0
        var lineNumber = 0
        var records = 0
        var previous: Int?
        while start < bytes.count {
            lineNumber += 1
            let newline = bytes[start...].firstIndex(of: 10)
            let end = newline ?? bytes.count
            let isLast = newline == nil || newline! + 1 == bytes.count
            if newline == nil || (isLast && bytes[start..<end].allSatisfy({ $0 == 0 })) {
                return Replay(goodLength: start, records: records, tornLine: lineNumber)
            }
            var change: Changeset?
            var notApplicable: RecordError?
            let seq: Int
            do {
                let json = try bytes.withUnsafeBufferPointer { buf in
                    try JSON.parse(UnsafeBufferPointer(rebasing: buf[start..<end]), rejectingDuplicateKeys: true)
                }
                let (n, op, data) = try decodeRecord(json)
                seq = n
                do { change = try JournalForm.changeset(op: op, data: data) } catch let e as JournalForm.NotApplicable { notApplicable = e.error }
            } catch let e as JSONError {
                throw storeError("\(path):\(lineNumber):\(e.column): corrupt journal line: \(e.message); nothing was changed")
            } catch let e as RecordError {
                throw storeError("\(path):\(lineNumber):1: corrupt journal line: \(e.message); nothing was changed")
            }
            if let previous, seq != previous + 1 {
                let what: Message = seq <= previous ? "repeats or goes back to change \(seq) after change \(previous)" : "skips from change \(previous) to \(seq)"
                throw storeError("\(path):\(lineNumber):1: the journal \(what); nothing was changed")
            }
            if previous == nil && seq > state.seq + 1 {
                throw storeError("\(path):\(lineNumber):1: the journal skips from change \(state.seq) to \(seq); nothing was changed")
            }
            previous = seq
            if seq > state.seq {
                do {
                    if let notApplicable { throw notApplicable }
                    try state.apply(change!, seq: seq)
                } catch let e as RecordError {
                    // A part the change needed could not be read: that is what is wrong.
                    if let failure = state.loadFailure { throw failure }
                    throw storeError("\(path):\(lineNumber):1: change \(seq) does not apply: \(e.message); nothing was changed")
                }
                if let failure = state.loadFailure { throw failure }
            }
            records += 1
            start = end + 1
        }
        return Replay(goodLength: bytes.count, records: records, tornLine: nil)
    }

    /// A line's number, op and data, before the change in it is read.
    static func decodeRecord(_ json: JSON) throws -> (Int, String, JSONObject) {
        guard let o = json.objectValue else { throw RecordError("expected {\"seq\": N, \"op\": \"...\", \"data\": {...}}") }
        for key in o.keys where !["seq", "op", "data"].contains(key) {
            throw RecordError("unknown key '\(key)' (a line has only \"seq\", \"op\" and \"data\")")
        }
        guard let seqValue = o["seq"] else { throw RecordError("the line has no \"seq\"") }
        let seq = try Fields.bounded(seqValue, State.seqRange, "\"seq\"")
        guard let op = o["op"]?.stringValue else { throw RecordError("\"op\" is missing or not a string") }
        guard let data = o["data"]?.objectValue else { throw RecordError("\"data\" is missing or not an object") }
        return (seq, op, data)
    }

    // MARK: writing

    private func ensureWritable() throws {
        if let why = readOnlyReason { throw Self.storeError(why) }
        if journalDamaged {
            throw Self.storeError("\(journalPath) ends in part of a change that could not be removed after a failed write; nothing more is written until the store is opened again")
        }
    }

    public func append(_ entry: JournalEntry, seq: Int) throws {
        try ensureWritable()
        if journalFD < 0 {
            do {
                journalFD = try io.openFile(at: directoryFD, Self.journalName, path: journalPath, flags: O_WRONLY | O_APPEND, create: true)
            } catch {
                throw Self.storeError(error, "the change was not recorded")
            }
        }
        let record = entry.line(seq: seq)
        do {
            try io.writeAll(journalFD, record, name: Self.journalName, path: journalPath)
            if policy == .always { try io.fdatasync(journalFD, name: Self.journalName, path: journalPath) }
        } catch {
            // Not acknowledged: leave no part of it behind, or a later line would follow a torn one.
            do {
                try io.truncate(journalFD, to: journalBytes, name: Self.journalName, path: journalPath)
            } catch {
                journalDamaged = true
            }
            throw Self.storeError(error, "the change was not recorded")
        }
        journalBytes += record.count
        journalRecords += 1
        if policy == .batch {
            unsynced = true
            flusher.markDirty(journalFD)
        }
    }

    public func wantsCheckpoint(_ state: State) -> Bool {
        guard journalBytes > checkpointFloor else { return false }
        if state.source == nil { return journalBytes > snapshotBytes }
        // During a run, a fold rewrites the parts the journal changed; it waits until the
        // journal is several times their size, so a long run (195,000 screenings of 100,000
        // applications) rewrites them once at its end, not every time the journal passes them.
        // The next open replays at most that much, at about the speed a fold writes it.
        let replaced = state.changedPartBytes
        return journalBytes > Self.foldRatio * replaced
    }

    /// How many times the parts it would replace the journal may grow during a run.
    static let foldRatio = 4

    /// A fold at exit pays for itself when the journal is as large as the parts it would
    /// replace (the next open would spend longer replaying it), when the fold is small anyway
    /// (a store of a few records is always left folded, as a reader expects), or when the
    /// journal holds more changed applications than a process keeps beside their part: every
    /// process after would read the part whole to replay them, so it is written once now.
    func wantsFoldAtExit(_ state: State) -> Bool {
        // A format-1 store with no journal is left as it is: reading never migrates; the first
        // change (or `save`) does.
        guard journalBytes > 0 else { return false }
        if state.source == nil { return true }
        let replaced = state.changedPartBytes
        return journalBytes >= replaced || replaced + journalBytes < Self.smallFold || journalRecords >= State.putsBesideAPart
    }

    /// A fold writing less than this is done at every clean exit.
    static let smallFold = 1 << 20

    public var hasUnfoldedChanges: Bool { journalBytes > 0 || isFormat1 || !io.exists(at: directoryFD, Self.snapshotName) }

    /// Whether the snapshot is of format 1 and is to be migrated before anything is written.
    public var needsUpgrade: Bool { isFormat1 }

    /// Writes the state as a format-2 snapshot, then empties the journal. Only the parts that
    /// changed since the snapshot read are written (each to a new file); the others are listed
    /// again as they are. New audit entries are appended to the audit file. The manifest is
    /// renamed over `snapshot.json` last: until then the old snapshot and the journal are the
    /// store, and what was written is removed by the next writer as unlisted. Throws only when
    /// the new manifest did not take the old one's place; once it has, what is left (syncing,
    /// emptying the journal, removing replaced parts) can only leave things the next open
    /// skips or removes, so a failure there is a warning.
    public func checkpoint(_ state: State) throws {
        try ensureWritable()
        if let failure = state.loadFailure { throw failure }
        let generation = (currentSource?.generation ?? 0) + 1
        // Parts are reused, and the audit file appended to, only from the snapshot on disk now;
        // a state read from another (there is none in practice) is written whole.
        let current = state.source != nil && state.source === currentSource
        var parts: [String: PartInfo] = [:]
        do {
            for key in State.partKeys {
                let old = current ? state.source?.parts[key] : nil
                if current && !state.isChanged(key) {
                    if let old { parts[key] = old }
                    continue
                }
                let appending = key == State.auditKey && old != nil
                guard let dir = try openDataDirectory(create: true) else { continue }
                if !appending {
                    guard state.partHasRecords(key, whole: !current) else {
                        if let failure = state.loadFailure { throw failure }
                        continue
                    }
                    // A kind's file, written in pieces as its records are encoded.
                    let name = "\(key).\(generation).jsonl"
                    var records = 0
                    var size = 0
                    do {
                        try io.writeAtomically(at: dir, name, path: directory + "/" + Self.dataName + "/" + name) { write in
                            var piece: [UInt8] = []
                            piece.reserveCapacity(1 << 20 + 4096)
                            records = try state.writePart(key, to: &piece, whole: !current) { full in
                                try write(full)
                                size += full.count
                                full.removeAll(keepingCapacity: true)
                            }
                            if let failure = state.loadFailure { throw failure }
                            try write(piece)
                            size += piece.count
                        }
                    } catch let e as RenamedButNotSynced {
                        throw KemuningError(.store, e.error)
                    }
                    parts[key] = PartInfo(file: Self.dataName + "/" + name, bytes: size, records: records)
                    continue
                }
                var bytes: [UInt8] = []
                let records = state.writePart(key, to: &bytes, whole: !current)
                if let failure = state.loadFailure { throw failure }
                if appending, let old {
                    // The audit trail only grows: the new entries are appended to its file, after
                    // those this process appended already (`spillAudit`). A fold that stopped after
                    // appending left a tail the snapshot does not list: cut first.
                    let spilled = state.spilledAudit
                    try appendAudit(bytes, to: old, at: old.bytes + spilled.bytes, in: dir, sync: true)
                    parts[key] = PartInfo(file: old.file, bytes: old.bytes + spilled.bytes + bytes.count, records: old.records + spilled.records + records)
                    continue
                }
            }
        } catch {
            throw Self.storeError(error, "cannot write the snapshot")
        }
        let manifest = Manifest(seq: state.seq, generation: generation, counters: state.counters, policies: state.policies, parts: parts)
        let bytes = Self.encodeManifest(manifest)
        do {
            try io.writeAtomically(at: directoryFD, Self.snapshotName, bytes, path: snapshotPath)
        } catch let e as RenamedButNotSynced {
            pendingWarnings.append("the new snapshot is in place, but \(e.error)")
        } catch {
            throw Self.storeError(error, "cannot write the snapshot")
        }
        let replaced = currentSource
        let source = PartSource(reader: partReader(), parts: parts, generation: generation, counters: state.counters)
        currentSource = source
        folded = (state.seq, source)
        isFormat1 = false
        snapshotBytes = parts.filter { $0.key != State.auditKey }.values.reduce(bytes.count) { $0 + $1.bytes }
        // The snapshot now holds every change; only then may the journal go.
        do {
            flusher.clear()
            if journalFD >= 0 || io.exists(at: directoryFD, Self.journalName) { try cutJournal(to: 0) }
            journalBytes = 0
            journalRecords = 0
        } catch {
            pendingWarnings.append("the snapshot holds every change, but the journal could not be emptied (\(Self.storeError(error).message)); its lines are skipped when the store is next opened")
        }
        // The parts no snapshot lists any more: a reader that still wants them reads again.
        let listed = Set(parts.values.map(\.file))
        if let old = replaced, let dir = try? openDataDirectory(create: false) {
            for info in old.parts.values where !listed.contains(info.file) {
                try? io.unlink(at: dir, String(info.file.dropFirst(Self.dataName.count + 1)), path: directory + "/" + info.file)
            }
        }
    }

    /// Appends the new audit entries to the audit file the snapshot on disk lists, past its
    /// listed length (and what was appended so before): they hold nothing the journal does not,
    /// so no sync is needed until a fold lists them. Any failure leaves them in memory.
    public func spillAudit(_ state: inout State) {
        guard isWriter, !journalDamaged, state.unspilledAudit > 0, let source = state.source, source === currentSource,
              let info = source.parts[State.auditKey], state.loadFailure == nil else { return }
        var bytes: [UInt8] = []
        let records = state.writePart(State.auditKey, to: &bytes)
        let offset = info.bytes + state.spilledAudit.bytes
        do {
            guard let dir = try openDataDirectory(create: false) else { return }
            try appendAudit(bytes, to: info, at: offset, in: dir, sync: false)
        } catch {
            return
        }
        state.markAuditSpilled(bytes: bytes.count, records: records)
    }

    /// Writes `bytes` into the audit file `info` names, at `offset`: whatever is past it (a tail
    /// an earlier attempt or a stopped fold left, which no manifest lists) is cut first.
    private func appendAudit(_ bytes: [UInt8], to info: PartInfo, at offset: Int, in dir: Int32, sync: Bool) throws {
        let name = String(info.file.dropFirst(Self.dataName.count + 1))
        let path = directory + "/" + info.file
        let fd = try io.openFile(at: dir, name, path: path, flags: O_WRONLY | O_APPEND)
        defer { Glibc.close(fd) }
        try io.truncate(fd, to: offset, name: name, path: path)
        try io.writeAll(fd, bytes, name: name, path: path)
        if sync { try io.fsync(fd, name: name, path: path) }
    }

    /// Cuts the journal to its first `length` bytes and syncs it, through the descriptor appends
    /// use when it is open.
    private func cutJournal(to length: Int) throws {
        var fd = journalFD
        if fd < 0 { fd = try io.openFile(at: directoryFD, Self.journalName, path: journalPath, flags: O_WRONLY) }
        defer { if fd != journalFD { Glibc.close(fd) } }
        try io.truncate(fd, to: length, name: Self.journalName, path: journalPath)
        try io.fsync(fd, name: Self.journalName, path: journalPath)
    }

    public func sync() throws {
        if let failure = flusher.takeFailure() {
            throw Self.storeError("changes written since the last successful sync may not be on disk: \(failure)")
        }
        flusher.clear()
        if journalFD >= 0 && unsynced {
            unsynced = false
            do { try io.fdatasync(journalFD, name: Self.journalName, path: journalPath) } catch {
                throw Self.storeError(error, "changes written since the last successful sync may not be on disk")
            }
        }
    }

    /// Syncs the journal (a failure is an error: acknowledged changes may not be on disk),
    /// then folds it into the snapshot. The fold is housekeeping: when it fails (a full disk),
    /// the journal still holds every change, so it is a warning and a read still succeeds.
    public func readUndoLog() -> [UInt8] {
        guard directoryFD >= 0, io.exists(at: directoryFD, Self.undoName) else { return [] }
        return (try? readFile(at: directoryFD, Self.undoName, path: directory + "/" + Self.undoName)) ?? []
    }

    public func appendUndoLog(_ bytes: [UInt8]) throws {
        guard isWriter, directoryFD >= 0, !bytes.isEmpty else { return }
        let path = directory + "/" + Self.undoName
        // Its size tells whether it must be cut; it is read only then, not at every end.
        if (io.size(at: directoryFD, Self.undoName) ?? 0) + bytes.count > Self.undoLogLimit {
            // Keep the newest part, from a line's start: the oldest changes are the least likely
            // to be undone, and a log that only grows would be read whole by every undo.
            let all = readUndoLog() + bytes
            var cut = max(1, all.count - Self.undoLogLimit / 2)
            while cut < all.count && all[cut - 1] != 10 { cut += 1 }
            try io.writeAtomically(at: directoryFD, Self.undoName, Array(all[cut...]), path: path)
            return
        }
        let fd = try io.openFile(at: directoryFD, Self.undoName, path: path, flags: O_WRONLY | O_APPEND, create: true)
        defer { Glibc.close(fd) }
        try io.writeAll(fd, bytes, name: Self.undoName, path: path)
        try io.fsync(fd, name: Self.undoName, path: path)
    }

    public func close(_ state: State?) throws {
        defer {
            flusher.stop()
            if journalFD >= 0 { Glibc.close(journalFD) }
            if lockFD >= 0 { Glibc.close(lockFD) }
            if directoryFD >= 0 { Glibc.close(directoryFD) }
            journalFD = -1
            lockFD = -1
            directoryFD = -1
        }
        guard isWriter, !journalDamaged else { return }
        try sync()
        if let state, wantsFoldAtExit(state) {
            do { try checkpoint(state) } catch {
                pendingWarnings.append("could not fold the journal into the snapshot (\(Self.storeError(error).message)); nothing is lost: the journal keeps every change, and a later run folds it")
            }
        }
    }

    // MARK: format 2: the manifest and its parts

    /// `snapshot.json` in format 2: what the snapshot holds, and the file of each part.
    struct Manifest: Equatable {
        var seq: Int
        var generation: Int
        var counters: [String: Int]
        var policies: [String: String]
        var parts: [String: PartInfo]
    }

    /// The manifest's keys, in the order they are written.
    static let manifestKeys = ["format", "version", "seq", "generation", "counters", "policies", "parts"]

    /// Reads `snapshot.json` as a format-2 manifest; nil when it is a whole snapshot of format 1
    /// (which `decodeSnapshot` reads). A manifest is small; a format-1 snapshot of any size
    /// says `"version":1` near its start, as kemuning writes it.
    static func readManifest(_ bytes: [UInt8], path: String) throws -> Manifest? {
        let head = String(decoding: bytes.prefix(64), as: UTF8.self)
        guard head.hasPrefix("{\"format\":\"kemuning-snapshot\",\"version\":2,") else {
            // Another order of keys, or another version: read as format 1, which says what is wrong.
            return nil
        }
        do {
            let json = try bytes.withUnsafeBufferPointer { try JSON.parse($0, rejectingDuplicateKeys: true) }
            return try manifest(json)
        } catch let e as JSONError {
            throw storeError("\(path):\(e.line):\(e.column): corrupt snapshot: \(e.message); nothing was changed")
        } catch let e as ManifestFieldError {
            let (line, column) = lineAndColumn(of: offset(of: e.keys, in: bytes), in: bytes)
            throw storeError("\(path):\(line):\(column): corrupt snapshot: \(e.error.message); nothing was changed")
        } catch let e as RecordError {
            throw storeError("\(path): corrupt snapshot: \(e.message); nothing was changed")
        }
    }

    /// A fault of the manifest's field at `keys` (a key, then a key inside it).
    struct ManifestFieldError: Error {
        var error: RecordError
        var keys: [String]
    }

    /// Where the field at `keys` is written in a manifest: each key found after the one before
    /// it (the start when one is not found), for the line and column of a message.
    static func offset(of keys: [String], in bytes: [UInt8]) -> Int {
        var at = 0
        for key in keys {
            let needle = Array("\"\(key)\":".utf8)
            guard needle.count <= bytes.count - at,
                  let found = (at...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
            else { break }
            at = found
        }
        return at
    }

    static func manifest(_ json: JSON) throws -> Manifest {
        /// Runs `body`, tagging what it refuses with the field's place.
        func field<T>(_ keys: String..., body: () throws -> T) throws -> T {
            do { return try body() } catch let e as RecordError { throw ManifestFieldError(error: e, keys: keys) }
        }
        guard let o = json.objectValue else { throw RecordError("expected an object") }
        for key in o.keys where !manifestKeys.contains(key) {
            throw ManifestFieldError(error: RecordError("unknown key '\(key)' at the top level; this kemuning reads only \(manifestKeys.joined(separator: ", "))"), keys: [key])
        }
        for key in manifestKeys where o[key] == nil { throw RecordError("the snapshot has no \"\(key)\"") }
        let seq = try field("seq") { try Fields.bounded(o["seq"]!, State.seqRange, "\"seq\"") }
        let generation = try field("generation") { try Fields.bounded(o["generation"]!, State.seqRange, "\"generation\"") }
        guard let counts = o["counters"]!.objectValue else {
            throw ManifestFieldError(error: RecordError("\"counters\" must be an object of id prefixes and numbers, not \(JSON.typeName(o["counters"]!))"), keys: ["counters"])
        }
        var counters: [String: Int] = [:]
        for (key, n) in counts {
            try field("counters", key) {
                guard State.idPrefixes[key] != nil else { throw RecordError("\"counters\" has an unknown id prefix '\(key)'") }
                counters[key] = try Fields.bounded(n, Bounds.idNumber, "counter '\(key)'")
            }
        }
        let policies = try field("policies") { try State.readPolicies(o["policies"]!) }
        guard let listed = o["parts"]!.objectValue else {
            throw ManifestFieldError(error: RecordError("\"parts\" must be an object, not \(JSON.typeName(o["parts"]!))"), keys: ["parts"])
        }
        var parts: [String: PartInfo] = [:]
        for (key, value) in listed {
            try field("parts", key) {
                guard State.partKeys.contains(key) else {
                    throw RecordError("\"parts\" has an unknown part '\(key)'; this kemuning knows \(State.partKeys.joined(separator: ", "))")
                }
                guard let p = value.objectValue, p.count == 3, let file = p["file"]?.stringValue, let b = p["bytes"], let r = p["records"] else {
                    throw RecordError("parts.\(key) must be {\"file\": \"...\", \"bytes\": N, \"records\": N}")
                }
                let bytes = try Fields.bounded(b, 0...maximumFileBytes, "parts.\(key).bytes")
                let records = try Fields.bounded(r, 0...maximumFileBytes, "parts.\(key).records")
                // Only the names kemuning gives: no path of the user's choosing is ever opened.
                guard isPartFile(file, key: key, generation: generation) else { throw RecordError("parts.\(key).file '\(file)' is not a name kemuning gives that part") }
                guard (bytes == 0) == (records == 0) else { throw RecordError("parts.\(key) lists \(records) records in \(bytes) bytes") }
                parts[key] = PartInfo(file: file, bytes: bytes, records: records)
            }
        }
        return Manifest(seq: seq, generation: generation, counters: counters, policies: policies, parts: parts)
    }

    /// `data/KEY.N.jsonl`, with N a generation up to the manifest's.
    /// A name kemuning gives some part (`data/KEY.N.jsonl`), of any generation: what a fold
    /// writes, whether or not a manifest lists it.
    static func isAnyPartFile(_ file: String) -> Bool {
        State.partKeys.contains { isPartFile(file, key: $0, generation: Int.max) }
    }

    static func isPartFile(_ file: String, key: String, generation: Int) -> Bool {
        let prefix = dataName + "/" + key + "."
        guard file.hasPrefix(prefix), file.hasSuffix(".jsonl") else { return false }
        let digits = file.dropFirst(prefix.count).dropLast(6)
        guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.first != "0",
              let n = Int(digits) else { return false }
        return n <= generation
    }

    static func encodeManifest(_ m: Manifest) -> [UInt8] {
        var counts = JSONObject()
        for key in m.counters.keys.sorted() { counts[key] = JSON(m.counters[key]!) }
        var parts = JSONObject()
        for key in State.partKeys {
            guard let p = m.parts[key] else { continue }
            parts[key] = .object(JSONObject([("file", .string(p.file)), ("bytes", JSON(p.bytes)), ("records", JSON(p.records))]))
        }
        var out: [UInt8] = []
        JSON.object(JSONObject([("format", .string(State.format)), ("version", JSON(State.version)), ("seq", JSON(m.seq)),
                                ("generation", JSON(m.generation)), ("counters", .object(counts)),
                                ("policies", .object(JSONObject(m.policies.keys.sorted().map { ($0, JSON.string(m.policies[$0]!)) }))),
                                ("parts", .object(parts))])).write(to: &out)
        out.append(10)
        return out
    }

    /// The `data/` directory, opened without following a link (created when `create`).
    private func openDataDirectory(create: Bool) throws -> Int32? {
        if dataFD >= 0 { return dataFD }
        if !io.exists(at: directoryFD, Self.dataName) {
            guard create else { return nil }
            try io.makeDirectory(at: directoryFD, Self.dataName, path: directory + "/" + Self.dataName)
        }
        dataFD = try io.openDirectory(at: directoryFD, Self.dataName, path: directory + "/" + Self.dataName)
        return dataFD
    }

    /// The first `info.bytes` bytes of a part's file (see `StoreParts.readPart`).
    func readPartFile(_ info: PartInfo) throws -> [UInt8] { try partReader().readPart(info) }

    /// The reader of this store's parts, with its own descriptor of the store directory, so a
    /// state can read its parts after the store object is gone (and not after another opens).
    private func partReader() -> StoreParts {
        if let r = parts { return r }
        let r = StoreParts(io: io, directoryFD: dup(directoryFD), directory: directory)
        parts = r
        return r
    }

    /// Reads a writer's parts from the files when they are first used: nothing changes them
    /// but this process, which holds the lock.
    final class StoreParts: PartReader, @unchecked Sendable {
        let io: StoreIO
        let directoryFD: Int32
        let directory: String
        private var dataFD: Int32 = -1

        init(io: StoreIO, directoryFD: Int32, directory: String) {
            self.io = io
            self.directoryFD = directoryFD
            self.directory = directory
        }

        deinit {
            if dataFD >= 0 { Glibc.close(dataFD) }
            if directoryFD >= 0 { Glibc.close(directoryFD) }
        }

        func path(of info: PartInfo) -> String { directory + "/" + info.file }

        /// The first `info.bytes` bytes of a part's file. A kind's file must be exactly that
        /// long; the audit file may be longer (a fold that stopped after appending to it).
        func readPart(_ info: PartInfo) throws -> [UInt8] {
            let path = path(of: info)
            do {
                let dir: Int32
                let name: String
                do {
                    if dataFD < 0 {
                        guard io.exists(at: directoryFD, FileStore.dataName) else {
                            throw FileStore.storeError("\(directory)/\(FileStore.dataName): corrupt snapshot: the directory of the snapshot's parts is missing; nothing was changed")
                        }
                        dataFD = try io.openDirectory(at: directoryFD, FileStore.dataName, path: directory + "/" + FileStore.dataName)
                    }
                    dir = dataFD
                    name = String(info.file.dropFirst(FileStore.dataName.count + 1))
                }
                guard io.exists(at: dir, name) else {
                    throw FileStore.storeError("\(path): corrupt snapshot: the file is missing; nothing was changed")
                }
                let fd = try io.openFile(at: dir, name, path: path, flags: O_RDONLY)
                defer { Glibc.close(fd) }
                var st = stat()
                fstat(fd, &st)
                let size = Int(st.st_size)
                guard size == info.bytes || (info.file.hasPrefix(FileStore.dataName + "/" + State.auditKey + ".") && size > info.bytes) else {
                    throw FileStore.storeError("\(path): corrupt snapshot: the file has \(size) bytes, the snapshot lists \(info.bytes); nothing was changed")
                }
                let bytes = try io.readAll(fd, name: name, path: path, limit: FileStore.maximumFileBytes)
                guard bytes.count >= info.bytes else {
                    throw FileStore.storeError("\(path): corrupt snapshot: the file has \(bytes.count) bytes, the snapshot lists \(info.bytes); nothing was changed")
                }
                return bytes.count == info.bytes ? bytes : Array(bytes.prefix(info.bytes))
            } catch {
                throw FileStore.storeError(error, "cannot read the store")
            }
        }
    }

    /// What a fold or an upgrade that stopped part way left, removed by the writer when it
    /// opens: part files the snapshot does not list, the audit file's tail past what the
    /// snapshot includes (it is still in the journal), and with a format-1 snapshot (or none)
    /// every file of format 2. None of it holds anything the snapshot and journal do not.
    private func tidy(for manifest: Manifest?) throws {
        do {
            let listed = Set(manifest?.parts.values.map(\.file) ?? [])
            if let dir = try openDataDirectory(create: false) {
                for name in Files.list(directory + "/" + Self.dataName) where !listed.contains(Self.dataName + "/" + name)
                    && Self.isAnyPartFile(Self.dataName + "/" + name) {
                    try io.unlink(at: dir, name, path: directory + "/" + Self.dataName + "/" + name)
                }
            }
            if let audit = manifest?.parts[State.auditKey], let dir = try openDataDirectory(create: false) {
                let name = String(audit.file.dropFirst(Self.dataName.count + 1))
                if let size = io.size(at: dir, name), size > audit.bytes {
                    let path = directory + "/" + audit.file
                    let fd = try io.openFile(at: dir, name, path: path, flags: O_WRONLY)
                    defer { Glibc.close(fd) }
                    try io.truncate(fd, to: audit.bytes, name: name, path: path)
                    try io.fsync(fd, name: name, path: path)
                }
            }
        } catch {
            throw Self.storeError(error, "cannot tidy what an interrupted fold left in the store")
        }
    }

    // MARK: named snapshots

    func namedFile(_ name: String) -> String { name + ".json" }
    func namedPath(_ name: String) -> String { namedDirectory + "/" + namedFile(name) }

    /// The `snapshots/` directory, opened without following a link; nil when there is none.
    private func openNamedDirectory(create: Bool) throws -> Int32? {
        try openStoreDirectory()
        do {
            if !io.exists(at: directoryFD, Self.namedName) {
                guard create else { return nil }
                try io.makeDirectory(at: directoryFD, Self.namedName, path: namedDirectory)
            }
            return try io.openDirectory(at: directoryFD, Self.namedName, path: namedDirectory)
        } catch {
            throw Self.storeError(error)
        }
    }

    public func saveNamed(_ name: String, _ state: State) throws {
        try Self.validateSnapshotName(name)
        try ensureWritable()
        var bytes: [UInt8] = []
        state.writeSnapshot(to: &bytes)
        bytes.append(10)
        // A part that could not be read was written as empty: nothing of it may be saved.
        if let failure = state.loadFailure { throw failure }
        guard let dir = try openNamedDirectory(create: true) else { return }
        defer { Glibc.close(dir) }
        do {
            try io.writeAtomically(at: dir, namedFile(name), bytes, path: namedPath(name))
        } catch let e as RenamedButNotSynced {
            pendingWarnings.append("snapshot '\(name)' is saved, but \(e.error)")
        } catch {
            throw Self.storeError(error, "cannot write snapshot '\(name)'")
        }
    }

    public func loadNamed(_ name: String) throws -> State {
        try Self.validateSnapshotName(name)
        guard let dir = try openNamedDirectory(create: false), io.exists(at: dir, namedFile(name)) else {
            let names = (try? listNamed().map(\.name)) ?? []
            throw KemuningError.failed("no snapshot named '\(name)'",
                                       hint: suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
        }
        defer { Glibc.close(dir) }
        return try Self.decodeSnapshot(try readFile(at: dir, namedFile(name), path: namedPath(name)), path: namedPath(name))
    }

    public func listNamed() throws -> [NamedSnapshot] {
        guard let dir = try openNamedDirectory(create: false) else { return [] }
        defer { Glibc.close(dir) }
        return Files.list(namedDirectory).filter { $0.hasSuffix(".json") }.map { file in
            let name = String(file.dropLast(5))
            let path = namedDirectory + "/" + file
            let seq = (try? readFile(at: dir, file, path: path)).flatMap { try? Self.decodeSnapshot($0, path: path).seq } ?? -1
            return NamedSnapshot(name: name, bytes: io.size(at: dir, file) ?? 0, seq: seq)
        }
    }

    public func deleteNamed(_ name: String) throws {
        try Self.validateSnapshotName(name)
        try ensureWritable()
        guard let dir = try openNamedDirectory(create: false), io.exists(at: dir, namedFile(name)) else {
            throw KemuningError.failed("no snapshot named '\(name)'")
        }
        defer { Glibc.close(dir) }
        do {
            try io.unlink(at: dir, namedFile(name), path: namedPath(name))
        } catch {
            throw Self.storeError(error)
        }
        do { try io.fsync(dir, name: ".", path: namedDirectory) } catch {
            pendingWarnings.append("snapshot '\(name)' is deleted, but \(Self.storeError(error).message): after a power cut it may be back")
        }
    }

    // MARK: info and check

    public func info() -> [(String, JSON)] {
        [
            ("path", .string(directory)),
            // The manifest and every file it lists (all of the snapshot in format 1).
            ("snapshot_bytes", JSON((io.size(at: directoryFD, Self.snapshotName) ?? 0) + (currentSource?.parts.values.reduce(0) { $0 + $1.bytes } ?? 0))),
            ("journal_bytes", JSON(journalBytes)),
            ("journal_records", JSON(journalRecords)),
            ("named_snapshots", JSON(Files.list(namedDirectory).filter { $0.hasSuffix(".json") }.count)),
            ("sync", .string(policy.rawValue)),
            ("writer", .string(readOnlyReason?.english ?? "this process (\(getpid()))")),
        ]
    }

    public func check() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        func mode(_ dir: Int32, _ name: String) -> Message? {
            var st = stat()
            guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            let m = st.st_mode & 0o777
            return m & 0o077 == 0 ? nil : "mode is \(String(m, radix: 8)), should be 600 (personal data)"
        }
        // The same consistent reading as `load`: the bytes of both files from one moment.
        var files = StoreFiles()
        var readError: Error?
        do { files = try readConsistently() } catch { readError = error }
        var state = State()
        var snapshotFinding: CheckFinding?
        var journalFinding: CheckFinding?
        var partFindings: [CheckFinding] = []
        if let readError {
            snapshotFinding = CheckFinding(file: Self.snapshotName, ok: false, detail: Self.storeError(readError).message)
        } else if let m = files.manifest {
            // Format 2: every part read whole and checked against what the manifest lists
            // (length, number of records), then the records against each other.
            let reader: PartReader = files.parts.map { ReadParts(files: $0, directory: directory) } ?? partReader()
            let source = PartSource(reader: reader, parts: m.parts, generation: m.generation, counters: m.counters)
            for key in State.partKeys {
                guard let info = m.parts[key] else { continue }
                let probe = State(seq: m.seq, counters: m.counters, policies: m.policies, source: source)
                probe.readPart(key)
                let ok = probe.loadFailure == nil
                let fileMode = dataFD >= 0 ? mode(dataFD, String(info.file.dropFirst(Self.dataName.count + 1))) : nil
                partFindings.append(CheckFinding(file: info.file, ok: ok && fileMode == nil,
                                                 detail: probe.loadFailure?.message ?? fileMode ?? "ok: \(Message.count(info.records, "record", "records")), \(info.bytes) bytes, as the snapshot lists",
                                                 unreadable: !ok))
            }
            state = State(seq: m.seq, counters: m.counters, policies: m.policies, source: source)
            if partFindings.allSatisfy(\.ok) {
                do {
                    try state.verifyReferences()
                    snapshotFinding = CheckFinding(file: Self.snapshotName, ok: mode(directoryFD, Self.snapshotName) == nil,
                                                   detail: mode(directoryFD, Self.snapshotName) ?? "ok: change \(state.seq), \(Self.describe(state))")
                } catch {
                    snapshotFinding = CheckFinding(file: Self.snapshotName, ok: false, detail: Self.storeError(error).message)
                }
            } else {
                snapshotFinding = CheckFinding(file: Self.snapshotName, ok: false, detail: "a part of the snapshot cannot be read")
            }
        } else if let bytes = files.snapshot {
            do {
                state = try Self.decodeSnapshot(bytes, path: snapshotPath)
                snapshotFinding = CheckFinding(file: Self.snapshotName, ok: mode(directoryFD, Self.snapshotName) == nil,
                                               detail: mode(directoryFD, Self.snapshotName) ?? "ok: change \(state.seq), \(Self.describe(state))")
            } catch {
                snapshotFinding = CheckFinding(file: Self.snapshotName, ok: false, detail: Self.storeError(error).message)
            }
        } else {
            snapshotFinding = CheckFinding(file: Self.snapshotName, ok: true, detail: "absent (empty store)")
        }
        // The journal replays onto a snapshot that could be read (a loose mode is no reason not to).
        let snapshotRead = readError == nil && (snapshotFinding?.ok == true || snapshotFinding?.detail == mode(directoryFD, Self.snapshotName))
        if snapshotRead, let bytes = files.journal {
            do {
                let r = try Self.replayJournal(bytes, path: journalPath, onto: &state)
                let torn: Message = r.tornLine.map { "; torn last line \($0) will be dropped" } ?? ""
                journalFinding = CheckFinding(file: Self.journalName, ok: mode(directoryFD, Self.journalName) == nil,
                                              detail: mode(directoryFD, Self.journalName) ?? "ok: \(r.records) changes replay to change \(state.seq)\(torn)")
            } catch {
                journalFinding = CheckFinding(file: Self.journalName, ok: false, detail: Self.storeError(error).message)
            }
        }
        findings += [snapshotFinding].compactMap { $0 } + partFindings + [journalFinding].compactMap { $0 }
        let listed = Set(files.manifest?.parts.values.map(\.file) ?? [])
        if let dir = try? openDataDirectory(create: false) {
            _ = dir
            for name in Files.list(directory + "/" + Self.dataName) where !listed.contains(Self.dataName + "/" + name) {
                if Files.isTemporary(name) {
                    // A fold under way writes its parts under a temporary name first.
                    if !Files.isLiveTemporary(name) {
                        findings.append(CheckFinding(file: Self.dataName + "/" + name, ok: false, detail: "a temporary file a writer left when it was stopped (it may hold personal data); the next process that writes removes it"))
                    }
                    continue
                }
                // A part a fold under way is writing, or one a fold that stopped left: harmless,
                // as the snapshot does not list it. Anything else is not kemuning's.
                let file = Self.dataName + "/" + name
                findings.append(Self.isAnyPartFile(file)
                    ? CheckFinding(file: file, ok: true, detail: "a part no snapshot lists, left by a fold that stopped; the next process that writes removes it")
                    : CheckFinding(file: file, ok: false, detail: "not a file kemuning makes; kemuning neither reads nor removes it"))
            }
        }

        /// A file that does not belong where it is (a live writer's temporary file does).
        func stray(_ file: String, _ name: String, otherwise: Message) -> CheckFinding? {
            guard !Files.isLiveTemporary(name) else { return nil }
            return CheckFinding(file: file, ok: false, detail: Files.isTemporary(name)
                ? "a temporary file a writer left when it was stopped (it may hold personal data); the next process that writes removes it"
                : otherwise)
        }
        if Files.list(directory).contains(Self.undoName) {
            // The undo log only offers undos; a damaged line is skipped when read, never used.
            let lines = readUndoLog().split(separator: 10).count
            findings.append(CheckFinding(file: Self.undoName, ok: mode(directoryFD, Self.undoName) == nil,
                                         detail: mode(directoryFD, Self.undoName) ?? "the undo log: \(Message.count(lines, "line", "lines")), for undo after a session ended"))
        }
        for name in Files.list(directory) where ![Self.snapshotName, Self.journalName, Self.lockName, Self.namedName, Self.dataName, Self.undoName].contains(name)
 {
            if let f = stray(name, name, otherwise: "not a file of the store; move it out of the store directory") { findings.append(f) }
        }
        if let dir = try? openNamedDirectory(create: false) {
            defer { Glibc.close(dir) }
            for file in Files.list(namedDirectory) {
                let path = namedDirectory + "/" + file
                guard file.hasSuffix(".json") else {
                    if let f = stray(Self.namedName + "/" + file, file, otherwise: "not a named snapshot; move it out of the store directory") { findings.append(f) }
                    continue
                }
                do {
                    let s = try Self.decodeSnapshot(try readFile(at: dir, file, path: path), path: path)
                    findings.append(CheckFinding(file: Self.namedName + "/" + file, ok: mode(dir, file) == nil,
                                                 detail: mode(dir, file) ?? "ok: change \(s.seq), \(Self.describe(s))"))
                } catch {
                    findings.append(CheckFinding(file: Self.namedName + "/" + file, ok: false, detail: Self.storeError(error).message))
                }
            }
        } else if io.exists(at: directoryFD, Self.namedName) {
            findings.append(CheckFinding(file: Self.namedName, ok: false, detail: "is not a directory of this user's, or is a link; the store never follows links"))
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
    private var failure: Message?
    private let io: StoreIO
    static let intervalNanos = 100_000_000

    init(io: StoreIO) {
        self.io = io
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

    /// The first failed background sync, once: acknowledged changes may not be on disk.
    func takeFailure() -> Message? {
        pthread_mutex_lock(&mutex)
        defer {
            failure = nil
            pthread_mutex_unlock(&mutex)
        }
        return failure
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
                var failed: Message?
                do { try io.fdatasync(target, name: FileStore.journalName, path: FileStore.journalName) } catch {
                    failed = .of(error)
                }
                pthread_mutex_lock(&mutex)
                if let failed, failure == nil { failure = failed }
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

