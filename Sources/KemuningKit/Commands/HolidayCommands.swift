import KemuningCore
import KemuningDomain
import KemuningStore

/// The holiday calendar: public holidays and cuti bersama, which working days skip (service
/// standards counted in working days, complaint deadlines under `complaint-day-count working`).
/// The rules are in Domain/Holidays.swift.
enum HolidayCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("holiday add", family: "services", summary: "record a public holiday, which working days skip; returns its id (H1, ...)",
                    positionals: [PositionalSpec("DATE", .date, "the day")],
                    flags: [.value("name", .text, "what the day is, e.g. \"Hari Raya Natal\"", required: true)],
                    examples: ["holiday add 2026-12-25 --name \"Hari Raya Natal\"", "holiday add 2026-12-24 --name \"Cuti bersama Natal\""],
                    mutates: true, run: add),
        CommandSpec("holiday list", family: "services", summary: "list the public holidays, by date",
                    flags: [.value("year", .int(Bounds.year), "only this calendar year")],
                    examples: ["holiday list", "holiday list --year 2026"], exampleSetup: "holidays", run: list),
        CommandSpec("holiday show", family: "services", summary: "one holiday: its date, weekday and name, and whether it was removed",
                    positionals: [PositionalSpec("ID", .id("H"), "the holiday")],
                    examples: ["holiday show H1", "holiday show H2"], exampleSetup: "holidays", run: show),
        CommandSpec("holiday remove", family: "services", summary: "take a day off the holiday calendar (undo puts it back)",
                    positionals: [PositionalSpec("DATE", .date, "the day")],
                    examples: ["holiday remove 2026-12-25", "holiday remove 2026-12-24"], mutates: true, exampleSetup: "holidays", run: remove),
        CommandSpec("holiday import", family: "services", summary: "record public holidays from a CSV file (Tanggal;Keterangan), as import holidays does",
                    positionals: [PositionalSpec("FILE", .file, "a CSV file with a header row: the date and what the day is")],
                    flags: [.value("map", .text, "HEADER=FIELD: read a column of another name as a field (date, name)", repeatable: true),
                            .bool("check", "check every row and report, changing nothing")],
                    examples: ["holiday import hari-libur.csv", "holiday import hari-libur.csv --check"], mutates: true,
                    run: { try ImportCommands.importFile(ImportCommands.kinds.first { $0.name == "holidays" }!, $0) }),
    ]

    static let groups: [String: Message] = [
        "holiday": "public holidays, which working days skip: add, list, show, remove, import",
    ]

    /// The holiday on `date`, removed or not.
    static func onDate(_ state: State, _ date: Day) throws -> Holiday? {
        try state.records(Holiday.self).first { $0.date == date }
    }

    static func add(_ inv: Invocation) throws -> Output {
        let dateArg = inv.args.positional(0)
        let date = try VacancyCommands.at(dateArg.range) { try Day(parsing: dateArg.text) }
        let nameArg = inv.args.required("name")
        let name = nameArg.text.trimmingBlanks()
        guard !name.isEmpty else { throw inv.fail("--name cannot be empty", at: nameArg.range) }
        let state = try inv.state
        if let h = try onDate(state, date) {
            guard h.removed else { throw inv.fail("\(date) is a holiday already: \(h.name) (\(h.id))", at: dateArg.range) }
            var back = h
            back.removed = false
            back.name = name
            try inv.put(back, before: h, action: "holiday on \(date) put back: \(name)")
            return Output.message("holiday \(h.id) on \(date) put back: \(name)", value: h.id)
        }
        let weekend: Message? = isWeekend(date) ? "; it falls on a weekend, which is no working day anyway" : nil
        let h = Holiday(id: state.nextId(Holiday.prefix), date: date, name: name)
        try inv.add(h, action: "holiday on \(date): \(name)")
        var out = Output.created("holiday", h.id)
        if let weekend { out = out.withMessage("holiday \(h.id) added" + weekend) }
        return out
    }

    static func list(_ inv: Invocation) throws -> Output {
        let year = inv.args.int("year")
        var prose = ProseCells()
        let rows: [[JSON]] = try inv.state.records(Holiday.self)
            .filter { !$0.removed && (year == nil || $0.date.year == year) }
            .sorted { $0.date < $1.date }
            .map { h in
                [.string(h.id), .string(h.date.description), prose.cell(weekday(h.date)), .string(h.name)]
            }
        return Output(.table(columns: [.init("id", "ID"), .init("date", "DATE"), .init("weekday", "DAY"), .init("name", "NAME")], rows: rows),
                      value: String(rows.count)).withProse(prose, in: "weekday")
    }

    static func show(_ inv: Invocation) throws -> Output {
        let h = try inv.record(Holiday.self, inv.args.positional(0), kind: Holiday.label)
        return Output(.record([
            .init("id", "id", .string(h.id)), .init("date", "date", .string(h.date.description)),
            .prose("weekday", "day", weekday(h.date)), .init("name", "name", .string(h.name)), .init("removed", "removed", .bool(h.removed)),
        ]), value: h.id)
    }

    static func remove(_ inv: Invocation) throws -> Output {
        let dateArg = inv.args.positional(0)
        let date = try VacancyCommands.at(dateArg.range) { try Day(parsing: dateArg.text) }
        guard let h = try onDate(try inv.state, date), !h.removed else {
            throw inv.fail("\(date) is not on the holiday calendar", at: dateArg.range, hint: "holiday list shows the days that are")
        }
        var after = h
        after.removed = true
        try inv.put(after, before: h, action: "holiday on \(date) removed: \(h.name)")
        return Output.message("holiday \(h.id) on \(date) removed: \(h.name)", value: h.id)
    }

    /// The weekday, in the session's language; JSON and CSV give it in English (`Monday`).
    static func weekday(_ d: Day) -> Message {
        switch weekdayIndex(d) {
        case 0: return "Monday"
        case 1: return "Tuesday"
        case 2: return "Wednesday"
        case 3: return "Thursday"
        case 4: return "Friday"
        case 5: return "Saturday"
        default: return "Sunday"
        }
    }
}
