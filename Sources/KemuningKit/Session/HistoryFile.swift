import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent command history, in libedit's own file format so that libedit's
/// `H_LOAD` can read it (and this can read what libedit's `H_SAVE` writes):
///
///     _HiStOrY_V2_
///     vacancy\040list
///     applicant\040add\012--name\040"Sukmawati\040Rahayu\040—\040Ā"
///
/// One entry per line, oldest first, vis-encoded: space, tab, newline and backslash as
/// 3-digit octal (`\040`, `\011`, `\012`, `\134`), other control characters as the
/// octal of their bytes, printable UTF-8 as is. A multi-line entry is one line.
///
/// - Appends are one `write(2)` in `O_APPEND` mode under an exclusive `flock`, so an entry
///   is on disk as soon as `append` returns (it survives `kill -9`) and several sessions
///   can share the file.
/// - Rewrites (capping, adding a missing header) go to a temporary file in the same
///   folder, which is fsync'ed and renamed over the history file: the file is loadable at
///   every instant.
/// - A file without the `_HiStOrY_V2_` header (plain text, or truncated from the top) is
///   loaded line by line with the same decoding (a truncated libedit file is the likely
///   source), never destroyed; the first append rewrites it atomically with the header.
/// - If the file cannot be created or written, history works in memory and `lastError`
///   says why; `append` never throws.
public final class HistoryFile {
    public static let header = "_HiStOrY_V2_"

    public let path: String
    /// The most entries kept; older ones are dropped from memory and from the file.
    public let capacity: Int
    /// Loaded at init, oldest first; `append` adds to it.
    public private(set) var entries: [String]
    /// The last I/O problem (creating, reading or writing the file), if any.
    public var lastError: Message?

