// JSON.swift — an order-preserving, exact-number JSON value with a strict
// RFC 8259 parser and a fast serializer. Standard library only.
//
// Numbers are kept as the exact text written in the document (`.number("3.75")`)
// and never pass through `Double`, so decimal amounts survive a round-trip intact.
// Object members keep their document order.

// MARK: - Value

/// A JSON value. Numbers are stored as their exact JSON text; objects keep member order.
///
/// Equality is structural and textual: `.number("1.0") != .number("1")`, and two objects
/// are equal only when they have the same keys, in the same order, with equal values.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The exact number text as written, e.g. `"3.75"`, `"-12"`, `"1e5"`. Never a `Double`.
    /// The serializer writes this text verbatim, so it must be a valid JSON number.
    case number(String)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

// MARK: - Object

/// An ordered JSON object: `(key, value)` pairs in insertion/document order.
///
/// Setting a key through the subscript replaces an existing member in place (keeping its
/// position) or appends a new member at the end. Lookups are linear for small objects;
/// objects with more than 16 members keep a hash index so lookups stay O(1).
public struct JSONObject: Equatable, Sendable, Sequence {
    public typealias Element = (key: String, value: JSON)

    internal var _pairs: [Element]
    /// key -> position of its first occurrence; only kept for large objects, may be nil.
    internal var _index: [String: Int]?

    internal static var indexThreshold: Int { 16 }

    /// Creates an object from pairs in order. A repeated key keeps its first position and
    /// takes the last value (the same rule as the parser).
    public init(_ pairs: [(String, JSON)] = []) {
        _pairs = []
        _index = nil
        _pairs.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Trusted initializer used by the parser: keys are already unique.
    @inline(__always)
    internal init(uniquePairs: [Element], index: [String: Int]?) {
        _pairs = uniquePairs
        _index = index
    }

    /// The members in order. Mutating this directly is allowed; if it introduces duplicate
    /// keys, lookups find the first one.
    public var pairs: [Element] {
        get { _pairs }
        _modify {
            _index = nil
            yield &_pairs
        }
        set {
            _index = nil
            _pairs = newValue
        }
    }

    public var keys: [String] { _pairs.map { $0.key } }
    public var values: [JSON] { _pairs.map { $0.value } }
    public var count: Int { _pairs.count }
    public var isEmpty: Bool { _pairs.isEmpty }

    @inline(__always)
    internal func position(of key: String) -> Int? {
        if let index = _index { return index[key] }
        for i in _pairs.indices where _pairs[i].key == key { return i }
        return nil
    }

    private mutating func buildIndexIfLarge() {
        guard _index == nil, _pairs.count > JSONObject.indexThreshold else { return }
        var index = [String: Int](minimumCapacity: _pairs.count)
        for i in _pairs.indices where index[_pairs[i].key] == nil { index[_pairs[i].key] = i }
        _index = index
    }

    /// Get: the member's value, or nil. Set: replace in place, append a new key at the end;
    /// setting nil removes the member.
    public subscript(key: String) -> JSON? {
        get {
            guard let i = position(of: key) else { return nil }
            return _pairs[i].value
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            buildIndexIfLarge()
            if let i = position(of: key) {
                _pairs[i].value = newValue
            } else {
                _index?[key] = _pairs.count
                _pairs.append((key: key, value: newValue))
            }
        }
    }

    /// Removes the member with this key (the first, if duplicated) and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSON? {
        guard let i = position(of: key) else { return nil }
        let old = _pairs.remove(at: i).value
        _index = nil
        buildIndexIfLarge()
        return old
    }

    public func makeIterator() -> IndexingIterator<[Element]> { _pairs.makeIterator() }

    public var underestimatedCount: Int { _pairs.count }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs._pairs.count == rhs._pairs.count else { return false }
        for i in lhs._pairs.indices {
            if lhs._pairs[i].key != rhs._pairs[i].key || lhs._pairs[i].value != rhs._pairs[i].value {
                return false
            }
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements)
    }
}

