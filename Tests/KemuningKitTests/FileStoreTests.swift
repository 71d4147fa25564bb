#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// MARK: helpers

/// A temporary directory (real path); the store lives in `store/` inside it.
final class StoreDir {
    let root: String
    var path: String { root + "/store" }
    var snapshot: String { path + "/snapshot.json" }
    var journal: String { path + "/journal.jsonl" }

    init() {
        let raw = makeTemporaryFolder("store")
        root = ScriptFile.realPath(raw) ?? raw
    }

    deinit { removeAll(root) }

    func open(_ policy: SyncPolicy = .always) -> FileStore { FileStore(directory: path, policy: policy) }

    func write(_ file: String, _ bytes: [UInt8]) {
        try? Files.makeDirectories(Files.parent(file))
        let fd = Glibc.open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0)
        try? Files.writeAll(fd, bytes, path: file)
        close(fd)
    }

    func write(_ file: String, _ text: String) { write(file, Array(text.utf8)) }

    func read(_ file: String) -> [UInt8]? { try? Files.read(file) }
    func text(_ file: String) -> String? { read(file).map { String(decoding: $0, as: UTF8.self) } }
}

func removeAll(_ path: String) {
    if Files.isDirectory(path) {
        for name in Files.list(path) { removeAll(path + "/" + name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}

private func mode(_ path: String) -> mode_t? {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
}

final class Events {
    var all: [Event] = []
    var errors: [KemuningError] { all.compactMap { if case .diagnostic(let d) = $0 { return d.error } else { return nil } } }
    var rendered: [String] { all.compactMap { if case .diagnostic(let d) = $0 { return d.render(color: false) } else { return nil } } }
    var warnings: [String] { all.compactMap { if case .warning(let w) = $0 { return w.english } else { return nil } } }
    var outputs: [Output] { all.compactMap { if case .output(let o) = $0 { return o } else { return nil } } }
}

/// A count shared with a fault injector (which may be called from the group-commit thread).
final class Counter: @unchecked Sendable {
    private var value = 0
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    /// 1 the first time, 2 the next, ...
    func next() -> Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        value += 1
        return value
    }
}

private func session(_ backend: StoreBackend) -> (Session, Events) {
    let s = Session(backend: backend)
    let e = Events()
    s.emit = { e.all.append($0) }
    s.settings.today = Day(year: 2026, month: 11, day: 29)
    return (s, e)
}

/// Runs a script; returns the error that ended it, if any.
@discardableResult
private func run(_ s: Session, _ text: String) -> KemuningError? {
    do {
        try s.run(text: text, source: Source(name: "t.kmn"))
        return nil
    } catch let e as KemuningError {
        return e
    } catch {
        Issue.record("unexpected \(error)")
        return nil
    }
}

private let today = Day(year: 2026, month: 11, day: 29)

private func vacancy(_ n: Int) -> Vacancy {
    Vacancy(id: "V\(n)", title: "T", unit: "U", seats: 1, type: "cpns", education: [], state: .draft, created: today)
}

/// The audit entry `vacancy add` writes with the change: dated with the session's today, by its
/// operator (none set: "unknown"). Its number is stamped only when the change is applied.
private func addAudit(_ n: Int) -> JSON {
    .object(JSONObject([("at", .string(today.description)), ("by", "unknown"), ("entity", .string("V\(n)")),
                        ("vacancy", .string("V\(n)")), ("action", "opened in draft"), ("changes", .array([]))]))
}

/// The journal line `vacancy add` writes for V`n`, byte for byte: written here as plain JSON,
/// not through the journal's encoder, so the encoder is checked against it.
private func record(_ n: Int, seq: Int? = nil) -> [UInt8] {
    let data = JSONObject([("vacancy", vacancy(n).json), ("audit", .array([addAudit(n)]))])
    var out: [UInt8] = []
    JSON.object(JSONObject([("seq", JSON(seq ?? n)), ("op", "vacancy.add"), ("data", .object(data))])).write(to: &out)
    return out + [10]
}

private let addV = "vacancy add --title T --unit U --seats 1"

private func storeError(_ message: String) -> KemuningError { KemuningError(.store, .verbatim(message)) }

// MARK: tests

@Suite("FileStore")
struct FileStoreTests {

    @Test func aNewStoreIsADirectoryOfPrivateFiles() throws {
        let dir = StoreDir()
        let store = dir.open()
        let (s, _) = session(store)
        #expect(run(s, "\(addV)\nsave\nsnapshot save first\n\(addV)") == nil)
        #expect(mode(dir.path) == 0o700)
        #expect(mode(dir.path + "/lock") == 0o600)
        #expect(mode(dir.snapshot) == 0o600)
        #expect(mode(dir.journal) == 0o600)
        #expect(mode(dir.path + "/snapshots/first.json") == 0o600)
        #expect(mode(dir.path + "/snapshots") == 0o700)
        #expect(dir.text(dir.path + "/lock") == "\(getpid())\n")
        #expect(Files.list(dir.path) == ["data", "journal.jsonl", "lock", "snapshot.json", "snapshots"])
        #expect(mode(dir.path + "/data") == 0o700)
        #expect(Files.list(dir.path + "/data").allSatisfy { mode(dir.path + "/data/" + $0) == 0o600 })
        try store.close(nil)
    }

    @Test func eachChangeIsOneJournalLineWrittenBeforeTheCommandReturns() throws {
        let dir = StoreDir()
        let store = dir.open()
        let (s, _) = session(store)
        run(s, addV)
        #expect(dir.text(dir.journal) == #"{"seq":1,"op":"vacancy.add","data":{"vacancy":{"id":"V1","title":"T","unit":"U","seats":1,"type":"cpns","education":[],"state":"draft","created":"2026-11-29","category":"general","passMarks":{"twk":65,"tiu":80,"tkp":166},"skb":{"cat":60,"practical":40},"catMax":500,"quotaFactor":3,"opens":null,"closes":null,"rubric":["communication","motivation","integrity","teamwork","problem-solving"],"objectionDays":3,"channels":[],"participants":0,"stages":{"draft":"2026-11-29"}},"audit":[{"at":"2026-11-29","by":"unknown","entity":"V1","vacancy":"V1","action":"opened in draft","changes":[]}]}}"# + "\n")
        #expect(dir.read(dir.journal) == record(1))
        #expect(Files.exists(dir.snapshot) == false)
        try store.close(nil)
    }

    @Test func reopeningReplaysTheJournalToTheSameState() throws {
        let dir = StoreDir()
        let store = dir.open()
        let (s, _) = session(store)
        #expect(run(s, "\(addV) --education S1\napplicant add --nik 3201234567890001 --name \"Sukmawati Rahayu — Ā\" --born 1996-04-12 --gpa 3.60") == nil)
        let before = try s.state()
        try store.close(nil)  // keeps the journal: no state to fold
        #expect(Files.exists(dir.snapshot) == false)

        let again = dir.open()
        let loaded = try again.load()
        #expect(loaded.warnings == [])
        #expect(loaded.state == before)
        #expect(loaded.state.seq == 2)
        #expect(loaded.state.applicant("A1")?.gpa?.description == "3.60")
        #expect(loaded.state.nextId("V") == "V2")
        try again.close(nil)
    }

    @Test func closingFoldsTheJournalIntoTheSnapshotAndReopensIdentically() throws {
        let dir = StoreDir()
        let store = dir.open(.batch)
        let (s, _) = session(store)
        run(s, "\(addV)\n\(addV)\napplicant add --nik 3201234567890001 --name N --born 1990-01-01 --education \"D3 Teknik\"")
        let before = try s.state()
        try s.close()
        #expect(Files.size(dir.journal) == 0)
        #expect(try FileStore.readSnapshot(in: dir.path) == before)

        let (s2, e2) = session(dir.open())
        #expect(try s2.state() == before)
        #expect(e2.warnings == [])
        run(s2, addV)
        #expect(try s2.state().vacancy("V3") != nil)
        try s2.close()
    }

    @Test func changesAlreadyInTheSnapshotAreSkippedOnReplay() throws {
        let dir = StoreDir()
        var state = State()
        try state.apply(.add(vacancy(1)), seq: 1)
        let first = dir.open()
        _ = try first.load()
        try first.checkpoint(state)
        try first.close(nil)
        // The journal still holds change 1 (a crash between the snapshot and the truncation).
        dir.write(dir.journal, record(1) + record(2))
        let loaded = try dir.open().load()
        #expect(loaded.state.vacancies.map(\.id) == ["V1", "V2"])
        #expect(loaded.state.seq == 2)
    }

    // MARK: torn tails

    static let tornTails: [([UInt8], Int)] = [
        (Array(#"{"seq":2,"op":"vacan"#.utf8), 2),
        ([UInt8](repeating: 0, count: 7), 2),
        ([0, 0, 0, 10], 2),
    ]

    @Test(arguments: tornTails)
    func aTornLastLineIsDroppedWithAWarningAndTruncated(_ tail: [UInt8], _ line: Int) throws {
        let dir = StoreDir()
        dir.write(dir.journal, record(1) + tail)
        let store = dir.open()
        let (s, e) = session(store)
        #expect(try s.state().vacancies.map(\.id) == ["V1"])
        #expect(e.warnings == ["\(dir.journal):\(line): dropped a torn last line (\(tail.count) bytes): a change that was being written when the process stopped, never acknowledged"])
        #expect(dir.read(dir.journal) == record(1))
        // The next change follows the good lines.
        run(s, addV)
        #expect(dir.read(dir.journal) == record(1) + record(2))
        try store.close(nil)
        #expect(try dir.open().load().state.vacancies.map(\.id) == ["V1", "V2"])
    }

    @Test func aReaderDoesNotTruncateATornTailItDoesNotOwn() throws {
        let dir = StoreDir()
        let writer = dir.open()
        _ = try writer.load()
        let torn = record(1) + Array(#"{"seq":2"#.utf8)
        dir.write(dir.journal, torn)
        let reader = dir.open()
        let loaded = try reader.load()
        #expect(loaded.state.vacancies.map(\.id) == ["V1"])
        // The writer may be in the middle of that line: it owns the tail, so the reader neither
        // warns nor cuts.
        #expect(loaded.warnings.isEmpty)
        #expect(dir.read(dir.journal) == torn)
        try writer.close(nil)
    }

    // MARK: corruption

    @Test func corruptJournalLinesAreRefusedWithFileLineAndColumn() throws {
        let cases: [([UInt8], String)] = [
            (Array("{bad\n".utf8) + record(1), "1:2: corrupt journal line: expected string key or '}', found 'b'"),
            (record(1) + Array("garbage\n".utf8), "2:1: corrupt journal line: unexpected character 'g'"),
            (record(1) + Array("{\"seq\":2,\n".utf8), "2:10: corrupt journal line: unexpected end of input"),
            (Array("{\"seq\":1}\n".utf8), "1:1: corrupt journal line: \"op\" is missing or not a string"),
            (record(1) + record(3), "2:1: the journal skips from change 1 to 3"),
            (Array("{\"seq\":1,\"op\":\"vacancy.delete\",\"data\":{}}\n".utf8), "1:1: change 1 does not apply: unknown change 'vacancy.delete'"),
            (Array("{\"seq\":1,\"op\":\"vacancy.add\",\"data\":{\"vacancy\":{\"id\":\"V1\"}}}\n".utf8), "1:1: corrupt journal line: vacancy has no 'state'"),
            (record(1) + record(1, seq: 2), "2:1: change 2 does not apply: vacancy V1 exists already"),
        ]
        for (bytes, message) in cases {
            let dir = StoreDir()
            dir.write(dir.journal, bytes)
            let (s, e) = session(dir.open())
            #expect(throws: storeError("\(dir.journal):\(message); nothing was changed")) { try s.state() }
            #expect(dir.read(dir.journal) == bytes, "the journal must be left as it was")
            // Through a command: the store error has no source location and stops even keep-going.
            #expect(run(s, "set keep-going on\nvacancy list\necho after")?.kind == .store)
            #expect(e.rendered == ["kemuning: error: \(dir.journal):\(message); nothing was changed\n"])
            #expect(s.exitStatus == 3)
            #expect(e.outputs.count == 1)  // only `set`
        }
    }

    @Test func corruptSnapshotsAreRefusedWithFileLineAndColumn() throws {
        let v1 = vacancy(1).json.serialized()
        let cases: [(String, String)] = [
            ("{\n  \"format\": x\n}", ":2:13: corrupt snapshot: unexpected character 'x'; nothing was changed"),
            ("", ":1:1: corrupt snapshot: unexpected end of input; nothing was changed"),
            ("{\"format\":\"kemuning-snapshot\",}", ":1:30: corrupt snapshot: trailing comma in object; nothing was changed"),
            ("[]", ":1:1: corrupt snapshot: expected a JSON object; nothing was changed"),
            ("{\"format\":\"other\",\"version\":1}", ":1:11: corrupt snapshot: this is not a kemuning snapshot (its \"format\" is \"other\", not \"kemuning-snapshot\"); nothing was changed"),
            ("{\"format\":\"kemuning-snapshot\"}", ": corrupt snapshot: the snapshot has no \"version\"; nothing was changed"),
            ("{\"format\":\"kemuning-snapshot\",\"version\":0}", ":1:41: corrupt snapshot: the snapshot has an unknown format version 0; nothing was changed"),
            ("{\"format\":\"kemuning-snapshot\",\"version\":1,\"seq\":1,\"counters\":{\"V\":0},\"vacancies\":[\(v1)],\"applicants\":[]}",
             ":1:62: corrupt snapshot: counter 'V' is 0, below the highest id in use (V1); nothing was changed"),
            ("{\"format\":\"kemuning-snapshot\",\"version\":1,\"seq\":2,\"counters\":{},\"vacancies\":[\(v1),\(v1)],\"applicants\":[]}",
             ": corrupt snapshot: vacancies[1] (V1): vacancy V1 exists already; nothing was changed"),
        ]
        for (text, message) in cases {
            let dir = StoreDir()
            dir.write(dir.snapshot, text)
            #expect(throws: storeError(dir.snapshot + message)) { try dir.open().load() }
            #expect(dir.text(dir.snapshot) == text)
        }
    }

    @Test func aSnapshotFromANewerVersionIsRefusedAndLeftAlone() throws {
        let dir = StoreDir()
        let text = #"{"format":"kemuning-snapshot","version":3,"seq":9,"counters":{},"vacancies":[],"applicants":[],"exams":[]}"#
        dir.write(dir.snapshot, text)
        let store = dir.open()
        let (s, e) = session(store)
        #expect(run(s, addV) == {
            var err = storeError("\(dir.snapshot): the snapshot has format version 3, newer than this kemuning reads (2); upgrade kemuning to open it")
            err.reported = true
            return err
        }())
        #expect(e.rendered == ["kemuning: error: \(dir.snapshot): the snapshot has format version 3, newer than this kemuning reads (2); upgrade kemuning to open it\n"])
        #expect(s.exitStatus == 3)
        try store.close(nil)
        #expect(dir.text(dir.snapshot) == text)
        #expect(Files.exists(dir.journal) == false)
    }

    // MARK: the lock

    @Test func aSecondStoreOnTheSameDirectoryIsReadOnlyAndSaysWhoHoldsIt() throws {
        let dir = StoreDir()
        let writer = dir.open()
        let (w, _) = session(writer)
        run(w, addV)
        #expect(writer.readOnlyReason == nil)

        let reader = dir.open()
        let (r, e) = session(reader)
        let expected = "store \(dir.path) is in use by process \(getpid())"
        #expect(try r.state().vacancies.map(\.id) == ["V1"])  // it can still read
        #expect(reader.readOnlyReason?.english == expected)
        #expect(run(r, "set keep-going on\n\(addV)\necho after")?.message.english == expected)
        #expect(e.errors == [storeError(expected)])
        #expect(e.outputs.count == 1)
        #expect(try r.state().vacancies.map(\.id) == ["V1"])
        #expect(throws: storeError(expected)) { try reader.append(JournalEntry(checking: Changeset(.add(vacancy(2)))), seq: 2) }
        #expect(throws: storeError(expected)) { try reader.checkpoint(State()) }
        #expect(throws: storeError(expected)) { try reader.saveNamed("x", State()) }
        #expect(reader.info().first { $0.0 == "writer" }?.1 == .string(expected))
        #expect(writer.info().first { $0.0 == "writer" }?.1 == .string("this process (\(getpid()))"))
        #expect(dir.read(dir.journal) == record(1))
        // Closing the reader must not fold or release anything.
        try r.close()
        #expect(Files.exists(dir.snapshot) == false)

        try w.close()
        let next = dir.open()
        _ = try next.load()
        #expect(next.readOnlyReason == nil)
        try next.close(nil)
    }

    // Regression: takeLock opened a new descriptor on every load(); flock on it conflicted with the
    // one this store already held, so a second load() made the store "in use by" its own process.
    @Test func loadingTwiceKeepsTheWriteLock() throws {
        let dir = StoreDir()
        let store = dir.open()
        _ = try store.load()
        _ = try store.load()
        #expect(store.readOnlyReason == nil)
        try store.close(nil)
    }

    // Regression, same cause: after a failed append Session.commit forgets the state and the next
    // command loads again; the store must still accept changes.
    @Test func aFailedAppendDoesNotLockTheStoreAgainstItself() throws {
        let dir = StoreDir()
        // The first attempt to create the journal fails as on a full disk.
        let failed = Counter()
        let io = StoreIO(injector: { event in
            event.call == .open && event.name == "journal.jsonl" && failed.next() == 1 ? .error(ENOSPC) : nil
        })
        let store = FileStore(directory: dir.path, policy: .always, io: io)
        let (s, e) = session(store)
        _ = try s.state()
        #expect(run(s, addV)?.kind == .store)
        #expect(e.errors.map(\.message) == ["the change was not recorded: cannot create \(dir.journal): No space left on device"])
        #expect(run(s, addV) == nil)
        #expect(e.errors.count == 1)
        #expect(try s.state().vacancies.map(\.id) == ["V1"])
        #expect(dir.read(dir.journal) == record(1))
        try store.close(nil)
    }

    @Test func aTrailingSlashIsDroppedFromTheLocation() {
        let dir = StoreDir()
        #expect(FileStore(directory: dir.path + "/", policy: .always).location == dir.path)
        #expect(FileStore(directory: "/", policy: .always).location == "/")
    }

    // MARK: checkpoints

    @Test func theJournalIsFoldedOnceItOutgrowsTheFloorAndTheSnapshot() throws {
        let dir = StoreDir()
        let store = dir.open()
        let lineLength = record(1).count
        store.checkpointFloor = lineLength + 1
        let (s, _) = session(store)

        run(s, addV)  // one line: not past the floor
        #expect(Files.size(dir.journal) == lineLength)
        #expect(Files.exists(dir.snapshot) == false)

        run(s, addV)  // two lines: past the floor, and there is no snapshot yet
        #expect(Files.size(dir.journal) == 0)
        let manifest = dir.text(dir.snapshot)
        #expect(try FileStore.readSnapshot(in: dir.path).seq == 2)
        // What a fold of more vacancies would replace: the vacancies' part (the audit trail is
        // appended to, never replaced).
        let partSize = try #require(try FileStore.readSnapshot(in: dir.path).source?.parts[State.vacanciesKey]?.bytes)
        #expect(partSize > lineLength + 1)

        // Now that part is bigger than the floor: during a run the journal may grow to
        // `foldRatio` times its size.
        var lines = 0
        while (lines + 1) * lineLength <= FileStore.foldRatio * partSize {
            run(s, addV)
            lines += 1
            #expect(Files.size(dir.journal) == lines * lineLength)
            #expect(dir.text(dir.snapshot) == manifest)
        }
        #expect(lines >= 1)
        run(s, addV)
        #expect(Files.size(dir.journal) == 0)
        #expect(try FileStore.readSnapshot(in: dir.path).seq == 2 + lines + 1)
        #expect(store.info().first { $0.0 == "journal_bytes" }?.1 == JSON(0))

        let state = try s.state()
        try store.close(nil)
        #expect(try dir.open().load().state == state)
    }

    // MARK: named snapshots

    @Test func namedSnapshotsSaveListRestoreAndDelete() throws {
        let dir = StoreDir()
        let store = dir.open()
        let (s, e) = session(store)
        #expect(run(s, "\(addV)\nsnapshot save before-skd") == nil)
        #expect(e.outputs.last == .message("snapshot 'before-skd' saved", value: "before-skd"))
        let file = dir.path + "/snapshots/before-skd.json"
        let size = try #require(Files.size(file))

        run(s, "\(addV)\nsnapshot list")
        #expect(e.outputs.last == Output(.table(columns: [.init("name", "NAME"), .init("bytes", "BYTES", alignRight: true), .init("change", "CHANGE", alignRight: true)],
                                                rows: [["before-skd", JSON(size), 1]])))

        #expect(run(s, "snapshot restore before-skd") == nil)
        #expect(e.outputs.last == .message("restored snapshot 'before-skd'"))
        let restored = try s.state()
        #expect(restored.vacancies.map(\.id) == ["V1"])
        #expect(restored.seq == 3)
        // The restore is durable at once.
        #expect(try FileStore.readSnapshot(in: dir.path) == restored)
        #expect(Files.size(dir.journal) == 0)

        #expect(run(s, "snapshot delete before-skd\nsnapshot list") == nil)
        #expect(e.outputs.dropLast().last == .message("snapshot 'before-skd' deleted"))
        #expect(Files.exists(file) == false)
        #expect(try store.listNamed() == [])
        try store.close(nil)
        #expect(try dir.open().load().state == restored)
    }

    @Test func missingSnapshotsAreFailuresPointingAtTheName() {
        let dir = StoreDir()
        let (s, e) = session(dir.open())
        run(s, "set keep-going on\nsnapshot save before-skd\nsnapshot restore befor\nsnapshot delete nope")
        #expect(e.errors == [
            .failed("no snapshot named 'befor'", at: SourceRange(line: 3, column: 18, length: 5), hint: "did you mean 'before-skd'?"),
            .failed("no snapshot named 'nope'", at: SourceRange(line: 4, column: 17, length: 4)),
        ])
    }

    @Test(arguments: [".hidden", "a/b", "../x", "ä", "a b", "", String(repeating: "n", count: 65)])
    func badSnapshotNamesAreRefused(_ name: String) {
        let dir = StoreDir()
        let (s, e) = session(dir.open())
        let quoted = "'" + name + "'"
        run(s, "snapshot save \(quoted)")
        #expect(e.errors == [.failed("bad snapshot name '\(name)': use up to 64 letters, digits, '.', '_' or '-', not starting with '.'",
                                     at: SourceRange(line: 1, column: 15, length: quoted.unicodeScalars.count))])
        #expect(Files.list(dir.path + "/snapshots") == [])
    }

    @Test func snapshotNamesOf64SafeCharactersAreAccepted() throws {
        let dir = StoreDir()
        let store = dir.open()
        let name = "a-b_c.D9" + String(repeating: "x", count: 56)
        let (s, _) = session(store)
        #expect(run(s, "snapshot save \(name)") == nil)
        #expect(try store.listNamed().map(\.name) == [name])
    }

    // MARK: store check

    /// New audit entries go to the audit file ahead of a fold (past the length the manifest
    /// lists), so a long run does not hold them: the trail still reads whole, a fold lists
    /// them, and a store left with such a tail (a killed process) opens with every entry, the
    /// tail cut and the journal replayed.
    @Test func newAuditEntriesGoToTheirFileAheadOfTheFold() throws {
        let dir = StoreDir()
        let store = dir.open(.batch)
        let (s, _) = session(store)
        s.ledger.auditSpillEntries = 3
        run(s, "\(addV)\nsave")
        let listed = try #require(try FileStore.readSnapshot(in: dir.path).source?.parts[State.auditKey])
        for _ in 0..<7 { run(s, addV) }
        // Six of the seven new entries went to the file in two spills of three; one is in memory.
        let auditPath = dir.path + "/" + listed.file
        let size = try #require(Files.size(auditPath))
        #expect(size > listed.bytes)
        #expect(try s.state().unspilledAudit == 1)
        #expect(try s.state().spilledAudit.records == 6)
        #expect(try s.state().audit.count == 8)
        #expect(try s.state().recordCounts.first { $0.0 == "audit" }?.1 == 8)
        // Killed here: the manifest still lists the old length.
        let copy = StoreDir()
        try Files.makeDirectories(copy.path + "/data")
        for file in ["snapshot.json", "journal.jsonl"] + Files.list(dir.path + "/data").map({ "data/" + $0 }) {
            copy.write(copy.path + "/" + file, dir.read(dir.path + "/" + file) ?? [])
        }
        let reopened = copy.open()
        let state = try reopened.load().state
        #expect(state.audit.map(\.entity) == (1...8).map { "V\($0)" })
        #expect(Files.size(copy.path + "/" + listed.file) == listed.bytes, "the tail no manifest lists is cut by the writer")
        #expect(try reopened.check().allSatisfy(\.ok))
        try reopened.close(nil)
        // A fold lists the spilled entries and the rest.
        run(s, "save")
        let folded = try FileStore.readSnapshot(in: dir.path)
        #expect(folded.audit.map(\.entity) == (1...8).map { "V\($0)" })
        #expect(folded.source?.parts[State.auditKey]?.records == 8)
        #expect(try store.check().allSatisfy(\.ok))
        try store.close(nil)
    }

    /// At exit the journal is folded when it is as large as the parts it changed, or small in
    /// all, or holds 512 changes or more (the next process could not replay them without
    /// reading the part whole); otherwise it is left for a later process.
    @Test func theFoldAtExitWaitsUntilItPaysForItself() throws {
        let dir = StoreDir()
        func session(_ script: String) throws -> FileStore {
            let store = dir.open(.batch)
            let (s, _) = KemuningKitTests.session(store)
            run(s, script)
            try s.close()
            return store
        }
        // More than a MiB of vacancies, folded.
        _ = try session(Array(repeating: addV, count: 3000).joined(separator: "\n") + "\nsave")
        let part = try #require(try FileStore.readSnapshot(in: dir.path).source?.parts[State.vacanciesKey])
        #expect(part.bytes > FileStore.smallFold)
        // 511 more: smaller than the part, not small in all, under 512 changes: left in the journal.
        _ = try session(Array(repeating: addV, count: 511).joined(separator: "\n"))
        #expect(Files.size(dir.journal).map { $0 > 0 } == true)
        #expect(try FileStore.readSnapshot(in: dir.path).seq == 3000)
        // One more makes 512: folded at exit.
        _ = try session(addV)
        #expect(Files.size(dir.journal) == 0)
        #expect(try FileStore.readSnapshot(in: dir.path).seq == 3512)
    }

    /// A record holding a key twice (one value would be lost at the next fold) is refused in
    /// every file that holds records: a part, a whole snapshot document, the journal.
    @Test func aKeyRepeatedInARecordIsRefusedInEveryFile() throws {
        let dir = StoreDir()
        let (s, _) = session(dir.open())
        run(s, "\(addV)\nsave")
        try s.close()
        let part = try #require(try FileStore.readSnapshot(in: dir.path).source?.parts[State.vacanciesKey])
        let path = dir.path + "/" + part.file
        let line = try #require(dir.text(path))
        let twice = line.replacing(#""title":"T","#, with: #""title":"T","title":"U","#)
        #expect(twice != line)
        dir.write(path, twice)
        let manifest = try #require(dir.text(dir.snapshot))
        dir.write(dir.snapshot, manifest.replacing(#""bytes":\#(part.bytes),"#, with: #""bytes":\#(twice.utf8.count),"#))
        let partError = #expect(throws: KemuningError.self) { try FileStore.readSnapshot(in: dir.path).vacancies }
        #expect(partError?.message.english.contains("\(path):1:") == true && partError?.message.english.contains("duplicate key 'title'") == true,
                "\(String(describing: partError))")

        let document = Array(#"{"format":"kemuning-snapshot","version":1,"seq":1,"counters":{"V":1},"vacancies":[\#(twice.dropLast())],"applicants":[]}"#.utf8)
        let documentError = #expect(throws: KemuningError.self) { try FileStore.decodeSnapshot(document, path: "snapshot.json") }
        #expect(documentError?.message.english.contains("duplicate key 'title'") == true, "\(String(describing: documentError))")

        var state = State()
        let journal = Array(#"{"seq":1,"op":"vacancy.add","data":{"vacancy":\#(twice.dropLast())}}"#.utf8) + [10]
        let journalError = #expect(throws: KemuningError.self) { try FileStore.replayJournal(journal, path: "journal.jsonl", onto: &state) }
        #expect(journalError?.message.english.contains("duplicate key 'title'") == true, "\(String(describing: journalError))")
    }

    @Test func storeCheckReportsEveryFile() throws {
        let dir = StoreDir()
        let store = dir.open()
        let (s, e) = session(store)
        run(s, "\(addV)\nsave\n\(addV)\nsnapshot save one")
        // Each part is checked against the size and count the manifest gives it.
        let vacanciesBytes = try #require(Files.size(dir.path + "/data/vacancies.1.jsonl"))
        let auditBytes = try #require(Files.size(dir.path + "/data/audit.1.jsonl"))
        let parts = [
            CheckFinding(file: "data/vacancies.1.jsonl", ok: true, detail: "ok: 1 record, \(vacanciesBytes) bytes, as the snapshot lists"),
            CheckFinding(file: "data/audit.1.jsonl", ok: true, detail: "ok: 1 record, \(auditBytes) bytes, as the snapshot lists"),
        ]
        #expect(store.check() == [
            CheckFinding(file: "snapshot.json", ok: true, detail: "ok: change 1, vacancies: 1, applicants: 0, applications: 0, jobfairs: 0, employees: 0, audit: 1"),
        ] + parts + [
            CheckFinding(file: "journal.jsonl", ok: true, detail: "ok: 1 changes replay to change 2"),
            CheckFinding(file: "snapshots/one.json", ok: true, detail: "ok: change 2, vacancies: 2, applicants: 0, applications: 0, jobfairs: 0, employees: 0, audit: 2"),
        ])

        chmod(dir.snapshot, 0o644)
        dir.write(dir.path + "/snapshots/bad.json", "{")
        #expect(run(s, "store check") == {
            var err = KemuningError.failed("store check found 2 problems", at: SourceRange(line: 1, column: 1, length: 5))
            err.reported = true
            return err
        }())
        #expect(e.outputs.last?.body == Output.Body.table(columns: [.init("file", "FILE"), .init("ok", "OK"), .init("detail", "DETAIL")], rows: [
            ["snapshot.json", false, "mode is 644, should be 600 (personal data)"],
            ["data/vacancies.1.jsonl", true, .string("ok: 1 record, \(vacanciesBytes) bytes, as the snapshot lists")],
            ["data/audit.1.jsonl", true, .string("ok: 1 record, \(auditBytes) bytes, as the snapshot lists")],
            ["journal.jsonl", true, "ok: 1 changes replay to change 2"],
            ["snapshots/bad.json", false, .string("\(dir.path)/snapshots/bad.json:1:2: corrupt snapshot: unexpected end of input; nothing was changed")],
            ["snapshots/one.json", true, "ok: change 2, vacancies: 2, applicants: 0, applications: 0, jobfairs: 0, employees: 0, audit: 2"],
        ]))
        try store.close(nil)
    }

    @Test func storeCheckNotesATornTailAndAnEmptyStore() throws {
        let dir = StoreDir()
        let store = dir.open()
        _ = try store.load()
        #expect(store.check() == [CheckFinding(file: "snapshot.json", ok: true, detail: "absent (empty store)")])
        dir.write(dir.journal, record(1) + Array("{\"se".utf8))
        #expect(store.check().last == CheckFinding(file: "journal.jsonl", ok: true, detail: "ok: 1 changes replay to change 1; torn last line 2 will be dropped"))
        dir.write(dir.journal, record(2))
        #expect(store.check().last == CheckFinding(file: "journal.jsonl", ok: false,
                                                   detail: "\(dir.journal):1:1: the journal skips from change 0 to 2; nothing was changed"))
        try store.close(nil)
    }

    @Test func storeInfoDescribesTheStore() throws {
        let dir = StoreDir()
        let store = dir.open(.batch)
        let (s, e) = session(store)
        run(s, "\(addV)\nstore info")
        guard case .record(let fields)? = e.outputs.last?.body else { Issue.record("no record"); return }
        #expect(fields.map(\.key) == ["path", "snapshot_bytes", "journal_bytes", "journal_records", "named_snapshots", "sync", "writer",
                                      "change", "vacancies", "applicants", "applications", "jobfairs", "employees", "audit"])
        #expect(fields.map(\.label) == ["path", "snapshot bytes", "journal bytes", "journal records", "named snapshots", "sync", "writer",
                                        "change", "vacancies", "applicants", "applications", "jobfairs", "employees", "audit"])
        #expect(fields.map(\.value) == [.string(dir.path), 0, JSON(record(1).count), 1, 0, "batch", .string("this process (\(getpid()))"), 1, 1, 0, 0, 0, 0, 1])
        try s.close()
    }
}

