import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// `import KIND FILE`: records that arrive in bulk, from the spreadsheets people have (the
/// national portal's registrations, the CAT system's scores, a panel's sheets, the personnel
/// list). One reader for every kind (`CSVReader`), one way of matching headers, and each row
/// run as the command that would add it by hand, through the same table: the same checks, the
/// same audit trail, the same undo. All or nothing: every bad row is reported, with its file,
/// line, column and header, and then nothing is kept.
enum ImportCommands {
    /// One thing a row can hold: the name `--map` uses, and the headers that mean it, in
    /// Indonesian and English, compared without case, spaces or punctuation (so written here
    /// as `tanggal_lahir` for "Tanggal Lahir", "TANGGAL LAHIR" or "Tgl. Lahir" ...).
    struct Field: Sendable {
        var name: String
        var headers: [String]
        var required: Bool = false
        var form: Form = .text
        enum Form: Sendable { case text, decimal, whole, date }
    }

    /// The words of one command a row becomes: `applicant add --nik ... --name ...`.
    struct Step {
        var command: String
        var words: [Arg]
    }

    /// A row's cells by field, converted (decimal commas, dd/mm/yyyy dates), each still
    /// pointing at where it was written.
    struct Row {
        var line: Int
        var cells: [String: Arg]
        subscript(_ field: String) -> Arg? { cells[field] }
        /// The words `--flag value` for a field that was given, none for one that was not.
        func flag(_ field: String, as flag: String? = nil) -> [Arg] {
            guard let a = cells[field] else { return [] }
            return [Arg("--" + (flag ?? field), range: a.range), a]
        }
        /// Where an error about the row as a whole points: its line, column 0, which no cell
        /// has (so the report names no column and no header).
        var start: SourceRange { SourceRange(line: line, column: 0, length: 1) }
    }

    /// One kind of import: its fields, and the commands a row becomes. `previous` is the value
    /// of the row's steps so far (the id `applicant add` gave).
    struct Kind: @unchecked Sendable {
        var name: String
        var summary: Message
        var fields: [Field]
        /// Flags of the command that give a value for every row (`--vacancy V1`).
        var defaults: [FlagSpec] = []
        var example: String
        var exampleSetup: String
        var steps: (Row, ImportRun) throws -> [Step]
    }

    static let whoFields: [Field] = [
        Field(name: "application", headers: ["id_lamaran", "application", "application_id", "lamaran"]),
        Field(name: "participant", headers: ["nomor_peserta", "no_peserta", "participant", "participant_number", "participant_no"]),
        Field(name: "nik", headers: ["nik", "no_ktp", "nomor_ktp", "nomor_induk_kependudukan"]),
    ]
    static let presentField = Field(name: "present", headers: ["kehadiran", "hadir", "present", "attendance"])
    static let dateField = Field(name: "date", headers: ["tanggal", "tanggal_tes", "date", "test_date"], form: .date)

