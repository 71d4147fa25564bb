#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The store attacked as a careful adversary would, through the real binary: damaged and
/// wrong-typed files, planted links and devices, loose permissions, leftovers of killed writers,
/// readers racing folds, and a disk that fills up. Each case was a defect: the store lost data,
/// wrote through a link, crashed, or said it was corrupt when it was not.
@Suite(.serialized) struct StoreAttackTests {
    let home = Paths.temporaryDirectory()
    var store: String { home + "/store" }

    func run(_ args: [String], input: String? = nil) -> RunResult {
        kemuning(["--store", store] + args, input: input, home: home)
    }

    /// Runs kemuning under `timeout` (exit 124 if it hangs) and other wrappers.
    func runWrapped(_ wrapper: [String], _ args: [String]) -> RunResult {
        runProcess(wrapper[0], Array(wrapper.dropFirst()) + [Paths.binary, "--store", store] + args,
                   environment: testEnvironment(home: home))
    }

    func mode(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode : nil
    }

    /// A store with an applicant and a vacancy, folded into its snapshot.
    func seeded() {
        let r = run(["-c", "applicant add --nik 3201234567890001 --name Sukma --born 1996-04-12; vacancy add --title Analis --unit Umum --seats 1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(listDirectory(store).contains("snapshot.json"))
    }

    /// The seeded store turned back into format 1 (one whole `snapshot.json`), as a store
    /// kemuning wrote before format 2 is: the named-snapshot form of the same state.
    func seededFormat1() {
        seeded()
        let r = run(["-c", "snapshot save whole"])
        #expect(r.status == 0, "\(r.stderr)")
        let whole = readFile(store + "/snapshots/whole.json")!
        #expect(whole.hasPrefix(#"{"format":"kemuning-snapshot","version":1,"#))
        Paths.removeTree(store + "/snapshots")
        Paths.removeTree(store + "/data")
        writeFile(store + "/snapshot.json", whole)
        chmod(store + "/snapshot.json", 0o600)
    }

    func damage(_ pattern: String, upTo end: String, with replacement: String) -> (file: String, text: String)? {
        editSnapshotFiles(of: store, pattern, upTo: end, with: replacement)
    }

    // MARK: 1. wrong-typed keys

    @Test(arguments: ["null", "\"x\"", "{}"])
    func aWrongTypedListIsRefusedNotReadAsEmpty(_ value: String) throws {
        defer { Paths.removeTree(home) }
        seededFormat1()
        let original = readFile(store + "/snapshot.json")!
        let damaged = original.replacingFirst(of: "\"applicants\":[", upTo: "]", with: "\"applicants\":\(value)")
        #expect(damaged != original)
        writeFile(store + "/snapshot.json", damaged)
        let check = run(["-c", "store check"])
        #expect(check.status == 3)
        #expect(check.stderr.contains("'applicants' must be a list of records"), "\(check.stderr)")
        let add = run(["-c", "vacancy add --title X --unit Y --seats 1"])
        #expect(add.status == 3)
        #expect(readFile(store + "/snapshot.json") == damaged, "the snapshot must be left as it was")
    }

    /// In format 2, the manifest's entry for a part, of a wrong type: refused, never read as a
    /// kind with no records, and nothing rewritten.
    @Test(arguments: ["null", "\"x\"", "{}", "[]"])
    func aWrongTypedPartIsRefusedNotReadAsEmpty(_ value: String) throws {
        defer { Paths.removeTree(home) }
        seeded()
        let original = readFile(store + "/snapshot.json")!
        let damaged = original.replacingFirst(of: "\"applicants\":{", upTo: "}", with: "\"applicants\":\(value)")
        #expect(damaged != original)
        writeFile(store + "/snapshot.json", damaged)
        let parts = listDirectory(store + "/data").sorted()
        for command in ["store check", "applicant list", "vacancy add --title X --unit Y --seats 1"] {
            let r = run(["-c", command])
            #expect(r.status == 3, "\(command): \(r.stdout)")
            #expect(r.stderr.contains("applicants"), "\(command): \(r.stderr)")
            #expect(r.stderr.contains(store + "/snapshot.json"), "\(command): \(r.stderr)")
        }
        #expect(readFile(store + "/snapshot.json") == damaged, "the snapshot must be left as it was")
        #expect(listDirectory(store + "/data").sorted() == parts, "no part may be added or removed")
    }

    // MARK: 4, 7 and 21. unknown keys, values out of range, messages that say where

    /// Each damage to a real store is refused with exit 3 and a message naming the file, where
    /// in it, and the field; the files are left as they were. Before, an unknown key was
    /// dropped at the next fold, an out-of-range value crashed a command (SIGILL), and a
    /// version of 1e400 was "missing". Tried on a store of each format: in format 2 the
    /// damage is in the manifest or in the part holding the field.
    @Test(arguments: [
        (#""format":"#, #""note":"kept?","format":"#, "vacancy list", "unknown key 'note' at the top level"),
        (#""name":"Sukma""#, #""name":"Sukma","nickname":"Uma""#, "vacancy list", "applicants[0] (A1): unknown key 'nickname'"),
        (#""seq":2,"#, #""seq":9223372036854775807,"#, "vacancy add --title X --unit Y --seats 1", "\"seq\" must be from 0 to 9007199254740992"),
        (#""V":1"#, #""V":9223372036854775807"#, "vacancy add --title X --unit Y --seats 1", "counter 'V' must be from 0 to 999999999999999"),
        (#""catMax":500"#, #""catMax":0"#, "vacancy show V1", "vacancies[0] (V1): vacancy 'catMax' must be from 1 to 1000, not 0"),
        (#""seats":1"#, #""seats":-5"#, "vacancy list", "vacancy 'seats' must be from 1 to 100000, not -5"),
        (#""version":1"#, #""version":1e400"#, "vacancy list", "\"version\" must be a whole number, not 1e400"),
        (#""born":"1996-04-12""#, #""born":"3000-01-01""#, "vacancy list", "applicants[0] (A1): applicant 'born' is 3000-01-01, outside the supported dates"),
    ])
    func aDamagedFieldIsRefusedByNameAndTheFilesKept(_ pattern: String, _ replacement: String, _ command: String, _ message: String) throws {
        for format in [1, 2] {
            defer { Paths.removeTree(home) }
            if format == 1 { seededFormat1() } else { seeded() }
            let before = listDirectory(store).sorted()
            // The version a store of this format has.
            let pattern = pattern == #""version":1"# ? #""version":\#(format)"# : pattern
            let damaged = try #require(damage(pattern, upTo: "", with: replacement), "format \(format): \(pattern) is not in the store")
            let manifest = readFile(store + "/snapshot.json")
            // In format 2 a kind is read when a command needs it: `vacancy list` does not read
            // the applicants, so it is asked of a command that does.
            let command = format == 2 && damaged.file.hasPrefix("data/applicants.") ? "applicant list" : command
            for c in [command, "store check"] {
                let r = run(["-c", c])
                #expect(r.status == 3, "format \(format): \(c): \(r.stderr)")
                #expect(r.stderr.contains(message), "format \(format): \(r.stderr)")
                #expect(r.stderr.contains(store + "/" + damaged.file + ":1:"), "format \(format): the message names no file, line and column: \(r.stderr)")
            }
            #expect(readFile(store + "/" + damaged.file) == damaged.text)
            #expect(readFile(store + "/snapshot.json") == manifest)
            #expect(listDirectory(store).sorted() == before)
        }
    }

    // MARK: 2. links planted in the store

    @Test func aLockLinkedToAnotherFileIsRefusedAndTheFileLeftAlone() throws {
        defer { Paths.removeTree(home) }
        seeded()
        let victim = home + "/victim.txt"
        writeFile(victim, "precious\n")
        chmod(victim, 0o644)
        unlink(store + "/lock")
        symlink(victim, store + "/lock")
        let r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("lock is a symbolic link"), "\(r.stderr)")
        #expect(readFile(victim) == "precious\n")
        #expect(mode(victim).map { $0 & 0o777 } == 0o644)
    }

    @Test func aJournalLinkedElsewhereIsNeitherReadNorTruncated() throws {
        defer { Paths.removeTree(home) }
        seeded()
        let victim = home + "/victim.jsonl"
        writeFile(victim, "{\"not\": \"a journal line, and no newline")
        unlink(store + "/journal.jsonl")
        symlink(victim, store + "/journal.jsonl")
        for command in ["vacancy list", "vacancy add --title X --unit Y --seats 1"] {
            let r = run(["-c", command])
            #expect(r.status == 3, "\(command)")
            #expect(r.stderr.contains("journal.jsonl is a symbolic link"), "\(r.stderr)")
        }
        #expect(readFile(victim) == "{\"not\": \"a journal line, and no newline")
    }

    @Test func aDanglingLinkIsNotCreatedThrough() throws {
        defer { Paths.removeTree(home) }
        seeded()
        let target = home + "/created-through-the-link"
        unlink(store + "/journal.jsonl")
        symlink(target, store + "/journal.jsonl")
        let r = run(["-c", "vacancy add --title X --unit Y --seats 1"])
        #expect(r.status == 3)
        #expect(mode(target) == nil, "a file was created through the link")
    }

    @Test func aSnapshotsFolderLinkedOutsideGetsNoCopyOfTheData() throws {
        defer { Paths.removeTree(home) }
        seeded()
        let outside = home + "/outside"
        mkdir(outside, 0o700)
        symlink(outside, store + "/snapshots")
        let r = run(["-c", "snapshot save leak"])
        #expect(r.status == 3)
        #expect(listDirectory(outside).isEmpty, "full NIKs were written outside the store")
    }

    @Test(arguments: ["/dev/zero", "fifo", "directory"])
    func aSnapshotThatIsNotARegularFileIsRefusedAtOnce(_ kind: String) throws {
        defer { Paths.removeTree(home) }
        seeded()
        unlink(store + "/snapshot.json")
        switch kind {
        case "fifo": mkfifo(store + "/snapshot.json", 0o600)
        case "directory": mkdir(store + "/snapshot.json", 0o700)
        default: symlink(kind, store + "/snapshot.json")
        }
        let r = runWrapped(["/usr/bin/timeout", "20"], ["-c", "vacancy list"])
        #expect(r.status == 3, "\(kind): \(r.stderr)")
        #expect(r.stderr.contains("snapshot.json is"), "\(r.stderr)")
    }

    // MARK: 15. permissions

    @Test(arguments: [0o777 as mode_t, 0o770, 0o722])
    func aStoreOthersCanWriteIsRefused(_ m: mode_t) throws {
        defer { Paths.removeTree(home) }
        seeded()
        chmod(store, m)
        let r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("can be written by others"), "\(r.stderr)")
        #expect(r.stderr.contains("chmod 700 \(store)"))
        chmod(store, 0o750)
        #expect(run(["-c", "vacancy list"]).status == 0, "a store others may only read is usable")
    }

    @Test func aStoreOwnedBySomeoneElseIsRefused() throws {
        defer { Paths.removeTree(home) }
        guard geteuid() == 0 else { return }  // only root can give a directory away
        seeded()
        chown(store, 65534, 65534)
        let r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("belongs to user 65534"), "\(r.stderr)")
    }

    // MARK: 16. leftovers of killed writers

    @Test func temporaryFilesOfKilledWritersAreRemovedAndReported() throws {
        defer { Paths.removeTree(home) }
        seeded()
        mkdir(store + "/snapshots", 0o700)
        writeFile(store + "/snapshot.json.tmp-99999", "{\"nik\": \"3201234567890001\"}")
        writeFile(store + "/snapshots/old.json.tmp-99998", "{\"nik\": \"3201234567890001\"}")
        // A reader (another process holds the lock) sees them and says so.
        let holder = spawnBackground("/usr/bin/flock", ["-o", "-x", store + "/lock", "/bin/sleep", "5"], stdout: "/dev/null",
                                     environment: testEnvironment(home: home))
        usleep(200_000)
        let check = run(["-c", "store check"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("snapshot.json.tmp-99999"), "\(check.stdout)")
        #expect(check.stdout.contains("snapshots/old.json.tmp-99998"), "\(check.stdout)")
        kill(holder, SIGKILL)
        var status: Int32 = 0
        waitpid(holder, &status, 0)
        // The next writer removes them.
        let r = run(["-c", "store check"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!listDirectory(store).contains("snapshot.json.tmp-99999"))
        #expect(listDirectory(store + "/snapshots").isEmpty)
    }

    // MARK: 17. journal order

    @Test(arguments: [[1, 1], [1, 2, 1], [1, 2, 2], [2]])
    func aJournalWhoseChangesRepeatGoBackOrSkipIsRefused(_ seqs: [Int]) throws {
        defer { Paths.removeTree(home) }
        mkdir(store, 0o700)
        let lines = seqs.enumerated().map { k, seq in
            #"{"seq":\#(seq),"op":"policy.set","data":{"name":"jp-target","value":"\#(20 + k)"}}"#
        }
        writeFile(store + "/journal.jsonl", lines.joined(separator: "\n") + "\n")
        let r = run(["-c", "policy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("journal.jsonl:\(seqs.count == 1 ? 1 : seqs.count):1: the journal"), "\(r.stderr)")
    }

    // MARK: 9. readers racing a writer's folds

    @Test func readersRacingFoldsNeverSeeACorruptStore() throws {
        defer { Paths.removeTree(home) }
        // A snapshot big enough that reading it takes a while: the window in which a writer's
        // fold replaces it between the reader's reading of the snapshot and of the journal.
        let seed = home + "/seed.kmn"
        writeFile(seed, (1...2000).map { k in
            "applicant add --nik 3201\(String(100_000_000_000 + k).suffix(12)) --name \"Pelamar \(k)\" --born 1995-01-01"
        }.joined(separator: "\n") + "\n")
        #expect(run(["run", seed]).status == 0)
        let script = home + "/writer.kmn"
        writeFile(script, (1...5000).map { "vacancy add --title W\($0) --unit U --seats 1\nsave" }.joined(separator: "\n") + "\n")
        let writer = spawnBackground(Paths.binary, ["--store", store, "run", script], stdout: "/dev/null", environment: testEnvironment(home: home))
        // The writer holds the lock before the first reader starts (else a reader would).
        for _ in 0..<2000 where readFile(store + "/lock") != "\(writer)\n" { usleep(5_000) }
        #expect(readFile(store + "/lock") == "\(writer)\n")
        var failures: [String] = []
        var reads = 0
        for _ in 0..<30 {
            let r = run(["-c", "vacancy list; store check"])
            reads += 1
            if r.status != 0 { failures.append(r.stderr) }
        }
        // The writer was still folding all along (else the race was not run): stop it.
        #expect(kill(writer, SIGKILL) == 0, "the writer ended before the readers did")
        var status: Int32 = 0
        waitpid(writer, &status, 0)
        #expect(failures.isEmpty, "\(failures.count) of \(reads) reads failed: \(failures.prefix(3))")
        #expect(run(["-c", "store check"]).status == 0)
    }

    // MARK: 5 and 19. a full disk

    /// A file-size limit stands in for a full disk: writes past it fail with EFBIG.
    @Test func aFullDiskFailsTheCommandAtItsLineAndLosesNothingAcknowledged() throws {
        defer { Paths.removeTree(home) }
        mkdir(store, 0o700)
        let script = home + "/fill.kmn"
        writeFile(script, (1...200).map { "vacancy add --title V\($0) --unit U --seats 1" }.joined(separator: "\n") + "\n")
        let r = runWrapped(["/usr/bin/prlimit", "--fsize=16384"], ["run", script])
        #expect(r.status == 3, "\(r.stderr)")
        let acknowledged = r.stdout.split(separator: "\n").filter { $0.hasSuffix(" added") }.count
        #expect(acknowledged > 10 && acknowledged < 200)
        // The failure names the script's line: the first command not acknowledged.
        #expect(r.stderr.contains("\(script):\(acknowledged + 1):1: error: the change was not recorded"), "\(r.stderr)")
        #expect(r.stderr.contains("File too large"))
        // Every acknowledged change is there; none that failed.
        let list = run(["--format", "csv", "-c", "vacancy list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(whereSeparator: \.isNewline).count == acknowledged + 1)
        #expect(run(["-c", "store check"]).status == 0)
    }

    @Test func aReadSucceedsWhenTheFoldAtExitCannotRun() throws {
        defer { Paths.removeTree(home) }
        mkdir(store, 0o700)
        // An unfolded journal (its writer was killed) that folds into a snapshot bigger than the
        // file-size limit below (which the list, written to a file, stays under).
        let script = home + "/grow.kmn"
        writeFile(script, (1...150).map { "vacancy add --title V\($0) --unit U --seats 1" }.joined(separator: "\n") + "\nsleep 60000\n")
        let out = home + "/out.txt"
        let writer = spawnBackground(Paths.binary, ["--store", store, "run", script], stdout: out, environment: testEnvironment(home: home))
        // Its output is flushed when it starts to sleep, after the last change.
        for _ in 0..<6000 where (readFile(out) ?? "").split(separator: "\n").count < 150 { usleep(10_000) }
        #expect((readFile(out) ?? "").split(separator: "\n").count == 150, "the writer did not get to its sleep")
        kill(writer, SIGKILL)
        var status: Int32 = 0
        waitpid(writer, &status, 0)
        #expect(!listDirectory(store).contains("snapshot.json"))
        let r = runWrapped(["/usr/bin/prlimit", "--fsize=16384"], ["--format", "csv", "-c", "vacancy list"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(whereSeparator: \.isNewline).count == 151, "\(r.stdout.suffix(300)) \(r.stderr)")
        #expect(r.stderr.contains("warning: could not fold the journal into the snapshot"), "\(r.stderr)")
        #expect(run(["-c", "store check"]).status == 0)
    }
}

extension String {
    /// The text with the first `start ... end` span (from `start` to the next `end` after it)
    /// replaced.
    func replacingFirst(of start: String, upTo end: String, with replacement: String) -> String {
        let b = Array(utf8), s = Array(start.utf8), e = Array(end.utf8)
        guard b.count >= s.count else { return self }
        for i in 0...(b.count - s.count) where Array(b[i..<(i + s.count)]) == s {
            var j = i + s.count
            while j + e.count <= b.count && Array(b[j..<(j + e.count)]) != e { j += 1 }
            guard j + e.count <= b.count else { return self }
            return String(decoding: b[..<i] + Array(replacement.utf8) + b[(j + e.count)...], as: UTF8.self)
        }
        return self
    }
}
