import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
#if canImport(CEditLine)
import CEditLine
#endif

/// A fresh folder (`makeTemporaryFolder`), removed by `cleanup()`.
private struct TempDir {
    let path: String

    init() {
        path = makeTemporaryFolder("histtest")
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanup() {
        removeTemporaryFolder(path)
    }
}

private func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n == 0 { break }
        bytes += buf[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func writeFile(_ path: String, _ text: String) {
    let f = fopen(path, "wb")!
    fputs(text, f)
    fclose(f)
}

private func fileMode(_ path: String) -> mode_t {
    var st = stat()
    _ = stat(path, &st)
    return st.st_mode & 0o777
}

@Suite("HistoryFile")
struct HistoryFileTests {
    // MARK: Encoding

    @Test("vis encoding matches libedit's strvis(VIS_WHITE)")
    func encoding() {
        #expect(HistoryFile.encodeLine("vacancy list") == #"vacancy\040list"#)
        #expect(HistoryFile.encodeLine("a\tb") == #"a\011b"#)
        #expect(HistoryFile.encodeLine("a\nb") == #"a\012b"#)
        #expect(HistoryFile.encodeLine(#"C:\dir"#) == #"C:\134dir"#)
        #expect(HistoryFile.encodeLine("x\u{1}y\u{7F}") == #"x\001y\177"#)
        #expect(HistoryFile.encodeLine("Sukmawati Rahayu — Ā") == #"Sukmawati\040Rahayu\040—\040Ā"#)
        #expect(HistoryFile.encodeLine("\u{85}") == #"\302\205"#)  // C1 control: octal of its UTF-8 bytes
        #expect(!HistoryFile.encodeLine("a\nb\nc").contains("\n"))
    }

    @Test("decoding accepts libedit's escape styles")
    func decoding() {
        func d(_ s: String) -> String { HistoryFile.decode(Array(s.utf8)) }
        #expect(d(#"vacancy\040list"#) == "vacancy list")
        #expect(d(#"a\\b"#) == #"a\b"#)
        #expect(d(#"a\134b"#) == #"a\b"#)
        #expect(d(#"\^A\^?"#) == "\u{1}\u{7F}")
        #expect(d(#"\M-b\M^@\M^T"#) == "—")            // strvis in the C locale: UTF-8 bytes as meta chars
        #expect(d(#"a\sb\tc\nd"#) == "a b\tc\nd")
        #expect(d(#"\0\12x"#) == "\u{0}\nx")              // 1-3 octal digits
        #expect(d(#"\x41\$z"#) == "Az")
        #expect(d(#"trailing\"#) == #"trailing\"#)
        #expect(d(#"\q"#) == "q")
        #expect(d(#"\M-"#) == "M-")                         // truncated escapes do not crash
        #expect(d(#"\377"#) == "\u{FFFD}")                  // invalid UTF-8 is repaired
    }

    @Test("encode/decode round-trip", arguments: [
        "plain", "with space", "  leading and trailing  ", #"back\slash\\"#, "tab\there",
        "multi\nline\nentry", "Sukmawati Rahayu — Ā", "emoji 👩🏽‍💻 and 漢字", "ctrl \u{1}\u{1B}[31m\u{7F}",
        "\\040 literal escape text", "_HiStOrY_V2_ inside", "\u{85}\u{A0}\u{2028}",
    ])
    func roundTrip(_ entry: String) {
        let encoded = HistoryFile.encode(entry)
        #expect(!encoded.contains(10))
        #expect(HistoryFile.decode(encoded) == entry)
    }

    // MARK: Default path

    @Test func defaultPath() {
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/kemuning/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/h"]) == "/s/kemuning/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/kemuning/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]) == "/h/.local/state/kemuning/history")
        #expect(HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/kemuning/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    // MARK: Files