@Suite("IdIndex") struct IdIndexTests {
    /// The same answers as a dictionary, for kemuning's ids and any others, through random
    /// sets, removals and lookups (a seeded generator: the same run every time).
    @Test func itAnswersAsADictionaryWould() {
        var rng = SplitMix(seed: 20261129)
        var index = IdIndex()
        var model: [String: Int] = [:]
        let prefixes = ["P", "P", "P", "A", "", "p", "PP"]
        for step in 0..<20_000 {
            let prefix = prefixes[Int(rng.next() % UInt64(prefixes.count))]
            let n = Int(rng.next() % 3000)
            let id = rng.next() % 50 == 0 ? prefix + "0" + String(n) : prefix + String(n)
            let far = rng.next() % 100 == 0 ? String(1_000_000 + n) : nil
            let key = far.map { prefix + $0 } ?? id
            switch rng.next() % 3 {
            case 0:
                index[key] = step
                model[key] = step
            case 1:
                index[key] = nil
                model[key] = nil
            default:
                #expect(index[key] == model[key], "\(key)")
            }
        }
        for (key, value) in model { #expect(index[key] == value, "\(key)") }
        #expect(index["P999999999999999"] == nil)
        #expect(index[""] == nil)
    }
}

/// A small seeded generator for tests that must replay the same way.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
