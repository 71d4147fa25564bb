import KemuningCore
import KemuningDomain
import KemuningStore
/// Job fairs, applications and the selection stages: screening, SKD, interview, SKB, final
/// ranking and hiring. Every decision is recorded in the audit trail.
enum RecruitmentCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("jobfair add", family: "recruitment", summary: "record a job fair held with schools or universities; returns its id (J1, ...)",
                    flags: [.value("name", .text, "the fair's name", required: true), .value("date", .date, "when it is held", required: true),
                            .value("institution", .text, "a school or university taking part", required: true, repeatable: true)],
                    examples: ["jobfair add --name \"Bursa Kerja Kemuning 2026\" --date 2026-12-05 --institution \"Universitas Kemuning\" --institution \"SMK Negeri 1\"", "let fair = jobfair add --name \"Bursa Kerja SMK\" --date 2026-12-12 --institution \"SMK Negeri 1\""],
                    mutates: true, run: jobfairAdd),
        CommandSpec("jobfair link", family: "recruitment", summary: "promote a vacancy at a job fair",
                    positionals: [PositionalSpec("JOBFAIR", .id("J"), "the job fair"), PositionalSpec("VACANCY", .id("V"), "the vacancy")],
                    examples: ["jobfair link J1 V1", "jobfair link J1 V2"], mutates: true, exampleSetup: "draft", run: jobfairLink),
        CommandSpec("jobfair list", family: "recruitment", summary: "list the job fairs", examples: ["jobfair list", "set format json; jobfair list"], exampleSetup: "draft", run: jobfairList),
        CommandSpec("apply", family: "recruitment", summary: "an applicant applies to an announced, open vacancy; returns the application id (P1, ...)",
                    positionals: [PositionalSpec("APPLICANT", .id("A"), "who applies"), PositionalSpec("VACANCY", .id("V"), "to what")],
                    flags: [.value("source", .source, "where they heard of it: \(Vacancy.channels.joined(separator: ", ")), or a job fair id"),
                            .value("date", .date, "the date of the application", default: "today")],
                    examples: ["apply A1 V1 --source social", "let p = apply A2 V1 --source J1 --date 2026-11-07"], mutates: true, exampleSetup: "announced", run: apply),
        CommandSpec("application list", family: "recruitment", summary: "list applications, with their stage",
                    flags: [.value("vacancy", .id("V"), "only this vacancy"),
                            .value("stage", .choice(ApplicationStage.allCases.map(\.rawValue)), "only those at this stage")],
                    examples: ["application list --vacancy V1", "application list", "application list --vacancy V1 --stage screened-out"], exampleSetup: "screening", run: applicationList),
        CommandSpec("application show", family: "recruitment", summary: "show one application and its results",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")], examples: ["application show P1", "application show P3"], exampleSetup: "screening", run: applicationShow),
        CommandSpec("application withdraw", family: "recruitment", summary: "record that a candidate withdrew (mengundurkan diri): the application takes part in no later stage",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    flags: [.value("reason", .text, "why, as the candidate gave it", required: true),
                            .value("date", .date, "the day they withdrew, for work entered later", default: "today")],
                    examples: ["application withdraw P4 --reason \"diterima bekerja di tempat lain\"", "application withdraw P2 --reason \"pindah domisili\" --date 2026-11-16"], mutates: true, exampleSetup: "screening", run: withdraw),
        CommandSpec("screen", family: "recruitment", summary: "record administrative screening: --pass (MS) or --fail --reason (TMS); --objection within the window",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    flags: [.bool("pass", "meets the requirements (MS)"), .bool("fail", "does not (TMS); needs --reason"),
                            .value("reason", .text, "why it fails, or the objection's grounds"),
                            .bool("objection", "decide an objection to the result, within the objection window"),
                            .value("date", .date, "the day it was decided, for work entered later (not after today, not before screening began)", default: "today")],
                    examples: ["screen P1 --pass", "screen P2 --fail --reason \"ijazah tidak sesuai\"", "screen P3 --objection --pass --reason \"ijazah asli diperlihatkan\"", "screen P4 --pass --date 2026-11-16"],
                    mutates: true, exampleSetup: "screening", run: screen),
        CommandSpec("skd", family: "recruitment", summary: "record SKD scores (TWK 0-150, TIU 0-175, TKP 0-225), or --absent",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    flags: [.value("twk", .int(0...SKDPart.twk.maximum), "Tes Wawasan Kebangsaan"), .value("tiu", .int(0...SKDPart.tiu.maximum), "Tes Intelegensia Umum"),
                            .value("tkp", .int(0...SKDPart.tkp.maximum), "Tes Karakteristik Pribadi"), .bool("absent", "did not sit the test"),
                            .value("date", .date, "the test date", default: "today"),
                            .bool("correct", "replace a result recorded already (the audit trail keeps both)")],
                    examples: ["skd P1 --twk 90 --tiu 100 --tkp 180", "skd P3 --absent"], mutates: true, exampleSetup: "skd", run: skd),
        CommandSpec("skd rank", family: "recruitment", summary: "rank SKD results, apply the pass marks and the SKB quota; binds the number going on",
                    positionals: [PositionalSpec("VACANCY", .id("V"), "the vacancy")],
                    examples: ["skd rank V1", "let n = skd rank V1"], exampleSetup: "skd-scored", run: skdRankCommand),
        CommandSpec("interview", family: "recruitment", summary: "record one panel member's interview sheet (items 1-5)",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    flags: [.value("panel", .text, "the panel member", required: true)]
                        + Vacancy.defaultRubric.map { .value($0, .int(Bounds.interviewScore), "rubric item, 1-5") }
                        + [.value("score", .text, "ITEM=N for an item of a custom rubric", repeatable: true),
                           .value("note", .text, "a comment or recommendation"), .value("date", .date, "the interview date", default: "today")],
                    examples: ["interview P11 --panel \"Dra. Wulan\" --communication 4 --motivation 5 --integrity 4 --teamwork 4 --problem-solving 3 --note \"siap melayani\"", "let score = interview P11 --panel \"Ir. Bambang\" --communication 5 --motivation 5 --integrity 4 --teamwork 4 --problem-solving 3"],
                    mutates: true, exampleSetup: "skb", run: interview),
        CommandSpec("skb", family: "recruitment", summary: "record SKB scores: CAT raw score, practical and certificate on 0-100; or --absent",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    flags: [.value("cat", .int(Bounds.catRaw), "CAT raw score, 0 to the vacancy's CAT maximum"),
                            .value("practical", .decimal, "practical test, 0-100"), .value("certificate", .decimal, "certificate score, 0-100"),
                            .bool("absent", "did not sit SKB"), .value("date", .date, "the test date", default: "today")],
                    examples: ["skb P1 --cat 410 --practical 82.5", "skb P8 --absent"], mutates: true, exampleSetup: "skb", run: skb),
        CommandSpec("final rank", family: "recruitment", summary: "final = 40% SKD + 60% SKB, ranked with the national tie-breaks; binds the number passed",
                    positionals: [PositionalSpec("VACANCY", .id("V"), "the vacancy")],
                    examples: ["final rank V1", "let passed = final rank V1"], exampleSetup: "final", run: finalRankCommand),
        CommandSpec("hire", family: "recruitment", summary: "appoint a candidate who passed: creates an employee (CPNS, 1 year of probation)",
                    positionals: [PositionalSpec("ID", .id("P"), "the application")],
                    flags: [.value("date", .date, "the appointment date", default: "today")],
                    examples: ["hire P5", "let e = hire P9 --date 2027-03-01"], mutates: true, exampleSetup: "final", run: hire),
        CommandSpec("audit", family: "recruitment", summary: "the recorded trail of changes of a record, or of a whole vacancy",
                    positionals: [PositionalSpec("ID", .word, "a record id (P1, V1, A1, J1, E1)", optional: true)],
                    flags: [.value("vacancy", .id("V"), "every change in this vacancy's round")],
                    examples: ["audit P5", "audit --vacancy V1"], exampleSetup: "final", run: auditCommand),
    ]

    // MARK: lookups

    static func application(_ inv: Invocation, _ a: Arg) throws -> (Application, Vacancy, Applicant) {
        let state = try inv.state
        guard let p = state.application(a.text.uppercased()) else {
            throw inv.fail("no application '\(a.text)'", at: a.range, hint: unknownIdHint(state.applications.map(\.id), a.text, kind: "application"))
        }
        return (p, state.vacancy(p.vacancy)!, state.applicant(p.applicant)!)
    }

    /// An application a stage decision is about: one whose candidate has not withdrawn.
    static func activeApplication(_ inv: Invocation, _ a: Arg) throws -> (Application, Vacancy, Applicant) {
        let found = try application(inv, a)
        if let w = found.0.withdrawal {
            throw inv.fail("\(found.0.id) was withdrawn on \(w.date) (\(w.reason)): it takes part in no stage", at: a.range)
        }
        return found
    }

    static func requireStage(_ inv: Invocation, _ v: Vacancy, _ stage: VacancyState, doing: Message, at range: SourceRange? = nil) throws {
        guard v.state == stage else {
            let hint: Message? = v.state < stage ? "move it on with 'vacancy advance \(v.id)' when \(v.state.rawValue) is complete" : nil
            throw inv.fail("cannot \(doing): \(v.id) is in \(v.state.rawValue), not \(stage.rawValue)", at: range, hint: hint)
        }
    }

    // MARK: job fairs

    static func jobfairAdd(_ inv: Invocation) throws -> Output {
        let name = try VacancyCommands.text(inv, "name")
        var institutions: [String] = []
        for a in inv.args.flags["institution"] ?? [] {
            let t = a.text.trimmingBlanks()
            guard !t.isEmpty else { throw inv.fail("--institution cannot be empty", at: a.range) }
            if !institutions.contains(t) { institutions.append(t) }
        }
        let state = try inv.state
        let j = JobFair(id: state.nextId("J"), name: name, date: try inv.args.date("date"), institutions: institutions, vacancies: [])
        try inv.commit(.add(j), audit: [inv.audit(j.id, vacancy: nil, action: "job fair recorded", after: j.json)])
        return .created("job fair", j.id)
    }

    static func jobfairLink(_ inv: Invocation) throws -> Output {
        let ja = inv.args.positionals[0]
        let state = try inv.state
        guard var j = state.jobfair(ja.text.uppercased()) else {
            throw inv.fail("no job fair '\(ja.text)'", at: ja.range, hint: unknownIdHint(state.jobfairs.map(\.id), ja.text, kind: "job fair"))
        }
        let v = try VacancyCommands.lookup(inv, inv.args.positionals[1])
        guard !j.vacancies.contains(v.id) else { return .message("\(v.id) is already promoted at \(j.id)") }
        guard v.state <= .announced else {
            throw inv.fail("\(v.id) is in \(v.state.rawValue): registration is over", at: inv.args.positionals[1].range)
        }
        let before = j.json
        j.vacancies.append(v.id)
        try inv.commit(.put(j), audit: [inv.audit(j.id, vacancy: v.id, action: "promotes \(v.id)", before: before, after: j.json)])
        return .message("\(v.id) is promoted at \(j.id) (\(j.name), \(j.date))")
    }

    static func jobfairList(_ inv: Invocation) throws -> Output {
        let rows = try inv.state.jobfairs.map { j -> [JSON] in
            [.string(j.id), .string(j.name), .string(j.date.description), .array(j.institutions.map { .string($0) }), .array(j.vacancies.map { .string($0) })]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("name", "NAME"), .init("date", "DATE"), .init("institutions", "INSTITUTIONS"),
                                       .init("vacancies", "VACANCIES")], rows: rows))
    }

    // MARK: applying

    static func apply(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let aArg = inv.args.positionals[0], vArg = inv.args.positionals[1]
        let a = try inv.applicant(aArg)
        let v = try VacancyCommands.lookup(inv, vArg)
        // A date after today is refused, as for every record of something that happened.
        let date = try inv.pastDay("date")
        guard v.state == .announced else {
            throw inv.fail("\(v.id) is not open for applications: it is in \(v.state.rawValue)", at: vArg.range,
                           hint: v.state == .draft ? "announce it first: vacancy announce \(v.id) --channel portal" : nil)
        }
        guard let opens = v.opens, let closes = v.closes, date >= opens, date <= closes else {
            throw inv.fail("\(v.id) takes applications from \(v.opens!) to \(v.closes!), not on \(date)",
                           at: inv.args.has("date") ? inv.args.range("date") : vArg.range)
        }
        // One application per NIK in a selection round: any vacancy not yet closed.
        if let other = state.applications(ofApplicant: a.id).first(where: { state.vacancy($0.vacancy)!.state < .closed }) {
            throw inv.fail("\(a.id) (\(a.name)) already applied in this round, to \(other.vacancy) as \(other.id): one application per person",
                           at: aArg.range)
        }
        // The age limits count on the closing date, the day registration ends, so that everyone
        // applying to one vacancy is measured on the same day.
        if let closes = v.closes, let why = v.ageLimits.problem(born: a.born, on: closes) {
            throw inv.fail("\(a.id) (\(a.name), born \(a.born)) \(why), the limit of \(v.id) counted on its closing date",
                           at: aArg.range, hint: "the age limits are settings of the vacancy: vacancy set \(v.id) --min-age N --max-age N")
        }
        guard Education.matches(a.education, accepted: v.education) else {
            throw inv.fail("\(a.id)'s qualification (\(a.education.map(Message.verbatim) ?? "none recorded")) does not meet \(v.id)'s: \(v.education.joined(separator: ", "))",
                           at: aArg.range)
        }
        var source: String?
        if let s = inv.args.arg("source") {
            let t = s.text.lowercased()
            if Vacancy.channels.contains(t) {
                source = t
            } else if let j = state.jobfair(s.text.uppercased()) {
                source = j.id
            } else {
                let hint = suggestion(for: t, among: Vacancy.channels).map(didYouMean)
                throw inv.fail("bad source '\(s.text)': expected a channel (\(Vacancy.channels.joined(separator: ", "))) or a job fair id",
                               at: s.range, hint: hint)
            }
        }
        let p = Application(id: state.nextId("P"), applicant: a.id, vacancy: v.id, source: source, applied: date)
        try inv.add(p, vacancy: v.id, action: source.map { "\(a.id) applied to \(v.id) on \(date) (source: \($0))" } ?? "\(a.id) applied to \(v.id) on \(date)")
        return .created("application", p.id)
    }

    /// Where an application stands: the machine name `application list --stage` takes, and the
    /// words people read. The names, in the order a round goes through them, are
    /// `ApplicationStage.allCases`; LANGUAGE.md lists them with their words.
    enum ApplicationStage: String, CaseIterable {
        case registered, screenedOut = "screened-out", screenedIn = "screened-in", skdAbsent = "skd-absent", skdScored = "skd-scored"
        case belowMark = "below-mark", outsideQuota = "outside-quota", inSKB = "in-skb", skbAbsent = "skb-absent", skbScored = "skb-scored"
        case passed, failed, optimized, hired, withdrawn
    }

    /// Where an application stands, by name and in words.
    static func stageOf(_ p: Application, _ v: Vacancy, admitted: Set<String>?, passed: Set<String>?) -> (ApplicationStage, Message) {
        if let e = p.hired { return (.hired, "hired (\(e))") }
        if let w = p.withdrawal { return (.withdrawn, "withdrawn on \(w.date)") }
        if let to = p.optimizedTo { return (.optimized, "passed (optimalisasi to \(to))") }
        guard let pass = p.screenedPass else { return (.registered, "registered") }
        guard pass else { return (.screenedOut, "screened out (TMS)") }
        guard let k = p.skd else { return (.screenedIn, "screened in (MS)") }
        guard k.score != nil else { return (.skdAbsent, "absent at SKD") }
        guard let admitted, v.state >= .skb else { return (.skdScored, "SKD scored") }
        guard admitted.contains(p.id) else { return p.passedSKDMarks(v) ? (.outsideQuota, "outside the SKB quota") : (.belowMark, "below an SKD mark") }
        guard let b = p.skb else { return (.inSKB, "in SKB") }
        if b.absent { return (.skbAbsent, "absent at SKB") }
        guard let passed, v.state >= .final else { return (.skbScored, "SKB scored") }
        return passed.contains(p.id) ? (.passed, "passed") : (.failed, "failed")
    }

    /// Where an application stands, in words.
    static func stage(_ p: Application, _ v: Vacancy, admitted: Set<String>?, passed: Set<String>?) -> Message {
        stageOf(p, v, admitted: admitted, passed: passed).1
    }

    static func applicationList(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var vacancies = state.vacancies
        if let a = inv.args.arg("vacancy") { vacancies = [try VacancyCommands.lookup(inv, a)] }
        let only = inv.args.string("stage").flatMap(ApplicationStage.init(rawValue:))
        var rows: [[JSON]] = []
        var prose = ProseCells()
        let columns: [Output.Column] = [.init("id", "ID"), .init("participant", "PARTICIPANT NO."), .init("applicant", "APPLICANT"), .init("name", "NAME"),
                                        .init("vacancy", "VACANCY"), .init("source", "SOURCE"), .init("applied", "APPLIED"), .init("stage", "STAGE")]
        for v in vacancies {
            let view = try inv.context.round(v)
            let admitted = v.state >= .skb ? view.admittedToSKB() : nil
            let passed = v.state >= .final ? view.passedIds() : nil
            for p in view.applications {
                let (code, words) = stageOf(p, v, admitted: admitted, passed: passed)
                if let only, code != only { continue }
                let a = state.applicant(p.applicant)!
                rows.append([.string(p.id), participantCell(p), .string(p.applicant), .string(a.name), .string(p.vacancy), p.source.map { .string($0) } ?? .null,
                             .string(p.applied.description), prose.cell(words)])
            }
        }
        return Output(.table(columns: columns, rows: rows)).withProse(prose, in: "stage")
    }

    /// One application. Each result is a sentence in a table (`MS (pass) on 2026-11-16`) and
    /// its values in JSON (`{"result": "pass", "reason": null, "date": "2026-11-16"}`): the
    /// field's `display` is the sentence, its `value` what automation reads.
    static func applicationShow(_ inv: Invocation) throws -> Output {
        let (p, v, a) = try application(inv, inv.args.positionals[0])
        let view = try inv.context.round(v)
        func day(_ d: Day?) -> JSON { d.map { .string($0.description) } ?? .null }
        func text(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }
        func decimal(_ x: ExactDecimal?) -> JSON { x.map { .number($0.description) } ?? .null }
        var f: [Output.Field] = [
            .init("id", "id", .string(p.id)), .init("applicant", "applicant", .string(a.id)), .init("name", "name", .string(a.name)),
            .init("nik", "NIK", .string(NIK.mask(a.nik))), .init("vacancy", "vacancy", .string("\(v.id)")),
            .init("position", "position", ["title": .string(v.title), "unit": .string(v.unit)], display: .verbatim("\(v.title) (\(v.unit))")),
            .init("participant", "participant no.", text(p.participant)),
            .init("source", "source", text(p.source)),
            .init("applied", "applied", .string(p.applied.description)),
            .prose("stage", "stage", stage(p, v, admitted: v.state >= .skb ? view.admittedToSKB() : nil,
                                          passed: v.state >= .final ? view.passedIds() : nil)),
        ]
        if let s = p.screening {
            f.append(.init("screening", "screening", ["result": .string(s.pass ? "pass" : "fail"), "reason": text(s.reason), "date": day(s.date)],
                           display: "\(s.pass ? "MS (pass)" : "TMS (fail)") on \(s.date)\(s.reason.map { ": \($0)" } ?? "")"))
            if let o = s.objection {
                f.append(.init("objection", "objection", ["result": .string(o.pass ? "pass" : "fail"), "reason": text(o.reason), "date": day(o.date)],
                               display: "\(o.pass ? "pass" : "fail") on \(o.date)\(o.reason.map { ": \($0)" } ?? "")"))
            }
        }
        if let k = p.skd {
            if let sc = k.score {
                let failed = skdFailedMarks(sc, marks: v.passMarks)
                f.append(.init("skd", "SKD", ["absent": false, "twk": JSON(sc.twk), "tiu": JSON(sc.tiu), "tkp": JSON(sc.tkp), "total": JSON(sc.total),
                                              "failed": .array(failed.map { .string($0.rawValue) }), "date": day(k.date)],
                               display: "TWK \(sc.twk), TIU \(sc.tiu), TKP \(sc.tkp) = \(sc.total), \(skdVerdict(failed))"))
            } else {
                f.append(.init("skd", "SKD", ["absent": true, "twk": nil, "tiu": nil, "tkp": nil, "total": nil, "failed": nil, "date": day(k.date)],
                               display: "absent"))
            }
        }
        if let score = interviewScore(p.interviews.map { $0.scores.map(\.score) }) {
            f.append(.init("interview", "interview", .number(score.rounded(toScale: 2).description)))
            f.append(.init("panels", "panel members", .array(p.interviews.map { .string($0.panel) })))
            // Each panel member's sheet: the rubric's items with their scores, the sheet's own
            // score, the note and the date (`application interviews` lays them out as a table).
            let sheets: [JSON] = p.interviews.map { i in
                ["panel": .string(i.panel), "date": day(i.date), "scores": .object(JSONObject(i.scores.map { ($0.item, JSON($0.score)) })),
                 "score": .number(interviewScore([i.scores.map(\.score)])!.rounded(toScale: 2).description), "note": text(i.note)]
            }
            let said: [Message] = p.interviews.map { i in
                let items = i.scores.map { "\($0.item) \($0.score)" }.joined(separator: ", ")
                let score = interviewScore([i.scores.map(\.score)])!.rounded(toScale: 2)
                return "\(i.panel) on \(i.date): \(items) = \(score)" + (i.note.map { " (\($0))" as Message } ?? "")
            }
            f.append(.init("sheets", "interview sheets", .array(sheets), display: .joined(said, separator: "; ")))
        }
        if let b = p.skb {
            // One key, absent or not: automation finds the SKB under `skb` either way.
            let value: JSON = ["absent": .bool(b.absent), "cat": b.cat.map { JSON($0) } ?? .null, "catMax": JSON(v.catMax),
                               "practical": decimal(b.practical), "certificate": decimal(b.certificate), "date": day(b.date)]
            if b.absent {
                f.append(.init("skb", "SKB", value, display: "absent"))
            } else {
                var parts: [Message] = []
                if let c = b.cat { parts.append("CAT \(c)/\(v.catMax)") }
                if let x = b.practical { parts.append("practical \(x)") }
                if let x = b.certificate { parts.append("certificate \(x)") }
                f.append(.init("skb", "SKB scores", value, display: .joined(parts, separator: ", ")))
            }
        }
        if v.state >= .final, let row = try? view.finalRanking().first(where: { $0.application.id == p.id }) {
            f.append(.init("final", "final", row.final.map { .number($0.rounded(toScale: 4).description) } ?? .null))
            f.append(.init("rank", "rank", row.rank.map { JSON($0) } ?? .null))
        }
        if let e = p.hired {
            f.append(.init("hired", "hired", ["employee": .string(e), "date": day(p.hiredOn)], display: "\(e) on \(p.hiredOn!)"))
        }
        return Output(.record(f))
    }

    // MARK: stages

    static func screen(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let idArg = args.positionals[0]
        let (p, v, _) = try activeApplication(inv, idArg)
        guard args.bool("pass") != args.bool("fail") else {
            throw inv.fail("give exactly one of --pass or --fail", hint: "screen \(p.id) --pass, or screen \(p.id) --fail --reason TEXT")
        }
        let pass = args.bool("pass")
        let reason = args.string("reason")?.trimmingBlanks()
        let day = try inv.decisionDay(v, .screening)
        var after = p
        if args.bool("objection") {
            guard let s = p.screening else {
                throw inv.fail("\(p.id) has no screening result to object to", at: idArg.range)
            }
            guard s.objection == nil else {
                throw inv.fail("\(p.id)'s objection was decided on \(s.objection!.date): there is one objection per result", at: idArg.range)
            }
            let last = s.date.adding(days: v.objectionDays)
            guard day <= last else {
                throw inv.fail("the objection window for \(p.id) closed on \(last) (\(v.objectionDays) days after the result of \(s.date)); today is \(day)",
                               at: idArg.range)
            }
            guard day >= s.date else {
                throw inv.fail("--date \(day) is before the result it objects to (\(s.date))", at: args.range("date"))
            }
            guard v.state == .screening else {
                throw inv.fail("cannot decide an objection: \(v.id) is in \(v.state.rawValue), not screening", at: idArg.range)
            }
            if !pass && (reason ?? "").isEmpty {
                throw inv.fail("an objection that fails needs --reason TEXT")
            }
            after.screening!.objection = Screening.Objection(pass: pass, reason: reason, date: day)
        } else {
            try requireStage(inv, v, .screening, doing: "screen \(p.id)", at: idArg.range)
            if p.screening != nil {
                throw inv.fail("\(p.id) was screened on \(p.screening!.date): a result changes only by objection",
                               at: idArg.range, hint: "screen \(p.id) --objection --pass|--fail --reason TEXT")
            }
            if !pass && (reason ?? "").isEmpty {
                throw inv.fail("a failed screening (TMS) needs --reason TEXT: applicants are told why", at: args.range("fail"))
            }
            after.screening = Screening(pass: pass, reason: reason, date: day, objection: nil)
        }
        let action: Message = args.bool("objection") ? "objection decided: \(pass ? "pass" : "fail")" : "screened: \(pass ? "MS" : "TMS")"
        if pass && after.participant == nil {
            // The number and the vacancy's count of them change together, in one change.
            var counted = v
            counted.participants += 1
            after.participant = Application.participantNumber(year: day.year, vacancy: splitId(v.id)?.1 ?? 0, sequence: counted.participants)
            try inv.commit(.batch([.put(after), .put(counted)]),
                           audit: [inv.audit(after.id, vacancy: v.id, action: action.english, before: p.json, after: after.json, on: day)])
        } else {
            try inv.put(after, before: p, vacancy: v.id, action: action.english, on: day)
        }
        if let n = after.participant, p.participant == nil {
            return .message("\(p.id): \(action), participant number \(n)", value: pass ? "pass" : "fail")
        }
        return .message("\(p.id): \(action)", value: pass ? "pass" : "fail")
    }

    /// A candidate withdraws: refused once hired, once the vacancy is closed, and twice. The
    /// day is never after today nor before the application.
    static func withdraw(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let (p, v, _) = try application(inv, idArg)
        if let w = p.withdrawal { throw inv.fail("\(p.id) was withdrawn already, on \(w.date)", at: idArg.range) }
        if let e = p.hired { throw inv.fail("\(p.id) was hired already, as \(e): a member of staff leaves with 'employee leave'", at: idArg.range) }
        guard v.state != .closed else { throw inv.fail("\(v.id) is closed: its applications no longer change", at: idArg.range) }
        let reason = try VacancyCommands.text(inv, "reason")
        let day = try inv.pastDay("date")
        guard day >= p.applied else { throw inv.fail("--date \(day) is before the application (\(p.applied))", at: inv.args.range("date")) }
        var after = p
        after.withdrawal = Application.Withdrawal(reason: reason, date: day)
        try inv.put(after, before: p, vacancy: v.id, action: "withdrawn: \(reason)", on: day)
        return .message("\(p.id) withdrawn on \(day)", value: p.id)
    }

    /// The participant number as a cell: text (a spreadsheet must keep it whole), or null
    /// before screening.
    static func participantCell(_ p: Application) -> JSON { p.participant.map { .string($0) } ?? .null }

    static func skd(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let idArg = args.positionals[0]
        let (p, v, _) = try activeApplication(inv, idArg)
        try requireStage(inv, v, .skd, doing: "record SKD for \(p.id)", at: idArg.range)
        guard p.screenedPass == true else { throw inv.fail("\(p.id) did not pass screening: it takes no SKD", at: idArg.range) }
        // A result is recorded once; changing it is a correction, said so: two operators
        // entering the same sheet cannot both think theirs stands.
        if let prior = p.skd, !args.bool("correct") {
            let what: Message = prior.score.map { "SKD \($0.total)" } ?? "absent"
            throw inv.fail("\(p.id) has its SKD result already (\(what), \(prior.date)): a recorded result changes only as a correction",
                           at: idArg.range, hint: "add --correct to replace it; the audit trail keeps both")
        }
        if p.skd == nil && args.bool("correct") {
            throw inv.fail("\(p.id) has no SKD result to correct", at: args.range("correct"), hint: "record it without --correct")
        }
        var after = p
        let date = try inv.decisionDay(v, .skd)
        if args.bool("absent") {
            guard !args.has("twk") && !args.has("tiu") && !args.has("tkp") else { throw inv.fail("--absent takes no scores") }
            after.skd = SKDResult(score: nil, date: date)
        } else {
            guard let twk = args.int("twk"), let tiu = args.int("tiu"), let tkp = args.int("tkp") else {
                let missing = ["twk", "tiu", "tkp"].filter { !args.has($0) }
                throw inv.fail("SKD needs all three scores: missing \(missing.map { "--\($0)" }.joined(separator: ", "))", hint: "or 'skd \(p.id) --absent'")
            }
            after.skd = SKDResult(score: SKDScore(twk: twk, tiu: tiu, tkp: tkp), date: date)
        }
        let action = p.skd == nil ? "SKD recorded" : "SKD corrected"
        try inv.put(after, before: p, vacancy: v.id, action: action, on: date)
        if let s = after.skd?.score {
            return .message("\(p.id): SKD \(s.total) (\(skdVerdict(skdFailedMarks(s, marks: v.passMarks))))", value: String(s.total))
        }
        return .message("\(p.id): absent at SKD")
    }

    static func skdRankCommand(_ inv: Invocation) throws -> Output {
        let vArg = inv.args.positionals[0]
        let v = try VacancyCommands.lookup(inv, vArg)
        guard v.state >= .skd else {
            throw inv.fail("\(v.id) is in \(v.state.rawValue): SKD comes after screening", at: vArg.range)
        }
        let state = try inv.state
        let ranked = try inv.context.round(v).skdRanking()
        var going = 0
        var prose = ProseCells()
        let rows: [[JSON]] = ranked.map { r in
            let p = state.application(r.id)!
            let a = state.applicant(p.applicant)!
            if r.outcome == .skb { going += 1 }
            return [r.rank.map { JSON($0) } ?? .null, .string(p.id), participantCell(p), .string(a.id), .string(a.name),
                    r.score.map { JSON($0.twk) } ?? .null, r.score.map { JSON($0.tiu) } ?? .null, r.score.map { JSON($0.tkp) } ?? .null,
                    r.score.map { JSON($0.total) } ?? .null, prose.cell(r.outcome.rawValue, shown: skdOutcomeName(r.outcome)),
                    .array(r.failed.map { .string($0.rawValue) })]
        }
        return Output(.table(columns: [.init("rank", "RANK", alignRight: true), .init("application", "APPLICATION"), .init("participant", "PARTICIPANT NO."),
                                       .init("applicant", "APPLICANT"), .init("name", "NAME"), .init("twk", "TWK", alignRight: true), .init("tiu", "TIU", alignRight: true),
                                       .init("tkp", "TKP", alignRight: true), .init("total", "TOTAL", alignRight: true),
                                       .init("status", "STATUS"), .init("failed", "BELOW MARK")], rows: rows), value: String(going))
            .withProse(prose, in: "status")
    }

    /// What an SKD result is against its vacancy's marks: "all marks passed", or "below the
    /// mark in total, TIU".
    static func skdVerdict(_ failed: [SKDMark]) -> Message {
        failed.isEmpty ? "all marks passed" : "below the mark in \(SKDMark.names(failed))"
    }

    /// What the SKD ranking decided, in words (the code is the JSON value).
    static func skdOutcomeName(_ o: SKDOutcome) -> Message {
        switch o {
        case .skb: return "goes on to SKB"
        case .outsideQuota: return "outside the SKB quota"
        case .failedMarks: return "below a pass mark"
        case .absent: return "absent"
        }
    }

    static func interview(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let idArg = args.positionals[0]
        let (p, v, _) = try activeApplication(inv, idArg)
        try requireStage(inv, v, .skb, doing: "interview \(p.id)", at: idArg.range)
        guard try inv.context.round(v).admittedToSKB().contains(p.id) else {
            throw inv.fail("\(p.id) did not go on to SKB", at: idArg.range)
        }
        var given: [String: (Int, SourceRange)] = [:]
        for item in Vacancy.defaultRubric { if let n = args.int(item) { given[item] = (n, args.range(item)) } }
        for a in args.flags["score"] ?? [] {
            let kv = a.text.split(separator: "=")
            guard kv.count == 2, let n = Int(kv[1]) ?? (isWholeNumberText(String(kv[1])) ? Int.max : nil) else { throw inv.fail("bad --score '\(a.text)': expected ITEM=N", at: a.range) }
            guard (1...5).contains(n) else { throw inv.fail("interview items are scored 1 to 5, not \(String(kv[1]))", at: a.range) }
            given[kv[0].trimmingBlanks().lowercased()] = (n, a.range)
        }
        if let extra = given.keys.first(where: { !v.rubric.contains($0) }) {
            throw inv.fail("'\(extra)' is not in \(v.id)'s interview rubric (\(v.rubric.joined(separator: ", ")))", at: given[extra]!.1,
                           hint: suggestion(for: extra, among: v.rubric).map { "did you mean '\($0)'?" })
        }
        let missing = v.rubric.filter { given[$0] == nil }
        guard missing.isEmpty else {
            throw inv.fail("the interview sheet needs every rubric item: missing \(missing.joined(separator: ", "))",
                           hint: missing.allSatisfy(Vacancy.defaultRubric.contains) ? "give --\(missing[0]) N" : "give --score \(missing[0])=N")
        }
        let panel = try VacancyCommands.text(inv, "panel")
        var after = p
        let date = try inv.decisionDay(v, .skb)
        let sheet = Interview(panel: panel, scores: v.rubric.map { (item: $0, score: given[$0]!.0) }, note: args.string("note"), date: date)
        if let k = after.interviews.firstIndex(where: { $0.panel == panel }) {
            after.interviews[k] = sheet
        } else {
            after.interviews.append(sheet)
        }
        try inv.commit(.put(after),
                       audit: [inv.audit(p.id, vacancy: v.id, action: "interviewed by \(panel)", before: p.json, after: after.json, on: date)])
        let score = interviewScore(after.interviews.map { $0.scores.map(\.score) })!
        let counts = v.skb.weight(.interview) != nil ? "" : " (it does not count in \(v.id)'s SKB scheme \(v.skb.text))"
        return .message("\(p.id): interview score \(score.rounded(toScale: 2)) from \(after.interviews.count) panel member\(after.interviews.count == 1 ? "" : "s")\(counts)",
                        value: score.rounded(toScale: 4).description)
    }

    static func skb(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let idArg = args.positionals[0]
        let (p, v, _) = try activeApplication(inv, idArg)
        try requireStage(inv, v, .skb, doing: "record SKB for \(p.id)", at: idArg.range)
        guard try inv.context.round(v).admittedToSKB().contains(p.id) else {
            throw inv.fail("\(p.id) did not go on to SKB", at: idArg.range)
        }
        var after = p
        let date = try inv.decisionDay(v, .skb)
        if args.bool("absent") {
            guard !args.has("cat") && !args.has("practical") && !args.has("certificate") else { throw inv.fail("--absent takes no scores") }
            after.skb = SKBResult(absent: true, cat: nil, practical: nil, certificate: nil, date: date)
        } else {
            var r = p.skb.flatMap { $0.absent ? nil : $0 } ?? SKBResult(absent: false, cat: nil, practical: nil, certificate: nil, date: date)
            r.date = date
            if let c = args.int("cat") {
                guard c <= v.catMax else { throw inv.fail("--cat must be from 0 to \(v.catMax) (\(v.id)'s CAT maximum), not \(c)", at: args.range("cat")) }
                r.cat = c
            }
            for flag in ["practical", "certificate"] {
                guard let d = args.decimal(flag) else { continue }
                guard Bounds.skbScore.contains(d), d.scale <= 2 else {
                    throw inv.fail("--\(flag) must be from 0 to 100 with at most 2 decimals, not \(args.string(flag)!)", at: args.range(flag))
                }
                guard v.skb.weight(SKBComponent(rawValue: flag)!) != nil else {
                    throw inv.fail("\(v.id)'s SKB scheme (\(v.skb.text)) has no \(flag) test", at: args.range(flag))
                }
                if flag == "practical" { r.practical = d } else { r.certificate = d }
            }
            guard args.has("cat") || args.has("practical") || args.has("certificate") else {
                throw inv.fail("give at least one score: --cat, --practical or --certificate, or --absent")
            }
            after.skb = r
        }
        try inv.commit(.put(after),
                       audit: [inv.audit(p.id, vacancy: v.id, action: p.skb == nil ? "SKB recorded" : "SKB corrected", before: p.json, after: after.json, on: date)])
        if after.skb!.absent { return .message("\(p.id): absent at SKB") }
        if case .success(let comps) = try inv.context.round(v).skbComponents(after), let total = skbScore(comps, scheme: v.skb) {
            return .message("\(p.id): SKB \(total.rounded(toScale: 4))", value: total.rounded(toScale: 4).description)
        }
        return .message("\(p.id): SKB scores recorded (not complete yet for \(v.skb.text))")
    }

    static func finalRankCommand(_ inv: Invocation) throws -> Output {
        let vArg = inv.args.positionals[0]
        let v = try VacancyCommands.lookup(inv, vArg)
        guard v.state >= .skb else {
            throw inv.fail("\(v.id) is in \(v.state.rawValue): the final ranking comes after SKB", at: vArg.range)
        }
        let rows = try VacancyCommands.at(vArg.range) { try inv.context.round(v).finalRanking() }
        let passed = rows.filter(\.passed).count
        var prose = ProseCells()
        let table: [[JSON]] = rows.map { r in
            [r.rank.map { JSON($0) } ?? .null, .string(r.application.id), participantCell(r.application), .string(r.applicant.id), .string(r.applicant.name),
             JSON(r.skd.total), .number(Rational(Int128(r.skd.total) * 100, 550).rounded(toScale: 4).description),
             r.skb.map { .number($0.rounded(toScale: 4).description) } ?? .null,
             r.final.map { .number($0.rounded(toScale: 4).description) } ?? .null,
             prose.cell(r.passed ? "passed" : "failed"), r.decidedBy.map { prose.cell($0, shown: tieBreakRule($0)) } ?? .null]
        }
        let out = Output(.table(columns: [.init("rank", "RANK", alignRight: true), .init("application", "APPLICATION"), .init("participant", "PARTICIPANT NO."),
                                          .init("applicant", "APPLICANT"), .init("name", "NAME"), .init("skd", "SKD", alignRight: true), .init("skdScaled", "SKD/550x100", alignRight: true),
                                          .init("skb", "SKB", alignRight: true), .init("final", "FINAL", alignRight: true),
                                          .init("status", "STATUS"), .init("decidedBy", "TIE-BREAK")], rows: table), value: String(passed))
        return out.withProse(prose, in: "status", "decidedBy")
    }

    /// A tie-break rule's name (`decidedBy`) as a message; the name itself is the JSON value.
    static func tieBreakRule(_ rule: String) -> Message {
        switch rule {
        case "final": return "final score"
        case "skd": return "SKD total"
        case "tkp": return "TKP score"
        case "tiu": return "TIU score"
        case "twk": return "TWK score"
        case "gpa": return "GPA or school average"
        case "age": return "age (older first)"
        case "id": return "registration order"
        default: return .verbatim(rule)
        }
    }

    static func hire(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let (p, own, a) = try activeApplication(inv, idArg)
        let state = try inv.state
        if let e = p.hired { throw inv.fail("\(p.id) was hired already, as \(e)", at: idArg.range) }
        let target: Vacancy
        if let to = p.optimizedTo {
            target = state.vacancy(to)!
        } else {
            guard own.state >= .final else {
                throw inv.fail("\(own.id) has no final results yet (it is in \(own.state.rawValue))", at: idArg.range)
            }
            let view = try inv.context.round(own)
            guard view.passedIds().contains(p.id) else {
                let ranked = (try? view.finalRanking())?.contains { $0.application.id == p.id } ?? false
                // A sentence for one seat and one for more: "the 1 seat is hired" read wrong.
                let why: Message = !ranked ? "did not reach the final ranking: \(stage(p, own, admitted: view.admittedToSKB(), passed: nil))"
                    : own.seats == 1 ? "did not pass \(own.id)'s final ranking: only the best-ranked is hired, for its 1 seat"
                    : "did not pass \(own.id)'s final ranking: only the \(own.seats) best-ranked are hired, one per seat"
                throw inv.fail("\(p.id) (\(a.name)) \(why)", at: idArg.range, hint: "see: final rank \(own.id)")
            }
            target = own
        }
        let date = try inv.args.day("date") ?? inv.today
        let probationEnds = Day(year: date.year + 1, month: date.month, day: min(date.day, Day.daysIn(month: date.month, year: date.year + 1)))
        let e = Employee(id: state.nextId("E"), nip: nil, name: a.name, unit: target.unit, position: target.title,
                         status: target.type == "pppk" ? "pppk" : "cpns", since: date,
                         probationEnds: target.type == "pppk" ? nil : probationEnds, applicant: a.id, application: p.id, born: a.born)
        var after = p
        after.hired = e.id
        after.hiredOn = date
        try inv.commit(.batch([.add(e), .put(after)]),
                            audit: [inv.audit(p.id, vacancy: own.id, action: "hired as \(e.id)", before: p.json, after: after.json),
                                    inv.audit(e.id, vacancy: target.id, action: "appointed \(e.status.uppercased()) in \(target.unit)", after: e.json)])
        return Output.created("employee", e.id).withMessage("\(a.name) hired as \(e.id): \(e.status.uppercased()), \(target.title), \(target.unit)"
            + (e.probationEnds.map { ", probation until \($0)" } ?? ""))
    }

    static func auditCommand(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var entries: [AuditEntry]
        if let vArg = inv.args.arg("vacancy") {
            let v = try VacancyCommands.lookup(inv, vArg)
            entries = state.auditEntries(ofVacancy: v.id)
        } else if let idArg = inv.args.positionals.first {
            let id = idArg.text.uppercased()
            guard splitId(id) != nil else { throw inv.fail("bad id '\(idArg.text)': expected a record id like P1 or V1", at: idArg.range) }
            entries = state.auditEntries(of: id)
            if entries.isEmpty && state.application(id) == nil && state.vacancy(id) == nil && state.applicant(id) == nil
                && state.jobfair(id) == nil && state.employee(id) == nil {
                throw inv.fail("no record '\(idArg.text)'", at: idArg.range)
            }
        } else {
            throw inv.fail("give a record id, or --vacancy V", hint: "audit P1, or audit --vacancy V1")
        }
        func show(_ v: JSON) -> JSON {
            // Personal data stays masked in the trail as everywhere else.
            if case .string(let s) = v { return .string(NIK.redact(s)) }
            if case .object = v { return .string(NIK.redact(v.serialized())) }
            return v
        }
        // The day of the decision when it was entered on another day (`--date`).
        func decided(_ e: AuditEntry) -> JSON { e.on.map { .string($0.description) } ?? .null }
        var rows: [[JSON]] = []
        for e in entries {
            if e.changes.isEmpty {
                rows.append([JSON(e.seq), .string(e.at.description), decided(e), .string(e.by), .string(e.entity), .string(e.action), .null, .null, .null])
            }
            for c in e.changes {
                rows.append([JSON(e.seq), .string(e.at.description), decided(e), .string(e.by), .string(e.entity), .string(e.action),
                             .string(c.field), show(c.before), show(c.after)])
            }
        }
        return Output(.table(columns: [.init("change", "#", alignRight: true), .init("date", "DATE"), .init("decided", "DECIDED"), .init("operator", "BY"),
                                       .init("entity", "RECORD"), .init("action", "ACTIVITY"), .init("field", "FIELD"),
                                       .init("before", "BEFORE"), .init("after", "AFTER")], rows: rows)).withStoredProse("action")
    }
}
