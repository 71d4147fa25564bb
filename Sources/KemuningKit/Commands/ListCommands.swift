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
        CommandSpec("service show", family: "services", summary: "show one service: its standard, positions, requests and complaints",
                    positionals: [PositionalSpec("SERVICE", .id("S"), "the service")],
                    examples: ["service show S1", "set format json; service show S1"], exampleSetup: "services", run: serviceShow),
        CommandSpec("jobfair show", family: "recruitment", summary: "show one job fair: its institutions, the vacancies promoted and the applications it brought",
                    positionals: [PositionalSpec("JOBFAIR", .id("J"), "the job fair")],
                    examples: ["jobfair show J1", "set format json; jobfair show J1"], exampleSetup: "draft", run: jobfairShow),
        CommandSpec("training show", family: "development", summary: "show one training and its enrolments",
                    positionals: [PositionalSpec("TRAINING", .id("T"), "the training")],
                    examples: ["training show T1", "set format json; training show T1"], exampleSetup: "development", run: trainingShow),
        CommandSpec("training enrollments", family: "development", summary: "list enrolments in trainings: who, when, and the result",
                    flags: [.value("training", .id("T"), "only this training's"), .value("employee", .id("E"), "only this employee's"),
                            .bool("open", "only those not completed yet")],
                    examples: ["training enrollments", "training enrollments --employee E2 --open"], exampleSetup: "development", run: enrollmentList),
        CommandSpec("mentor show", family: "development", summary: "show one mentorship and its sessions",
                    positionals: [PositionalSpec("MENTORSHIP", .id("M"), "the mentorship")],
                    examples: ["mentor show M1", "set format json; mentor show M1"], exampleSetup: "development", run: mentorShow),
        CommandSpec("skp show", family: "development", summary: "show one performance appraisal (SKP)",
                    positionals: [PositionalSpec("SKP", .id("SKP"), "the appraisal")],
                    examples: ["skp show SKP1", "set format json; skp show SKP1"], exampleSetup: "appraised", run: skpShow),
        CommandSpec("action show", family: "feedback", summary: "show one action: the finding, its evidence, the decision and what came of it",
                    positionals: [PositionalSpec("ID", .id("AC"), "the action")],
                    examples: ["action show AC1", "set format json; action show AC1"], exampleSetup: "feedback", run: actionShow),
        CommandSpec("workload show", family: "feedback", summary: "show one workload task",
                    positionals: [PositionalSpec("TASK", .id("WT"), "the task")],
                    examples: ["workload show WT1", "set format json; workload show WT1"], exampleSetup: "feedback", run: workloadShow),
    ]

    // MARK: applicants

    static func applicantFind(_ inv: Invocation) throws -> Output {
        let arg = inv.args.positional(0)
        let text = arg.text.trimmingBlanks()
        let query = NameMatch.Query(text)
        guard !query.words.isEmpty else { throw inv.fail("give a name to find: letters or digits", at: arg.range) }
        let found = try inv.state.applicants.compactMap { a in query.score(name: a.name).map { (a, $0) } }
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
        return try inv.record(Service.self, a, kind: Service.label)
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
        let r = try inv.record(ServiceRequest.self, inv.args.positional(0), kind: ServiceRequest.label)
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
        let c = try inv.record(Complaint.self, inv.args.positional(0), kind: Complaint.label)
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
        let f = try inv.record(Forum.self, inv.args.positional(0), kind: Forum.label)
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

    // MARK: the shows of kinds that had only a list

    static func day(_ d: Day?) -> JSON { d.map { .string($0.description) } ?? .null }
    static func text(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

    static func serviceShow(_ inv: Invocation) throws -> Output {
        let s = try inv.record(Service.self, inv.args.positional(0), kind: Service.label)
        let state = try inv.state
        let requests = try state.records(ServiceRequest.self).filter { $0.service == s.id }
        let complaints = try state.records(Complaint.self).filter { $0.service == s.id }
        let open = requests.filter(\.isOpen).count
        let late = requests.filter { $0.isLate(standard: s.standardDays, today: inv.today) }.count
        let overdue = complaints.filter { complaintStatus(state, $0, today: inv.today).overdue }.count
        return Output(.record([
            .init("id", "id", .string(s.id)), .init("name", "name", .string(s.name)), .init("unit", "unit", .string(s.unit)),
            .init("standardDays", "standard", JSON(s.standardDays), display: Message.count(s.standardDays, "day", "days")),
            .init("positions", "positions", .array(s.positions.map { .string($0) })),
            .init("requests", "requests", ["count": JSON(requests.count), "open": JSON(open), "late": JSON(late)],
                  display: "\(requests.count): \(open) open, \(late) late"),
            .init("complaints", "complaints", ["count": JSON(complaints.count), "open": JSON(complaints.filter(\.isOpen).count), "overdue": JSON(overdue)],
                  display: "\(complaints.count): \(complaints.filter(\.isOpen).count) open, \(overdue) overdue"),
        ]))
    }

    static func jobfairShow(_ inv: Invocation) throws -> Output {
        let arg = inv.args.positional(0)
        let state = try inv.state
        guard let j = state.jobfair(arg.text.uppercased()) else {
            throw inv.fail("no job fair '\(arg.text)'", at: arg.range, hint: unknownIdHint(state.jobfairs.map(\.id), arg.text, kind: "job fair"))
        }
        let brought = state.applications.filter { $0.source == j.id }.map(\.id)
        let titles: [Message] = j.vacancies.map { id in state.vacancy(id).map { .verbatim("\(id) \($0.title) (\($0.unit))") } ?? .verbatim(id) }
        return Output(.record([
            .init("id", "id", .string(j.id)), .init("name", "name", .string(j.name)), .init("date", "date", .string(j.date.description)),
            .init("institutions", "institutions", .array(j.institutions.map { .string($0) })),
            .init("vacancies", "vacancies", .array(j.vacancies.map { .string($0) }), display: titles.isEmpty ? "none" : .joined(titles, separator: ", ")),
            .init("applications", "applications", .array(brought.map { .string($0) }), display: brought.isEmpty ? "none" : .verbatim(brought.joined(separator: ", "))),
        ]))
    }

    static func enrollmentJSON(_ e: Enrollment) -> JSON {
        ["id": .string(e.id), "employee": .string(e.employee), "training": .string(e.training), "enrolled": .string(e.enrolled.description),
         "completed": day(e.completed), "passed": e.passed.map { .bool($0) } ?? .null, "score": e.score.map { JSON($0) } ?? .null]
    }

    /// An enrolment's result in words: `passed on 2026-05-20 (score 85)`, `not completed`.
    static func enrollmentResult(_ e: Enrollment) -> Message {
        guard let done = e.completed else { return "not completed" }
        let score: Message = e.score.map { " (score \($0))" } ?? ""
        return (e.passed == false ? "failed on \(done)" : "passed on \(done)") + score
    }

    static func trainingShow(_ inv: Invocation) throws -> Output {
        let t = try inv.record(Training.self, inv.args.positional(0), kind: Training.label)
        let state = try inv.state
        let mine = try state.records(Enrollment.self).filter { $0.training == t.id }
        let said: [Message] = mine.map { e in "\(e.id) \(e.employee) \(state.employee(e.employee)?.name ?? "?"): enrolled \(e.enrolled), " + enrollmentResult(e) }
        return Output(.record([
            .init("id", "id", .string(t.id)), .init("title", "title", .string(t.title)), .init("topic", "topic", .string(t.topic)),
            .init("jp", "JP", JSON(t.jp)), .init("mode", "mode", .string(t.mode)),
            .init("enrollments", "enrolments", .array(mine.map(enrollmentJSON)), display: said.isEmpty ? "none" : .joined(said, separator: "; ")),
        ]))
    }

    static func enrollmentList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var only: (training: String?, employee: String?) = (nil, nil)
        if let a = inv.args.arg("training") { only.training = try inv.record(Training.self, a, kind: Training.label).id }
        if let a = inv.args.arg("employee") { only.employee = try DevelopmentCommands.employee(inv, a).id }
        let open = inv.args.bool("open")
        var prose = ProseCells()
        let rows: [[JSON]] = try state.records(Enrollment.self).filter { e in
            (only.training == nil || e.training == only.training) && (only.employee == nil || e.employee == only.employee) && (!open || e.completed == nil)
        }.map { e in
            [.string(e.id), .string(e.employee), text(state.employee(e.employee)?.name), .string(e.training),
             text(try state.record(Training.self, e.training)?.title), .string(e.enrolled.description), day(e.completed),
             e.passed.map { .bool($0) } ?? .null, e.score.map { JSON($0) } ?? .null, prose.cell(enrollmentResult(e))]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("employee", "EMPLOYEE"), .init("name", "NAME"), .init("training", "TRAINING"),
                                       .init("title", "TITLE"), .init("enrolled", "ENROLLED"), .init("completed", "COMPLETED"),
                                       .init("passed", "PASSED"), .init("score", "SCORE", alignRight: true), .init("result", "RESULT")], rows: rows),
                      value: String(rows.count)).withProse(prose, in: "result")
    }

    static func mentorShow(_ inv: Invocation) throws -> Output {
        let m = try inv.record(Mentorship.self, inv.args.positional(0), kind: Mentorship.label)
        let state = try inv.state
        func person(_ id: String) -> Message { .verbatim("\(id) \(state.employee(id)?.name ?? "?")") }
        let st: Message = m.closed != nil ? "closed" : (m.isActive(on: inv.today) ? "active" : "ended")
        let sessions: [JSON] = m.sessions.map { ["date": .string($0.date.description), "minutes": JSON($0.minutes), "topic": .string($0.topic), "notes": text($0.notes)] }
        let said: [Message] = m.sessions.map { "\($0.date): \(Message.count($0.minutes, "minute", "minutes")), \($0.topic)" }
        return Output(.record([
            .init("id", "id", .string(m.id)), .init("mentor", "mentor", .string(m.mentor), display: person(m.mentor)),
            .init("mentee", "mentee", .string(m.mentee), display: person(m.mentee)),
            .init("from", "from", .string(m.from.description)), .init("to", "to", day(m.to)),
            .prose("state", "state", st), .init("closed", "closed", day(m.closed)), .init("outcome", "outcome", text(m.outcome)),
            .init("minutes", "minutes", JSON(m.minutes)),
            .init("sessions", "sessions", .array(sessions), display: said.isEmpty ? "none" : .joined(said, separator: "; ")),
        ]))
    }

    static func skpShow(_ inv: Invocation) throws -> Output {
        let s = try inv.record(SKP.self, inv.args.positional(0), kind: SKP.label)
        let e = try inv.state.employee(s.employee)
        return Output(.record([
            .init("id", "id", .string(s.id)),
            .init("employee", "employee", .string(s.employee), display: .verbatim("\(s.employee) \(e?.name ?? "?")\(e.map { " (\($0.unit))" } ?? "")")),
            .init("period", "period", JSON(s.period)), .init("result", "work result", .string(s.result.rawValue)),
            .init("behaviour", "work behaviour", .string(s.behaviour.rawValue)), .init("predicate", "predicate", .string(s.predicate)),
        ]))
    }

    static func actionShow(_ inv: Invocation) throws -> Output {
        let a = try FeedbackCommands.lookupAction(inv, inv.args.positional(0))
        return Output(.record([
            .init("id", "id", .string(a.id)), .init("unit", "unit", .string(a.unit)),
            .init("finding", "finding", .string(a.finding), display: .stored(a.finding)),
            .init("evidence", "evidence", .string(a.evidence), display: .stored(a.evidence)),
            .init("decision", "decision", .string(a.decision.rawValue), display: .key(a.decision.rawValue)),
            .init("position", "position", text(a.position)), .init("seats", "seats", a.seats.map { JSON($0) } ?? .null),
            .init("topic", "topic", text(a.topic)),
            .init("status", "status", .string(a.status.rawValue), display: a.status == .applied ? "carried out" : .key(a.status.rawValue)),
            .init("created", "proposed", .string(a.created.description)),
            .init("result", "result", text(a.result), display: a.result.map { .stored($0) }),
        ]))
    }

    static func workloadShow(_ inv: Invocation) throws -> Output {
        let t = try inv.record(WorkloadTask.self, inv.args.positional(0), kind: WorkloadTask.label)
        return Output(.record([
            .init("id", "id", .string(t.id)), .init("position", "position", .string(t.position)), .init("task", "task", .string(t.task)),
            .init("volume", "volume a year", JSON(t.volume)), .init("minutes", "minutes each", JSON(t.minutes)),
            .init("yearMinutes", "minutes a year", JSON(t.volume * t.minutes)),
        ]))
    }
}
