import KemuningCore
import KemuningDomain
import KemuningStore
/// Satisfaction surveys (IKM), workload analysis (ABK), and the loop that turns what the public
/// says into recruitment, training, a service improvement, or the measuring of what is missing.
enum FeedbackCommands {
    static let groups: [String: Message] = [
        "survey": "satisfaction surveys (IKM): add, response, import, ikm, sample, compare, list, trend",
        "workload": "workload analysis (ABK): task, analyze, list, show",
        "action": "actions from findings: list, show, done, apply",
    ]

    static let commands: [CommandSpec] = [
        CommandSpec("survey add", family: "feedback", summary: "open a satisfaction survey of a unit for a period; returns its id (SV1, ...)",
                    flags: [.value("unit", .text, "the service unit", required: true), .value("period", .text, "the period, e.g. 2026-S1", required: true),
                            .value("population", .int(Bounds.population), "people served in the period, for the minimum sample")],
                    examples: ["survey add --unit Dukcapil --period 2026-S1 --population 1200", "let sv = survey add --unit Dukcapil --period 2026-S2 --population 1200"], mutates: true, run: surveyAdd),
        CommandSpec("survey response", family: "feedback", summary: "record one respondent's nine scores (1-4)",
                    positionals: [PositionalSpec("SURVEY", .id("SV"), "the survey")] + (1...9).map { PositionalSpec("S\($0)", .int(Bounds.surveyScore), .key(IKMElement(rawValue: $0)!.name)) },
                    examples: ["survey response SV1 3 3 2 4 3 3 3 2 3", "survey response SV2 4 4 3 4 3 3 4 3 4"], mutates: true, exampleSetup: "feedback", run: surveyResponse),
        CommandSpec("survey import", family: "feedback", summary: "add responses from a CSV file of nine columns (a header is optional); all or nothing",
                    positionals: [PositionalSpec("SURVEY", .id("SV"), "the survey"), PositionalSpec("FILE", .file, "the CSV file")],
                    examples: ["survey import SV1 responses.csv", "survey import SV2 responses.csv"], mutates: true, exampleSetup: "feedback", run: surveyImport),
        CommandSpec("survey ikm", family: "feedback", summary: "the IKM: NRR per element, IKM on 1-4, the converted score and grade; binds the score",
                    positionals: [PositionalSpec("SURVEY", .id("SV"), "the survey")],
                    examples: ["survey ikm SV1", "let score = survey ikm SV1"], exampleSetup: "feedback", run: surveyIKM),
        CommandSpec("survey sample", family: "feedback", summary: "the Krejcie-Morgan minimum number of respondents for a population",
                    flags: [.value("population", .int(Bounds.population), "people served", required: true)],
                    examples: ["survey sample --population 1200", "let n = survey sample --population 350"], run: surveySample),
        CommandSpec("survey compare", family: "feedback", summary: "the change per element and overall between two surveys",
                    positionals: [PositionalSpec("BEFORE", .id("SV"), "the earlier survey"), PositionalSpec("AFTER", .id("SV"), "the later survey")],
                    examples: ["survey compare SV1 SV2", "let change = survey compare SV1 SV2"], exampleSetup: "feedback", run: surveyCompare),
        CommandSpec("survey list", family: "feedback", summary: "list the surveys with their scores", examples: ["survey list", "set format json; survey list"], exampleSetup: "feedback", run: surveyList),
        CommandSpec("survey trend", family: "feedback", summary: "a unit's IKM over its surveys, as a sparkline on a terminal",
                    flags: [.value("unit", .text, "the unit", required: true)],
                    examples: ["survey trend --unit Dukcapil", "set format json; survey trend --unit Dukcapil"], exampleSetup: "feedback", run: surveyTrend),
        CommandSpec("workload task", family: "feedback", summary: "record a task of a position: its yearly volume and standard minutes",
                    flags: [.value("position", .text, "the position", required: true), .value("task", .text, "the task", required: true),
                            .value("volume", .int(Bounds.workloadVolume), "how many a year", required: true),
                            .value("minutes", .int(Bounds.workloadMinutes), "standard minutes for one", required: true)],
                    examples: ["workload task --position \"Pengadministrasi Kependudukan\" --task \"verifikasi berkas KTP\" --volume 9000 --minutes 15", "workload task --position \"Pengadministrasi Kependudukan\" --task \"perekaman data\" --volume 6000 --minutes 10"],
                    mutates: true, run: workloadTask),
        CommandSpec("workload analyze", family: "feedback", summary: "staff needed = sum of volume x minutes / effective minutes; binds the rounded figure",
                    positionals: [PositionalSpec("POSITION", .text, "the position")],
                    flags: [.value("staff", .int(Bounds.staff), "current staff", default: "the employees holding the position")],
                    examples: ["workload analyze \"Pengadministrasi Kependudukan\"", "let need = workload analyze \"Pengadministrasi Kependudukan\" --staff 4"], exampleSetup: "feedback", run: workloadAnalyze),
        CommandSpec("recommend", family: "feedback", summary: "turn findings (IKM grade D, late services, overdue complaints, forum advice) into actions",
                    flags: [.value("unit", .text, "only this unit")],
                    examples: ["recommend", "recommend --unit Dukcapil"], mutates: true, exampleSetup: "feedback", run: recommend),
        CommandSpec("action list", family: "feedback", summary: "list the actions",
                    flags: [.bool("open", "only open actions")], examples: ["action list", "action list --open"], exampleSetup: "feedback", run: actionList),
        CommandSpec("action done", family: "feedback", summary: "mark an action done",
                    positionals: [PositionalSpec("ID", .id("AC"), "the action")],
                    flags: [.value("outcome", .text, "what was done", required: true), .value("date", .date, "when it was done", default: "today")],
                    examples: ["action done AC1 --outcome \"afternoon counter opened\"", "action done AC2 --outcome \"workload recorded\" --date 2026-06-30"],
                    mutates: true, exampleSetup: "feedback", run: actionDone),
        CommandSpec("action apply", family: "feedback", summary: "create the draft vacancy or the training enrolments an action proposes",
                    positionals: [PositionalSpec("ID", .id("AC"), "the action")], examples: ["action apply AC1", "action apply AC2"], mutates: true, exampleSetup: "feedback", run: actionApply),
        CommandSpec("report cycle", family: "reports", summary: "the whole loop for a unit: IKM now and before, response times, actions, training, vacancies",
                    flags: [.value("unit", .text, "the unit", required: true)], examples: ["report cycle --unit Dukcapil", "set format json; report cycle --unit Dukcapil"], exampleSetup: "feedback", run: reportCycle),
    ]