    static let kinds: [Kind] = [
        Kind(name: "applicants", summary: "register applicants and their applications from a CSV file (one row each); all or nothing",
             fields: [
                Field(name: "nik", headers: ["nik", "no_ktp", "nomor_ktp", "nomor_induk_kependudukan"], required: true),
                Field(name: "name", headers: ["nama", "nama_lengkap", "name", "full_name"], required: true),
                Field(name: "born", headers: ["tanggal_lahir", "tgl_lahir", "born", "date_of_birth", "birth_date"], required: true, form: .date),
                Field(name: "education", headers: ["pendidikan", "pendidikan_terakhir", "education"]),
                Field(name: "gpa", headers: ["ipk", "nilai", "nilai_rata_rata", "gpa", "school_average"], form: .decimal),
                Field(name: "vacancy", headers: ["formasi", "kode_formasi", "vacancy", "position"]),
                Field(name: "source", headers: ["sumber", "sumber_informasi", "source", "channel"]),
                Field(name: "applied", headers: ["tanggal_daftar", "tgl_daftar", "tanggal_melamar", "applied", "date_applied"], form: .date),
             ],
             defaults: [.value("vacancy", .id("V"), "the vacancy of rows that name none")],
             example: "import applicants pelamar.csv", exampleSetup: "announced",
             steps: { row, run in
                 var add = row.flag("nik") + row.flag("name") + row.flag("born") + row.flag("education") + row.flag("gpa")
                 if add.isEmpty { add = [] }
                 let vacancy = try run.vacancy(row)
                 return [Step(command: "applicant add", words: add),
                         Step(command: "apply", words: [Arg("$applicant", range: row.start), vacancy] + row.flag("source") + row.flag("applied", as: "date"))]
             }),
        Kind(name: "screening", summary: "record screening results (MS/TMS with the reason) from a CSV file; all or nothing",
             fields: whoFields + [
                Field(name: "result", headers: ["hasil", "hasil_seleksi", "status", "result"], required: true),
                Field(name: "reason", headers: ["alasan", "keterangan", "reason"]),
             ],
             example: "import screening hasil-administrasi.csv", exampleSetup: "screening",
             steps: { row, run in
                 let id = try run.application(row)
                 guard let r = row["result"] else { throw KemuningError.failed("no result", at: row.start) }
                 let pass: Bool
                 switch ImportRun.key(r.text) {
                 case "ms", "memenuhisyarat", "pass", "lulus", "l", "y", "ya", "yes": pass = true
                 case "tms", "tidakmemenuhisyarat", "fail", "tidaklulus", "tl", "t", "tidak", "no": pass = false
                 default: throw KemuningError.failed("'\(r.text)' is not a screening result: write MS or TMS (pass or fail)", at: r.range)
                 }
                 return [Step(command: "screen", words: [id, Arg(pass ? "--pass" : "--fail", range: r.range)] + row.flag("reason"))]
             }),
        Kind(name: "skd", summary: "record SKD scores (TWK, TIU, TKP) from the CAT system's CSV file; all or nothing",
             fields: whoFields + [
                Field(name: "twk", headers: ["twk", "nilai_twk"], form: .whole),
                Field(name: "tiu", headers: ["tiu", "nilai_tiu"], form: .whole),
                Field(name: "tkp", headers: ["tkp", "nilai_tkp"], form: .whole),
                presentField, dateField,
             ],
             example: "import skd nilai-skd.csv", exampleSetup: "skd",
             steps: { row, run in
                 let id = try run.application(row)
                 let scores = try run.isAbsent(row) ? [Arg("--absent", range: row["present"]!.range)] : row.flag("twk") + row.flag("tiu") + row.flag("tkp")
                 return [Step(command: "skd", words: [id] + scores + row.flag("date"))]
             }),
        Kind(name: "skb", summary: "record SKB scores (CAT, practical, certificate) from a CSV file; all or nothing",
             fields: whoFields + [
                Field(name: "cat", headers: ["cat", "nilai_cat", "skb_cat"], form: .whole),
                Field(name: "practical", headers: ["praktik", "praktek", "nilai_praktik", "practical"], form: .decimal),
                Field(name: "certificate", headers: ["sertifikat", "nilai_sertifikat", "certificate"], form: .decimal),
                presentField, dateField,
             ],
             example: "import skb nilai-skb.csv", exampleSetup: "skb",
             steps: { row, run in
                 let id = try run.application(row)
                 let scores = try run.isAbsent(row) ? [Arg("--absent", range: row["present"]!.range)] : row.flag("cat") + row.flag("practical") + row.flag("certificate")
                 return [Step(command: "skb", words: [id] + scores + row.flag("date"))]
             }),
        Kind(name: "interviews", summary: "record interview sheets (one row per panel member and candidate, items 1-5) from a CSV file; all or nothing",
             fields: whoFields + [
                Field(name: "panel", headers: ["pewawancara", "panel", "penguji", "interviewer"], required: true),
                Field(name: "communication", headers: ["komunikasi", "communication"], form: .whole),
                Field(name: "motivation", headers: ["motivasi", "motivation"], form: .whole),
                Field(name: "integrity", headers: ["integritas", "integrity"], form: .whole),
                Field(name: "teamwork", headers: ["kerja_sama", "kerjasama", "teamwork"], form: .whole),
                Field(name: "problem-solving", headers: ["pemecahan_masalah", "problem_solving"], form: .whole),
                Field(name: "note", headers: ["catatan", "note", "comment"]),
                dateField,
             ],
             example: "import interviews wawancara.csv", exampleSetup: "skb",
             steps: { row, run in
                 let id = try run.application(row)
                 var words = [id] + row.flag("panel")
                 for item in Vacancy.defaultRubric { words += row.flag(item) }
                 return [Step(command: "interview", words: words + row.flag("note") + row.flag("date"))]
             }),
        Kind(name: "staff", summary: "add staff from the personnel list's CSV file (NIP, name, unit, position, since, status); all or nothing",
             fields: [
                Field(name: "nip", headers: ["nip", "nomor_induk_pegawai"], required: true),
                Field(name: "name", headers: ["nama", "nama_lengkap", "name"], required: true),
                Field(name: "unit", headers: ["unit_kerja", "unit", "satuan_kerja", "opd"], required: true),
                Field(name: "position", headers: ["jabatan", "position"], required: true),
                Field(name: "since", headers: ["tmt", "tanggal_pengangkatan", "since", "appointed"], required: true, form: .date),
                Field(name: "status", headers: ["status", "status_kepegawaian", "jenis_pegawai"], required: true),
             ],
             example: "import staff pegawai.csv", exampleSetup: "",
             steps: { row, _ in
                 let status = row["status"].map { Arg($0.text.lowercased().trimmingBlanks(), range: $0.range, quoted: true) }
                 var words = row.flag("nip") + row.flag("name") + row.flag("unit") + row.flag("position") + row.flag("since")
                 if let status { words += [Arg("--status", range: status.range), status] }
                 return [Step(command: "employee add", words: words)]
             }),
        Kind(name: "participants", summary: "enrol staff in a training from a CSV file (employee id or NIP per row); all or nothing",
             fields: [
                Field(name: "employee", headers: ["id_pegawai", "pegawai", "employee"]),
                Field(name: "nip", headers: ["nip"]),
                Field(name: "training", headers: ["pelatihan", "id_pelatihan", "training"]),
                Field(name: "date", headers: ["tanggal", "tanggal_daftar", "date"], form: .date),
             ],
             defaults: [.value("training", .id("T"), "the training of rows that name none")],
             example: "import participants peserta-pelatihan.csv --training T1", exampleSetup: "development",
             steps: { row, run in
                 [Step(command: "training enroll", words: [try run.employee(row), try run.given(row, "training", what: "training")] + row.flag("date"))]
             }),
        Kind(name: "requests", summary: "record service requests (received, and done if finished) from a CSV file; all or nothing",
             fields: [
                Field(name: "service", headers: ["layanan", "id_layanan", "service"]),
                Field(name: "received", headers: ["tanggal_masuk", "diterima", "received"], required: true, form: .date),
                Field(name: "done", headers: ["tanggal_selesai", "selesai", "done", "finished"], form: .date),
             ],
             defaults: [.value("service", .id("S"), "the service of rows that name none")],
             example: "import requests permohonan.csv --service S1", exampleSetup: "services",
             steps: { row, run in
                 [Step(command: "request add", words: [try run.given(row, "service", what: "service")] + row.flag("received") + row.flag("done"))]
             }),
        Kind(name: "holidays", summary: "record public holidays (Tanggal;Keterangan) from a CSV file; all or nothing",
             fields: [
                Field(name: "date", headers: ["tanggal", "tanggal_libur", "tgl", "date"], required: true, form: .date),
                Field(name: "name", headers: ["keterangan", "nama", "nama_libur", "hari_libur", "name", "description"], required: true),
             ],
             example: "import holidays hari-libur.csv", exampleSetup: "",
             steps: { row, _ in
                 [Step(command: "holiday add", words: [row["date"]!] + row.flag("name"))]
             }),
        Kind(name: "responses", summary: "add survey responses (nine scores U1-U9, 1-4) from a CSV file; all or nothing",
             fields: (1...9).map { Field(name: "u\($0)", headers: ["u\($0)", "unsur_\($0)", "s\($0)", "q\($0)"], required: true, form: .whole) },
             defaults: [.value("survey", .id("SV"), "the survey", required: true)],
             example: "import responses responses.csv --survey SV2", exampleSetup: "feedback",
             steps: { row, run in
                 [Step(command: "survey response", words: [run.inv.args.required("survey")] + (1...9).map { row["u\($0)"]! })]
             }),
    ]

