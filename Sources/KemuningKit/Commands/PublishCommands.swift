import KemuningCore
import KemuningDomain
import KemuningStore

/// `publish`: the public announcements of a selection round, one for each stage (the vacancy,
/// the screening result, the SKD result, the final result) and short texts for the channels.
/// Each stage is a pure function of the round to a `Publication`; the renderers of
/// `Publication` write it as Markdown, CSV, HTML or JSON.
enum PublishCommands {
    static let stages = ["announcement", "screening", "skd", "final"]
    static let channels = ["social", "portal", "handout"]
    /// The longest post for social media, in characters (X's limit, the shortest of the
    /// platforms the staff use).
    static let socialLimit = 280

    static let commands: [CommandSpec] = [
        CommandSpec("publish", family: "recruitment",
                    summary: "the public announcement of a stage (announcement, screening, skd, final), in Bahasa Indonesia unless --lang en; --to writes .md, .csv or .html",
                    positionals: [PositionalSpec("VACANCY", .id("V"), "the vacancy")],
                    flags: [.value("stage", .choice(stages), "which announcement: the vacancy, or the result of screening, SKD or the final ranking", required: true),
                            .value("to", .file, "write it to FILE: .md, .csv or .html (a printable A4 page); a social post to .txt"),
                            .value("lang", .choice(Lang.allCases.map(\.rawValue)), "the language of the publication", default: .verbatim("id")),
                            .value("channel", .choice(channels), "with --stage announcement: a social-media post (at most 280 characters), the full portal text, or a one-page job-fair handout")],
                    examples: ["publish V1 --stage final", "publish V1 --stage announcement --channel social --lang en", "publish V1 --stage skd --to hasil-skd-V1.html"],
                    exampleSetup: "final", run: publish),
    ]

    // MARK: the command

    static func publish(_ inv: Invocation) throws -> Output {
        let args = inv.args
        let vArg = args.positionals[0]
        let v = try VacancyCommands.lookup(inv, vArg)
        let stage = args.string("stage")!
        let lang = Lang(rawValue: args.string("lang") ?? "id") ?? .id
        let channel = args.string("channel")
        if channel != nil && stage != "announcement" {
            throw inv.fail("--channel is for --stage announcement only", at: args.range("channel"))
        }
        let state = try inv.state
        let pub: Publication
        do {
            switch stage {
            case "announcement":
                try reached(v, .announced, "\(v.id) is a draft: it has no announcement yet", hint: "announce it: vacancy announce \(v.id) --channel portal")
                let fairs = state.jobfairs.filter { $0.vacancies.contains(v.id) }
                switch channel {
                case "social": pub = socialPost(v, lang: lang)
                case "handout": pub = handout(v, fairs: fairs, lang: lang)
                default: pub = announcement(v, fairs: fairs, lang: lang)
                }
            case "screening":
                try reached(v, .screening, "\(v.id) is in \(v.state.rawValue): its screening has not started", hint: nil)
                let view = try inv.context.round(v)
                let unscreened = view.applications.filter { $0.screening == nil }.map(\.id)
                guard unscreened.isEmpty else {
                    throw inv.fail("\(v.id)'s screening is not complete: \(unscreened.count) without a result (\(unscreened.prefix(5).joined(separator: ", "))\(unscreened.count > 5 ? ", ..." : ""))",
                                   at: vArg.range, hint: "record each with: screen P --pass, or screen P --fail --reason TEXT")
                }
                pub = screening(v, view.applications.map { ($0, view.applicant(of: $0)) }, lang: lang)
            case "skd":
                try reached(v, .skb, "\(v.id) is in \(v.state.rawValue): its SKD ranking is fixed when it moves on to skb", hint: "see the ranking so far with: skd rank \(v.id)")
                let view = try inv.context.round(v)
                let byId = Dictionary(uniqueKeysWithValues: view.screenedIn.map { ($0.id, $0) })
                pub = skd(v, view.skdRanking().map { r in (r, byId[r.id]!, view.applicant(of: byId[r.id]!)) }, lang: lang)
            default:
                try reached(v, .final, "\(v.id) has no final results yet: it is in \(v.state.rawValue)", hint: nil)
                pub = final(v, try VacancyCommands.finalResults(inv.context, v), lang: lang)
            }
        } catch let e as KemuningError where e.range == nil {
            var e = e
            e.range = vArg.range
            throw e
        }
        let social = channel == "social"
        guard let file = args.arg("to") else {
            // On the screen, plain text and the table as tables show; the renderer ends the
            // message with its own line break. Files get Markdown, HTML or CSV (`--to`).
            let table = pub.hasTable ? Renderer(format: .table, lang: lang).render(pub.output) : ""
            var out = pub.output.withMessage(.verbatim(String((social ? pub.plainText() : pub.screenText(table: table)).dropLast())))
            out.jsonForm = pub.json
            out.value = String(pub.rows.count)
            return out
        }
        let text: String
        let name = file.text
        if social {
            guard name.hasSuffix(".txt") else { throw inv.fail("a social-media post is plain text: write it to a .txt file, not '\(name)'", at: file.range) }
            text = pub.plainText()
        } else if name.hasSuffix(".md") {
            text = pub.markdown()
        } else if name.hasSuffix(".html") {
            text = pub.html()
        } else if name.hasSuffix(".csv") {
            guard pub.hasTable else { throw inv.fail("the handout has no table for a .csv file: write it to .md or .html", at: file.range) }
            text = pub.csv(inv.context.settings.csvDialect)
        } else {
            throw inv.fail("publish writes .md, .csv or .html files, not '\(name)'", at: file.range)
        }
        let path = inv.context.path(name)
        try inv.context.checkStoreRead()
        do {
            try UserFiles.write(path, Array(text.utf8), displayName: name, mode: 0o644)
        } catch {
            throw inv.fail("cannot publish to '\(name)': \(error)", at: file.range)
        }
        return .message("published to '\(name)'", value: name)
    }