    // MARK: surveys

    static func lookupSurvey(_ inv: Invocation, _ a: Arg) throws -> Survey {
        let state = try inv.state
        guard let s = try state.record(Survey.self, a.text.uppercased()) else {
            throw inv.fail("no survey '\(a.text)'", at: a.range,
                           hint: unknownIdHint(try state.records(Survey.self).map(\.id), a.text, kind: "survey"))
        }
        return s
    }

    static func sampleNote(_ s: Survey) -> Message? {
        guard let n = s.population else { return nil }
        let need = krejcieMorgan(population: n)
        guard s.responses.count < need else { return nil }
        return "warning: \(s.id) holds \(Message.count(s.responses.count, "response", "responses")); a population of \(n) needs at least \(need) (Krejcie-Morgan)"
    }

    static func surveyAdd(_ inv: Invocation) throws -> Output {
        let unit = try VacancyCommands.text(inv, "unit")
        let period = try VacancyCommands.text(inv, "period", max: 40)
        let state = try inv.state
        if try state.records(Survey.self).contains(where: { $0.unit == unit && $0.period == period }) {
            throw inv.fail("\(unit) already has a survey for \(period)", at: inv.args.range("period"))
        }
        let s = Survey(id: state.nextId(Survey.prefix), unit: unit, period: period, population: inv.args.int("population"), responses: [], created: inv.today)
        try inv.add(s, action: "survey opened for \(unit), \(period)")
        var out = Output.created("survey", s.id)
        if let note = sampleNote(s) { out.tableMessage = "survey \(s.id) added" + "\n" + note }
        return out
    }

    static func surveyResponse(_ inv: Invocation) throws -> Output {
        let before = try lookupSurvey(inv, inv.args.positionals[0])
        var s = before
        s.responses.append((1...9).map { inv.args.number(at: $0) })
        try inv.put(s, before: before, action: "response \(s.responses.count) recorded")
        var text: Message = "\(s.id): \(Message.count(s.responses.count, "response", "responses"))"
        if let note = sampleNote(s) { text += "\n" + note }
        return .message(text, value: String(s.responses.count))
    }

    /// Reads nine scores of 1-4 per row, with the one CSV reader of every import (`CSVReader`:
    /// quotes, CRLF or LF, a byte-order mark), splitting at any of `,` `;` and tab on each line,
    /// as before; a first row that is not numbers is a header. Every bad row is reported with its line; a file the reader
    /// cannot read at all is one problem, with its line and column.
    static func parseResponses(_ text: String) -> (rows: [[Int]], problems: [String]) {
        let csv: CSVReader
        do { csv = try CSVReader(Array(text.utf8), anySeparator: true) } catch let e as CSVReader.Failure {
            return ([], ["line \(e.line), column \(e.column): \(e.message.english)"])
        } catch {
            return ([], ["\(error)"])
        }
        var rows: [[Int]] = []
        var problems: [String] = []
        for (k, row) in csv.rows.enumerated() {
            let cells = row.cells.map { $0.text.trimmingBlanks() }
            if k == 0 && cells.contains(where: { Int($0) == nil }) { continue }  // a header
            guard cells.count == 9 else {
                problems.append("line \(row.line): \(cells.count) columns, expected 9")
                continue
            }
            var values: [Int] = []
            var bad: String?
            for (c, cell) in cells.enumerated() {
                guard let n = Int(cell), (1...4).contains(n) else {
                    bad = "line \(row.line), column \(c + 1): '\(cell)' is not a score from 1 to 4"
                    break
                }
                values.append(n)
            }
            if let bad { problems.append(bad) } else { rows.append(values) }
        }
        return (rows, problems)
    }

