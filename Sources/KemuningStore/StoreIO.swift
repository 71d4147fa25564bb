import KemuningCore
import KemuningDomain
#if canImport(Glibc)
import Glibc
#endif

/// Every system call the store makes that can fail or that durability depends on, in one
/// place, so that tests can fail any of them in turn (SQLite's test VFS does this) and watch
/// their order. The store never calls open, write, fsync, rename, mkdir, unlink or ftruncate
/// itself.
///
/// The executable's `KEMUNING_IO_TRACE` (docs/SNAPSHOT.md, "Durability") writes the tracer's
/// events to a file, with the moments output is released, so tests see the order end to end.
///
/// Names inside the store are opened relative to the store directory's descriptor and never
/// through a symbolic link (`O_NOFOLLOW`), and what is opened must be a regular file or a
/// directory owned by this user: a link or a device planted in the store is refused, never
/// written through.
public final class StoreIO: @unchecked Sendable {
    /// The kinds of call a fault can be injected into. `fsync` and `fdatasync` are apart so that
    /// a trace shows which one made a change durable; a directory's fsync is named `.`.
    public enum Call: String, Sendable, CaseIterable {
        case open, read, write, fsync, fdatasync, rename, mkdir, unlink, truncate
    }

    /// What an injected fault does.
    public enum Fault: Sendable, Equatable {
        /// The call fails with this errno (`ENOSPC`, `EIO`, ...).
        case error(Int32)
        /// A write stores only part of its bytes, then the next part fails with ENOSPC.
        case shortWrite
    }

    /// One call as `trace` reports it: its kind and the file's name within the store.
    public struct Event: Sendable, Equatable, CustomStringConvertible {
        public var call: Call
        public var name: String
        public var description: String { "\(call.rawValue) \(name)" }
    }

    /// The real thing.
    public static let system = StoreIO()

    private var mutex = pthread_mutex_t()
    private var injector: (@Sendable (Event) -> Fault?)?
    private var tracer: (@Sendable (Event) -> Void)?

    /// `injector` decides, before each call, whether it fails; `tracer` sees every call (and
    /// its fault) in order. Both are for tests; either may be called from the group-commit
    /// thread.
    public init(injector: (@Sendable (Event) -> Fault?)? = nil, tracer: (@Sendable (Event) -> Void)? = nil) {
        pthread_mutex_init(&mutex, nil)
        self.injector = injector
        self.tracer = tracer
    }

    deinit { pthread_mutex_destroy(&mutex) }

    /// Asks the injector about a call; reports it to the tracer.
    private func before(_ call: Call, _ name: String) -> Fault? {
        guard injector != nil || tracer != nil else { return nil }
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let event = Event(call: call, name: name)
        tracer?(event)
        return injector?(event)
    }

    private func injected(_ call: Call, _ name: String, what: Message, path: String) throws {
        if case .error(let code)? = before(call, name) {
            throw Files.SystemError(what: what, path: path, code: code)
        }
    }

    // MARK: directories

