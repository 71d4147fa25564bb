// Helpers for REPLTerminalTests: a private HOME per test, a driver for the kemuning shell under a pty
// (built on PTYProcess), and a tiny terminal screen model to assert what the edited line looks like.

import Glibc

enum KemuningBinary {
    /// $KEMUNING_BIN, else the `kemuning` beside the test bundle (as TranscriptTests' Paths.binary).
    static let path: String = {
        if let b = getenv("KEMUNING_BIN") { return String(cString: b) }
        let me = CommandLine.arguments[0]
        var dir = String(me[..<(me.lastIndex(of: "/") ?? me.startIndex)])
        if dir.hasSuffix(".xctest/Contents/MacOS") { dir = String(dir.dropLast(".xctest/Contents/MacOS".count)) }
        return dir + "/kemuning"
    }()
}

/// A private HOME (mkdtemp) holding the state folder (history) and the store; removed on deinit.
final class TestHome {
    /// $TMPDIR (a full path), else /tmp: scripts/test checks that its TMPDIR is empty after.
    static let temporaryRoot: String = {
        if let t = getenv("TMPDIR").map({ String(cString: $0) }), t.hasPrefix("/") {
            return t.count > 1 && t.hasSuffix("/") ? String(t.dropLast()) : t
        }
        return "/tmp"
    }()
    static let prefix = temporaryRoot + "/kemuning-term-"
    let path: String

    init() throws {
        var template = Array((TestHome.prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let p = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: p)
        }
        guard let made else { throw PTYError(description: "mkdtemp failed: \(String(cString: strerror(errno)))") }
        path = made
    }

    deinit { TestHome.removeTree(path) }

    var stateHome: String { path + "/state" }
    var historyPath: String { stateHome + "/kemuning/history" }

    var environment: [String: String] {
        [
            "HOME": path,
            "XDG_STATE_HOME": stateHome,
            "KEMUNING_STORE": path + "/store",
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
            "TMPDIR": TestHome.temporaryRoot,
        ]
    }