    static func surveyImport(_ inv: Invocation) throws -> Output {
        let before = try lookupSurvey(inv, inv.args.positionals[0])
        let fileArg = inv.args.positionals[1]
        let text = try ScriptFile.read(inv.context.path(fileArg.text),
                                       displayName: fileArg.text, at: fileArg.range, what: "file", limit: UserFiles.importLimit)
        let (rows, problems) = parseResponses(text)
        guard problems.isEmpty else {
            let shown = problems.prefix(10).joined(separator: "; ")
            throw inv.fail("\(fileArg.text) has \(problems.count) bad row\(problems.count == 1 ? "" : "s"), so none was taken: \(shown)\(problems.count > 10 ? "; ..." : "")",
                           at: fileArg.range)
        }
        guard !rows.isEmpty else { throw inv.fail("\(fileArg.text) holds no responses", at: fileArg.range) }
        var s = before
        s.responses += rows
        try inv.put(s, before: before, action: "\(rows.count) responses imported from \(fileArg.text)")
        var text2: Message = "\(s.id): \(rows.count) responses imported, \(s.responses.count) in all"
        if let note = sampleNote(s) { text2 += "\n" + note }
        return .message(text2, value: String(rows.count))
    }

    static func surveyIKM(_ inv: Invocation) throws -> Output {
        let s = try lookupSurvey(inv, inv.args.positionals[0])
        guard let r = ikm(s.responses) else {
            throw inv.fail("\(s.id) has no responses yet", at: inv.args.positionals[0].range, hint: "survey response \(s.id) S1 ... S9")
        }
        let elements = IKMElement.allCases
        var prose = ProseCells()
        let rows: [[JSON]] = elements.map { e in
            [JSON(e.rawValue), prose.cell(.key(e.name)), .number(r.nrr[e.rawValue - 1].rounded(toScale: 4).description),
             .number(r.elementScore(e).description), .string(r.elementGrade(e).letter)]
        }
        var out = Output(.table(columns: [.init("element", "#", alignRight: true), .init("name", "ELEMENT"), .init("nrr", "NRR", alignRight: true),
                                          .init("score", "SCORE", alignRight: true), .init("grade", "GRADE")], rows: rows),
                         value: r.score.description).withProse(prose, in: "name")
        var foot: Message = "\(s.id) \(s.unit) \(s.period): \(r.respondents) respondents, IKM \(r.ikm.rounded(toScale: 4)), score \(r.score), grade \(r.grade.letter) (\(Message.key(r.grade.label)))"
        if let note = sampleNote(s) { foot += "\n" + note }
        out.footnote = foot
        out.chart = Output.Chart(label: "name", value: "score")
        out.jsonForm = .object(JSONObject([
            ("survey", .string(s.id)), ("unit", .string(s.unit)), ("period", .string(s.period)),
            ("respondents", JSON(r.respondents)),
            ("elements", .array(elements.map { e in
                .object(JSONObject([("element", JSON(e.rawValue)), ("name", .string(e.name)),
                                    ("nrr", .number(r.nrr[e.rawValue - 1].rounded(toScale: 4).description)),
                                    ("score", .number(r.elementScore(e).description)), ("grade", .string(r.elementGrade(e).letter))]))
            })),
            ("ikm", .number(r.ikm.rounded(toScale: 4).description)), ("score", .number(r.score.description)),
            ("grade", .string(r.grade.letter)), ("label", .string(r.grade.label)),
        ]))
        return out
    }

    static func surveySample(_ inv: Invocation) throws -> Output {
        let n = inv.args.number("population")
        let s = krejcieMorgan(population: n)
        return Output(.record([.init("population", "population", JSON(n)), .init("sample", "minimum respondents", JSON(s))]), value: String(s))
    }

    static func surveyCompare(_ inv: Invocation) throws -> Output {
        let a = try lookupSurvey(inv, inv.args.positionals[0]), b = try lookupSurvey(inv, inv.args.positionals[1])
        guard let ra = ikm(a.responses) else { throw inv.fail("\(a.id) has no responses yet", at: inv.args.positionals[0].range) }
        guard let rb = ikm(b.responses) else { throw inv.fail("\(b.id) has no responses yet", at: inv.args.positionals[1].range) }
        func change(_ x: ExactDecimal, _ y: ExactDecimal) -> JSON {
            let d = ExactDecimal(units: y.units - x.units, scale: 2)
            return .number((d.units > 0 ? "+" : "") + d.description)
        }
        var prose = ProseCells()
        var rows: [[JSON]] = IKMElement.allCases.map { e in
            let x = ra.elementScore(e), y = rb.elementScore(e)
            return [.string(String(e.rawValue)), prose.cell(.key(e.name)), .number(x.description), .number(y.description), change(x, y),
                    .string("\(ra.elementGrade(e).letter) → \(rb.elementGrade(e).letter)")]
        }
        rows.append([.string("IKM"), prose.cell("overall"), .number(ra.score.description), .number(rb.score.description), change(ra.score, rb.score),
                     .string("\(ra.grade.letter) → \(rb.grade.letter)")])
        return Output(.table(columns: [.init("element", "#"), .init("name", "ELEMENT"), .init("before", "\(a.id)", alignRight: true),
                                       .init("after", "\(b.id)", alignRight: true), .init("change", "CHANGE", alignRight: true),
                                       .init("grade", "GRADE")], rows: rows),
                      value: ExactDecimal(units: rb.score.units - ra.score.units, scale: 2).description).withProse(prose, in: "name")
    }

