import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

private let applicants = Output(.table(
    columns: [.init("id", "ID"), .init("gpa", "GPA", alignRight: true), .init("name", "NAME")],
    rows: [
        ["A1", .number("3.50"), "Budi"],
        ["A10", .number("4.00"), "日本"],
        ["A2", .null, "Jose\u{301}"],
        ["A3", .number("3.00"), "e\u{301}"],
    ]))

private let vacancyRecord = Output(.record([
    .init("id", "id", "V1"),
    .init("title", "title", "Analis Kebijakan"),
    .init("education", "education", ["S1", "D3 Teknik"]),
    .init("seats", "seats", 2),
]))

private func render(_ format: OutputFormat, _ output: Output, color: Bool = false) -> String {
    Renderer(format: format, color: color).render(output)
}

@Suite("Renderer")
struct RendererTests {

    // MARK: table

    @Test func tableColumnsAlignByDisplayWidth() {
        #expect(render(.table, applicants) == """
            ID    GPA  NAME
            ---  ----  ----
            A1   3.50  Budi
            A10  4.00  日本
            A2         Jose\u{301}
            A3   3.00  e\u{301}
            (4 rows)

            """)
    }

    @Test func rightAlignedLastColumnAndWideHeader() {
        let out = Output(.table(columns: [.init("n", "番号"), .init("v", "V", alignRight: true)], rows: [["1", 10], ["22", 5]]))
        #expect(render(.table, out) == "番号   V\n----  --\n1     10\n22     5\n(2 rows)\n")
    }

    @Test func tableCountsOneRowAndNoRows() {
        let one = Output(.table(columns: [.init("id", "ID")], rows: [["V1"]]))
        #expect(render(.table, one) == "ID\n--\nV1\n(1 row)\n")
        let none = Output(.table(columns: [.init("id", "ID"), .init("title", "TITLE")], rows: []))
        #expect(render(.table, none) == "ID  TITLE\n--  -----\n(0 rows)\n")
    }

    static let cells: [(JSON, String)] = [
        (JSON.null, ""), (true, "yes"), (false, "no"), (.number("3.50"), "3.50"), ("a\nb\n", "a⏎b⏎"),
        (["S1", "D3"], "S1, D3"), ([], ""), (["k": 1, "s": "x"], #"{"k":1,"s":"x"}"#), ("", ""),
    ]

    @Test(arguments: cells)
    func cellsShowValuesForPeople(_ value: JSON, _ shown: String) {
        #expect(Renderer.cell(value) == shown)
    }

    // BUG: Renderer.cell checks s.contains("\n") on Characters, so "\r\n" is not seen and a raw
    // line break lands inside a table cell.
    @Test func cellShowsACRLFLineBreakAsOneMark() {
        #expect(Renderer.cell("a\r\nb") == "a⏎b")
    }

    @Test func colorMakesHeadersAndLabelsBold() {
        let out = Output(.table(columns: [.init("id", "ID")], rows: [["V1"]]))
        #expect(render(.table, out, color: true) == "\u{1B}[1mID\u{1B}[0m\n--\nV1\n(1 row)\n")
        #expect(render(.table, Output(.record([.init("id", "id", "V1")])), color: true) == "\u{1B}[1mid:\u{1B}[0m V1\n")
    }

    // MARK: record and messages

    @Test func recordShowsOneAlignedFieldPerLine() {
        #expect(render(.table, vacancyRecord) == """
            id:        V1
            title:     Analis Kebijakan
            education: S1, D3 Teknik
            seats:     2

            """)
        let wide = Output(.record([.init("name", "名前", "Budi"), .init("id", "id", "A1")]))
        #expect(render(.table, wide) == "名前: Budi\nid:   A1\n")
    }

    @Test(arguments: [
        (OutputFormat.table, "vacancy V1 added\n"),
        (.json, "{\n  \"id\": \"V1\"\n}\n"),
        (.jsonl, "{\"id\":\"V1\"}\n"),
        (.csv, "id\r\nV1\r\n"),
    ])
    func createdShowsASentenceOrTheId(_ format: OutputFormat, _ expected: String) {
        #expect(render(format, .created("vacancy", "V1")) == expected)
    }

    @Test(arguments: [
        (OutputFormat.table, "hello \"you\"\n"),
        (.json, "{\n  \"message\": \"hello \\\"you\\\"\"\n}\n"),
        (.jsonl, "{\"message\":\"hello \\\"you\\\"\"}\n"),
        (.csv, "hello \"you\"\n"),
    ])
    func messagesInEachFormat(_ format: OutputFormat, _ expected: String) {
        #expect(render(format, .message("hello \"you\"")) == expected)
    }

    @Test func emptyMessageIsAnEmptyLineAndNoneIsNothing() {
        #expect(render(.table, .message("")) == "\n")
        for format in OutputFormat.allCases {
            #expect(render(format, .none) == "", "format \(format)")
        }
    }

    // MARK: JSON

    @Test func jsonTableIsAnArrayOfObjectsKeyedByColumn() {
        #expect(render(.json, applicants) == """
            [
              {
                "id": "A1",
                "gpa": 3.50,
                "name": "Budi"
              },
              {
                "id": "A10",
                "gpa": 4.00,
                "name": "日本"
              },
              {
                "id": "A2",
                "gpa": null,
                "name": "Jose\u{301}"
              },
              {
                "id": "A3",
                "gpa": 3.00,
                "name": "e\u{301}"
              }
            ]

            """)
    }

    @Test func jsonlTableIsOneObjectPerLine() {
        #expect(render(.jsonl, applicants) == """
            {"id":"A1","gpa":3.50,"name":"Budi"}
            {"id":"A10","gpa":4.00,"name":"日本"}
            {"id":"A2","gpa":null,"name":"Jose\u{301}"}
            {"id":"A3","gpa":3.00,"name":"e\u{301}"}

            """)
    }

    @Test func emptyTablesInJSONForms() {
        let none = Output(.table(columns: [.init("id", "ID")], rows: []))
        #expect(render(.json, none) == "[]\n")
        #expect(render(.jsonl, none) == "")
        #expect(render(.csv, none) == "id\r\n")
    }

    @Test func jsonRecordKeepsFieldOrderAndTypes() {
        #expect(render(.jsonl, vacancyRecord) == #"{"id":"V1","title":"Analis Kebijakan","education":["S1","D3 Teknik"],"seats":2}"# + "\n")
        #expect(render(.json, vacancyRecord) == """
            {
              "id": "V1",
              "title": "Analis Kebijakan",
              "education": [
                "S1",
                "D3 Teknik"
              ],
              "seats": 2
            }

            """)
    }

    // MARK: CSV

    // BUG: Renderer.csvField tests Characters, and "\r\n" is one Character equal to neither "\n"
    // nor "\r", so a field holding CRLF is written unquoted and breaks the row (the ("x\r\ny") case).
    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("x\ny", "\"x\ny\""), ("x\r\ny", "\"x\r\ny\""),
        (" lead", "\" lead\""), ("trail ", "\"trail \""), ("", ""), ("é 日本", "é 日本"), ("\"", "\"\"\"\""),
    ])
    func csvQuotesFieldsThatNeedIt(_ field: String, _ expected: String) {
        #expect(Renderer.csvField(field) == expected)
    }

    @Test func csvTableUsesKeysAndCRLF() {
        let out = Output(.table(columns: [.init("id", "ID"), .init("title", "TITLE"), .init("education", "EDUCATION"),
                                          .init("seats", "SEATS", alignRight: true), .init("ok", "OK"), .init("gpa", "GPA")],
                                rows: [["V1", "Analis, \"Senior\"", ["S1", "D3"], 2, true, .null],
                                       ["V2", "two\nlines", [], 1, false, .number("3.50")]]))
        #expect(render(.csv, out) == "id,title,education,seats,ok,gpa\r\n"
                + "V1,\"Analis, \"\"Senior\"\"\",\"S1, D3\",2,yes,\r\n"
                + "V2,\"two\nlines\",,1,no,3.50\r\n")
    }

    @Test func csvRecordIsAHeaderAndOneRow() {
        #expect(render(.csv, vacancyRecord) == "id,title,education,seats\r\nV1,Analis Kebijakan,\"S1, D3 Teknik\",2\r\n")
    }

    // MARK: width

    @Test(arguments: [
        ("abc", 3), ("日本", 4), ("e\u{301}", 1), ("Jose\u{301}", 4), ("😀", 2), ("\u{200B}", 0), ("한국", 4),
        ("\t", 0), ("", 0), ("ｶ", 1), ("Ａ", 2), ("a\u{20DD}", 1),
    ])
    func displayWidthCountsTerminalColumns(_ s: String, _ width: Int) {
        #expect(displayWidth(s) == width)
    }

    @Test(arguments: [
        ("abcdef", 4, "abc…"), ("abc", 3, "abc"), ("abcd", 3, "ab…"), ("日本語", 4, "日…"), ("日本語", 5, "日本…"),
        ("Jose\u{301}ph", 5, "Jose\u{301}…"),
    ])
    func truncateCutsToAWidthWithAnEllipsis(_ s: String, _ width: Int, _ expected: String) {
        #expect(truncate(s, toWidth: width) == expected)
        #expect(displayWidth(truncate(s, toWidth: width)) <= width)
    }

    @Test func replacingAllReplacesEveryOccurrence() {
        #expect("a_b_c".replacingAll("_", with: " ") == "a b c")
        #expect("\"x\"".replacingAll("\"", with: "\"\"") == "\"\"x\"\"")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
        #expect("abc".replacingAll("", with: "x") == "abc")
    }

    // MARK: fields with parts

    /// A result with parts: its values in JSON, its sentence in a table and (in English) in CSV.
    static let screened = Output(.record([
        .init("id", "id", "P1"),
        .init("screening", "screening", ["result": "fail", "reason": "late", "date": "2026-11-11"], display: "TMS (fail) on 2026-11-11: late"),
    ]))

    @Test func aFieldWithPartsIsAnObjectInJSON() {
        #expect(render(.jsonl, Self.screened) == #"{"id":"P1","screening":{"result":"fail","reason":"late","date":"2026-11-11"}}"# + "\n")
    }

    @Test func aFieldWithPartsIsItsSentenceInATableAndInCSV() {
        #expect(render(.table, Self.screened) == "id:        P1\nscreening: TMS (fail) on 2026-11-11: late\n")
        #expect(render(.csv, Self.screened) == "id,screening\r\nP1,TMS (fail) on 2026-11-11: late\r\n")
    }
}
