import CEditLine
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What one `readLine` produced.
enum ReadResult: Equatable {
    /// The line without its trailing newline; may contain "\n" when a recalled
    /// multi-line history entry is accepted.
    case line(String)
    /// Ctrl-C while editing: the caller discards the line and shows a fresh prompt.
    case interrupted
    /// Ctrl-D on an empty line, or end of input.
    case eof
}

/// The REPL's seam to the terminal.
protocol LineReader: AnyObject {
    func readLine(prompt: String) -> ReadResult
    /// Record one history entry (a whole, possibly multi-line, command). The reader adds it
    /// to the in-memory history for Up/Down/Ctrl-R and appends it to the history file (if
    /// any) immediately.
    func addHistory(_ entry: String)
    /// The history entries, oldest first (for the `history` command).
    var historyEntries: [String] { get }
}

// MARK: - libedit

/// Interactive line editing with libedit's native API: emacs keys (or whatever ~/.editrc
/// says), Up/Down and Ctrl-R through libedit's History, Tab completion through `complete`,
/// Ctrl-C discards the line, Ctrl-D on an empty line ends input.
final class EditLineReader: LineReader {
    private let el: OpaquePointer
    private let hist: OpaquePointer
    private let historyFile: HistoryFile?
    private let capacity: Int
    private var memoryHistory: [String] = []
    private let complete: (String, Int) -> Completion
    /// The current prompt with its escape sequences enclosed in \u{1}, as a C string
    /// (libedit asks for it through `promptCallback` on every redraw).
    private var promptC: UnsafeMutablePointer<CChar>?
    /// Display width of the prompt's last line.
    private var promptWidth = 0
    /// Set by the ^C editor function.
    private var interrupted = false

    /// `complete` is called on Tab with the current line and the cursor as a Unicode-scalar offset.
    init(programName: String, history: HistoryFile?, complete: @escaping (String, Int) -> Completion) {
        kem_setlocale_utf8()
        guard let el = kem_el_init_stdio(programName), let hist = history_init() else {
            fatalError("libedit: el_init or history_init failed")
        }
        self.el = el
        self.hist = hist
        self.historyFile = history
        self.capacity = history?.capacity ?? 5000
        self.complete = complete

        kem_history_setsize(hist, Int32(clamping: capacity))
        kem_history_setunique(hist, 1)
        for entry in history?.entries ?? [] { kem_history_enter(hist, entry) }

        kem_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        kem_el_set_prompt_esc(el, EditLineReader.promptCallback, 1)
        kem_el_set_editor(el, "emacs")
        kem_el_set_signal(el, 1)          // redraw on SIGWINCH / SIGCONT while editing
        kem_el_set_hist(el, hist)
        el_source(el, nil)                // ~/.editrc (or $EDITRC); may switch to vi keys
        // Our bindings come after ~/.editrc, so a `bind -v` there does not drop them.
        kem_el_addfn(el, "kem-complete", "Complete the word before the cursor", EditLineReader.completeCallback)
        kem_el_addfn(el, "kem-interrupt", "Discard the line", EditLineReader.interruptCallback)
        kem_el_bind(el, "^I", "kem-complete")
        kem_el_bind(el, "^C", "kem-interrupt")
        kem_el_bind_alt(el, "^C", "kem-interrupt")
        // While editing, ^C is a key, not a signal (a SIGINT racing el_gets gets lost).
        kem_el_setty(el, "-d", "-intr")
    }

    deinit {
        el_end(el)
        history_end(hist)
        free(promptC)
    }

