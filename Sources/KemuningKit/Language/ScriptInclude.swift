import KemuningCore
#if canImport(Glibc)
import Glibc
#endif

/// A script file that `source` or `run` names, found the way the script naming it sees it.
/// A run and a check (`run --check`) follow a file through here, so both find the same file,
/// name it the same way and refuse the same cycles and depths with the same words.
public struct ScriptInclude {
    /// Where the file is: the path as written, made absolute from the naming script's folder.
    public let path: String
    /// Its real path (when it exists), by which a cycle is seen.
    public let real: String
    /// How diagnostics name it: relative to where the user started (lib/outer.kmn, lib/inner.kmn).
    public let display: String

    /// Finds `written`, named at `range` in `parent`, while the sources in `open` (outermost
    /// first) are being run. Refuses to go more than `Interpreter.maxSourceDepth` deep, and to
    /// enter a file that is already open.
    public init(_ written: String, from parent: Source?, open: [Source], at range: SourceRange?) throws {
        path = ScriptFile.resolve(written, relativeTo: parent)
        guard open.count < Interpreter.maxSourceDepth else {
            throw KemuningError.failed("'source' is nested more than \(Interpreter.maxSourceDepth) deep", at: range)
        }
        real = ScriptFile.realPath(path) ?? path
        display = ScriptFile.displayName(written, relativeTo: parent)
        if open.contains(where: { $0.path == real }) {
            let chain = (open.map(\.name) + [display]).joined(separator: " → ")
            throw KemuningError.failed("source cycle: \(chain)", at: range)
        }
    }

    /// Its text, refused as `ScriptFile.read` refuses a script, the error pointing at `range`.
    public func read(at range: SourceRange?) throws -> String {
        try ScriptFile.read(path, displayName: display, at: range)
    }

    /// The text of a script named on the command line (`kemuning run FILE`, `run --check FILE`):
    /// one that cannot be read is a usage mistake, with no line of a script to point at.
    public static func readNamedOnCommandLine(_ path: String) throws -> String {
        do {
            return try ScriptFile.read(path, displayName: path)
        } catch var e as KemuningError {
            if e.kind == .failed { e.kind = .usage }
            throw e
        }
    }
}