    /// Refuses a stage the vacancy has not reached.
    static func reached(_ v: Vacancy, _ stage: VacancyState, _ message: Message, hint: Message?) throws {
        guard v.state >= stage else { throw KemuningError.failed(message, hint: hint) }
    }

    // MARK: what each stage says (pure: values in, a publication out)

    /// The documents an applicant brings to registration and screening: Kemuning's own short
    /// list (docs/DOMAIN.md), the same for every vacancy.
    static let documents: [Message] = [
        "identity card (KTP-el)", "diploma (ijazah), legalised", "academic transcript (transkrip nilai)",
        "recent passport photo (pas foto)", "application letter (surat lamaran)",
    ]

    static func education(_ v: Vacancy) -> Message {
        v.education.isEmpty ? "any" : .verbatim(v.education.joined(separator: ", "))
    }

    static func skbScheme(_ v: Vacancy) -> Message {
        .joined(v.skb.weights.map { w in "\(skbComponentName(w.component)) \(w.weight)%" }, separator: ", ")
    }

    static func skbComponentName(_ c: SKBComponent) -> Message {
        switch c {
        case .cat: return "CAT test"
        case .practical: return "practical test"
        case .interview: return "interview"
        case .certificate: return "certificate"
        }
    }

    static func marks(_ v: Vacancy) -> Message { v.passMarks.words }

    /// " Its seats are reserved for people with disabilities." for a special category; nothing
    /// for a general vacancy.
    static func reserved(_ v: Vacancy) -> Message {
        v.category == .general ? "" : " Its seats are reserved for \(v.category.label)."
    }

    static func day(_ d: Day?) -> Message { d.map { .verbatim($0.description) } ?? "to be announced" }

    /// The stages and their dates, as far as they are known.
    static func schedule(_ v: Vacancy) -> [Message] {
        var items: [Message] = ["registration: \(day(v.opens)) to \(day(v.closes))"]
        items.append("administrative screening: \(day(v.stages[.screening]))")
        items.append("SKD (computer-based basic competence test): \(day(v.stages[.skd]))")
        items.append("SKB (field competence test): \(day(v.stages[.skb]))")
        items.append("final results: \(day(v.stages[.final]))")
        return items
    }

    static func title(_ kind: Message, _ v: Vacancy) -> Message { "\(kind): \(v.id) \(v.title) (\(v.unit))" }