    static let commands: [CommandSpec] = kinds.map { kind in
        CommandSpec(["import", kind.name].joined(separator: " "), family: "import", summary: kind.summary,
                    positionals: [PositionalSpec("FILE", .file, "a CSV file with a header row (UTF-8, `,` or `;`, decimal commas, dates as 2026-11-29 or 29/11/2026)")],
                    flags: kind.defaults + [
                        .value("map", .text, "HEADER=FIELD: read a column of another name as a field (\(kind.fields.map(\.name).joined(separator: ", ")))", repeatable: true),
                        .bool("check", "check every row and report, changing nothing"),
                    ],
                    examples: [kind.example, [kind.example, "--check"].joined(separator: " ")], mutates: true, exampleSetup: kind.exampleSetup,
                    run: { try importFile(kind, $0) })
    }


    static func importFile(_ kind: Kind, _ inv: Invocation) throws -> Output {
        let fileArg = inv.args.positionals[0]
        let name = fileArg.text
        let bytes = try UserFiles.read(inv.context.path(name), displayName: name, what: "file", limit: UserFiles.importLimit, at: fileArg.range)
        let csv: CSVReader
        do { csv = try CSVReader(bytes) } catch let e as CSVReader.Failure {
            throw inv.fail("\(name):\(e.line):\(e.column): \(e.message)", at: fileArg.range)
        }
        guard let header = csv.rows.first else { throw inv.fail("\(name) is empty: it needs a header row and a row per record", at: fileArg.range) }
        let columns = try matchHeaders(kind, header, file: name, inv: inv)
        let rows = csv.rows.dropFirst()
        guard !rows.isEmpty else { throw inv.fail("\(name) has a header row and no rows", at: fileArg.range) }
        let run = ImportRun(inv: inv, kind: kind, file: name, headers: header.cells.map(\.text))
        let check = inv.args.bool("check")
        let table = inv.context.table
        var problems: [Message] = []
        var problemCount = 0
        let start = Files.monotonicNanos()
        var showing = false
        let kept: Int = try inv.context.allOrNothing(keep: !check) {
            var done = 0
            for (k, csvRow) in rows.enumerated() {
                if k & 255 == 0, k > 0 {
                    if showing || Files.monotonicNanos() - start >= Progress.afterNanos {
                        showing = true
                        inv.context.emit(.progress(done: k, total: rows.count))
                    }
                }
                do {
                    let row = try run.row(csvRow, columns: columns)
                    var value: String?
                    for step in try kind.steps(row, run) {
                        let words = step.words.map { w -> Arg in
                            w.text == "$applicant" ? Arg(value ?? "", range: w.range, quoted: true) : w
                        }
                        guard let spec = table.command(step.command) else { preconditionFailure("import \(kind.name) runs '\(step.command)', which is not a command") }
                        value = try inv.context.run(spec, words, commandRange: row.start).value
                    }
                    done += 1
                } catch let e as KemuningError {
                    problemCount += 1
                    if problems.count < maxShown { problems.append(run.describe(e, row: csvRow, columns: columns)) }
                }
            }
            if showing { inv.context.emit(.progress(done: rows.count, total: rows.count)) }
            guard problemCount == 0 else {
                var text: Message = "\(name) has \(Message.count(problemCount, "bad row", "bad rows")), so nothing was imported:"
                for p in problems { text += "\n  " + p }
                if problemCount > problems.count { text += "\n  " + ("... and \(problemCount - problems.count) more" as Message) }
                throw inv.fail(text, at: fileArg.range)
            }
            return done
        }
        let ignored = run.ignored(columns)
        var text: Message = check ? "\(name): \(Message.count(kept, "row", "rows")) checked, all would be imported; nothing was changed"
                                  : "\(name): \(Message.count(kept, "row", "rows")) imported (\(kind.name))"
        if !ignored.isEmpty { text += "\n" + ("columns not read: \(ignored.joined(separator: ", "))" as Message) }
        return .message(text, value: String(kept))
    }

