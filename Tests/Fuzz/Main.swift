// The libFuzzer entry points of every fuzz target. `scripts/fuzz` compiles this folder together
// with the library's floors (Sources/Kemuning*) into one module (so internals are reachable without making
// them public) and one binary; each target is a link to it named fuzz-TARGET, and the name it
// was started by picks the function. One binary means one compile of the library, which with
// the sanitizers is most of the build time.
//
// A target must trap (precondition, overflow, bad index), not throw, to count as a crash: a
// thrown error is the expected refusal of bad input and is swallowed by the target.

#if canImport(Glibc)
import Glibc
#endif

/// The targets by name, as `scripts/fuzz` lists them.
let fuzzTargets: [String: @Sendable (UnsafeBufferPointer<UInt8>) -> Void] = [
    "lexer": fuzzLexer,
    "snapshot": fuzzSnapshot,
    "journal": fuzzJournal,
    "csv": fuzzCSV,
    "session": fuzzSession,
    "parts": fuzzParts,
    "canary": fuzzCanary,
]

/// The standard commands less those that read or write files or wait (`source`, `run`,
/// `survey import`, `record`, `sleep`, `--publish FILE`): a fuzzer must not write into the
/// working directory, read /dev/zero or sleep for a day.
let safeTable: CommandTable = {
    let standard = CommandTable.standard
    let touchesFiles: (CommandSpec) -> Bool = { c in
        c.positionals.contains { $0.kind == .file } || c.flags.contains { $0.kind == .file }
    }
    let kept = standard.commands.filter { !touchesFiles($0) && !["sleep", "record start", "record stop"].contains($0.name) }
    return CommandTable(kept, groups: standard.groups)
}()

nonisolated(unsafe) var selectedTarget: ((UnsafeBufferPointer<UInt8>) -> Void)?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let program = argv.pointee?.pointee.map { String(cString: $0) } ?? ""
    let base = program.split(separator: "/").last.map(String.init) ?? program
    let name = base.hasPrefix("fuzz-") ? String(base.dropFirst(5)) : base
    guard let target = fuzzTargets[name] else {
        let known = fuzzTargets.keys.sorted().map { "fuzz-" + $0 }.joined(separator: ", ")
        let text = Array("fuzz: started as '\(base)'; run one of the links \(known)\n".utf8)
        _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(2)
    }
    selectedTarget = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget?(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
    return 0
}

/// The input as text the way the program reads files: invalid UTF-8 is refused, not repaired
/// (ScriptFile.decode), so only valid text reaches the lexer and the commands.
func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let array = Array(bytes)
    guard ScriptFile.firstInvalidUTF8(array) == nil else { return nil }
    return String(decoding: array, as: UTF8.self)
}