    static func surveyList(_ inv: Invocation) throws -> Output {
        let rows: [[JSON]] = try inv.state.records(Survey.self).map { s in
            let r = ikm(s.responses)
            return [.string(s.id), .string(s.unit), .string(s.period), JSON(s.responses.count),
                    r.map { .number($0.score.description) } ?? .null, r.map { .string($0.grade.letter) } ?? .null]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("unit", "UNIT"), .init("period", "PERIOD"),
                                       .init("respondents", "RESPONDENTS", alignRight: true), .init("score", "SCORE", alignRight: true),
                                       .init("grade", "GRADE")], rows: rows))
    }

    static func surveyTrend(_ inv: Invocation) throws -> Output {
        let unit = try VacancyCommands.text(inv, "unit")
        let surveys = try inv.state.records(Survey.self).filter { $0.unit == unit && !$0.responses.isEmpty }
        guard !surveys.isEmpty else { throw inv.fail("\(unit) has no survey with responses", at: inv.args.range("unit")) }
        var previous: ExactDecimal?
        let rows: [[JSON]] = surveys.map { s in
            let r = ikm(s.responses)!
            defer { previous = r.score }
            let change: JSON = previous.map { p in
                let d = ExactDecimal(units: r.score.units - p.units, scale: 2)
                return .number((d.units > 0 ? "+" : "") + d.description)
            } ?? .null
            return [.string(s.id), .string(s.period), JSON(r.respondents), .number(r.score.description), change, .string(r.grade.letter)]
        }
        var out = Output(.table(columns: [.init("survey", "SURVEY"), .init("period", "PERIOD"), .init("respondents", "RESPONDENTS", alignRight: true),
                                          .init("score", "SCORE", alignRight: true), .init("change", "CHANGE", alignRight: true),
                                          .init("grade", "GRADE")], rows: rows), value: String(surveys.count))
        out.chart = Output.Chart(label: "survey", value: "score", sparkline: true)
        return out
    }

    // MARK: workload

    static func workloadTask(_ inv: Invocation) throws -> Output {
        let position = try VacancyCommands.text(inv, "position")
        let task = try VacancyCommands.text(inv, "task")
        let state = try inv.state
        let t = WorkloadTask(id: state.nextId(WorkloadTask.prefix), position: position, task: task,
                             volume: inv.args.number("volume"), minutes: inv.args.number("minutes"))
        try inv.add(t, action: "workload task of \(position): \(task)")
        return .created("workload task", t.id)
    }

    static func workloadAnalyze(_ inv: Invocation) throws -> Output {
        let pArg = inv.args.positionals[0]
        let state = try inv.state
        guard let w = try workload(state, employees: state.employees, position: pArg.text, staff: inv.args.int("staff")) else {
            let known = Set(try state.records(WorkloadTask.self).map(\.position)).sorted()
            throw inv.fail("no workload tasks recorded for '\(pArg.text)'", at: pArg.range,
                           hint: suggestion(for: pArg.text, among: known).map { "did you mean '\($0)'?" } ?? "record them with: workload task --position ...")
        }
        return Output(.record([
            .init("position", "position", .string(w.position)),
            .init("minutes", "minutes of work a year", .number(String(w.minutes))),
            .init("effectiveMinutes", "effective minutes per person", JSON(state.policyInt(.effectiveMinutes))),
            .init("staffNeeded", "staff needed", .number(w.needed.rounded(toScale: 3).description)),
            .init("rounded", "rounded (\(state.policy(.workloadRounding)))", JSON(w.rounded)),
            .init("current", "current staff", JSON(w.current)),
            .init("gap", "gap", JSON(w.gap)),
        ]), value: String(w.rounded))
    }

    // MARK: the loop

    /// A finding in words (the rule is `findings`): kept in English in the action record.
    static func findingWords(_ f: Finding) -> Message {
        switch f.kind {
        case .ikmElement(_, _, let e, _, _, _, _):
            return "IKM element \(e.rawValue) (\(Message.key(e.name))) is in grade D"
        case .lateService(let service, _, _, let share, _, _):
            return "\(service.id) \(service.name) finishes \((share * Rational(100)).rounded(toScale: 1))% of requests later than its standard"
        case .overdueComplaint(let complaint, let stage, _, _, _):
            return "complaint \(complaint.id) missed its \(ServiceCommands.stageName(stage)) deadline"
        case .forumAdvice(let forum, _, let recommend):
            return "forum \(forum.id) recommends: \(recommend)"
        }
    }

    /// The IKM elements of a group, as "3 (completion time), 6 (staff competence)".
    static func elementList(_ g: FindingGroup) -> Message {
        .joined(g.findings.compactMap { f -> Message? in
            guard case .ikmElement(_, _, let e, _, _, _, _) = f.kind else { return nil }
            // By number only: the finding is kept as written, and a list of names inside it
            // could not be shown in the session's language (the IKM table names them).
            return .verbatim("U\(e.rawValue)")
        }, separator: ", ")
    }

    /// A group of findings in words: one finding's own words, or what its findings share.
    static func findingWords(_ g: FindingGroup) -> Message {
        if let few = g.fewResponses, case .ikmElement(_, let period, _, _, _, _, _) = g.findings[0].kind {
            return "\(few.survey) \(period) has too few responses to act on; elements in grade D: \(elementList(g))"
        }
        guard g.findings.count > 1 else { return findingWords(g.findings[0]) }
        if case .ikmElement = g.findings[0].kind { return "IKM elements \(elementList(g)) are in grade D" }
        let notes = forumNotes(g)
        guard !notes.isEmpty else { return .joined(g.findings.map(findingWords), separator: "; ") }
        return .joined(notes.map { n in "forum \(n.forum.id) recommends: \(n.recommend.joined(separator: "; "))" }, separator: "; ")
    }

    /// What shows a finding, in words.
    static func evidenceWords(_ f: Finding) -> Message {
        switch f.kind {
        case .ikmElement(let survey, let period, _, let nrr, let score, let respondents, _):
            return "\(survey) \(period): NRR \(nrr.rounded(toScale: 4)), score \(score), \(Message.count(respondents, "respondent", "respondents"))"
        case .lateService(let service, let late, let count, _, let median, let threshold):
            return "\(late) of \(count) requests over \(service.standardDays) days; median \(median.map { $0.description } ?? "-") days; threshold \(threshold)%"
        case .overdueComplaint(let complaint, _, let deadline, let daysLate, let open):
            return "\(complaint.kind) received \(complaint.received), deadline \(deadline), \(Message.count(daysLate, "day", "days")) late\(open ? ", still open" : "")"
        case .forumAdvice(let forum, let issue, _):
            return "\(forum.topic), \(forum.date), \(forum.participants) participants; issue: \(issue)"
        }
    }

    /// What shows a group: how many responses and the score of each element, or each finding's
    /// evidence (the forum notes).
    static func evidenceWords(_ g: FindingGroup) -> Message {
        guard g.findings.count > 1 || g.fewResponses != nil else { return evidenceWords(g.findings[0]) }
        if case .ikmElement(let survey, let period, _, _, _, let respondents, _) = g.findings[0].kind {
            let scores: [Message] = g.findings.compactMap { f in
                guard case .ikmElement(_, _, let e, _, let score, _, _) = f.kind else { return nil }
                return "element \(e.rawValue) score \(score)"
            }
            return "\(survey) \(period), \(Message.count(respondents, "respondent", "respondents")): \(Message.joined(scores, separator: ", "))"
        }
        let notes = forumNotes(g)
        guard !notes.isEmpty else { return .joined(g.findings.map(evidenceWords), separator: "; ") }
        return .joined(notes.map { n in
            "\(n.forum.topic), \(n.forum.date), \(n.forum.participants) participants; issue: \(n.issues.joined(separator: ", "))"
        }, separator: "; ")
    }

    /// A group's forum notes by forum, in order: each forum once, with its issues and recommendations.
    static func forumNotes(_ g: FindingGroup) -> [(forum: Forum, issues: [String], recommend: [String])] {
        var out: [(forum: Forum, issues: [String], recommend: [String])] = []
        for f in g.findings {
            guard case .forumAdvice(let forum, let issue, let recommend) = f.kind else { continue }
            if let k = out.firstIndex(where: { $0.forum.id == forum.id }) {
                out[k].issues.append(issue)
                out[k].recommend.append(recommend)
            } else {
                out.append((forum, [issue], [recommend]))
            }
        }
        return out
    }

    /// Why a proposal was made (the rule is `proposal(for:)`), in words.
    static func reasonWords(_ p: Proposal) -> Message {
        switch p {
        case .recruit(let w):
            return "workload of \(w.position): \(w.needed.rounded(toScale: 3)) staff needed, \(w.current) in post, gap \(w.gap)"
        case .train(_, let checked, let unrecorded):
            if checked.isEmpty { return "training asked for by name" }
            if unrecorded.isEmpty { return "staff suffice by workload (\(checked.joined(separator: ", ")))" }
            return "staff suffice by workload (\(checked.joined(separator: ", "))); no workload recorded for \(unrecorded.joined(separator: ", "))"
        case .improve(let keywords, let unmatched):
            if keywords.isEmpty && unmatched == 0 { return "set by the unit, not by how its staff work: owned by the unit head" }
            let matched: Message? = keywords.isEmpty ? nil
                : "a service improvement (\(keywords.map { "'\($0)'" }.joined(separator: ", "))), owned by the unit head"
            let rest: Message? = unmatched == 0 ? nil : "\(unmatched) with no keyword matched: for the unit head to review"
            return .joined([matched, rest].compactMap { $0 }, separator: "; ")
        case .measureWorkload(let positions):
            return positions.isEmpty ? "no positions recorded for it"
                : "staffing unknown: no workload tasks recorded for \(positions.joined(separator: ", "))"
        case .measureResponses(_, let respondents, let needed):
            return "\(respondents) of the \(needed) responses needed (min-responses, or the Krejcie-Morgan sample when smaller)"
        }
    }

    /// What a proposal asks to be done, in words.
    static func proposalWords(_ p: Proposal) -> Message {
        switch p {
        case .recruit(let w): return "\(Message.count(w.gap, "seat", "seats")) of \(w.position)"
        case .train(let topic, _, _): return "\(topic) training"
        case .improve: return "service improvement by the unit head"
        case .measureWorkload(let positions):
            return positions.isEmpty ? "record the positions serving it, then their workload"
                : "record the workload (workload task --position \"\(positions[0])\" ...)"
        case .measureResponses(let survey, let respondents, let needed):
            return "collect \(Message.count(needed - respondents, "more response", "more responses")) for \(survey)"
        }
    }

    static func recommend(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let existing = try state.records(Action.self)
        // A finding behind an action is not proposed again, unless the action was to measure
        // what was missing and is done: then the new evidence decides.
        let known = Set(existing.filter { !($0.decision == .measure && $0.status == .done) }.flatMap { findingKeys($0.findingKey) })
        var next = state.counters[Action.prefix] ?? 0
        var created: [(Action, finding: Message, proposal: Message, evidence: Message)] = []
        let found = try findings(state, employees: state.employees, today: inv.today, unit: inv.args.string("unit"))
        for g in groupFindings(found, known: known) {
            let d = try proposal(for: g, state, employees: state.employees)
            next += 1
            // The record keeps the English (it is data); the table below shows the words in
            // the user's language.
            let finding = findingWords(g)
            let evidence = evidenceWords(g) + "; " + reasonWords(d)
            var a = Action(id: "\(Action.prefix)\(next)", unit: g.unit, findingKey: g.key, finding: finding.english, evidence: evidence.english,
                           decision: d.decision, position: nil, seats: nil, topic: nil, status: .open, created: inv.today, result: nil)
            switch d {
            case .recruit(let w): (a.position, a.seats) = (w.position, w.gap)
            case .train(let topic, _, _): a.topic = topic
            case .measureWorkload(let positions): a.position = positions.first
            case .improve, .measureResponses: break
            }
            // One sentence per decision, the finding inside it: the trail shows both in the
            // session's language (the English is what the store always kept).
            let proposed: String
            switch d {
            case .recruit(let w): proposed = "proposed: recruit \(w.position) for: \(a.finding)"
            case .train(let topic, _, _): proposed = "proposed: train (\(topic)) for: \(a.finding)"
            case .improve: proposed = "proposed: improve the service for: \(a.finding)"
            case .measureWorkload(let positions): proposed = "proposed: record the workload of \(positions.first ?? a.unit) for: \(a.finding)"
            case .measureResponses(let survey, _, _): proposed = "proposed: collect more responses for \(survey) for: \(a.finding)"
            }
            try inv.add(a, action: proposed)
            created.append((a, finding, proposalWords(d), evidence))
        }
        var prose = ProseCells()
        let rows: [[JSON]] = created.map { c in
            [.string(c.0.id), .string(c.0.unit), prose.cell(c.finding), prose.cell(c.0.decision.rawValue, shown: .key(c.0.decision.rawValue)),
             prose.cell(c.proposal), prose.cell(c.evidence)]
        }
        var out = Output(.table(columns: [.init("id", "ACTION"), .init("unit", "UNIT"), .init("finding", "FINDING"), .init("decision", "DECISION"),
                                          .init("proposal", "PROPOSAL"), .init("evidence", "EVIDENCE")], rows: rows), value: String(created.count)).withProse(prose, in: "finding", "decision", "proposal", "evidence")
        if created.isEmpty { out.tableMessage = "no new findings" }
        return out
    }

    static func actionRows(_ actions: [Action]) -> Output {
        var prose = ProseCells()
        let rows: [[JSON]] = actions.map { a in
            [.string(a.id), .string(a.unit), prose.cell(a.decision.rawValue, shown: .key(a.decision.rawValue)), a.position.map { .string($0) } ?? .null, a.seats.map { JSON($0) } ?? .null,
             a.topic.map { .string($0) } ?? .null, prose.cell(a.status.rawValue, shown: a.status == .applied ? "carried out" : .key(a.status.rawValue)),
             .string(a.finding), a.result.map { .string($0) } ?? .null, a.outcome.map { .string($0) } ?? .null]
        }
        return Output(.table(columns: [.init("id", "ACTION"), .init("unit", "UNIT"), .init("decision", "DECISION"), .init("position", "POSITION"),
                                       .init("seats", "SEATS", alignRight: true), .init("topic", "TOPIC"), .init("status", "STATUS"),
                                       .init("finding", "FINDING"), .init("result", "RESULT"), .init("outcome", "OUTCOME")], rows: rows))
            .withProse(prose, in: "decision", "status").withStoredProse("finding", "result")
    }

    static func actionList(_ inv: Invocation) throws -> Output {
        let all = try inv.state.records(Action.self)
        return actionRows(inv.args.bool("open") ? all.filter { $0.status != .done } : all)
    }

    static func lookupAction(_ inv: Invocation, _ a: Arg) throws -> Action {
        let state = try inv.state
        guard let x = try state.record(Action.self, a.text.uppercased()) else {
            throw inv.fail("no action '\(a.text)'", at: a.range, hint: unknownIdHint(try state.records(Action.self).map(\.id), a.text, kind: "action"))
        }
        return x
    }

    /// Marks an action done with what was done (required: `report cycle` shows it beside the
    /// figures) and the day, from which `report cycle` compares before and after.
    static func actionDone(_ inv: Invocation) throws -> Output {
        let before = try lookupAction(inv, inv.args.positionals[0])
        guard before.status != .done else { throw inv.fail("\(before.id) is done already", at: inv.args.positionals[0].range) }
        let outcome = try VacancyCommands.text(inv, "outcome")
        let date = try inv.pastDay("date")
        guard date >= before.created else {
            throw inv.fail("\(before.id) was proposed on \(before.created): it cannot be done on \(date)", at: inv.args.range("date"))
        }
        var a = before
        a.status = .done
        a.outcome = outcome
        a.doneOn = date
        try inv.put(a, before: before, action: "action done: \(outcome)")
        return .message("\(a.id) done on \(date): \(outcome)", value: a.id)
    }

    static func actionApply(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try lookupAction(inv, idArg)
        guard before.status == .open else { throw inv.fail("\(before.id) is \(before.status): only an open action is applied", at: idArg.range) }
        guard before.decision == .recruit || before.decision == .train else {
            throw inv.fail("\(before.id) proposes \(Message.key(before.decision.rawValue)): there is nothing for Kemuning to create", at: idArg.range,
                           hint: "do it, then record it: action done \(before.id) --outcome \"...\"")
        }
        let state = try inv.state
        var a = before
        if a.decision == .recruit {
            let v = Vacancy(id: state.nextId("V"), title: a.position!, unit: a.unit, seats: a.seats!, type: "cpns", education: [],
                            state: .draft, created: inv.today)
            try inv.add(v, vacancy: v.id, action: "opened in draft by \(a.id)")
            a.status = .applied
            a.result = "draft vacancy \(v.id)"
            try inv.put(a, before: before, action: "applied: draft vacancy \(v.id)")
            return .message("\(a.id): draft vacancy \(v.id) opened for \(v.seats) \(v.title) in \(v.unit); announce it when ready", value: v.id)
        }
        let topic = a.topic ?? "public-service"
        guard let training = try trainings(state, topic: topic).last else {
            throw inv.fail("there is no \(topic) training to enrol staff in", at: idArg.range,
                           hint: "add one: training add --title \"...\" --topic \(topic) --jp 8")
        }
        let staff = try staffToTrain(a, state, employees: state.employees)
        var enrolled: [String] = []
        for e in staff {
            if try enroll(inv, employee: e.id, training: training.id) { enrolled.append(e.id) }
        }
        a.status = .applied
        a.result = "\(enrolled.count) enrolled in \(training.id)"
        try inv.put(a, before: before, action: "applied: \(a.result!)")
        return .message("\(a.id): \(enrolled.isEmpty ? "no one new to enrol" : enrolled.joined(separator: ", ")) enrolled in \(training.id) \(training.title)",
                        value: String(enrolled.count))
    }

    /// Enrols an employee in a training unless already enrolled; returns whether it did.
    static func enroll(_ inv: Invocation, employee: String, training: String) throws -> Bool {
        let state = try inv.state
        if try state.records(Enrollment.self).contains(where: { $0.employee == employee && $0.training == training }) { return false }
        let e = Enrollment(id: state.nextId(Enrollment.prefix), employee: employee, training: training, enrolled: inv.today)
        try inv.add(e, action: "\(employee) enrolled in \(training)")
        return true
    }

    static func reportCycle(_ inv: Invocation) throws -> Output {
        let unit = try VacancyCommands.text(inv, "unit")
        let state = try inv.state
        let surveys = try state.records(Survey.self).filter { $0.unit == unit && !$0.responses.isEmpty }
        var f: [Output.Field] = [.init("unit", "unit", .string(unit))]
        if let last = surveys.last, let r = ikm(last.responses) {
            f.append(.prose("ikm", "IKM now", "\(last.id) \(last.period): \(r.score) (\(r.grade.letter) \(Message.key(r.grade.label)))"))
            if surveys.count > 1, let p = ikm(surveys[surveys.count - 2].responses) {
                let d = ExactDecimal(units: r.score.units - p.score.units, scale: 2)
                f.append(.prose("ikmBefore", "IKM before", "\(surveys[surveys.count - 2].id) \(surveys[surveys.count - 2].period): \(p.score) (\(p.grade.letter)); change \(d.units > 0 ? "+" : "")\(d)"))
            }
            let weak = IKMElement.allCases.filter { r.elementGrade($0).letter == "D" }.map(\.name)
            f.append(.proseList("weakElements", "elements in D", weak.map(Message.key)))
        } else {
            f.append(.init("ikm", "IKM now", .null))
        }
        for t in try serviceTimings(state, from: nil, to: nil) where t.service.unit == unit {
            let timing: Message = t.count == 0 ? "no finished requests (standard \(t.service.standardDays) days)"
                : "\(Message.count(t.count, "request", "requests")), median \(t.median!.description) days (standard \(t.service.standardDays)), \(t.lateShare.map { ($0 * Rational(100)).rounded(toScale: 1).description } ?? "0.0")% late"
            f.append(.prose("service:\(t.service.id)", .verbatim("\(t.service.id) \(t.service.name)"), timing))
        }
        let actions = try state.records(Action.self).filter { $0.unit == unit }
        // The findings and results are stored English sentences: shown through their templates.
        let openActions = actions.filter { $0.status == .open }, applied = actions.filter { $0.status == .applied }
        f.append(Output.Field("openActions", "open actions", .array(openActions.map { .string("\($0.id) \($0.decision): \($0.finding)") }),
                              display: .joined(openActions.map { "\($0.id) \(Message.key($0.decision.rawValue)): \(Message.stored($0.finding))" }, separator: ", ")))
        f.append(Output.Field("appliedActions", "applied actions", .array(applied.map { .string("\($0.id): \($0.result ?? "")") }),
                              display: .joined(applied.map { "\($0.id): \(Message.stored($0.result ?? ""))" }, separator: ", ")))
        // Whether each action carried out or done worked: the same measure before and after its day.
        var results: [JSON] = [], shown: [Message] = []
        for a in actions where a.status != .open {
            let c = try compareOutcome(a, state, employees: state.employees, today: inv.today)
            func figure(_ v: ExactDecimal?, _ survey: String?) -> Message {
                guard let v else { return "-" }
                if c.measure == .lateShare { return "\(v)%" }
                return survey.map { "\(v) (\($0))" } ?? "\(v)"
            }
            let done: Message = a.outcome.map { "done \(c.day): \(Message.stored($0))" } ?? "\(Message.key(a.status.rawValue)) \(c.day)"
            shown.append("\(a.id) \(Message.key(a.decision.rawValue)), \(done); \(Message.key(c.measure.rawValue)) \(figure(c.before, c.beforeSurvey)) -> \(figure(c.after, c.afterSurvey)): \(Message.key(c.verdict.rawValue))")
            results.append(.object(JSONObject([("action", .string(a.id)), ("decision", .string(a.decision.rawValue)), ("day", .string(c.day.description)),
                                               ("outcome", a.outcome.map { .string($0) } ?? .null), ("measure", .string(c.measure.rawValue)),
                                               ("before", c.before.map { .number($0.description) } ?? .null), ("beforeSurvey", c.beforeSurvey.map { .string($0) } ?? .null),
                                               ("after", c.after.map { .number($0.description) } ?? .null), ("afterSurvey", c.afterSurvey.map { .string($0) } ?? .null),
                                               ("verdict", .string(c.verdict.rawValue))])))
        }
        f.append(Output.Field("results", "did they work", .array(results), display: .joined(shown, separator: "; ")))
        let staff = state.employees.filter { $0.unit == unit && hasJPRight($0, year: inv.today.year) }
        let target = state.policyInt(.jpTarget)
        var below = 0
        var total = Rational.zero
        for e in staff {
            let jp = try developmentJP(state, employee: e.id, year: inv.today.year)
            total = total + jp
            if jp < Rational(target) { below += 1 }
        }
        f.append(.prose("training", "training JP \(inv.today.year)",
                        staff.isEmpty ? "no staff" : "\(staff.count) staff, mean \((total / Rational(staff.count)).rounded(toScale: 2)) JP, \(below) below \(target)"))
        let open = state.vacancies.filter { $0.unit == unit && $0.state < .closed }
        f.append(.proseList("vacancies", "open vacancies", open.map { "\($0.id) \($0.title), \(Message.count($0.seats, "seat", "seats")), \($0.state.rawValue)" }))
        return Output(.record(f))
    }
}