    /// The file's bytes as UTF-8 text, or nil when it cannot be opened.
    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Removes a folder tree we created (refuses anything outside our mkdtemp prefix).
    private static func removeTree(_ path: String) {
        guard path.hasPrefix(prefix) else { return }
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            var names: [String] = []
            if let dir = opendir(path) {
                while let entry = readdir(dir) {
                    let name = withUnsafePointer(to: &entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(dir)
            }
            for name in names { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

/// The kemuning shell under a pty, started in `home`, already at its first prompt and in raw mode.
final class KemuningShell {
    static let prompt = "kemuning> "
    static let continuation = "...> "
    let pty: PTYProcess

    /// `environment` adds to (or replaces) the home's variables; `banner` is the end of the
    /// greeting to wait for (it is in the user's language).
    init(home: TestHome, arguments: [String] = [], environment: [String: String] = [:], banner: String = "Ctrl-D to leave.") throws {
        pty = try PTYProcess(path: KemuningBinary.path, arguments: arguments, environment: home.environment.merging(environment) { _, new in new })
        try pty.expect(banner)
        try pty.expect(KemuningShell.prompt)
        try pty.waitForRawMode()
    }

    /// Sends keys as they are (no Enter added).
    func type(_ keys: String) throws { try pty.send(keys) }

    /// Types `line` and Enter, waits for the next `prompt` and for raw mode; returns what came in
    /// between (the echoed line and the command's output) without escape sequences or \r.
    @discardableResult
    func enter(_ line: String, thenPrompt prompt: String = KemuningShell.prompt, timeout: Double = 5) throws -> String {
        try pty.send(line + "\r")
        return try awaitPrompt(prompt, timeout: timeout)
    }

    /// Waits for the next `prompt` and for raw mode; returns the plain text before the prompt.
    @discardableResult
    func awaitPrompt(_ prompt: String = KemuningShell.prompt, timeout: Double = 5) throws -> String {
        let chunk = try pty.expect(prompt, timeout: timeout)
        try pty.waitForRawMode(timeout: timeout)
        return String(PTYProcess.stripEscapes(chunk).dropLast(prompt.count))
    }

    /// Ctrl-D at an empty prompt; returns the exit status.
    func quit() throws -> Int32 {
        try pty.send("\u{4}")
        return try pty.wait(timeout: 5)
    }

    /// Waits until the terminal is back in canonical mode: the line editor has returned the line
    /// and the command is about to run (or running), with Ctrl-C generating SIGINT again.
    func waitForCanonicalMode(timeout: Double = 5) throws {
        let deadline = KemuningShell.now() + timeout
        // waitForRawMode(timeout: 0) throws exactly when the terminal is not in raw mode now.
        while (try? pty.waitForRawMode(timeout: 0)) != nil {
            if KemuningShell.now() >= deadline {
                throw PTYError(description: "waitForCanonicalMode: terminal still in raw mode after \(timeout) s")
            }
            _ = try? pty.expect("\u{0}", timeout: 0.01)  // read output meanwhile
        }
    }

    /// What a terminal would show now.
    var screen: Screen { Screen(pty.output) }

    /// Reads output until `condition` holds for the screen; throws with the screen shown otherwise.
    /// Does not move the read mark used by `enter`/`awaitPrompt`.
    @discardableResult
    func waitForScreen(_ what: String, timeout: Double = 5, _ condition: (Screen) -> Bool) throws -> Screen {
        let deadline = KemuningShell.now() + timeout
        while true {
            let s = screen
            if condition(s) { return s }
            if KemuningShell.now() >= deadline {
                throw PTYError(description: "waitForScreen(\(what)): not seen after \(timeout) s; screen (⟨cursor⟩):\n\(s.dump)")
            }
            // Reads output for up to 50 ms; the child never writes NUL so this never matches.
            _ = try? pty.expect("\u{0}", timeout: 0.05)
        }
    }

    /// Waits until the text left of the cursor on its row is exactly `text` (e.g. "kemuning> vacancy ").
    @discardableResult
    func waitForLine(_ text: String, timeout: Double = 5) throws -> Screen {
        try waitForScreen("line left of cursor == \"\(text)\"", timeout: timeout) { $0.beforeCursor == text }
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// Lines of a plain chunk (as returned by `enter`).
func outputLines(_ chunk: String) -> [String] {
    chunk.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// A minimal terminal model (80 columns, unbounded rows, no scrolling) for the sequences libedit
/// uses with TERM=xterm: text, CR, LF, BS, TAB, cursor moves (CSI A B C D G H), erase (CSI K J),
/// delete/insert/erase characters (CSI P @ X). Other sequences are ignored. Every scalar is one column.
struct Screen {
    private(set) var rows: [[Unicode.Scalar]] = [[]]
    private(set) var row = 0
    private(set) var col = 0
    let width: Int
    private var pendingWrap = false

    init(_ text: String, width: Int = 80) {
        self.width = width
        feed(text)
    }

    /// Rows as text, trailing blanks removed.
    var lines: [String] { rows.map { Screen.trimmed($0) } }

    /// The cursor's row, trailing blanks removed.
    var cursorLine: String { Screen.trimmed(rows[row]) }

    /// The cursor's row left of the cursor, blanks kept (so a completion's trailing space shows).
    var beforeCursor: String {
        var cells = Array(rows[row].prefix(col))
        while cells.count < col { cells.append(" ") }
        return String(String.UnicodeScalarView(cells))
    }

    /// The screen for failure messages, with the cursor marked.
    var dump: String {
        rows.enumerated().map { i, r in
            var text = r
            if i == row {
                while text.count < col { text.append(" ") }
                return String(String.UnicodeScalarView(text[..<col])) + "⟨cursor⟩" + String(String.UnicodeScalarView(text[col...]))
            }
            return String(String.UnicodeScalarView(text))
        }.joined(separator: "\n")
    }

    private static func trimmed(_ cells: [Unicode.Scalar]) -> String {
        var c = cells[...]
        while c.last == " " { c = c.dropLast() }
        return String(String.UnicodeScalarView(c))
    }

    private mutating func ensureRow() {
        while rows.count <= row { rows.append([]) }
    }

    private mutating func put(_ c: Unicode.Scalar) {
        if pendingWrap { row += 1; col = 0; pendingWrap = false }
        ensureRow()
        while rows[row].count < col { rows[row].append(" ") }
        if col < rows[row].count { rows[row][col] = c } else { rows[row].append(c) }
        if col == width - 1 { pendingWrap = true } else { col += 1 }
    }

    private mutating func moveTo(row r: Int, col c: Int) {
        row = max(0, r)
        col = min(max(0, c), width - 1)
        pendingWrap = false
        ensureRow()
    }

    private mutating func feed(_ text: String) {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            i += 1
            switch c {
            case "\r": moveTo(row: row, col: 0)
            case "\n": moveTo(row: row + 1, col: col)
            case "\u{8}": moveTo(row: row, col: col - 1)
            case "\t": moveTo(row: row, col: (col / 8 + 1) * 8)
            case "\u{1b}":
                guard i < s.count else { return }
                let kind = s[i]
                i += 1
                if kind == "[" {
                    var params = ""
                    while i < s.count && !(0x40...0x7e).contains(s[i].value) { params.unicodeScalars.append(s[i]); i += 1 }
                    guard i < s.count else { return }
                    let final = s[i]
                    i += 1
                    csi(final, params)
                } else if kind == "]" || kind == "P" || kind == "X" || kind == "^" || kind == "_" {
                    while i < s.count {
                        if s[i] == "\u{7}" { i += 1; break }
                        if s[i] == "\u{1b}" && i + 1 < s.count && s[i + 1] == "\\" { i += 2; break }
                        i += 1
                    }
                } else if (0x20...0x2f).contains(kind.value) {
                    while i < s.count && (0x20...0x2f).contains(s[i].value) { i += 1 }
                    i += 1
                }
            default:
                if c.value < 0x20 || c.value == 0x7f { continue }  // BEL and other controls
                put(c)
            }
        }
    }

    private mutating func csi(_ final: Unicode.Scalar, _ params: String) {
        if params.hasPrefix("?") || params.hasPrefix(">") { return }  // private modes
        let numbers = params.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func p(_ k: Int, _ fallback: Int) -> Int {
            guard k < numbers.count, let v = numbers[k], v > 0 else { return fallback }
            return v
        }
        let n = p(0, 1)
        switch final {
        case "A": moveTo(row: row - n, col: col)
        case "B": moveTo(row: row + n, col: col)
        case "C": moveTo(row: row, col: col + n)
        case "D": moveTo(row: row, col: col - n)
        case "G": moveTo(row: row, col: n - 1)
        case "H", "f": moveTo(row: p(0, 1) - 1, col: p(1, 1) - 1)
        case "K":
            let mode = numbers.first.flatMap { $0 } ?? 0
            ensureRow()
            if mode == 0 { if col < rows[row].count { rows[row].removeSubrange(col...) } }
            else if mode == 1 { var k = 0; while k <= col && k < rows[row].count { rows[row][k] = " "; k += 1 } }
            else { rows[row] = [] }
        case "J":
            let mode = numbers.first.flatMap { $0 } ?? 0
            ensureRow()
            if mode == 0 {
                if col < rows[row].count { rows[row].removeSubrange(col...) }
                if row + 1 < rows.count { rows.removeSubrange((row + 1)...) }
            } else if mode == 2 || mode == 3 {
                for k in rows.indices { rows[k] = [] }
            }
        case "P":
            ensureRow()
            if col < rows[row].count { rows[row].removeSubrange(col..<min(rows[row].count, col + n)) }
        case "@":
            ensureRow()
            if col <= rows[row].count { rows[row].insert(contentsOf: repeatElement(" ", count: n), at: col) }
        case "X":
            ensureRow()
            var k = col
            while k < min(rows[row].count, col + n) { rows[row][k] = " "; k += 1 }
        default:
            break  // SGR (m) and the rest
        }
    }
}
