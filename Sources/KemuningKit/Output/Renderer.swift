import KemuningCore
import KemuningDomain
import KemuningStore
/// The output formats a user can pick with `--format` or `set format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, csv
}

/// How CSV is written (`set csv`, `--csv`): RFC 4180 (`,` between cells, a decimal point),
/// or what Excel reads as it stands where the decimal mark is a comma, as in Indonesia (a
/// byte-order mark so it reads UTF-8, `;` between cells, decimal commas).
public enum CSVDialect: String, Sendable, CaseIterable {
    case standard
    case excelID = "excel-id"

    var separator: String { self == .standard ? "," : ";" }
    /// The byte-order mark that starts a file in this dialect.
    public var start: String { self == .standard ? "" : "\u{FEFF}" }
}

/// Turns command outputs into text. The only place that decides how results look.
public struct Renderer: Sendable {
    public var format: OutputFormat
    public var color: Bool
    /// The terminal's width when output goes to a terminal; charts are drawn only then.
    public var terminalWidth: Int?
    /// The language of messages, headers, labels and the words of closed-vocabulary cells.
    /// JSON keys and CSV headers are the same in every language.
    public var lang: Lang
    public var csvDialect: CSVDialect

    public init(format: OutputFormat = .table, color: Bool = false, terminalWidth: Int? = nil, lang: Lang = .en, csvDialect: CSVDialect = .standard) {
        self.format = format
        self.color = color
        self.terminalWidth = terminalWidth
        self.lang = lang
        self.csvDialect = csvDialect
    }

    /// A message for people, with any control character in it shown (`\x1b`), its own line
    /// breaks and tabs kept. Every text the renderer writes goes through here or `cell`.
    func t(_ m: Message) -> String { Controls.escape(m.localized(lang), keepingLineBreaks: true) }

