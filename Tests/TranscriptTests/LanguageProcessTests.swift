#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The language through the real binary: where it comes from (--lang, KEMUNING_LANG, the
/// locale), what it changes (messages, errors, help, headers) and what it never changes
/// (commands, flags, JSON keys and data, CSV, exit codes).
@Suite struct LanguageProcessTests {
    static let script = """
        set today 2026-11-02
        vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2 --education S1
        vacancy announce V1 --channel portal
        applicant add --nik 3201010101900001 --name "Sukmawati Rahayu" --born 1996-04-12 --education S1 --gpa 3.62
        apply A1 V1 --source portal
        vacancy list
        application list
        vacancy show V9

        """

    func run(_ args: [String], env: [String: String] = [:], input: String? = script) -> RunResult {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        return kemuning(["--memory"] + args, input: input, home: home, env: env)
    }

    @Test(arguments: [
        (["--lang", "id"], [String: String](), "kesalahan: tidak ada formasi 'V9'"),
        (["--lang=id"], [:], "kesalahan: tidak ada formasi 'V9'"),
        ([], ["LANG": "id_ID.UTF-8"], "kesalahan: tidak ada formasi 'V9'"),
        ([], ["LANG": "en_US.UTF-8", "LC_ALL": "id_ID.UTF-8"], "kesalahan: tidak ada formasi 'V9'"),
        ([], ["LANG": "en_US.UTF-8", "KEMUNING_LANG": "id"], "kesalahan: tidak ada formasi 'V9'"),
        ([], ["LANG": "id_ID.UTF-8", "KEMUNING_LANG": "en"], "error: no vacancy 'V9'"),
        (["--lang", "en"], ["KEMUNING_LANG": "id"], "error: no vacancy 'V9'"),
        ([], [:], "error: no vacancy 'V9'"),
    ])
    func theLanguageComesFromTheFlagThenKemuningLangThenTheLocale(_ args: [String], _ env: [String: String], _ expected: String) {
        let r = run(args, env: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:8:14: " + expected), "\(r.stderr)")
    }

    @Test func messagesHeadersAndHintsAreIndonesian() {
        let r = run(["--lang", "id"])
        #expect(r.stdout.contains("formasi V1 ditambahkan"))
        #expect(r.stdout.contains("V1 diumumkan di portal; pendaftaran 2026-11-02 sampai 2026-11-16"), "\(r.stdout)")
        #expect(r.stdout.contains("ID  JUDUL             UNIT     FORMASI"), "\(r.stdout)")
        #expect(r.stdout.contains("(1 baris)"))
        // A stage is words for people: translated in the table.
        #expect(r.stdout.contains("terdaftar"), "\(r.stdout)")
        #expect(r.stderr.contains("petunjuk: satu-satunya formasi adalah V1"), "\(r.stderr)")
        #expect(!r.stdout.contains(" added") && !r.stdout.contains("rows)"), "\(r.stdout)")
    }

    /// Automation reads JSON and CSV: the same keys and data whatever the language. Only a
    /// sentence for people (`{"message": ...}`) is in the user's language.
    @Test(arguments: ["json", "jsonl", "csv"])
    func dataFormatsAreTheSameInBothLanguages(_ format: String) {
        let listing = "set today 2026-11-02\nvacancy add --title Analis --unit Bappeda --seats 2\nvacancy list\napplicant add --nik 3201010101900001 --name Sari --born 1996-04-12\nvacancy announce V1 --channel portal\napply A1 V1\napplication list\nvacancy show V1\npolicy list\n"
        let en = run(["--format", format, "--lang", "en"], input: listing)
        let id = run(["--format", format, "--lang", "id"], input: listing)
        #expect(en.status == 0 && id.status == 0, "\(en.stderr)\(id.stderr)")
        func data(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.contains("\"message\"") && !$0.contains(" announced on ") && !$0.contains(" diumumkan di ") } }
        #expect(data(en.stdout) == data(id.stdout))
        #expect(en.stdout.contains("registered"))
        #expect(en.stdout.contains("lesson hours (JP)"))
        if format != "csv" {
            #expect(en.stdout.contains("V1 announced on portal") && id.stdout.contains("V1 diumumkan di portal"))
        }
    }