    func readLine(prompt: String) -> ReadResult {
        setPrompt(prompt)
        interrupted = false
        var count: Int32 = 0
        var tty = kem_tty_save(0)
        let raw = el_gets(el, &count)
        let savedErrno = errno
        // libedit's el_gets puts the terminal back in cooked mode itself (read_finish);
        // this is a safety net so a running command can always be interrupted with ^C.
        kem_tty_restore_if_changed(0, &tty)
        if interrupted {
            interrupted = false
            return .interrupted
        }
        guard let raw, count > 0 else {
            // A signal (kill -INT) while waiting for a key: treat like ^C, not like end of
            // input, and leave the half-drawn line. On Ctrl-D libedit has echoed "^D" and
            // the caller ends the line.
            if count < 0 && savedErrno == EINTR {
                kem_write_stdout("\n")
                return .interrupted
            }
            return .eof
        }
        var bytes = UnsafeRawBufferPointer(start: raw, count: Int(count))[...]
        if bytes.last == 10 { bytes = bytes.dropLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    func addHistory(_ entry: String) {
        var entry = entry
        while entry.hasSuffix(" ") { entry.removeLast() }   // a completion's trailing space
        let stored: Bool
        if let historyFile {
            stored = historyFile.append(entry)
        } else {
            stored = HistoryFile.shouldStore(entry, after: memoryHistory.last)
            if stored {
                memoryHistory.append(entry)
                if memoryHistory.count > capacity { memoryHistory.removeFirst(memoryHistory.count - capacity) }
            }
        }
        if stored { kem_history_enter(hist, entry) }
    }

    var historyEntries: [String] { historyFile?.entries ?? memoryHistory }

    // MARK: Prompt

    private func setPrompt(_ prompt: String) {
        let (wrapped, width) = EditLineReader.markEscapes(prompt)
        free(promptC)
        promptC = strdup(wrapped)
        promptWidth = width
    }

    /// Encloses ANSI escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ESC \`,
    /// two-character `ESC x`) in \u{1} so libedit does not count them as printing, and
    /// measures the display width of the prompt's last line.
    static func markEscapes(_ prompt: String) -> (String, Int) {
        var out = String.UnicodeScalarView()
        let s = Array(prompt.unicodeScalars)
        var width = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\u{1B}" {
                var j = i + 1
                if j < s.count && s[j] == "[" {
                    j += 1
                    while j < s.count && !(0x40...0x7E).contains(s[j].value) { j += 1 }
                    j = min(j + 1, s.count)
                } else if j < s.count && s[j] == "]" {
                    j += 1
                    while j < s.count && s[j] != "\u{07}" && !(s[j] == "\u{1B}" && j + 1 < s.count && s[j + 1] == "\\") { j += 1 }
                    j = min(j + (j < s.count && s[j] == "\u{1B}" ? 2 : 1), s.count)
                } else {
                    j = min(j + 1, s.count)
                }
                out.append("\u{1}")
                out.append(contentsOf: s[i..<j])
                out.append("\u{1}")
                i = j
                continue
            }
            if c == "\n" { width = 0 } else { width += displayWidth(c) }
            out.append(c)
            i += 1
        }
        return (String(out), width)
    }

    // MARK: Callbacks (C function pointers: no captures; reach self through EL_CLIENTDATA)

    private static func reader(_ el: OpaquePointer?) -> EditLineReader? {
        guard let el, let data = kem_el_get_clientdata(el) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    private static let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { el in
        reader(el)?.promptC
    }

    private static let interruptCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
        guard let el, let me = reader(el) else { return UInt8(CC_ERROR) }
        me.interrupted = true
        // Show "^C" after the text, then let libedit's own newline command move below the
        // (possibly wrapped) line and end el_gets. readLine discards the line.
        if let info = el_line(el) {
            let tail = String(decoding: UnsafeRawBufferPointer(start: info.pointee.cursor,
                count: info.pointee.lastchar - info.pointee.cursor), as: UTF8.self)
            el_cursor(el, Int32(tail.unicodeScalars.count))
        }
        el_insertstr(el, "^C")
        el_push(el, "\n")
        return UInt8(CC_REFRESH)
    }

