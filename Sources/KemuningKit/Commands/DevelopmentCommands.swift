import KemuningCore
import KemuningDomain
import KemuningStore
/// Staff development: employees, trainings and their JP, mentoring of new staff by seniors, and
/// the yearly appraisal (SKP). The rules are in Domain/Development.swift.
enum DevelopmentCommands {
    static let statuses = ["pns", "cpns", "pppk"]

    static let commands: [CommandSpec] = [
        // employees
        CommandSpec("employee add", family: "development", summary: "add a member of staff; returns the id (E1, ...). A CPNS gets one year of probation",
                    flags: [
                        .value("nip", .text, "Nomor Induk Pegawai: 18 digits, unique", required: true),
                        .value("name", .text, "the full name", required: true),
                        .value("unit", .text, "the work unit, e.g. Disdukcapil", required: true),
                        .value("position", .text, "the position (jabatan)", required: true),
                        .value("since", .date, "the date of appointment", required: true),
                        .value("status", .choice(statuses), "pns, cpns (on probation) or pppk (contract)", required: true),
                    ],
                    examples: ["employee add --nip 198503122010011003 --name \"Rina Marlina\" --unit Disdukcapil --position \"Analis Kependudukan\" --since 2010-01-01 --status pns", "let e = employee add --nip 199408172026011001 --name \"Agus Salim\" --unit Disdukcapil --position \"Pengadministrasi Kependudukan\" --since 2026-01-05 --status cpns"],
                    mutates: true, run: employeeAdd),
        CommandSpec("employee list", family: "development", summary: "list the staff, with status and probation",
                    flags: [.value("unit", .text, "only this unit")], examples: ["employee list", "employee list --unit Disdukcapil"], exampleSetup: "development", run: employeeList),
        CommandSpec("employee show", family: "development", summary: "one member of staff: probation, trainings, JP, mentoring and SKP",
                    positionals: [PositionalSpec("ID", .id("E"), "the employee")], examples: ["employee show E1", "employee show E2"], exampleSetup: "development", run: employeeShow),
        CommandSpec("employee set", family: "development", summary: "set or correct a member of staff's NIP or name (hire creates staff without a NIP)",
                    positionals: [PositionalSpec("ID", .id("E"), "the employee")],
                    flags: [.value("nip", .text, "Nomor Induk Pegawai: 18 digits, unique, with the employee's birth date"), .value("name", .text, "the full name")],
                    examples: ["employee set E2 --nip 199408172026011001", "employee set E3 --name \"Dewi Lestari, S.Sos.\""], mutates: true, exampleSetup: "development", run: employeeSet),
        CommandSpec("employee appoint", family: "development", summary: "appoint a CPNS as PNS once probation is over and Latsar is passed; records the date (TMT PNS)",
                    positionals: [PositionalSpec("ID", .id("E"), "the CPNS")],
                    flags: [.value("date", .date, "the date of appointment (TMT PNS)", default: "today")],
                    examples: ["employee appoint E2", "employee appoint E2 --date 2027-01-05"], mutates: true, exampleSetup: "staff", run: employeeAppoint),
        CommandSpec("employee transfer", family: "development", summary: "move a member of staff to another unit or position (mutasi); the earlier ones are kept",
                    positionals: [PositionalSpec("ID", .id("E"), "the employee")],
                    flags: [.value("unit", .text, "the new work unit"), .value("position", .text, "the new position (jabatan)"),
                            .value("date", .date, "the date of the move", default: "today")],
                    examples: ["employee transfer E3 --unit Diskominfo --date 2026-11-02", "employee transfer E1 --position \"Analis Kebijakan\""], mutates: true, exampleSetup: "development", run: employeeTransfer),
        CommandSpec("employee leave", family: "development", summary: "record that a member of staff left (resigned, moved away): status left",
                    positionals: [PositionalSpec("ID", .id("E"), "the employee")],
                    flags: [.value("reason", .text, "why", required: true), .value("date", .date, "the last day of service", default: "today")],
                    examples: ["employee leave E3 --reason \"pindah ke Pemprov\"", "employee leave E3 --reason mengundurkan-diri --date 2026-11-15"], mutates: true, exampleSetup: "development", run: employeeLeave),
        CommandSpec("employee retire", family: "development", summary: "record a member of staff's retirement (pensiun): status retired",
                    positionals: [PositionalSpec("ID", .id("E"), "the employee")],
                    flags: [.value("date", .date, "the date of retirement", default: "today")],
                    examples: ["employee retire E1", "employee retire E1 --date 2026-11-01"], mutates: true, exampleSetup: "development", run: employeeRetire),
        // trainings
        CommandSpec("training add", family: "development", summary: "add a training worth N JP (lesson hours); returns the id (T1, ...)",
                    flags: [
                        .value("title", .text, "the training's name", required: true),
                        .value("topic", .choice(Training.topics), "what it develops", required: true),
                        .value("jp", .int(Bounds.jp), "lesson hours (1 JP = 45 minutes) it is worth when passed", required: true),
                        .value("mode", .choice(Training.modes), "how it is given", default: .verbatim("classroom")),
                    ],
                    examples: ["training add --title \"Pelayanan Prima\" --topic public-service --jp 16", "let t = training add --title \"Manajemen Waktu\" --topic time-management --jp 8 --mode e-learning"], mutates: true, run: trainingAdd),
        CommandSpec("training enroll", family: "development", summary: "enrol an employee in a training",
                    positionals: [PositionalSpec("EMPLOYEE", .id("E"), "who takes it"), PositionalSpec("TRAINING", .id("T"), "the training")],
                    flags: [.value("date", .date, "the date of enrolment", default: "today")],
                    examples: ["training enroll E1 T1", "training enroll E3 T1 --date 2026-11-02"], mutates: true, exampleSetup: "development", run: trainingEnroll),
        CommandSpec("training complete", family: "development", summary: "record the result of an enrolment: --passed (earns its JP) or --failed",
                    positionals: [PositionalSpec("EMPLOYEE", .id("E"), "who took it"), PositionalSpec("TRAINING", .id("T"), "the training")],
                    flags: [.bool("passed", "passed: the training's JP count"), .bool("failed", "did not pass"),
                            .value("score", .int(Bounds.trainingScore), "the final score, 0-100"), .value("date", .date, "the date it was completed", default: "today")],
                    examples: ["training complete E2 T1 --passed --score 85", "training complete E2 T1 --failed"], mutates: true, exampleSetup: "development", run: trainingComplete),
        CommandSpec("training status", family: "development", summary: "each employee's JP for a year against the right to 20 JP, with the shortfall; binds the number short",
                    flags: [.value("year", .int(Bounds.year), "the calendar year", default: "this year"), .value("unit", .text, "only this unit")],
                    examples: ["training status", "training status --year 2026 --unit Disdukcapil"], exampleSetup: "development", run: trainingStatus),
        CommandSpec("training list", family: "development", summary: "list the trainings, with enrolments and passes",
                    flags: [.value("topic", .choice(Training.topics), "only this topic")], examples: ["training list", "training list --topic public-service"], exampleSetup: "development", run: trainingList),
        // mentoring
        CommandSpec("mentor assign", family: "development", summary: "a senior PNS mentors a newer member of staff; returns the id (M1, ...)",
                    flags: [.value("mentor", .id("E"), "the senior", required: true), .value("mentee", .id("E"), "who is guided", required: true),
                            .value("from", .date, "when it starts", default: "today"), .value("to", .date, "when it is planned to end")],
                    examples: ["mentor assign --mentor E1 --mentee E3", "let m = mentor assign --mentor E1 --mentee E3 --from 2026-12-01 --to 2027-05-31"],
                    mutates: true, exampleSetup: "development", run: mentorAssign),
        CommandSpec("mentor session", family: "development", summary: "record a mentoring session; its minutes count towards the mentee's JP",
                    positionals: [PositionalSpec("ID", .id("M"), "the mentorship")],
                    flags: [.value("date", .date, "when it was held", required: true), .value("minutes", .int(Bounds.mentoringMinutes), "how long", required: true),
                            .value("topic", .text, "what it was about", required: true), .value("notes", .text, "notes")],
                    examples: ["mentor session M1 --date 2026-11-26 --minutes 90 --topic \"SOP pelayanan KTP\"", "mentor session M1 --date 2026-11-27 --minutes 45 --topic \"Pengarsipan dokumen\" --notes \"sudah mandiri di loket 2\""], mutates: true, exampleSetup: "development", run: mentorSession),
        CommandSpec("mentor close", family: "development", summary: "end a mentorship, recording its outcome",
                    positionals: [PositionalSpec("ID", .id("M"), "the mentorship")],
                    flags: [.value("outcome", .text, "what came of it", required: true)],
                    examples: ["mentor close M1 --outcome \"mandiri melayani loket\"", "mentor close M1 --outcome \"perlu pendampingan lanjutan\""], mutates: true, exampleSetup: "development", run: mentorClose),
        CommandSpec("mentor list", family: "development", summary: "list mentorships with their sessions and minutes",
                    flags: [.value("mentor", .id("E"), "only this mentor's"), .bool("active", "only those still running")],
                    examples: ["mentor list", "mentor list --mentor E1 --active"], exampleSetup: "development", run: mentorList),
        CommandSpec("mentor gaps", family: "development", summary: "CPNS hired more than 30 days ago (policy mentor-gap-days) with no mentor; binds the count",
                    examples: ["mentor gaps", "let gaps = mentor gaps"], exampleSetup: "development", run: mentorGaps),
        // appraisal
        CommandSpec("skp", family: "development", summary: "record a year's performance appraisal (SKP) and its predicate; returns the id (SKP1, ...)",
                    positionals: [PositionalSpec("EMPLOYEE", .id("E"), "who is appraised")],
                    flags: [.value("period", .int(Bounds.year), "the year appraised", required: true),
                            .value("result", .choice(SKP.ratings), "work result against expectation", required: true),
                            .value("behaviour", .choice(SKP.ratings), "work behaviour against expectation", required: true)],
                    examples: ["skp E1 --period 2026 --result meets --behaviour above", "let s = skp E2 --period 2026 --result above --behaviour above"], mutates: true, exampleSetup: "development", run: skp),
        CommandSpec("skp list", family: "development", summary: "list appraisals with their predicates",
                    flags: [.value("period", .int(Bounds.year), "only this year")], examples: ["skp list", "skp list --period 2026"], exampleSetup: "development", run: skpList),
    ]

