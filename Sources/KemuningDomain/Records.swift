import KemuningCore
/// A vacancy (formasi): seats for one position in one unit, opened in a selection round.
public struct Vacancy: StoredRecord, Equatable, Sendable {
    public static let kind = "vacancy"
    public static let prefix = "V"
    public static let label: Message = "vacancy"
    public var id: String
    /// The position (jabatan), e.g. "Analis Kebijakan".
    public var title: String
    public var unit: String
    public var seats: Int
    /// `cpns` (civil servant candidate) or `pppk` (government employee on contract).
    public var type: String
    /// Accepted qualifications: levels, optionally with a field (`S1`, `S1 Akuntansi`).
    public var education: [String]
    public var state: VacancyState
    public var created: Day

    /// Whom the seats are for; special categories have their own SKD marks.
    public var category = VacancyCategory.general
    // Selection settings, with the national defaults.
    public var passMarks = PassMarks.national
    public var skb = SKBScheme.regional
    public var catMax = 500
    public var quotaFactor = 3
    public var opens: Day?
    public var closes: Day?
    /// Interview rubric items, each scored 1-5.
    public var rubric = Vacancy.defaultRubric
    /// Days after a screening result in which an objection may be lodged.
    public var objectionDays = 3
    /// Where the vacancy was announced.
    public var channels: [String] = []
    /// How many participant numbers its applications were given: the next one is this plus
    /// one. Kept here so that screening one application need not read the others.
    public var participants = 0
    /// The date each state was entered.
    public var stages: [VacancyState: Day] = [:]
    /// The youngest and oldest an applicant may be on the closing date, in completed years, when
    /// set (`--min-age`, `--max-age`); nil takes the default of the vacancy's type
    /// (`AgeLimits.defaults(type:)`).
    public var minAge: Int?
    public var maxAge: Int?

    /// The age limits in force: the ones set, else the type's defaults.
    public var ageLimits: AgeLimits {
        let d = AgeLimits.defaults(type: type)
        return AgeLimits(min: minAge ?? d.min, max: maxAge ?? d.max)
    }

    public static let types = ["cpns", "pppk"]
    public static let defaultRubric = ["communication", "motivation", "integrity", "teamwork", "problem-solving"]
    public static let channels = ["portal", "social", "website", "jobfair", "campus", "radio", "newspaper"]

    public init(id: String, title: String, unit: String, seats: Int, type: String, education: [String], state: VacancyState, created: Day) {
        self.id = id
        self.title = title
        self.unit = unit
        self.seats = seats
        self.type = type
        self.education = education
        self.state = state
        self.created = created
        self.stages = [state: created]
    }
}

/// The stages of a selection round, in order. Each step forward is checked.
public enum VacancyState: String, CaseIterable, Comparable, Sendable {
    case draft, announced, screening, skd, skb, final, closed

    public static func < (a: VacancyState, b: VacancyState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var next: VacancyState? {
        let all = VacancyState.allCases
        let k = all.firstIndex(of: self)!
        return k + 1 < all.count ? all[k + 1] : nil
    }
}

/// A person who may apply to vacancies. The NIK identifies them and is unique.
public struct Applicant: StoredRecord, Equatable, Sendable {
    public static let kind = "applicant"
    public static let prefix = "A"
    public static let label: Message = "applicant"
    public var id: String
    public var nik: String
    public var name: String
    public var born: Day
    public var education: String?
    /// Grade point average, exact: an IPK on 0.00-4.00, or for a school-leaver (SD to SMK)
    /// the school average on 0.00-100.00; `gpaScale` says which, from `education`.
    public var gpa: ExactDecimal?
    public var created: Day

    package init(id: String, nik: String, name: String, born: Day, education: String? = nil, gpa: ExactDecimal? = nil, created: Day) {
        self.id = id
        self.nik = nik
        self.name = name
        self.born = born
        self.education = education
        self.gpa = gpa
        self.created = created
    }

