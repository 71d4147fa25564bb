/// The string literals of Swift source files, as `Message` would see them: each literal's
/// text with its interpolations replaced by `{1}`, `{2}`... in order, escapes decoded, and the
/// literals inside interpolations found as literals of their own. Enough of Swift's lexical
/// rules to read this package's sources: comments, `"..."`, `"""..."""`, raw `#"..."#`.
struct SwiftLiteral: Equatable {
    var template: String
    var file: String
    var line: Int
    /// The source just before the literal's opening quote (up to 60 bytes of its line).
    var before: String = ""
}

func swiftLiterals(in text: String, file: String) -> [SwiftLiteral] {
    var scanner = SwiftLiteralScanner(bytes: Array(text.utf8), file: file)
    scanner.scanCode(untilCloseParen: false)
    return scanner.found
}

private struct SwiftLiteralScanner {
    let bytes: [UInt8]
    let file: String
    var i = 0
    var line = 1
    var found: [SwiftLiteral] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    func peek(_ k: Int = 0) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    mutating func advance() {
        if bytes[i] == 10 { line += 1 }
        i += 1
    }

    /// Code outside literals; inside an interpolation it stops at the matching `)`.
    mutating func scanCode(untilCloseParen: Bool) {
        var depth = 0
        while let c = peek() {
            if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") {
                while let d = peek(), d != 10 { advance() }
                continue
            }
            if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                var nest = 0
                repeat {
                    if peek() == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") { nest += 1; advance(); advance(); continue }
                    if peek() == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { nest -= 1; advance(); advance(); continue }
                    advance()
                } while nest > 0 && peek() != nil
                continue
            }
            if c == UInt8(ascii: "#") || c == UInt8(ascii: "\"") {
                var hashes = 0
                while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                if peek(hashes) == UInt8(ascii: "\"") {
                    for _ in 0..<hashes { advance() }
                    scanLiteral(hashes: hashes)
                    continue
                }
            }
            if untilCloseParen {
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") {
                    if depth == 0 { advance(); return }
                    depth -= 1
                }
            }
            advance()
        }
    }

    /// At the opening quote of a literal with `hashes` leading `#`.
    mutating func scanLiteral(hashes: Int) {
        let startLine = line
        var from = i - hashes
        while from > 0 && bytes[from - 1] != 10 && i - hashes - from < 60 { from -= 1 }
        let before = String(decoding: bytes[from..<(i - hashes)], as: UTF8.self)
        let multi = peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
        if multi { advance(); advance(); advance() } else { advance() }
        var text: [UInt8] = []
        var args = 0
        func closes(_ s: SwiftLiteralScanner) -> Bool {
            if multi {
                guard s.peek() == UInt8(ascii: "\""), s.peek(1) == UInt8(ascii: "\""), s.peek(2) == UInt8(ascii: "\"") else { return false }
                for k in 0..<hashes where s.peek(3 + k) != UInt8(ascii: "#") { return false }
                return true
            }
            guard s.peek() == UInt8(ascii: "\"") else { return false }
            for k in 0..<hashes where s.peek(1 + k) != UInt8(ascii: "#") { return false }
            return true
        }
        while let c = peek() {
            if closes(self) {
                for _ in 0..<(multi ? 3 : 1) + hashes { advance() }
                break
            }
            if c == UInt8(ascii: "\\") {
                var k = 1
                var ok = true
                for _ in 0..<hashes { if peek(k) == UInt8(ascii: "#") { k += 1 } else { ok = false } }
                if ok, let e = peek(k) {
                    for _ in 0..<k { advance() }
                    switch e {
                    case UInt8(ascii: "("):
                        advance()
                        args += 1
                        text += Array("{\(args)}".utf8)
                        scanCode(untilCloseParen: true)
                    case UInt8(ascii: "n"): advance(); text.append(10)
                    case UInt8(ascii: "t"): advance(); text.append(9)
                    case UInt8(ascii: "r"): advance(); text.append(13)
                    case UInt8(ascii: "0"): advance(); text.append(0)
                    case UInt8(ascii: "u"):
                        advance()
                        advance()  // {
                        var hex = ""
                        while let h = peek(), h != UInt8(ascii: "}") { hex.append(Character(Unicode.Scalar(h))); advance() }
                        advance()
                        if let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) { text += Array(String(u).utf8) }
                    case 10:
                        // A line continuation in a multi-line literal.
                        advance()
                        while peek() == UInt8(ascii: " ") { advance() }
                    default: advance(); text.append(e)
                    }
                    continue
                }
            }
            text.append(c)
            advance()
        }
        var s = String(decoding: text, as: UTF8.self)
        if multi { s = Self.dedent(s) }
        found.append(SwiftLiteral(template: s, file: file, line: startLine, before: before))
    }

    /// A multi-line literal's content: the first line break dropped, the closing line's
    /// indentation taken off every line.
    static func dedent(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.allSatisfy({ $0 == " " }) == true { lines.removeFirst() }
        guard let last = lines.last, last.allSatisfy({ $0 == " " }) else { return lines.joined(separator: "\n") }
        let indent = last.count
        lines.removeLast()
        return lines.map { $0.hasPrefix(String(repeating: " ", count: indent)) ? String($0.dropFirst(indent)) : $0 }.joined(separator: "\n")
    }
}