    /// The text to print for `output`, ending in a newline, or "" when there is nothing to show.
    public func render(_ output: Output) -> String {
        switch format {
        case .table: return table(output)
        case .json: return json(output, pretty: true)
        case .jsonl: return json(output, pretty: false)
        case .csv: return csv(output)
        }
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    // MARK: table

    func table(_ output: Output) -> String {
        if let m = output.tableMessage { return t(m) + "\n" }
        switch output.body {
        case .none: return ""
        case .message(let m): return t(m) + "\n"
        case .record(let fields):
            let labels = fields.map { t($0.label) }
            let width = labels.map(displayWidth).max() ?? 0
            var out = ""
            for (f, label) in zip(fields, labels) {
                out += bold(label + ":") + String(repeating: " ", count: width - displayWidth(label) + 1)
                out += f.display.map { cell(.string($0.localized(lang))) } ?? cell(f.value)
                while out.last == " " { out.removeLast() }
                out += "\n"
            }
            return out
        case .table(let columns, let rows):
            let prose = columns.map { output.prose[$0.key] ?? [:] }
            let stored = columns.map { lang != .en && output.storedProse.contains($0.key) }
            let cells = rows.map { row in
                row.enumerated().map { k, v -> String in
                    if k < stored.count, stored[k], case .string(let s) = v { return cell(.string(Message.stored(s).localized(lang))) }
                    return cell(v, k < prose.count ? prose[k] : [:])
                }
            }
            let titles = columns.map { t($0.title) }
            var widths = titles.map(displayWidth)
            for row in cells {
                for (k, c) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], displayWidth(c)) }
            }
            func line(_ values: [String], header: Bool) -> String {
                var parts: [String] = []
                for (k, v) in values.enumerated() {
                    let pad = String(repeating: " ", count: widths[k] - displayWidth(v))
                    let last = k == values.count - 1
                    let text = columns[k].alignRight ? pad + v : (last ? v : v + pad)
                    parts.append(header ? bold(text) : text)
                }
                var text = parts.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                return text + "\n"
            }
            if let chart = output.chart, let width = terminalWidth,
               let bars = bars(columns: columns, rows: rows, cells: cells, chart: chart, width: width) {
                return bars + (output.footnote.map { t($0) + "\n" } ?? "")
            }
            var out = line(titles, header: true)
            out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            for row in cells { out += line(row, header: false) }
            out += t(rows.count == 1 ? "(1 row)" : "(\(rows.count) rows)") + "\n"
            if let f = output.footnote { out += t(f) + "\n" }
            return out
        }
    }

    /// Unicode block bars, one per row, scaled so the largest fills the space the labels leave.
    func bars(columns: [Output.Column], rows: [[JSON]], cells: [[String]], chart: Output.Chart, width: Int) -> String? {
        guard let li = columns.firstIndex(where: { $0.key == chart.label }),
              let vi = columns.firstIndex(where: { $0.key == chart.value }) else { return nil }
        let labels = cells.map { $0[li] }
        let values = rows.map { $0[vi].numberText.flatMap(ExactDecimal.init) }
        let texts = rows.map { cell($0[vi]) }
        if chart.sparkline { return sparkline(labels: labels, values: values, texts: texts) }
        let ri = chart.reference.flatMap { r in columns.firstIndex(where: { $0.key == r }) }
        let references = rows.map { row in ri.flatMap { row[$0].numberText.flatMap(ExactDecimal.init) } }
        let labelWidth = labels.map(displayWidth).max() ?? 0
        let valueWidth = texts.map(displayWidth).max() ?? 0
        let room = max(10, width - labelWidth - valueWidth - 4)
        let top = (values + references).compactMap { $0 }.max() ?? ExactDecimal(0)
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var out = ""
        for (k, label) in labels.enumerated() {
            var bar = ""
            var cells = 0
            if let v = values[k], top > ExactDecimal(0) {
                // Length in eighths of a cell, exact: v / top x room x 8, rounded down.
                let units = (Rational(v) / Rational(top) * Rational(room * 8)).floor
                bar = String(repeating: "█", count: units / 8) + eighths[units % 8]
                cells = units / 8 + (units % 8 > 0 ? 1 : 0)
            }
            var painted = color ? "\u{1B}[36m\(bar)\u{1B}[0m" : bar
            if let r = references[k], top > ExactDecimal(0) {
                // The reference (a standard) is a mark at its own length: past it the bar is late.
                let at = (Rational(r) / Rational(top) * Rational(room)).floor
                if at >= cells {
                    painted += String(repeating: " ", count: at - cells) + "┃ \(cell(rows[k][ri!]))"
                } else {
                    painted += " ┃ \(cell(rows[k][ri!]))"
                }
            }
            let pad = String(repeating: " ", count: labelWidth - displayWidth(label))
            let vpad = String(repeating: " ", count: valueWidth - displayWidth(texts[k]))
            var line = "\(label)\(pad)  \(vpad)\(texts[k])  \(painted)"
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// `▂▄▇  71.39 → 73.82 (SV1 → SV3)`: the values scaled between their lowest and highest.
    func sparkline(labels: [String], values: [ExactDecimal?], texts: [String]) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return "" }
        let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var line = ""
        for v in values {
            guard let v else { line += " "; continue }
            var index = 4
            if high != low {
                let span = Rational(high) - Rational(low)
                index = ((Rational(v) - Rational(low)) / span * Rational(7)).roundedInteger
            }
            line += blocks[index]
        }
        let painted = color ? "\u{1B}[36m\(line)\u{1B}[0m" : line
        let span = texts.count > 1 ? "\(texts.first!) → \(texts.last!) (\(labels.first!) → \(labels.last!))" : "\(texts.first ?? "") (\(labels.first ?? ""))"
        return "\(painted)  \(span)\n"
    }

    /// How one value shows in a table cell, in the renderer's language (only yes and no differ),
    /// control characters shown (`\x1b`): a value from a hand-edited store cannot drive the terminal.
    func cell(_ v: JSON) -> String {
        if case .bool(let b) = v { return t(b ? "yes" : "no") }
        return Controls.escape(Renderer.cell(v))
    }

    /// A cell, with the words for people among them (`Output.prose`) in the renderer's language.
    func cell(_ v: JSON, _ prose: [String: Message]) -> String {
        guard lang != .en, !prose.isEmpty else { return cell(v) }
        switch v {
        case .string(let s): return prose[s].map { cell(.string($0.localized(lang))) } ?? cell(v)
        case .array(let a): return a.map { cell($0, prose) }.joined(separator: ", ")
        default: return cell(v)
        }
    }

    /// How one value shows in a CSV field (and, in English, a table cell).
    public static func cell(_ v: JSON) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "yes" : "no"
        case .number(let t): return t
        case .string(let s):
            // A line break (\n, \r or \r\n) would break the table: show it as one mark.
            guard s.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return s }
            var out = String.UnicodeScalarView()
            var previousCR = false
            for u in s.unicodeScalars {
                if u == "\n" && previousCR { previousCR = false; continue }
                previousCR = u == "\r"
                if u == "\n" || u == "\r" { out.append("⏎") } else { out.append(u) }
            }
            return String(out)
        case .array(let a): return a.map(cell).joined(separator: ", ")
        case .object: return v.serialized()
        }
    }

    // MARK: json

    static func object(_ output: Output, lang: Lang = .en) -> JSON? {
        if let j = output.jsonForm { return j }
        switch output.body {
        case .none: return nil
        case .message(let m): return .object(JSONObject([("message", .string(m.localized(lang)))]))
        case .record(let fields): return .object(JSONObject(fields.map { ($0.key, $0.value) }))
        case .table(let columns, let rows):
            return .array(rows.map { row in .object(JSONObject(zip(columns, row).map { ($0.key, $1) })) })
        }
    }

    func json(_ output: Output, pretty: Bool) -> String {
        guard let j = Renderer.object(output, lang: lang) else { return "" }
        if !pretty, output.jsonForm == nil, case .array(let items) = j, case .table = output.body {
            return items.map { Renderer.serialized($0) + "\n" }.joined()
        }
        return Renderer.serialized(j, pretty: pretty) + "\n"
    }

    /// JSON text with DEL and the C1 controls escaped too (`\u009b`): the serializer escapes
    /// only what JSON requires (below U+0020), and a raw C1 can drive some terminals.
    /// Outside strings JSON text is ASCII, so every one of them is inside a string.
    public static func serialized(_ j: JSON, pretty: Bool = false) -> String {
        let text = j.serialized(pretty: pretty)
        guard text.unicodeScalars.contains(where: Controls.isControl) else { return text }
        var out = ""
        for u in text.unicodeScalars {
            if (0x7F...0x9F).contains(u.value) {
                out += "\\u00" + String(u.value, radix: 16)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    // MARK: csv

    /// RFC 4180 quoting: fields with the dialect's separator (`,`, or `;` for Excel), quotes or
    /// line breaks are quoted, quotes doubled.
    public static func csvField(_ s: String, _ dialect: CSVDialect = .standard) -> String {
        let separator: UInt8 = dialect == .standard ? 44 : 59
        guard s.utf8.contains(where: { $0 == separator || $0 == 34 || $0 == 10 || $0 == 13 }) || s.hasPrefix(" ") || s.hasSuffix(" ") else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A CSV field for a value, safe to open in a spreadsheet: text starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return would be run as a formula (`=HYPERLINK(...)`,
    /// `+cmd|' /C calc'!A0`), so it gets a leading `'` and is quoted (OWASP's advice). A
    /// number stays as it is, whether the row holds it as a number or as text that is
    /// exactly a number (`-3.5`). Other control characters are shown as `\x1b`, as in a
    /// table; line breaks and tabs are kept (a quoted field may hold them).
    public static func csvValue(_ v: JSON, _ dialect: CSVDialect = .standard) -> String {
        if case .number(let n) = v { return csvField(dialect == .standard ? n : n.replacingAll(".", with: ","), dialect) }
        var raw = ""
        if case .string(let s) = v { raw = s } else { raw = cell(v) }
        let s = Controls.escape(raw, keeping: Controls.csvKept)
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(s) else { return csvField(s, dialect) }
        return "\"'" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `-3.5`, `+7`, `12`: an optional sign, digits, and optionally a point and more digits.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = Substring(s)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    }

    /// What a record's field is in CSV: its value, or, for an object (a result with its
    /// parts), the sentence a table shows, in English as all CSV data is.
    static func csvForm(_ f: Output.Field) -> JSON {
        if case .object = f.value, let d = f.display { return .string(d.english) }
        return f.value
    }

    func csv(_ output: Output) -> String {
        switch output.body {
        case .none: return ""
        case .message(let m): return t(m) + "\n"
        case .record(let fields):
            let sep = csvDialect.separator
            return fields.map { Renderer.csvField($0.key, csvDialect) }.joined(separator: sep) + "\r\n"
                + fields.map { Renderer.csvValue(Renderer.csvForm($0), csvDialect) }.joined(separator: sep) + "\r\n"
        case .table(let columns, let rows):
            let sep = csvDialect.separator
            var out = columns.map { Renderer.csvField($0.key, csvDialect) }.joined(separator: sep) + "\r\n"
            for row in rows { out += row.map { Renderer.csvValue($0, csvDialect) }.joined(separator: sep) + "\r\n" }
            return out
        }
    }
}

