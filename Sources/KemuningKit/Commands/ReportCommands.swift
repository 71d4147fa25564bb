import KemuningCore
import KemuningDomain
import KemuningStore
/// Reports people ask of a recruitment tool: the funnel, which channels bring hires, and where
/// applicants wait.
enum ReportCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("report funnel", family: "reports", summary: "how many applications reached each stage, and how many seats were filled",
                    positionals: [PositionalSpec("VACANCY", .id("V"), "only this vacancy (else every vacancy, or those of --category)", optional: true)],
                    flags: [VacancyCommands.categoryFilter],
                    examples: ["report funnel V1", "report funnel --category disability", "report funnel"], exampleSetup: "hired", run: funnel),
        CommandSpec("report sources", family: "reports", summary: "per channel and job fair: applications, passes, hires, conversion to hire",
                    positionals: [PositionalSpec("VACANCY", .id("V"), "only this vacancy", optional: true)],
                    flags: [VacancyCommands.categoryFilter],
                    examples: ["report sources", "report sources V1", "report sources --category disability"], exampleSetup: "hired", run: sources),
        CommandSpec("report time-to-hire", family: "reports", summary: "days from application to hire, and the time spent in each stage",
                    positionals: [PositionalSpec("VACANCY", .id("V"), "only this vacancy", optional: true)],
                    examples: ["report time-to-hire", "report time-to-hire V1"], exampleSetup: "hired", run: timeToHire),
    ]

    /// The vacancies a report covers: the one named, else those of `--category`, else all. A
    /// vacancy named with a `--category` it is not of is refused, not shown as empty.
    static func vacancies(_ inv: Invocation) throws -> [Vacancy] {
        let category = inv.args.string("category").flatMap(VacancyCategory.init(rawValue:))
        if let a = inv.args.positionals.first {
            let v = try VacancyCommands.lookup(inv, a)
            if let category, v.category != category {
                throw inv.fail("\(v.id) is a \(v.category.rawValue) vacancy, not \(category.rawValue)", at: inv.args.range("category"))
            }
            return [v]
        }
        return try inv.state.vacancies.filter { category == nil || $0.category == category }
    }

    static func percent(_ n: Int, of d: Int) -> JSON {
        d == 0 ? .null : .number(Rational(Int128(n) * 100, Int128(d)).rounded(toScale: 1).description)
    }

    static func funnel(_ inv: Invocation) throws -> Output {
        let vacancies = try vacancies(inv)
        var counts = [Int](repeating: 0, count: 8)
        // A seat is filled by a hire into it: a candidate moved by optimalisasi fills a seat of
        // the vacancy moved to, not of the one applied to.
        let state = try inv.state
        var hiresInto: [String: Int] = [:]
        for v in state.vacancies {
            for p in state.applications(ofVacancy: v.id) where p.hired != nil { hiresInto[p.optimizedTo ?? p.vacancy, default: 0] += 1 }
        }
        var seats = 0, filled = 0
        for v in vacancies {
            let view = try inv.context.round(v)
            let apps = view.applications
            let admitted = view.admittedToSKB()
            let passed = view.passedIds()
            let n = [apps.count, view.screenedIn.count, apps.filter { $0.skd?.score != nil }.count, apps.filter { $0.passedSKDMarks(v) }.count,
                     v.state >= .skd ? admitted.count : 0, apps.filter { $0.skb != nil && !$0.skb!.absent }.count,
                     apps.filter { passed.contains($0.id) || $0.optimizedTo != nil }.count, apps.filter { $0.hired != nil }.count]
            for k in counts.indices { counts[k] += n[k] }
            seats += v.seats
            filled += min(hiresInto[v.id] ?? 0, v.seats)
        }
        let applied = counts[0]
        let stages: [(String, Message, Int)] = zip([
            ("applied", "applied"), ("screened", "passed screening"), ("sat_skd", "sat the SKD"), ("passed_skd", "passed the SKD marks"),
            ("skb", "went on to SKB"), ("sat_skb", "sat the SKB"), ("passed", "passed (with optimalisasi)"), ("hired", "hired"),
        ] as [(String, Message)], counts).map { ($0.0, $0.1, $1) }
        var rows: [[JSON]] = []
        var previous: Int?
        var prose = ProseCells()
        for (key, label, n) in stages {
            rows.append([.string(key), prose.cell(label), JSON(n), percent(n, of: applied), previous.map { JSON($0 - n) } ?? .null])
            previous = n
        }
        var out = Output(.table(columns: [.init("stage", "STAGE"), .init("label", "MEANING"), .init("count", "COUNT", alignRight: true),
                                          .init("percent", "% OF APPLIED", alignRight: true), .init("dropped", "DROPPED", alignRight: true)], rows: rows),
                         value: String(stages.last!.2)).withProse(prose, in: "label")
        out.chart = Output.Chart(label: "label", value: "count")
        out.footnote = "\(Message.count(vacancies.count, "vacancy", "vacancies")): \(filled) of \(Message.count(seats, "seat", "seats")) filled by a hire."
        return out
    }

    static func sourceName(_ s: String?, _ state: State) -> String {
        guard let s else { return "(not recorded)" }
        if let j = state.jobfair(s) { return "\(j.id) \(j.name)" }
        return s
    }

    static func sources(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let vacancies = try vacancies(inv)
        struct Tally { var applications = 0, screened = 0, skdPassed = 0, hired = 0 }
        var tallies: [String: Tally] = [:]
        var order: [String] = []
        for v in vacancies {
            for p in state.applications(ofVacancy: v.id) {
                let key = sourceName(p.source, state)
                if tallies[key] == nil { order.append(key) }
                var t = tallies[key, default: Tally()]
                t.applications += 1
                if p.screenedPass == true { t.screened += 1 }
                if p.passedSKDMarks(v) { t.skdPassed += 1 }
                if p.hired != nil { t.hired += 1 }
                tallies[key] = t
            }
        }
        order.sort { a, b in
            let ta = tallies[a]!, tb = tallies[b]!
            return ta.hired != tb.hired ? ta.hired > tb.hired : (ta.applications != tb.applications ? ta.applications > tb.applications : a < b)
        }
        var prose = ProseCells()
        let rows: [[JSON]] = order.map { k in
            let t = tallies[k]!
            return [k == "(not recorded)" ? prose.cell("(not recorded)") : .string(k), JSON(t.applications), JSON(t.screened), JSON(t.skdPassed), JSON(t.hired), percent(t.hired, of: t.applications)]
        }
        return Output(.table(columns: [.init("source", "SOURCE"), .init("applications", "APPLICATIONS", alignRight: true),
                                       .init("screened", "PASSED SCREENING", alignRight: true), .init("skdPassed", "PASSED SKD", alignRight: true),
                                       .init("hired", "HIRED", alignRight: true), .init("conversion", "% TO HIRE", alignRight: true)], rows: rows)).withProse(prose, in: "source")
    }

    static func timeToHire(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        var vacancies = state.vacancies
        if let a = inv.args.positionals.first { vacancies = [try VacancyCommands.lookup(inv, a)] }
        var toHire: [Int] = [], registration: [Int] = [], toSKD: [Int] = [], toSKB: [Int] = [], toAppointment: [Int] = []
        for v in vacancies {
            for p in state.applications(ofVacancy: v.id) {
                if let h = p.hiredOn { toHire.append(p.applied.days(to: h)) }
                guard let s = p.screening else { continue }
                registration.append(p.applied.days(to: s.date))
                let screenedOn = s.objection?.date ?? s.date
                guard let k = p.skd else { continue }
                toSKD.append(screenedOn.days(to: k.date))
                guard let b = p.skb else { continue }
                toSKB.append(k.date.days(to: b.date))
                if let h = p.hiredOn { toAppointment.append(b.date.days(to: h)) }
            }
        }
        let measures: [(String, Message, [Int])] = [
            ("to_hire", "application → hire", toHire),
            ("registration", "application → screening result", registration),
            ("screening_to_skd", "screening result → SKD", toSKD),
            ("skd_to_skb", "SKD → SKB", toSKB),
            ("skb_to_hire", "SKB → appointment", toAppointment),
        ]
        var prose = ProseCells()
        let rows: [[JSON]] = measures.map { key, label, values in
            let sp = spread(values)
            return [.string(key), prose.cell(label), JSON(values.count), sp.map { .number($0.median.description) } ?? .null,
                    sp.map { .number($0.q1.description) } ?? .null, sp.map { .number($0.q3.description) } ?? .null,
                    values.min().map { JSON($0) } ?? .null, values.max().map { JSON($0) } ?? .null]
        }
        let longest = measures.dropFirst().compactMap { m -> (Message, ExactDecimal)? in spread(m.2).map { (m.1, $0.median) } }.max { $0.1 < $1.1 }
        var out = Output(.table(columns: [.init("measure", "MEASURE"), .init("label", "DAYS FROM"), .init("count", "COUNT", alignRight: true),
                                          .init("median", "MEDIAN", alignRight: true), .init("q1", "Q1", alignRight: true), .init("q3", "Q3", alignRight: true),
                                          .init("min", "MIN", alignRight: true), .init("max", "MAX", alignRight: true)], rows: rows),
                         value: spread(toHire).map { $0.median.description }).withProse(prose, in: "label")
        if let l = longest { out.footnote = "The longest wait (by median) is \(l.0): \(l.1) days." }
        return out
    }
}