    @Test func errorsInJSONKeepTheirKeysAndTranslateTheirText() {
        let r = run(["--lang", "id", "--format", "json"], input: "vacancy show V9\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains(#""message":"tidak ada formasi 'V9'""#), "\(r.stderr)")
        #expect(r.stderr.contains(#""kind":"failed","exit":1"#), "\(r.stderr)")
    }

    @Test func helpIsIndonesianAndItsCommandsAreNot() {
        let r = run(["--lang", "id", "-c", "help vacancy add"], input: nil)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("vacancy add: buka formasi baru sebagai draf"), "\(r.stdout)")
        #expect(r.stdout.contains("penggunaan: vacancy add --title TEXT --unit TEXT --seats N"))
        #expect(r.stdout.contains("  --seats N            jumlah orang yang akan diangkat (wajib)"), "\(r.stdout)")
        #expect(r.stdout.contains("contoh:\n  vacancy add --title \"Analis Kebijakan\" --unit Bappeda --seats 2 --education S1"))
        let usage = run(["--help"], env: ["LANG": "id_ID.UTF-8"], input: nil)
        #expect(usage.stdout.hasPrefix("penggunaan: kemuning [OPTIONS]"), "\(usage.stdout)")
        #expect(usage.stdout.contains("--lang LANG"))
    }