// MARK: - Error

/// A parse error with the byte offset (0-based) and 1-based line and column (in bytes).
public struct JSONError: MessageError, Equatable, Sendable, CustomStringConvertible {
    public var message: Message
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(message: Message, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { located.english }

    /// The message with where it was: `... at line 3, column 7 (byte 41)`.
    public var located: Message { "\(message) at line \(line), column \(column) (byte \(offset))" }
}

// MARK: - Accessors and constructors

extension JSON {
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var numberText: String? { if case .number(let n) = self { return n } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The member with this key when this is an object, else nil.
    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] } else { return nil }
    }

    /// The element at this position when this is an array and the index is in range, else nil.
    public subscript(index: Int) -> JSON? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] } else { return nil }
    }

    /// The number as an `Int`, only when its text is a plain integer ("-12", "0", "-0")
    /// that fits; nil for "1.0", "1e5", out-of-range integers and non-numbers.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text, radix: 10)
    }

    /// What a value is, for messages: `null`, `a string "x"`, `a list`, `an object`, `the number 7`.
    public static func typeName(_ value: JSON) -> Message {
        switch value {
        case .null: return "null"
        case .bool(let b): return .verbatim(b ? "true" : "false")
        case .number(let n): return "the number \(n.count > 40 ? String(n.prefix(40)) + "..." : n)"
        case .string(let t): return "a string \"\(t.count > 40 ? String(t.prefix(40)) + "..." : t)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// The JSON type of a value: 0 null, 1 bool, 2 number, 3 string, 4 array, 5 object.
    package static func kind(of value: JSON) -> Int {
        switch value {
        case .null: return 0
        case .bool: return 1
        case .number: return 2
        case .string: return 3
        case .array: return 4
        case .object: return 5
        }
    }

    /// The name of a value's type, for "must be ..." messages.
    package static func kindName(_ value: JSON) -> Message {
        switch value {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// `.number` with the integer's decimal text.
    public init(_ int: Int) { self = .number(String(int)) }

    /// Wraps trusted, exact decimal text (e.g. from the decimal type) as a number.
    /// Not validated: the text is written verbatim by the serializer.
    public static func decimal(_ text: String) -> JSON { .number(text) }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    /// Keeps the literal's order; a repeated key keeps its first position and the last value.
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension JSON: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { serialized() }
}

// MARK: - Parsing

extension JSON {
    /// Maximum nesting of arrays/objects accepted by the parser.
    public static let maxDepth = 512

    /// Parses one complete JSON document (whitespace allowed around the value).
    ///
    /// Strict RFC 8259: no leading zeros, "+1", ".5", "1.", NaN/Infinity, trailing commas,
    /// single quotes, comments, unescaped control characters, invalid escapes or invalid UTF-8.
    /// A `\u` escape that is a lone (unpaired) surrogate is rejected, not replaced.
    /// Nesting deeper than `maxDepth` is an error, not a stack overflow.
    /// Duplicate object keys: the last value wins, kept at the key's first position
    /// (like Python's `json.loads`).
    /// With `rejectingDuplicateKeys` (the store's files: kemuning never writes a key twice, and
    /// a record read with one of two values would be written back with the other lost), a
    /// repeated key is an error at its second occurrence.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, rejectingDuplicateKeys: Bool = false) throws -> JSON {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONError(message: "unexpected end of input", offset: 0, line: 1, column: 1)
        }
        var parser = JSONParser(base: base, count: bytes.count)
        parser.rejectDuplicates = rejectingDuplicateKeys
        defer { parser.release() }
        do {
            return try parser.parseDocument()
        } catch let failure {
            throw failure.located(in: bytes)
        }
    }

    public static func parse(_ bytes: [UInt8]) throws -> JSON {
        try bytes.withUnsafeBufferPointer { try parse($0) }
    }

    public static func parse(_ text: String) throws -> JSON {
        var text = text
        return try text.withUTF8 { try parse($0) }
    }
}

/// Internal error: message + offset; line/column are computed only when thrown out.
internal struct ParseFailure: Error {
    var message: Message
    var offset: Int

    func located(in bytes: UnsafeBufferPointer<UInt8>) -> JSONError {
        var line = 1
        var lineStart = 0
        let limit = min(offset, bytes.count)
        var i = 0
        while i < limit {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return JSONError(message: message, offset: offset, line: line, column: offset - lineStart + 1)
    }
}

/// A growable stack of values in manually managed memory, so finished containers can be
/// moved out into exactly-sized arrays without retain/release traffic.
internal struct ScratchStack<T> {
    var base: UnsafeMutablePointer<T>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func push(_ value: consuming T) {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        count += 1
    }

    @inline(never)
    mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Moves elements `start..<count` out into a new array and shrinks the stack to `start`.
    @inline(__always)
    mutating func popArray(from start: Int) -> [T] {
        let n = count - start
        let source = base + start
        let result = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: n)
            initialized = n
        }
        count = start
        return result
    }

    mutating func release() {
        base.deinitialize(count: count)
        base.deallocate()
        count = 0
    }
}

