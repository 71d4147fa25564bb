import Testing
@testable import KemuningCore

@Suite("CSV reader") struct CSVReaderTests {
    func texts(_ csv: CSVReader) -> [[String]] { csv.rows.map { $0.cells.map(\.text) } }

    /// What Indonesian Excel saves: a byte-order mark, `;` between cells, decimal commas, CRLF.
    @Test func excelOnWindowsWithSemicolonsAndDecimalCommas() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("NIK;Nama;IPK\r\n3201234567890001;Sukma Rahayu;3,62\r\n3201234567890002;\"Budi; S.Kom\";3,10\r\n".utf8)
        let csv = try CSVReader(bytes)
        #expect(csv.separator == ";")
        #expect(texts(csv) == [["NIK", "Nama", "IPK"], ["3201234567890001", "Sukma Rahayu", "3,62"], ["3201234567890002", "Budi; S.Kom", "3,10"]])
        #expect(csv.rows.map(\.line) == [1, 2, 3])
    }

    /// RFC 4180, as kemuning writes it: quotes doubled, separators and line breaks inside quotes.
    @Test func quotedCellsHoldSeparatorsQuotesAndLineBreaks() throws {
        let csv = try CSVReader(Array("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\"\"".utf8))
        #expect(csv.separator == ",")
        #expect(texts(csv) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(csv.rows.map(\.line) == [1, 2, 4])
    }

    /// Each cell knows where it starts, so a message can point at it; a row spanning lines too.
    @Test func cellsKnowTheirLineAndColumn() throws {
        let csv = try CSVReader(Array("id\tname\n1\t\"A\nB\"\t3\n".utf8))
        #expect(csv.separator == "\t")
        let cells = csv.rows[1].cells
        #expect(cells.map { [$0.line, $0.column] } == [[2, 1], [2, 3], [3, 4]])
    }

    /// The separator is the most frequent of `,` `;` and tab in the first line, outside quotes;
    /// a comma on a tie or when there is none.
    @Test(arguments: [("a;b,c;d\n", ";"), ("\"a;b;c\",d\n", ","), ("a\tb\tc,d\n", "\t"), ("abc\n", ","), ("a;b,c\n", ",")])
    func theSeparatorIsGuessedFromTheFirstLine(_ text: String, _ expected: Character) throws {
        #expect(try CSVReader(Array(text.utf8)).separator == expected)
    }

    @Test func blankLinesAreSkippedAndEmptyCellsKept() throws {
        let csv = try CSVReader(Array("a,b\n\n  \n,\r\n1,2".utf8))
        #expect(texts(csv) == [["a", "b"], ["", ""], ["1", "2"]])
        #expect(csv.rows.map(\.line) == [1, 4, 5])
    }

    @Test func anUnclosedQuoteIsRefusedWhereItOpens() {
        let error = #expect(throws: CSVReader.Failure.self) { try CSVReader(Array("a,b\n1,\"2\n3,4\n".utf8)) }
        #expect(error == CSVReader.Failure(message: "a quote opened here is never closed", line: 2, column: 3))
    }

    @Test func textThatIsNotUTF8IsRefusedWhereItStops() {
        // "Café" in Windows-1252: é is the single byte E9.
        let error = #expect(throws: CSVReader.Failure.self) { try CSVReader(Array("a,b\nCaf".utf8) + [0xE9, 0x0A]) }
        #expect(error?.line == 2 && error?.column == 4, "\(String(describing: error))")
        #expect(error?.message.english == #"the file is not UTF-8 text (save it as "CSV UTF-8")"#)
    }
}

extension CSVReaderTests {
    /// With `anySeparator`, every one of `,` `;` and tab separates cells, on any line; quotes
    /// still hold them.
    @Test func anySeparatorSplitsAtEachOfThem() throws {
        let csv = try CSVReader(Array("1,2;3\t4\n\"5;6\",7\n".utf8), anySeparator: true)
        #expect(texts(csv) == [["1", "2", "3", "4"], ["5;6", "7"]])
    }
}