    /// `skp` is a command with a sub-command (like `skd`), so it is not a group.
    static let groups: [String: Message] = [
        "employee": "staff: add, list, show, set, appoint, transfer, leave, retire",
        "training": "trainings and JP: add, enroll, complete, status, list, show, enrollments",
        "mentor": "mentoring of new staff: assign, session, close, list, show, gaps",
    ]

    // MARK: helpers

    static func employee(_ inv: Invocation, _ a: Arg) throws -> Employee {
        let state = try inv.state
        guard let e = state.employee(a.text.uppercased()) else {
            throw inv.fail("no employee '\(a.text)'", at: a.range, hint: unknownIdHint(state.employees.map(\.id), a.text, kind: "employee"))
        }
        return e
    }

    static func optionalText(_ inv: Invocation, _ flag: String, max: Int = 500) throws -> String? {
        inv.args.has(flag) ? try VacancyCommands.text(inv, flag, max: max) : nil
    }

    static func jp(_ r: Rational) -> JSON { .number(r.rounded(toScale: 2).description) }

    static func onProbation(_ e: Employee, _ day: Day) -> Bool { e.probationEnds.map { day < $0 } ?? false }

    // MARK: employees

    static func employeeAdd(_ inv: Invocation) throws -> Output {
        let nipArg = inv.args.required("nip")
        let nip = nipArg.text.trimmingBlanks()
        let born = try VacancyCommands.at(nipArg.range) { try validateNIP(nip) }
        let state = try inv.state
        if let other = state.employees.first(where: { $0.nip == nip }) {
            throw inv.fail("NIP \(nip) belongs to \(other.id) (\(other.name)) already", at: nipArg.range)
        }
        let name = try VacancyCommands.text(inv, "name")
        let unit = try VacancyCommands.text(inv, "unit")
        let position = try VacancyCommands.text(inv, "position")
        let since = try inv.args.date("since")
        guard since > born else {
            throw inv.fail("--since \(since) is not after the birth date in the NIP (\(born))", at: inv.args.range("since"))
        }
        let status = inv.args.text("status")
        let e = Employee(id: state.nextId("E"), nip: nip, name: name, unit: unit, position: position, status: status, since: since,
                         probationEnds: status == "cpns" ? probationEnd(since: since) : nil, applicant: nil, application: nil, born: born)
        try inv.commit(.add(e),
                       audit: [inv.audit(e.id, vacancy: nil, action: "added as \(status.uppercased()) in \(unit)", after: e.json)])
        return Output.created("employee", e.id).withMessage("employee \(e.id) added: \(name), \(status.uppercased()), \(position), \(unit)"
            + (e.probationEnds.map { ", probation until \($0)" } ?? ""))
    }

