import Testing
@testable import KemuningKit
#if canImport(Glibc)
import Glibc
#endif

/// The package's root, found from this file's path.
private let root: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

private func readText(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        bytes += buf[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func swiftFiles(_ dir: String) -> [String] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var out: [String] = []
    while let e = readdir(d) {
        let name = withUnsafePointer(to: e.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if name.hasPrefix(".") { continue }
        let path = dir + "/" + name
        if name.hasSuffix(".swift") { out.append(path) } else if e.pointee.d_type == UInt8(DT_DIR) { out += swiftFiles(path) }
    }
    return out.sorted()
}

/// Every string literal of the shell's sources (the catalog itself left out).
let sourceLiterals: [SwiftLiteral] = {
    (swiftFiles(root + "/Sources/KemuningKit") + swiftFiles(root + "/Sources/kemuning"))
        .filter { !$0.hasSuffix("Catalog+id.swift") }
        .flatMap { path in swiftLiterals(in: readText(path) ?? "", file: String(path.dropFirst(root.count + 1))) }
}()

/// Whether a literal reads as words for people: two or more letters in a row, and a space or
/// a capitalised header. Commands (examples, `help X`) are checked by the runtime test instead.
func looksLikeProse(_ template: String) -> Bool {
    let bare = Catalog.placeholderless(template)
    var run = 0, longest = 0
    for u in bare.unicodeScalars {
        if u.properties.isAlphabetic { run += 1; longest = max(longest, run) } else { run = 0 }
    }
    guard longest >= 2 else { return false }
    return bare.contains(" ") || (bare.uppercased() == bare && longest >= 2)
}

/// Whether a literal is a command (an example, a `help X` hint, a usage line) rather than
/// words: it lexes, and its first words name a command of the table, or it is a `let`.
func isCommand(_ template: String) -> Bool {
    let text = Message.fill(template, (1...20).map { "X\($0)" })
    if text.hasPrefix("let ") || text.hasPrefix("kemuning ") { return true }
    guard case .complete(let statements)? = try? Lexer.lex(text), let st = statements.first,
          let words = Optional(st.words.compactMap { w in w.literalText.map { Arg($0, range: w.range, quoted: w.quoted) } }),
          words.count == st.words.count, !words.isEmpty else { return false }
    return (try? CommandTable.standard.resolve(words)) != nil
}

/// The literals the catalog must translate.
let proseLiterals: [SwiftLiteral] = sourceLiterals.filter { looksLikeProse($0.template) && !isCommand($0.template) && !notMessages.contains($0.template) }

/// Literals that look like words but are never shown as messages: names, environment
/// variables, the codes of the domain (NIK, SKD, ...) that read the same in both languages.
let notMessages: Set<String> = []

@Suite struct CatalogTests {
    @Test func aLiteralTernaryInAMessageIsAMessage() {
        let passed = Bool.random()
        let m: Message = "\(passed ? "passed" : "failed") now"
        guard case .template(_, let args) = m.storage, case .message = args.first else {
            Issue.record("the ternary became plain text: \(m.storage)")
            return
        }
    }

    @Test func dumpProse() throws {
        let known = Set(Catalog.entries.map(\.en))
        var seen = Set<String>()
        var lines: [String] = []
        for l in proseLiterals where !known.contains(l.template) && seen.insert(l.template).inserted {
            lines.append("\(l.file):\(l.line)\t\(l.template.replacingAll("\n", with: "\\n"))")
        }
        if let out = getenv("KEMUNING_DUMP_PROSE") {
            let f = fopen(String(cString: out), "w")!
            fputs(lines.joined(separator: "\n") + "\n", f)
            fclose(f)
        }
    }
}
