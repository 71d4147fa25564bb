import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// Vacancies (formasi): the seats a round opens, their settings and their stages.
enum VacancyCommands {
    /// The selection settings `vacancy add` and `vacancy set` share, with the national defaults.
    static let settingFlags: [FlagSpec] = [
        .value("category", .choice(VacancyCategory.allCases.map(\.rawValue)), "whom the seats are for: general, or a special category with its own SKD marks", default: .verbatim("general")),
        .value("pass-marks", .text, "SKD pass marks, exactly as written: any of total, twk, tiu, tkp (total=311,tiu=85)", default: "the category's, from policy pass-marks-CATEGORY"),
        .value("skb", .text, "SKB components and weights adding up to 100 (cat, practical, interview, certificate)", default: .verbatim("cat=60,practical=40")),
        .value("cat-max", .int(Bounds.catMax), "the CAT test's maximum raw score", default: "500"),
        .value("quota-factor", .int(Bounds.quotaFactor), "how many times the seats go on to SKB", default: "3"),
        .value("opens", .date, "registration opens", default: "the day it is announced"),
        .value("closes", .date, "registration closes", default: "14 days after it opens"),
        .value("rubric", .text, "interview items, each scored 1-5", default: .verbatim(Vacancy.defaultRubric.joined(separator: ","))),
        .value("objection-days", .int(Bounds.objectionDays), "days after a screening result in which an objection may be lodged", default: "3"),
        .value("min-age", .int(Bounds.age), "the youngest an applicant may be on the closing date, in completed years", default: "18 (cpns) or 20 (pppk)"),
        .value("max-age", .int(Bounds.age), "the oldest an applicant may be on the closing date, in completed years", default: "35 (cpns) or 56 (pppk)"),
    ]

    static let commands: [CommandSpec] = [
        CommandSpec("vacancy add", family: "recruitment", summary: "open a vacancy in draft; returns its id (V1, V2, ...)",
                    flags: [
                        .value("title", .text, "the position, e.g. \"Analis Kebijakan\"", required: true),
                        .value("unit", .text, "the work unit, e.g. Bappeda", required: true),
                        .value("seats", .int(Bounds.seats), "how many people to hire", required: true),
                        .value("type", .choice(Vacancy.types), "cpns (civil servant) or pppk (contract)", default: .verbatim("cpns")),
                        .value("education", .text, "an accepted qualification: a level (S1, D3, ...) with an optional field", repeatable: true),
                    ] + settingFlags,
                    examples: ["vacancy add --title \"Analis Kebijakan\" --unit Bappeda --seats 2 --education S1", "let v = vacancy add --title \"Pranata Komputer\" --unit Diskominfo --seats 1 --type pppk --education \"D3 Teknik Informatika\" --education S1 --skb cat=50,interview=30,certificate=20"],
                    mutates: true, run: add),
        CommandSpec("vacancy set", family: "recruitment", summary: "change a vacancy's seats or settings, before its tests start",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    flags: [
                        .value("title", .text, "the position"),
                        .value("unit", .text, "the work unit"),
                        .value("seats", .int(Bounds.seats), "how many people to hire"),
                        .value("education", .text, "an accepted qualification (replaces the list)", repeatable: true),
                    ] + settingFlags,
                    examples: ["vacancy set V1 --pass-marks twk=65,tiu=80,tkp=170 --closes 2026-12-20", "vacancy set V1 --category disability", "vacancy set V1 --seats 3"], mutates: true, exampleSetup: "draft", run: set),
        CommandSpec("vacancy announce", family: "recruitment", summary: "announce a draft vacancy on channels and open registration",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    flags: [
                        .value("channel", .choice(Vacancy.channels), "where it is announced", required: true, repeatable: true),
                        .value("opens", .date, "registration opens", default: "today"),
                        .value("closes", .date, "registration closes", default: "14 days after it opens"),
                    ],
                    examples: ["vacancy announce V1 --channel portal --channel social --channel jobfair", "vacancy announce V1 --channel portal --opens 2026-12-01 --closes 2026-12-15"], mutates: true, exampleSetup: "draft", run: announce),
        CommandSpec("vacancy advance", family: "recruitment", summary: "move a vacancy to its next stage, once the current one is complete",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    flags: [.value("date", .date, "the day it moved on, for work entered later (not after today, not before the current stage began)", default: "today")],
                    examples: ["vacancy advance V1", "vacancy advance V2", "vacancy advance V1 --date 2026-11-16"], mutates: true, exampleSetup: "registered", run: advance),
        CommandSpec("vacancy close", family: "recruitment", summary: "close a vacancy after its final results",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    examples: ["vacancy close V1", "vacancy close V2"], mutates: true, exampleSetup: "final", run: close),
        CommandSpec("vacancy list", family: "recruitment", summary: "list the vacancies",
                    flags: [.value("unit", .text, "only this unit"), .value("state", .choice(VacancyState.allCases.map(\.rawValue)), "only vacancies in this stage"),
                            categoryFilter],
                    examples: ["vacancy list", "vacancy list --unit Bappeda", "vacancy list --category disability"], exampleSetup: "draft", run: list),
        CommandSpec("vacancy show", family: "recruitment", summary: "show one vacancy with its settings and counts",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    examples: ["vacancy show V1", "vacancy show V2"], exampleSetup: "draft", run: show),
        CommandSpec("vacancy optimize", family: "recruitment",
                    summary: "offer empty seats to the best remaining candidates for the same position (optimalisasi); --apply to do it",
                    flags: [.bool("apply", "make the moves instead of only showing them")],
                    examples: ["vacancy optimize", "vacancy optimize --apply"], mutates: true, exampleSetup: "final", run: optimize),
        CommandSpec("vacancy results", family: "recruitment", summary: "the public announcement of final results, NIKs masked",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    flags: [.value("publish", .file, "also write it to FILE (.csv or .md)")],
                    examples: ["vacancy results V1", "vacancy results V1 --publish hasil-V1.md"], exampleSetup: "final", run: results),
    ]

