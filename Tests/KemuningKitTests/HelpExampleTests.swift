#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// Every example that `help COMMAND` shows comes from the command table, and every one of them
// must run: each is run here on a fresh session, after the fixture its command names
// (`CommandSpec.exampleSetup`).

/// The lines of a script before the first line that starts with `marker`.
private func prefix(_ text: String, before marker: String) -> String {
    var out: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix(marker) { return out.joined(separator: "\n") + "\n" }
        out.append(line)
    }
    preconditionFailure("marker '\(marker)' not found")
}

private let roundPath = repoRoot + "/scripts/examples/recruitment-round.kmn"
private let feedbackPath = repoRoot + "/scripts/examples/feedback-loop.kmn"
private let round = readText(roundPath)

private let staffAndTraining = """
    employee add --nip 198503122010011003 --name "Rina Marlina" --unit Disdukcapil --position "Analis Kependudukan" --since 2010-01-04 --status pns
    employee add --nip 199408172026011001 --name "Agus Salim" --unit Disdukcapil --position "Pengadministrasi Kependudukan" --since 2026-01-05 --status cpns
    employee add --nip 199902142026012001 --name "Dewi Lestari" --unit Disdukcapil --position "Pengadministrasi Kependudukan" --since 2026-01-05 --status cpns
    training add --title "Pelayanan Prima" --topic public-service --jp 16
    training enroll E2 T1 --date 2026-05-04
    mentor assign --mentor E1 --mentee E2 --from 2026-02-05
    mentor session M1 --date 2026-02-12 --minutes 90 --topic "SOP perekaman KTP-el"

    """

/// The fixtures, by name: script text and the script file it stands for (so relative paths resolve).
private let fixtures: [String: (text: String, path: String?)] = [
    "": ("", nil),
    "draft": ("""
        vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2 --education S1
        applicant add --nik 3201010101900001 --name "Sukmawati Rahayu" --born 1996-04-12 --education "S1 Administrasi Publik" --gpa 3.62
        applicant add --nik 3201010101900002 --name "Budi Santoso" --born 1994-11-02 --education "S1 Ilmu Pemerintahan" --gpa 3.40
        vacancy add --title "Pranata Komputer" --unit Diskominfo --seats 1 --type pppk --education S1
        jobfair add --name "Bursa Kerja Kemuning" --date 2026-12-05 --institution "Universitas Kemuning"

        """, nil),
    "announced": (prefix(round, before: "apply A1 ") + "set today 2026-11-10\n", roundPath),
    "registered": (prefix(round, before: "# --- Administrative screening") + "set today 2026-11-16\n", roundPath),
    "screening": (prefix(round, before: "# --- Administrative screening") + """
        set today 2026-11-16
        vacancy advance V1
        vacancy advance V2
        screen P3 --fail --reason "ijazah belum dilegalisir"

        """, roundPath),
    "skd": (prefix(round, before: "set today 2026-11-25"), roundPath),
    "skd-scored": (prefix(round, before: "# P2 and P1 tie"), roundPath),
    "skb": (prefix(round, before: "# --- SKB") + "set today 2026-12-03\n", roundPath),
    "final": (prefix(round, before: "# --- Hiring") + "set today 2026-12-10\n", roundPath),
    "hired": (round, roundPath),
    "development": (staffAndTraining, nil),
    // A year on: E2's probation is over and Latsar passed, so E2 may be appointed PNS.
    "staff": (staffAndTraining + """
        training add --title "Latsar CPNS Golongan II" --topic latsar --jp 40
        training enroll E2 T2 --date 2026-07-06
        training complete E2 T2 --passed --score 82 --date 2026-08-28
        set today 2027-01-11

        """, nil),
    "appraised": (staffAndTraining + "skp E1 --period 2025 --result meets --behaviour above\n", nil),
    "services": ("""
        service add --name "KTP elektronik" --unit Disdukcapil --standard-days 14 --position "Pengadministrasi Kependudukan"
        request add S1 --received 2026-11-16
        complaint add --service S1 --channel lapor --kind complaint --received 2026-11-02
        forum add --date 2026-11-20 --topic "Pelayanan KTP" --participants 35

        """, nil),
    "holidays": ("""
        holiday add 2026-12-24 --name "Cuti bersama Natal"
        holiday add 2026-12-25 --name "Hari Raya Natal"

        """, nil),
    "feedback": (prefix(readText(feedbackPath), before: "action list") + """
        survey add --unit Dukcapil --period 2026-S2 --population 1200
        survey response SV2 3 3 3 4 3 3 3 3 3

        """, feedbackPath),
    "recording": ("record start demo.kmn\nvacancy add --title \"Analis Kebijakan\" --unit Bappeda --seats 2\n", nil),
    "store": ("""
        vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2 --education S1
        snapshot save before-skd

        """, nil),
]