    /// The full announcement (the portal's): the facts, the requirements, the schedule and the
    /// documents, and how the selection decides.
    static func announcement(_ v: Vacancy, fairs: [JobFair], lang: Lang) -> Publication {
        func t(_ m: Message) -> String { m.localized(lang) }
        let facts: [(label: Message, value: JSON)] = [
            ("position", .string(v.title)), ("work unit", .string(v.unit)), ("seats", JSON(v.seats)),
            ("type", .string(v.type.uppercased())), ("category", .string(t(v.category.label))), ("education", .string(t(education(v)))),
            ("registration opens", .string(t(day(v.opens)))), ("registration closes", .string(t(day(v.closes)))),
            ("channels", .string(v.channels.joined(separator: ", "))),
            ("SKD pass marks", .string(t(marks(v)))), ("SKB", .string(t(skbScheme(v)))),
            ("going on to SKB", .string(t("at most \(v.quotaFactor * v.seats), and all tied with the last of them"))),
        ]
        var sections = [
            Publication.Section(t("Requirements"), [t("education: \(education(v))"), t("one application per person in this selection round")]),
            Publication.Section(t("Schedule"), schedule(v).map(t)),
            Publication.Section(t("Documents to bring"), documents.map(t)),
        ]
        if !fairs.isEmpty {
            sections.append(.init(t("Job fairs"), fairs.map { t("\($0.name), \($0.date)") }))
        }
        return Publication(
            stage: "announcement", vacancy: v.id, lang: lang, title: t(title("Announcement of selection", v)),
            paragraphs: [t("\(v.unit) opens \(Message.count(v.seats, "seat", "seats")) for \(v.type.uppercased()) \(v.title).\(reserved(v)) Final score = 40% SKD (total / 550 x 100) + 60% SKB.")],
            sections: sections,
            columns: [.init("item", t("Item")), .init("value", t("Value"))],
            rows: facts.map { [.string(t($0.label)), $0.value] })
    }

    /// A one-page handout for a job fair: what, for whom, until when, what to bring.
    static func handout(_ v: Vacancy, fairs: [JobFair], lang: Lang) -> Publication {
        func t(_ m: Message) -> String { m.localized(lang) }
        return Publication(
            stage: "announcement", vacancy: v.id, lang: lang, title: t("\(v.type.uppercased()) \(v.title), \(v.unit)"),
            paragraphs: [t("\(Message.count(v.seats, "seat", "seats")).\(reserved(v)) Education: \(education(v)). Registration \(day(v.opens)) to \(day(v.closes)).")],
            sections: [
                .init(t("Documents to bring"), documents.map(t)),
                .init(t("Selection"), [t("administrative screening, then SKD (pass marks \(marks(v))), then SKB (\(skbScheme(v)))")]),
            ] + (fairs.isEmpty ? [] : [.init(t("Job fairs"), fairs.map { t("\($0.name), \($0.date)") })]))
    }

    /// A post for social media of at most `socialLimit` characters: the title is shortened
    /// (with "…") to fit, then the unit; the dates and the hashtags are never cut.
    static func socialPost(_ v: Vacancy, lang: Lang) -> Publication {
        let year = v.opens?.year ?? v.created.year
        let tags = ["#\(v.type.uppercased())\(year)", "#LowonganKerja", "#\(v.id)"].joined(separator: " ")
        func post(_ title: String, _ unit: String) -> String {
            let head: Message = "\(v.type.uppercased()) \(year): \(title), \(unit). \(Message.count(v.seats, "seat", "seats"))\(v.category == .general ? "" : " for \(v.category.label)" as Message), education \(education(v)). Registration \(day(v.opens)) to \(day(v.closes)) on the portal."
            return head.localized(lang) + " " + tags
        }
        func shortened(_ s: String, by n: Int) -> String { n <= 0 ? s : String(s.prefix(max(1, s.count - n - 1))) + "…" }
        var title = v.title, unit = v.unit
        var text = post(title, unit)
        if text.count > socialLimit {
            title = shortened(title, by: text.count - socialLimit)
            text = post(title, unit)
        }
        if text.count > socialLimit {
            unit = shortened(unit, by: text.count - socialLimit)
            text = post(title, unit)
        }
        return Publication(stage: "announcement", vacancy: v.id, lang: lang, title: post(title, unit), paragraphs: [text])
    }

    /// Every application with its screening result (after any objection), the reason for a TMS,
    /// and the last day an objection may be decided.
    static func screening(_ v: Vacancy, _ rows: [(Application, Applicant)], lang: Lang) -> Publication {
        func t(_ m: Message) -> String { m.localized(lang) }
        let table: [[JSON]] = rows.map { p, a in
            let s = p.screening!
            let pass = p.screenedPass == true
            var reason: String?
            if !pass { reason = s.objection.flatMap(\.reason) ?? s.reason }
            let objection: JSON = s.objection.map { o in
                .string(t(o.reason.map { "\(o.pass ? "MS" : "TMS") after objection on \(o.date): \($0)" } ?? "\(o.pass ? "MS" : "TMS") after objection on \(o.date)"))
            } ?? .null
            return [pass ? RecruitmentCommands.participantCell(p) : .null, .string(NIK.mask(a.nik)), .string(a.name), .string(pass ? "MS" : "TMS"),
                    reason.map { .string($0) } ?? .null, .string(s.date.description), objection, .string(s.date.adding(days: v.objectionDays).description)]
        }
        return Publication(
            stage: "screening", vacancy: v.id, lang: lang, title: t(title("Administrative screening results", v)),
            paragraphs: [t("MS: meets the requirements, and goes on to SKD with the participant number shown. TMS: does not meet them, for the reason shown."),
                         t("An objection (sanggahan) may be lodged within \(v.objectionDays) days of the result: up to and including the day in the last column.")],
            columns: [.init("participant", t("Participant no.")), .init("nik", "NIK"), .init("name", t("Name")), .init("result", t("Result")),
                      .init("reason", t("Reason")), .init("date", t("Date")), .init("objection", t("Objection")), .init("objectionUntil", t("Objection until"))],
            rows: table)
    }

