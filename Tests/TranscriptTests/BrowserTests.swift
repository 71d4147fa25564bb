#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A real browser: Chromium from Debian's packages, which `.ci/run` installs.
enum Browser {
    /// `chromium` or `chromium-browser` on PATH, or nil.
    static let path: String? = {
        let dirs = (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser"] {
            for dir in dirs where access(dir + "/" + name, X_OK) == 0 { return dir + "/" + name }
        }
        return nil
    }()

    static var inCI: Bool { getenv("CI").map { String(cString: $0) } == "true" }

    /// The DOM Chromium builds from `file` (headless, no sandbox, its own profile, at most 60
    /// seconds), serialised.
    static func dumpDOM(_ file: String) -> RunResult {
        let profile = Paths.temporaryDirectory()
        defer { Paths.removeTree(profile) }
        return runProcess("/usr/bin/timeout", ["60", path!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                               "--user-data-dir=" + profile, "--dump-dom", "file://" + file],
                          environment: testEnvironment(home: profile))
    }
}

@Suite struct BrowserTests {
    /// Without a browser the page tests below do not run: that is said out loud, and in CI it
    /// is a failure, so they can never pass silently.
    @Test func aBrowserIsThereOrItsAbsenceIsReported() {
        guard Browser.path == nil else { return }
        if Browser.inCI {
            Issue.record("chromium is required in CI: .ci/run installs it from Debian's packages")
        } else {
            let note = "skipped: no chromium on PATH, so the published HTML pages were not loaded in a browser (apt-get install chromium)\n"
            _ = write(2, note, note.utf8.count)
        }
    }

    /// Every stage of the example round, published as a page with hostile names, loads in
    /// Chromium and shows the names and numbers as text: no element comes from a value.
    @Test(.enabled(if: Browser.path != nil, "needs chromium on PATH; aBrowserIsThereOrItsAbsenceIsReported says so"))
    func everyPublishedPageLoadsAndShowsItsValuesAsText() throws {
        let commands = ["announcement", "screening", "skd", "final"].map { "publish V1 --stage \($0) --to \($0).html" }
            + ["publish V1 --stage announcement --channel handout --to handout.html", "publish V2 --stage final --lang en --to final-en.html"]
        try PublishTests.withRun(commands.joined(separator: "; "), replacing: SafetyProcessTests.hostile) { _, err, status, home in
            #expect(status == 0, "\(err)")
            let expected: [String: [String]] = [
                "announcement": ["Pengumuman seleksi: V1 Analis Kebijakan (Bappeda)", "ijazah yang dilegalisir", "2026-11-15"],
                "handout": ["CPNS Analis Kebijakan, Bappeda", "surat lamaran"],
                "screening": ["Hasil seleksi administrasi", "20260010001", "3201**********06", "Rina Marlina", "IPK 2.70 di bawah syarat 3.00", "2026-11-19"],
                "skd": ["Hasil SKD", "20260010004", "Dewi Lestari", "di bawah nilai ambang batas TWK", "&lt;img src=x onerror=alert(1)&gt;"],
                "final": ["Hasil akhir: V1", "20260010008", "&lt;img src=x onerror=alert(1)&gt; | [l](javascript:alert(1))", "=HYPERLINK(\"http://evil.example\",\"x\")", "nilai TKP"],
                "final-en": ["Final results: V2", "passed (optimalisasi from V1)", "+cmd|' /C calc'!A0"],
            ]
            for (name, texts) in expected {
                let page = home + "/" + name + ".html"
                let source = try #require(readFile(page))
                // Nothing to fetch: no address in an attribute, no script, no style sheet link.
                #expect(!source.contains("src=\"") && !source.contains("href=") && !source.contains("<script") && !source.contains("<link"), "\(name)")
                let r = Browser.dumpDOM(page)
                #expect(r.status == 0, "chromium on \(name).html: \(r.stderr)")
                #expect(r.stdout.contains("<html lang=\""), "\(name): \(r.stdout.prefix(200))")
                for text in texts { #expect(r.stdout.contains(text), "\(name).html shows \(text)") }
                // The hostile name is text in a cell, never an element.
                #expect(!r.stdout.contains("<img"), "\(name)")
                #expect(!r.stdout.contains("<a "), "\(name)")
            }
        }
    }
}
