// A tiny pexpect: runs a real binary under a pseudo-terminal so tests can type keys and wait for output.
//
// Lessons baked in (see docs LIBEDIT.md, "Testing under a pseudo-terminal"):
// - The child resets its signal mask and dispositions and closes every inherited descriptor from 3 up
//   before execve. Swift Testing's worker threads block nearly every signal (SIGINT, SIGTERM, ...;
//   SigBlk fffffffe3bfbea27 was seen) and the test process ignores signal 32; both survive exec.
// - Line editors print their prompt *before* leaving canonical mode; keys typed in that gap are lost.
//   Call `waitForRawMode()` after the prompt and before typing.
// - Reading the master after the child (and everything holding the slave) has gone gives EIO: that is
//   end of output, not an error.
// - Press Enter with "\r" (what a terminal sends), not "\n".
//
// Thread safety: no globals; every instance owns its own descriptor, buffer and child. One instance
// must not be used from two threads at once, but any number of instances may run side by side.
//
// The pty is opened with O_CLOEXEC (rather than with forkpty, whose descriptors are inheritable until
// it returns) so that a process spawned concurrently by another test cannot keep our slave open,
// which would hide the end of output.

import Glibc

struct PTYError: Error, CustomStringConvertible {
    let description: String
}

final class PTYProcess {
    private typealias SyscallFn = @convention(c) (Int, Int, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int) -> Int
    let pid: pid_t
    private let master: Int32
    private var buffer: [UInt8] = []
    private var mark = 0
    private var endOfOutput = false
    private var status: Int32?  // set once the child has been reaped
    private let command: String