    /// Entry lines in the file as far as this process knows (for deciding when to cap).
    private var fileEntryCount = 0
    /// The file has content but no header: the next write rewrites it with one.
    private var needsHeader = false

    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// The path exists but cannot be read as a history file (a folder, no read permission).
        case unreadable(path: String, reason: String)
        case invalidArgument(String)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): return "cannot read history file \(path): \(reason)"
            case let .invalidArgument(message): return message
            }
        }
    }

    /// Default path: `$XDG_STATE_HOME/kemuning/history`, else `~/.local/state/kemuning/history`
    /// (`$HOME`); `nil` when neither is set. A relative `XDG_STATE_HOME` is ignored, as the
    /// XDG spec says.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return joinPath(state, "kemuning/history")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return joinPath(home, ".local/state/kemuning/history")
        }
        return nil
    }

    /// Opens (creating the parent folders with mode 0700 and the file with mode 0600 if
    /// missing) and loads the history at `path`, keeping at most `capacity` entries.
    ///
    /// Throws only when an existing path cannot be read (a folder, no permission), or for
    /// an empty path or a capacity below 1. When the file or its folders cannot be created
    /// or written (a read-only folder), init succeeds with what it could load, sets
    /// `lastError`, and the history lives in memory only.
    public init(path: String, capacity: Int = 5000) throws {
        guard !path.isEmpty else { throw Error.invalidArgument("empty history file path") }
        guard capacity >= 1 else { throw Error.invalidArgument("history capacity must be at least 1") }
        self.path = path
        self.capacity = capacity
        self.entries = []

        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw Error.unreadable(path: path, reason: "is a directory")
            }
            guard let bytes = HistoryFile.readAll(path) else {
                throw Error.unreadable(path: path, reason: HistoryFile.errnoString())
            }
            let parsed = HistoryFile.parse(bytes)
            entries = parsed.entries
            fileEntryCount = parsed.entries.count
            needsHeader = !parsed.hasHeader && !bytes.isEmpty
        } else {
            if let problem = HistoryFile.makeParents(of: path) {
                lastError = "cannot create folder for history file \(path): \(problem)"
                return
            }
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            if fd < 0 {
                lastError = "cannot create history file \(path): \(HistoryFile.errnoString())"
                return
            }
            close(fd)
        }
        if access(path, W_OK) != 0 {
            lastError = "history file \(path) is not writable: \(HistoryFile.errnoString())"
        }
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
            if lastError == nil { withLockedFile { fd in rewrite(lockedFD: fd, adding: nil) } }
        }
    }

    /// Whether `entry` would be stored after `last`: not empty, not starting with a space
    /// (the shell convention for "keep this out of history"), not equal to `last`.
    public static func shouldStore(_ entry: String, after last: String?) -> Bool {
        if entry.isEmpty || entry.hasPrefix(" ") { return false }
        return entry != last
    }

    /// Appends `entry` if it should be stored (see `shouldStore`) and writes it to the file
    /// immediately. Returns whether it was stored (in memory; `lastError` tells whether
    /// writing the file failed).
    @discardableResult
    public func append(_ entry: String) -> Bool {
        guard HistoryFile.shouldStore(entry, after: entries.last) else { return false }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }

        let ok = withLockedFile { fd -> Bool in
            var st = stat()
            guard fstat(fd, &st) == 0 else { return false }
            if needsHeader && st.st_size > 0 {
                return rewrite(lockedFD: fd, adding: entry)
            }
            var bytes: [UInt8] = []
            if st.st_size == 0 {
                bytes.append(contentsOf: Array((HistoryFile.header + "\n").utf8))
            } else if !HistoryFile.endsWithNewline(fd: fd, size: st.st_size) {
                bytes.append(10) // a partial last line (crash mid-write): keep it separate
            }
            bytes.append(contentsOf: HistoryFile.encode(entry))
            bytes.append(10)
            guard HistoryFile.writeAll(fd, bytes) else {
                lastError = "cannot write history file \(path): \(HistoryFile.errnoString())"
                return false
            }
            needsHeader = false
            fileEntryCount += 1
            if fileEntryCount > capacity + max(capacity / 10, 1) {
                return rewrite(lockedFD: fd, adding: nil)
            }
            return true
        }
        if ok { lastError = nil }
        return true
    }

    // MARK: - Encoding (libedit's strvis(VIS_WHITE) / strunvis)

    /// One entry as one line of the file, without the newline.
    public static func encode(_ entry: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entry.utf8.count)
        for scalar in entry.unicodeScalars {
            let v = scalar.value
            let needsOctal = v < 0x21 || v == 0x5C || v == 0x7F || (v >= 0x80 && v <= 0x9F)
            if needsOctal {
                for byte in String(scalar).utf8 { appendOctal(byte, to: &out) }
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    public static func encodeLine(_ entry: String) -> String {
        String(decoding: encode(entry), as: UTF8.self)
    }

    /// Decodes one line as libedit's strunvis does: `\ooo` octal (1-3 digits), `\\`,
    /// `\^C` control, `\M-c` and `\M^C` meta, C escapes (`\n \t \r \b \a \v \f \s \E`),
    /// `\xHH`; `\$` and an escaped newline stand for nothing; any other escaped character
    /// stands for itself. Invalid UTF-8 in the result is repaired, never fatal.
    public static func decode<C: Collection>(_ line: C) -> String where C.Element == UInt8 {
        let s = Array(line)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        func isOctal(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x37 }
        func hexValue(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        func control(_ b: UInt8) -> UInt8 { b == 0x3F ? 0x7F : b & 0x1F }
        while i < s.count {
            let b = s[i]
            guard b == 0x5C, i + 1 < s.count else { out.append(b); i += 1; continue }
            let c = s[i + 1]
            i += 2
            switch c {
            case _ where isOctal(c):
                var value = Int(c - 0x30)
                var n = 1
                while n < 3, i < s.count, isOctal(s[i]) { value = value * 8 + Int(s[i] - 0x30); i += 1; n += 1 }
                out.append(UInt8(truncatingIfNeeded: value))
            case 0x5C: out.append(0x5C)                     // \\
            case 0x6E: out.append(0x0A)                     // \n
            case 0x72: out.append(0x0D)                     // \r
            case 0x62: out.append(0x08)                     // \b
            case 0x61: out.append(0x07)                     // \a
            case 0x76: out.append(0x0B)                     // \v
            case 0x74: out.append(0x09)                     // \t
            case 0x66: out.append(0x0C)                     // \f
            case 0x73: out.append(0x20)                     // \s
            case 0x45: out.append(0x1B)                     // \E
            case 0x24, 0x0A: break                          // \$ and \<newline>: nothing
            case 0x5E:                                      // \^C
                if i < s.count { out.append(control(s[i])); i += 1 } else { out.append(contentsOf: [0x5C, 0x5E]) }
            case 0x4D:                                      // \M-c, \M^C
                if i + 1 < s.count, s[i] == 0x2D {
                    out.append(s[i + 1] | 0x80); i += 2
                } else if i + 1 < s.count, s[i] == 0x5E {
                    out.append(control(s[i + 1]) | 0x80); i += 2
                } else {
                    out.append(0x4D)
                }
            case 0x78:                                      // \xHH
                if i < s.count, let h = hexValue(s[i]) {
                    var value = h; i += 1
                    if i < s.count, let l = hexValue(s[i]) { value = value &* 16 &+ l; i += 1 }
                    out.append(value)
                } else {
                    out.append(0x78)
                }
            default:
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses a whole file's bytes: header presence and the decoded entries (empty lines
    /// and stray header lines skipped).
    public static func parse(_ bytes: [UInt8]) -> (hasHeader: Bool, entries: [String]) {
        var entries: [String] = []
        var hasHeader = false
        var lineStart = 0
        var first = true
        let headerBytes = Array(header.utf8)
        func take(_ end: Int) {
            var line = bytes[lineStart..<end]
            if line.last == 0x0D { line = line.dropLast() } // tolerate CRLF files
            let isHeader = line.elementsEqual(headerBytes)
            if first { hasHeader = isHeader; first = false }
            if !line.isEmpty && !isHeader { entries.append(decode(line)) }
        }
        var i = 0
        while i < bytes.count {
            if bytes[i] == 10 { take(i); lineStart = i + 1 }
            i += 1
        }
        if lineStart < bytes.count { take(bytes.count) }
        return (hasHeader, entries)
    }

    // MARK: - Private helpers

    private static func appendOctal(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(0x30 + (byte >> 6))
        out.append(0x30 + ((byte >> 3) & 7))
        out.append(0x30 + (byte & 7))
    }

    private static func joinPath(_ a: String, _ b: String) -> String {
        a.hasSuffix("/") ? a + b : a + "/" + b
    }

    static func errnoString(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return result }
            result.append(contentsOf: chunk[0..<n])
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }

    private static func endsWithNewline(fd: Int32, size: off_t) -> Bool {
        var last: UInt8 = 0
        let n = pread(fd, &last, 1, size - 1)
        return n != 1 || last == 10
    }

    /// Creates the missing parent folders of `path` with mode 0700; returns a reason on failure.
    static func makeParents(of path: String) -> String? {
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard components.count > 1 else { return nil }
        components.removeLast()
        var current = path.hasPrefix("/") ? "" : "."
        for component in components {
            current += "/" + component
            var st = stat()
            if stat(current, &st) == 0 {
                if (st.st_mode & S_IFMT) != S_IFDIR { return "\(current) is not a directory" }
                continue
            }
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                return "\(current): \(errnoString())"
            }
        }
        return nil
    }

    /// Opens the history file for appending, takes an exclusive lock, makes sure the lock
    /// is on the file currently at `path` (another session may have renamed a new one
    /// over it), and runs `body`. Returns false (with `lastError` set) when that fails.
    @discardableResult
    private func withLockedFile(_ body: (Int32) -> Bool) -> Bool {
        for _ in 0..<5 {
            // Read-write: the last byte is checked with pread before appending.
            let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            if fd < 0 {
                lastError = "cannot open history file \(path): \(HistoryFile.errnoString())"
                return false
            }
            defer { close(fd) }
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { break }
            }
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0,
               held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                return body(fd)
            }
        }
        lastError = "history file \(path) keeps changing"
        return false
    }

    /// With the lock held on the current file: re-reads it (other sessions may have
    /// appended), keeps its last `capacity` entries (plus `adding`), and replaces it
    /// atomically with a header. Returns success; sets `lastError` on failure.
    @discardableResult
    private func rewrite(lockedFD: Int32, adding extra: String?) -> Bool {
        var onDisk = HistoryFile.readAll(path).map { HistoryFile.parse($0).entries } ?? entries
        if let extra { onDisk.append(extra) }
        if onDisk.count > capacity { onDisk.removeFirst(onDisk.count - capacity) }

        var bytes = Array((HistoryFile.header + "\n").utf8)
        for entry in onDisk {
            bytes.append(contentsOf: HistoryFile.encode(entry))
            bytes.append(10)
        }
        let tmp = path + ".tmp.\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            lastError = "cannot rewrite history file \(path): \(HistoryFile.errnoString())"
            return false
        }
        let written = HistoryFile.writeAll(fd, bytes) && fsync(fd) == 0
        let code = errno
        close(fd)
        guard written, rename(tmp, path) == 0 else {
            lastError = "cannot rewrite history file \(path): \(HistoryFile.errnoString(written ? errno : code))"
            unlink(tmp)
            return false
        }
        HistoryFile.fsyncFolder(of: path)
        fileEntryCount = onDisk.count
        needsHeader = false
        return true
    }

    private static func fsyncFolder(of path: String) {
        var folder = "."
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
