#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Golden transcripts: `transcripts/NAME.kmn` runs as `kemuning --memory [NAME.args] run NAME.kmn`
/// from the transcripts folder, and must print exactly `NAME.out` on stdout, `NAME.err` on
/// stderr (empty when absent) and exit with `NAME.code` (0 when absent). `{STORE}` in NAME.args
/// becomes a fresh store directory; `{STDIN}` feeds the script on stdin instead of `run`. KEMUNING_UPDATE_TRANSCRIPTS=1 rewrites the expectations.
@Suite struct TranscriptTests {
    static let folder = Paths.root + "/Tests/TranscriptTests/transcripts"
    static var names: [String] { listDirectory(folder).filter { $0.hasSuffix(".kmn") }.map { String($0.dropLast(4)) } }

    @Test("transcript", arguments: TranscriptTests.names)
    func transcript(_ name: String) throws {
        let base = Self.folder + "/" + name
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        var args = (readFile(base + ".args") ?? "--memory").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        args = args.map { $0.replacingOccurrences("{STORE}", with: home + "/store") }
        // {STDIN}: feed the script on standard input instead of naming it.
        let viaStdin = args.contains("{STDIN}")
        args.removeAll { $0 == "{STDIN}" }
        let input = viaStdin ? readFile(base + ".kmn") : nil
        let r = kemuning(args + (viaStdin ? [] : ["run", name + ".kmn"]), input: input, home: home, cwd: Self.folder)
        if getenv("KEMUNING_UPDATE_TRANSCRIPTS") != nil {
            // Rewrites the expectations, then fails on purpose: an update run must never pass
            // for a green one. The message names the files that changed.
            var rewrote: [String] = []
            func expect(_ ext: String, _ text: String?) {
                let path = base + ext
                guard readFile(path) != text else { return }
                if let text { writeFile(path, text) } else { unlink(path) }
                rewrote.append(name + ext)
            }
            expect(".out", r.stdout)
            expect(".err", r.stderr.isEmpty ? nil : r.stderr)
            expect(".code", r.status == 0 ? nil : "\(r.status)\n")
            Issue.record("KEMUNING_UPDATE_TRANSCRIPTS is set: rewrote \(rewrote.count) expected files: \(rewrote.isEmpty ? "none" : rewrote.joined(separator: ", ")); review the diff and run again without KEMUNING_UPDATE_TRANSCRIPTS")
            return
        }
        let expectedOut = try #require(readFile(base + ".out"), "missing \(name).out")
        #expect(r.stdout == expectedOut, "stdout of \(name).kmn")
        #expect(r.stderr == (readFile(base + ".err") ?? ""), "stderr of \(name).kmn")
        let code = Int32((readFile(base + ".code") ?? "0").trimmingCharactersNewline()) ?? -99
        #expect(r.status == code, "exit code of \(name).kmn; stderr: \(r.stderr)")
    }

    static var examples: [String] {
        listDirectory(Paths.root + "/scripts/examples").filter { $0.hasSuffix(".kmn") }
    }

    /// The demo workflows must run clean, so they never rot.
    @Test("example", arguments: TranscriptTests.examples)
    func example(_ file: String) throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let r = kemuning(["--store", home + "/store", "run", file], home: home, cwd: Paths.root + "/scripts/examples")
        #expect(r.status == 0, "scripts/examples/\(file) failed:\n\(r.stderr)")
        #expect(r.stderr.isEmpty, "scripts/examples/\(file) wrote to stderr:\n\(r.stderr)")
        #expect(!r.stdout.isEmpty)
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    func trimmingCharactersNewline() -> String {
        var s = Substring(self)
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        return String(s)
    }
}
