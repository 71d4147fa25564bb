#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Nothing let in, through the real binary: no control character reaches the terminal from a
/// value, a script, a store edited by hand or the environment; CSV and Markdown files are safe
/// to open and to publish; a NIK one typo from valid never shows in full.
@Suite struct SafetyProcessTests {
    static let esc = "\u{1B}"

    /// Any raw control character except the line breaks (and tabs) of the text itself.
    func hasRawControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    func withHome<T>(_ body: (String) throws -> T) rethrows -> T {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        return try body(home)
    }

    // MARK: control characters

    @Test func anEscapeInAServiceNameIsRefusedAndNeverPrintedRaw() {
        withHome { home in
            writeFile(home + "/t.kmn", "service add --name \"S\(Self.esc)]0;pwned\u{07}\" --unit \"U\(Self.esc)[2J\" --standard-days 14\nservice list\n")
            let r = kemuning(["--memory", "run", home + "/t.kmn"], home: home)
            #expect(r.status == 1)
            #expect(!hasRawControl(r.stdout + r.stderr), "\(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains("error: --name holds the control character \\x1b at character 2"), "\(r.stderr)")
            #expect(r.stderr.contains("service add --name \"S\\x1b]0;pwned\\x07\" --unit \"U\\x1b[2J\""), "\(r.stderr)")
        }
    }

