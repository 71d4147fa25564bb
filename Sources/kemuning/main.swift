#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit

// The thin executable: arguments, the REPL loop, the line reader, and printing.

let version = "0.1.0"

/// The whole `--help` text.
@MainActor func helpText(_ voice: Voice) -> String { ProgramOptions.helpText(voice.lang) }

/// Refuses an argument that is not valid UTF-8 (exit 2). `CommandLine.arguments` has already
/// replaced such bytes with U+FFFD: `--store` would name another folder, `-c` run another
/// command. So the raw bytes are checked, every argument, before anything is done.
@MainActor func checkArgumentsAreUTF8(_ voice: Voice) {
    for k in 1..<Int(CommandLine.argc) {
        guard let p = CommandLine.unsafeArgv[k] else { continue }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        if let bad = ScriptFile.firstInvalidUTF8(bytes) {
            let column = bytes[..<bad].filter { $0 & 0xC0 != 0x80 }.count + 1
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            voice.fail("argument \(k) '\(escapingInvalidUTF8(bytes))' is not valid UTF-8: byte 0x\(hex) at column \(column)")
        }
    }
}

/// The text of `bytes` with each byte that is not UTF-8 shown as `\xFF`.
func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
    var out = ""
    var rest = bytes[...]
    while let bad = ScriptFile.firstInvalidUTF8(Array(rest)) {
        out += String(decoding: rest.prefix(bad), as: UTF8.self)
        out += "\\x" + String(rest[rest.startIndex + bad], radix: 16, uppercase: true)
        rest = rest.dropFirst(bad + 1)
    }
    return out + String(decoding: rest, as: UTF8.self)
}

// MARK: start

Terminal.setUp()
// A file-size limit (ulimit -f) must fail the write with EFBIG, which the store reports like a
// full disk, not kill the process between a write and its report.
signal(SIGXFSZ, SIG_IGN)
let arguments = Array(CommandLine.arguments.dropFirst())
// The language is looked for first, so that even a mistake in the other arguments is
// reported in the user's language: `--lang`, else KEMUNING_LANG, else the locale.
let voice = Voice(startLang: ProgramOptions.languageAsked(in: arguments) ?? Lang.fromEnvironment(environment))
checkArgumentsAreUTF8(voice)
let options: ProgramOptions
do {
    switch try ProgramOptions.parse(arguments) {
    case .run(let o): options = o
    case .help: voice.printAndExit(helpText(voice))
    case .version: voice.printAndExit("kemuning \(version)")
    }
} catch let e as KemuningError {
    voice.fail(e.message, hint: e.hint)
} catch {
    voice.fail(.verbatim(voice.describe(error)))
}
let mode = options.mode ?? (isatty(0) == 1 ? .repl : .stdinScript)
if options.check { runCheck(mode, options: options, voice: voice) }
Program(options: options, mode: mode, voice: voice).run()