    /// The most bad rows an error lists; the rest are counted.
    static let maxShown = 100

    /// Which field each column holds: by header, or by `--map HEADER=FIELD`. Refuses a map to
    /// no field, a mapped header that is not in the file, a field in two columns, and a file
    /// without a required field, naming what was expected.
    static func matchHeaders(_ kind: Kind, _ header: CSVReader.Row, file: String, inv: Invocation) throws -> [Int: Field] {
        var mapped: [String: String] = [:]
        for m in inv.args.flags["map"] ?? [] {
            let parts = m.text.split(separator: "=", maxSplits: 1).map { String($0).trimmingBlanks() }
            guard parts.count == 2, !parts[0].isEmpty, let field = kind.fields.first(where: { $0.name == parts[1].lowercased() }) else {
                throw inv.fail("--map '\(m.text)' is not HEADER=FIELD with one of the fields \(kind.fields.map(\.name).joined(separator: ", "))", at: m.range)
            }
            guard header.cells.contains(where: { ImportRun.key($0.text) == ImportRun.key(parts[0]) }) else {
                throw inv.fail("--map '\(m.text)': \(file) has no column '\(parts[0])'", at: m.range,
                               hint: "its columns are \(header.cells.map { "'\($0.text)'" }.joined(separator: ", "))")
            }
            mapped[ImportRun.key(parts[0])] = field.name
        }
        var columns: [Int: Field] = [:]
        var seen: [String: Int] = [:]
        for (c, cell) in header.cells.enumerated() {
            let key = ImportRun.key(cell.text)
            let field = mapped[key].flatMap { n in kind.fields.first { $0.name == n } }
                ?? kind.fields.first { f in f.name == key || f.headers.contains { ImportRun.key($0) == key } }
            guard let field else { continue }
            if let other = seen[field.name] {
                throw inv.fail("\(file):\(cell.line):\(cell.column): columns '\(header.cells[other].text)' and '\(cell.text)' both hold \(field.name)", at: inv.args.positionals[0].range,
                               hint: "rename one, or read it as another field with --map")
            }
            seen[field.name] = c
            columns[c] = field
        }
        let missing = kind.fields.filter { $0.required && seen[$0.name] == nil }
        if !missing.isEmpty {
            let wanted = missing.map { f in "\(f.name) (\(f.headers.prefix(3).map { "'\(String($0.map { $0 == "_" ? " " : $0 }))'" }.joined(separator: ", ")))" }
            throw inv.fail("\(file) has no column for \(wanted.joined(separator: "; "))", at: inv.args.positionals[0].range,
                           hint: "name a column of another header with --map \"HEADER=\(missing[0].name)\"")
        }
        return columns
    }
}