    @Test func aBadLanguageIsRefusedInTheLanguageInForce() {
        let r = run(["--lang", "fr"], input: nil)
        #expect(r.status == 2)
        #expect(r.stderr.contains("kemuning: error: bad --lang 'fr': expected en or id"), "\(r.stderr)")
        let set = run(["--lang", "id"], input: "set lang fr\n")
        #expect(set.status == 1)
        #expect(set.stderr.contains("kesalahan: bahasa 'fr' salah: seharusnya en atau id"), "\(set.stderr)")
        let usage = run(["--nope"], env: ["LANG": "id_ID.UTF-8"], input: nil)
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("kemuning: kesalahan: opsi '--nope' tidak dikenal"), "\(usage.stderr)")
    }

    @Test func anUnknownKemuningLangIsReportedAndTheLocaleDecides() {
        let r = run(["-c", "vacancy add --title Analis --unit Bappeda --seats 1"], env: ["KEMUNING_LANG": "fr", "LANG": "id_ID.UTF-8"], input: nil)
        #expect(r.status == 0)
        #expect(r.stdout == "formasi V1 ditambahkan\n")
        #expect(r.stderr == "kemuning: peringatan: KEMUNING_LANG 'fr' bukan en atau id: bahasa diambil dari locale\n")
    }

    @Test func setLangSwitchesWithinAScript() {
        let r = run([], input: "vacancy add --title Analis --unit Bappeda --seats 1\nset lang id\nvacancy add --title Analis --unit Dinkes --seats 1\nset lang en\nvacancy add --title Analis --unit Dinsos --seats 1\n")
        #expect(r.stdout == "vacancy V1 added\nformasi V2 ditambahkan\nvacancy V3 added\n", "\(r.stdout)")
    }

    /// The words of a stored action that must not show in an Indonesian audit trail: each
    /// is English a sentence of the trail used to keep (channels, training topics and other
    /// codes people type are left as they are, and are not in the list).
    static let englishActionWords: Set<String> = [
        "announced", "applied", "source", "objection", "decided", "pass", "passed", "fail", "failed", "advanced",
        "screened", "screening", "final", "recorded", "corrected", "hired", "added", "moved", "enrolled", "proposed",
        "recruit", "train", "received", "responded", "resolved", "done", "late", "within", "deadline", "seat", "seats",
        "noted", "recommendation", "recommends", "opened", "draft", "closed", "request", "complaint", "dispute",
        "issue", "appointed", "transferred", "retired", "left", "mentors", "session", "standard", "day", "days",
        "imported", "responses", "response", "holiday", "survey", "filled", "empty", "element", "grade", "missed",
        "the", "of", "for", "from", "with", "by", "on", "to",
    ]

    /// The ACTIVITY column of every table in `text` (the sixth: #, date, decided, by, record).
    static func activities(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var out: [String] = []
        var k = 0
        while k + 1 < lines.count {
            let rule = lines[k + 1]
            guard !rule.isEmpty, rule.allSatisfy({ $0 == "-" || $0 == " " }) else { k += 1; continue }
            var spans: [Range<Int>] = []
            var i = 0
            while i < rule.count {
                if rule[i] == "-" {
                    let start = i
                    while i < rule.count && rule[i] == "-" { i += 1 }
                    spans.append(start..<i)
                } else { i += 1 }
            }
            k += 2
            while k < lines.count, !lines[k].isEmpty, lines[k].first != "(" {
                let row = lines[k]
                if spans.count > 6, spans[5].lowerBound < row.count {
                    var cell = row[spans[5].lowerBound..<min(spans[6].lowerBound, row.count)]
                    while cell.last == " " { cell.removeLast() }
                    out.append(String(cell))
                }
                k += 1
            }
        }
        return out
    }

    /// A year of work run in Indonesian, then the trail of every record shown: each stored
    /// action reads in Indonesian (its outcome, stage, kind and counts too), none in English.
    @Test(arguments: ["recruitment-round.kmn", "staff-lifecycle.kmn", "feedback-loop.kmn", "mentoring.kmn", "csv-round.kmn"])
    func theAuditTrailReadsInIndonesian(_ script: String) throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let store = home + "/store"
        let made = kemuning(["--store", store, "--lang", "id", "run", script], home: home, cwd: Paths.root + "/scripts/examples")
        try #require(made.status == 0, "\(made.stderr)")
        // The records the trail names, read from the store's audit part.
        let trail = try #require(listDirectory(store + "/data").first { $0.hasPrefix("audit.") }.flatMap { readFile(store + "/data/" + $0) })
        var ids: [String] = []
        for piece in trail.split(separator: "\"entity\":\"").dropFirst() {
            let id = String(piece.prefix { $0 != "\"" })
            if !ids.contains(id) { ids.append(id) }
        }
        try #require(ids.count > 3)
        let shown = kemuning(["--store", store, "--lang", "id", "--color", "never", "-c", ids.map { "audit \($0)" }.joined(separator: "; ")], home: home)
        #expect(shown.status == 0, "\(shown.stderr)")
        let rows = Self.activities(shown.stdout)
        #expect(rows.count >= ids.count, "\(shown.stdout)")
        for row in rows {
            let words = row.lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
            let english = words.filter { Self.englishActionWords.contains($0) }
            #expect(english.isEmpty, "\(script): '\(row)' keeps \(english)")
        }
    }

    /// The test above reads the right column: in English the same trail is all English words.
    @Test func theAuditCheckFindsEnglishWhereThereIsEnglish() throws {
        let r = run(["-c", "set today 2026-11-02; vacancy add --title Analis --unit Bappeda --seats 1; vacancy announce V1 --channel portal; audit V1"], input: nil)
        let rows = Self.activities(r.stdout)
        #expect(rows.contains("opened in draft") && rows.contains("announced"), "\(r.stdout)")
    }

    /// Refusing to hire the second of two for one seat: a sentence that reads right in both
    /// languages (it once said "only those within the 1 seat is hired").
    @Test func aHireBeyondTheSeatsSaysHowManyAreHired() {
        func refusal(seats: Int, lang: String) -> String {
            let round = """
                set today 2026-11-02
                vacancy add --title Analis --unit Bappeda --seats \(seats) --education S1 --quota-factor 3
                vacancy announce V1 --channel portal --closes 2026-11-05
                applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1
                applicant add --nik 3201234567890002 --name Sari --born 1996-01-01 --education S1
                applicant add --nik 3201234567890003 --name Agus --born 1997-01-01 --education S1
                apply A1 V1
                apply A2 V1
                apply A3 V1
                set today 2026-11-06
                vacancy advance V1
                screen P1 --pass
                screen P2 --pass
                screen P3 --pass
                set today 2026-11-10
                vacancy advance V1
                skd P1 --twk 90 --tiu 100 --tkp 180
                skd P2 --twk 80 --tiu 90 --tkp 170
                skd P3 --twk 70 --tiu 85 --tkp 168
                vacancy advance V1
                skb P1 --cat 400 --practical 80
                skb P2 --cat 350 --practical 70
                skb P3 --cat 300 --practical 60
                vacancy advance V1
                set lang \(lang)
                hire P3

                """
            return run([], input: round).stderr
        }
        #expect(refusal(seats: 1, lang: "en").contains("P3 (Agus) did not pass V1's final ranking: only the best-ranked is hired, for its 1 seat"))
        #expect(refusal(seats: 2, lang: "en").contains("P3 (Agus) did not pass V1's final ranking: only the 2 best-ranked are hired, one per seat"))
        #expect(refusal(seats: 1, lang: "id").contains("P3 (Agus) tidak lulus peringkat akhir V1: hanya peserta peringkat teratas yang diangkat, untuk 1 formasi"))
        #expect(refusal(seats: 2, lang: "id").contains("hanya 2 peserta peringkat teratas yang diangkat, sesuai jumlah formasi"))
    }
}
