/// The CSV readers: `CSVReader` (every import's reader) with a guessed separator and with any
/// separator, and `survey import`'s rows on top of it. Every cell must lie within the input's
/// lines.
func fuzzCSV(_ bytes: UnsafeBufferPointer<UInt8>) {
    let input = Array(bytes)
    for any in [false, true] {
        if let csv = try? CSVReader(input, anySeparator: any) {
            let lines = input.reduce(1) { $0 + ($1 == 10 || $1 == 13 ? 1 : 0) }
            for row in csv.rows {
                precondition(row.line >= 1 && row.line <= lines, "a row outside the input's lines")
                for cell in row.cells { precondition(cell.line >= row.line && cell.line <= lines && cell.column >= 1, "a cell outside the input") }
            }
        }
    }
    guard let text = text(bytes) else { return }
    _ = FeedbackCommands.parseResponses(text)
}