internal struct JSONParser {
    let p: UnsafePointer<UInt8>
    let end: Int
    var pos = 0
    var depth = 0
    var values: ScratchStack<JSON>
    var members: ScratchStack<JSONObject.Element>
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []
    /// Whether a key repeated in an object is an error (else the last value wins).
    var rejectDuplicates = false

    init(base: UnsafePointer<UInt8>, count: Int) {
        p = base
        end = count
        values = ScratchStack(capacity: 64)
        members = ScratchStack(capacity: 64)
    }

    mutating func release() {
        values.release()
        members.release()
    }

    // MARK: helpers

    @inline(__always)
    func fail(_ message: Message, _ offset: Int) -> ParseFailure {
        ParseFailure(message: message, offset: offset)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = p[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                pos += 1
            } else {
                return
            }
        }
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (lead byte >= 0x80), or nil.
    func utf8SequenceLength(at i: Int) -> Int? {
        let b0 = p[i]
        @inline(__always) func cont(_ j: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            j < end && p[j] >= lo && p[j] <= hi
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(i + 1) ? 2 : nil
        case 0xE0:
            return cont(i + 1, 0xA0, 0xBF) && cont(i + 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(i + 1) && cont(i + 2) ? 3 : nil
        case 0xED:
            return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : nil
        case 0xF0:
            return cont(i + 1, 0x90, 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : nil
        case 0xF1...0xF3:
            return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : nil
        case 0xF4:
            return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Offset of the first ill-formed UTF-8 sequence in `from..<to`, or nil.
    func firstInvalidUTF8(from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            if p[i] < 0x80 {
                i += 1
            } else if let n = utf8SequenceLength(at: i), i + n <= to {
                i += n
            } else {
                return i
            }
        }
        return nil
    }

    /// Error for an unexpected byte where a value or token was expected.
    func unexpected(at i: Int, expected: Message? = nil) -> ParseFailure {
        let b = p[i]
        let what: String
        if b >= 0x80 {
            guard let n = utf8SequenceLength(at: i) else { return fail("invalid UTF-8", i) }
            what = "'" + String(decoding: UnsafeBufferPointer(start: p + i, count: n), as: UTF8.self) + "'"
        } else if b < 0x20 || b == 0x7F {
            let hex = String(b, radix: 16, uppercase: true)
            what = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        } else if b == 0x27 {
            return fail("single-quoted strings are not allowed", i)
        } else {
            what = "'" + String(Character(Unicode.Scalar(b))) + "'"
        }
        if let expected { return fail("\(expected), found \(what)", i) }
        return fail("unexpected character \(what)", i)
    }

    // MARK: grammar

    mutating func parseDocument() throws(ParseFailure) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if pos < end {
            if p[pos] >= 0x80, utf8SequenceLength(at: pos) == nil { throw fail("invalid UTF-8", pos) }
            throw fail("trailing characters after JSON value", pos)
        }
        return value
    }

    /// Parses a value at `pos` (whitespace already skipped).
    mutating func parseValue() throws(ParseFailure) -> JSON {
        guard pos < end else { throw fail("unexpected end of input", pos) }
        switch p[pos] {
        case 0x22: return .string(try parseString())
        case 0x7B: return try parseObject()
        case 0x5B: return try parseArray()
        case 0x2D, 0x30...0x39: return .number(try parseNumber())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default: throw unexpected(at: pos)
        }
    }

    @inline(__always)
    mutating func literal(_ word: StaticString) throws(ParseFailure) {
        let start = pos
        let n = word.utf8CodeUnitCount
        if start + n <= end, memcmpEqual(p + start, word.utf8Start, n) {
            pos += n
            return
        }
        for k in 0..<n {
            guard start + k < end else { throw fail("unexpected end of input", end) }
            guard p[start + k] == word.utf8Start[k] else { throw fail("invalid literal, expected '\(word)'", start) }
        }
    }

    @inline(__always)
    func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0..<n where a[k] != b[k] { return false }
        return true
    }

    mutating func parseNumber() throws(ParseFailure) -> String {
        let start = pos
        var i = pos
        if p[i] == 0x2D {
            i += 1
            guard i < end else { throw fail("unexpected end of input", i) }
        }
        let first = p[i]
        if first == 0x30 {
            i += 1
            if i < end, p[i] >= 0x30, p[i] <= 0x39 { throw fail("leading zeros are not allowed in numbers", i - 1) }
        } else if first >= 0x31 && first <= 0x39 {
            i += 1
            while i < end, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        } else {
            throw fail("expected digit after '-'", i)
        }
        if i < end, p[i] == 0x2E {
            i += 1
            guard i < end else { throw fail("unexpected end of input", i) }
            guard p[i] >= 0x30, p[i] <= 0x39 else { throw fail("expected digit after decimal point", i) }
            while i < end, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        }
        if i < end, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            if i < end, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
            guard i < end else { throw fail("unexpected end of input", i) }
            guard p[i] >= 0x30, p[i] <= 0x39 else { throw fail("expected digit in exponent", i) }
            while i < end, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        }
        pos = i
        return String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
    }

