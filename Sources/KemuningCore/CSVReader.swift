/// Reads the CSV files people really have: what Excel writes on Windows (CRLF, a byte-order
/// mark, and `;` between cells where the decimal mark is a comma, as in Indonesian Excel), what
/// kemuning writes (`--format csv`, RFC 4180), and tab-separated text pasted from a sheet.
///
/// - Cells are separated by `,`, `;` or a tab: the one of these that occurs most, outside quotes,
///   in the first line (`,` on a tie), or the one given.
/// - A cell in double quotes may hold the separator, line breaks, and `""` for a quote.
/// - Lines end in LF, CRLF or CR; a byte-order mark at the start is skipped; a last line with
///   no line end is read; lines holding nothing but blanks are skipped.
/// - Every cell keeps its line and column (from 1, in characters), for messages that point at it.
///
/// Text that is not UTF-8, or a quote that is never closed, is refused with where it is.
public struct CSVReader: Sendable {
    /// One cell: its text (quotes removed, `""` made `"`) and where it starts.
    public struct Cell: Equatable, Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    /// One row: its cells, and the line it starts on.
    public struct Row: Equatable, Sendable {
        public var cells: [Cell]
        public var line: Int
    }

    public struct Failure: Error, Equatable, MessageError {
        public var message: Message
        public var line: Int
        public var column: Int
    }

    /// The separator used (`,` `;` or a tab).
    public private(set) var separator: Character
    public private(set) var rows: [Row] = []

    /// Reads `bytes`; `separator` forces one instead of guessing it from the first line, and
    /// `anySeparator` splits cells at every one of `,` `;` and tab (a file of numbers only, whose
    /// lines may come from different sheets: `survey import`).
    public init(_ bytes: [UInt8], separator: Character? = nil, anySeparator: Bool = false) throws {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let (line, column) = CSVReader.position(ofInvalidUTF8In: body)
            throw Failure(message: "the file is not UTF-8 text (save it as \"CSV UTF-8\")", line: line, column: column)
        }
        self.separator = separator ?? CSVReader.guessSeparator(text)
        rows = try CSVReader.parse(text, separators: anySeparator ? [",", ";", "\t"] : [self.separator])
    }

    /// The separator of the first line: the most frequent of `,` `;` and a tab outside quotes.
    static func guessSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle(); continue }
            if !quoted && (c == "\n" || c == "\r\n" || c == "\r") { break }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        let best = max(counts[",", default: 0], counts[";", default: 0], counts["\t", default: 0])
        if best == 0 || counts[","] == best { return "," }
        return counts[";"] == best ? ";" : "\t"
    }

    static func parse(_ text: String, separators: Set<Character>) throws -> [Row] {
        var rows: [Row] = []
        var cells: [Cell] = []
        var cell = ""
        var cellLine = 1, cellColumn = 1
        var line = 1, column = 1
        var rowLine = 1
        var quoted = false
        var wasQuoted = false
        var quoteLine = 0, quoteColumn = 0
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endCell() {
            cells.append(Cell(text: cell, line: cellLine, column: cellColumn))
            cell = ""
            wasQuoted = false
        }
        func endRow() {
            endCell()
            // A row of nothing but blank cells is a blank line.
            if !(cells.allSatisfy { $0.text.allSatisfy { $0 == " " || $0 == "\t" } } && cells.count == 1) {
                rows.append(Row(cells: cells, line: rowLine))
            }
            cells = []
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            let isLineEnd = c == "\n" || c == "\r\n" || c == "\r"
            if quoted {
                if c == "\"" {
                    // `""` is a quote; a lone quote closes the cell's quoted part.
                    let next = iterator.next()
                    if next == "\"" {
                        cell.append("\"")
                        column += 2
                        continue
                    }
                    quoted = false
                    column += 1
                    pending = next
                    continue
                }
                cell.append(c)
                if isLineEnd { line += 1; column = 1 } else { column += 1 }
                continue
            }
            if c == "\"" && cell.allSatisfy({ $0 == " " }) && !wasQuoted {
                cell = ""
                quoted = true
                wasQuoted = true
                quoteLine = line
                quoteColumn = column
                column += 1
                continue
            }
            if separators.contains(c) {
                endCell()
                column += 1
                cellLine = line
                cellColumn = column
                continue
            }
            if isLineEnd {
                endRow()
                line += 1
                column = 1
                rowLine = line
                cellLine = line
                cellColumn = 1
                continue
            }
            cell.append(c)
            column += 1
        }
        if quoted {
            throw Failure(message: "a quote opened here is never closed", line: quoteLine, column: quoteColumn)
        }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRow() }
        return rows
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func position(ofInvalidUTF8In bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var good = bytes.startIndex
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let b = bytes[k]
            let length = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 0
            guard length > 0, k + length <= bytes.endIndex,
                  String(validating: bytes[k..<(k + length)], as: UTF8.self) != nil else { break }
            k += length
            good = k
        }
        let prefix = String(decoding: bytes[bytes.startIndex..<good], as: UTF8.self)
        var line = 1, column = 1
        for c in prefix {
            if c == "\n" || c == "\r\n" || c == "\r" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
