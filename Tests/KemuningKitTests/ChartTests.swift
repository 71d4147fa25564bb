import Testing
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
}
