import KemuningCore
import KemuningDomain
import KemuningStore
/// Applicants: people who may apply, identified by their NIK.
enum ApplicantCommands {
    static let commands: [CommandSpec] = [
        CommandSpec("applicant add", family: "recruitment", summary: "register an applicant; returns their id (A1, A2, ...)",
                    flags: [
                        .value("nik", .nik, "the 16-digit national identity number (unique)", required: true),
                        .value("name", .text, "full name", required: true),
                        .value("born", .date, "date of birth", required: true),
                        .value("education", .text, "highest qualification: a level (S1, D3, ...) with an optional field"),
                        .value("gpa", .decimal, "IPK 0.00 to 4.00, or for SD, SMP, SMA and SMK the school average 0.00 to 100.00"),
                    ],
                    examples: ["applicant add --nik 3201234567890001 --name \"Sukmawati Rahayu\" --born 1996-04-12 --education S1 --gpa 3.62", "applicant add --nik 3201234567890003 --name \"Rina Marlina\" --born 2005-08-17 --education SMK --gpa 85.50", "let a = applicant add --nik 3201234567890002 --name \"Budi Santoso\" --born 1994-11-02"],
                    mutates: true, run: add),
        CommandSpec("applicant set", family: "recruitment", summary: "correct what was registered: NIK, name, date of birth, education, GPA (checked as applicant add checks them)",
                    positionals: [PositionalSpec("ID", .id("A"), "the applicant")],
                    flags: [
                        .value("nik", .nik, "the 16-digit national identity number (unique)"),
                        .value("name", .text, "full name"),
                        .value("born", .date, "date of birth"),
                        .value("education", .text, "highest qualification"),
                        .value("gpa", .decimal, "IPK 0.00 to 4.00, or for SD, SMP, SMA and SMK the school average 0.00 to 100.00"),
                    ],
                    examples: ["applicant set A2 --name \"Budi Santoso, S.IP\"", "applicant set A1 --gpa 3.65"], mutates: true, exampleSetup: "draft", run: set),
        CommandSpec("applicant list", family: "recruitment", summary: "list the applicants (NIKs masked)",
                    flags: [.bool("reveal", "show NIKs in full (personal data)")],
                    examples: ["applicant list", "set format json; applicant list"], exampleSetup: "draft", run: list),
        CommandSpec("applicant show", family: "recruitment", summary: "show one applicant (NIK masked)",
                    positionals: [PositionalSpec("ID", .id("A"), "the applicant")],
                    flags: [.bool("reveal", "show the NIK in full (personal data)")],
                    examples: ["applicant show A1", "applicant show A2"], exampleSetup: "draft", run: show),
    ]

    static func add(_ inv: Invocation) throws -> Output {
        let state = try inv.state
        let a = try checked(inv, over: nil, id: state.nextId("A"))
        try inv.commit(.add(a), audit: nil)
        return .created("applicant", a.id)
    }

    /// Corrects what was registered wrong: each field given is checked as `applicant add`
    /// checks it, and the GPA against the scale of the education it ends with.
    static func set(_ inv: Invocation) throws -> Output {
        let idArg = inv.args.positionals[0]
        let before = try inv.applicant(idArg)
        guard ["nik", "name", "born", "education", "gpa"].contains(where: inv.args.has) else {
            throw inv.fail("give what to correct: --nik, --name, --born, --education or --gpa", at: idArg.range)
        }
        let after = try checked(inv, over: before, id: before.id)
        guard after != before else { return .message("\(before.id): nothing changed", value: before.id) }
        try inv.put(after, before: before, action: "corrected")
        return .message("\(before.id) corrected", value: before.id)
    }