    /// `--category C`, for the commands that read the vacancies of one category.
    static let categoryFilter = FlagSpec.value("category", .choice(VacancyCategory.allCases.map(\.rawValue)), "only vacancies of this category")

    // MARK: helpers

    static func text(_ inv: Invocation, _ flag: String, max: Int = 200) throws -> String {
        let a = inv.args.arg(flag)!
        let t = a.text.trimmingBlanks()
        guard !t.isEmpty else { throw inv.fail("--\(flag) cannot be empty", at: a.range) }
        guard t.count <= max else { throw inv.fail("--\(flag) is \(t.count) characters long; at most \(max) are allowed", at: a.range) }
        guard Controls.first(in: t) == nil else {
            throw inv.fail("--\(flag) holds control characters", at: a.range)
        }
        return t
    }

    /// Runs `body`, pointing any error without a place at `range`.
    static func at<T>(_ range: SourceRange, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var e as KemuningError {
            if e.range == nil { e.range = range }
            throw e
        }
    }

    static func educationList(_ inv: Invocation) throws -> [String] {
        var education: [String] = []
        for a in inv.args.flags["education"] ?? [] {
            for piece in a.text.split(separator: ",") {
                education.append(try at(a.range) { try Education.validate(String(piece)) })
            }
        }
        return education
    }