    /// What the SKD ranking decided for one candidate, in words.
    static func skdStatus(_ r: SKDRanked) -> Message {
        switch r.outcome {
        case .failedMarks: return "below the pass mark in \(SKDMark.names(r.failed))"
        default: return RecruitmentCommands.skdOutcomeName(r.outcome)
        }
    }

    /// The SKD ranking: scores, pass marks, and who goes on to SKB.
    static func skd(_ v: Vacancy, _ rows: [(SKDRanked, Application, Applicant)], lang: Lang) -> Publication {
        func t(_ m: Message) -> String { m.localized(lang) }
        let table: [[JSON]] = rows.map { r, p, a in
            [r.rank.map { JSON($0) } ?? .null, RecruitmentCommands.participantCell(p), .string(NIK.mask(a.nik)), .string(a.name),
             r.score.map { JSON($0.twk) } ?? .null, r.score.map { JSON($0.tiu) } ?? .null, r.score.map { JSON($0.tkp) } ?? .null,
             r.score.map { JSON($0.total) } ?? .null, .string(t(skdStatus(r)))]
        }
        return Publication(
            stage: "skd", vacancy: v.id, lang: lang, title: t(title("SKD results", v)),
            paragraphs: [t("Pass marks: \(marks(v)). At most \(v.quotaFactor * v.seats) (\(v.quotaFactor) x \(Message.count(v.seats, "seat", "seats"))) who pass every mark go on to SKB, and all tied with the last of them.")],
            columns: [.init("rank", t("Rank"), alignRight: true), .init("participant", t("Participant no.")), .init("nik", "NIK"), .init("name", t("Name")),
                      .init("twk", "TWK", alignRight: true), .init("tiu", "TIU", alignRight: true), .init("tkp", "TKP", alignRight: true),
                      .init("total", t("Total"), alignRight: true), .init("status", t("Status"))],
            rows: table)
    }

    /// The final ranking with the rule that decided each place, and the optimalisasi moves.
    static func final(_ v: Vacancy, _ results: [VacancyCommands.FinalResult], lang: Lang) -> Publication {
        func t(_ m: Message) -> String { m.localized(lang) }
        func score(_ x: Rational?) -> JSON { x.map { .number($0.rounded(toScale: 2).description) } ?? .null }
        let table: [[JSON]] = results.map { r in
            [r.rank.map { JSON($0) } ?? .null, RecruitmentCommands.participantCell(r.application), .string(NIK.mask(r.applicant.nik)), .string(r.applicant.name),
             r.row.map { JSON($0.skd.total) } ?? .null, score(r.row?.skb), score(r.final), .string(t(r.result)),
             r.row?.decidedBy.map { .string(t(RecruitmentCommands.tieBreakRule($0))) } ?? .null]
        }
        var paragraphs = [t("Seats: \(v.seats). Final score = 40% SKD (total / 550 x 100) + 60% SKB (\(skbScheme(v))), rounded to 2 decimals."),
                          t("Places are decided by the final score, then the SKD total, TKP, TIU, TWK, GPA or school average, and age (older first); the last column names the rule that decided each place.")]
        if results.contains(where: { $0.application.optimizedTo != nil }) {
            paragraphs.append(t("Optimalisasi: an empty seat of a vacancy for the same position goes to the best remaining candidate who passed the SKD marks."))
        }
        return Publication(
            stage: "final", vacancy: v.id, lang: lang, title: t("Final results: \(v.id) \(v.title) (\(v.unit))"), paragraphs: paragraphs,
            columns: [.init("rank", t("Rank"), alignRight: true), .init("participant", t("Participant no.")), .init("nik", "NIK"), .init("name", t("Name")),
                      .init("skd", "SKD", alignRight: true), .init("skb", "SKB", alignRight: true), .init("final", t("Final"), alignRight: true),
                      .init("result", t("Result")), .init("decidedBy", t("Decided by"))],
            rows: table)
    }
}