    /// Parses a string starting at the opening quote at `pos`.
    @inline(__always)
    mutating func parseString() throws(ParseFailure) -> String {
        let quote = pos
        var i = pos + 1
        var ascii = true
        while true {
            guard i < end else { throw fail("unterminated string", quote) }
            let b = p[i]
            if b == 0x22 { break }
            if b == 0x5C { return try parseEscapedString(quote: quote, escapeAt: i) }
            if b < 0x20 { throw fail("unescaped control character in string", i) }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        pos = i + 1
        let content = UnsafeBufferPointer(start: p + quote + 1, count: i - quote - 1)
        if ascii { return String(decoding: content, as: UTF8.self) }
        if let s = String(validating: content, as: UTF8.self) { return s }
        throw fail("invalid UTF-8", firstInvalidUTF8(from: quote + 1, to: i) ?? quote + 1)
    }

    @inline(__always)
    func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// Reads the 4 hex digits of a `\u` escape whose backslash is at `i`.
    func readHex4(_ i: Int) throws(ParseFailure) -> UInt32 {
        var v: UInt32 = 0
        for k in 2..<6 {
            guard i + k < end else { throw fail("unexpected end of input", end) }
            guard let h = hexValue(p[i + k]) else { throw fail("invalid \\u escape: expected 4 hex digits", i) }
            v = v << 4 | h
        }
        return v
    }

    @inline(never)
    mutating func parseEscapedString(quote: Int, escapeAt firstEscape: Int) throws(ParseFailure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: p + quote + 1, count: firstEscape - quote - 1))
        var i = firstEscape
        while true {
            guard i < end else { throw fail("unterminated string", quote) }
            let b = p[i]
            if b == 0x22 { break }
            if b < 0x20 { throw fail("unescaped control character in string", i) }
            if b != 0x5C {
                scratch.append(b)
                i += 1
                continue
            }
            guard i + 1 < end else { throw fail("unterminated string", quote) }
            switch p[i + 1] {
            case 0x22: scratch.append(0x22)
            case 0x5C: scratch.append(0x5C)
            case 0x2F: scratch.append(0x2F)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75:
                var scalar = try readHex4(i)
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    // High surrogate: must be followed by \u low surrogate.
                    guard i + 7 < end, p[i + 6] == 0x5C, p[i + 7] == 0x75 else {
                        throw fail("lone surrogate in \\u escape", i)
                    }
                    let low = try readHex4(i + 6)
                    guard low >= 0xDC00 && low <= 0xDFFF else { throw fail("lone surrogate in \\u escape", i) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw fail("lone surrogate in \\u escape", i)
                }
                for unit in UTF8.encode(Unicode.Scalar(scalar)!)! { scratch.append(unit) }
                i += 6
                continue
            default:
                throw fail("invalid escape sequence", i)
            }
            i += 2
        }
        pos = i + 1
        if let s = scratch.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) { return s }
        throw fail("invalid UTF-8", firstInvalidUTF8(from: quote + 1, to: i) ?? quote + 1)
    }

    mutating func parseArray() throws(ParseFailure) -> JSON {
        let open = pos
        depth += 1
        if depth > JSON.maxDepth { throw fail("nesting too deep (more than \(JSON.maxDepth) levels)", open) }
        pos += 1
        skipWhitespace()
        if pos < end, p[pos] == 0x5D {
            pos += 1
            depth -= 1
            return .array([])
        }
        let start = values.count
        while true {
            let value = try parseValue()
            values.push(value)
            skipWhitespace()
            guard pos < end else { throw fail("unexpected end of input", pos) }
            let b = p[pos]
            if b == 0x2C {
                let comma = pos
                pos += 1
                skipWhitespace()
                if pos < end, p[pos] == 0x5D { throw fail("trailing comma in array", comma) }
                continue
            }
            if b == 0x5D {
                pos += 1
                break
            }
            throw fail("expected ',' or ']' after array element", pos)
        }
        depth -= 1
        return .array(values.popArray(from: start))
    }

    mutating func parseObject() throws(ParseFailure) -> JSON {
        let open = pos
        depth += 1
        if depth > JSON.maxDepth { throw fail("nesting too deep (more than \(JSON.maxDepth) levels)", open) }
        pos += 1
        skipWhitespace()
        guard pos < end else { throw fail("unexpected end of input", pos) }
        if p[pos] == 0x7D {
            pos += 1
            depth -= 1
            return .object(JSONObject(uniquePairs: [], index: nil))
        }
        let start = members.count
        var index: [String: Int]? = nil
        while true {
            guard p[pos] == 0x22 else {
                throw unexpected(at: pos, expected: members.count == start ? "expected string key or '}'" : "expected string key")
            }
            let keyAt = pos
            let key = try parseString()
            skipWhitespace()
            guard pos < end else { throw fail("unexpected end of input", pos) }
            guard p[pos] == 0x3A else { throw fail("expected ':' after object key", pos) }
            pos += 1
            skipWhitespace()
            let value = try parseValue()

            // Duplicate keys: the last value wins, at the first position.
            let n = members.count - start
            var duplicate: Int? = nil
            if index != nil {
                duplicate = index![key]
            } else {
                var j = start
                while j < members.count {
                    if members.base[j].key == key {
                        duplicate = j - start
                        break
                    }
                    j += 1
                }
            }
            if let d = duplicate {
                if rejectDuplicates { throw fail("duplicate key '\(key)'", keyAt) }
                members.base[start + d].value = value
            } else {
                members.push((key: key, value: value))
                if index != nil {
                    index![key] = n
                } else if n + 1 > JSONObject.indexThreshold {
                    var built = [String: Int](minimumCapacity: 2 * (n + 1))
                    for k in 0...n { built[members.base[start + k].key] = k }
                    index = built
                }
            }

            skipWhitespace()
            guard pos < end else { throw fail("unexpected end of input", pos) }
            let b = p[pos]
            if b == 0x2C {
                let comma = pos
                pos += 1
                skipWhitespace()
                guard pos < end else { throw fail("unexpected end of input", pos) }
                if p[pos] == 0x7D { throw fail("trailing comma in object", comma) }
                continue
            }
            if b == 0x7D {
                pos += 1
                break
            }
            throw fail("expected ',' or '}' after object member", pos)
        }
        depth -= 1
        return .object(JSONObject(uniquePairs: members.popArray(from: start), index: index))
    }
}