/// What an import run knows beyond one row: the file, the headers, and the state's indexes to
/// find a row's application by participant number or NIK.
final class ImportRun {
    let inv: Invocation
    let kind: ImportCommands.Kind
    let file: String
    let headers: [String]

    init(inv: Invocation, kind: ImportCommands.Kind, file: String, headers: [String]) {
        self.inv = inv
        self.kind = kind
        self.file = file
        self.headers = headers
    }

    /// A header or word as compared: lower case, letters and digits only.
    static func key(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// The row's cells by field, converted to the form the commands read.
    func row(_ r: CSVReader.Row, columns: [Int: ImportCommands.Field]) throws -> ImportCommands.Row {
        var cells: [String: Arg] = [:]
        for (c, cell) in r.cells.enumerated() {
            guard let field = columns[c] else { continue }
            let text = cell.text.trimmingBlanks()
            if text.isEmpty { continue }
            let range = SourceRange(line: cell.line, column: cell.column, length: max(1, cell.text.utf8.count))
            // An identity number Excel took for a number and rounded (`3,20101E+15`): the
            // digits are lost, and only the sheet's owner can get them back.
            if ["nik", "nip", "participant"].contains(field.name), text.contains("E+") || text.contains("e+") {
                throw KemuningError.failed("'\(text)' is a number Excel rounded, not the \(field.name.uppercased()) it was: format the column as Text in the sheet and export it again", at: range)
            }
            cells[field.name] = Arg(try convert(text, field.form, range: range), range: range, quoted: true)
        }
        return ImportCommands.Row(line: r.line, cells: cells)
    }

    /// A decimal comma made a point (`3,62`), a date written `29/11/2026` made `2026-11-29`.
    func convert(_ text: String, _ form: ImportCommands.Field.Form, range: SourceRange) throws -> String {
        switch form {
        case .text, .whole: return text
        case .decimal:
            var commas = 0, points = 0
            for u in text.utf8 {
                if u == UInt8(ascii: ",") { commas += 1 } else if u == UInt8(ascii: ".") { points += 1 }
            }
            guard commas > 0 else { return text }
            guard commas == 1, points == 0 else {
                throw KemuningError.failed("'\(text)' is not a number: write one decimal mark, as 3,62 or 3.62, with no thousands separator", at: range)
            }
            return text.replacingAll(",", with: ".")
        case .date:
            guard text.utf8.contains(UInt8(ascii: "/")) else { return text }
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }), parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 else {
                throw KemuningError.failed("'\(text)' is not a date: write 29/11/2026 (day/month/year) or 2026-11-29", at: range)
            }
            func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
            return "\(parts[2])-\(two(parts[1]))-\(two(parts[0]))"
        }
    }

    /// A row's error as a line of the report: `FILE:LINE:COL (Header): message`.
    func describe(_ e: KemuningError, row: CSVReader.Row, columns: [Int: ImportCommands.Field]) -> Message {
        guard let r = e.range, r.column > 0 else { return "\(file):\(row.line): \(e.message)" }
        if let k = row.cells.firstIndex(where: { $0.line == r.line && $0.column == r.column }), k < headers.count {
            // A value read another way (`3,62`, `29/11/2026`) is quoted as the file has it too;
            // only a number or a date, never a NIK or a name, which messages mask or quote.
            let written = row.cells[k].text.trimmingBlanks()
            if let form = columns[k]?.form, form == .decimal || form == .date,
               (try? convert(written, form, range: r)) != written, !e.message.english.contains(written) {
                return "\(file):\(r.line):\(r.column) (\(headers[k])): \(e.message) (the cell reads '\(written)')"
            }
            return "\(file):\(r.line):\(r.column) (\(headers[k])): \(e.message)"
        }
        return "\(file):\(r.line):\(r.column): \(e.message)"
    }

    /// The headers no field took.
    func ignored(_ columns: [Int: ImportCommands.Field]) -> [String] {
        headers.enumerated().filter { columns[$0.offset] == nil }.map { $0.element.isEmpty ? "(column \($0.offset + 1))" : $0.element }
    }

    /// The row's vacancy: its id, or the title of one vacancy open to applications; or the
    /// `--vacancy` of the command.
    func vacancy(_ row: ImportCommands.Row) throws -> Arg {
        guard let cell = row["vacancy"] else {
            guard let d = inv.args.arg("vacancy") else {
                throw KemuningError.failed("no vacancy: give a column 'Formasi' (an id such as V1, or a title) or --vacancy V", at: row.start)
            }
            return Arg(d.text, range: row.start)
        }
        if splitId(cell.text.uppercased())?.0 == "V" { return cell }
        let key = ImportRun.key(cell.text)
        let found = try inv.state.vacancies.filter { $0.state == .announced && ImportRun.key($0.title) == key }
        guard found.count == 1 else {
            throw KemuningError.failed(found.isEmpty ? "no announced vacancy is titled '\(cell.text)'" : "\(found.count) announced vacancies are titled '\(cell.text)': write the id (\(found.map(\.id).joined(separator: ", ")))", at: cell.range)
        }
        return Arg(found[0].id, range: cell.range, quoted: true)
    }

    private var byParticipant: [String: String]?
    private var byNIK: [String: [String]]?

    /// The row's application: by its id, its participant number, or the applicant's NIK (their
    /// application in a vacancy not yet closed).
    func application(_ row: ImportCommands.Row) throws -> Arg {
        if let a = row["application"] { return a }
        let state = try inv.state
        if let n = row["participant"] {
            if byParticipant == nil {
                byParticipant = [:]
                for p in state.applications { if let k = p.participant { byParticipant![k] = p.id } }
            }
            guard let id = byParticipant![n.text] else { throw KemuningError.failed("no application has participant number '\(n.text)'", at: n.range) }
            return Arg(id, range: n.range, quoted: true)
        }
        if let n = row["nik"] {
            guard let a = state.applicant(nik: n.text) else {
                throw KemuningError.failed("no applicant has NIK \(NIK.mask(n.text))", at: n.range)
            }
            let open = state.applications(ofApplicant: a.id).filter { p in state.vacancy(p.vacancy).map { $0.state != .closed } ?? false }
            guard open.count == 1 else {
                throw KemuningError.failed(open.isEmpty ? "applicant \(a.id) (NIK \(NIK.mask(n.text))) has no application in a round under way" : "applicant \(a.id) has \(open.count) applications under way: give the participant number", at: n.range)
            }
            return Arg(open[0].id, range: n.range, quoted: true)
        }
        throw KemuningError.failed("no application: give a column 'Nomor Peserta', 'NIK' or 'ID Lamaran'", at: row.start)
    }

    /// Whether a row says its candidate was absent (`Kehadiran: Tidak Hadir`).
    func isAbsent(_ row: ImportCommands.Row) throws -> Bool {
        guard let p = row["present"] else { return false }
        switch ImportRun.key(p.text) {
        case "hadir", "ya", "y", "yes", "present", "1", "true": return false
        case "tidakhadir", "th", "tidak", "t", "no", "absent", "0", "false": return true
        default: throw KemuningError.failed("'\(p.text)' is neither hadir nor tidak hadir (present or absent)", at: p.range)
        }
    }

    /// The row's employee: its id, or the one with its NIP.
    func employee(_ row: ImportCommands.Row) throws -> Arg {
        if let e = row["employee"] { return e }
        if let n = row["nip"] {
            guard let e = try inv.state.employees.first(where: { $0.nip == n.text }) else {
                throw KemuningError.failed("no employee has NIP \(n.text)", at: n.range)
            }
            return Arg(e.id, range: n.range, quoted: true)
        }
        throw KemuningError.failed("no employee: give a column 'NIP' or 'ID Pegawai'", at: row.start)
    }

    /// A field given in the row, or by the command's flag of the same name.
    func given(_ row: ImportCommands.Row, _ field: String, what: String) throws -> Arg {
        if let a = row[field] { return a }
        if let d = inv.args.arg(field) { return Arg(d.text, range: row.start) }
        throw KemuningError.failed("no \(what): give a column for it or --\(field)", at: row.start)
    }
}
