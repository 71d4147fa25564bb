import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// The files a user names: scripts to run, source, check or play, data to import, results to
/// publish, recordings. Every one is read and written here, so each gets the same checks.
///
/// Reading takes only a regular file, and only up to a limit: `/dev/zero` or a FIFO nobody
/// writes would otherwise be read forever. Writing replaces only a regular file (or makes a new
/// one), through a symbolic link to its target: renaming a new file over `/dev/null` would
/// break the machine, and over a FIFO would take it from whoever uses it.
public enum UserFiles {
    /// The largest script kemuning reads (a file, or standard input): far beyond any script a
    /// person writes, small enough to hold in memory.
    public static let scriptLimit = 64 << 20
    /// The largest data file kemuning imports.
    public static let importLimit = 256 << 20

    /// `limit` in words: `64 MiB`.
    static func size(_ limit: Int) -> String { "\(limit >> 20) MiB" }

    /// What a file that is not a regular file is, for messages; nil for a regular file.
    static func kind(_ mode: mode_t) -> Message? {
        mode & S_IFMT == S_IFREG ? nil : Files.kindName(mode)
    }

    /// Reads the regular file at `path`, at most `limit` bytes. Errors name the file as
    /// `displayName` (as the user wrote it) and say what it was read as (`what`: a script, a file).
    public static func read(_ path: String, displayName: String, what: Message, limit: Int, at range: SourceRange? = nil) throws -> [UInt8] {
        // O_NONBLOCK: opening a FIFO to read waits for a writer; a regular file ignores it.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let why: Message = errno == ENOENT ? "no such file" : .verbatim(String(cString: strerror(errno)))
            throw KemuningError.failed("cannot read \(what) '\(displayName)': \(why)", at: range)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw KemuningError.failed("cannot read \(what) '\(displayName)': \(Message.verbatim(String(cString: strerror(errno))))", at: range)
        }
        if let kind = kind(st.st_mode) {
            throw KemuningError.failed("cannot read \(what) '\(displayName)': it is \(kind), not a regular file", at: range)
        }
        do {
            return try Files.readAll(fd, path: displayName, limit: limit)
        } catch is Files.TooLarge {
            throw KemuningError.failed("cannot read \(what) '\(displayName)': it is larger than \(size(limit)), the most kemuning reads", at: range)
        } catch let e as Files.SystemError {
            throw KemuningError.failed("cannot read \(what) '\(displayName)': \(Message.verbatim(String(cString: strerror(e.code))))", at: range)
        }
    }

    /// Reads a stream (standard input) to its end: at most `limit` bytes, and no further than
    /// a NUL byte, which makes the whole a binary file however long it goes on. Ctrl-C (or a
    /// signal that stops the program) while waiting for input ends the read with `.interrupted`.
    public static func readStream(_ fd: Int32, name: String, limit: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n < 0 {
                if errno == EINTR {
                    try Interrupt.check()
                    continue
                }
                throw KemuningError(.usage, "cannot read \(name): \(Message.verbatim(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > limit {
                throw KemuningError(.usage, "cannot read \(name): it is larger than \(size(limit)), the most kemuning reads")
            }
            if buffer[0..<n].contains(0) { break }
        }
        return bytes
    }

    /// The path to write `path` at: `path` itself when nothing is there or a regular file is,
    /// the target of a symbolic link to a regular file (so the link stays). Anything else is
    /// refused, with `displayName` as the user wrote it.
    public static func writablePath(_ path: String, displayName: String, at range: SourceRange? = nil) throws -> String {
        var st = stat()
        if lstat(path, &st) != 0 { return path }  // nothing there: a new file
        if st.st_mode & S_IFMT == S_IFREG { return path }
        if st.st_mode & S_IFMT == S_IFLNK {
            var target = stat()
            // A dangling link: its target is made, as the link says.
            guard stat(path, &target) == 0 else { return path }
            if let kind = kind(target.st_mode) {
                throw KemuningError.failed("cannot write '\(displayName)': it leads to \(kind), not a regular file", at: range)
            }
            return ScriptFile.realPath(path) ?? path
        }
        throw KemuningError.failed("cannot write '\(displayName)': it is \(Files.kindName(st.st_mode)), not a regular file", at: range)
    }

    /// Writes `bytes` as the whole of `path`, atomically (readers see the old file or the new),
    /// after the checks of `writablePath`.
    public static func write(_ path: String, _ bytes: [UInt8], displayName: String, mode: mode_t = 0o600, at range: SourceRange? = nil) throws {
        let target = try writablePath(path, displayName: displayName, at: range)
        try Files.writeAtomically(target, bytes, mode: mode)
    }
}