// MARK: - Serializing

extension JSON {
    /// JSON text. Compact has no whitespace at all (`{"a":1,"b":[1,2]}`); pretty uses a
    /// 2-space indent, `"key": value`, and `{}` / `[]` for empty containers.
    public func serialized(pretty: Bool = false) -> String {
        var writer = ByteWriter(capacity: 256)
        defer { writer.release() }
        writer.write(self, pretty: pretty)
        return String(decoding: UnsafeBufferPointer(start: writer.base, count: writer.count), as: UTF8.self)
    }

    /// Appends the UTF-8 JSON text to `out`; reuse one buffer (with `removeAll(keepingCapacity:)`)
    /// for many values. Only `"`, `\` and control characters are escaped; "/" and non-ASCII
    /// characters are written as is. Numbers are written as their exact text.
    public func write(to out: inout [UInt8], pretty: Bool = false) {
        var writer = ByteWriter(capacity: 1024)
        defer { writer.release() }
        writer.write(self, pretty: pretty)
        out.append(contentsOf: UnsafeBufferPointer(start: writer.base, count: writer.count))
    }
}

/// A growable byte buffer in manually managed memory: appends are a bounds check and a store.
internal struct ByteWriter {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    func release() { base.deallocate() }

    @inline(__always)
    mutating func ensure(_ extra: Int) {
        if count &+ extra > capacity { grow(count + extra) }
    }

