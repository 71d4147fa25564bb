#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// `import KIND FILE`: the spreadsheets people have, each row run as the command that would add
/// it, all or nothing.
@Suite("Imports from spreadsheets")
struct ImportTests {
    final class Log {
        var messages: [String] = []
        var errors: [KemuningError] = []
        var progress: [(Int, Int)] = []
    }

    let dir = StoreDir()

    func session(_ backend: StoreBackend = MemoryStore()) -> (Session, Log) {
        let s = Session(backend: backend)
        s.settings.today = Day(year: 2026, month: 11, day: 2)
        let log = Log()
        s.emit = { e in
            switch e {
            case .output(let o): if case .message(let m) = o.body { log.messages.append(m.english) }
            case .diagnostic(let d): log.errors.append(d.error)
            case .progress(let done, let total): log.progress.append((done, total))
            default: break
            }
        }
        return (s, log)
    }

    func run(_ s: Session, _ text: String) { try? s.run(text: text, source: Source(name: "t.kmn")) }

    /// Writes a file in the test's folder; returns its path.
    func file(_ name: String, _ text: String, bom: Bool = false) -> String {
        let path = dir.root + "/" + name
        dir.write(path, (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
        return path
    }

    /// Two vacancies announced, registration open until the 15th, today the 12th.
    let round = """
        vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2 --education S1
        vacancy add --title "Operator Layanan" --unit Disdukcapil --seats 3 --education SMK
        vacancy announce V1 --channel portal --closes 2026-11-15
        vacancy announce V2 --channel portal --closes 2026-11-15
        set today 2026-11-12
        """

    static let portalHeader = "NIK;Nama;Tanggal Lahir;Pendidikan;IPK;Formasi;Sumber;Tanggal Daftar"

    /// A national-portal style export of `count` applicants: `;`, CRLF, decimal commas,
    /// Indonesian headers, dd/mm/yyyy dates; every third a school-leaver with a school average.
    static func portalExport(_ count: Int, first: Int = 1) -> String {
        var lines = [portalHeader]
        for i in first..<(first + count) {
            let school = i % 3 == 0
            let gpa = school ? "\(70 + i % 25),\(10 + i % 90)" : "\(2 + i % 2),\(10 + i % 90)"
            let nik = String(3201_0000_0000_0000 + i)
            lines.append("\(nik);\"Pelamar \(i), S.Kom\";\(1 + i % 28)/\(1 + i % 12)/\(1992 + i % 12);\(school ? "SMK" : "S1");\(gpa);\(school ? "V2" : "V1");portal;05/11/2026")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: the Done-when lines

    @Test func aNationalPortalExportOf1000ApplicantsImportsInOneCommand() throws {
        let (s, log) = session()
        run(s, round)
        let path = file("pendaftar.csv", Self.portalExport(1000), bom: true)
        run(s, "import applicants \(path)")
        #expect(log.errors.map(\.message.english) == [])
        let state = try s.state()
        #expect(state.applicants.count == 1000)
        #expect(state.applications.count == 1000)
        #expect(state.applicationCount(ofVacancy: "V2") == 333)
        // Decimal commas, dd/mm/yyyy, a quoted name holding the separator and a comma.
        let a = try #require(state.applicant(nik: "3201000000000003"))
        #expect(a.name == "Pelamar 3, S.Kom")
        #expect(a.gpa == ExactDecimal("73.13"))
        #expect(a.education == "SMK")
        #expect(a.born == Day(year: 1995, month: 4, day: 4))
        #expect(state.applications(ofApplicant: a.id).first?.applied == Day(year: 2026, month: 11, day: 5))
        #expect(log.messages.last == "\(path): 1000 rows imported (applicants)")
    }

    @Test func aFileWithThreeBadRowsImportsNothingAndNamesAllThree() throws {
        let (s, log) = session()
        run(s, round + "\napplicant add --nik 3201000000000500 --name Sudah --born 1995-01-01 --education S1")
        var lines = Self.portalExport(1000).split(separator: "\r\n").map(String.init)
        // Line 11 (row 10): an IPK out of its scale; line 501: a date that does not exist;
        // line 901: the NIK of an applicant registered before (row 500 is its own NIK).
        lines[10] = swap(lines[10], ";2,20;", ";5,20;")
        #expect(lines[10].contains(";5,20;"))
        lines[500] = swap(lines[500], "25/9/2000", "30/2/2000")
        #expect(lines[500].contains("30/2/2000"))
        lines[900] = "3201000000000500" + lines[900].dropFirst(16)
        let path = file("rusak.csv", lines.joined(separator: "\r\n") + "\r\n", bom: true)
        let before = try s.state()
        run(s, "import applicants \(path)")
        let e = try #require(log.errors.first)
        let text = e.message.english
        #expect(text.hasPrefix("\(path) has 3 bad rows, so nothing was imported:"), "\(text)")
        #expect(text.contains("\(path):11:52 (IPK): --gpa for education S1 is the IPK, from 0.00 to 4.00 with at most 2 decimals, not 5.20 (the cell reads '5,20')"), "\(text)")
        #expect(text.contains("\(path):501:"), "\(text)")
        #expect(text.contains("(Tanggal Lahir): "), "\(text)")
        #expect(text.contains("\(path):901:1 (NIK): NIK 3201**********00 is already registered, as applicant A1"), "\(text)")
        #expect(!text.contains("3201000000000500"), "a NIK in full: \(text)")
        #expect(try s.state().applicants.count == before.applicants.count)
        #expect(try s.state().applications.count == 0)
    }

    // MARK: headers

    @Test func headersAreMatchedInEnglishOrIndonesianWhateverTheirCaseAndSpacing() throws {
        let (s, log) = session()
        run(s, round)
        let path = file("en.csv", "full name,NIK,date of birth,EDUCATION,gpa,vacancy\n\"Budi, S.E.\",3201000000000001,1995-01-02,S1,3.5,V1\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().applicant(nik: "3201000000000001")?.name == "Budi, S.E.")
    }

    @Test func mapReadsAColumnOfAnotherNameAsAField() throws {
        let (s, log) = session()
        run(s, round)
        let path = file("map.csv", "NIK,Nama Peserta,Lahir,Pendidikan,Formasi\n3201000000000001,Sari,02/01/1995,S1,V1\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english == "\(path) has no column for name ('nama', 'nama lengkap', 'name'); born ('tanggal lahir', 'tgl lahir', 'born')")
        run(s, "import applicants \(path) --map \"Nama Peserta=name\" --map Lahir=born")
        #expect(log.errors.count == 1)
        #expect(try s.state().applicant(nik: "3201000000000001")?.name == "Sari")
        run(s, "import applicants \(path) --map \"Nama Lengkap=name\"")
        #expect(log.errors.last?.message.english == "--map 'Nama Lengkap=name': \(path) has no column 'Nama Lengkap'")
        run(s, "import applicants \(path) --map Lahir=birthday")
        #expect(log.errors.last?.message.english.hasPrefix("--map 'Lahir=birthday' is not HEADER=FIELD with one of the fields nik, name") == true)
    }

    @Test func twoColumnsForOneFieldAreRefused() {
        let (s, log) = session()
        run(s, round)
        let path = file("dua.csv", "NIK,Nama,Name,Tanggal Lahir,Formasi\n3201000000000001,A,B,1995-01-01,V1\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english == "\(path):1:10: columns 'Nama' and 'Name' both hold name")
    }

    // MARK: values

    @Test(arguments: [("3,62", "3.62"), ("3.62", "3.62"), ("4", "4"), ("0,5", "0.5"), ("\"3,62\"", "3.62")])
    func aDecimalCommaIsADecimalMark(_ written: String, _ read: String) throws {
        let (s, log) = session()
        run(s, round)
        run(s, "import applicants \(file("ipk.csv", "NIK;Nama;Tanggal Lahir;Pendidikan;IPK;Formasi\n3201000000000001;A;1995-01-01;S1;\(written);V1\n"))")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().applicant(nik: "3201000000000001")?.gpa == ExactDecimal(read))
    }

    @Test(arguments: ["1.234,5", "3,6,2", "3,62.0"])
    func aNumberWithTwoMarksIsRefused(_ written: String) throws {
        let (s, log) = session()
        run(s, round)
        let path = file("angka.csv", "NIK;Nama;Tanggal Lahir;Pendidikan;IPK;Formasi\n3201000000000001;A;01/01/1995;S1;\(written);V1\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english.contains("\(path):2:34 (IPK): '\(written)' is not a number: write one decimal mark") == true, "\(log.errors)")
        #expect(try s.state().applicants.isEmpty)
    }

    @Test(arguments: [("1/2/1995", Day(year: 1995, month: 2, day: 1)), ("01/02/1995", Day(year: 1995, month: 2, day: 1)),
                      ("1995-02-01", Day(year: 1995, month: 2, day: 1)), ("29/02/2000", Day(year: 2000, month: 2, day: 29))])
    func datesAreDayMonthYearOrISO(_ written: String, _ day: Day) throws {
        let (s, log) = session()
        run(s, round)
        let path = file("tgl.csv", "NIK,Nama,Tanggal Lahir,Pendidikan,Formasi\n3201000000000001,A,\(written),S1,V1\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().applicant(nik: "3201000000000001")?.born == day)
    }

    @Test(arguments: ["1/2/90", "2/1990", "a/b/1990", "123/1/1990", "29/02/2001"])
    func aDateOfAnotherShapeIsRefusedQuotingIt(_ written: String) throws {
        let (s, log) = session()
        run(s, round)
        let path = file("tgl.csv", "NIK,Nama,Tanggal Lahir,Pendidikan,Formasi\n3201000000000001,A,\(written),S1,V1\n")
        run(s, "import applicants \(path)")
        let text = try #require(log.errors.first).message.english
        #expect(text.contains("\(path):2:20 (Tanggal Lahir): "), "\(text)")
        #expect(text.contains(written), "\(text)")
        #expect(try s.state().applicants.isEmpty)
    }

    // MARK: all or nothing

    @Test func checkReportsAndChangesNothing() throws {
        let (s, log) = session()
        run(s, round)
        let path = file("p.csv", Self.portalExport(10))
        run(s, "import applicants \(path) --check")
        #expect(log.errors.map(\.message.english) == [])
        #expect(log.messages.last == "\(path): 10 rows checked, all would be imported; nothing was changed")
        #expect(try s.state().applicants.isEmpty)
        // Nothing in the undo list either: `undo` takes back the command before it.
        run(s, "undo")
        #expect(try s.state().vacancy("V2")?.state == .draft)
        #expect(try s.state().vacancy("V1")?.state == .announced)
    }

    @Test func oneUndoTakesBackTheWholeImport() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "import applicants \(file("p.csv", Self.portalExport(20)))")
        #expect(try s.state().applicants.count == 20)
        run(s, "undo")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().applicants.isEmpty)
        #expect(try s.state().applications.isEmpty)
        #expect(try s.state().vacancies.count == 2)
    }

    @Test func aRepeatedNIKInTheFileIsABadRow() throws {
        let (s, log) = session()
        run(s, round)
        let path = file("dup.csv", "NIK,Nama,Tanggal Lahir,Pendidikan,Formasi\n3201000000000001,A,1995-01-01,S1,V1\n3201000000000001,B,1995-01-01,SMK,V2\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english == "\(path) has 1 bad row, so nothing was imported:\n  \(path):3:1 (NIK): NIK 3201**********01 is already registered, as applicant A1")
        #expect(try s.state().applicants.isEmpty)
    }

    @Test func aFailedImportInsideAnAtomicRunTakesBackOnlyItself() throws {
        let (s, _) = session()
        run(s, round)
        let bad = file("bad.csv", "NIK,Nama,Tanggal Lahir,Formasi\n3201000000000001,A,1995-01-01,V1\n3201000000000002,B,1995-01-01,V9\n")
        try s.beginAtomic()
        run(s, "applicant add --nik 3201000000000099 --name Z --born 1995-01-01")
        run(s, "import applicants \(bad)")
        #expect(try s.state().applicants.map(\.nik) == ["3201000000000099"])
        try s.endAtomic(success: true)
        #expect(try s.state().applicants.map(\.nik) == ["3201000000000099"])
    }

    // MARK: each kind finds its application

    let screened = """
        set today 2026-11-16
        vacancy advance V1
        vacancy advance V2
        """

    @Test func scoresFindTheirApplicationByParticipantNumberNIKOrId() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "import applicants \(file("p.csv", Self.portalExport(6)))")
        run(s, screened)
        run(s, "import screening \(file("ms.csv", "NIK;Hasil;Alasan\n3201000000000001;MS;\n3201000000000002;TMS;ijazah belum dilegalisir\n3201000000000004;Memenuhi Syarat;\n3201000000000005;ms;\n3201000000000003;MS;\n3201000000000006;MS;\n"))")
        #expect(log.errors.map(\.message.english) == [])
        let state = try s.state()
        #expect(state.application("P1")?.participant == "20260010001")
        #expect(state.application("P2")?.screening?.pass == false)
        #expect(state.application("P2")?.screening?.reason == "ijazah belum dilegalisir")
        #expect(state.application("P2")?.participant == nil)
        run(s, "set today 2026-11-20; vacancy advance V1")
        #expect(log.errors.map(\.message.english) == [])
        let skd = file("skd.csv", "Nomor Peserta,TWK,TIU,TKP,Kehadiran\n20260010001,100,120,180,Hadir\n20260010002,,,,Tidak Hadir\n20260010003,65,80,166,hadir\n")
        run(s, "import skd \(skd)")
        #expect(log.errors.map(\.message.english) == [])
        let after = try s.state()
        #expect(after.application("P1")?.skd?.score == SKDScore(twk: 100, tiu: 120, tkp: 180))
        #expect(after.application("P4")?.skd?.score == nil)
        #expect(after.application("P4")?.skd != nil)
        #expect(after.application("P5")?.skd?.score == SKDScore(twk: 65, tiu: 80, tkp: 166))
    }

    @Test func aRowForAnApplicationThatTakesNoTestIsABadRow() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "import applicants \(file("p.csv", Self.portalExport(2)))")
        run(s, screened)
        run(s, "screen P1 --pass; screen P2 --fail --reason \"tidak lengkap\"; set today 2026-11-20; vacancy advance V1")
        #expect(log.errors.map(\.message.english) == [])
        let path = file("skd.csv", "ID Lamaran,TWK,TIU,TKP\nP1,100,120,180\nP2,90,90,170\nP1,151,90,170\nP9,90,90,170\n")
        run(s, "import skd \(path)")
        let text = try #require(log.errors.first).message.english
        #expect(text == """
            \(path) has 3 bad rows, so nothing was imported:
              \(path):3:1 (ID Lamaran): P2 did not pass screening: it takes no SKD
              \(path):4:4 (TWK): --twk must be from 0 to 150, not 151
              \(path):5:1 (ID Lamaran): no application 'P9'
            """, "\(text)")
        #expect(try s.state().application("P1")?.skd == nil)
    }

    @Test func aScreeningResultThatIsNotOneIsABadRow() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "import applicants \(file("p.csv", Self.portalExport(1)))")
        run(s, screened)
        let path = file("s.csv", "ID Lamaran,Hasil\nP1,lulus mungkin\n")
        run(s, "import screening \(path)")
        #expect(log.errors.first?.message.english == "\(path) has 1 bad row, so nothing was imported:\n  \(path):2:4 (Hasil): 'lulus mungkin' is not a screening result: write MS or TMS (pass or fail)")
    }

    // MARK: the other kinds

    @Test func skbAndInterviewSheetsFindTheirCandidates() throws {
        let (s, log) = session()
        run(s, round + "\nvacancy set V1 --skb cat=50,interview=30,certificate=20")
        run(s, "import applicants \(file("p.csv", Self.portalExport(4)))")
        run(s, screened)
        run(s, "screen P1 --pass; screen P2 --pass; screen P4 --pass; set today 2026-11-20; vacancy advance V1")
        run(s, "skd P1 --twk 100 --tiu 120 --tkp 180; skd P2 --twk 90 --tiu 110 --tkp 200; skd P4 --absent; set today 2026-11-26; vacancy advance V1")
        #expect(log.errors.map(\.message.english) == [])
        let sheets = file("w.csv", "Nomor Peserta;Pewawancara;Komunikasi;Motivasi;Integritas;Kerja Sama;Pemecahan Masalah;Catatan\r\n20260010001;Dra. Wulan;4;5;3;4;4;siap melayani\r\n20260010001;Ir. Bambang;5;5;4;4;3;\r\n")
        run(s, "import interviews \(sheets)")
        let scores = file("skb.csv", "NIK;CAT;Sertifikat;Kehadiran\r\n3201000000000001;410;70,5;hadir\r\n3201000000000002;;;Tidak Hadir\r\n")
        run(s, "import skb \(scores)")
        #expect(log.errors.map(\.message.english) == [])
        let p1 = try #require(try s.state().application("P1"))
        #expect(p1.interviews.map(\.panel) == ["Dra. Wulan", "Ir. Bambang"])
        #expect(p1.interviews[0].note == "siap melayani")
        #expect(p1.skb?.cat == 410)
        #expect(p1.skb?.certificate == ExactDecimal("70.5"))
        #expect(try s.state().application("P2")?.skb?.absent == true)
    }

    @Test func staffTheirTrainingAndServiceRequestsAndSurveyResponses() throws {
        let (s, log) = session()
        run(s, "set today 2026-11-29")
        run(s, "import staff \(file("pegawai.csv", "NIP;Nama;Unit Kerja;Jabatan;TMT;Status\r\n198503122010011003;Rina Marlina;Disdukcapil;Analis Kependudukan;04/01/2010;PNS\r\n199408172026011001;Agus Salim;Disdukcapil;Pengadministrasi;05/01/2026;cpns\r\n"))")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().employees.map(\.status) == ["pns", "cpns"])
        run(s, "training add --title \"Pelayanan Prima\" --topic public-service --jp 16")
        run(s, "import participants \(file("peserta.csv", "NIP,Tanggal\n198503122010011003,02/11/2026\n199408172026011001,2026-11-03\n")) --training T1")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().records(Enrollment.self).map(\.employee) == ["E1", "E2"])
        run(s, "service add --name \"KTP elektronik\" --unit Disdukcapil --standard-days 14 --position Pengadministrasi")
        run(s, "import requests \(file("permohonan.csv", "Layanan;Tanggal Masuk;Tanggal Selesai\r\nS1;16/11/2026;25/11/2026\r\nS1;17/11/2026;\r\n"))")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().records(ServiceRequest.self).count == 2)
        run(s, "survey add --unit Disdukcapil --period 2026-S2 --population 1200")
        run(s, "import responses \(file("ikm.csv", "U1;U2;U3;U4;U5;U6;U7;U8;U9\r\n3;3;2;3;3;2;3;3;2\r\n4;3;3;3;4;3;3;3;3\r\n")) --survey SV1")
        #expect(log.errors.map(\.message.english) == [])
        #expect(try s.state().records(Survey.self).first?.responses.count == 2)
        // A score out of 1-4 is the row's error, at its cell.
        let bad = file("ikm-bad.csv", "U1;U2;U3;U4;U5;U6;U7;U8;U9\r\n3;3;2;3;5;2;3;3;2\r\n")
        run(s, "import responses \(bad) --survey SV1")
        #expect(log.errors.first?.message.english.hasPrefix("\(bad) has 1 bad row, so nothing was imported:\n  \(bad):2:9 (U5): ") == true, "\(log.errors)")
        #expect(try s.state().records(Survey.self).first?.responses.count == 2)
    }

    // MARK: the file itself

    @Test func aFileThatIsNotUTF8IsRefusedSayingWhere() {
        let (s, log) = session()
        run(s, round)
        let path = dir.root + "/latin1.csv"
        dir.write(path, Array("NIK,Nama,Tanggal Lahir,Formasi\n3201000000000001,Jos".utf8) + [0xE9] + Array(",1995-01-01,V1\n".utf8))
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english.hasPrefix("\(path):2:21: the file is not UTF-8 text") == true, "\(log.errors)")
    }

    @Test(arguments: ["3,20101E+15", "3.20101E+15", "3201e+12"])
    func aNIKExcelRoundedIsRefusedSayingHowToMendIt(_ written: String) throws {
        let (s, log) = session()
        run(s, round)
        let path = file("excel.csv", "NIK;Nama;Tanggal Lahir;Pendidikan;Formasi\n\(written);A;01/01/1995;S1;V1\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english == "\(path) has 1 bad row, so nothing was imported:\n  \(path):2:1 (NIK): '\(written)' is a number Excel rounded, not the NIK it was: format the column as Text in the sheet and export it again")
    }

    @Test func aHeaderWithoutRowsIsRefused() {
        let (s, log) = session()
        run(s, round)
        let path = file("kosong.csv", "NIK,Nama,Tanggal Lahir,Formasi\r\n")
        run(s, "import applicants \(path)")
        #expect(log.errors.first?.message.english == "\(path) has a header row and no rows")
    }

    @Test func progressIsToldOnlyPastTheFirstSecond() throws {
        let (s, log) = session()
        run(s, round)
        run(s, "import applicants \(file("p.csv", Self.portalExport(600)))")
        #expect(log.errors.map(\.message.english) == [])
        // 600 rows take well under a second: no progress at all.
        #expect(log.progress.isEmpty)
    }

    // MARK: the store

    @Test func aLargeImportIsWrittenOnceAsAFoldAndReadsBack() throws {
        let store = dir.open()
        let (s, log) = session(store)
        run(s, round)
        // 5,100 rows make 10,200 changes: past `Ledger.foldInsteadOfJournal`.
        run(s, "import applicants \(file("p.csv", Self.portalExport(5100)))")
        #expect(log.errors.map(\.message.english) == [])
        #expect(Ledger.foldInsteadOfJournal <= 10_200)
        let journal = readBytes(dir.journal) ?? []
        #expect(journal.count < 1000, "the import went to the journal: \(journal.count) bytes")
        let expected = try s.state()
        try s.close()
        let (again, _) = session(dir.open())
        let read = try again.state()
        #expect(read.applicants.count == 5100)
        #expect(read.applications.count == 5100)
        #expect(read.applicant(nik: "3201000000005100")?.name == expected.applicant(nik: "3201000000005100")?.name)
        #expect(read.auditEntries(of: "A5100").count == expected.auditEntries(of: "A5100").count)
        let findings = again.backend.check()
        #expect(findings.allSatisfy { $0.ok }, "\(findings)")
    }
}

/// `text` with the first `from` made `to`.
private func swap(_ text: String, _ from: String, _ to: String) -> String {
    guard let r = text.firstRange(of: from) else { return text }
    return String(text[..<r.lowerBound]) + to + String(text[r.upperBound...])
}

private func readBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    return try? Files.readAll(fd, path: path)
}
