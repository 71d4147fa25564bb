#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Every example in docs/LANGUAGE.md runs. A ```kmn block must succeed and print the ```output
/// block that follows it (if any); a ```kmn-error block must fail and print the ```stderr block.
/// Each runs on stdin in a fresh `--memory` session dated 2026-11-29, from scripts/examples, so
/// an example can read the spreadsheets in data/ as the example scripts do.
@Suite struct DocExampleTests {
    struct Example: CustomStringConvertible, Sendable {
        var line: Int
        var code: String
        var fails: Bool
        var expected: String?
        var description: String { "LANGUAGE.md:\(line)" }
    }

    static func examples(in file: String) -> [Example] {
        guard let text = readFile(Paths.root + "/" + file) else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [(lang: String, line: Int, body: String)] = []
        var k = 0
        while k < lines.count {
            if lines[k].hasPrefix("```") && lines[k].count > 3 {
                let lang = String(lines[k].dropFirst(3))
                let start = k + 1
                var body: [String] = []
                k += 1
                while k < lines.count && lines[k] != "```" {
                    body.append(lines[k])
                    k += 1
                }
                blocks.append((lang, start, body.map { $0 + "\n" }.joined()))
            }
            k += 1
        }
        var out: [Example] = []
        for (i, b) in blocks.enumerated() where b.lang == "kmn" || b.lang == "kmn-error" {
            let next = i + 1 < blocks.count ? blocks[i + 1] : nil
            let wanted = b.lang == "kmn" ? "output" : "stderr"
            out.append(Example(line: b.line, code: b.body, fails: b.lang == "kmn-error",
                               expected: next?.lang == wanted ? next!.body : nil))
        }
        return out
    }

    static let language = examples(in: "docs/LANGUAGE.md")

    /// Where the examples run: the folder of the example scripts and their data files.
    static let folder = Paths.root + "/scripts/examples"

    /// A tool, not a test: KEMUNING_UPDATE_DOCS=1 rewrites the output and stderr blocks of
    /// docs/LANGUAGE.md with what the examples print now, then fails on purpose, so that an
    /// update run is never taken for a green one: review the diff and run again without it.
    /// Without the variable it is skipped.
    @Test(.enabled(if: getenv("KEMUNING_UPDATE_DOCS") != nil, "a tool: set KEMUNING_UPDATE_DOCS=1 to rewrite docs/LANGUAGE.md"))
    func updateDocsWhenAsked() throws {
        let path = Paths.root + "/docs/LANGUAGE.md"
        let text = try #require(readFile(path))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // From the end, so line numbers of earlier examples stay valid.
        for e in Self.language.reversed() where e.expected != nil {
            let home = Paths.temporaryDirectory()
            defer { Paths.removeTree(home) }
            let r = kemuning(["--memory", "--color", "never"], input: e.code, home: home, cwd: Self.folder, env: ["KEMUNING_TODAY": "2026-11-29"])
            // The expected block opens after the example's closing fence and any blank lines
            // (`examples(in:)` pairs them the same way).
            var k = e.line - 1
            while lines[k] != "```" { k += 1 }
            var open = k + 1
            while lines[open].isEmpty { open += 1 }
            var close = open + 1
            while lines[close] != "```" { close += 1 }
            var body = (e.fails ? r.stderr : r.stdout).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if body.last == "" { body.removeLast() }
            lines.replaceSubrange((open + 1)..<close, with: body)
        }
        let updated = lines.joined(separator: "\n")
        writeFile(path, updated)
        let rewrote = updated == text ? [] : ["docs/LANGUAGE.md"]
        Issue.record("KEMUNING_UPDATE_DOCS is set: rewrote \(rewrote.count) expected files: \(rewrote.isEmpty ? "none" : rewrote.joined(separator: ", ")); review the diff and run again without KEMUNING_UPDATE_DOCS")
    }

    @Test("docs/LANGUAGE.md example", arguments: DocExampleTests.language)
    func example(_ e: Example) {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let r = kemuning(["--memory", "--color", "never"], input: e.code, home: home, cwd: Self.folder, env: ["KEMUNING_TODAY": "2026-11-29"])
        if e.fails {
            #expect(r.status != 0, "\(e) should fail")
            if let want = e.expected { #expect(r.stderr == want, "\(e) stderr") }
        } else {
            #expect(r.status == 0, "\(e) failed: \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(e) wrote to stderr: \(r.stderr)")
            if let want = e.expected { #expect(r.stdout == want, "\(e) stdout") }
        }
    }
}
