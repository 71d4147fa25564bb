#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import KemuningStore

// The one way the unit tests make a folder of their own: under $TMPDIR (else /tmp), so that a
// run pointed at a fresh TMPDIR (scripts/test does so) can see that nothing was left behind.

/// The folder temporary files go in: $TMPDIR when it is a full path, else /tmp, as the store
/// reads it for `play --from`'s scratch copy.
let temporaryRoot = FileStore.temporaryFolder

/// A fresh folder `kemuning-NAME-XXXXXX` under `temporaryRoot`; the caller removes it with
/// `removeTemporaryFolder`.
func makeTemporaryFolder(_ name: String) -> String {
    var template = Array((temporaryRoot + "/kemuning-" + name + "-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed under \(temporaryRoot): \(String(cString: strerror(errno)))")
    return String(cString: made!)
}

/// Removes `path` and everything in it (without following links out of it).
func removeTemporaryFolder(_ path: String) {
    precondition(path.contains("/kemuning-"), "not a temporary folder: \(path)")
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
        for e in folderEntries(path) { removeTemporaryFolder(path + "/" + e.name) }
        rmdir(path)
    } else {
        unlink(path)
    }
}

/// Folders that must live as long as the test process (made once for a global that many tests
/// share, which Swift never deinitialises), removed when it exits.
func removeAtExit(_ path: String) {
    _ = exitRemovalHandler
    exitRemovals.withLock { $0.append(path) }
}

private let exitRemovals = Mutex<[String]>([])
private let exitRemovalHandler: Void = {
    atexit {
        for path in exitRemovals.withLock({ $0 }) { removeTemporaryFolder(path) }
    }
}()
