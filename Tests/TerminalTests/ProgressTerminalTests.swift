// A long import tells its progress on a terminal, as a bar on standard error that it clears
// at the end, and nowhere else. How long "long" is (1 s) is lowered to 0 here through
// KEMUNING_PROGRESS_AFTER_MS, so the test does not depend on the machine's speed.

import Glibc
import Testing

@Suite struct ProgressTerminalTests {
    /// A header and `rows` applicants for V1.
    static func applicants(_ rows: Int) -> String {
        var text = "NIK,Nama,Tanggal Lahir,Pendidikan,Formasi\n"
        for i in 1...rows { text += "\(3201000000000000 + i),Pelamar \(i),01/02/1995,S1,V1\n" }
        return text
    }

    static func write(_ path: String, _ text: String) {
        let f = fopen(path, "wb")!
        _ = text.withCString { fputs($0, f) }
        fclose(f)
    }

    static let setup = "set today 2026-11-02; vacancy add --title Analis --unit Bappeda --seats 1 --education S1; vacancy announce V1 --channel portal --closes 2026-11-15; set today 2026-11-12"

    @Test func aLongImportDrawsABarOnTheTerminalAndClearsIt() throws {
        let home = try TestHome()
        let file = home.path + "/pelamar.csv"
        Self.write(file, Self.applicants(1200))
        let shell = try KemuningShell(home: home, environment: ["KEMUNING_PROGRESS_AFTER_MS": "0"])
        try shell.enter(Self.setup)
        let shown = try shell.enter("import applicants \(file)", timeout: 120)
        #expect(shown.contains("pelamar.csv: 1200 rows imported (applicants)"), "\(shown)")
        let raw = shell.pty.output
        // Drawn at rows 256, 512, 768 and 1024, each over the last, then the line cleared.
        #expect(raw.contains("\r[######------------------------] 21% 256/1200"), "\(raw.suffix(600))")
        #expect(raw.contains("% 1024/1200"), "\(raw.suffix(600))")
        #expect(raw.contains("\r\u{1B}[K"), "the bar was not cleared: \(raw.suffix(600))")
        #expect(try shell.quit() == 0)
    }

    @Test func noBarWhenStandardErrorIsNotATerminal() throws {
        let home = try TestHome()
        let file = home.path + "/pelamar.csv"
        Self.write(file, Self.applicants(600))
        // Standard error to a file: the shell runs under the terminal, its errors do not.
        let errors = home.path + "/stderr"
        let pty = try PTYProcess(path: "/bin/sh", arguments: ["-c", "\"$0\" --store \"$1\" -c \"$2; import applicants $3\" 2>\"$4\"; echo done $?",
                                                               KemuningBinary.path, home.path + "/store", Self.setup, file, errors],
                                 environment: home.environment.merging(["KEMUNING_PROGRESS_AFTER_MS": "0"]) { _, new in new })
        let shown = try pty.expect("done ", timeout: 120)
        #expect(shown.contains("600 rows imported"), "\(shown)")
        #expect(try pty.wait(timeout: 10) == 0)
        #expect(TestHome.read(errors) == "")
    }
}
