#if canImport(Glibc)
import Glibc
#endif

// Reading the repository's own files from the unit tests: scripts, examples, sources.

/// The repository's root, found from this file's path.
let repoRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)  // Tests/KemuningKitTests/RepoFiles.swift
    return parts.joined(separator: "/")
}()

/// A file of the repository as text; a missing file is a broken test set-up.
func readText(_ path: String) -> String {
    guard let f = fopen(path, "rb") else { preconditionFailure("cannot open \(path)") }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buf[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The entries of a folder (not `.` and `..`), sorted, with whether each is a folder.
func folderEntries(_ dir: String) -> [(name: String, isFolder: Bool)] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var out: [(name: String, isFolder: Bool)] = []
    while let e = readdir(d) {
        let name = withUnsafePointer(to: e.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if name != "." && name != ".." { out.append((name, e.pointee.d_type == UInt8(DT_DIR))) }
    }
    return out.sorted { $0.name < $1.name }
}
