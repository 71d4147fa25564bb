import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

@Suite("JSON")
struct JSONTests {

    // MARK: Round-trips

    /// Compact documents that must come back byte for byte.
    @Test(arguments: [
        #"{"b":1,"a":2,"c":3}"#,
        #"{"z":{"y":[],"x":{}},"a":null}"#,
        #"[0.1,1e-7,-0,0,-0.0,1E+5,2.5e10,-1.5E-3,3.75]"#,
        #"[123456789012345678901234567890,-98765432109876543210987654321]"#,
        #"[1.00000000000000000000000000001,0.30000000000000004]"#,
        #"[true,false,null,"",[],{}]"#,
        #"{"name":"Sukmawati Rahayu — Ā","city":"Yogyakarta","emoji":"😀👍🏽"}"#,
        #"["a/b","http://x.id/y","\"quoted\"","back\\slash","tab\there"]"#,
        #"[[[[[[1]]]]],{"a":{"b":{"c":[{"d":"e"}]}}}]"#,
    ])
    func roundTripsExactly(_ text: String) throws {
        let value = try JSON.parse(text)
        #expect(value.serialized() == text)
        #expect(try JSON.parse(value.serialized(pretty: true)) == value)
    }

    /// Documents whose compact form is a normalisation of the input.
    @Test(arguments: [
        (" { \"a\" : [ 1 , 2 ] ,\n\t\"b\" : { } }\r\n", #"{"a":[1,2],"b":{}}"#),
        (#""\/""#, #""/""#),
        (#""\u00e9\u00C9""#, #""éÉ""#),
        (#""\ud83d\ude00""#, #""😀""#),
        (#""\u0001\u001F\u0000""#, #""\u0001\u001f\u0000""#),
        (#""\b\f\n\r\t""#, #""\b\f\n\r\t""#),
        (#""\u0041\u2014""#, #""A—""#),
        (#"{"a":1,"b":2,"a":3}"#, #"{"a":3,"b":2}"#),
    ])
    func normalises(_ input: String, _ expected: String) throws {
        #expect(try JSON.parse(input).serialized() == expected)
    }

    @Test func keepsKeyOrderAndNumberText() throws {
        let value = try JSON.parse(#"{"zeta":0.1,"alpha":1e-7,"mid":-0,"big":18446744073709551616}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["zeta", "alpha", "mid", "big"])
        #expect(object["zeta"] == .number("0.1"))
        #expect(object["alpha"] == .number("1e-7"))
        #expect(object["mid"] == .number("-0"))
        #expect(object["big"] == .number("18446744073709551616"))
        #expect(object["big"]?.intValue == nil)
        // Textual equality: 1.0 and 1 are different values.
        #expect(JSON.number("1.0") != JSON.number("1"))
    }

    @Test func duplicateKeysKeepLastValueAtFirstPosition() throws {
        let value = try JSON.parse(#"{"a":1,"b":2,"a":{"x":true}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == ["x": true])
        #expect(object.count == 2)
    }

    @Test func largeObjectsWithDuplicates() throws {
        // More members than the index threshold, with duplicates late in the object.
        var text = "{"
        for i in 0..<1000 { text += "\"k\(i)\":\(i)," }
        text += "\"k5\":\"five\",\"k999\":\"last\"}"
        let object = try #require(try JSON.parse(text).objectValue)
        #expect(object.count == 1000)
        #expect(object["k5"] == "five")
        #expect(object["k999"] == "last")
        #expect(object["k500"] == 500)
        #expect(object.keys[5] == "k5")
        #expect(object.keys.last == "k999")
        #expect(object["nope"] == nil)
    }

    @Test func parseEntryPointsAgree() throws {
        let text = "{\"a\":[1,\"é\"]}\n{\"b\":2}\n"
        let bytes = Array(text.utf8)
        let expected: JSON = ["a": [1, "é"]]
        #expect(try JSON.parse("{\"a\":[1,\"é\"]}") == expected)
        #expect(try JSON.parse(Array("{\"a\":[1,\"é\"]}".utf8)) == expected)
        // One journal line, parsed from a slice of a larger buffer; offsets are slice-relative.
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws in
            let newline = buffer.firstIndex(of: 0x0A)!
            let first = UnsafeBufferPointer(rebasing: buffer[0..<newline])
            #expect(try JSON.parse(first) == expected)
            let second = UnsafeBufferPointer(rebasing: buffer[(newline + 1)...])
            #expect(try JSON.parse(second) == ["b": 2])
            let broken = UnsafeBufferPointer(rebasing: buffer[0..<5])
            #expect(throws: JSONError(message: "unexpected end of input", offset: 5, line: 1, column: 6)) {
                try JSON.parse(broken)
            }
        }
    }

    // MARK: Rejections

    struct Rejection: CustomTestStringConvertible, Sendable {
        var input: [UInt8]
        var message: String
        var offset: Int
        var line: Int
        var column: Int
        init(_ input: String, _ message: String, _ offset: Int, line: Int = 1, column: Int? = nil) {
            self.init(Array(input.utf8), message, offset, line: line, column: column)
        }
        init(_ input: [UInt8], _ message: String, _ offset: Int, line: Int = 1, column: Int? = nil) {
            self.input = input
            self.message = message
            self.offset = offset
            self.line = line
            self.column = column ?? offset + 1
        }
        var testDescription: String { "\(String(decoding: input, as: UTF8.self).debugDescription) -> \(message)" }
    }

    static let rejections: [Rejection] = [
        // numbers
        Rejection("01", "leading zeros are not allowed in numbers", 0),
        Rejection("[-012]", "leading zeros are not allowed in numbers", 2),
        Rejection("+1", "unexpected character '+'", 0),
        Rejection(".5", "unexpected character '.'", 0),
        Rejection("[1.]", "expected digit after decimal point", 3),
        Rejection("1.", "unexpected end of input", 2),
        Rejection("[1e]", "expected digit in exponent", 3),
        Rejection("[1e+]", "expected digit in exponent", 4),
        Rejection("-", "unexpected end of input", 1),
        Rejection("-a", "expected digit after '-'", 1),
        Rejection("NaN", "unexpected character 'N'", 0),
        Rejection("Infinity", "unexpected character 'I'", 0),
        Rejection("-Infinity", "expected digit after '-'", 1),
        Rejection("0x10", "trailing characters after JSON value", 1),
        // literals
        Rejection("tru", "unexpected end of input", 3),
        Rejection("trux", "invalid literal, expected 'true'", 0),
        Rejection("[nul]", "invalid literal, expected 'null'", 1),
        Rejection("False", "unexpected character 'F'", 0),
        // structure
        Rejection("[1,]", "trailing comma in array", 2),
        Rejection(#"{"a":1,}"#, "trailing comma in object", 6),
        Rejection("[,1]", "unexpected character ','", 1),
        Rejection("[1 2]", "expected ',' or ']' after array element", 3),
        Rejection(#"{"a":1 "b":2}"#, "expected ',' or '}' after object member", 7),
        Rejection(#"{"a" 1}"#, "expected ':' after object key", 5),
        Rejection("{1:2}", "expected string key or '}', found '1'", 1),
        Rejection(#"{"a":1,2:3}"#, "expected string key, found '2'", 7),
        Rejection("{'a':1}", "single-quoted strings are not allowed", 1),
        Rejection("'a'", "single-quoted strings are not allowed", 0),
        Rejection("// comment\n1", "unexpected character '/'", 0),
        Rejection("1 2", "trailing characters after JSON value", 2),
        Rejection("{} {}", "trailing characters after JSON value", 3),
        Rejection("é", "unexpected character 'é'", 0),
        Rejection("\u{FEFF}1", "unexpected character '\u{FEFF}'", 0),
        Rejection("[\u{1}]", "unexpected character U+0001", 1),
        // end of input
        Rejection("", "unexpected end of input", 0),
        Rejection("  \n ", "unexpected end of input", 4, line: 2, column: 2),
        Rejection(#"{"a":[1,2"#, "unexpected end of input", 9),
        Rejection(#"{"a":"#, "unexpected end of input", 5),
        Rejection("{", "unexpected end of input", 1),
        Rejection("[1,", "unexpected end of input", 3),
        // strings
        Rejection(#""abc"#, "unterminated string", 0),
        Rejection(#"["ab\"#, "unterminated string", 1),
        Rejection("\"a\u{1}b\"", "unescaped control character in string", 2),
        Rejection("\"a\nb\"", "unescaped control character in string", 2),
        Rejection("\"a\tb\"", "unescaped control character in string", 2),
        Rejection(#""\x""#, "invalid escape sequence", 1),
        Rejection(#""ok\'""#, "invalid escape sequence", 3),
        Rejection(#""\u12G4""#, "invalid \\u escape: expected 4 hex digits", 1),
        Rejection(#""\u12""#, "invalid \\u escape: expected 4 hex digits", 1),
        Rejection(#""\ud800""#, "lone surrogate in \\u escape", 1),
        Rejection(#""\udc00""#, "lone surrogate in \\u escape", 1),
        Rejection(#""x\ud800\u0041""#, "lone surrogate in \\u escape", 2),
        Rejection(#""\ud800\ud800""#, "lone surrogate in \\u escape", 1),
        // invalid UTF-8: offset is the first byte of the ill-formed sequence
        Rejection([0x22, 0x61, 0xC3, 0x28, 0x22], "invalid UTF-8", 2),
        Rejection([0x22, 0xFF, 0x22], "invalid UTF-8", 1),
        Rejection([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8", 1),  // overlong '/'
        Rejection([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8", 1),  // encoded surrogate
        Rejection([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8", 1),  // > U+10FFFF
        Rejection([0x22, 0x61, 0x62, 0xE2, 0x80, 0x22], "invalid UTF-8", 3),  // truncated
        Rejection([0x22, 0x5C, 0x6E, 0xE2, 0x80, 0x94, 0x80, 0x22], "invalid UTF-8", 6),  // stray continuation after escape
        Rejection([0x5B, 0xFF, 0x5D], "invalid UTF-8", 1),
        Rejection([0x31, 0x20, 0xC3], "invalid UTF-8", 2),
        Rejection([0x7B, 0x22, 0x6B, 0x80, 0x22, 0x3A, 0x31, 0x7D], "invalid UTF-8", 3),  // in a key
        // line and column
        Rejection("[1,\n  2,\n  x]", "unexpected character 'x'", 11, line: 3, column: 3),
        Rejection("{\n  \"a\": 1,\n  \"b\": [1,]\n}", "trailing comma in array", 21, line: 3, column: 10),
    ]

    @Test(arguments: rejections)
    func rejects(_ r: Rejection) {
        #expect(throws: JSONError(message: .verbatim(r.message), offset: r.offset, line: r.line, column: r.column)) {
            try JSON.parse(r.input)
        }
    }

    @Test func errorDescription() {
        let error = JSONError(message: "trailing comma in array", offset: 7, line: 2, column: 3)
        #expect(error.description == "trailing comma in array at line 2, column 3 (byte 7)")
    }

    @Test func truncatedDocumentReportsEndOfInput() {
        let text = "[\n  {\"id\": \"A1\", \"gpa\": 3.75},\n  {\"id\": \"A2\", \"gpa\": 3."
        #expect(throws: JSONError(message: "unexpected end of input", offset: 55, line: 3, column: 25)) {
            try JSON.parse(text)
        }
        #expect(text.utf8.count == 55)
    }

    // MARK: Depth

    @Test func nestingUpToTheLimitParses() throws {
        let limit = JSON.maxDepth
        #expect(limit == 512)
        let text = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        var value = try JSON.parse(text)
        var depth = 0
        while case .array(let items) = value {
            depth += 1
            value = items.first ?? .null
        }
        #expect(depth == 512)
    }

    @Test(arguments: [513, 100_000])
    func tooDeepNestingIsAnError(_ depth: Int) {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONError(message: "nesting too deep (more than 512 levels)", offset: 512, line: 1, column: 513)) {
            try JSON.parse(text)
        }
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(throws: JSONError(message: "nesting too deep (more than 512 levels)", offset: 512 * 5, line: 1, column: 512 * 5 + 1)) {
            try JSON.parse(objects)
        }
    }

    // MARK: Serializing

    @Test func prettyFormat() {
        let value: JSON = [
            "id": "A1",
            "gpa": .decimal("3.75"),
            "tags": ["x", 2, nil],
            "empty": [],
            "none": [:],
            "nested": ["ok": true, "list": [[], [1]]],
        ]
        let expected = """
            {
              "id": "A1",
              "gpa": 3.75,
              "tags": [
                "x",
                2,
                null
              ],
              "empty": [],
              "none": {},
              "nested": {
                "ok": true,
                "list": [
                  [],
                  [
                    1
                  ]
                ]
              }
            }
            """
        #expect(value.serialized(pretty: true) == expected)
        #expect(value.serialized() == #"{"id":"A1","gpa":3.75,"tags":["x",2,null],"empty":[],"none":{},"nested":{"ok":true,"list":[[],[1]]}}"#)
        #expect(JSON.array([]).serialized(pretty: true) == "[]")
        #expect(JSON.string("s").serialized(pretty: true) == #""s""#)
    }

    @Test(arguments: [
        ("\"", #""\"""#),
        ("\\", #""\\""#),
        ("\n\t\r\u{8}\u{C}", #""\n\t\r\b\f""#),
        ("\u{0}\u{1}\u{1B}\u{1F}", #""\u0000\u0001\u001b\u001f""#),
        ("a/b", #""a/b""#),
        ("\u{7F} é — Ā 😀", "\"\u{7F} é — Ā 😀\""),
        ("x\"y\\z\nw", #""x\"y\\z\nw""#),
        ("", #""""#),
    ])
    func escaping(_ raw: String, _ expected: String) throws {
        let value = JSON.string(raw)
        #expect(value.serialized() == expected)
        #expect(try JSON.parse(expected) == value)
    }

    @Test func escapesKeysToo() throws {
        let value: JSON = ["a\"b\n": 1]
        #expect(value.serialized() == #"{"a\"b\n":1}"#)
        #expect(try JSON.parse(value.serialized()) == value)
    }

    @Test(arguments: [
        "Sukmawati Rahayu — Ā",
        "Ni Luh Putu Ayu Ṣ",
        "I Gusti Ngurah Rai",
        "Nguyễn Thị Đặng",
        "😀👍🏽🇮🇩",
        "日本語",
    ])
    func utf8RoundTrip(_ name: String) throws {
        let value: JSON = ["name": .string(name), "list": [.string(name)]]
        var out: [UInt8] = []
        value.write(to: &out)
        let expected = Array("{\"name\":\"\(name)\",\"list\":[\"\(name)\"]}".utf8)
        #expect(out == expected)  // written as raw UTF-8, no \u escapes
        #expect(try JSON.parse(out) == value)
        #expect(try JSON.parse(value.serialized(pretty: true))["name"] == .string(name))
    }

    @Test func writeAppendsToExistingBuffer() {
        var out: [UInt8] = Array("x=".utf8)
        JSON(42).write(to: &out)
        out.append(0x0A)
        JSON.array([true, false]).write(to: &out, pretty: true)
        #expect(String(decoding: out, as: UTF8.self) == "x=42\n[\n  true,\n  false\n]")
    }

    // MARK: Accessors and constructors

    @Test func accessors() {
        let s: JSON = "hi"
        #expect(s.stringValue == "hi")
        #expect(s.intValue == nil && s.boolValue == nil && s.numberText == nil && !s.isNull)
        let b: JSON = true
        #expect(b.boolValue == true && b.stringValue == nil)
        let n: JSON = nil
        #expect(n.isNull && n.arrayValue == nil && n.objectValue == nil)
        let a: JSON = [1, "x"]
        #expect(a.arrayValue == [.number("1"), .string("x")])
        let o: JSON = ["k": 1]
        #expect(o.objectValue?.keys == ["k"])
        #expect(JSON.decimal("12.50").numberText == "12.50")
        #expect(JSON(-7) == .number("-7"))
        #expect(JSON(Int.min).serialized() == "-9223372036854775808")
        let seven: JSON = 7
        #expect(seven == .number("7"))
        #expect(JSON.null.description == "null")
    }

    @Test(arguments: [
        ("12", 12 as Int?), ("-12", -12), ("0", 0), ("-0", 0),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
        ("9223372036854775808", nil), ("1.0", nil), ("1e5", nil), ("3.75", nil), ("-", nil), ("", nil),
    ])
    func intValue(_ text: String, _ expected: Int?) {
        #expect(JSON.number(text).intValue == expected)
    }

    @Test func dictionaryLiteralKeepsOrder() {
        let value: JSON = ["z": 1, "a": 2, "m": 3, "a": 4]
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value.serialized() == #"{"z":1,"a":4,"m":3}"#)
    }

    // MARK: JSONObject

    @Test func objectSubscriptSetReplacesInPlaceOrAppends() {
        var object = JSONObject([("a", 1), ("b", 2)])
        object["a"] = "one"
        object["c"] = 3
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["a"] == "one")
        #expect(object.count == 3)
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object.removeValue(forKey: "zz") == nil)
        #expect(object.removeValue(forKey: "a") == "one")
        #expect(object.keys == ["c"])
        #expect(Array(object.map { $0.key }) == ["c"])
    }

    @Test func objectEqualityIsOrderSensitive() {
        let ab = JSONObject([("a", 1), ("b", 2)])
        let ba = JSONObject([("b", 2), ("a", 1)])
        #expect(ab != ba)
        #expect(ab == JSONObject([("a", 1), ("b", 2)]))
        #expect(ab != JSONObject([("a", 1), ("b", 3)]))
        #expect(ab != JSONObject([("a", 1)]))
    }

    @Test func largeObjectIndexStaysCorrect() {
        var object = JSONObject()
        for i in 0..<100 { object["k\(i)"] = JSON(i) }
        #expect(object.count == 100)
        #expect(object["k42"] == 42)
        object["k42"] = "changed"
        #expect(object.keys[42] == "k42")
        #expect(object["k42"] == "changed")
        object.removeValue(forKey: "k10")
        #expect(object.count == 99)
        #expect(object["k10"] == nil)
        #expect(object["k11"] == 11)
        #expect(object.keys[10] == "k11")
        // Direct mutation of pairs invalidates the index.
        object.pairs[0].key = "renamed"
        #expect(object["renamed"] == 0)
        #expect(object["k0"] == nil)
        object.pairs.append((key: "tail", value: true))
        #expect(object["tail"] == true)
        object["tail"] = false
        #expect(object.pairs.last?.value == false)
        #expect(object.count == 100)
        // Equality ignores whether an index exists.
        #expect(JSONObject(object.pairs.map { ($0.key, $0.value) }) == object)
    }

    @Test func parsedLargeObjectSupportsMutation() throws {
        var text = "{"
        for i in 0..<40 { text += (i > 0 ? "," : "") + "\"k\(i)\":\(i)" }
        text += "}"
        var object = try #require(try JSON.parse(text).objectValue)
        object["k3"] = "three"
        object["new"] = nil
        object["added"] = 1
        #expect(object.count == 41)
        #expect(object.keys[3] == "k3")
        #expect(object["k3"] == "three")
        #expect(object.keys.last == "added")
    }
}

@Suite("JSON, strict about repeated keys") struct JSONDuplicateKeyTests {
    /// The store's files never hold a key twice: read strictly, a repeated key is an error at
    /// its second occurrence, at any depth; read leniently (the default), the last value wins.
    @Test(arguments: [
        (#"{"a":1,"a":2}"#, 7),
        (#"{"x":{"b":[1],"c":2,"b":[3]}}"#, 20),
        (#"[{"k":1},{"k":2,"k":3}]"#, 16),
    ])
    func aRepeatedKeyIsRefusedWhereItRepeats(_ text: String, _ offset: Int) throws {
        let error = #expect(throws: JSONError.self) { try Array(text.utf8).withUnsafeBufferPointer { try JSON.parse($0, rejectingDuplicateKeys: true) } }
        #expect(error?.offset == offset, "\(String(describing: error))")
        #expect(error?.message.english.hasPrefix("duplicate key '") == true)
        #expect((try? JSON.parse(text)) != nil)
    }

    @Test func distinctKeysAreReadStrictlyAsLeniently() throws {
        let text = #"{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}"#
        let strict = try Array(text.utf8).withUnsafeBufferPointer { try JSON.parse($0, rejectingDuplicateKeys: true) }
        #expect(strict == (try JSON.parse(text)))
    }
}
