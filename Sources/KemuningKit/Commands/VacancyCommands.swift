/// Vacancies (formasi): the seats a round opens.
enum VacancyCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("vacancy add", family: "recruitment", summary: "open a vacancy in draft; returns its id (V1, V2, ...)",
                    flags: [
                        .value("title", .text, "the position, e.g. \"Analis Kebijakan\"", required: true),
                        .value("unit", .text, "the work unit, e.g. Bappeda", required: true),
                        .value("seats", .int(1...100_000), "how many people to hire", required: true),
                        .value("type", .choice(Vacancy.types), "cpns (civil servant) or pppk (contract)", default: "cpns"),
                        .value("education", .text, "an accepted qualification: a level (S1, D3, ...) with an optional field", repeatable: true),
                    ],
                    examples: ["vacancy add --title \"Analis Kebijakan\" --unit Bappeda --seats 2 --education S1",
                               "let v = vacancy add --title \"Pranata Komputer\" --unit Diskominfo --seats 1 --type pppk --education \"D3 Teknik Informatika\" --education S1"],
                    mutates: true, run: add),
        CommandSpec("vacancy list", family: "recruitment", summary: "list the vacancies",
                    flags: [.value("unit", .text, "only this unit")],
                    examples: ["vacancy list", "vacancy list --unit Bappeda"], run: list),
        CommandSpec("vacancy show", family: "recruitment", summary: "show one vacancy",
                    positionals: [PositionalSpec("ID", .id("V"), "the vacancy")],
                    examples: ["vacancy show V1"], run: show),
    ]

    static func text(_ inv: Invocation, _ flag: String, max: Int = 200) throws -> String {
        let a = inv.args.arg(flag)!
        let t = a.text.trimmingBlanks()
        guard !t.isEmpty else { throw inv.fail("--\(flag) cannot be empty", at: a.range) }
        guard t.count <= max else { throw inv.fail("--\(flag) is \(t.count) characters long; at most \(max) are allowed", at: a.range) }
        guard !t.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw inv.fail("--\(flag) holds control characters", at: a.range)
        }
        return t
    }

    static func add(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let title = try text(inv, "title")
        let unit = try text(inv, "unit")
        var education: [String] = []
        for a in args.flags["education"] ?? [] {
            for piece in a.text.split(separator: ",") {
                do { education.append(try Education.validate(String(piece))) } catch var e as KemuningError {
                    e.range = a.range
                    throw e
                }
            }
        }
        let state = try inv.state
        let v = Vacancy(id: state.nextId("V"), title: title, unit: unit, seats: args.int("seats")!,
                        type: args.string("type") ?? "cpns", education: education, state: "draft", created: inv.today)
        try inv.session.commit(Change("vacancy.add", ("vacancy", v.json)))
        return .created("vacancy", v.id)
    }

    static func list(_ inv: Invocation) throws -> Output {
        let unit = inv.args.string("unit")
        let rows = try inv.state.vacancies.filter { unit == nil || $0.unit == unit }.map { v -> [JSON] in
            [.string(v.id), .string(v.title), .string(v.unit), JSON(v.seats), .string(v.type),
             .array(v.education.map { .string($0) }), .string(v.state)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("title", "TITLE"), .init("unit", "UNIT"),
                                       .init("seats", "SEATS", alignRight: true), .init("type", "TYPE"),
                                       .init("education", "EDUCATION"), .init("state", "STATE")], rows: rows))
    }

    static func show(_ inv: Invocation) throws -> Output {
        let v = try lookupVacancy(inv, inv.args.positionals[0])
        return Output(.record([
            .init("id", "id", .string(v.id)), .init("title", "title", .string(v.title)), .init("unit", "unit", .string(v.unit)),
            .init("seats", "seats", JSON(v.seats)), .init("type", "type", .string(v.type)),
            .init("education", "education", .array(v.education.map { .string($0) })),
            .init("state", "state", .string(v.state)), .init("created", "created", .string(v.created.description)),
        ]))
    }

    static func lookupVacancy(_ inv: Invocation, _ a: Arg) throws -> Vacancy {
        let state = try inv.state
        guard let v = state.vacancy(a.text.uppercased()) else {
            throw inv.fail("no vacancy '\(a.text)'", at: a.range, hint: unknownIdHint(state.vacancies.map(\.id), a.text, kind: "vacancy"))
        }
        return v
    }
}

/// "there are V1 to V12" / "there are no vacancies yet".
func unknownIdHint(_ ids: [String], _ wanted: String, kind: String) -> String {
    guard let first = ids.first, let last = ids.last else { return "there are no \(kind == "vacancy" ? "vacancies" : kind + "s") yet" }
    return first == last ? "the only \(kind) is \(first)" : "\(kind) ids run from \(first) to \(last)"
}
