#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `publish`: the announcement of each stage of the example round, in Bahasa Indonesia unless
/// asked otherwise, refused before its stage, and every value escaped in every format.
@Suite struct PublishTests {
    static let roundPath = Paths.root + "/scripts/examples/recruitment-round.kmn"

    /// The example round up to (not including) the first line starting with `marker`, or
    /// whole, with `replacements` made, written to `home/round.kmn`.
    static func writeRound(_ home: String, before marker: String? = nil, replacing replacements: [(String, String)] = []) throws {
        var script = try #require(readFile(roundPath))
        if let marker {
            let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
            let k = try #require(lines.firstIndex { $0.hasPrefix(marker) }, "no line starts with \(marker)")
            script = lines[..<k].joined(separator: "\n") + "\n"
        }
        for (from, to) in replacements {
            #expect(script.contains(from))
            script = script.replacingOccurrences(from, with: to)
        }
        writeFile(home + "/round.kmn", script)
    }

    /// Runs `commands` after the round in a fresh session; the result of the last one.
    static func run(_ commands: String, before marker: String? = nil, replacing: [(String, String)] = []) throws -> (out: String, err: String, status: Int32, home: String) {
        let home = Paths.temporaryDirectory()
        try writeRound(home, before: marker, replacing: replacing)
        // The round is played into a store first, so that stdout is the publication's alone.
        let round = kemuning(["--store", home + "/store", "run", "round.kmn"], home: home, cwd: home)
        #expect(round.status == 0, "\(round.stderr)")
        let r = kemuning(["--store", home + "/store", "-c", commands], home: home, cwd: home)
        return (r.stdout, r.stderr, r.status, home)
    }

    static func withRun(_ commands: String, before marker: String? = nil, replacing: [(String, String)] = [],
                        _ body: (String, String, Int32, String) throws -> Void) throws {
        let r = try run(commands, before: marker, replacing: replacing)
        defer { Paths.removeTree(r.home) }
        try body(r.out, r.err, r.status, r.home)
    }

    @Test func theAnnouncementIsInIndonesianByDefaultWhateverTheSessionsLanguage() throws {
        // On the screen: plain text, lists and the table as tables show.
        try Self.withRun("set lang en; publish V1 --stage announcement") { out, err, status, _ in
            #expect(status == 0, "\(err)")
            #expect(out.hasPrefix("Pengumuman seleksi: V1 Analis Kebijakan (Bappeda)\n"))
            for text in ["\nDokumen yang dibawa\n", "  - ijazah yang dilegalisir\n", "  - pendaftaran: 2026-11-02 s.d. 2026-11-15\n",
                         "nilai ambang batas SKD  TWK 65, TIU 80, TKP 166, masing-masing tersendiri", "  - Bursa Kerja Kemuning, 2026-11-07\n"] {
                #expect(out.contains(text), "\(text)")
            }
        }
        // In a Markdown file, the same in Markdown.
        try Self.withRun("set lang en; publish V1 --stage announcement --to p.md") { _, err, status, home in
            #expect(status == 0, "\(err)")
            let md = try #require(readFile(home + "/p.md"))
            #expect(md.hasPrefix("# Pengumuman seleksi: V1 Analis Kebijakan \\(Bappeda\\)\n"))
            for text in ["## Dokumen yang dibawa", "- ijazah yang dilegalisir", "- pendaftaran: 2026-11-02 s.d. 2026-11-15",
                         "| nilai ambang batas SKD | TWK 65, TIU 80, TKP 166, masing-masing tersendiri |", "- Bursa Kerja Kemuning, 2026-11-07"] {
                #expect(md.contains(text), "\(text)")
            }
        }
        try Self.withRun("publish V1 --stage announcement --lang en") { out, _, status, _ in
            #expect(status == 0)
            #expect(out.hasPrefix("Announcement of selection: V1 Analis Kebijakan (Bappeda)\n"))
            #expect(out.contains("\nDocuments to bring\n") && out.contains("  - diploma (ijazah), legalised"))
            #expect(!out.contains("Dokumen"))
        }
    }