    @inline(never)
    mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        ensure(1)
        base[count] = b
        count &+= 1
    }

    @inline(__always)
    mutating func bytes(_ p: UnsafePointer<UInt8>, _ n: Int) {
        ensure(n)
        (base + count).update(from: p, count: n)
        count &+= n
    }

    @inline(__always)
    mutating func bytes(_ s: StaticString) {
        bytes(s.utf8Start, s.utf8CodeUnitCount)
    }

    mutating func write(_ value: JSON, pretty: Bool) {
        if pretty { writePretty(value, indent: 0) } else { writeCompact(value) }
    }

    mutating func writeCompact(_ value: JSON) {
        switch value {
        case .null: bytes("null")
        case .bool(let b): if b { bytes("true") } else { bytes("false") }
        case .number(let text): writeRaw(text)
        case .string(let s): writeString(s)
        case .array(let items):
            byte(0x5B)
            var first = true
            for item in items {
                if !first { byte(0x2C) }
                first = false
                writeCompact(item)
            }
            byte(0x5D)
        case .object(let object):
            byte(0x7B)
            var first = true
            for member in object._pairs {
                if !first { byte(0x2C) }
                first = false
                writeString(member.key)
                byte(0x3A)
                writeCompact(member.value)
            }
            byte(0x7D)
        }
    }

    @inline(__always)
    mutating func newline(_ indent: Int) {
        ensure(indent + 1)
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: indent)
        count += indent + 1
    }

    mutating func writePretty(_ value: JSON, indent: Int) {
        switch value {
        case .array(let items):
            if items.isEmpty { return bytes("[]") }
            byte(0x5B)
            var first = true
            for item in items {
                if !first { byte(0x2C) }
                first = false
                newline(indent + 2)
                writePretty(item, indent: indent + 2)
            }
            newline(indent)
            byte(0x5D)
        case .object(let object):
            if object.isEmpty { return bytes("{}") }
            byte(0x7B)
            var first = true
            for member in object._pairs {
                if !first { byte(0x2C) }
                first = false
                newline(indent + 2)
                writeString(member.key)
                bytes(": ")
                writePretty(member.value, indent: indent + 2)
            }
            newline(indent)
            byte(0x7D)
        default:
            writeCompact(value)
        }
    }

    @inline(__always)
    mutating func writeRaw(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes($0.baseAddress!, $0.count) }
        if done == nil { for b in text.utf8 { byte(b) } }
    }

    @inline(__always)
    mutating func writeString(_ s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
        if done == nil {
            let copy = Array(s.utf8)
            copy.withUnsafeBufferPointer { writeEscaped($0) }
        }
    }

    static let hexDigits: StaticString = "0123456789abcdef"

    /// Writes a quoted, escaped string. Reserves the worst case (6 bytes per input byte) once,
    /// then copies runs that need no escaping in bulk.
    mutating func writeEscaped(_ input: UnsafeBufferPointer<UInt8>) {
        let n = input.count
        ensure(n &* 6 &+ 2)
        var out = base + count
        out.pointee = 0x22
        out += 1
        if let p = input.baseAddress {
            var runStart = 0
            var i = 0
            while i < n {
                let b = p[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C {
                    i &+= 1
                    continue
                }
                if i > runStart {
                    out.update(from: p + runStart, count: i - runStart)
                    out += i - runStart
                }
                out[0] = 0x5C
                switch b {
                case 0x22: out[1] = 0x22; out += 2
                case 0x5C: out[1] = 0x5C; out += 2
                case 0x0A: out[1] = 0x6E; out += 2
                case 0x09: out[1] = 0x74; out += 2
                case 0x0D: out[1] = 0x72; out += 2
                case 0x08: out[1] = 0x62; out += 2
                case 0x0C: out[1] = 0x66; out += 2
                default:
                    let hex = ByteWriter.hexDigits.utf8Start
                    out[1] = 0x75
                    out[2] = 0x30
                    out[3] = 0x30
                    out[4] = hex[Int(b >> 4)]
                    out[5] = hex[Int(b & 0x0F)]
                    out += 6
                }
                i &+= 1
                runStart = i
            }
            if n > runStart {
                out.update(from: p + runStart, count: n - runStart)
                out += n - runStart
            }
        }
        out.pointee = 0x22
        out += 1
        count = out - base
    }
}