    /// The applicant the flags describe, over `base` (nil for a new one): the one set of checks
    /// of `applicant add` and `applicant set`.
    static func checked(_ inv: Invocation, over base: Applicant?, id: String) throws -> Applicant {
        let args = inv.args
        var nik = base?.nik ?? ""
        if let nikArg = args.arg("nik") {
            do { nik = try NIK.validate(nikArg.text) } catch var e as KemuningError {
                e.range = nikArg.range
                throw e
            }
            let state = try inv.state
            if let other = state.applicant(nik: nik), other.id != id {
                throw inv.fail("NIK \(NIK.mask(nik)) is already registered, as applicant \(other.id)", at: nikArg.range)
            }
        }
        let name = args.has("name") ? try VacancyCommands.text(inv, "name") : base?.name ?? ""
        var born = base?.born ?? inv.today
        if let b = try args.day("born") {
            guard b < inv.today else {
                throw inv.fail("--born \(b) is not before today (\(inv.today))", at: args.range("born"))
            }
            born = b
        }
        var education = base?.education
        if let e = args.arg("education") {
            do { education = try Education.validate(e.text) } catch var err as KemuningError {
                err.range = e.range
                throw err
            }
        }
        var gpa = base?.gpa
        if let g = args.decimal("gpa") { gpa = g }
        if let g = gpa, args.has("gpa") || args.has("education") {
            // The scale follows the education level: a school-leaver's school average (0-100)
            // or a graduate's IPK (0-4). A value that fits the other scale says so in a hint,
            // since that is the likely mistake (an SMK average given without --education).
            let scale = Education.gpaScale(of: education)
            guard scale.range.contains(g), g.scale <= 2 else {
                let text = args.string("gpa") ?? g.description
                let at = args.has("gpa") ? args.range("gpa") : args.range("education")
                let fitsSchool = g.scale <= 2 && Bounds.schoolAverage.contains(g)
                guard let education else {
                    throw inv.fail("--gpa must be from 0.00 to 4.00 with at most 2 decimals, not \(text)", at: at,
                                   hint: fitsSchool ? "a school average (0.00 to 100.00) needs --education SD, SMP, SMA or SMK" : nil)
                }
                let level = Education.level(of: education)
                switch scale {
                case .ipk:
                    throw inv.fail("--gpa for education \(level) is the IPK, from 0.00 to 4.00 with at most 2 decimals, not \(text)", at: at,
                                   hint: fitsSchool ? "only SD, SMP, SMA and SMK leavers are ranked on a school average (0.00 to 100.00)" : nil)
                case .schoolAverage:
                    throw inv.fail("--gpa for education \(level) is the school average (nilai rata-rata ijazah), from 0.00 to 100.00 with at most 2 decimals, not \(text)",
                                   at: at)
                }
            }
        }
        return Applicant(id: id, nik: nik, name: name, born: born, education: education, gpa: gpa, created: base?.created ?? inv.today)
    }

    static func list(_ inv: Invocation) throws -> Output {
        let reveal = inv.args.bool("reveal")
        let rows = try inv.state.applicants.map { a -> [JSON] in
            [.string(a.id), .string(reveal ? a.nik : NIK.mask(a.nik)), .string(a.name), .string(a.born.description),
             a.education.map { .string($0) } ?? .null, a.gpa.map { .number($0.description) } ?? .null]
        }
        return Output(.table(columns: [.init("id", "ID"), .init("nik", "NIK"), .init("name", "NAME"), .init("born", "BORN"),
                                       .init("education", "EDUCATION"), .init("gpa", "GPA", alignRight: true)], rows: rows))
    }

    static func show(_ inv: Invocation) throws -> Output {
        let a = try inv.applicant(inv.args.positionals[0])
        let reveal = inv.args.bool("reveal")
        return Output(.record([
            .init("id", "id", .string(a.id)), .init("nik", "NIK", .string(reveal ? a.nik : NIK.mask(a.nik))),
            .init("name", "name", .string(a.name)), .init("born", "born", .string(a.born.description)),
            .init("education", "education", a.education.map { .string($0) } ?? .null),
            .init("gpa", "GPA", a.gpa.map { .number($0.description) } ?? .null),
            .init("registered", "registered", .string(a.created.description)),
        ]))
    }
}
