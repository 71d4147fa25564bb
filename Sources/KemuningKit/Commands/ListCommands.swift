import KemuningCore
import KemuningDomain
import KemuningStore
/// The lists and shows of the records that had none: forums, complaints, requests, workload
/// tasks, interview sheets, and finding an applicant by a name remembered or misspelt. What
/// "open", "late" and "overdue" mean is a rule of the domain (Domain/Listing.swift); these only
/// filter by it and lay the records out.
enum ListCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("applicant find", family: "recruitment", summary: "find applicants by name, ignoring case, accents and spacing and tolerating typos; closest first (NIKs masked)",
                    positionals: [PositionalSpec("TEXT", .text, "the name, or part of it, as remembered")],
                    examples: ["applicant find Sukmawaty", "applicant find \"budi santoso\""], exampleSetup: "draft", run: applicantFind),
        CommandSpec("application interviews", family: "recruitment", summary: "an application's interview sheets: each panel member's rubric scores, note and date, and the score",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    examples: ["application interviews P11", "set format json; application interviews P11"], exampleSetup: "final", run: applicationInterviews),
        CommandSpec("request list", family: "services", summary: "list requests for services, with the days they took and whether late",
                    flags: [.bool("open", "only those not done yet"), .bool("late", "only those later than the standard (done late, or open past it)"),
                            .value("service", .id("S"), "only this service's")],
                    examples: ["request list", "request list --open --service S1"], exampleSetup: "services", run: requestList),
        CommandSpec("request show", family: "services", summary: "show one request for a service",
                    positionals: [PositionalSpec("REQUEST", .id("R"), "the request")],
                    examples: ["request show R1", "set format json; request show R1"], exampleSetup: "services", run: requestShow),
        CommandSpec("complaint list", family: "services", summary: "list complaints, with the next step's deadline",
                    flags: [.bool("open", "only those not resolved yet"), .bool("overdue", "only those with a step past its deadline, not taken yet"),
                            .value("service", .id("S"), "only those about this service")],
                    examples: ["complaint list", "complaint list --overdue --service S1"], exampleSetup: "services", run: complaintList),
        CommandSpec("complaint show", family: "services", summary: "show one complaint and its deadlines",
                    positionals: [PositionalSpec("COMPLAINT", .id("C"), "the complaint")],
                    examples: ["complaint show C1", "set format json; complaint show C1"], exampleSetup: "services", run: complaintShow),
        CommandSpec("forum list", family: "services", summary: "list the discussion forums, with the issues raised",
                    examples: ["forum list", "set format json; forum list"], exampleSetup: "services", run: forumList),
        CommandSpec("forum show", family: "services", summary: "show one forum: its issues and recommendations",
                    positionals: [PositionalSpec("FORUM", .id("F"), "the forum")],
                    examples: ["forum show F1", "forum note F1 --issue \"antrean terlalu lama\" --recommend \"tambah loket\"; forum show F1"], exampleSetup: "services", run: forumShow),
        CommandSpec("workload list", family: "feedback", summary: "list the workload tasks, with their minutes a year",
                    flags: [.value("position", .text, "only this position's tasks"),
                            .value("unit", .text, "only the tasks of positions in this unit (held by its staff or serving its services)")],
                    examples: ["workload list", "workload list --position \"Pengadministrasi Kependudukan\""], exampleSetup: "feedback", run: workloadList),
    ]

    // MARK: applicants

    static func applicantFind(_ inv: Invocation) throws -> Output {
        let arg = inv.args.positional(0)
        let text = arg.text.trimmingBlanks()
        guard !NameMatch.words(text).isEmpty else { throw inv.fail("give a name to find: letters or digits", at: arg.range) }
        let found = try inv.state.applicants.compactMap { a in NameMatch.score(query: text, name: a.name).map { (a, $0) } }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
        guard !found.isEmpty else { return .message("no applicant's name is like '\(text)'", value: "0") }
        let rows = found.map { a, s -> [JSON] in
            [.string(a.id), .string(NIK.mask(a.nik)), .string(a.name), .string(a.born.description), JSON(s.edits)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("nik", "NIK"), .init("name", "NAME"), .init("born", "BORN"),
                                       .init("edits", "TYPOS", alignRight: true)], rows: rows), value: String(rows.count))
    }

    // MARK: interview sheets

    /// One row per panel member: the rubric's items as columns (their names are the JSON keys,
    /// under `scores`), the sheet's own score (mean / 5 x 100), the note and the date. The
    /// footnote gives the application's interview score over every sheet.
    static func applicationInterviews(_ inv: Invocation) throws -> Output {
        let (p, v, a) = try RecruitmentCommands.application(inv, inv.args.positional(0))
        guard let total = interviewScore(p.interviews.map { $0.scores.map(\.score) }) else {
            return .message("\(p.id) (\(a.name)) has no interview sheet yet", value: "0")
        }
        // The items of the sheets, in the vacancy's rubric order, then any the rubric no longer has.
        var items = v.rubric
        for sheet in p.interviews { for s in sheet.scores where !items.contains(s.item) { items.append(s.item) } }
        var columns: [Output.Column] = [.init("panel", "PANEL MEMBER"), .init("date", "DATE")]
        columns += items.map { Output.Column($0, .verbatim($0.uppercased()), alignRight: true) }
        columns += [.init("score", "SCORE", alignRight: true), .init("note", "NOTE")]
        var rows: [[JSON]] = []
        var objects: [JSON] = []
        for sheet in p.interviews {
            let byItem = Dictionary(sheet.scores.map { ($0.item, $0.score) }, uniquingKeysWith: { a, _ in a })
            let score = JSON.number(interviewScore([sheet.scores.map(\.score)])!.rounded(toScale: 2).description)
            let note = sheet.note.map { JSON.string($0) } ?? .null
            rows.append([.string(sheet.panel), .string(sheet.date.description)] + items.map { byItem[$0].map { JSON($0) } ?? .null } + [score, note])
            objects.append(.object(JSONObject([("panel", .string(sheet.panel)), ("date", .string(sheet.date.description)),
                                               ("scores", .object(JSONObject(sheet.scores.map { ($0.item, JSON($0.score)) }))),
                                               ("score", score), ("note", note)])))
        }
        let shown = total.rounded(toScale: 2)
        var out = Output(.table(columns: columns, rows: rows), value: total.rounded(toScale: 4).description)
        out.jsonForm = .object(JSONObject([("application", .string(p.id)), ("rubric", .array(v.rubric.map { .string($0) })),
                                           ("sheets", .array(objects)), ("score", .number(shown.description))]))
        out.footnote = "\(p.id) (\(a.name)): interview score \(shown) from \(Message.count(p.interviews.count, "panel member", "panel members")), the mean item score / 5 x 100"
        return out
    }

    // MARK: requests

    static func serviceFilter(_ inv: Invocation) throws -> Service? {
        guard let a = inv.args.arg("service") else { return nil }
        return try ServiceCommands.lookup(inv, Service.self, a, kind: "service")
    }

    static func requestList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let only = try serviceFilter(inv)
        let services = Dictionary(try state.records(Service.self).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let open = inv.args.bool("open"), late = inv.args.bool("late")
        var rows: [[JSON]] = []
        for r in try state.records(ServiceRequest.self) {
            if let only, r.service != only.id { continue }
            if open && !r.isOpen { continue }
            let s = services[r.service]
            let isLate = s.map { r.isLate(standard: $0.standardDays, today: inv.today) } ?? false
            if late && !isLate { continue }
            rows.append([.string(r.id), .string(r.service), s.map { .string($0.name) } ?? .null, .string(r.received.description),
                         r.done.map { .string($0.description) } ?? .null, JSON(r.daysTaken(today: inv.today)),
                         s.map { JSON($0.standardDays) } ?? .null, .bool(isLate)])
        }
        return Output(.table(columns: [.init("id", "ID"), .init("service", "SERVICE"), .init("name", "NAME"), .init("received", "RECEIVED"),
                                       .init("done", "DONE"), .init("days", "DAYS", alignRight: true), .init("standardDays", "STANDARD", alignRight: true),
                                       .init("late", "LATE")], rows: rows), value: String(rows.count))
    }

    static func requestShow(_ inv: Invocation) throws -> Output {
        let r = try ServiceCommands.lookup(inv, ServiceRequest.self, inv.args.positional(0), kind: "request")
        let s = try inv.state.record(Service.self, r.service)
        let days = r.daysTaken(today: inv.today)
        var f: [Output.Field] = [
            .init("id", "id", .string(r.id)),
            .init("service", "service", .string(r.service), display: s.map { .verbatim("\(r.service) \($0.name) (\($0.unit))") }),
            .init("received", "received", .string(r.received.description)),
            .init("done", "done", r.done.map { .string($0.description) } ?? .null, display: r.done == nil ? "not yet" : nil),
            .init("days", "days", JSON(days), display: r.isOpen ? "\(Message.count(days, "day", "days")) so far" : nil),
        ]
        if let s {
            let late = r.isLate(standard: s.standardDays, today: inv.today)
            f.append(.init("standardDays", "standard", JSON(s.standardDays), display: Message.count(s.standardDays, "day", "days")))
            f.append(.init("late", "late", .bool(late), display: late ? "yes" : "no"))
        }
        return Output(.record(f))
    }

    // MARK: complaints

    static func complaintList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let only = try serviceFilter(inv)
        let open = inv.args.bool("open"), overdue = inv.args.bool("overdue")
        var prose = ProseCells()
        var rows: [[JSON]] = []
        for c in try state.records(Complaint.self) {
            if let only, c.service != only.id { continue }
            if open && !c.isOpen { continue }
            let st = complaintStatus(state, c, today: inv.today)
            if overdue && !st.overdue { continue }
            rows.append([.string(c.id), .string(c.service), .string(c.kind), .string(c.channel), .string(c.received.description),
                         c.responded.map { .string($0.description) } ?? .null, c.resolved.map { .string($0.description) } ?? .null,
                         st.next.map { prose.cell($0.rawValue, shown: ServiceCommands.stageName($0.rawValue)) } ?? .null,
                         st.nextDeadline.map { .string($0.description) } ?? .null, .bool(st.overdue)])
        }
        return Output(.table(columns: [.init("id", "ID"), .init("service", "SERVICE"), .init("kind", "KIND"), .init("channel", "CHANNEL"),
                                       .init("received", "RECEIVED"), .init("responded", "RESPONDED"), .init("resolved", "RESOLVED"),
                                       .init("next", "NEXT STEP"), .init("deadline", "DEADLINE"), .init("overdue", "OVERDUE")], rows: rows),
                      value: String(rows.count)).withProse(prose, in: "next")
    }

    static func complaintShow(_ inv: Invocation) throws -> Output {
        let c = try ServiceCommands.lookup(inv, Complaint.self, inv.args.positional(0), kind: "complaint")
        let state = try inv.state
        let s = try state.record(Service.self, c.service)
        let st = complaintStatus(state, c, today: inv.today)
        let kind: Message
        switch c.kind {
        case "info": kind = "information request"
        case "complaint": kind = "simple complaint"
        case "dispute": kind = "dispute without a field check"
        case "field": kind = "complaint needing a field check"
        default: kind = .verbatim(c.kind)
        }
        func step(_ taken: Day?, deadline: Day) -> (JSON, Message) {
            let value: JSON = ["date": taken.map { .string($0.description) } ?? .null, "deadline": .string(deadline.description)]
            guard let taken else { return (value, "not yet; the deadline is \(deadline)") }
            return (value, taken > deadline ? "on \(taken), after the deadline of \(deadline)" : "on \(taken), by the deadline of \(deadline)")
        }
        let response = step(c.responded ?? c.resolved, deadline: st.responseDeadline)
        let resolution = step(c.resolved, deadline: st.resolutionDeadline)
        return Output(.record([
            .init("id", "id", .string(c.id)),
            .init("service", "service", .string(c.service), display: s.map { .verbatim("\(c.service) \($0.name) (\($0.unit))") }),
            .init("kind", "kind", .string(c.kind), display: kind),
            .init("channel", "channel", .string(c.channel)),
            .init("received", "received", .string(c.received.description)),
            .init("response", "first response", response.0, display: response.1),
            .init("resolution", "resolution", resolution.0, display: resolution.1),
            .init("overdue", "overdue", .bool(st.overdue), display: st.overdue ? "yes" : "no"),
        ]))
    }

    // MARK: forums

    static func forumList(_ inv: Invocation) throws -> Output {
        let rows: [[JSON]] = try inv.state.records(Forum.self).map { f in
            [.string(f.id), .string(f.date.description), .string(f.topic), JSON(f.participants), JSON(f.notes.count),
             JSON(f.notes.filter { $0.recommend != nil }.count)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("date", "DATE"), .init("topic", "TOPIC"),
                                       .init("participants", "PARTICIPANTS", alignRight: true), .init("issues", "ISSUES", alignRight: true),
                                       .init("recommendations", "RECOMMENDATIONS", alignRight: true)], rows: rows), value: String(rows.count))
    }

    static func forumShow(_ inv: Invocation) throws -> Output {
        let f = try ServiceCommands.lookup(inv, Forum.self, inv.args.positional(0), kind: "forum")
        var fields: [Output.Field] = [
            .init("id", "id", .string(f.id)), .init("date", "date", .string(f.date.description)), .init("topic", "topic", .string(f.topic)),
            .init("participants", "participants", JSON(f.participants)),
        ]
        let notes: [JSON] = f.notes.map { n in ["issue": .string(n.issue), "recommend": n.recommend.map { .string($0) } ?? .null] }
        let said: [Message] = f.notes.enumerated().map { k, n in
            n.recommend.map { "\(k + 1). \(n.issue): recommended \($0)" } ?? "\(k + 1). \(n.issue)"
        }
        fields.append(.init("notes", "issues", .array(notes), display: said.isEmpty ? "none recorded" : .joined(said, separator: "; ")))
        return Output(.record(fields))
    }

    // MARK: workload

    static func workloadList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var tasks = try state.records(WorkloadTask.self)
        if let a = inv.args.arg("position") {
            let p = a.text.trimmingBlanks().lowercased()
            tasks = tasks.filter { $0.position.lowercased() == p }
        }
        if let a = inv.args.arg("unit") {
            let u = a.text.trimmingBlanks().lowercased()
            var positions = Set(state.employees.filter { $0.unit.lowercased() == u }.map { $0.position.lowercased() })
            for s in try state.records(Service.self) where s.unit.lowercased() == u { positions.formUnion(s.positions.map { $0.lowercased() }) }
            tasks = tasks.filter { positions.contains($0.position.lowercased()) }
        }
        let rows: [[JSON]] = tasks.map { t in
            [.string(t.id), .string(t.position), .string(t.task), JSON(t.volume), JSON(t.minutes), JSON(t.volume * t.minutes)]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("position", "POSITION"), .init("task", "TASK"),
                                       .init("volume", "VOLUME", alignRight: true), .init("minutes", "MINUTES EACH", alignRight: true),
                                       .init("yearMinutes", "MINUTES A YEAR", alignRight: true)], rows: rows), value: String(rows.count))
    }
}