    @Test func theScreeningResultGivesNumbersMaskedNIKsReasonsAndTheObjectionsLastDay() throws {
        try Self.withRun("set format json; publish V1 --stage screening") { out, err, status, _ in
            #expect(status == 0, "\(err)")
            #expect(out.contains(#""participant": "20260010001""#))
            #expect(out.contains(#""nik": "3201**********06""#))
            #expect(!out.contains("3201010101900006"))
            // Rina is TMS: no number, her reason; every result of 16 November can be objected
            // to up to and including 19 November (3 objection days).
            #expect(out.contains(#""participant": null,\#n      "nik": "3201**********06",\#n      "name": "Rina Marlina",\#n      "result": "TMS",\#n      "reason": "IPK 2.70 di bawah syarat 3.00",\#n      "date": "2026-11-16",\#n      "objection": null,\#n      "objectionUntil": "2026-11-19""#))
            #expect(out.contains(#""objection": "MS setelah sanggahan pada 2026-11-18: ijazah legalisir diperlihatkan""#))
            #expect(out.contains(#""lang": "id""#) && out.contains(#""stage": "screening""#))
        }
        // Five objection days: the window runs to the 21st.
        try Self.withRun("publish V1 --stage screening --lang en --to s.csv", before: "# --- SKD",
                         replacing: [("--quota-factor 2", "--quota-factor 2 --objection-days 5")]) { _, err, status, home in
            #expect(status == 0, "\(err)")
            let csv = try #require(readFile(home + "/s.csv"))
            #expect(csv.hasPrefix("participant,nik,name,result,reason,date,objection,objectionUntil\r\n"))
            #expect(csv.contains(",3201**********06,Rina Marlina,TMS,IPK 2.70 di bawah syarat 3.00,2026-11-16,,2026-11-21\r\n"))
        }
    }

    @Test func theSKDResultGivesScoresMarksQuotaAndWhoGoesOn() throws {
        try Self.withRun("publish V1 --stage skd --lang en --to p.md") { _, err, status, home in
            #expect(status == 0, "\(err)")
            let out = try #require(readFile(home + "/p.md"))
            #expect(out.contains("Pass marks: TWK 65, TIU 80, TKP 166, each on its own. At most 4 \\(2 x 2 seats\\)"))
            #expect(out.contains("| 1 | 20260010002 | 3201\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*02 | Budi Santoso | 90 | 110 | 200 | 400 | goes on to SKB |"))
            #expect(out.contains("| 7 | 20260010004 | 3201\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*04 | Dewi Lestari | 64 | 150 | 200 | 414 | below the pass mark in TWK |"))
            #expect(out.contains("| Hendra Gunawan |  |  |  |  | absent |"))
        }
    }

    @Test func theFinalResultNamesTheRuleThatDecidedEachPlaceAndTheOptimalisasi() throws {
        try Self.withRun("publish V1 --stage final --to p.md") { _, err, status, home in
            #expect(status == 0, "\(err)")
            let out = try #require(readFile(home + "/p.md"))
            #expect(out.contains("| 4 | 20260010001 | 3201\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*01 | Sukmawati Rahayu | 400 | 79.20 | 76.61 | tidak lulus | nilai TKP |"))
            #expect(out.contains("lulus \\(optimalisasi ke V2\\)"))
            #expect(out.contains("Optimalisasi: formasi kosong"))
        }
        try Self.withRun("publish V2 --stage final --lang en --to p.md") { _, _, status, home in
            #expect(status == 0)
            let out = try #require(readFile(home + "/p.md"))
            #expect(out.contains("| Budi Santoso |  |  |  | passed \\(optimalisasi from V1\\) |  |"))
        }
    }

    @Test(arguments: [
        ("# --- Announcement", "announcement", "V1 is a draft: it has no announcement yet"),
        ("# --- Administrative screening", "screening", "V1 is in announced: its screening has not started"),
        ("screen P3 ", "screening", "V1's screening is not complete: 7 without a result (P3, P4, P5, P6, P7, ...)"),
        ("# P2 and P1 tie", "skd", "V1 is in skd: its SKD ranking is fixed when it moves on to skb"),
        ("# --- Final ranking", "final", "V1 has no final results yet: it is in skb"),
    ])
    func aStageNotReachedIsRefused(_ marker: String, _ stage: String, _ message: String) throws {
        try Self.withRun("publish V1 --stage \(stage) --lang en", before: marker) { out, err, status, _ in
            #expect(status != 0)
            #expect(err.contains(message), "\(err)")
            #expect(out.isEmpty)
        }
    }

