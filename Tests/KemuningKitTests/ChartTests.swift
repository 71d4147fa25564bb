import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Bars are drawn only when the renderer knows a terminal width; everything else gets the table.
@Suite("Charts")
struct ChartTests {
    func funnel() -> Output {
        var o = Output(.table(columns: [.init("stage", "STAGE"), .init("count", "COUNT", alignRight: true)],
                              rows: [["applied", 8], ["screened", 6], ["hired", 1], ["none", 0]]))
        o.chart = Output.Chart(label: "stage", value: "count")
        return o
    }

    @Test func barsAreScaledToTheWidthWithEighthBlocks() {
        // label 8 wide + 2 + value 1 wide + 2 = 13 columns; room = 40 - 13 - 4... computed in the renderer as
        // width - labelWidth - valueWidth - 4 = 40 - 8 - 1 - 4 = 27 cells for the largest value (8).
        let text = Renderer(format: .table, color: false, terminalWidth: 40).render(funnel())
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "applied   8  " + String(repeating: "█", count: 27))
        // 6/8 x 27 x 8 = 162 eighths = 20 full cells and 2 eighths.
        #expect(lines[1] == "screened  6  " + String(repeating: "█", count: 20) + "▎")
        // 1/8 x 27 x 8 = 27 eighths = 3 cells and 3 eighths.
        #expect(lines[2] == "hired     1  ███▍")
        #expect(lines[3] == "none      0")
    }

    @Test func withoutATerminalTheTableIsPrinted() {
        let text = Renderer(format: .table, color: false, terminalWidth: nil).render(funnel())
        #expect(text.hasPrefix("STAGE     COUNT\n--------  -----\napplied       8\n"))
        #expect(text.hasSuffix("(4 rows)\n"))
    }

    @Test func otherFormatsIgnoreTheChart() {
        let json = Renderer(format: .jsonl, color: false, terminalWidth: 80).render(funnel())
        #expect(json.hasPrefix("{\"stage\":\"applied\",\"count\":8}\n"))
    }

    @Test func colourPaintsOnlyTheBar() {
        let text = Renderer(format: .table, color: true, terminalWidth: 40).render(funnel())
        #expect(text.contains("hired     1  \u{1B}[36m███▍\u{1B}[0m"))
    }

    @Test func aReferenceIsMarkedOnTheBar() {
        var o = Output(.table(columns: [.init("name", "NAME"), .init("median", "MEDIAN"), .init("standard", "STANDARD")],
                              rows: [["KTP", .number("7.0"), 3], ["Akta", .number("2.0"), 5]]))
        o.chart = Output.Chart(label: "name", value: "median", reference: "standard")
        let text = Renderer(format: .table, color: false, terminalWidth: 30).render(o)
        // room = 30 - 4 - 3 - 4 = 19 cells for the largest value (7): 7.0 fills it, the standard 3 sits at 19 x 3/7 = 8.
        // Akta's 2.0 is 19 x 2/7 = 5.43 cells (5 cells and 3 eighths); its standard 5 at 13.
        #expect(text == "KTP   7.0  " + String(repeating: "█", count: 19) + " ┃ 3\n"
                      + "Akta  2.0  " + String(repeating: "█", count: 5) + "▍" + String(repeating: " ", count: 7) + "┃ 5\n")
    }

    @Test func aTrendIsOneSparkline() {
        var o = Output(.table(columns: [.init("survey", "SURVEY"), .init("score", "SCORE")],
                              rows: [["SV1", .number("71.39")], ["SV2", .number("73.82")], ["SV3", .number("68.00")]]))
        o.chart = Output.Chart(label: "survey", value: "score", sparkline: true)
        // Scaled between 68.00 (▁) and 73.82 (█): 71.39 is (3.39 / 5.82) x 7 = 4.08 → ▅.
        #expect(Renderer(format: .table, color: false, terminalWidth: 80).render(o) == "▅█▁  71.39 → 68.00 (SV1 → SV3)\n")
        #expect(Renderer(format: .table, color: false, terminalWidth: nil).render(o).hasPrefix("SURVEY  SCORE\n"))
    }
}
