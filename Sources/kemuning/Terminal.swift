#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit
import Synchronization

/// Process-level plumbing: signals and writing to the standard streams.
enum Terminal {
    static func setUp() {
        signal(SIGPIPE, SIG_IGN)
        // Initialise the flags before any signal can touch them (no lazy init in a handler).
        Interrupt.clear()
        exitOnSecondInterrupt.store(true, ordering: .relaxed)
    }

    /// Ctrl-C while a command runs sets the interrupt flag; the command stops at its next check.
    /// A second Ctrl-C while a script is stuck (not checking) ends the process with 130.
    /// SIGTERM and SIGHUP ask for a stop: the command under way finishes, then the program ends
    /// as after Ctrl-C (output flushed, store closed) with 128 + the signal. A second one while
    /// a command is stuck ends the process at once, at the prompt too.
    static func installInterruptHandler() {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { sig in
            if sig == SIGINT {
                if Interrupt.isRequested && Terminal.exitOnSecondInterrupt.load(ordering: .relaxed) {
                    _exit(130)
                }
                Interrupt.request()
            } else {
                if Interrupt.stopReason != nil { _exit(128 + sig) }
                Interrupt.stop(sig)
            }
        }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0  // no SA_RESTART: a blocking read returns EINTR
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaction(sig, &sa, nil) }
    }

    /// Scripts: a second Ctrl-C ends the process even if a command never checks. The REPL
    /// never dies of Ctrl-C. An atomic: the signal handler reads it while the program runs.
    static let exitOnSecondInterrupt = Atomic<Bool>(true)

    /// The width of the terminal on `fd`, or nil when it is not a terminal.
    static func width(_ fd: Int32) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return 80 }
        return Int(ws.ws_col)
    }

    static func stderr(_ text: String) {
        var bytes = Array(text.utf8)
        if IOTrace.isOn { IOTrace.record("output", "stderr") }
        writeAll(2, &bytes)
    }

    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: inout [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }

    /// Buffered standard output. When a write fails the output is lost for good: a closed
    /// pipe (`| head`) asks for a quiet stop, any other failure (a full disk) is reported once
    /// and asks for a stop; what is written after is dropped. The program then ends cleanly at
    /// the next command, and `exitCode(_:)` says it failed.
    @MainActor final class Output {
        let fd: Int32
        /// Says, in the user's language, that the output failed.
        let voice: Voice
        var buffer: [UInt8] = []
        /// The errno of the write that failed, if one did.
        private(set) var failure: Int32?
        init(fd: Int32, voice: Voice) {
            self.fd = fd
            self.voice = voice
            buffer.reserveCapacity(1 << 17)
        }
        var pending: Int { buffer.count }
        func write(_ s: String) {
            if failure == nil { buffer.append(contentsOf: s.utf8) }
        }
        func flush() {
            guard !buffer.isEmpty else { return }
            if IOTrace.isOn { IOTrace.record("output", fd == 1 ? "stdout" : "\(fd)") }
            if !Terminal.writeAll(fd, &buffer) {
                let code = errno
                failure = code
                if code == EPIPE {
                    Interrupt.stop(Interrupt.outputClosed)
                } else {
                    Interrupt.stop(Interrupt.outputFailed)
                    Terminal.stderr("kemuning: \(voice.tr("error:")) \(voice.tr("cannot write to standard output: \(Message.verbatim(String(cString: strerror(code))))"))\n")
                }
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// The exit code for a run that would end with `code`, now that its output is written:
        /// 141 (as if killed by SIGPIPE) when the reader went away, at least 1 when it failed.
        func exitCode(_ code: Int32) -> Int32 {
            guard let failure else { return code }
            if failure == EPIPE { return 141 }
            return code == 0 ? 1 : code
        }
    }
}