    private static let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
        guard let el, let me = reader(el) else { return UInt8(CC_ERROR) }
        return UInt8(me.completeWord(el))
    }

    // MARK: Completion

    private func completeWord(_ el: OpaquePointer) -> Int32 {
        guard let info = el_line(el)?.pointee else { return CC_ERROR }
        let all = UnsafeRawBufferPointer(start: info.buffer, count: info.lastchar - info.buffer)
        let cursorByte = info.cursor - info.buffer
        let line = String(decoding: all, as: UTF8.self)
        let beforeCursor = String(decoding: all[..<cursorByte], as: UTF8.self)
        let cursor = beforeCursor.unicodeScalars.count

        let completion = complete(line, cursor)
        let candidates = completion.candidates
        if candidates.isEmpty { return CC_REFRESH_BEEP }

        let scalars = Array(line.unicodeScalars)
        let from = min(max(completion.replaceFrom, 0), cursor)
        let typed = Array(scalars[from..<cursor])

        var insertion: [Unicode.Scalar]
        if candidates.count == 1 {
            insertion = Array(candidates[0].text.unicodeScalars)
            let nextIsSpace = cursor < scalars.count && scalars[cursor] == " "
            if candidates[0].appendSpace && !nextIsSpace { insertion.append(" ") }
        } else {
            insertion = Array(commonPrefix(candidates.map(\.text)).unicodeScalars)
        }

        let changes = insertion != typed && (candidates.count == 1 || insertion.count >= typed.count)
        if changes {
            if insertion.starts(with: typed) {
                insert(String(String.UnicodeScalarView(insertion[typed.count...])), el)
            } else {
                // Different case (or a correction): replace the typed word.
                el_deletestr(el, Int32(typed.count))
                insert(String(String.UnicodeScalarView(insertion)), el)
            }
            return CC_REFRESH
        }
        if candidates.count == 1 { return CC_REFRESH }

        // Several candidates and nothing more to insert: list them below the line.
        let columns = Int(kem_tty_columns(1)) > 0 ? Int(kem_tty_columns(1)) : max(Int(kem_el_columns(el)), 80)
        // Start below the last row of the (possibly wrapped) line, not below the cursor.
        let row = cursorRow(scalars[..<cursor], columns: columns)
        let lastRow = cursorRow(scalars[...], columns: columns)
        var text = String(repeating: "\n", count: max(lastRow - row, 0))
        text += "\r\n" + EditLineReader.formatCandidates(candidates, width: columns) + "\r\n"
        // libedit redraws the line from its idea of the cursor row: leave that many rows
        // so the redraw starts right under the list instead of overwriting its end.
        text += String(repeating: "\r\n", count: row)
        kem_write_stdout(text)
        return CC_REDISPLAY
    }

    private func insert(_ s: String, _ el: OpaquePointer) {
        if !s.isEmpty { el_insertstr(el, s) }
    }

    /// Row of the cursor within the edited text (0 = the prompt's row).
    private func cursorRow(_ before: ArraySlice<Unicode.Scalar>, columns: Int) -> Int {
        var row = 0, col = promptWidth % max(columns, 1)
        for c in before {
            if c == "\n" { row += 1; col = 0; continue }
            let w = EditLineReader.displayWidth(c)
            if col + w > columns { row += 1; col = 0 }
            col += w
            if col >= columns { row += 1; col = 0 }
        }
        return row
    }

    /// Labelled candidates one per line (`text  label`, labels aligned); otherwise in
    /// columns, top to bottom then left to right. Lines end with "\r\n" except the last.
    /// Names and labels come from the store and the disk (a snapshot's file name): their
    /// control characters are shown as `\x1b`.
    static func formatCandidates(_ listed: [Completion.Candidate], width: Int) -> String {
        let candidates = listed.map { Completion.Candidate(Controls.escape($0.text), label: $0.label.map { Controls.escape($0) }) }
        let widths = candidates.map { displayWidth($0.text) }
        let maxWidth = widths.max() ?? 0
        if candidates.contains(where: { $0.label != nil }) {
            return zip(candidates, widths).map { c, w in
                guard let label = c.label, !label.isEmpty else { return c.text }
                return c.text + String(repeating: " ", count: maxWidth - w) + "  " + label
            }.joined(separator: "\r\n")
        }
        let columnWidth = maxWidth + 2
        let perRow = max(1, (width + 2) / columnWidth)
        let rows = (candidates.count + perRow - 1) / perRow
        var lines: [String] = []
        for r in 0..<rows {
            var line = ""
            var c = 0
            while c * rows + r < candidates.count {
                let index = c * rows + r
                if c > 0 { line += String(repeating: " ", count: columnWidth - widths[index - rows]) }
                line += candidates[index].text
                c += 1
            }
            lines.append(line)
        }
        return lines.joined(separator: "\r\n")
    }

    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + displayWidth($1) }
    }

    static func displayWidth(_ c: Unicode.Scalar) -> Int {
        max(Int(kem_wcwidth(c.value)), 0)
    }
}
