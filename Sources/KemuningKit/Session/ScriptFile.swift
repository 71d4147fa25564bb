import KemuningCore
#if canImport(Glibc)
import Glibc
#endif

/// Reading script files, said once: where a path in a script points, and what a script's bytes
/// must be before any line of it runs. The interpreter (`source`, `run`), the checker
/// (`run --check`), `survey import` and the executable (`kemuning run FILE`, standard input)
/// all read through here, so a file refused by one is refused by all with the same words.
public enum ScriptFile {
    /// Reads a script, refusing missing files, directories, devices, FIFOs, files over the
    /// limit, binary files and invalid UTF-8 with a message that says where.
    public static func read(_ path: String, displayName: String, at range: SourceRange? = nil, what: Message = "script",
                            limit: Int = UserFiles.scriptLimit) throws -> String {
        if Files.isDirectory(path) {
            throw KemuningError.failed("cannot run '\(displayName)': it is a directory", at: range)
        }
        let bytes = try UserFiles.read(path, displayName: displayName, what: what, limit: limit, at: range)
        return try decode(bytes, name: displayName, at: range)
    }

    /// Checks script bytes: no NUL (a binary file), valid UTF-8 (else the line and column).
    /// With `locate`, and no `range` to point at, the error points at the bad byte itself (for
    /// standard input, which has no line of another script to blame).
    public static func decode(_ bytes: [UInt8], name: String, at range: SourceRange? = nil, locate: Bool = false) throws -> String {
        func here(_ line: Int, _ column: Int) -> SourceRange? {
            range ?? (locate ? SourceRange(line: line, column: column, length: 1) : nil)
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = lineAndColumn(of: nul, in: bytes)
            throw KemuningError(.syntax, "'\(name)' is a binary file, not a script (a NUL byte on line \(line))", at: here(line, column))
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = lineAndColumn(of: bad, in: bytes)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            throw KemuningError(.syntax, "'\(name)' is not valid UTF-8: byte 0x\(hex) at line \(line), column \(column)", at: here(line, column))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Where a path written in a script points: absolute as it is, `~/` under HOME, else
    /// relative to the directory of the script it is written in (or to the working directory,
    /// for `-c`, standard input and the prompt, which have no file).
    public static func resolve(_ path: String, relativeTo parent: Source?) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = getenv("HOME") { return String(cString: home) + path.dropFirst() }
        if let p = parent?.path { return Files.parent(p) + "/" + path }
        return path
    }

    /// How a file named in a script is shown: relative to where the user started, so a file
    /// `lib/outer.kmn` sources shows as `lib/inner.kmn` (not for `-c`, standard input and the
    /// prompt, whose names are `<...>`).
    public static func displayName(_ path: String, relativeTo parent: Source?) -> String {
        if let parent, !path.hasPrefix("/"), let slash = parent.name.lastIndex(of: "/"), !parent.name.hasPrefix("<") {
            return String(parent.name[...slash]) + path
        }
        return path
    }

    /// The path with every link and `..` resolved, or nil when it cannot be (nothing there):
    /// the one name of a file, so a cycle of `source` lines is seen however each names the next.
    public static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// The offset of the first byte that does not belong to valid UTF-8, or nil.
    public static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(c & 0x07) }
            else { return i }
            for k in 1...need {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
                cp = cp << 6 | UInt32(b[i + k] & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
