/// A vacancy (formasi): seats for one position in one unit, opened in a selection round.
public struct Vacancy: Equatable, Sendable {
    public var id: String
    public var title: String
    public var unit: String
    public var seats: Int
    /// `cpns` (civil servant candidate) or `pppk` (government employee on contract).
    public var type: String
    /// Accepted qualifications: levels, optionally with a field (`S1`, `S1 Akuntansi`).
    public var education: [String]
    public var state: String
    public var created: Day

    public static let types = ["cpns", "pppk"]
}

/// A person who may apply to vacancies. The NIK identifies them and is unique.
public struct Applicant: Equatable, Sendable {
    public var id: String
    public var nik: String
    public var name: String
    public var born: Day
    public var education: String?
    /// Grade point average on 0.00-4.00, exact.
    public var gpa: ExactDecimal?
    public var created: Day
}

extension Vacancy {
    public var json: JSON {
        .object(JSONObject([
            ("id", .string(id)), ("title", .string(title)), ("unit", .string(unit)),
            ("seats", JSON(seats)), ("type", .string(type)),
            ("education", .array(education.map { .string($0) })),
            ("state", .string(state)), ("created", .string(created.description)),
        ]))
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "vacancy")
        id = try f.string("id")
        title = try f.string("title")
        unit = try f.string("unit")
        seats = try f.int("seats")
        type = try f.string("type")
        education = try f.strings("education")
        state = try f.string("state")
        created = try f.day("created")
    }
}

extension Applicant {
    public var json: JSON {
        var o = JSONObject([
            ("id", .string(id)), ("nik", .string(nik)), ("name", .string(name)),
            ("born", .string(born.description)),
        ])
        o["education"] = education.map { .string($0) } ?? .null
        o["gpa"] = gpa.map { .number($0.description) } ?? .null
        o["created"] = .string(created.description)
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "applicant")
        id = try f.string("id")
        nik = try f.string("nik")
        name = try f.string("name")
        born = try f.day("born")
        education = try f.optionalString("education")
        gpa = try f.optionalDecimal("gpa")
        created = try f.day("created")
    }
}

/// Reads typed fields out of a stored JSON object, with errors that name the record and field.
struct Fields {
    let object: JSONObject
    let what: String

    init(_ json: JSON, _ what: String) throws {
        guard let o = json.objectValue else { throw RecordError("\(what) is not a JSON object") }
        self.object = o
        self.what = what
    }

    func value(_ key: String) throws -> JSON {
        guard let v = object[key] else { throw RecordError("\(what) has no '\(key)'") }
        return v
    }

    func string(_ key: String) throws -> String {
        guard let s = try value(key).stringValue else { throw RecordError("\(what) '\(key)' is not a string") }
        return s
    }

    func optionalString(_ key: String) throws -> String? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw RecordError("\(what) '\(key)' is not a string") }
        return s
    }

    func int(_ key: String) throws -> Int {
        guard let n = try value(key).intValue else { throw RecordError("\(what) '\(key)' is not an integer") }
        return n
    }

    func strings(_ key: String) throws -> [String] {
        guard let a = try value(key).arrayValue else { throw RecordError("\(what) '\(key)' is not a list") }
        return try a.map {
            guard let s = $0.stringValue else { throw RecordError("\(what) '\(key)' holds a non-string") }
            return s
        }
    }

    func day(_ key: String) throws -> Day {
        let s = try string(key)
        do { return try Day(parsing: s) } catch { throw RecordError("\(what) '\(key)' is not a date: '\(s)'") }
    }

    func optionalDecimal(_ key: String) throws -> ExactDecimal? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let t = v.numberText, let d = ExactDecimal(t) else {
            throw RecordError("\(what) '\(key)' is not a decimal number")
        }
        return d
    }
}

/// A stored record that does not have the shape this version expects.
public struct RecordError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