// MARK: - Streaming a large top-level object

extension JSON {
    /// Reads a document whose top level is an object without building it whole: each member is
    /// handed to `member` as it is parsed, except members named in `streamed` whose value is an
    /// array: their elements are handed to `element` one at a time, so only one element's tree
    /// is alive at once. This keeps loading a 100 MB snapshot close to the size of the records.
    ///
    /// A streamed key whose list is empty comes to `member` as an empty array.
    /// Each callback also gets the byte offset where the value starts, for messages.
    /// Errors in the text throw `JSONError` with line and column; errors thrown by the
    /// callbacks pass through unchanged.
    public static func streamObject(_ bytes: UnsafeBufferPointer<UInt8>, streamed: Set<String>, rejectingDuplicateKeys: Bool = false,
                                    member: (String, JSON, Int) throws -> Void,
                                    element: (String, JSON, Int) throws -> Void) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONError(message: "unexpected end of input", offset: 0, line: 1, column: 1)
        }
        var parser = JSONParser(base: base, count: bytes.count)
        parser.rejectDuplicates = rejectingDuplicateKeys
        defer { parser.release() }
        // Callback errors are kept aside so that only parse failures get a position.
        var callbackError: Error?
        func call(_ body: () throws -> Void) -> Bool {
            do {
                try body()
                return true
            } catch {
                callbackError = error
                return false
            }
        }
        do {
            parser.skipWhitespace()
            guard parser.pos < parser.end else { throw parser.fail("unexpected end of input", parser.pos) }
            guard parser.p[parser.pos] == 0x7B else { throw parser.fail("expected a JSON object", parser.pos) }
            parser.pos += 1
            parser.skipWhitespace()
            if parser.pos < parser.end, parser.p[parser.pos] == 0x7D {
                parser.pos += 1
            } else {
                members: while true {
                    guard parser.pos < parser.end else { throw parser.fail("unexpected end of input", parser.pos) }
                    guard parser.p[parser.pos] == 0x22 else { throw parser.unexpected(at: parser.pos, expected: "expected string key") }
                    let key = try parser.parseString()
                    parser.skipWhitespace()
                    guard parser.pos < parser.end else { throw parser.fail("unexpected end of input", parser.pos) }
                    guard parser.p[parser.pos] == 0x3A else { throw parser.fail("expected ':' after object key", parser.pos) }
                    parser.pos += 1
                    parser.skipWhitespace()
                    if streamed.contains(key), parser.pos < parser.end, parser.p[parser.pos] == 0x5B {
                        let listStart = parser.pos
                        parser.pos += 1
                        parser.depth += 1
                        parser.skipWhitespace()
                        if parser.pos < parser.end, parser.p[parser.pos] == 0x5D {
                            parser.pos += 1
                            // An empty list has no elements to hand over: it comes as a member.
                            guard call({ try member(key, .array([]), listStart) }) else { break members }
                        } else {
                            while true {
                                let at = parser.pos
                                let value = try parser.parseValue()
                                guard call({ try element(key, value, at) }) else { break members }
                                parser.skipWhitespace()
                                guard parser.pos < parser.end else { throw parser.fail("unexpected end of input", parser.pos) }
                                let b = parser.p[parser.pos]
                                if b == 0x2C {
                                    let comma = parser.pos
                                    parser.pos += 1
                                    parser.skipWhitespace()
                                    if parser.pos < parser.end, parser.p[parser.pos] == 0x5D { throw parser.fail("trailing comma in array", comma) }
                                    continue
                                }
                                if b == 0x5D {
                                    parser.pos += 1
                                    break
                                }
                                throw parser.fail("expected ',' or ']' after array element", parser.pos)
                            }
                        }
                        parser.depth -= 1
                    } else {
                        let at = parser.pos
                        let value = try parser.parseValue()
                        guard call({ try member(key, value, at) }) else { break members }
                    }
                    parser.skipWhitespace()
                    guard parser.pos < parser.end else { throw parser.fail("unexpected end of input", parser.pos) }
                    let b = parser.p[parser.pos]
                    if b == 0x2C {
                        let comma = parser.pos
                        parser.pos += 1
                        parser.skipWhitespace()
                        guard parser.pos < parser.end else { throw parser.fail("unexpected end of input", parser.pos) }
                        if parser.p[parser.pos] == 0x7D { throw parser.fail("trailing comma in object", comma) }
                        continue
                    }
                    if b == 0x7D {
                        parser.pos += 1
                        break
                    }
                    throw parser.fail("expected ',' or '}' after object member", parser.pos)
                }
            }
            if callbackError == nil {
                parser.skipWhitespace()
                if parser.pos < parser.end { throw parser.fail("trailing characters after JSON value", parser.pos) }
            }
        } catch let failure as ParseFailure {
            throw failure.located(in: bytes)
        }
        if let e = callbackError { throw e }
    }
}