/// The files that examples read, written to the folder they run in.
private let exampleFiles: [String: String] = [
    "setup.kmn": "let unit = Bappeda\nvacancy add --title \"Analis Kebijakan\" --unit $unit --seats 2 --education S1\n",
    "round.kmn": "vacancy list\n",
    "responses.csv": "U1,U2,U3,U4,U5,U6,U7,U8,U9\n3,3,2,3,3,2,3,3,2\n4,3,3,3,4,3,3,3,3\n",
    // The spreadsheets of `import`, as their sources write them: Indonesian Excel (`;`,
    // decimal commas, dd/mm/yyyy, CRLF, a byte-order mark) and plain CSV.
    "pelamar.csv": "\u{FEFF}NIK;Nama;Tanggal Lahir;Pendidikan;IPK;Formasi;Sumber;Tanggal Daftar\r\n"
        + "3201010101900021;Siti Aminah;12/04/1996;S1 Administrasi Publik;3,62;V1;portal;05/11/2026\r\n"
        + "3201010101900022;\"Bambang Wijaya, S.E.\";02/11/1994;S1 Ekonomi;3,40;V2;social;06/11/2026\r\n",
    "hasil-administrasi.csv": "ID Lamaran,Hasil,Alasan\nP1,MS,\nP2,TMS,ijazah belum dilegalisir\n",
    "nilai-skd.csv": "Nomor Peserta;TWK;TIU;TKP;Kehadiran\r\n20260010001;100;120;180;Hadir\r\n20260010005;;;;Tidak Hadir\r\n",
    "nilai-skb.csv": "NIK,CAT,Praktik,Kehadiran\n3201010101900001,400,\"78,5\",hadir\n3201010101900008,,,tidak hadir\n",
    "wawancara.csv": "Nomor Peserta,Pewawancara,Komunikasi,Motivasi,Integritas,Kerja Sama,Pemecahan Masalah,Catatan\n20260020002,Dra. Wulan,4,5,3,4,4,siap melayani\n",
    "pegawai.csv": "NIP;Nama;Unit Kerja;Jabatan;TMT;Status\r\n198503122010011003;Rina Marlina;Disdukcapil;Analis Kependudukan;04/01/2010;PNS\r\n",
    "peserta-pelatihan.csv": "NIP,Tanggal\n198503122010011003,2026-11-02\n199902142026012001,02/11/2026\n",
    "hari-libur.csv": "Tanggal;Keterangan\r\n25/12/2026;Hari Raya Natal\r\n01/01/2027;Tahun Baru 2027 Masehi\r\n",
    "permohonan.csv": "Tanggal Masuk;Tanggal Selesai\r\n16/11/2026;25/11/2026\r\n17/11/2026;\r\n",
]

/// A session in memory on the examples' date, with every event it emits kept in a log.
private func loggedSession() -> (Session, EventLog) {
    let session = Session(backend: MemoryStore())
    let log = EventLog()
    session.emit = { log.events.append($0) }
    session.settings.today = Day(year: 2026, month: 11, day: 29)
    return (session, log)
}

private final class EventLog {
    var events: [Event] = []
    var errors: [String] { events.compactMap { if case .diagnostic(let d) = $0 { return d.render(color: false) } else { return nil } } }
}

/// Removes a folder and everything in it (an example may make a store: `store copy - a`).
private func removeTree(_ dir: String) {
    for e in folderEntries(dir) {
        if e.isFolder { removeTree(dir + "/" + e.name) } else { unlink(dir + "/" + e.name) }
    }
    rmdir(dir)
}

/// How an example ended: nil when it ran, else the errors it reported.
private func runExample(_ command: String, _ example: String, setup: String, lang: Lang = .en) -> String? {
    guard let fixture = fixtures[setup] else { return "no fixture named '\(setup)'" }
    let dir = makeTemporaryFolder("help")
    var written: [String] = []
    for (name, text) in exampleFiles {
        let f = fopen(dir + "/" + name, "w")!
        fputs(text, f)
        fclose(f)
        written.append(name)
    }
    defer {
        // Whatever the example wrote (a recording, a published result) goes too.
        removeTree(dir)
    }

    let (session, log) = loggedSession()
    defer {
        // Everything the example showed, shown the way a user in `lang` sees it (as a table,
        // as a chart, as JSON, with its errors), so that the catalog's gaps are noted.
        if lang != .en { _ = renderAll(log.events, lang: lang) }
    }
    do {
        try session.run(text: fixture.text, source: Source(name: "fixture-\(setup).kmn", path: fixture.path ?? dir + "/fixture.kmn"))
    } catch {
        return "fixture '\(setup)' failed: \(error) \(log.errors)"
    }
    if !log.errors.isEmpty { return "fixture '\(setup)' failed: \(log.errors)" }
    do {
        try session.run(text: example, source: Source(name: "example.kmn", path: dir + "/example.kmn"))
        if session.recorder != nil { _ = try session.stopRecording() }
    } catch is QuitRequest {
        return nil
    } catch {
        return "\(error) \(log.errors)"
    }
    return log.errors.isEmpty ? nil : log.errors.joined(separator: "\n")
}

