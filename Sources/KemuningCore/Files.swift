#if canImport(Glibc)
import Glibc
#endif

/// Thin, honest wrappers over the system calls the store needs. Errors carry strerror text.
package enum Files {
    package struct SystemError: MessageError, CustomStringConvertible {
        var what: Message
        var path: String
        package var code: Int32

        package init(what: Message, path: String, code: Int32) {
            self.what = what
            self.path = path
            self.code = code
        }
        /// The system's reason (strerror) is left as the C library gives it.
        package var message: Message { "\(what) \(path): \(String(cString: strerror(code)))" }
        package var description: String { message.english }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    package static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    static func inode(_ path: String) -> (UInt, Int)? {
        var st = stat()
        return stat(path, &st) == 0 ? (UInt(st.st_ino), Int(st.st_size)) : nil
    }

    /// Creates `path` and missing parents with mode 0700.
    static func makeDirectories(_ path: String) throws {
        if isDirectory(path) { return }
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if isDirectory(prefix) { continue }
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw SystemError(what: "cannot create directory", path: prefix, code: errno)
            }
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError(what: "cannot open", path: path, code: errno) }
        defer { close(fd) }
        return try readAll(fd, path: path)
    }

    /// A file longer than the most a reader takes.
    package struct TooLarge: Error {
        var limit: Int
    }

    /// Reads an open file to its end (it may grow meanwhile: the size is a hint), throwing
    /// `TooLarge` past `limit` bytes rather than allocating whatever is there.
    package static func readAll(_ fd: Int32, path: String, limit: Int = Int.max) throws -> [UInt8] {
        let most = limit == Int.max ? Int.max : limit + 1  // one byte past the limit says "too large"
        var st = stat()
        var capacity = 1 << 16
        if fstat(fd, &st) == 0 && st.st_size > 0 {
            guard Int(st.st_size) <= limit else { throw TooLarge(limit: limit) }
            capacity = Int(st.st_size) + 1
        }
        var bytes = [UInt8](repeating: 0, count: min(capacity, most))
        var count = 0
        while true {
            if count == bytes.count {
                guard count < most else { throw TooLarge(limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, most - bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { buf in
                Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError(what: "cannot read", path: path, code: errno)
            }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { throw TooLarge(limit: limit) }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes the first `count` bytes (all of them by default), retrying short writes.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8], count: Int? = nil, path: String) throws {
        let total = count ?? bytes.count
        try bytes.withUnsafeBytes { buf in
            var done = 0
            while done < total {
                let n = write(fd, buf.baseAddress! + done, total - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SystemError(what: "cannot write", path: path, code: errno)
                }
                done += n
            }
        }
    }

    /// Writes a whole file so that readers see the old or the new contents, never a mix:
    /// a temporary file in the same directory, fsync, rename over the target, fsync the directory.
    package static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) throws {
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError(what: "cannot create", path: tmp, code: errno) }
        do {
            fchmod(fd, mode)
            try writeAll(fd, bytes, path: tmp)
            guard fsync(fd) == 0 else { throw SystemError(what: "cannot fsync", path: tmp, code: errno) }
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
        close(fd)
        guard rename(tmp, path) == 0 else {
            let code = errno
            unlink(tmp)
            throw SystemError(what: "cannot rename onto", path: path, code: code)
        }
        syncDirectory(of: path)
    }

    static func syncDirectory(of path: String) {
        let dir = parent(path)
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// The last part of a path.
    package static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// What a temporary file's name carries between the target's name and the writer's PID:
    /// `snapshot.json.tmp-4711`.
    package static let temporaryMarker = ".tmp-"

    /// Whether a name is a temporary file a writer made (`NAME.tmp-PID`).
    package static func isTemporary(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        let marker = Array(temporaryMarker.utf8)
        var end = bytes.count
        while end > 0 && bytes[end - 1] >= 48 && bytes[end - 1] <= 57 { end -= 1 }
        guard end < bytes.count, end > marker.count else { return false }
        return Array(bytes[(end - marker.count)..<end]) == marker
    }

    /// Whether a name is the temporary file of a writer that is still running (a reader must
    /// not report what a live fold is writing).
    package static func isLiveTemporary(_ name: String) -> Bool {
        guard isTemporary(name) else { return false }
        let digits = name.utf8.reversed().prefix { $0 >= 48 && $0 <= 57 }.reversed()
        guard let pid = Int32(String(decoding: digits, as: UTF8.self)), pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// A file type for messages: a directory, a symbolic link, a FIFO, ...
    package static func kindName(_ mode: mode_t) -> Message {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    package static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package static func list(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// Turns a byte offset in a file into a 1-based line and column, for messages about files.
package func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
    var line = 1
    var column = 1
    for k in 0..<min(offset, bytes.count) {
        if bytes[k] == 10 {
            line += 1
            column = 1
        } else if bytes[k] & 0xC0 != 0x80 {
            column += 1
        }
    }
    return (line, column)
}