    @Test func theSocialPostFitsIn280CharactersAndKeepsItsDatesAndHashtags() throws {
        let long = String(repeating: "Analis Kebijakan Ahli Pertama ", count: 6).trimmingCharactersNewline()
        for lang in ["id", "en"] {
            try Self.withRun("publish V1 --stage announcement --channel social --lang \(lang)", before: "# --- Applicants",
                             replacing: [("--title \"Analis Kebijakan\" --unit Bappeda", "--title \"\(long)\" --unit Bappeda")]) { out, err, status, _ in
                #expect(status == 0, "\(err)")
                let post = out.trimmingCharactersNewline()
                #expect(post.count <= 280, "\(post.count): \(post)")
                #expect(post.count >= 270, "shortened more than needed: \(post.count)")
                #expect(post.contains("…, Bappeda."))
                #expect(post.contains("2026-11-02") && post.contains("2026-11-15"))
                #expect(post.hasSuffix("#CPNS2026 #LowonganKerja #V1"))
            }
        }
        try Self.withRun("publish V1 --stage announcement --channel social") { out, _, _, _ in
            #expect(out == "CPNS 2026: Analis Kebijakan, Bappeda. 2 formasi, pendidikan S1. Daftar 2026-11-02 s.d. 2026-11-15 di portal. #CPNS2026 #LowonganKerja #V1\n")
        }
    }

    @Test func aFileOfAnotherKindIsRefusedByName() throws {
        try Self.withRun("publish V1 --stage final --to hasil.pdf") { _, err, status, _ in
            #expect(status != 0)
            #expect(err.contains("publish writes .md, .csv or .html files, not 'hasil.pdf'"), "\(err)")
        }
        try Self.withRun("publish V1 --stage final --channel social") { _, err, status, _ in
            #expect(status != 0)
            #expect(err.contains("--channel is for --stage announcement only"), "\(err)")
        }
    }

    // MARK: hostile values

    static let hostile = SafetyProcessTests.hostile

    @Test func hostileNamesAreEscapedInEveryFormatOfEveryStage() throws {
        for stage in ["screening", "skd", "final"] {
            try Self.withRun("publish V1 --stage \(stage) --to p.md; publish V1 --stage \(stage) --to p.html; publish V1 --stage \(stage) --to p.csv",
                             replacing: Self.hostile) { _, err, status, home in
                #expect(status == 0, "\(err)")
                let md = try #require(readFile(home + "/p.md"))
                #expect(md.contains(#"\<img src=x onerror=alert\(1\)\> \| \[l\]\(javascript:alert\(1\)\) \*b\* \_i\_ \`c\` \\x"#), "\(stage)")
                #expect(!md.replacingOccurrences(#"\<"#, with: "").contains("<"))
                #expect(!md.contains("](javascript"))
                let html = try #require(readFile(home + "/p.html"))
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; | [l](javascript:alert(1)) *b* _i_ `c` \\x"), "\(stage)")
                #expect(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"))
                #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("src=\""))
                let csv = try #require(readFile(home + "/p.csv"))
                #expect(csv.contains(#""'=HYPERLINK(""http://evil.example"",""x"")""#), "\(stage)")
                #expect(csv.contains(#""'+cmd|' /C calc'!A0""#))
            }
        }
    }

    @Test func thePageIsSelfContainedPrintableAndInItsLanguage() throws {
        try Self.withRun("publish V1 --stage announcement --to a.html; publish V1 --stage final --lang en --to f.html") { _, err, status, home in
            #expect(status == 0, "\(err)")
            let id = try #require(readFile(home + "/a.html"))
            let en = try #require(readFile(home + "/f.html"))
            #expect(id.contains("<html lang=\"id\">") && en.contains("<html lang=\"en\">"))
            for page in [id, en] {
                #expect(page.hasPrefix("<!DOCTYPE html>\n"))
                #expect(page.contains("<meta charset=\"utf-8\">") && page.contains("@page { size: A4;"))
                #expect(!page.contains("<script") && !page.contains("<link") && !page.contains("http://") && !page.contains("https://") && !page.contains("url("))
            }
        }
    }
}
