#if canImport(Glibc)
import Glibc
#endif
import Testing

/// How the process ends when its output cannot be written or a signal asks it to stop: the
/// failure is reported with an exit code that says so, and the store is closed properly, so
/// every change it acknowledged is kept and none it made goes unreported.
@Suite(.serialized) struct ProcessEndTests {
    let home = Paths.temporaryDirectory()
    var store: String { home + "/store" }

    /// The ids of `vacancy list` in the store, read by a fresh process.
    func storedVacancies() -> [String] {
        let r = kemuning(["--store", store, "--format", "csv", "-c", "vacancy list"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
    }

    struct FullDisk: CustomStringConvertible, Sendable {
        var name: String
        var args: [String]
        var description: String { name }
    }

    static let fullDisks: [FullDisk] = [
        FullDisk(name: "one short line, written at the end", args: ["-c", "echo hi"]),
        FullDisk(name: "a CSV export cut off at 64 KiB", args: ["--format", "csv", "-c", "echo \(String(repeating: "x", count: 70_000)); echo more"]),
        FullDisk(name: "a script from stdin", args: []),
    ]

    /// `>/dev/full`: the system says the disk is full on every write. Reading a full device is
    /// harmless: this writes nothing anywhere.
    @Test("a full disk on standard output is an error", arguments: ProcessEndTests.fullDisks)
    func fullDiskOnStandardOutput(_ c: FullDisk) {
        defer { Paths.removeTree(home) }
        writeFile(home + "/in", "echo hi\n")
        guard let pid = spawn(Paths.binary, ["--store", store] + c.args, stdin: home + "/in", stdout: "/dev/full", stderr: home + "/err",
                              environment: testEnvironment(home: home)) else {
            Issue.record("spawn failed")
            return
        }
        let status = waitStatus(pid)
        let stderr = readFile(home + "/err") ?? ""
        #expect(status == .exited(1), "\(stderr)")
        #expect(stderr.contains("kemuning: error: cannot write to standard output: No space left on device"), "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "one line: \(stderr)")
    }

    @Test func changesMadeBeforeTheOutputFailedAreKeptAndTheRestIsNotRun() {
        defer { Paths.removeTree(home) }
        let big = String(repeating: "x", count: 70_000)
        guard let pid = spawn(Paths.binary, ["--store", store, "-c", "vacancy add --title A --unit U --seats 1; echo \(big); vacancy add --title B --unit U --seats 1"],
                              stdin: "/dev/null", stdout: "/dev/full", stderr: home + "/err", environment: testEnvironment(home: home)) else {
            Issue.record("spawn failed")
            return
        }
        #expect(waitStatus(pid) == .exited(1))
        #expect(storedVacancies() == ["V1"], "the first change is kept; nothing runs once the output is lost")
        let check = kemuning(["--store", store, "-c", "store check"], home: home)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// `kemuning ... | head -1`: a reader that has gone away ends the program quietly, as it
    /// does `yes`, with the status of a SIGPIPE; what was acknowledged is kept.
    @Test func aClosedPipeEndsQuietly() {
        defer { Paths.removeTree(home) }
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])  // nobody will read
        let big = String(repeating: "x", count: 70_000)
        let pid = spawnWithStdout(fd: fds[1], ["--store", store, "-c", "vacancy add --title A --unit U --seats 1; echo \(big); vacancy add --title B --unit U --seats 1"])
        close(fds[1])
        #expect(waitStatus(pid) == .exited(141))
        #expect((readFile(home + "/err") ?? "").isEmpty, "\(readFile(home + "/err") ?? "")")
        #expect(storedVacancies() == ["V1"])
    }

    struct Stop: CustomStringConvertible, Sendable {
        var signal: Int32
        var name: String
        var description: String { name }
    }

    /// A long script is stopped by SIGTERM (a shutdown, `timeout`) or SIGHUP (the terminal
    /// went away): the command under way finishes, its output and all before it are written,
    /// the store is closed, and the exit code is 128 + the signal.
    @Test("SIGTERM and SIGHUP end a script cleanly", arguments: [Stop(signal: SIGTERM, name: "SIGTERM"), Stop(signal: SIGHUP, name: "SIGHUP")])
    func terminatingSignalEndsCleanly(_ stop: Stop) {
        defer { Paths.removeTree(home) }
        let script = home + "/long.kmn"
        writeFile(script, "set today 2026-11-29\n" + (1...30_000).map { "vacancy add --title T\($0) --unit U --seats 1" }.joined(separator: "\n") + "\n")
        let outPath = home + "/out.txt"
        let pid = spawnBackground(Paths.binary, ["--store", store, "run", script], stdout: outPath, environment: testEnvironment(home: home))
        // Output is written in 64 KiB blocks: wait for the first, then stop it mid-stream.
        for _ in 0..<1000 where (readFile(outPath) ?? "").isEmpty { usleep(10_000) }
        kill(pid, stop.signal)
        #expect(waitStatus(pid) == .exited(128 + stop.signal), "\(readFile(outPath + ".err") ?? "")")
        let acknowledged = (readFile(outPath) ?? "").split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.count == 3 && words[2] == "added" ? String(words[1]) : nil
        }
        #expect(acknowledged.count > 100 && acknowledged.count < 30_000, "stopped after \(acknowledged.count)")
        #expect(storedVacancies() == acknowledged, "every change kept is reported, and every one reported is kept")
        #expect((readFile(outPath + ".err") ?? "").contains("error: stopped by \(stop.name)"), "\(readFile(outPath + ".err") ?? "")")
    }

    enum Status: Equatable, CustomStringConvertible {
        case exited(Int32)
        case killed(Int32)
        var description: String {
            switch self {
            case .exited(let c): return "exited \(c)"
            case .killed(let s): return "killed by signal \(s)"
            }
        }
    }

    func waitStatus(_ pid: pid_t) -> Status {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .killed(status & 0x7f)
    }

    /// Starts kemuning with `fd` as its standard output and stderr to `home/err`.
    func spawnWithStdout(fd: Int32, _ args: [String]) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, home + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attr, &all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([Paths.binary] + args).map { strdup($0) } + [nil]
        let env = testEnvironment(home: home).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        var pid = pid_t()
        #expect(posix_spawn(&pid, Paths.binary, &actions, &attr, argv, env) == 0)
        return pid
    }
}