    /// Which scale `gpa` is on, from the education level.
    public var gpaScale: GPAScale { Education.gpaScale(of: education) }
}

extension Vacancy {
    public var json: JSON {
        var o = JSONObject([
            ("id", .string(id)), ("title", .string(title)), ("unit", .string(unit)),
            ("seats", JSON(seats)), ("type", .string(type)),
            ("education", .array(education.map { .string($0) })),
            ("state", .string(state.rawValue)), ("created", .string(created.description)),
        ])
        o["category"] = .string(category.rawValue)
        o["passMarks"] = passMarks.json
        o["skb"] = .object(JSONObject(skb.weights.map { ($0.component.rawValue, JSON($0.weight)) }))
        o["catMax"] = JSON(catMax)
        o["quotaFactor"] = JSON(quotaFactor)
        o["opens"] = opens.map { .string($0.description) } ?? .null
        o["closes"] = closes.map { .string($0.description) } ?? .null
        o["rubric"] = .array(rubric.map { .string($0) })
        o["objectionDays"] = JSON(objectionDays)
        o["channels"] = .array(channels.map { .string($0) })
        o["participants"] = JSON(participants)
        o["stages"] = .object(JSONObject(VacancyState.allCases.compactMap { s in stages[s].map { (s.rawValue, .string($0.description)) } }))
        // Written only when set, so a vacancy on its type's defaults reads as before.
        if let minAge { o["minAge"] = JSON(minAge) }
        if let maxAge { o["maxAge"] = JSON(maxAge) }
        return .object(o)
    }

    public init(json: JSON) throws {
        let f = try Fields(json, "vacancy")
        let stateText = try f.string("state")
        guard let st = VacancyState(rawValue: stateText) else { throw RecordError("vacancy state '\(stateText)' is unknown") }
        self.init(id: try f.string("id"), title: try f.string("title"), unit: try f.string("unit"), seats: try f.int("seats", in: Bounds.seats),
                  type: try f.string("type"), education: try f.strings("education"), state: st, created: try f.day("created"))
        // Settings added in part 2 are optional, so part-1 snapshots still load.
        // Written before categories: a general vacancy.
        if let c = f.object["category"] {
            guard let text = c.stringValue, let cat = VacancyCategory(rawValue: text) else {
                throw RecordError("vacancy \(id) category \(c.serialized()) is unknown")
            }
            category = cat
        }
        if let pm = f.object["passMarks"]?.objectValue {
            var marks: [SKDMark: Int] = [:]
            for (key, v) in pm {
                guard let mark = SKDMark(rawValue: key) else { throw RecordError("vacancy \(id) passMarks has an unknown mark '\(key)'") }
                marks[mark] = try Fields.bounded(v, 0...mark.maximum, "vacancy \(id) passMarks '\(key)'")
            }
            if let problem = PassMarks.shapeProblem(marks) { throw RecordError("vacancy \(id) passMarks: \(problem)") }
            passMarks = PassMarks(marks)
        }
        if let scheme = f.object["skb"]?.objectValue {
            var w: [(SKBComponent, Int)] = []
            for (k, v) in scheme {
                guard let c = SKBComponent(rawValue: k) else { throw RecordError("vacancy \(id) skb has an unknown component '\(k)'") }
                w.append((c, try Fields.bounded(v, Bounds.skbWeight, "vacancy \(id) skb '\(k)'")))
            }
            // The lenient reading: weights adding up to 100 with CAT at least 50%, but not the
            // national patterns `--skb` insists on, so a store written before them still opens.
            let text = w.map { "\($0.0.rawValue)=\($0.1)" }.joined(separator: ",")
            do { skb = try SKBScheme(parsing: text) } catch let e as KemuningError {
                throw RecordError("vacancy \(id) skb: \(e.message)")
            }
        }
        catMax = try f.optionalInt("catMax", in: Bounds.catMax) ?? 500
        quotaFactor = try f.optionalInt("quotaFactor", in: Bounds.quotaFactor) ?? 3
        opens = try f.optionalDay("opens")
        closes = try f.optionalDay("closes")
        if f.object["rubric"] != nil { rubric = try f.strings("rubric") }
        objectionDays = try f.optionalInt("objectionDays", in: Bounds.objectionDays) ?? 3
        if f.object["channels"] != nil { channels = try f.strings("channels") }
        participants = try f.optionalInt("participants", in: 0...Int(Int32.max)) ?? 0
        minAge = try f.optionalInt("minAge", in: Bounds.age)
        maxAge = try f.optionalInt("maxAge", in: Bounds.age)
        if let st = f.object["stages"]?.objectValue {
            stages = [:]
            for (k, v) in st {
                guard let s = VacancyState(rawValue: k) else { throw RecordError("vacancy \(id) stages has an unknown stage '\(k)'") }
                guard let t = v.stringValue, let d = try? Day(parsing: t) else {
                    throw RecordError("vacancy \(id) stage '\(k)' has a bad date \(v.serialized())")
                }
                stages[s] = d
            }
        }
    }
}

extension Applicant {
    /// Every key `json` writes (all of them, always); `init(json:)` reads each with its type.
    package static let storedKeys = ["id", "nik", "name", "born", "education", "gpa", "created"]

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
        // The range follows the education level, as `applicant add` checks it; a store written
        // before school averages were taken has only values from 0 to 4, which both allow.
        let scale = Education.gpaScale(of: education)
        do { gpa = try f.optionalDecimal("gpa", in: scale.range) } catch let e as RecordError {
            // The scale is the education's: a damaged 'education' shows as a GPA out of range,
            // so the message names both.
            throw RecordError("\(e.message) (the scale of its 'education' \(education.map { "'\($0)'" } ?? "(none)"))")
        }
        created = try f.day("created")
    }
}