private struct Case: CustomTestStringConvertible, Sendable {
    var command: String
    var example: String
    var setup: String
    var testDescription: String { "\(command): \(example)" }
}

private let cases: [Case] = CommandTable.standard.commands.flatMap { c in
    c.examples.map { Case(command: c.name, example: $0, setup: c.exampleSetup) }
}

/// Every event rendered in `lang` in each way a user can see it.
func renderAll(_ events: [Event], lang: Lang) -> String {
    var text = ""
    for e in events {
        switch e {
        case .output(let o):
            for r in [Renderer(format: .table, lang: lang), Renderer(format: .table, terminalWidth: 100, lang: lang), Renderer(format: .json, lang: lang)] {
                text += r.render(o)
            }
        case .diagnostic(let d): text += d.render(color: false, lang: lang) + d.json(lang).serialized()
        case .warning(let w): text += w.localized(lang)
        default: break
        }
    }
    return text
}

@Suite(.serialized) struct IndonesianTests {
    /// Runs every help page, every example of every command and every setting's help in
    /// Indonesian, and requires that each message met on the way has a translation and that
    /// no English catalog text was passed along as plain data.
    @Test func everyHelpPageAndExampleSpeaksIndonesian() {
        Catalog.startRecording()
        let table = CommandTable.standard
        for c in table.commands {
            _ = Builtins.describe(c, .id)
            _ = c.summary.localized(.id)
        }
        for c in cases { _ = runExample(c.command, c.example, setup: c.setup, lang: .id) }
        for (name, _) in table.groups.sorted(by: { $0.key < $1.key }) {
            _ = runExample("help", "help \(name)", setup: "", lang: .id)
        }
        for s in Settings.table { _ = s.help.localized(.id) }
        // The transcripts and the demo workflows: whole workflows, and most of the errors.
        let transcripts = repoRoot + "/Tests/TranscriptTests/transcripts"
        let scripts = [transcripts, repoRoot + "/scripts/examples"].flatMap { dir in
            folderEntries(dir).filter { $0.name.hasSuffix(".kmn") }.map { dir + "/" + $0.name }
        }
        #expect(scripts.count > 20)
        for path in scripts.sorted() {
            let (session, log) = loggedSession()
            session.settings.keepGoing = true
            session.settings.lang = .id
            try? session.run(text: readText(path), source: Source(name: path, path: path))
            if session.recorder != nil { _ = try? session.stopRecording() }
            _ = renderAll(log.events, lang: .id)
        }
        let (missing, english) = Catalog.stopRecording()
        #expect(missing.sorted() == [], "messages with no Indonesian")
        // Words of the language (commands, flags, settings, states) are English in every
        // language; anything else that reads as a catalog entry should have been a message.
        var code = Set(table.commands.flatMap { $0.path + $0.flags.map(\.name) + $0.positionals.map(\.name) })
        code.formUnion(VacancyState.allCases.map(\.rawValue))
        for c in table.commands {
            for kind in c.flags.map(\.kind) + c.positionals.map(\.kind) {
                if case .choice(let values) = kind { code.formUnion(values) }
            }
        }
        code.formUnion(Settings.table.map(\.name))
        let leaks = english.filter { !code.contains($0.text) }.map(\.description).sorted()
        #expect(leaks == [], "English catalog texts passed as data, not as messages")
    }
}

@Suite struct HelpExampleTests {
    @Test(arguments: cases)
    fileprivate func exampleRuns(_ c: Case) {
        let failure = runExample(c.command, c.example, setup: c.setup)
        #expect(failure == nil, "\(c.command) [\(c.setup)]: \(c.example)")
    }

    /// The cases come from the command table: a table that lost commands, or examples, would
    /// run fewer cases and still pass. No fewer than when the floor was last raised.
    @Test func noExampleIsLost() {
        let commands = CommandTable.standard.commands
        #expect(commands.count >= 137, "only \(commands.count) commands")
        #expect(cases.count >= 281, "only \(cases.count) help examples")
        #expect(cases.count == commands.map(\.examples.count).reduce(0, +))
    }

    @Test func everyCommandHasTwoExamples() {
        let few = CommandTable.standard.commands.filter { $0.examples.count < 2 }.map(\.name)
        #expect(few == [])
    }

    @Test func everyFixtureRuns() {
        for name in fixtures.keys.sorted() {
            #expect(runExample("(fixture)", "vars", setup: name) == nil, "fixture \(name)")
        }
    }
}
