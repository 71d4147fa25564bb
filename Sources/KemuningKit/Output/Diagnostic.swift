import KemuningCore
import KemuningDomain
import KemuningStore
/// An error placed in its source, ready to show:
///
///     intake.kmn:12:18: error: unknown flag '--seat'
///     vacancy add --seat 3
///                 ^~~~~~
///       included from main.kmn:4
///     hint: did you mean '--seats'?
public struct Diagnostic: Equatable, Sendable {
    public struct Include: Equatable, Sendable {
        public var file: String
        public var line: Int
    }

    public var error: KemuningError
    /// The source's name; nil for errors that belong to no source (the store, the invocation).
    public var file: String?
    public var lineText: String?
    /// Outermost last: the `source` lines that led here.
    public var includes: [Include]
    /// At the prompt the location prefix is left out: the user just typed the line.
    public var showLocation: Bool

    public init(_ error: KemuningError, file: String? = nil, lineText: String? = nil, includes: [Include] = [], showLocation: Bool = true) {
        self.error = error
        self.file = file
        self.lineText = lineText
        self.includes = includes
        self.showLocation = showLocation
    }

    /// Text for a terminal or a log, ending in a newline. Control characters in the message,
    /// the hint, a file name or the quoted line are shown as `\x1b`: a script or a value
    /// holding an escape sequence cannot drive the terminal through its error.
    public func render(color: Bool, lang: Lang = .en) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func text(_ m: Message) -> String { Controls.escape(m.localized(lang), keepingLineBreaks: true) }
        var head = ""
        if showLocation, let file {
            head = Controls.escape(file)
            if let r = error.range { head += ":\(r.line):\(r.column)" }
            head += ": "
        } else if file == nil {
            head = "kemuning: "
        }
        var out = paint(head, "1") + paint(Message("error:").localized(lang), "1;31") + " " + text(error.message) + "\n"
        if let text = lineText, let r = error.range {
            // The quoted line may hold a NIK: mask it (same length, so the caret still fits).
            let (shown, caretColumn, caretWidth) = Diagnostic.window(NIK.redact(text), column: r.column, length: r.length)
            out += shown + "\n"
            out += String(repeating: " ", count: caretColumn) + paint("^" + String(repeating: "~", count: max(caretWidth - 1, 0)), "1;32") + "\n"
        }
        for inc in includes { out += "  " + text("included from \(inc.file):\(inc.line)") + "\n" }
        if let hint = error.hint { out += paint(Message("hint:").localized(lang), "1;36") + " " + text(hint) + "\n" }
        return out
    }

    /// The part of a source line worth showing (at most ~150 columns around the error, tabs
    /// as spaces, other control characters as `\x1b`) and where the caret goes in it, in
    /// display columns.
    static func window(_ line: String, column: Int, length: Int) -> (String, Int, Int) {
        let scalars = Array(line.unicodeScalars)
        let start0 = max(column - 1, 0)
        var from = 0
        var to = scalars.count
        let budget = 150
        if scalars.count > budget {
            from = max(0, min(start0 - 50, scalars.count - budget))
            to = min(scalars.count, from + budget)
        }
        func shown(_ range: Range<Int>) -> String {
            var s = ""
            for u in scalars[range] {
                if u == "\t" { s += " " } else if Controls.isControl(u) { s += Controls.shown(u) } else { s.unicodeScalars.append(u) }
            }
            return s
        }
        let end = min(start0 + length, to)
        let marked = start0 < end ? shown(start0..<end) : ""
        var text = shown(from..<to)
        var caret = displayWidth(shown(from..<min(max(start0, from), to)))
        if from > 0 {
            text = "…" + text
            caret += 1
        }
        if to < scalars.count { text += "…" }
        return (text, caret, max(displayWidth(marked), 1))
    }

    /// The JSON form written to stderr under `--format json`.
    public var json: JSON { json(.en) }

    /// The message and hint are in `lang`; the keys, the kind and the exit code never change.
    public func json(_ lang: Lang) -> JSON {
        var o = JSONObject([("severity", .string("error"))])
        o["file"] = file.map { .string($0) } ?? .null
        o["line"] = error.range.map { JSON($0.line) } ?? .null
        o["column"] = error.range.map { JSON($0.column) } ?? .null
        o["message"] = .string(error.message.localized(lang))
        o["kind"] = .string(error.kind.rawValue)
        o["exit"] = JSON(Int(error.kind.exitCode))
        if let h = error.hint { o["hint"] = .string(h.localized(lang)) }
        if !includes.isEmpty {
            o["included_from"] = .array(includes.map { .object(JSONObject([("file", .string($0.file)), ("line", JSON($0.line))])) })
        }
        return .object(o)
    }
}

/// What kemuning says on standard error about the run as a whole, not about a line: that an
/// atomic run was rolled back. People read `kemuning: ...`; under `--format json` or `jsonl` it
/// is one JSON object like an error's, `severity` `notice`, with a `kind` that automation can
/// match on whatever the language of `message`.
public struct Notice: Equatable, Sendable {
    public var kind: String
    public var message: Message

    public init(kind: String, _ message: Message) {
        self.kind = kind
        self.message = message
    }

    /// An `--atomic` run failed and none of its changes were written.
    public static let atomicRollback = Notice(kind: "atomic-rollback", "the atomic run failed, so nothing it did was kept: the store is as it was")

    /// The line for people, ending in a newline.
    public func render(lang: Lang = .en) -> String {
        "kemuning: " + Controls.escape(message.localized(lang), keepingLineBreaks: true) + "\n"
    }

    /// The message is in `lang`; the keys and the kind never change.
    public func json(_ lang: Lang = .en) -> JSON {
        ["severity": "notice", "message": .string(message.localized(lang)), "kind": .string(kind)]
    }

    /// The text for standard error in `format`: the JSON line under json and jsonl.
    public func text(format: OutputFormat, lang: Lang) -> String {
        format == .json || format == .jsonl ? Renderer.serialized(json(lang)) + "\n" : render(lang: lang)
    }
}