    /// Applies the setting flags given to `v`.
    /// `isNew`: the vacancy is being added, so marks not given come from its category's policy.
    static func applySettings(_ inv: Invocation, to v: inout Vacancy, isNew: Bool = false) throws {
        let args = inv.args
        if let c = args.string("category") { v.category = VacancyCategory(rawValue: c)! }
        if let a = args.arg("pass-marks") {
            v.passMarks = try at(a.range) { try PassMarks(parsing: a.text) }
        } else if args.has("category") || isNew {
            // A new vacancy, or one given a category again, takes the category's marks as the
            // store's policy holds them for the year.
            v.passMarks = try PassMarks(parsing: try inv.state.policy(v.category.policy))
        }
        if let a = args.arg("skb") { v.skb = try at(a.range) { try SKBScheme(national: a.text) } }
        if let n = args.int("cat-max") { v.catMax = n }
        if let n = args.int("quota-factor") { v.quotaFactor = n }
        if let d = try args.day("opens") { v.opens = d }
        if let d = try args.day("closes") { v.closes = d }
        if let a = args.arg("rubric") {
            let items = a.text.split(separator: ",").map { $0.trimmingBlanks().lowercased() }
            guard !items.isEmpty, items.count <= 12, Set(items).count == items.count,
                  items.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { Lexer.isNameChar($0) || $0 == "-" } }) else {
                throw inv.fail("bad rubric '\(a.text)': expected 1 to 12 different item names separated by commas", at: a.range)
            }
            v.rubric = items
        }
        if let n = args.int("objection-days") { v.objectionDays = n }
        if let n = args.int("min-age") { v.minAge = n }
        if let n = args.int("max-age") { v.maxAge = n }
        if let top = v.ageLimits.max, top < v.ageLimits.min {
            throw inv.fail("the maximum age (\(top)) would be below the minimum age (\(v.ageLimits.min))",
                           at: args.range(args.has("max-age") ? "max-age" : "min-age"))
        }
        if let o = v.opens, let c = v.closes, c < o {
            throw inv.fail("registration would close (\(c)) before it opens (\(o))", at: args.range(args.has("closes") ? "closes" : "opens"))
        }
    }

    static func lookup(_ inv: Invocation, _ a: Arg) throws -> Vacancy {
        let state = try inv.state
        guard let v = state.vacancy(a.text.uppercased()) else {
            throw inv.fail("no vacancy '\(a.text)'", at: a.range, hint: unknownIdHint(state.vacancies.map(\.id), a.text, kind: "vacancy"))
        }
        return v
    }

    // MARK: commands

    static func add(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let title = try text(inv, "title")
        let unit = try text(inv, "unit")
        let education = try educationList(inv)
        let state = try inv.state
        var v = Vacancy(id: state.nextId("V"), title: title, unit: unit, seats: args.number("seats"),
                        type: args.string("type") ?? "cpns", education: education, state: .draft, created: inv.today)
        try applySettings(inv, to: &v, isNew: true)
        try inv.add(v, vacancy: v.id, action: "opened in draft")
        return .created("vacancy", v.id)
    }

    static func set(_ inv: Invocation) throws -> Output {
        let before = try lookup(inv, inv.args.positionals[0])
        guard before.state <= .screening else {
            throw inv.fail("\(before.id) is in \(before.state.rawValue): its settings are fixed once the tests start", at: inv.args.positionals[0].range)
        }
        let changed = inv.args.flags.keys.filter { $0 != "" }
        guard !changed.isEmpty else { throw inv.fail("nothing to change: give at least one flag", hint: "usage: \(inv.args.spec.usage)") }
        var v = before
        if inv.args.has("title") { v.title = try text(inv, "title") }
        if inv.args.has("unit") { v.unit = try text(inv, "unit") }
        if let n = inv.args.int("seats") { v.seats = n }
        if inv.args.has("education") { v.education = try educationList(inv) }
        try applySettings(inv, to: &v)
        if before.state >= .announced, let o = v.opens, o != before.opens, o > inv.today, try !inv.state.applications(ofVacancy: v.id).isEmpty {
            throw inv.fail("\(v.id) already has applications: registration cannot open later than \(before.opens!)", at: inv.args.range("opens"))
        }
        guard v != before else { return .message("\(v.id) is unchanged") }
        try inv.put(v, before: before, vacancy: v.id, action: "settings changed")
        return .message("\(v.id) changed", value: v.id)
    }

    static func announce(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try lookup(inv, idArg)
        guard before.state == .draft else {
            throw inv.fail("\(before.id) is \(before.state.rawValue), not a draft: it was announced already", at: idArg.range)
        }
        var v = before
        var channels: [String] = []
        for c in inv.args.strings("channel") where !channels.contains(c) { channels.append(c) }
        v.channels = channels
        let opens = try inv.args.day("opens") ?? v.opens ?? inv.today
        let closes = try inv.args.day("closes") ?? v.closes ?? opens.adding(days: 14)
        guard closes >= opens else {
            throw inv.fail("registration would close (\(closes)) before it opens (\(opens))", at: inv.args.range(inv.args.has("closes") ? "closes" : "opens"))
        }
        guard closes >= inv.today else {
            throw inv.fail("registration would close on \(closes), before today (\(inv.today))", at: inv.args.range("closes"))
        }
        v.opens = opens
        v.closes = closes
        v.state = .announced
        v.stages[.announced] = inv.today
        try inv.put(v, before: before, vacancy: v.id, action: "announced")
        return .message("\(v.id) announced on \(channels.joined(separator: ", ")); registration \(opens) to \(closes)", value: v.id)
    }

    /// The checks that guard each step forward (the rule is `advanceSummary`): a refusal is the
    /// command's failure; an error of the round without a place points at the vacancy's id.
    static func checkAdvance(_ inv: Invocation, _ v: Vacancy, at range: SourceRange, on day: Day? = nil) throws -> Message {
        do {
            return try at(range) { try advanceSummary(try inv.context.round(v), today: day ?? inv.today) }.message
        } catch let refusal as AdvanceRefusal {
            throw inv.fail(refusal.message, hint: refusal.hint)
        }
    }

    /// The audit trail's words for a vacancy entering `stage`: one sentence per stage, so that
    /// the trail can show the stage's name in the session's language (a stage's code, `skd`,
    /// inside a sentence would stay as stored). The English is what the store always kept.
    static func advancedAction(_ stage: VacancyState) -> String {
        switch stage {
        case .screening: return "advanced to screening"
        case .skd: return "advanced to skd"
        case .skb: return "advanced to skb"
        case .final: return "advanced to final"
        case .closed: return "advanced to closed"
        case .draft, .announced: return "advanced to \(stage.rawValue)"
        }
    }

    static func advance(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try lookup(inv, idArg)
        // As of its day: the stage's conditions (registration closed, objection windows over)
        // are checked on the day it moved on, and that day is the new stage's start.
        let day = try inv.decisionDay(before, before.state)
        let summary = try checkAdvance(inv, before, at: idArg.range, on: day)
        var v = before
        v.state = before.state.next!
        v.stages[v.state] = day
        var fields = fieldChanges(before.json, v.json)
        fields.append(.init(field: "decision", before: .null, after: .string(summary.english)))
        try inv.commit(.put(v), audit: [inv.audit(v.id, vacancy: v.id, action: advancedAction(v.state), fields: fields, on: day)])
        return .message("\(v.id): \(before.state.rawValue) → \(v.state.rawValue) (\(summary))", value: v.state.rawValue)
    }

    static func close(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try lookup(inv, idArg)
        guard before.state == .final else {
            throw inv.fail("\(before.id) is in \(before.state.rawValue): only a vacancy with final results can be closed", at: idArg.range)
        }
        var v = before
        v.state = .closed
        v.stages[.closed] = inv.today
        try inv.put(v, before: before, vacancy: v.id, action: "closed")
        return .message("\(v.id) closed", value: v.id)
    }

    static func list(_ inv: Invocation) throws -> Output {
        let unit = inv.args.string("unit")
        let st = inv.args.string("state")
        let category = inv.args.string("category")
        let state = try inv.state
        let rows = state.vacancies.filter {
            (unit == nil || $0.unit == unit) && (st == nil || $0.state.rawValue == st) && (category == nil || $0.category.rawValue == category)
        }.map { v -> [JSON] in
            [.string(v.id), .string(v.title), .string(v.unit), JSON(v.seats), .string(v.type), .string(v.category.rawValue),
             .array(v.education.map { .string($0) }), .string(v.state.rawValue), JSON(state.applications(ofVacancy: v.id).count)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("title", "TITLE"), .init("unit", "UNIT"),
                                       .init("seats", "SEATS", alignRight: true), .init("type", "TYPE"), .init("category", "CATEGORY"),
                                       .init("education", "EDUCATION"), .init("state", "STATE"),
                                       .init("applications", "APPLICATIONS", alignRight: true)], rows: rows))
    }

    static func show(_ inv: Invocation) throws -> Output {
        let v = try lookup(inv, inv.args.positionals[0])
        let view = try inv.context.round(v)
        var fields: [Output.Field] = [
            .init("id", "id", .string(v.id)), .init("title", "title", .string(v.title)), .init("unit", "unit", .string(v.unit)),
            .init("seats", "seats", JSON(v.seats)), .init("type", "type", .string(v.type)),
            .init("category", "category", .string(v.category.rawValue), display: v.category == .general ? "general" : "\(v.category.rawValue) (\(v.category.label))"),
            .init("education", "education", .array(v.education.map { .string($0) })),
            .init("state", "state", .string(v.state.rawValue)), .init("created", "created", .string(v.created.description)),
            .init("opens", "opens", v.opens.map { .string($0.description) } ?? .null),
            .init("closes", "closes", v.closes.map { .string($0.description) } ?? .null),
            .init("channels", "channels", .array(v.channels.map { .string($0) })),
            // A table shows them as they are given (`twk=65,tiu=80,tkp=166`); JSON gives the
            // numbers of the marks there are.
            .init("passMarks", "pass marks", v.passMarks.json,
                  display: .verbatim(v.passMarks.text)),
            .init("skb", "SKB scheme", .object(JSONObject(v.skb.weights.map { ($0.component.rawValue, JSON($0.weight)) })),
                  display: .verbatim(v.skb.text)),
            .init("catMax", "CAT maximum", JSON(v.catMax)), .init("quotaFactor", "quota factor", JSON(v.quotaFactor)),
            .init("rubric", "interview rubric", .array(v.rubric.map { .string($0) })),
            .init("objectionDays", "objection days", JSON(v.objectionDays)),
            .init("minAge", "minimum age", JSON(v.ageLimits.min)),
            .init("maxAge", "maximum age", v.ageLimits.max.map { JSON($0) } ?? .null),
            .init("applications", "applications", JSON(view.applications.count)),
            .init("screenedIn", "passed screening", JSON(view.screenedIn.count)),
        ]
        if v.state >= .skd { fields.append(.init("admitted", "admitted to SKB", JSON(view.admittedToSKB().count))) }
        if v.state >= .final { fields.append(.init("passed", "passed", JSON(view.passedIds().count))) }
        return Output(.record(fields))
    }
}

/// "there are V1 to V12" / "there are no vacancies yet".
/// The plural of a kind of record, for messages that need it.
func plural(of kind: Message) -> Message {
    switch kind.english {
    case "action": return "actions"
    case "applicant": return "applicants"
    case "application": return "applications"
    case "complaint": return "complaints"
    case "employee": return "employees"
    case "forum": return "forums"
    case "job fair": return "job fairs"
    case "mentorship": return "mentorships"
    case "request": return "requests"
    case "service": return "services"
    case "survey": return "surveys"
    case "training": return "trainings"
    case "vacancy": return "vacancies"
    default: return "records of this kind"
    }
}

func unknownIdHint(_ ids: [String], _ wanted: String, kind: Message) -> Message {
    guard let first = ids.first, let last = ids.last else { return "there are no \(plural(of: kind)) yet" }
    return first == last ? "the only \(kind) is \(first)" : "\(kind) ids run from \(first) to \(last)"
}
