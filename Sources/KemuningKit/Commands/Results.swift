import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

extension VacancyCommands {
    /// The optimalisasi moves the state allows now (the rule is `optimalisasiPlan`), over the
    /// rounds of the vacancies with final results.
    static func plan(_ context: CommandContext) throws -> [OptimalisasiMove] {
        let state = try context.state()
        let rounds = try state.vacancies.filter { $0.state >= .final }.map { try context.round($0) }
        return optimalisasiPlan(rounds: rounds, applications: state.applications)
    }

    static func optimize(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let moves = try plan(inv.context)
        let rows: [[JSON]] = moves.map { m in
            let a = state.applicant(m.application.applicant)!
            return [.string(m.to.id), .string(m.to.unit), .string(m.application.id), .string(a.name), .string(m.from.id), .string(m.from.unit),
                    m.final.map { .number($0.rounded(toScale: 4).description) } ?? .null]
        }
        let out = Output(.table(columns: [.init("vacancy", "SEAT IN"), .init("unit", "UNIT"), .init("application", "APPLICATION"),
                                          .init("name", "NAME"), .init("from", "FROM"), .init("fromUnit", "FROM UNIT"),
                                          .init("final", "FINAL", alignRight: true)], rows: rows), value: String(moves.count))
        guard inv.args.bool("apply") else {
            if moves.isEmpty { return Output.message("no empty seats to fill", value: "0") }
            return out
        }
        guard !moves.isEmpty else { return .message("no empty seats to fill", value: "0") }
        var parts: [Change] = []
        var entries: [AuditEntry] = []
        for m in moves {
            var p = m.application
            let before = p.json
            p.optimizedTo = m.to.id
            p.optimizedOn = inv.today
            parts.append(.put(p))
            entries.append(inv.audit(p.id, vacancy: m.from.id, action: "moved to an empty seat of \(m.to.id) (optimalisasi)", before: before, after: p.json))
            entries.append(inv.audit(m.to.id, vacancy: m.to.id, action: "empty seat filled by \(p.id) from \(m.from.id) (optimalisasi)"))
        }
        try inv.commit(.batch(parts), audit: entries)
        inv.context.emit(.output(out))
        return .message("\(moves.count) seat\(moves.count == 1 ? "" : "s") filled", value: String(moves.count))
    }

    /// One line of a vacancy's final results: a row of its final ranking, or a candidate of
    /// another vacancy moved into one of its empty seats (optimalisasi, no rank or scores here).
    struct FinalResult {
        var rank: Int?
        var application: Application
        var applicant: Applicant
        var row: RoundView.FinalRow?
        var final: Rational? { row?.final }
        /// Passed, failed, absent, or moved by optimalisasi (to or from which vacancy).
        var result: Message
    }

    /// The final results of `v` (final or later), as `vacancy results` and `publish --stage
    /// final` announce them: the ranking, then those moved in from other vacancies.
    static func finalResults(_ context: CommandContext, _ v: Vacancy) throws -> [FinalResult] {
        let state = try context.state()
        var out = try context.round(v).finalRanking().map { r in
            let result: Message = r.passed ? "passed" : (r.application.optimizedTo.map { "passed (optimalisasi to \($0))" } ?? (r.application.withdrawal != nil ? "withdrew" : r.final == nil ? "failed (absent)" : "failed"))
            return FinalResult(rank: r.rank, application: r.application, applicant: r.applicant, row: r, result: result)
        }
        for p in state.applications where p.optimizedTo == v.id {
            out.append(FinalResult(rank: nil, application: p, applicant: state.applicant(p.applicant)!, row: nil, result: "passed (optimalisasi from \(p.vacancy))"))
        }
        return out
    }

    /// The public list: rank, masked NIK, name, final score and result.
    static func results(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let v = try lookup(inv, idArg)
        guard v.state >= .final else {
            throw inv.fail("\(v.id) has no final results yet: it is in \(v.state.rawValue)", at: idArg.range)
        }
        var prose = ProseCells()
        let table: [[JSON]] = try finalResults(inv.context, v).map { r in
            [r.rank.map { JSON($0) } ?? .null, RecruitmentCommands.participantCell(r.application), .string(NIK.mask(r.applicant.nik)), .string(r.applicant.name),
             r.final.map { .number($0.rounded(toScale: 2).description) } ?? .null, prose.cell(r.result)]
        }
        let out = Output(.table(columns: [.init("rank", "RANK", alignRight: true), .init("participant", "PARTICIPANT NO."), .init("nik", "NIK"), .init("name", "NAME"),
                                          .init("final", "FINAL", alignRight: true), .init("result", "RESULT")], rows: table)).withProse(prose, in: "result")
        let lang = inv.context.settings.lang
        func t(_ m: Message) -> String { m.localized(lang) }
        if let file = inv.args.arg("publish") {
            let text: String
            if file.text.hasSuffix(".md") {
                // The announcement is for the public: in the session's language, and every
                // value escaped, so that no name renders as HTML, a link or emphasis.
                var md = "# " + t("Final results: \(v.id) \(Markdown.escape(v.title)) (\(Markdown.escape(v.unit)))") + "\n\n"
                md += t("Seats: \(v.seats). Final score = 40% SKD (total / 550 x 100) + 60% SKB (\(PublishCommands.skbScheme(v))), rounded to 2 decimals.") + "\n\n"
                md += "| " + [t("Rank"), t("Participant no."), "NIK", t("Name"), t("Final"), t("Result")].joined(separator: " | ") + " |\n|---:|---|---|---|---:|---|\n"
                let renderer = Renderer(lang: lang)
                for r in table {
                    md += "| " + r.enumerated().map { k, v in Markdown.escape(renderer.cell(v, k == 5 ? out.prose["result"] ?? [:] : [:])) }.joined(separator: " | ") + " |\n"
                }
                text = md
            } else if file.text.hasSuffix(".csv") {
                let dialect = inv.context.settings.csvDialect
                text = dialect.start + Renderer(format: .csv, csvDialect: dialect).render(out)
            } else {
                throw inv.fail("--publish writes .csv or .md files, not '\(file.text)'", at: file.range)
            }
            let path = inv.context.path(file.text)
            try inv.context.checkStoreRead()
            do {
                try UserFiles.write(path, Array(text.utf8), displayName: file.text, mode: 0o644)
            } catch {
                throw inv.fail("cannot publish to '\(file.text)': \(error)", at: file.range)
            }
        }
        return out
    }
}
