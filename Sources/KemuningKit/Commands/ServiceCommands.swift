import KemuningCore
import KemuningDomain
import KemuningStore
/// Public services and their standards, requests, complaints (SP4N-LAPOR!) and discussion
/// forums, with the response-time and complaint reports. The rules are in Domain/Service.swift.
enum ServiceCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("service add", family: "services", summary: "record a public service and its standard completion time; returns its id (S1, ...)",
                    flags: [.value("name", .text, "the service's name", required: true), .value("unit", .text, "the unit that serves it", required: true),
                            .value("standard-days", .int(Bounds.standardDays), "days from request to completion the service standard allows", required: true),
                            .value("position", .text, "a position (jabatan) of the staff who serve it", repeatable: true),
                            .bool("working-days", "the standard counts working days (Monday to Friday, holidays skipped), not calendar days")],
                    examples: ["service add --name \"KTP elektronik\" --unit Disdukcapil --standard-days 14 --position \"Pengadministrasi Kependudukan\"", "let s = service add --name \"Akta kelahiran\" --unit Disdukcapil --standard-days 7"],
                    mutates: true, run: serviceAdd),
        CommandSpec("service list", family: "services", summary: "list the services with their standards and requests",
                    examples: ["service list", "set format json; service list"], exampleSetup: "services", run: serviceList),
        CommandSpec("request add", family: "services", summary: "record a request for a service; returns its id (R1, ...)",
                    positionals: [PositionalSpec("SERVICE", .id("S"), "the service")],
                    flags: [.value("received", .date, "when it came in", default: "today"), .value("done", .date, "when it was finished")],
                    examples: ["request add S1 --received 2026-11-02", "request add S1 --received 2026-11-02 --done 2026-11-12"],
                    mutates: true, exampleSetup: "services", run: requestAdd),
        CommandSpec("request done", family: "services", summary: "record that a request was finished",
                    positionals: [PositionalSpec("REQUEST", .id("R"), "the request")],
                    flags: [.value("date", .date, "when it was finished", default: "today")],
                    examples: ["request done R1 --date 2026-11-20", "request done R1"], mutates: true, exampleSetup: "services", run: requestDone),
        CommandSpec("report response-times", family: "reports", summary: "per service: finished requests, median days, and the share later than the standard",
                    flags: [.value("from", .date, "only requests finished on or after this day"), .value("to", .date, "only requests finished on or before this day")],
                    examples: ["report response-times", "report response-times --from 2026-01-01 --to 2026-12-31"], exampleSetup: "services", run: responseTimes),
        CommandSpec("complaint add", family: "services", summary: "record a complaint about a service; returns its id (C1, ...)",
                    flags: [.value("service", .id("S"), "the service complained about", required: true),
                            .value("channel", .choice(Complaint.channels), "how it came in (lapor is SP4N-LAPOR!)", required: true),
                            .value("kind", .choice(Complaint.kinds), "info request, simple complaint, dispute, or one needing a field check", required: true),
                            .value("received", .date, "when it came in", default: "today")],
                    examples: ["complaint add --service S1 --channel lapor --kind complaint --received 2026-11-02", "let c = complaint add --service S1 --channel walk-in --kind dispute --received 2026-11-10"],
                    mutates: true, exampleSetup: "services", run: complaintAdd),
        CommandSpec("complaint respond", family: "services", summary: "record the first response to a complaint",
                    positionals: [PositionalSpec("COMPLAINT", .id("C"), "the complaint")],
                    flags: [.value("date", .date, "when it was answered", default: "today")],
                    examples: ["complaint respond C1 --date 2026-11-04", "complaint respond C1"], mutates: true, exampleSetup: "services", run: complaintRespond),
        CommandSpec("complaint resolve", family: "services", summary: "record that a complaint was resolved",
                    positionals: [PositionalSpec("COMPLAINT", .id("C"), "the complaint")],
                    flags: [.value("date", .date, "when it was resolved", default: "today")],
                    examples: ["complaint resolve C1 --date 2026-11-06", "complaint respond C1 --date 2026-11-04; complaint resolve C1 --date 2026-11-06"], mutates: true, exampleSetup: "services", run: complaintResolve),
        CommandSpec("report complaints", family: "reports", summary: "complaints past their response or resolution deadline, with the days late",
                    examples: ["report complaints", "set format json; report complaints"], exampleSetup: "services", run: complaintsReport),
        CommandSpec("forum add", family: "services", summary: "record a discussion forum with the public; returns its id (F1, ...)",
                    flags: [.value("date", .date, "when it was held", default: "today"), .value("topic", .text, "what it discussed", required: true),
                            .value("participants", .int(Bounds.participants), "how many took part", required: true)],
                    examples: ["forum add --date 2026-11-20 --topic \"Pelayanan KTP\" --participants 35", "let f = forum add --date 2026-11-27 --topic \"Layanan akta kelahiran\" --participants 20"], mutates: true, run: forumAdd),
        CommandSpec("forum note", family: "services", summary: "record an issue raised at a forum, and its recommendation",
                    positionals: [PositionalSpec("FORUM", .id("F"), "the forum")],
                    flags: [.value("issue", .text, "the issue raised", required: true), .value("recommend", .text, "what the forum recommends")],
                    examples: ["forum note F1 --issue \"antrean terlalu lama\" --recommend \"tambah loket pada hari Senin\"", "forum note F1 --issue \"informasi syarat kurang jelas\" --recommend \"pasang papan alur layanan\""],
                    mutates: true, exampleSetup: "services", run: forumNote),
    ]

    static let groups: [String: Message] = [
        "service": "public services and their standards: add, list, show",
        "request": "requests for a service: add, done, list, show",
        "complaint": "complaints (SP4N-LAPOR!): add, respond, resolve, list, show",
        "forum": "discussion forums with the public: add, note, list, show",
    ]

    // MARK: helpers

    static func text(_ inv: Invocation, _ flag: String) throws -> String? {
        guard let a = inv.args.arg(flag) else { return nil }
        let t = a.text.trimmingBlanks()
        guard !t.isEmpty else { throw inv.fail("--\(flag) cannot be empty", at: a.range) }
        return t
    }

    // MARK: services

    static func serviceAdd(_ inv: Invocation) throws -> Output {
        let name = try text(inv, "name")!, unit = try text(inv, "unit")!
        let standard = inv.args.number("standard-days")
        var positions: [String] = []
        for a in inv.args.flags["position"] ?? [] {
            let t = a.text.trimmingBlanks()
            guard !t.isEmpty else { throw inv.fail("--position cannot be empty", at: a.range) }
            if !positions.contains(t) { positions.append(t) }
        }
        let state = try inv.state
        if let same = try state.records(Service.self).first(where: { $0.name.lowercased() == name.lowercased() && $0.unit.lowercased() == unit.lowercased() }) {
            throw inv.fail("\(same.unit) already has a service '\(same.name)': \(same.id)", at: inv.args.range("name"))
        }
        let working = inv.args.bool("working-days")
        let s = Service(id: state.nextId(Service.prefix), name: name, unit: unit, standardDays: standard, positions: positions, workingDays: working)
        try inv.add(s, action: working ? "service recorded: \(name), standard \(standard) working day\(standard == 1 ? "" : "s")"
                                      : "service recorded: \(name), standard \(standard) day\(standard == 1 ? "" : "s")")
        return .created("service", s.id)
    }

    static func serviceList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var total: [String: Int] = [:], open: [String: Int] = [:]
        for r in try state.records(ServiceRequest.self) {
            total[r.service, default: 0] += 1
            if r.done == nil { open[r.service, default: 0] += 1 }
        }
        let rows: [[JSON]] = try state.records(Service.self).map { s in
            [.string(s.id), .string(s.name), .string(s.unit), JSON(s.standardDays), .array(s.positions.map { .string($0) }),
             JSON(total[s.id] ?? 0), JSON(open[s.id] ?? 0)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("name", "NAME"), .init("unit", "UNIT"), .init("standardDays", "STANDARD DAYS", alignRight: true),
                                       .init("positions", "POSITIONS"), .init("requests", "REQUESTS", alignRight: true), .init("open", "OPEN", alignRight: true)],
                             rows: rows))
    }

    // MARK: requests

    static func requestAdd(_ inv: Invocation) throws -> Output {
        let s = try inv.record(Service.self, inv.args.positionals[0], kind: "service")
        let received = try inv.pastDay("received")
        var done: Day?
        if inv.args.has("done") {
            let d = try inv.pastDay("done")
            guard d >= received else { throw inv.fail("--done \(d) is before --received \(received)", at: inv.args.range("done")) }
            done = d
        }
        let r = ServiceRequest(id: try inv.state.nextId(ServiceRequest.prefix), service: s.id, received: received, done: done)
        // One template per form, the count inside it, so that the trail can show it in the
        // session's language; the English is what the store always kept.
        var action: Message = "request for \(s.id) received on \(received)"
        if let done, let days = s.days(r, holidays: s.workingDays ? try holidayDates(inv.state) : []) {
            let counted = s.workingDays ? Message.count(days, "working day", "working days") : Message.count(days, "day", "days")
            action = isLate(days: days, standard: s.standardDays) ? "request for \(s.id) received on \(received), done on \(done) in \(counted) (late)"
                : "request for \(s.id) received on \(received), done on \(done) in \(counted)"
        }
        try inv.add(r, action: action.english)
        return .created("request", r.id)
    }

    static func requestDone(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let r = try inv.record(ServiceRequest.self, idArg, kind: "request")
        if let d = r.done { throw inv.fail("\(r.id) was done already, on \(d)", at: idArg.range) }
        let date = try inv.pastDay("date")
        guard date >= r.received else {
            throw inv.fail("\(r.id) was received on \(r.received): it cannot be done on \(date)", at: inv.args.range("date"))
        }
        let s = try inv.state.record(Service.self, r.service)
        var after = r
        after.done = date
        let working = s?.workingDays ?? false
        let holidays = working ? try holidayDates(inv.state) : []
        let days = s.map { $0.days(after, holidays: holidays)! } ?? after.days!
        let late = s.map { isLate(days: days, standard: $0.standardDays) } ?? false
        let counted = working ? Message.count(days, "working day", "working days") : Message.count(days, "day", "days")
        let said: Message = s.map { late ? "done in \(counted) (late: the standard is \($0.standardDays))" : "done in \(counted) (within the standard of \($0.standardDays))" }
            ?? "done in \(counted)"
        try inv.put(after, before: r, action: said.english)
        return .message("\(r.id): \(said)", value: String(days))
    }

    static func responseTimes(_ inv: Invocation) throws -> Output {
        let from = try inv.args.day("from"), to = try inv.args.day("to")
        if let from, let to, to < from { throw inv.fail("--to \(to) is before --from \(from)", at: inv.args.range("to")) }
        let state = try inv.state
        let timings = try serviceTimings(state, from: from, to: to)
        let threshold = state.policyInt(.lateShare)
        let rows: [[JSON]] = timings.map { t in
            [.string(t.service.id), .string(t.service.name), .string(t.service.unit), JSON(t.service.standardDays), JSON(t.count),
             t.median.map { .number($0.description) } ?? .null, JSON(t.late), ReportCommands.percent(t.late, of: t.count)]
        }
        let above = timings.filter { t in t.lateShare.map { Rational(Int128(threshold), 100) < $0 } ?? false }
        var out = Output(.table(columns: [.init("service", "SERVICE"), .init("name", "NAME"), .init("unit", "UNIT"),
                                          .init("standardDays", "STANDARD", alignRight: true), .init("count", "FINISHED", alignRight: true),
                                          .init("median", "MEDIAN DAYS", alignRight: true), .init("late", "LATE", alignRight: true),
                                          .init("lateShare", "% LATE", alignRight: true)], rows: rows),
                         value: String(above.count))
        if !timings.isEmpty {
            out.footnote = above.isEmpty ? "No service is late more often than the late-share setting (\(threshold)%)."
                : "Late more often than the late-share setting (\(threshold)%): \(above.map { "\($0.service.id) \($0.service.name)" }.joined(separator: ", "))."
        }
        out.chart = Output.Chart(label: "name", value: "median", reference: "standardDays")
        return out
    }

    // MARK: complaints

    static func complaintAdd(_ inv: Invocation) throws -> Output {
        let s = try inv.record(Service.self, inv.args.required("service"), kind: "service")
        let received = try inv.pastDay("received")
        let c = Complaint(id: try inv.state.nextId(Complaint.prefix), service: s.id, channel: inv.args.text("channel"),
                          kind: inv.args.text("kind"), received: received)
        try inv.add(c, action: "\(kindWords[c.kind] ?? c.kind) about \(s.id) received on \(received) by \(c.channel)")
        return .created("complaint", c.id)
    }

    static let kindWords = ["info": "information request", "complaint": "complaint", "dispute": "dispute",
                            "field": "complaint needing a field check"]

    /// The deadline of a step, in words: `2026-11-05 (3 days)`.
    static func deadlineText(_ state: State, _ c: Complaint, _ stage: ComplaintStage) throws -> (Day, Int, Message) {
        let working = countsWorkingDays(state)
        let allowed = complaintDays(state, kind: c.kind, stage: stage)
        let holidays = working ? try holidayDates(state) : []
        let deadline = complaintDeadline(received: c.received, days: allowed, countingWorkingDays: working, holidays: holidays)
        return (deadline, allowed, working ? Message.count(allowed, "working day", "working days") : Message.count(allowed, "day", "days"))
    }

    /// A complaint's stage as the complaints report shows it.
    static func stageName(_ stage: String) -> Message {
        switch stage {
        case "response": return "first response"
        case "resolution": return "resolution"
        default: return .verbatim(stage)
        }
    }

    static func stepWords(_ state: State, _ c: Complaint, _ stage: ComplaintStage, on date: Day) throws -> Message {
        let working = countsWorkingDays(state)
        let (deadline, allowed, words) = try deadlineText(state, c, stage)
        let elapsed = daysBetween(c.received, date, working: working, holidays: working ? try holidayDates(state) : [])
        return elapsed > allowed ? "\(Message.count(elapsed - allowed, "day", "days")) late: the deadline was \(deadline), \(words)"
            : "within the deadline of \(deadline), \(words)"
    }

    static func complaintRespond(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let c = try inv.record(Complaint.self, idArg, kind: "complaint")
        if let d = c.responded { throw inv.fail("\(c.id) was responded to already, on \(d)", at: idArg.range) }
        if let d = c.resolved { throw inv.fail("\(c.id) was resolved already, on \(d): a response after that is not a first response", at: idArg.range) }
        let date = try inv.pastDay("date")
        guard date >= c.received else {
            throw inv.fail("\(c.id) was received on \(c.received): it cannot be answered on \(date)", at: inv.args.range("date"))
        }
        let state = try inv.state
        var after = c
        after.responded = date
        let said: Message = "responded on \(date), \(try stepWords(state, c, .response, on: date))"
        try inv.put(after, before: c, action: said.english)
        return .message("\(c.id): \(said)")
    }

    static func complaintResolve(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let c = try inv.record(Complaint.self, idArg, kind: "complaint")
        if let d = c.resolved { throw inv.fail("\(c.id) was resolved already, on \(d)", at: idArg.range) }
        let date = try inv.pastDay("date")
        guard date >= c.received else {
            throw inv.fail("\(c.id) was received on \(c.received): it cannot be resolved on \(date)", at: inv.args.range("date"))
        }
        if let r = c.responded, date < r {
            throw inv.fail("\(c.id) was first answered on \(r): it cannot be resolved before that, on \(date)", at: inv.args.range("date"))
        }
        let state = try inv.state
        var after = c
        after.resolved = date
        // One template per form, the deadline's words inside it: the trail shows it whole in
        // the session's language.
        let resolution = try stepWords(state, c, .resolution, on: date)
        let said: Message = c.responded == nil
            ? "resolved on \(date), \(resolution); with no first response recorded, it counts as the response, \(try stepWords(state, c, .response, on: date))"
            : "resolved on \(date), \(resolution)"
        try inv.put(after, before: c, action: said.english)
        return .message("\(c.id): \(said)")
    }

    static func complaintsReport(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let overdue = try overdueComplaints(state, today: inv.today)
        var prose = ProseCells()
        let rows: [[JSON]] = overdue.map { o in
            let c = o.complaint
            let taken = o.stage == "response" ? (c.responded ?? c.resolved) : c.resolved
            return [.string(c.id), .string(c.service), o.service.map { .string($0.name) } ?? .null, .string(c.kind), .string(c.channel),
                    prose.cell(o.stage, shown: stageName(o.stage)), .string(c.received.description), .string(o.deadline.description),
                    taken.map { .string($0.description) } ?? .null, JSON(o.daysLate), .bool(o.open)]
        }
        let working = countsWorkingDays(state)
        var out = Output(.table(columns: [.init("complaint", "COMPLAINT"), .init("service", "SERVICE"), .init("name", "NAME"), .init("kind", "KIND"),
                                          .init("channel", "CHANNEL"), .init("stage", "STAGE"), .init("received", "RECEIVED"),
                                          .init("deadline", "DEADLINE"), .init("done", "DONE"), .init("daysLate", "DAYS LATE", alignRight: true),
                                          .init("open", "OPEN")], rows: rows),
                         value: String(overdue.count)).withProse(prose, in: "stage")
        let (response, info, simple, dispute, field) = (state.policyInt(.complaintResponseDays), state.policyInt(.complaintInfoDays),
                                                        state.policyInt(.complaintComplaintDays), state.policyInt(.complaintDisputeDays),
                                                        state.policyInt(.complaintFieldDays))
        let counting: Message = working ? "working days" : "calendar days"
        out.footnote = "As of \(inv.today), counting \(counting): response \(response); resolution info \(info), complaint \(simple), dispute \(dispute), field \(field)."
        if overdue.isEmpty { return Output.message("no complaint is past its deadline as of \(inv.today)", value: "0") }
        return out
    }

    // MARK: forums

    static func forumAdd(_ inv: Invocation) throws -> Output {
        let topic = try text(inv, "topic")!
        let date = try inv.pastDay("date")
        let f = Forum(id: try inv.state.nextId(Forum.prefix), date: date, topic: topic, participants: inv.args.number("participants"))
        try inv.add(f, action: "forum on \(date): \(topic), \(f.participants) participant\(f.participants == 1 ? "" : "s")")
        return .created("forum", f.id)
    }

    static func forumNote(_ inv: Invocation) throws -> Output {
        let f = try inv.record(Forum.self, inv.args.positionals[0], kind: "forum")
        let issue = try text(inv, "issue")!
        let recommend = try text(inv, "recommend")
        var after = f
        after.notes.append(Forum.Note(issue: issue, recommend: recommend))
        let said: Message = recommend == nil ? "issue \(after.notes.count) noted" : "issue \(after.notes.count) noted, with a recommendation"
        try inv.put(after, before: f, action: said.english)
        return .message("\(f.id): \(said)", value: String(after.notes.count))
    }
}