    @Test("creates parent folders 0700 and the file 0600 with the header on first append")
    func creates() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("state/kemuning/history")
        let h = try HistoryFile(path: path)
        #expect(h.entries.isEmpty)
        #expect(h.lastError == nil)
        #expect(fileMode(dir.file("state")) == 0o700)
        #expect(fileMode(dir.file("state/kemuning")) == 0o700)
        #expect(fileMode(path) == 0o600)
        #expect(h.append("vacancy list"))
        #expect(readFile(path) == "_HiStOrY_V2_\nvacancy\\040list\n")
    }

    @Test("skip rules: empty, leading space, consecutive duplicate")
    func skipRules() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let h = try HistoryFile(path: dir.file("history"))
        #expect(h.append("a"))
        #expect(!h.append(""))
        #expect(!h.append(" secret"))
        #expect(!h.append("a"))
        #expect(h.append("b"))
        #expect(h.append("a"))            // not consecutive: stored
        #expect(h.entries == ["a", "b", "a"])
        #expect(try HistoryFile(path: dir.file("history")).entries == ["a", "b", "a"])
        #expect(HistoryFile.shouldStore("x", after: nil))
        #expect(!HistoryFile.shouldStore("x", after: "x"))
    }

    @Test("persists across reopen, exactly")
    func persistence() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        let entries = ["vacancy list", "applicant add \\\n--name \"Sukmawati Rahayu — Ā\"", #"path C:\x\y"#, "tab\tend"]
        do {
            let h = try HistoryFile(path: path)
            for e in entries { #expect(h.append(e)) }
        }
        let reopened = try HistoryFile(path: path)
        #expect(reopened.entries == entries)
        reopened.append("more")
        #expect(try HistoryFile(path: path).entries == entries + ["more"])
        let text = readFile(path) ?? ""
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        #expect(text.split(separator: "\n").count == 1 + entries.count + 1)  // multi-line entry is one line
    }

    @Test("capping keeps the last N entries and the header")
    func capping() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        let h = try HistoryFile(path: path, capacity: 10)
        for i in 1...25 { h.append("cmd \(i)") }
        #expect(h.entries == (16...25).map { "cmd \($0)" })
        // The file is rewritten once it passes capacity + capacity/10, so it never holds
        // more than 11 entries and always starts with the header.
        let lines = (readFile(path) ?? "").split(separator: "\n")
        #expect(lines.first == "_HiStOrY_V2_")
        #expect(lines.count - 1 <= 11)
        #expect(lines.last == #"cmd\04025"#)
        #expect(try HistoryFile(path: path, capacity: 10).entries == (16...25).map { "cmd \($0)" })
        // No temporary file is left behind.
        #expect(access(path + ".tmp.\(getpid())", F_OK) != 0)
    }

    @Test("capping on load rewrites an oversized file")
    func cappingOnLoad() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        writeFile(path, "_HiStOrY_V2_\n" + (1...50).map { "e\($0)\n" }.joined())
        let h = try HistoryFile(path: path, capacity: 20)
        #expect(h.entries == (31...50).map { "e\($0)" })
        #expect(readFile(path) == "_HiStOrY_V2_\n" + (31...50).map { "e\($0)\n" }.joined())
    }

    @Test("a file without the header is loaded, kept, and rewritten with the header on the next append")
    func missingHeader() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        // Truncated from the top: a partial first line, then vis-encoded lines.
        writeFile(path, "ancy\\040list\nvacancy\\040show\\040V1\n\napplicant\n")
        let h = try HistoryFile(path: path)
        #expect(h.entries == ["ancy list", "vacancy show V1", "applicant"])
        #expect(readFile(path) == "ancy\\040list\nvacancy\\040show\\040V1\n\napplicant\n")  // untouched by loading
        #expect(h.append("new one"))
        #expect(readFile(path) == "_HiStOrY_V2_\nancy\\040list\nvacancy\\040show\\040V1\napplicant\nnew\\040one\n")
        #expect(try HistoryFile(path: path).entries == ["ancy list", "vacancy show V1", "applicant", "new one"])
    }

    @Test("a partial last line (crash mid-write) stays separate from the next entry")
    func partialLastLine() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        writeFile(path, "_HiStOrY_V2_\nfirst\npartial")
        let h = try HistoryFile(path: path)
        #expect(h.entries == ["first", "partial"])
        h.append("next")
        #expect(try HistoryFile(path: path).entries == ["first", "partial", "next"])
    }

    @Test("entries appended by another session are kept when capping")
    func twoSessions() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        let a = try HistoryFile(path: path, capacity: 10)
        let b = try HistoryFile(path: path, capacity: 10)
        for i in 1...5 { a.append("a\(i)"); b.append("b\(i)") }
        // Each session counts its own appends from what it loaded: a passes 11 at a12 and
        // rewrites the file with the last 10 entries on disk, b's included.
        for i in 6...12 { a.append("a\(i)") }
        let onDisk = try HistoryFile(path: path, capacity: 10).entries
        #expect(onDisk == ["b4", "a5", "b5", "a6", "a7", "a8", "a9", "a10", "a11", "a12"])
        b.append("b6")  // b appends to the renamed file, not the old inode
        #expect(try HistoryFile(path: path, capacity: 10).entries.last == "b6")
    }

    @Test("an unwritable path: history works in memory and lastError says why")
    func unwritable() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        writeFile(dir.file("plainfile"), "x")
        // The parent "folder" is a regular file: cannot be created, even by root.
        let h = try HistoryFile(path: dir.file("plainfile/kemuning/history"))
        #expect(h.lastError != nil)
        #expect(h.entries.isEmpty)
        #expect(h.append("still remembered"))
        #expect(!h.append("still remembered"))
        #expect(h.entries == ["still remembered"])
        #expect(h.lastError != nil)
    }

    @Test("a folder at the path, an empty path or a zero capacity throw")
    func throwsForUnusablePaths() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        #expect(throws: HistoryFile.Error.self) { try HistoryFile(path: dir.path) }
        #expect(throws: HistoryFile.Error.self) { try HistoryFile(path: "") }
        #expect(throws: HistoryFile.Error.self) { try HistoryFile(path: dir.file("h"), capacity: 0) }
    }

    @Test("a large history loads quickly and exactly")
    func largeHistory() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        let entries = (1...5000).map { "command number \($0) with — ünïcode\nand a second line" }
        writeFile(path, "_HiStOrY_V2_\n" + entries.map { HistoryFile.encodeLine($0) + "\n" }.joined())
        #expect(try HistoryFile(path: path).entries == entries)
    }

    // MARK: libedit interoperability (needs the CEditLine module in this test target)

    #if canImport(CEditLine)
    private func libeditEntries(_ h: OpaquePointer) -> [String] {
        var result: [String] = []
        var p = kem_history_oldest(h)
        while let s = p { result.append(String(cString: s)); p = kem_history_newer(h) }
        return result
    }

    private static let interopEntries = [
        "vacancy list", "applicant add \\\n--name \"Sukmawati Rahayu — Ā\"", #"back\slash\\"#,
        "tab\there", "ctrl\u{1}x", "spaced  out\t end ", "emoji 👩🏽‍💻",
    ]

    @Test("libedit's H_LOAD reads a file written by HistoryFile")
    func libeditLoadsOurFile() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        let ours = try HistoryFile(path: path)
        for e in Self.interopEntries { #expect(ours.append(e)) }
        let h = try #require(history_init())
        defer { history_end(h) }
        kem_history_setsize(h, 100)
        #expect(kem_history_load(h, path) == Int32(Self.interopEntries.count))
        #expect(libeditEntries(h) == Self.interopEntries)
    }

    @Test("HistoryFile reads a file written by libedit's H_SAVE")
    func weLoadLibeditsFile() throws {
        let dir = TempDir(); defer { dir.cleanup() }
        let path = dir.file("history")
        let h = try #require(history_init())
        defer { history_end(h) }
        kem_history_setsize(h, 100)
        for e in Self.interopEntries { kem_history_enter(h, e) }
        #expect(kem_history_save(h, path) == Int32(Self.interopEntries.count))
        #expect(try HistoryFile(path: path).entries == Self.interopEntries)
    }
    #endif
}