    /// Starts `path` with `arguments` under a new pty of `rows`x`cols`. `environment` replaces the
    /// environment entirely. `path` is used as is (no PATH search) and is also argv[0].
    init(path: String, arguments: [String], environment: [String: String], rows: Int = 24, cols: Int = 80) throws {
        command = ([path] + arguments).joined(separator: " ")

        // Functions the Glibc module does not import (they sit behind _XOPEN_SOURCE): look them up.
        guard let libc = dlopen(nil, RTLD_NOW) else { throw PTYError(description: "PTYProcess: dlopen failed") }
        defer { dlclose(libc) }
        typealias FdFn = @convention(c) (Int32) -> Int32
        typealias PtsnameFn = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        typealias CloseRangeFn = @convention(c) (UInt32, UInt32, Int32) -> Int32
        guard let grantptSym = dlsym(libc, "grantpt"), let unlockptSym = dlsym(libc, "unlockpt"),
              let ptsnameSym = dlsym(libc, "ptsname_r") else {
            throw PTYError(description: "PTYProcess: grantpt/unlockpt/ptsname_r not found in libc")
        }
        let grantptFn = unsafeBitCast(grantptSym, to: FdFn.self)
        let unlockptFn = unsafeBitCast(unlockptSym, to: FdFn.self)
        let ptsnameFn = unsafeBitCast(ptsnameSym, to: PtsnameFn.self)
        let closeRangeFn = dlsym(libc, "close_range").map { unsafeBitCast($0, to: CloseRangeFn.self) }
        // syscall(2) is variadic; its glibc entry just moves registers, so a fixed prototype is safe to call.
        let syscallFn = dlsym(libc, "syscall").map { unsafeBitCast($0, to: SyscallFn.self) }

        // The master: close-on-exec from the start.
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw PTYError(description: "PTYProcess: open /dev/ptmx: \(PTYProcess.errnoText())") }
        var ok = false
        defer { if !ok { close(fd) } }
        guard grantptFn(fd) == 0, unlockptFn(fd) == 0 else {
            throw PTYError(description: "PTYProcess: grantpt/unlockpt: \(PTYProcess.errnoText())")
        }
        var nameBuffer = [CChar](repeating: 0, count: 128)
        guard ptsnameFn(fd, &nameBuffer, nameBuffer.count) == 0 else {
            throw PTYError(description: "PTYProcess: ptsname_r: \(PTYProcess.errnoText())")
        }
        // On Linux, size and termios set on the master apply to the slave.
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(cols), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
        var modes = termios()
        if tcgetattr(fd, &modes) == 0 {
            modes.c_iflag |= tcflag_t(IUTF8)
            _ = tcsetattr(fd, TCSANOW, &modes)
        }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)

        // Everything the child needs, as C memory, before forking: after fork only async-signal-safe
        // calls are allowed (another thread may have held malloc's lock).
        let slaveName = strdup(String(cString: nameBuffer))!
        let cPath = strdup(path)!
        let argv = PTYProcess.cStringArray([path] + arguments)
        let envp = PTYProcess.cStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        let failure = strdup("PTYProcess: could not start \(path)\r\n")!
        var limit = rlimit()
        let maxFD = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 && limit.rlim_cur < 65536 ? Int32(limit.rlim_cur) : 65536
        defer {
            free(slaveName); free(cPath); free(failure)
            PTYProcess.freeCStringArray(argv); PTYProcess.freeCStringArray(envp)
        }

        let child = fork()
        if child == 0 {
            PTYProcess.execChild(slaveName: slaveName, path: cPath, argv: argv, envp: envp,
                                 closeRange: closeRangeFn, syscall: syscallFn, maxFD: maxFD, failure: failure)
        }
        guard child > 0 else { throw PTYError(description: "PTYProcess: fork: \(PTYProcess.errnoText())") }
        pid = child
        master = fd
        ok = true
    }

    /// Runs in the forked child: async-signal-safe calls only, no allocation, no Swift generics.
    private static func execChild(slaveName: UnsafePointer<CChar>, path: UnsafePointer<CChar>,
                                  argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                  envp: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                  closeRange: (@convention(c) (UInt32, UInt32, Int32) -> Int32)?,
                                  syscall: SyscallFn?, maxFD: Int32, failure: UnsafePointer<CChar>) -> Never {
        var mask = sigset_t()
        sigemptyset(&mask)
        sigprocmask(SIG_SETMASK, &mask, nil)
        var sig: Int32 = 1
        while sig < NSIG {
            signal(sig, SIG_DFL)  // fails harmlessly for SIGKILL and SIGSTOP
            sig += 1
        }
        // glibc refuses to touch its reserved signals 32 and 33, but an inherited "ignore" survives
        // exec (the swift-testing process ignores 32): reset them with the raw system call.
        #if arch(x86_64)
        let rtSigaction = 13
        #elseif arch(arm64)
        let rtSigaction = 134
        #else
        let rtSigaction = -1
        #endif
        if let syscall = syscall, rtSigaction >= 0 {
            var action: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)  // SIG_DFL, no flags, empty mask
            _ = syscall(rtSigaction, 32, &action, nil, 8)
            _ = syscall(rtSigaction, 33, &action, nil, 8)
        }
        setsid()
        // A session leader without a controlling terminal acquires this one by opening it.
        let slave = open(slaveName, O_RDWR)
        if slave < 0 { _exit(126) }
        _ = ioctl(slave, UInt(TIOCSCTTY), 0)
        dup2(slave, 0)
        dup2(slave, 1)
        dup2(slave, 2)
        var closed = false
        if let closeRange = closeRange { closed = closeRange(3, UInt32.max, 0) == 0 }
        if !closed {
            var other: Int32 = 3
            while other < maxFD {
                close(other)
                other += 1
            }
        }
        execve(path, argv, envp)
        _ = write(2, failure, strlen(failure))
        _exit(127)
    }

    deinit {
        if status == nil {
            Glibc.kill(-pid, SIGKILL)  // the child's process group (it is a session leader)
            Glibc.kill(pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        }
        close(master)
    }

    // MARK: Output

    /// Everything read so far (raw bytes decoded as UTF-8, lossy), including escape sequences.
    var output: String { String(decoding: buffer, as: UTF8.self) }

    /// Output with ANSI escape sequences, BEL and \r removed, for readable assertions.
    var plainOutput: String { PTYProcess.stripEscapes(output) }

    /// Sends raw bytes/text: "\r" for Enter, "\t", "\u{3}" Ctrl-C, "\u{4}" Ctrl-D, "\u{1b}[A" Up, "\u{12}" Ctrl-R.
    func send(_ text: String, timeout: Double = 5) throws {
        let bytes = Array(text.utf8)
        let deadline = PTYProcess.now() + timeout
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n > 0 { sent += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno != EAGAIN {
                throw failure("send(\(PTYProcess.escape(text))): write failed: \(PTYProcess.errnoText())")
            }
            if PTYProcess.now() >= deadline {
                throw failure("send(\(PTYProcess.escape(text))): timed out after \(timeout) s with \(bytes.count - sent) bytes unsent (child not reading?)")
            }
            // The input queue is full: keep draining output so the child cannot block on us.
            var p = pollfd(fd: master, events: Int16(POLLOUT), revents: 0)
            _ = poll(&p, 1, 10)
            pump(milliseconds: 0)
        }
    }

    /// Waits until `needle` appears in output after the read mark, or throws on timeout or end of output.
    /// On success moves the mark past the match and returns the text from the old mark to the end of the match.
    /// Mind the terminal's echo: after typing "echo hi\r", `expect("hi\r\n")` matches the echoed command line.
    @discardableResult
    func expect(_ needle: String, timeout: Double = 5) throws -> String {
        let target = Array(needle.utf8)
        let deadline = PTYProcess.now() + timeout
        var searchFrom = mark
        while true {
            if let end = PTYProcess.find(target, in: buffer, from: searchFrom) {
                let text = String(decoding: buffer[mark..<end], as: UTF8.self)
                mark = end
                return text
            }
            searchFrom = max(mark, buffer.count - target.count + 1)
            if endOfOutput {
                throw failure("expect(\(PTYProcess.escape(needle))): end of output before it appeared")
            }
            let left = deadline - PTYProcess.now()
            if left <= 0 {
                throw failure("expect(\(PTYProcess.escape(needle))): timed out after \(timeout) s")
            }
            pump(milliseconds: Int32(min(left * 1000, 50).rounded(.up)))
        }
    }

    /// Waits until the terminal has left canonical mode (ICANON off), as a line editor does when it is
    /// ready to read keys. Reads output meanwhile.
    func waitForRawMode(timeout: Double = 5) throws {
        let deadline = PTYProcess.now() + timeout
        while true {
            var modes = termios()
            if tcgetattr(master, &modes) == 0 && modes.c_lflag & tcflag_t(ICANON) == 0 { return }
            if endOfOutput || status != nil {
                throw failure("waitForRawMode: the child ended while the terminal was still canonical")
            }
            if PTYProcess.now() >= deadline {
                throw failure("waitForRawMode: terminal still in canonical mode after \(timeout) s")
            }
            pump(milliseconds: 5)
        }
    }

    /// Waits for the child to exit, reading output meanwhile; returns its exit code, or 128+signal.
    func wait(timeout: Double = 10) throws -> Int32 {
        let deadline = PTYProcess.now() + timeout
        while reap() == nil {
            if PTYProcess.now() >= deadline {
                throw failure("wait: child \(pid) still running after \(timeout) s")
            }
            pump(milliseconds: 10)
        }
        // Whatever the child wrote before exiting is already queued: read it.
        while !endOfOutput && PTYProcess.now() < deadline && pump(milliseconds: 0) {}
        return status!
    }

    /// Sends a signal to the child (ignored once it has been reaped).
    func kill(_ signal: Int32) {
        if status == nil { Glibc.kill(pid, signal) }
    }

    // MARK: Internals

    /// Polls the master for up to `milliseconds` and appends what can be read. Returns whether bytes arrived.
    @discardableResult
    private func pump(milliseconds: Int32) -> Bool {
        if endOfOutput {
            if milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
            return false
        }
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&p, 1, milliseconds)
        if ready <= 0 { return false }
        var got = false
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                got = true
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n == 0 || errno == EIO {
                // No slave descriptor open. Final once the child is gone; before that (the child has
                // not opened the slave yet) wait a little rather than spin on POLLHUP.
                if reap() != nil {
                    endOfOutput = true
                } else if !got && milliseconds > 0 {
                    usleep(UInt32(min(milliseconds, 2)) * 1000)
                }
            }
            return got  // EAGAIN: drained
        }
    }

    /// Reaps the child if it has exited; returns its status.
    private func reap() -> Int32? {
        if let status = status { return status }
        var raw: Int32 = 0
        var r: pid_t
        repeat { r = waitpid(pid, &raw, WNOHANG) } while r < 0 && errno == EINTR
        guard r == pid else { return nil }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        return status
    }

    private func failure(_ what: String) -> PTYError {
        let tailStart = max(0, buffer.count - 800)
        var shown = ""
        if mark >= tailStart {
            shown = PTYProcess.escape(String(decoding: buffer[tailStart..<mark], as: UTF8.self))
                + "⟨mark⟩" + PTYProcess.escape(String(decoding: buffer[mark...], as: UTF8.self))
        } else {
            shown = PTYProcess.escape(String(decoding: buffer[tailStart...], as: UTF8.self))
        }
        let state = status.map { "exited with status \($0)" } ?? "running"
        return PTYError(description: """
            \(what)
            command: \(command) (pid \(pid), \(state)); \(buffer.count) bytes read, \(buffer.count - mark) after the mark
            output\(tailStart > 0 ? " (last 800 bytes)" : ""), ⟨mark⟩ = read mark:
            \(shown)
            """)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start }
        let first = needle[0]
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i + needle.count }
            }
            i += 1
        }
        return nil
    }

    /// Makes control characters visible: \e, \r, \t, \u{7} ...; \n is shown as "\n" plus a real line break.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{1b}": out += "\\e"
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Removes CSI sequences (ESC [ ... final byte), OSC/DCS/APC/PM/SOS strings (ended by BEL or ESC \),
    /// other ESC sequences (ESC, intermediates, final byte), BEL and \r.
    static func stripEscapes(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\r" || c == "\u{7}" { i += 1; continue }
            guard c == "\u{1b}", i + 1 < scalars.count else {
                if c != "\u{1b}" { out.append(c) }
                i += 1
                continue
            }
            let kind = scalars[i + 1]
            i += 2
            switch kind {
            case "[":
                while i < scalars.count && !(0x40...0x7e).contains(scalars[i].value) { i += 1 }
                i += 1
            case "]", "P", "X", "^", "_":
                while i < scalars.count {
                    if scalars[i] == "\u{7}" { i += 1; break }
                    if scalars[i] == "\u{1b}" && i + 1 < scalars.count && scalars[i + 1] == "\\" { i += 2; break }
                    i += 1
                }
            default:
                // ESC, optional intermediates (0x20-0x2f), final byte: ESC ( B, ESC =, ESC 7 ...
                if (0x20...0x2f).contains(kind.value) {
                    while i < scalars.count && (0x20...0x2f).contains(scalars[i].value) { i += 1 }
                    i += 1
                }
            }
        }
        return String(out)
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }

    private static func cStringArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { array[i] = strdup(s) }
        array[strings.count] = nil
        return array
    }

    private static func freeCStringArray(_ array: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) {
        var i = 0
        while let s = array[i] { free(s); i += 1 }
        array.deallocate()
    }
}