    @Test func aRawEscapeInAScriptIsShownEscapedInTheErrorAndItsQuotedLine() {
        withHome { home in
            writeFile(home + "/t.kmn", "echo ok\nbogus\(Self.esc)[2J\(Self.esc)]2x\u{07} foo\n")
            let r = kemuning(["--memory", "run", home + "/t.kmn"], home: home)
            #expect(r.status == 2)
            #expect(!hasRawControl(r.stderr), "\(r.stderr)")
            #expect(r.stderr.hasSuffix("""
                t.kmn:2:1: error: unknown command 'bogus\\x1b[2J\\x1b]2x\\x07'
                bogus\\x1b[2J\\x1b]2x\\x07 foo
                ^~~~~~~~~~~~~~~~~~~~~~~
                hint: type 'help' for the list of commands

                """), "\(r.stderr)")
        }
    }

    @Test func echoOfACommandWithAnEscapeShowsItEscaped() {
        withHome { home in
            let r = kemuning(["--memory", "--echo", "-c", "echo \"a\(Self.esc)[31mb\""], home: home)
            #expect(r.status == 1)
            #expect(!hasRawControl(r.stdout + r.stderr), "\(r.stdout)\(r.stderr)")
            #expect(r.stdout == "kemuning> echo \"a\\x1b[31mb\"\n")
        }
    }

    @Test func valuesInAStoreEditedByHandComeOutEscapedInEveryFormat() throws {
        try withHome { home in
            let store = home + "/store"
            #expect(kemuning(["--store", store, "-c", "vacancy add --title Analis --unit Bappeda --seats 1"], home: home).status == 0)
            let edited = editSnapshotFiles(of: store, "\"Analis\"", with: "\"An\\u001b]0;pwned\\u0007alis\\u009b2J\"")
            #expect(edited != nil, "no \"Analis\" in the snapshot's files")
            unlink(store + "/journal.jsonl")
            let table = kemuning(["--store", store, "-c", "vacancy list; vacancy show V1"], home: home)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(!hasRawControl(table.stdout), "\(table.stdout)")
            #expect(table.stdout.contains("An\\x1b]0;pwned\\x07alis\\x9b2J"), "\(table.stdout)")
            let csv = kemuning(["--store", store, "--format", "csv", "-c", "vacancy list"], home: home)
            #expect(!hasRawControl(csv.stdout), "\(csv.stdout)")
            #expect(csv.stdout.contains("An\\x1b]0;pwned\\x07alis\\x9b2J"), "\(csv.stdout)")
            let json = kemuning(["--store", store, "--format", "jsonl", "-c", "vacancy list"], home: home)
            #expect(!hasRawControl(json.stdout), "\(json.stdout)")
            #expect(json.stdout.contains("An\\u001b]0;pwned\\u0007alis\\u009b2J"), "\(json.stdout)")
        }
    }

    @Test func anEscapeInUSERIsKeptEscapedAsTheOperator() {
        withHome { home in
            let r = kemuning(["--memory", "--format", "jsonl", "-c", "set"], home: home, env: ["USER": "eve\(Self.esc)[2J"])
            #expect(!hasRawControl(r.stdout), "\(r.stdout)")
            #expect(r.stdout.contains("{\"setting\":\"operator\",\"value\":\"eve\\\\x1b[2J\",\"from\":\"environment USER\"}"), "\(r.stdout)")
        }
    }

    @Test(arguments: [
        (["--memory", "--stroe\u{1B}[2J", "x"], "unknown option '--stroe\\x1b[2J'"),
        (["--memory", "--format", "t\u{1B}[2J", "-c", "help"], "bad --format 't\\x1b[2J'"),
        (["--memory", "run", "no\u{1B}[2J.kmn"], "cannot read script 'no\\x1b[2J.kmn'"),
    ])
    func argumentsAreShownEscapedInInvocationErrors(_ args: [String], _ shown: String) {
        withHome { home in
            let r = kemuning(args, home: home)
            #expect(r.status == 2)
            #expect(!hasRawControl(r.stderr), "\(r.stderr)")
            #expect(r.stderr.contains(shown), "\(r.stderr)")
        }
    }

    @Test func aWarningShowsTheEnvironmentEscaped() {
        withHome { home in
            let r = kemuning(["--memory", "-c", "echo ok"], home: home, env: ["KEMUNING_LANG": "x\(Self.esc)[2J"])
            #expect(!hasRawControl(r.stderr), "\(r.stderr)")
            #expect(r.stderr.contains("KEMUNING_LANG 'x\\x1b[2J' is not en or id"), "\(r.stderr)")
        }
    }

    // MARK: CSV and Markdown

    /// The example recruitment round with hostile names for the four who reach the final list.
    static let hostile: [(String, String)] = [
        ("--name \"Agus Salim\"", "--name '<img src=x onerror=alert(1)> | [l](javascript:alert(1)) *b* _i_ `c` \\x'"),
        ("--name \"Fajar Nugroho\"", "--name '=HYPERLINK(\"http://evil.example\",\"x\")'"),
        ("--name \"Budi Santoso\"", "--name \"+cmd|' /C calc'!A0\""),
        ("--name \"Sukmawati Rahayu\"", "--name '-2+3'"),
    ]

    func publish(_ home: String, _ file: String) throws -> String {
        var script = try #require(readFile(Paths.root + "/scripts/examples/recruitment-round.kmn"))
        for (from, to) in Self.hostile {
            #expect(script.contains(from))
            script = script.replacingOccurrences(from, with: to)
        }
        writeFile(home + "/round.kmn", script)
        let r = kemuning(["--memory", "-c", "source round.kmn; vacancy results V1 --publish \(file)"], home: home, cwd: home)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(readFile(home + "/" + file))
    }

    @Test func publishedCSVNeutralisesFormulasAndKeepsNumbers() throws {
        try withHome { home in
            let csv = try publish(home, "hasil.csv")
            #expect(csv == """
                rank,participant,nik,name,final,result\r
                1,20260010008,3201**********05,<img src=x onerror=alert(1)> | [l](javascript:alert(1)) *b* _i_ `c` \\x,76.73,passed\r
                2,20260010007,3201**********09,"'=HYPERLINK(""http://evil.example"",""x"")",76.63,passed\r
                3,20260010002,3201**********02,"'+cmd|' /C calc'!A0",76.61,passed (optimalisasi to V2)\r
                4,20260010001,3201**********01,"'-2+3",76.61,failed\r
                ,20260010006,3201**********08,Yusuf Maulana,,failed (absent)\r

                """)
        }
    }

    @Test func publishedMarkdownEscapesEveryValueSoNothingRenders() throws {
        try withHome { home in
            let md = try publish(home, "hasil.md")
            let rows = md.split(separator: "\n").filter { $0.hasPrefix("| 1 |") || $0.hasPrefix("| 2 |") || $0.hasPrefix("| 3 |") }
            #expect(rows == [
                #"| 1 | 20260010008 | 3201\*\*\*\*\*\*\*\*\*\*05 | \<img src=x onerror=alert\(1\)\> \| \[l\]\(javascript:alert\(1\)\) \*b\* \_i\_ \`c\` \\x | 76.73 | passed |"#,
                #"| 2 | 20260010007 | 3201\*\*\*\*\*\*\*\*\*\*09 | =HYPERLINK\("http://evil.example","x"\) | 76.63 | passed |"#,
                #"| 3 | 20260010002 | 3201\*\*\*\*\*\*\*\*\*\*02 | +cmd\|' /C calc'\!A0 | 76.61 | passed \(optimalisasi to V2\) |"#,
            ])
            // Every `<` is escaped, so no HTML; no `](`, so no link; no pipe doubly escaped.
            #expect(!md.replacingOccurrences(#"\<"#, with: "").contains("<"))
            #expect(!md.contains("](javascript"))
            #expect(!md.contains(#"\\|"#))
        }
    }

    @Test func theCSVExampleOfTheReferenceIsWhatTheShellPrints() {
        withHome { home in
            let r = kemuning(["--memory"], input: """
                applicant add --nik 3201234567890001 --name "=HYPERLINK(\\"http://x.example\\",\\"klik\\")" --born 1990-01-01 --gpa 3.50
                applicant add --nik 3201234567890002 --name "@SUM(A1:A9)" --born 1990-01-01
                set format csv
                applicant list

                """, home: home, env: ["KEMUNING_TODAY": "2026-11-29"])
            #expect(r.stdout == "applicant A1 added\napplicant A2 added\n" + """
                id,nik,name,born,education,gpa\r
                A1,3201**********01,"'=HYPERLINK(""http://x.example"",""klik"")",1990-01-01,,3.50\r
                A2,3201**********02,"'@SUM(A1:A9)",1990-01-01,,\r

                """)
            // docs/LANGUAGE.md shows the same lines (its examples cannot hold the CRs).
            let doc = readFile(Paths.root + "/docs/LANGUAGE.md") ?? ""
            #expect(doc.contains("```csv\n" + String(decoding: r.stdout.utf8.filter { $0 != 13 }, as: UTF8.self).split(separator: "\n").dropFirst(2).filter { !$0.isEmpty }.joined(separator: "\n") + "\n```"))
        }
    }

    // MARK: NIKs

    @Test(arguments: [
        ("32012345678900012", "3201***********12"),
        ("3201-2345-6789-0001", "3201*************01"),
        ("320123456789000A", "3201**********0A"),
    ])
    func aNIKOneTypoFromValidNeverShowsInFull(_ nik: String, _ masked: String) {
        withHome { home in
            let line = "applicant add --nik \(nik) --name Sari --born 1991-02-03"
            for format in ["table", "json"] {
                let r = kemuning(["--memory", "--echo", "--format", format, "-c", line], home: home)
                #expect(r.status == 1)
                #expect(!(r.stdout + r.stderr).contains(nik), "\(r.stdout)\(r.stderr)")
                #expect(!(r.stdout + r.stderr).contains(String(nik.dropFirst(4).dropLast(2))), "\(r.stdout)\(r.stderr)")
                #expect((r.stdout + r.stderr).contains("applicant add --nik \(masked) --name Sari"), "\(r.stdout)\(r.stderr)")
                #expect(r.stderr.contains("bad NIK '\(masked)'"), "\(r.stderr)")
            }
        }
    }

    @Test func aRecordingKeepsNoNIKOfAFailedCommand() throws {
        try withHome { home in
            let r = kemuning(["--memory", "--transcript", home + "/t.kmn", "--keep-going", "-c",
                              "echo start; applicant add --nik 3201-2345-6789-0001 --name Sari --born 1991-02-03; echo end"], home: home)
            #expect(r.status == 1)
            let script = try #require(readFile(home + "/t.kmn"))
            let out = try #require(readFile(home + "/t.out"))
            #expect(!(script + out).contains("2345-6789"), "\(script)\(out)")
        }
    }
}
