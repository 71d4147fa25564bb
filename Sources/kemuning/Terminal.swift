#if canImport(Glibc)
import Glibc
#endif
import KemuningKit

/// Process-level plumbing: signals and writing to the standard streams.
enum Terminal {
    static func setUp() {
        signal(SIGPIPE, SIG_IGN)
        Interrupt.clear()  // initialise the flag before any signal can touch it
    }

    /// Ctrl-C while a command runs sets the interrupt flag; the command stops at its next check.
    /// A second Ctrl-C while a script is stuck (not checking) ends the process with 130.
    static func installInterruptHandler() {
        var sa = sigaction()
        sa.__sigaction_handler.sa_handler = { _ in
            if Interrupt.isRequested && Terminal.exitOnSecondInterrupt {
                _exit(130)
            }
            Interrupt.request()
        }
        sigemptyset(&sa.sa_mask)
        sa.sa_flags = 0  // no SA_RESTART: a blocking read returns EINTR
        sigaction(SIGINT, &sa, nil)
    }

    /// Scripts: a second Ctrl-C ends the process even if a command never checks. The REPL
    /// never dies of Ctrl-C. Set before the handler is installed (no lazy init in a handler).
    nonisolated(unsafe) static var exitOnSecondInterrupt = true

    /// The width of the terminal on `fd`, or nil when it is not a terminal.
    static func width(_ fd: Int32) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return 80 }
        return Int(ws.ws_col)
    }

    static func stderr(_ text: String) {
        var bytes = Array(text.utf8)
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

    /// Buffered standard output. A closed pipe (`| head`) ends the process quietly.
    final class Output {
        let fd: Int32
        var buffer: [UInt8] = []
        init(fd: Int32) {
            self.fd = fd
            buffer.reserveCapacity(1 << 17)
        }
        var pending: Int { buffer.count }
        func write(_ s: String) { buffer.append(contentsOf: s.utf8) }
        func flush() {
            guard !buffer.isEmpty else { return }
            if !Terminal.writeAll(fd, &buffer) && errno == EPIPE {
                buffer.removeAll()
                try? session.close()
                exit(141)
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