    static func employeeList(_ inv: Invocation) throws -> Output {
        let unit = inv.args.string("unit")
        let rows = try inv.state.employees.filter { unit == nil || $0.unit == unit }.map { e -> [JSON] in
            [.string(e.id), e.nip.map { .string($0) } ?? .null, .string(e.name), .string(e.unit), .string(e.position), .string(e.status),
             .string(e.since.description), e.probationEnds.map { .string($0.description) } ?? .null]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("nip", "NIP"), .init("name", "NAME"), .init("unit", "UNIT"),
                                       .init("position", "POSITION"), .init("status", "STATUS"), .init("since", "SINCE"),
                                       .init("probationEnds", "PROBATION ENDS")], rows: rows), value: String(rows.count))
    }

    static func employeeShow(_ inv: Invocation) throws -> Output {
        let e = try employee(inv, inv.args.positionals[0])
        let state = try inv.state
        let trainings = Dictionary(uniqueKeysWithValues: try state.records(Training.self).map { ($0.id, $0) })
        let enrolments = try state.records(Enrollment.self).filter { $0.employee == e.id }.map { n -> Message in
            let t = trainings[n.training]
            var s: Message = "\(n.training) \(t?.title ?? "?") (\(t?.jp ?? 0) JP): "
            switch n.passed {
            case true?: s += "passed \(n.completed!)"
            case false?: s += "failed \(n.completed!)"
            case nil: s += "enrolled \(n.enrolled)"
            }
            if let sc = n.score { s += ", score \(sc)" }
            return s
        }
        let mentorships = try state.records(Mentorship.self)
        func line(_ m: Mentorship, other: String) -> Message {
            let o = state.employee(other)
            let st: Message = m.closed.map { "closed \($0)" } ?? (m.isActive(on: inv.today) ? "active" : "ended \(m.to!)")
            return "\(m.id) \(other) \(o?.name ?? "?") from \(m.from), \(Message.count(m.sessions.count, "session", "sessions")), \(m.minutes) min, \(st)"
        }
        let mentors = mentorships.filter { $0.mentee == e.id }.map { line($0, other: $0.mentor) }
        let mentees = mentorships.filter { $0.mentor == e.id }.map { line($0, other: $0.mentee) }
        let skps = try state.records(SKP.self).filter { $0.employee == e.id }.sorted { $0.period < $1.period }
            .map { s -> Message in "\(s.period): \(s.predicate) (result \(s.result), behaviour \(s.behaviour))" }
        let year = inv.today.year
        let earned = try developmentJP(state, employee: e.id, year: year)
        let probation: Output.Field
        if let end = e.probationEnds {
            probation = .prose("probation", "probation", inv.today < end ? "until \(end)" : "ended \(end)")
        } else {
            probation = .init("probation", "probation", .null)
        }
        let ended: Output.Field
        if let day = e.ended {
            ended = .prose("ended", "ended", e.status == "retired" ? "retired \(day)" : "left \(day): \(e.endReason ?? "")")
        } else {
            ended = .init("ended", "ended", .null)
        }
        let fields: [Output.Field] = [
            .init("id", "id", .string(e.id)), .init("nip", "NIP", e.nip.map { .string($0) } ?? .null), .init("name", "name", .string(e.name)),
            .init("unit", "unit", .string(e.unit)), .init("position", "position", .string(e.position)), .init("status", "status", .string(e.status)),
            .init("since", "since", .string(e.since.description)), probation,
            .init("appointed", "appointed", e.appointed.map { .string($0.description) } ?? .null), ended,
            .proseList("transfers", "transfers", e.transfers.map { t -> Message in "\(t.date): \(t.fromPosition), \(t.fromUnit) to \(t.position), \(t.unit)" }),
            .init("year", "year", JSON(year)), .init("jp", "JP this year", jp(earned)), .init("target", "JP target", JSON(state.policyInt(.jpTarget))),
            .proseList("trainings", "trainings", enrolments), .proseList("mentors", "mentored by", mentors),
            .proseList("mentees", "mentoring", mentees), .proseList("skp", "SKP", skps),
        ]
        return Output(.record(fields))
    }

    // MARK: lifecycle

    /// The employee named by the first positional, refused when no longer in service.
    static func activeEmployee(_ inv: Invocation) throws -> Employee {
        let a = inv.args.positionals[0]
        let e = try employee(inv, a)
        guard e.isActive else {
            throw inv.fail("\(e.id) (\(e.name)) is no longer in service: \(e.status) on \(e.ended?.description ?? "?")", at: a.range)
        }
        return e
    }

    /// The `--date` of a lifecycle change: not in the future, not before the employee joined,
    /// nor before the last transfer (a record's history runs forwards).
    static func changeDate(_ inv: Invocation, _ e: Employee) throws -> Day {
        let date = try inv.args.day("date") ?? inv.today
        let range = inv.args.range("date")
        guard date <= inv.today else {
            throw inv.fail("\(date) is in the future", at: range, hint: "the session's date is \(inv.today) (set today DATE)")
        }
        guard date >= e.since else { throw inv.fail("\(date) is before \(e.id) joined (\(e.since))", at: range) }
        if let last = e.transfers.last, date < last.date {
            throw inv.fail("\(date) is before \(e.id)'s last transfer (\(last.date))", at: range)
        }
        return date
    }

    static func employeeSet(_ inv: Invocation) throws -> Output {
        let eArg = inv.args.positionals[0]
        let before = try employee(inv, eArg)
        guard inv.args.has("nip") || inv.args.has("name") else {
            throw inv.fail("give what to set: --nip or --name", at: eArg.range)
        }
        var e = before
        if let nipArg = inv.args.arg("nip") {
            let nip = nipArg.text.trimmingBlanks()
            let born = try VacancyCommands.at(nipArg.range) { try validateNIP(nip) }
            if let other = try inv.state.employees.first(where: { $0.nip == nip && $0.id != e.id }) {
                throw inv.fail("NIP \(nip) belongs to \(other.id) (\(other.name)) already", at: nipArg.range)
            }
            if let known = e.born, known != born {
                throw inv.fail("the NIP's birth date (\(born)) is not \(e.id)'s birth date (\(known))", at: nipArg.range)
            }
            guard e.since > born else {
                throw inv.fail("\(e.id) joined on \(e.since), not after the birth date in the NIP (\(born))", at: nipArg.range)
            }
            e.nip = nip
            e.born = born
        }
        if inv.args.has("name") { e.name = try VacancyCommands.text(inv, "name") }
        guard e != before else { return .message("\(e.id) (\(e.name)) unchanged", value: e.id) }
        try inv.put(e, before: before, action: "employee details corrected")
        return .message("\(e.id) (\(e.name)): NIP \(e.nip ?? "-")", value: e.id)
    }

    static func employeeAppoint(_ inv: Invocation) throws -> Output {
        let eArg = inv.args.positionals[0]
        let before = try employee(inv, eArg)
        let date = try inv.args.day("date") ?? inv.today
        guard date <= inv.today else {
            throw inv.fail("\(date) is in the future", at: inv.args.range("date"), hint: "the session's date is \(inv.today) (set today DATE)")
        }
        let state = try inv.state
        let latsar = Set(try trainings(state, topic: Training.latsar).map(\.id))
        let taken = try state.records(Enrollment.self).filter { $0.employee == before.id && latsar.contains($0.training) }
        if let why = appointmentRefusal(before, latsar: taken, on: date) {
            throw inv.fail("cannot appoint: \(why)", at: inv.args.has("date") ? inv.args.range("date") : eArg.range)
        }
        var e = before
        e.status = "pns"
        e.appointed = date
        try inv.put(e, before: before, action: "appointed PNS from \(date)", on: date)
        return .message("\(e.id) (\(e.name)) appointed PNS from \(date)", value: e.id)
    }

    static func employeeTransfer(_ inv: Invocation) throws -> Output {
        let before = try activeEmployee(inv)
        guard inv.args.has("unit") || inv.args.has("position") else {
            throw inv.fail("give where to: --unit, --position or both", at: inv.args.positionals[0].range)
        }
        let unit = inv.args.has("unit") ? try VacancyCommands.text(inv, "unit") : before.unit
        let position = inv.args.has("position") ? try VacancyCommands.text(inv, "position") : before.position
        guard unit != before.unit || position != before.position else {
            throw inv.fail("\(before.id) is \(position) in \(unit) already", at: inv.args.range(inv.args.has("unit") ? "unit" : "position"))
        }
        let date = try changeDate(inv, before)
        var e = before
        e.transfers.append(Transfer(date: date, fromUnit: before.unit, fromPosition: before.position, unit: unit, position: position))
        e.unit = unit
        e.position = position
        try inv.put(e, before: before, action: "transferred to \(position), \(unit) from \(date)", on: date)
        return .message("\(e.id) (\(e.name)) transferred from \(before.position), \(before.unit) to \(position), \(unit) on \(date)", value: e.id)
    }

    static func employeeLeave(_ inv: Invocation) throws -> Output {
        let before = try activeEmployee(inv)
        let reason = try VacancyCommands.text(inv, "reason", max: 500)
        return try end(inv, before, status: "left", reason: reason)
    }

    static func employeeRetire(_ inv: Invocation) throws -> Output {
        try end(inv, try activeEmployee(inv), status: "retired", reason: nil)
    }

    /// Ends an employee's service: the record stays, with its history, as `left` or `retired`.
    static func end(_ inv: Invocation, _ before: Employee, status: String, reason: String?) throws -> Output {
        let date = try changeDate(inv, before)
        var e = before
        e.status = status
        e.ended = date
        e.endReason = reason
        try inv.put(e, before: before, action: status == "left" ? "left service on \(date)" : "retired on \(date)", on: date)
        // Mentorships in which they take part stay on record; those still running are named.
        let running = try inv.state.records(Mentorship.self).filter { ($0.mentor == e.id || $0.mentee == e.id) && $0.isActive(on: date) }.map(\.id)
        var text: Message = status == "left" ? "\(e.id) (\(e.name)) left service on \(date)" : "\(e.id) (\(e.name)) retired on \(date)"
        if !running.isEmpty { text += "; close their mentorships: \(running.joined(separator: ", "))" }
        return .message(text, value: e.id)
    }

    // MARK: trainings

    static func trainingAdd(_ inv: Invocation) throws -> Output {
        let title = try VacancyCommands.text(inv, "title")
        let state = try inv.state
        let t = Training(id: state.nextId(Training.prefix), title: title, topic: inv.args.text("topic"), jp: inv.args.number("jp"),
                         mode: inv.args.string("mode") ?? "classroom")
        try inv.add(t, action: "training added: \(t.title), \(t.topic), \(t.jp) JP")
        return .created("training", t.id)
    }

    static func trainingEnroll(_ inv: Invocation) throws -> Output {
        let eArg = inv.args.positionals[0], tArg = inv.args.positionals[1]
        let e = try employee(inv, eArg)
        guard e.isActive else {
            throw inv.fail("\(e.id) (\(e.name)) is no longer in service: \(e.status) on \(e.ended?.description ?? "?")", at: eArg.range)
        }
        let t = try inv.record(Training.self, tArg, kind: "training")
        let state = try inv.state
        let mine = try state.records(Enrollment.self).filter { $0.employee == e.id && $0.training == t.id }
        if let open = mine.first(where: { $0.completed == nil }) {
            throw inv.fail("\(e.id) is enrolled in \(t.id) already (\(open.id), since \(open.enrolled))", at: tArg.range,
                           hint: "record the result: training complete \(e.id) \(t.id) --passed")
        }
        if let done = mine.first(where: { $0.passed == true }) {
            throw inv.fail("\(e.id) passed \(t.id) already, on \(done.completed!)", at: tArg.range)
        }
        let date = try inv.args.day("date") ?? inv.today
        guard date <= inv.today else {
            throw inv.fail("\(date) is in the future", at: inv.args.range("date"), hint: "the session's date is \(inv.today) (set today DATE)")
        }
        guard date >= e.since else {
            throw inv.fail("\(date) is before \(e.id) joined (\(e.since))", at: inv.args.range("date"))
        }
        let n = Enrollment(id: state.nextId(Enrollment.prefix), employee: e.id, training: t.id, enrolled: date)
        try inv.add(n, action: "\(e.id) enrolled in \(t.id)")
        return Output.created("enrolment", n.id).withMessage("\(e.id) (\(e.name)) enrolled in \(t.id) \(t.title) as \(n.id)")
    }

    static func trainingComplete(_ inv: Invocation) throws -> Output {
        let eArg = inv.args.positionals[0], tArg = inv.args.positionals[1]
        let e = try employee(inv, eArg)
        let t = try inv.record(Training.self, tArg, kind: "training")
        let passed = inv.args.bool("passed"), failed = inv.args.bool("failed")
        guard passed != failed else {
            throw inv.fail(passed ? "give --passed or --failed, not both" : "give the result: --passed or --failed", at: inv.args.range(passed ? "failed" : "passed"))
        }
        let state = try inv.state
        guard let before = try state.records(Enrollment.self).first(where: { $0.employee == e.id && $0.training == t.id && $0.completed == nil }) else {
            throw inv.fail("\(e.id) is not enrolled in \(t.id)", at: tArg.range, hint: "enrol first: training enroll \(e.id) \(t.id)")
        }
        let date = try inv.args.day("date") ?? inv.today
        guard date >= before.enrolled else {
            throw inv.fail("\(date) is before the enrolment (\(before.enrolled))", at: inv.args.range("date"))
        }
        guard date <= inv.today else {
            throw inv.fail("\(date) is in the future", at: inv.args.range("date"), hint: "the session's date is \(inv.today) (set today DATE)")
        }
        var n = before
        n.completed = date
        n.passed = passed
        n.score = inv.args.int("score")
        try inv.put(n, before: before, action: passed ? "\(e.id) passed \(t.id)" : "\(e.id) failed \(t.id)")
        let jpText: Message = passed ? ": +\(t.jp) JP in \(date.year)" : ""
        return .message("\(e.id) (\(e.name)) \(passed ? "passed" : "failed") \(t.id) \(t.title)\(jpText)", value: n.id)
    }

    static func trainingStatus(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let year = inv.args.int("year") ?? inv.today.year
        let unit = inv.args.string("unit")
        let target = Rational(state.policyInt(.jpTarget))
        var rows: [[JSON]] = []
        var short: [String] = []
        for e in state.employees where (unit == nil || e.unit == unit) && hasJPRight(e, year: year) {
            let earned = try developmentJP(state, employee: e.id, year: year)
            let gap = earned < target ? target - earned : .zero
            if gap > .zero { short.append(e.id) }
            rows.append([.string(e.id), .string(e.name), .string(e.unit), jp(earned), JSON(state.policyInt(.jpTarget)), jp(gap)])
        }
        var out = Output(.table(columns: [.init("employee", "EMPLOYEE"), .init("name", "NAME"), .init("unit", "UNIT"),
                                          .init("jp", "JP", alignRight: true), .init("target", "TARGET", alignRight: true),
                                          .init("shortfall", "SHORTFALL", alignRight: true)], rows: rows), value: String(short.count))
        out.chart = Output.Chart(label: "name", value: "jp")
        out.footnote = rows.isEmpty ? "no employees in \(year)"
            : short.isEmpty ? "\(year): everyone has \(state.policyInt(.jpTarget)) JP"
            : "\(year): \(short.count) of \(rows.count) below \(state.policyInt(.jpTarget)) JP: \(short.joined(separator: ", "))"
        return out
    }

    static func trainingList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let topic = inv.args.string("topic")
        let enrolments = try state.records(Enrollment.self)
        let rows = try state.records(Training.self).filter { topic == nil || $0.topic == topic }.map { t -> [JSON] in
            let mine = enrolments.filter { $0.training == t.id }
            return [.string(t.id), .string(t.title), .string(t.topic), JSON(t.jp), .string(t.mode), JSON(mine.count),
                    JSON(mine.filter { $0.passed == true }.count)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("title", "TITLE"), .init("topic", "TOPIC"), .init("jp", "JP", alignRight: true),
                                       .init("mode", "MODE"), .init("enrolled", "ENROLLED", alignRight: true),
                                       .init("passed", "PASSED", alignRight: true)], rows: rows), value: String(rows.count))
    }

    // MARK: mentoring

    static func mentorAssign(_ inv: Invocation) throws -> Output {
        let mArg = inv.args.required("mentor"), eArg = inv.args.required("mentee")
        let mentor = try employee(inv, mArg)
        let mentee = try employee(inv, eArg)
        let from = try inv.args.day("from") ?? inv.today
        let to = try inv.args.day("to")
        if let to, to < from {
            throw inv.fail("the mentorship would end (\(to)) before it starts (\(from))", at: inv.args.range("to"))
        }
        let state = try inv.state
        let all = try state.records(Mentorship.self)
        if let same = all.first(where: { $0.mentor == mentor.id && $0.mentee == mentee.id && $0.isActive(on: from) }) {
            throw inv.fail("\(mentor.id) mentors \(mentee.id) already (\(same.id))", at: eArg.range)
        }
        let active = all.filter { $0.mentor == mentor.id && $0.isActive(on: from) }
        if let why = mentorRefusal(mentor: mentor, mentee: mentee, active: active.count, capacity: state.policyInt(.mentorCapacity), on: from) {
            let atCapacity = mentor.id != mentee.id && why.english.contains("capacity")
            throw inv.fail("cannot assign: \(why)", at: mentor.id == mentee.id ? eArg.range : mArg.range,
                           hint: atCapacity ? "active: \(active.map(\.id).joined(separator: ", ")); close one (mentor close M) or raise the policy (policy set mentor-capacity N)" : nil)
        }
        let m = Mentorship(id: state.nextId(Mentorship.prefix), mentor: mentor.id, mentee: mentee.id, from: from, to: to)
        try inv.add(m, action: "\(mentor.id) mentors \(mentee.id) from \(from)")
        return Output.created("mentorship", m.id).withMessage("mentorship \(m.id): \(mentor.id) \(mentor.name) mentors \(mentee.id) \(mentee.name) from \(from)"
            + (to.map { " to \($0)" } ?? ""))
    }

    static func mentorSession(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try inv.record(Mentorship.self, idArg, kind: "mentorship")
        if let c = before.closed { throw inv.fail("\(before.id) was closed on \(c)", at: idArg.range) }
        let date = try inv.args.date("date")
        let dateRange = inv.args.range("date")
        guard date >= before.from else { throw inv.fail("\(date) is before \(before.id) starts (\(before.from))", at: dateRange) }
        if let to = before.to, date > to { throw inv.fail("\(date) is after \(before.id) ends (\(to))", at: dateRange) }
        guard date <= inv.today else {
            throw inv.fail("\(date) is in the future", at: dateRange, hint: "the session's date is \(inv.today) (set today DATE)")
        }
        let topic = try VacancyCommands.text(inv, "topic")
        let notes = try optionalText(inv, "notes")
        var m = before
        let added = MentoringSession(date: date, minutes: inv.args.number("minutes"), topic: topic, notes: notes)
        m.sessions.append(added)
        // The audit entry names the session added, not the whole list before and after.
        let entry = inv.audit(m.id, vacancy: nil, action: "mentoring session \(date)",
                              fields: [.init(field: "sessions[\(m.sessions.count)]", before: .null, after: m.json.objectValue!["sessions"]!.arrayValue!.last!)])
        try inv.commit(.put(m), audit: [entry])
        return .message("\(m.id): session \(m.sessions.count) on \(date), \(inv.args.number("minutes")) min; \(m.minutes) min in all", value: String(m.minutes))
    }

    static func mentorClose(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try inv.record(Mentorship.self, idArg, kind: "mentorship")
        if let c = before.closed { throw inv.fail("\(before.id) was closed already, on \(c)", at: idArg.range) }
        var m = before
        m.closed = inv.today
        m.outcome = try VacancyCommands.text(inv, "outcome", max: 500)
        try inv.put(m, before: before, action: "mentorship closed")
        return .message("\(m.id) closed on \(inv.today) after \(m.sessions.count) session\(m.sessions.count == 1 ? "" : "s") (\(m.minutes) min)", value: m.id)
    }

    static func mentorList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var mentorId: String?
        if let a = inv.args.arg("mentor") { mentorId = try employee(inv, a).id }
        let activeOnly = inv.args.bool("active")
        var prose = ProseCells()
        let rows = try state.records(Mentorship.self).filter { (mentorId == nil || $0.mentor == mentorId) && (!activeOnly || $0.isActive(on: inv.today)) }
            .map { m -> [JSON] in
                let st: Message = m.closed != nil ? "closed" : (m.isActive(on: inv.today) ? "active" : "ended")
                return [.string(m.id), .string(m.mentor), .string(state.employee(m.mentor)?.name ?? "?"), .string(m.mentee),
                        .string(state.employee(m.mentee)?.name ?? "?"), .string(m.from.description), m.to.map { .string($0.description) } ?? .null,
                        JSON(m.sessions.count), JSON(m.minutes), prose.cell(st)]
            }
        return Output(.table(columns: [.init("id", "ID"), .init("mentor", "MENTOR"), .init("mentorName", "MENTOR NAME"), .init("mentee", "MENTEE"),
                                       .init("menteeName", "MENTEE NAME"), .init("from", "FROM"), .init("to", "TO"),
                                       .init("sessions", "SESSIONS", alignRight: true), .init("minutes", "MINUTES", alignRight: true),
                                       .init("state", "STATE")], rows: rows), value: String(rows.count)).withProse(prose, in: "state")
    }

    static func mentorGaps(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let mentored = Set(try state.records(Mentorship.self).map(\.mentee))
        let days = state.policyInt(.mentorGapDays)
        let rows = state.employees.filter { isMentorGap($0, hasMentor: mentored.contains($0.id), today: inv.today, gapDays: days) }.map { e -> [JSON] in
            [.string(e.id), .string(e.name), .string(e.unit), .string(e.since.description), JSON(e.since.days(to: inv.today))]
        }
        var out = Output(.table(columns: [.init("employee", "EMPLOYEE"), .init("name", "NAME"), .init("unit", "UNIT"), .init("since", "SINCE"),
                                          .init("days", "DAYS WITHOUT MENTOR", alignRight: true)], rows: rows), value: String(rows.count))
        if rows.isEmpty { out.tableMessage = "no CPNS has gone more than \(days) days without a mentor" }
        return out
    }

    // MARK: appraisal

    static func skp(_ inv: Invocation) throws -> Output {
        let eArg = inv.args.positionals[0]
        let e = try employee(inv, eArg)
        let period = inv.args.number("period")
        let state = try inv.state
        guard period <= inv.today.year else {
            throw inv.fail("period \(period) has not started yet", at: inv.args.range("period"), hint: "the session's date is \(inv.today) (set today DATE)")
        }
        guard period >= e.since.year else {
            throw inv.fail("\(e.id) joined on \(e.since), after period \(period)", at: inv.args.range("period"))
        }
        if let other = try state.records(SKP.self).first(where: { $0.employee == e.id && $0.period == period }) {
            throw inv.fail("\(e.id) has an SKP for \(period) already (\(other.id): \(other.predicate))", at: inv.args.range("period"),
                           hint: "one appraisal per employee and period")
        }
        let s = SKP(id: state.nextId(SKP.prefix), employee: e.id, period: period, result: inv.args.choice("result", as: SKPRating.self),
                    behaviour: inv.args.choice("behaviour", as: SKPRating.self))
        try inv.add(s, action: "SKP \(period): \(s.predicate)")
        var out = Output.created("skp", s.id).withMessage("\(s.id): \(e.id) (\(e.name)) SKP \(period): \(s.predicate)")
        out.body = .record([.init("id", "skp", .string(s.id)), .init("predicate", "predicate", .string(s.predicate))])
        return out
    }

    static func skpList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let period = inv.args.int("period")
        let rows = try state.records(SKP.self).filter { period == nil || $0.period == period }.map { s -> [JSON] in
            let e = state.employee(s.employee)
            return [.string(s.id), .string(s.employee), .string(e?.name ?? "?"), .string(e?.unit ?? "?"), JSON(s.period), .string(s.result.rawValue),
                    .string(s.behaviour.rawValue), .string(s.predicate)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("employee", "EMPLOYEE"), .init("name", "NAME"), .init("unit", "UNIT"),
                                       .init("period", "PERIOD", alignRight: true), .init("result", "RESULT"), .init("behaviour", "BEHAVIOUR"),
                                       .init("predicate", "PREDICATE")], rows: rows), value: String(rows.count))
    }
}
