import KemuningCore
import KemuningDomain
import KemuningStore
/// What a command gives back. One renderer turns it into a table, JSON, JSON lines or CSV;
/// the command never formats text for a terminal itself.
public struct Output: Equatable, Sendable {
    public enum Body: Equatable, Sendable {
        case none
        /// A sentence for people; `{"message": ...}` in JSON.
        case message(Message)
        /// One record: label/value pairs, shown one per line.
        case record([Field])
        /// Rows under columns.
        case table(columns: [Column], rows: [[JSON]])
    }

    public struct Column: Equatable, Sendable {
        /// The JSON key; a contract for automation.
        public var key: String
        /// The header people read.
        public var title: Message
        public var alignRight: Bool

        public init(_ key: String, _ title: Message, alignRight: Bool = false) {
            self.key = key
            self.title = title
            self.alignRight = alignRight
        }
    }

    public struct Field: Equatable, Sendable {
        public var key: String
        public var label: Message
        public var value: JSON
        /// How a table shows the field, in the user's language, when that is not simply the
        /// value: words for people (`MS (pass) on 2026-02-10`) whose `value` is their English,
        /// or a value with parts (`{"result": "pass", "reason": null, "date": "2026-02-10"}`)
        /// told as a sentence. JSON keeps the `value`; CSV keeps it too, except an object,
        /// which has no one cell: there CSV writes the display's English.
        public var display: Message?

        public init(_ key: String, _ label: Message, _ value: JSON, display: Message? = nil) {
            self.key = key
            self.label = label
            self.value = value
            self.display = display
        }

        /// A list of sentences: their English in JSON, their translations in a table.
        public static func proseList(_ key: String, _ label: Message, _ items: [Message]) -> Field {
            Field(key, label, .array(items.map { .string($0.english) }), display: .joined(items, separator: ", "))
        }

        /// A value that is a sentence: its English in JSON, its translation in a table.
        public static func prose(_ key: String, _ label: Message, _ text: Message) -> Field {
            Field(key, label, .string(text.english), display: text)
        }
    }

    public var body: Body
    /// What `let NAME = COMMAND` binds: the new id, or the number computed.
    public var value: String?
    /// Set by `quit` / `exit`: the session should end with this code.
    public var quit: Int32?

    public init(_ body: Body, value: String? = nil) {
        self.body = body
        self.value = value
    }

    public static let none = Output(.none)

    public static func message(_ text: Message, value: String? = nil) -> Output { Output(.message(text), value: value) }

    /// The answer of an `add` command: shows `vacancy V1 added`, binds `V1`, is `{"id": "V1"}` in JSON.
    public static func created(_ kind: Message, _ id: String) -> Output {
        Output(.record([Field("id", kind, .string(id))]), value: id).withMessage("\(kind) \(id) added")
    }

    /// A short sentence shown instead of the record in table format.
    public var tableMessage: Message?

    /// A line shown under a table (not in JSON or CSV).
    public var footnote: Message?

    /// On a terminal, a table can be drawn as bars: one per row, `label` beside a bar as long
    /// as `value` (a number column), scaled to the terminal's width.
    public struct Chart: Equatable, Sendable {
        public var label: String
        public var value: String
        /// A column whose value is marked on each bar (a standard to compare against).
        public var reference: String?
        /// One line of block characters, oldest first, instead of a bar per row.
        public var sparkline: Bool

        public init(label: String, value: String, reference: String? = nil, sparkline: Bool = false) {
            self.label = label
            self.value = value
            self.reference = reference
            self.sparkline = sparkline
        }
    }

    public var chart: Chart?

    /// Table cells that are words for people rather than data (`passed`, `closed 2026-05-01`),
    /// by column key: their English, as the rows hold it, to the message a table shows in the
    /// user's language. JSON and CSV keep the English, which automation may match on.
    public var prose: [String: [String: Message]] = [:]

    /// Columns of sentences the store kept in English (an audit entry's description, an
    /// action's finding): a table shows them in the user's language when the catalog has the
    /// template they were made from (`Catalog.translation(ofStored:in:)`), else as stored.
    public var storedProse: Set<String> = []

    /// The JSON form, when it is not simply the table's rows or the record's fields (a report
    /// with a summary and a list, like `survey ikm`). Tables and CSV still use `body`.
    public var jsonForm: JSON?

    /// The prose cells of `columns` (by key), collected by `cells`.
    public func withProse(_ cells: ProseCells, in columns: String...) -> Output {
        var o = self
        for c in columns { o.prose[c, default: [:]].merge(cells.map) { a, _ in a } }
        return o
    }

    /// Marks columns as sentences the store kept in English (see `storedProse`).
    public func withStoredProse(_ columns: String...) -> Output {
        var o = self
        o.storedProse.formUnion(columns)
        return o
    }

    public func withMessage(_ text: Message) -> Output {
        var o = self
        o.tableMessage = text
        return o
    }
}

/// Collects the cells of a table that are words for people: `cells.cell(m)` is the JSON the
/// row holds (the English), and the output remembers the message to show in a table.
public struct ProseCells {
    public private(set) var map: [String: Message] = [:]

    public init() {}

    public mutating func cell(_ m: Message) -> JSON {
        let english = m.english
        map[english] = m
        return .string(english)
    }

    /// A cell holding `value` (a code, like a tie-break rule's name) shown in other languages
    /// as `shown`; English tables show the value itself.
    public mutating func cell(_ value: String, shown: Message) -> JSON {
        map[value] = shown
        return .string(value)
    }
}
