#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The store as a user meets it: through the real binary, with crashes, locks and damage.
@Suite(.serialized) struct StoreProcessTests {
    let home = Paths.temporaryDirectory()
    var store: String { home + "/store" }

    func run(_ args: [String], input: String? = nil) -> RunResult {
        kemuning(["--store", store] + args, input: input, home: home)
    }

    func applicantLines(_ n: Int, from start: Int = 1) -> String {
        (start..<(start + n)).map { k in
            let nik = "3201" + String(1_000_000_000_00 + k).suffix(12)
            return "applicant add --nik \(nik) --name \"Pelamar \(k) — Ā\" --born 1995-01-01 --education S1 --gpa 3.50"
        }.joined(separator: "\n")
    }

    @Test func killNineLosesNoAcknowledgedChange() throws {
        defer { Paths.removeTree(home) }
        let script = home + "/long.kmn"
        writeFile(script, "set today 2026-11-29\n" + applicantLines(30_000) + "\n")
        let outPath = home + "/out.txt"
        let pid = spawnBackground(Paths.binary, ["--store", store, "run", script], stdout: outPath, environment: testEnvironment(home: home))
        // Wait until it has acknowledged a good number of changes, then kill it mid-stream.
        var printed = 0
        for _ in 0..<400 {
            usleep(10_000)
            printed = (readFile(outPath) ?? "").split(separator: "\n").count
            if printed > 3000 { break }
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect((status & 0x7f) == SIGKILL, "the script ended before it could be killed")
        let ids = (readFile(outPath) ?? "").split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.count == 3 && words[2] == "added" ? String(words[1]) : nil
        }
        #expect(ids.count > 3000)
        let list = run(["--format", "jsonl", "-c", "applicant list"])
        #expect(list.status == 0, "\(list.stderr)")
        let stored = Set(list.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.firstRange(of: "\"id\":\"") else { return nil }
            return String(line[r.upperBound...].prefix { $0 != "\"" })
        })
        let lost = ids.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "acknowledged but lost: \(lost.prefix(5))")
        let check = run(["-c", "store check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aSecondWriterIsRefusedWithTheHoldersPid() throws {
        defer { Paths.removeTree(home) }
        writeFile(home + "/hold.kmn", "vacancy add --title Analis --unit Bappeda --seats 1\nsleep 4000\n")
        let pid = spawnBackground(Paths.binary, ["--store", store, "run", home + "/hold.kmn"], stdout: home + "/o", environment: testEnvironment(home: home))
        defer {
            kill(pid, SIGKILL)
            var st: Int32 = 0
            waitpid(pid, &st, 0)
        }
        for _ in 0..<300 where (readFile(store + "/lock") ?? "").isEmpty { usleep(10_000) }
        usleep(100_000)
        let write = run(["-c", "vacancy add --title Kedua --unit Bappeda --seats 1"])
        #expect(write.status == 3)
        #expect(write.stderr.contains("store \(store) is in use by process \(pid)"), "\(write.stderr)")
        let read = run(["-c", "vacancy list"])
        #expect(read.status == 0, "a reader may still look: \(read.stderr)")
        #expect(read.stdout.contains("Analis"))
    }

    @Test func corruptSnapshotStopsWithFileAndPositionAndChangesNothing() throws {
        defer { Paths.removeTree(home) }
        #expect(run(["-c", "vacancy add --title Analis --unit Bappeda --seats 1; save"]).status == 0)
        let good = try #require(readBytes(store + "/snapshot.json"))
        // Truncated in the middle.
        writeFile(store + "/snapshot.json", Array(good.prefix(good.count / 2)))
        var r = run(["-c", "vacancy add --title Kedua --unit Bappeda --seats 1"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("snapshot.json:1:"), "\(r.stderr)")
        #expect(r.stderr.contains("corrupt snapshot"), "\(r.stderr)")
        #expect(readBytes(store + "/snapshot.json") == Array(good.prefix(good.count / 2)), "the damaged file was overwritten")
        // Garbage on line 2.
        writeFile(store + "/snapshot.json", "{\n  \"format\": nope\n}\n")
        r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("snapshot.json:2:13"), "\(r.stderr)")
    }

    @Test func newerFormatIsRefused() throws {
        defer { Paths.removeTree(home) }
        #expect(run(["-c", "vacancy add --title Analis --unit Bappeda --seats 1"]).status == 0)
        let text = try #require(readFile(store + "/snapshot.json"))
        writeFile(store + "/snapshot.json", text.replacingOccurrences("\"version\":2", with: "\"version\":3"))
        let r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("format version 3, newer than this kemuning reads (2)"), "\(r.stderr)")
    }

    @Test func badJournalLineInTheMiddleIsCorruption() throws {
        defer { Paths.removeTree(home) }
        // Keep the journal: a second process holding nothing, so we write it by hand.
        mkdir(store, 0o700)
        let a = #"{"seq":1,"op":"vacancy.add","data":{"vacancy":{"id":"V1","title":"A","unit":"U","seats":1,"type":"cpns","education":[],"state":"draft","created":"2026-11-29"}}}"#
        let b = #"{"seq":3,"op":"vacancy.add","data":{"vacancy":{"id":"V2","title":"B","unit":"U","seats":1,"type":"cpns","education":[],"state":"draft","created":"2026-11-29"}}}"#
        writeFile(store + "/journal.jsonl", a + "\n{\"seq\":2,\"op\":\n" + b + "\n")
        var r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("journal.jsonl:2:"), "\(r.stderr)")
        writeFile(store + "/journal.jsonl", a + "\n" + b + "\n")
        r = run(["-c", "vacancy list"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("journal.jsonl:2:1: the journal skips from change 1 to 3"), "\(r.stderr)")
    }

    @Test func tornJournalTailIsDroppedWithAWarning() throws {
        defer { Paths.removeTree(home) }
        mkdir(store, 0o700)
        let a = #"{"seq":1,"op":"vacancy.add","data":{"vacancy":{"id":"V1","title":"A","unit":"U","seats":1,"type":"cpns","education":[],"state":"draft","created":"2026-11-29"}}}"#
        writeFile(store + "/journal.jsonl", a + "\n" + #"{"seq":2,"op":"vacancy.add","data":{"vac"#)
        let r = run(["-c", "vacancy add --title Kedua --unit U --seats 1; vacancy list"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("journal.jsonl:2: dropped a torn last line"), "\(r.stderr)")
        #expect(r.stdout.contains("vacancy V2 added"))
        let again = run(["-c", "store check; vacancy list"])
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty, "the torn tail was not repaired: \(again.stderr)")
        #expect(again.stdout.contains("Kedua"))
    }

    /// Under --format json or jsonl a warning on stderr is a JSON line, as errors are: the same
    /// torn tail, warned about to automation.
    @Test(arguments: ["json", "jsonl"])
    func aWarningIsAJSONLineUnderJSON(_ format: String) throws {
        defer { Paths.removeTree(home) }
        mkdir(store, 0o700)
        let a = #"{"seq":1,"op":"vacancy.add","data":{"vacancy":{"id":"V1","title":"A","unit":"U","seats":1,"type":"cpns","education":[],"state":"draft","created":"2026-11-29"}}}"#
        writeFile(store + "/journal.jsonl", a + "\n" + #"{"seq":2,"op":"vacancy.add","data":{"vac"#)
        let r = run(["--format", format, "-c", "vacancy add --title Kedua --unit U --seats 1"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(lines.first?.hasPrefix(#"{"severity":"warning","message":""#) == true, "\(r.stderr)")
        #expect(r.stderr.contains("journal.jsonl:2: dropped a torn last line"), "\(r.stderr)")
    }

    @Test func filesArePrivate() throws {
        defer { Paths.removeTree(home) }
        #expect(run(["-c", "applicant add --nik 3201234567890001 --name Budi --born 1990-01-01; snapshot save s; applicant add --nik 3201234567890002 --name Sari --born 1990-01-01"]).status == 0)
        func mode(_ p: String) -> mode_t {
            var st = stat()
            stat(p, &st)
            return st.st_mode & 0o777
        }
        #expect(mode(store) == 0o700)
        for f in ["snapshot.json", "journal.jsonl", "lock", "snapshots/s.json"] {
            #expect(mode(store + "/" + f) == 0o600, "\(f)")
        }
    }

    @Test func unusableStoreDirectoryExitsThree() {
        defer { Paths.removeTree(home) }
        let r = kemuning(["--store", "/proc/kemuning-store", "-c", "vacancy list"], home: home)
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot use store /proc/kemuning-store"), "\(r.stderr)")
        // Commands that need no store do not open it.
        #expect(kemuning(["--store", "/proc/kemuning-store", "-c", "echo hi; help"], home: home).status == 0)
    }

    @Test func snapshotsValidateAgainstTheSchema() throws {
        defer { Paths.removeTree(home) }
        #expect(run(["-c", "set today 2026-11-29; vacancy add --title Analis --unit Bappeda --seats 2 --education S1 --education 'D3 Akuntansi'; applicant add --nik 3201234567890001 --name 'Sukmawati Rahayu — Ā' --born 1996-04-12 --education S1 --gpa 3.62; applicant add --nik 3201234567890002 --name Budi --born 1990-01-01; applicant add --nik 3201234567890003 --name Sari --born 2004-01-01 --education 'SMK Akuntansi' --gpa 85.50; snapshot save demo; save"]).status == 0)
        // A whole recruitment round fills every kind of record: applications, job fairs, employees, the audit trail.
        let round = kemuning(["--store", home + "/round", "run", Paths.root + "/scripts/examples/recruitment-round.kmn"], home: home)
        #expect(round.status == 0, "\(round.stderr)")
        // The feedback loop fills the tables of the other kinds (surveys, services, trainings, actions, ...).
        let loop = kemuning(["--store", home + "/loop", "run", "feedback-loop.kmn"], home: home, cwd: Paths.root + "/scripts/examples")
        #expect(loop.status == 0, "\(loop.stderr)")
        // The staff lifecycle writes the employee's optional keys (appointed, ended, transfers).
        let staff = kemuning(["--store", home + "/staff", "run", "staff-lifecycle.kmn"], home: home, cwd: Paths.root + "/scripts/examples")
        #expect(staff.status == 0, "\(staff.stderr)")
        let check = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        kinds = {"vacancies": "vacancy", "applicants": "applicant", "applications": "application",
                 "jobfairs": "jobfair", "employees": "employee", "audit": "auditEntry"}
        def validate(path, value, validator):
            errors = list(validator.iter_errors(value))
            for e in errors: print(path, e.message)
            if errors: sys.exit(1)
        lines = 0
        for path in sys.argv[2:]:
            top = json.load(open(path))
            validate(path, top, v)
            # A manifest: each line of each part against the schema of its kind.
            for key, part in top.get("parts", {}).items():
                kind = jsonschema.Draft202012Validator({"$ref": "#/$defs/" + kinds.get(key, "tableRecord"), "$defs": schema["$defs"]})
                file = path.rsplit("/", 1)[0] + "/" + part["file"]
                data = open(file, "rb").read()[:part["bytes"]]
                for n, line in enumerate(data.split(b"\\n")[:-1]):
                    validate(file + ":" + str(n + 1), json.loads(line), kind)
                    lines += 1
        if lines < 50: sys.exit("only %d lines of parts were checked" % lines)
        print("valid")
        """
        let r = runProcess("/bin/sh", ["-c", "python3 -c \"$0\" \"$@\"", check, Paths.root + "/docs/snapshot.schema.json",
                                         store + "/snapshot.json", store + "/snapshots/demo.json", home + "/round/snapshot.json",
                                         home + "/loop/snapshot.json", home + "/staff/snapshot.json"], environment: nil)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout == "valid\n")
    }

    /// A change to one application neither reads nor rewrites all of them: it is kept beside
    /// the applications' part (read in pieces) until a fold. Shown by damaging another
    /// application's line: the change, and reading the changed one back in the next process,
    /// work; a command that needs every application is refused naming the damaged line; and
    /// once the damage is mended, a fold writes the change into the part.
    @Test func aChangeToOneApplicationReadsOnlyThatOne() throws {
        defer { Paths.removeTree(home) }
        let setup = """
        set today 2026-11-02
        vacancy add --title Analis --unit Bappeda --seats 1 --education S1
        vacancy announce V1 --channel portal --opens 2026-11-02 --closes 2026-11-15
        applicant add --nik 3201234567890001 --name Sukma --born 1995-01-01 --education S1 --gpa 3.50
        applicant add --nik 3201234567890002 --name Budi --born 1994-02-02 --education S1 --gpa 3.10
        set today 2026-11-04
        apply A1 V1 --source portal --date 2026-11-03
        apply A2 V1 --source portal --date 2026-11-04
        set today 2026-11-16
        vacancy advance V1
        save
        """
        #expect(run(["-c", setup]).status == 0)
        let part = try #require(listDirectory(store + "/data").first { $0.hasPrefix("applications.") })
        let original = try #require(readFile(store + "/data/" + part))
        // P2's line, damaged (a key no kemuning writes): a whole read of the part is refused.
        let manifest = try #require(readFile(store + "/snapshot.json"))
        let edit = try #require(editSnapshotFiles(of: store, #"{"id":"P2","#, with: #"{"id":"P2","zzz":1,"#))
        #expect(edit.file == "data/" + part)
        let damaged = edit.text

        let screen = run(["-c", "set today 2026-11-16; screen P1 --pass"])
        #expect(screen.status == 0, "\(screen.stderr)")
        #expect(readFile(store + "/data/" + part) == damaged, "the part was rewritten")
        let show = run(["--format", "json", "-c", "application show P1"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains(#""screening": {\#n    "result": "pass",\#n    "reason": null,\#n    "date": "2026-11-16"\#n  }"#), "\(show.stdout)")
        let all = run(["-c", "application list"])
        #expect(all.status == 3)
        #expect(all.stderr.contains(store + "/data/" + part + ":2:"), "\(all.stderr)")
        #expect(all.stderr.contains("zzz"), "\(all.stderr)")

        // Mended, the part reads whole, with the change; a fold writes it there.
        writeFile(store + "/data/" + part, original)
        writeFile(store + "/snapshot.json", manifest)
        let save = run(["-c", "save; store check"])
        #expect(save.status == 0, "\(save.stdout)\(save.stderr)")
        let folded = try #require(listDirectory(store + "/data").first { $0.hasPrefix("applications.") })
        #expect(folded != part)
        let line = try #require(readFile(store + "/data/" + folded)?.split(separator: "\n").first)
        #expect(line.contains(#""screening":{"#), "\(line)")
        #expect(run(["--format", "json", "-c", "application show P1"]).stdout == show.stdout)
    }

    /// Registering an applicant neither reads nor rewrites the others: the NIK is looked for
    /// in the applicants' file without parsing it, and the new one is kept beside the file until
    /// a fold. Shown, as above, with another applicant's line damaged.
    @Test func registeringAnApplicantReadsOnlyWhatItMust() throws {
        defer { Paths.removeTree(home) }
        let setup = """
        set today 2026-11-02
        applicant add --nik 3201234567890001 --name Sukma --born 1995-01-01 --education S1 --gpa 3.50
        applicant add --nik 3201234567890002 --name Budi --born 1994-02-02 --education S1 --gpa 3.10
        save
        """
        #expect(run(["-c", setup]).status == 0)
        let part = try #require(listDirectory(store + "/data").first { $0.hasPrefix("applicants.") })
        let original = try #require(readFile(store + "/data/" + part))
        let manifest = try #require(readFile(store + "/snapshot.json"))
        let edit = try #require(editSnapshotFiles(of: store, #""name":"Budi","#, with: #""name":"Budi","zzz":1,"#))
        #expect(edit.file == "data/" + part)
        let damaged = edit.text

        let add = run(["-c", "set today 2026-11-03; applicant add --nik 3201234567890003 --name Wulan --born 1996-03-03"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "applicant A3 added\n")
        #expect(readFile(store + "/data/" + part) == damaged, "the part was rewritten")
        // The NIK of a registered applicant, in the file or beside it, is refused as before.
        for (nik, owner) in [("3201234567890001", "A1"), ("3201234567890003", "A3")] {
            let again = run(["-c", "set today 2026-11-03; applicant add --nik \(nik) --name X --born 1990-01-01"])
            #expect(again.status == 1)
            #expect(again.stderr.contains("is already registered, as applicant \(owner)"), "\(again.stderr)")
        }
        let show = run(["--format", "json", "-c", "applicant show A3"])
        #expect(show.status == 0 && show.stdout.contains(#""name": "Wulan""#), "\(show.stdout)\(show.stderr)")
        #expect(run(["-c", "store info"]).stdout.contains("applicants:      3"))
        let all = run(["-c", "applicant list"])
        #expect(all.status == 3)
        #expect(all.stderr.contains(store + "/data/" + part + ":2:"), "\(all.stderr)")

        writeFile(store + "/data/" + part, original)
        writeFile(store + "/snapshot.json", manifest)
        let save = run(["-c", "save; store check"])
        #expect(save.status == 0, "\(save.stdout)\(save.stderr)")
        let list = run(["--format", "csv", "-c", "applicant list"])
        #expect(list.stdout.split(separator: "\r\n").dropFirst().map { $0.prefix(3) } == ["A1,", "A2,", "A3,"], "\(list.stdout)")
    }

    @Test func reopeningGivesTheSameIdsAndState() {
        defer { Paths.removeTree(home) }
        #expect(run(["-c", "vacancy add --title A --unit U --seats 1; vacancy add --title B --unit U --seats 1"]).status == 0)
        let r = run(["-c", "let v = vacancy add --title C --unit U --seats 1; echo $v; save"])
        #expect(r.stdout.hasPrefix("V3\n"), "\(r.stdout)")
        let r2 = run(["--format", "csv", "-c", "vacancy list"])
        #expect(r2.stdout.contains("V1,A,U,1,cpns,general,,draft,0\r\nV2,B,U,1,cpns,general,,draft,0\r\nV3,C,U,1,cpns,general,,draft,0\r\n"), "\(r2.stdout)")
    }
}

/// Starts a process in the background with stdout to a file (stderr beside it); returns its pid.
func spawnBackground(_ path: String, _ args: [String], stdout: String, environment: [String: String]) -> pid_t {
    spawn(path, args, stdin: "/dev/null", stdout: stdout, stderr: stdout + ".err", environment: environment)!
}
