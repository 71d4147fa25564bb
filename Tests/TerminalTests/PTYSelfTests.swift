// Self-tests for PTYProcess (PTY.swift): the driver itself, against cat, bash, sh and printf.

import Glibc
import Testing

@Suite struct PTYSelfTests {
    /// No HOME: the shells run with --norc and HISTFILE=/dev/null and need none, and a HOME
    /// of /tmp would let them leave files where every user's go.
    static let environment = [
        "PATH": "/usr/bin:/bin",
        "TERM": "xterm",
        "LANG": "C.UTF-8",
        "HISTFILE": "/dev/null",
    ]

    static func bash() throws -> PTYProcess {
        var environment = PTYSelfTests.environment
        environment["PS1"] = "PROMPT> "
        let bash = try PTYProcess(path: "/bin/bash", arguments: ["--norc", "--noprofile", "-i"], environment: environment)
        try bash.expect("PROMPT> ")
        try bash.waitForRawMode()
        return bash
    }

    static func sh(_ script: String) throws -> PTYProcess {
        try PTYProcess(path: "/bin/sh", arguments: ["-c", script], environment: environment)
    }

    static func seconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    @Test func catEchoesTypedTextAndEndsOnCtrlD() throws {
        let cat = try PTYProcess(path: "/bin/cat", arguments: [], environment: Self.environment)
        #expect(cat.pid > 0)
        try cat.send("hello pty — ā\r")
        // The terminal echoes the line, then cat writes it back: two copies, CR LF each (ICRNL, ONLCR).
        try cat.expect("hello pty — ā\r\n")
        let second = try cat.expect("hello pty — ā\r\n")
        #expect(second == "hello pty — ā\r\n")
        try cat.send("\u{4}")
        #expect(try cat.wait() == 0)
        #expect(cat.output == "hello pty — ā\r\nhello pty — ā\r\n")
    }

    @Test func bashRunsACommandAndReportsExitStatus() throws {
        let bash = try Self.bash()
        try bash.send("echo $((6*7))\r")
        let reply = try bash.expect("PROMPT> ")
        #expect(PTYProcess.stripEscapes(reply).contains("\n42\n"))
        try bash.waitForRawMode()
        try bash.send("exit 3\r")
        #expect(try bash.wait() == 3)
    }

    @Test func ctrlCInterruptsSleepUnderBash() throws {
        let bash = try Self.bash()
        try bash.send("echo start-$((1+1)); sleep 10; echo not-$((0))-interrupted\r")
        try bash.expect("start-2\r\n")
        usleep(100_000)
        let started = Self.seconds()
        try bash.send("\u{3}")
        try bash.expect("PROMPT> ", timeout: 3)
        #expect(Self.seconds() - started < 3)
        try bash.waitForRawMode()
        try bash.send("echo alive-$((2+3))\r")
        try bash.expect("alive-5\r\n")
        #expect(!bash.output.contains("not-0-interrupted"))
        try bash.send("exit\r")
        #expect(try bash.wait() == 0)
    }