/// Reads typed fields out of a stored JSON object, with errors that name the record and field.
package struct Fields {
    let object: JSONObject
    let what: Message

    init(_ json: JSON, _ what: Message) throws {
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
        do { return try Day(parsing: s) } catch {
            if Day.isOutsideSupportedYears(s) { throw RecordError.outsideSupportedDates(what, key, s) }
            throw RecordError("\(what) '\(key)' is not a date: '\(s)'")
        }
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let n = v.intValue else { throw RecordError("\(what) '\(key)' is not an integer") }
        return n
    }

    /// A whole number within `range` (see `Bounds`).
    func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let v = try value(key)
        return try Fields.bounded(v, range, "\(what) '\(key)'")
    }

    func optionalInt(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let v = object[key], !v.isNull else { return nil }
        return try Fields.bounded(v, range, "\(what) '\(key)'")
    }

    /// `value` as a whole number within `range`, or an error naming `what` and the value.
    /// (`what` is made only for the message: reading a big store calls this a million times.)
    package static func bounded(_ value: JSON, _ range: ClosedRange<Int>, _ what: @autoclosure () -> Message) throws -> Int {
        guard let n = value.intValue else {
            throw RecordError("\(what()) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(value.serialized())")
        }
        guard range.contains(n) else {
            throw RecordError("\(what()) must be from \(range.lowerBound) to \(range.upperBound), not \(n)")
        }
        return n
    }

    /// A decimal within `range`, when present.
    func optionalDecimal(_ key: String, in range: ClosedRange<ExactDecimal>) throws -> ExactDecimal? {
        guard let d = try optionalDecimal(key) else { return nil }
        guard range.contains(d) else {
            throw RecordError("\(what) '\(key)' must be from \(range.lowerBound.description) to \(range.upperBound.description), not \(d.description)")
        }
        return d
    }

    func optionalDay(_ key: String) throws -> Day? {
        guard let v = object[key], !v.isNull else { return nil }
        if let t = v.stringValue, Day.isOutsideSupportedYears(t) { throw RecordError.outsideSupportedDates(what, key, t) }
        guard let t = v.stringValue, let d = try? Day(parsing: t) else { throw RecordError("\(what) '\(key)' is not a date") }
        return d
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let b = v.boolValue else { throw RecordError("\(what) '\(key)' is not true or false") }
        return b
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
public struct RecordError: MessageError, Equatable, CustomStringConvertible {
    public var message: Message
    /// A date past the supported years: the user's doing (a deadline computed from a late
    /// `set today`), not a damaged record, so it is reported as a failed command.
    public var isDateOutOfRange = false
    public init(_ message: Message) { self.message = message }
    public var description: String { message.english }

    static func outsideSupportedDates(_ what: Message, _ key: String, _ text: String) -> RecordError {
        var e = RecordError("\(what) '\(key)' is \(text), outside the supported dates (\(Day.earliest.description) to \(Day.latest.description))")
        e.isDateOutOfRange = true
        return e
    }
}