    /// Opens the store directory the user named (links in that path are the user's choice),
    /// and checks it is a directory that this user owns and that nobody else can write to.
    func openStoreDirectory(_ path: String) throws -> Int32 {
        try injected(.open, ".", what: "cannot open", path: path)
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Files.SystemError(what: "cannot open", path: path, code: errno) }
        return try checkedDirectory(fd, path: path)
    }

    /// `fd`, an open directory, when this user owns it and nobody else can write to it; else
    /// it is closed and refused.
    private func checkedDirectory(_ fd: Int32, path: String) throws -> Int32 {
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Files.SystemError(what: "cannot inspect", path: path, code: code)
        }
        if let problem = Self.unsafeOwnership(st, path: path) {
            Glibc.close(fd)
            throw StoreRefusal(problem)
        }
        return fd
    }

    /// Why a store directory is not safe to use, if it is not: owned by someone else, or
    /// writable by others (who could then plant files or links in it). PostgreSQL and ssh
    /// refuse the same.
    static func unsafeOwnership(_ st: stat, path: String) -> Message? {
        if st.st_uid != geteuid() {
            return "\(path) belongs to user \(Int(st.st_uid)), not to you (user \(Int(geteuid()))); a store must be its owner's alone. Fix: chown -R \(Int(geteuid())) \(path), or use another --store"
        }
        let mode = st.st_mode & 0o7777
        if mode & 0o022 != 0 {
            return "\(path) can be written by others (mode \(String(mode & 0o777, radix: 8))): anyone could change the records or plant files in it. Fix: chmod 700 \(path)"
        }
        return nil
    }

    /// Creates a directory (mode 0700) and syncs its parent so that the name survives a power cut.
    func makeDirectory(_ path: String) throws {
        try injected(.mkdir, Files.baseName(path), what: "cannot create directory", path: path)
        if mkdir(path, 0o700) != 0 {
            if errno == EEXIST { return }
            throw Files.SystemError(what: "cannot create directory", path: path, code: errno)
        }
        do { try syncDirectory(Files.parent(path)) } catch {
            rmdir(path)
            throw error
        }
    }

    /// Opens `name`, a directory inside `dir`, without following a link.
    func openDirectory(at dir: Int32, _ name: String, path: String) throws -> Int32 {
        try injected(.open, name, what: "cannot open", path: path)
        let fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Self.openError(errno, path: path, expected: "a directory") }
        return try checkedDirectory(fd, path: path)
    }

    /// `mkdir` inside `dir`, then a sync of `dir`.
    func makeDirectory(at dir: Int32, _ name: String, path: String) throws {
        try injected(.mkdir, name, what: "cannot create directory", path: path)
        if mkdirat(dir, name, 0o700) != 0 {
            if errno == EEXIST { return }
            throw Files.SystemError(what: "cannot create directory", path: path, code: errno)
        }
        do { try fsync(dir, name: ".", path: Files.parent(path)) } catch {
            unlinkat(dir, name, AT_REMOVEDIR)
            throw error
        }
    }

    /// fsync of a directory named by path (after creating an entry in it).
    func syncDirectory(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Files.SystemError(what: "cannot open", path: path, code: errno) }
        defer { Glibc.close(fd) }
        try fsync(fd, name: ".", path: path)
    }

    // MARK: files

    /// Opens a file inside the store directory `dir`: never through a link, never anything but
    /// a regular file (a FIFO or device would block or be damaged), never one another user owns.
    /// With `create`, a missing file is made with mode 0600 and `dir` is synced, so the new
    /// name survives a power cut.
    func openFile(at dir: Int32, _ name: String, path: String, flags: Int32, create: Bool = false, exclusive: Bool = false) throws -> Int32 {
        try injected(.open, name, what: create ? "cannot create" : "cannot open", path: path)
        var made = false
        var fd = openat(dir, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 && errno == ENOENT && create {
            fd = openat(dir, name, flags | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
            made = fd >= 0
            if fd < 0 && errno == EEXIST && !exclusive {
                fd = openat(dir, name, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            }
        } else if fd >= 0 && exclusive {
            Glibc.close(fd)
            throw Files.SystemError(what: "cannot create", path: path, code: EEXIST)
        }
        guard fd >= 0 else { throw Self.openError(errno, path: path, expected: "a regular file") }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Files.SystemError(what: "cannot inspect", path: path, code: code)
        }
        guard st.st_mode & S_IFMT == S_IFREG else {
            Glibc.close(fd)
            throw StoreRefusal("\(path) is not a regular file (\(Files.kindName(st.st_mode))); the store holds only regular files. Remove it or use another --store")
        }
        guard st.st_uid == geteuid() else {
            Glibc.close(fd)
            throw StoreRefusal("\(path) belongs to user \(Int(st.st_uid)), not to you (user \(Int(geteuid()))); refusing to use it")
        }
        // Blocking I/O from here on: it is a regular file.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        // Personal data: a file the store writes is its owner's alone, whoever made it.
        if flags & O_ACCMODE != O_RDONLY && st.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        if made {
            do { try fsync(dir, name: ".", path: Files.parent(path)) } catch {
                // Leave things as they were, so the next attempt creates (and syncs) it again.
                Glibc.close(fd)
                unlinkat(dir, name, 0)
                throw error
            }
        }
        return fd
    }

    /// What a file may be, for messages.
    static func openError(_ code: Int32, path: String, expected: Message) -> Error {
        if code == ELOOP || code == EMLINK {
            return StoreRefusal("\(path) is a symbolic link; the store never follows links in it (expected \(expected)). Remove the link or use another --store")
        }
        if code == ENOTDIR {
            return StoreRefusal("\(path) is not \(expected)")
        }
        if code == ENXIO || code == ENODEV {
            return StoreRefusal("\(path) is not \(expected) (a device or socket)")
        }
        return Files.SystemError(what: "cannot open", path: path, code: code)
    }

    /// Whether `name` exists in `dir` as anything at all (a dangling link counts).
    func exists(at dir: Int32, _ name: String) -> Bool {
        var st = stat()
        return fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// The size of `name` in `dir` when it is a regular file.
    func size(at dir: Int32, _ name: String) -> Int? {
        var st = stat()
        guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// Identity of `name` in `dir` (device, inode, size, change time), to tell whether a file
    /// was replaced or changed between two looks.
    func identity(at dir: Int32, _ name: String) -> [Int]? {
        var st = stat()
        guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return [Int(st.st_dev), Int(st.st_ino), Int(st.st_size), Int(st.st_ctim.tv_sec), Int(st.st_ctim.tv_nsec)]
    }

    /// Reads a whole open file, refusing one larger than `limit` bytes.
    func readAll(_ fd: Int32, name: String, path: String, limit: Int = Int.max) throws -> [UInt8] {
        try injected(.read, name, what: "cannot read", path: path)
        do { return try Files.readAll(fd, path: path, limit: limit) } catch is Files.TooLarge {
            throw StoreRefusal("\(path) is larger than \(limit) bytes, the most this kemuning reads")
        }
    }

    /// Writes every byte or throws. An injected `shortWrite` stores the first half, then fails.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], name: String, path: String) throws {
        var limit = bytes.count
        switch before(.write, name) {
        case .error(let code)?: throw Files.SystemError(what: "cannot write", path: path, code: code)
        case .shortWrite?: limit = bytes.count / 2
        case nil: break
        }
        try Files.writeAll(fd, bytes, count: limit, path: path)
        if limit < bytes.count { throw Files.SystemError(what: "cannot write", path: path, code: ENOSPC) }
    }

    /// `fsync` (file data and metadata).
    func fsync(_ fd: Int32, name: String, path: String) throws {
        try injected(.fsync, name, what: "cannot fsync", path: path)
        guard Glibc.fsync(fd) == 0 else { throw Files.SystemError(what: "cannot fsync", path: path, code: errno) }
    }

    /// `fdatasync` (file data, and the size): what an append needs.
    func fdatasync(_ fd: Int32, name: String, path: String) throws {
        try injected(.fdatasync, name, what: "cannot fsync", path: path)
        guard Glibc.fdatasync(fd) == 0 else { throw Files.SystemError(what: "cannot fsync", path: path, code: errno) }
    }

    func truncate(_ fd: Int32, to length: Int, name: String, path: String) throws {
        try injected(.truncate, name, what: "cannot truncate", path: path)
        guard ftruncate(fd, off_t(length)) == 0 else { throw Files.SystemError(what: "cannot truncate", path: path, code: errno) }
    }

    /// Renames within one directory, then syncs it so the new name survives a power cut.
    /// When only the sync fails, the new name is in place: `RenamedButNotSynced` says so.
    func rename(at dir: Int32, _ from: String, to: String, path: String) throws {
        try injected(.rename, to, what: "cannot rename onto", path: path)
        guard renameat(dir, from, dir, to) == 0 else { throw Files.SystemError(what: "cannot rename onto", path: path, code: errno) }
        do { try fsync(dir, name: ".", path: Files.parent(path)) } catch {
            throw RenamedButNotSynced(error: .of(error))
        }
    }

    func unlink(at dir: Int32, _ name: String, path: String) throws {
        try injected(.unlink, name, what: "cannot delete", path: path)
        guard unlinkat(dir, name, 0) == 0 else { throw Files.SystemError(what: "cannot delete", path: path, code: errno) }
    }

    /// Writes a whole file inside `dir` so that readers see the old or the new contents, never
    /// a mix: a new temporary file (never an existing one, never through a link), fsync,
    /// rename over the target, fsync of the directory. A temporary file left by a failure is
    /// removed; one left by a killed process is removed by the next writer (`removeStaleTemporaries`).
    func writeAtomically(at dir: Int32, _ name: String, _ bytes: [UInt8], path: String) throws {
        try writeAtomically(at: dir, name, path: path) { write in try write(bytes) }
    }

    /// The same, with the contents made piece by piece by `fill`, which hands each piece to the
    /// function it is given: a part of 20 MB is written in pieces of a megabyte, never held whole.
    func writeAtomically(at dir: Int32, _ name: String, path: String, fill: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let tmp = name + Files.temporaryMarker + "\(getpid())"
        let tmpPath = Files.parent(path) + "/" + tmp
        if exists(at: dir, tmp) { try unlink(at: dir, tmp, path: tmpPath) }
        let fd = try openFile(at: dir, tmp, path: tmpPath, flags: O_WRONLY, create: true, exclusive: true)
        do {
            try fill { piece in try writeAll(fd, piece, name: tmp, path: tmpPath) }
            try fsync(fd, name: tmp, path: tmpPath)
        } catch {
            Glibc.close(fd)
            unlinkat(dir, tmp, 0)
            throw error
        }
        Glibc.close(fd)
        do {
            try rename(at: dir, tmp, to: name, path: path)
        } catch let e as RenamedButNotSynced {
            throw e
        } catch {
            unlinkat(dir, tmp, 0)
            throw error
        }
    }
}

/// A file was renamed into place, but its directory could not be synced: the new contents are
/// what every reader sees now, though a power cut could still bring the old name back. The
/// write took effect, so callers report it as done, with a warning.
struct RenamedButNotSynced: Error {
    var error: Message
}

/// The store refuses to use a file or directory (a link, a device, someone else's, too open).
/// Exit code 3, like any store error.
struct StoreRefusal: MessageError, CustomStringConvertible {
    var message: Message
    init(_ message: Message) { self.message = message }
    var description: String { message.english }
}