    @Test func plainOutputStripsEscapeSequences() throws {
        let printf = try PTYProcess(
            path: "/usr/bin/printf",
            arguments: [#"\033[1;31mred\033[0m|\033]0;title\007|\033]8;;http://x\033\\link\033]8;;\033\\|\033(Bx\033=y\033[?2004h\r\n"#],
            environment: Self.environment)
        #expect(try printf.wait() == 0)
        #expect(printf.output.contains("\u{1b}[1;31mred"))
        #expect(printf.plainOutput == "red||link|xy\n")
        #expect(PTYProcess.stripEscapes("a\u{1b}[2K\u{1b}[10Db\u{7}\r\nc\u{1b}7\u{1b}8") == "ab\nc")
    }

    @Test func expectTimesOutWithTheOutputTail() throws {
        let cat = try PTYProcess(path: "/bin/cat", arguments: [], environment: Self.environment)
        try cat.send("abc\u{1b}x\r")
        try cat.expect("abc")
        let started = Self.seconds()
        do {
            try cat.expect("zzz", timeout: 0.3)
            Issue.record("expect should have thrown")
        } catch let error as PTYError {
            let elapsed = Self.seconds() - started
            #expect(elapsed >= 0.3 && elapsed < 2)
            let text = "\(error)"
            #expect(text.contains("expect(zzz): timed out after 0.3 s"))
            #expect(text.contains(#"abc⟨mark⟩^[x\r\n"#) || text.contains(#"abc⟨mark⟩\ex\r\n"#))
            #expect(text.contains("/bin/cat"))
        }
    }

    @Test func expectFailsFastAtEndOfOutput() throws {
        let echo = try PTYProcess(path: "/bin/echo", arguments: ["only this"], environment: Self.environment)
        let started = Self.seconds()
        #expect(throws: PTYError.self) { try echo.expect("never printed", timeout: 5) }
        #expect(Self.seconds() - started < 2)
        #expect(echo.output == "only this\r\n")
        #expect(try echo.wait() == 0)
    }

    @Test func waitForRawModeWaitsForTheSwitch() throws {
        let program = try Self.sh("printf C; sleep 0.3; stty raw -echo; printf R; head -c 1 >/dev/null; printf D")
        try program.expect("C")
        let started = Self.seconds()
        try program.waitForRawMode()
        #expect(Self.seconds() - started > 0.2)
        try program.expect("R")
        // One key, no Enter: only reaches `head` because the terminal is raw now.
        try program.send("x")
        try program.expect("D")
        #expect(try program.wait() == 0)
    }

    @Test(.enabled(if: access("/usr/bin/python3", X_OK) == 0))
    func waitForRawModeWithPython() throws {
        let python = try PTYProcess(
            path: "/usr/bin/python3",
            arguments: ["-c", "import tty,sys; tty.setraw(0); sys.stdout.write('R'); sys.stdout.flush(); sys.stdin.read(1)"],
            environment: Self.environment)
        try python.waitForRawMode()
        try python.expect("R")
        try python.send("q")
        #expect(try python.wait() == 0)
    }

    @Test func waitForRawModeTimesOutWhileCanonical() throws {
        let cat = try PTYProcess(path: "/bin/cat", arguments: [], environment: Self.environment)
        #expect(throws: PTYError.self) { try cat.waitForRawMode(timeout: 0.2) }
    }

    @Test func signalsAreReportedAs128PlusSignal() throws {
        let cat = try PTYProcess(path: "/bin/cat", arguments: [], environment: Self.environment)
        try cat.send("x\r")
        try cat.expect("x\r\nx\r\n")
        cat.kill(SIGTERM)
        #expect(try cat.wait() == 128 + SIGTERM)
    }

    @Test func waitTimesOut() throws {
        let sleeper = try PTYProcess(path: "/bin/sleep", arguments: ["5"], environment: Self.environment)
        #expect(throws: PTYError.self) { _ = try sleeper.wait(timeout: 0.2) }
    }

    @Test func missingProgramExits127() throws {
        let missing = try PTYProcess(path: "/nonexistent/program", arguments: [], environment: Self.environment)
        #expect(try missing.wait() == 127)
        #expect(missing.plainOutput.contains("could not start /nonexistent/program"))
    }

    @Test func environmentIsReplacedAndSizeIsSet() throws {
        let env = try PTYProcess(path: "/bin/sh", arguments: ["-c", "echo \"[$HOME|$TERM|${LANG-unset}|${USER-unset}]\"; stty size"],
                                 environment: ["HOME": "/h o m e", "TERM": "dumb", "PATH": "/usr/bin:/bin"],
                                 rows: 33, cols: 101)
        #expect(try env.wait() == 0)
        #expect(env.plainOutput == "[/h o m e|dumb|unset|unset]\n33 101\n")
    }

    @Test func childHasCleanSignalStateEvenIfTheTestThreadBlocksSIGINT() throws {
        var block = sigset_t(), old = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGINT)
        pthread_sigmask(SIG_BLOCK, &block, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let grep = try PTYProcess(path: "/bin/grep", arguments: ["-E", "^Sig(Blk|Ign)", "/proc/self/status"],
                                  environment: Self.environment)
        #expect(try grep.wait() == 0)
        #expect(grep.plainOutput == "SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n")
    }

    @Test func inheritedDescriptorsAreClosed() throws {
        let null = open("/dev/null", O_RDONLY)  // deliberately not close-on-exec
        #expect(null >= 0)
        let high = fcntl(null, F_DUPFD, 700)
        defer { close(null); close(high) }
        let ls = try PTYProcess(path: "/bin/ls", arguments: ["-1", "/proc/self/fd"], environment: Self.environment)
        #expect(try ls.wait() == 0)
        let fds = ls.plainOutput.split(separator: "\n")
        // ls's own directory descriptor is 3.
        #expect(fds == ["0", "1", "2", "3"])
    }

    @Test func deinitKillsAndReapsTheChild() throws {
        var pid: pid_t = 0
        do {
            let sleeper = try PTYProcess(path: "/bin/sleep", arguments: ["30"], environment: Self.environment)
            pid = sleeper.pid
            #expect(Glibc.kill(pid, 0) == 0)
        }
        #expect(Glibc.kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test(arguments: 0..<8)
    func manyAtOnce(_ n: Int) throws {
        let program = try Self.sh("read x; echo \"got-$x\"; exit \(n)")
        try program.send("token\(n)\r")
        try program.expect("got-token\(n)\r\n")
        #expect(try program.wait() == Int32(n))
    }
}
