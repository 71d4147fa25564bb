import KemuningCore
import KemuningDomain
import KemuningStore
/// A public announcement (`publish`) as data: its texts already in the publication's language,
/// its values as they are, nothing escaped. Each stage only builds one of these; one renderer
/// per format (Markdown, CSV, HTML, plain text, JSON) writes it, escaping every value with the
/// one escaping function of its format (`Markdown.escape`, the Renderer's CSV cells,
/// `HTML.escape`), so no stage can forget to.
public struct Publication: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        /// The key of the value in JSON and the CSV header: the same in every language.
        public var key: String
        /// The header people read, in the publication's language.
        public var title: String
        public var alignRight: Bool

        public init(_ key: String, _ title: String, alignRight: Bool = false) {
            self.key = key
            self.title = title
            self.alignRight = alignRight
        }
    }

    /// A heading with a list under it (the documents to bring, the schedule).
    public struct Section: Equatable, Sendable {
        public var heading: String
        public var items: [String]

        public init(_ heading: String, _ items: [String]) {
            self.heading = heading
            self.items = items
        }
    }

    /// `announcement`, `screening`, `skd` or `final`.
    public var stage: String
    public var vacancy: String
    public var lang: Lang
    public var title: String
    public var paragraphs: [String]
    /// Shown after the paragraphs and before the table.
    public var sections: [Section]
    public var columns: [Column]
    /// Cells as values (numbers stay numbers for CSV and JSON); words for people are already
    /// in the publication's language.
    public var rows: [[JSON]]

    public init(stage: String, vacancy: String, lang: Lang, title: String, paragraphs: [String] = [], sections: [Section] = [],
                columns: [Column] = [], rows: [[JSON]] = []) {
        self.stage = stage
        self.vacancy = vacancy
        self.lang = lang
        self.title = title
        self.paragraphs = paragraphs
        self.sections = sections
        self.columns = columns
        self.rows = rows
    }

    public var hasTable: Bool { !columns.isEmpty }

    // MARK: Markdown

    /// Markdown for a portal: a heading, paragraphs, lists and a table, every text escaped.
    public func markdown() -> String {
        var md = "# " + Markdown.escape(title) + "\n"
        for p in paragraphs { md += "\n" + Markdown.escape(p) + "\n" }
        for s in sections {
            md += "\n## " + Markdown.escape(s.heading) + "\n\n"
            for item in s.items { md += "- " + Markdown.escape(item) + "\n" }
        }
        if hasTable {
            md += "\n| " + columns.map { Markdown.escape($0.title) }.joined(separator: " | ") + " |\n"
            md += "|" + columns.map { $0.alignRight ? "---:|" : "---|" }.joined() + "\n"
            for row in rows {
                md += "| " + row.map { Markdown.escape(Renderer.cell($0)) }.joined(separator: " | ") + " |\n"
            }
        }
        return md
    }

    // MARK: CSV

    /// The table as the Renderer writes every CSV (formula-safe cells, the dialect's separator
    /// and decimal mark), headed by the column keys, after the dialect's byte-order mark.
    public func csv(_ dialect: CSVDialect) -> String {
        dialect.start + Renderer(format: .csv, csvDialect: dialect).render(output)
    }

    /// The table as a command's output, for the renderer.
    public var output: Output {
        Output(.table(columns: columns.map { Output.Column($0.key, .verbatim($0.title), alignRight: $0.alignRight) }, rows: rows))
    }

    // MARK: JSON

    /// `{"stage", "vacancy", "lang", "title", "paragraphs", "sections", "rows"}`: the rows as
    /// objects under the column keys, values as values.
    public var json: JSON {
        .object(JSONObject([
            ("stage", .string(stage)), ("vacancy", .string(vacancy)), ("lang", .string(lang.rawValue)), ("title", .string(title)),
            ("paragraphs", .array(paragraphs.map { .string($0) })),
            ("sections", .array(sections.map { .object(JSONObject([("heading", .string($0.heading)), ("items", .array($0.items.map { .string($0) }))])) })),
            ("rows", .array(rows.map { row in .object(JSONObject(zip(columns, row).map { ($0.key, $1) })) })),
        ]))
    }

    // MARK: plain text

    /// The publication as a terminal shows it: the title, the paragraphs and the lists as
    /// plain text (Markdown's escapes would only get in the way of reading), then `table`, the
    /// rows as the Renderer lays them out. Control characters are shown, never sent.
    public func screenText(table: String) -> String {
        var out = Controls.escape(title) + "\n"
        for p in paragraphs { out += "\n" + Controls.escape(p) + "\n" }
        for s in sections {
            out += "\n" + Controls.escape(s.heading) + "\n"
            for item in s.items { out += "  - " + Controls.escape(item) + "\n" }
        }
        if hasTable { out += "\n" + table }
        return out
    }

    /// The paragraphs alone, as they are (a post for social media is not Markdown), with
    /// control characters shown.
    public func plainText() -> String {
        paragraphs.map { Controls.escape($0) }.joined(separator: "\n\n") + "\n"
    }

    // MARK: HTML

    /// The page's style: A4, printable, nothing fetched. Markup, not words for people.
    static let style = """
        <style>
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "DejaVu Serif", "Times New Roman", serif; font-size: 11pt; color: #000; background: #fff; margin: 0; }
        h1 { font-size: 15pt; margin: 0 0 8pt; }
        h2 { font-size: 12pt; margin: 12pt 0 4pt; }
        p { margin: 0 0 6pt; }
        ul { margin: 0 0 6pt 16pt; padding: 0; }
        table { border-collapse: collapse; width: 100%; margin-top: 8pt; font-size: 10pt; }
        th, td { border: 1px solid #555; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        th.num, td.num { text-align: right; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        </style>

        """

    /// A self-contained printable page: UTF-8, the publication's language, inline style, no
    /// script and no address to fetch (a content security policy forbids any), every text
    /// through `HTML.escape`.
    public func html() -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"" + HTML.escape(lang.rawValue) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        h += "<title>" + HTML.escape(title) + "</title>\n" + Publication.style + "</head>\n<body>\n"
        h += "<h1>" + HTML.escape(title) + "</h1>\n"
        for p in paragraphs { h += "<p>" + HTML.escape(p) + "</p>\n" }
        for s in sections {
            h += "<h2>" + HTML.escape(s.heading) + "</h2>\n<ul>\n"
            for item in s.items { h += "<li>" + HTML.escape(item) + "</li>\n" }
            h += "</ul>\n"
        }
        if hasTable {
            func cls(_ c: Column) -> String { c.alignRight ? "<th class=\"num\">" : "<th>" }
            h += "<table>\n<thead><tr>" + columns.map { cls($0) + HTML.escape($0.title) + "</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                h += "<tr>" + zip(columns, row).map { c, v in (c.alignRight ? "<td class=\"num\">" : "<td>") + HTML.escape(Renderer.cell(v)) + "</td>" }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h + "</body>\n</html>\n"
    }
}
