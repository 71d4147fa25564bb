// What the shell keeps of a line typed at its prompt: a NIK one typo from valid is personal
// data all the same, so the history file and the `history` command hold it masked.

import Glibc
import Testing

@Suite struct SafetyTerminalTests {
    @Test(arguments: [
        ("3201-2345-6789-0001", "3201*************01"),
        ("32012345678900012", "3201***********12"),
        ("320123456789000A", "3201**********0A"),
    ])
    func aNIKOfAnyShapeIsMaskedInTheHistoryFileAndTheHistoryCommand(_ nik: String, _ masked: String) throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        let shown = try shell.enter("applicant add --nik \(nik) --name Sari --born 1991-02-03")
        // The typed line is echoed as typed; the error and the line it quotes are masked.
        #expect(shown.contains("bad NIK '\(masked)'"), "\(shown)")
        #expect(shown.contains("\napplicant add --nik \(masked) --name Sari"), "\(shown)")
        let listed = try shell.enter("history")
        #expect(listed.contains("applicant add --nik \(masked) --name Sari"), "\(listed)")
        #expect(try shell.quit() == 0)

        let file = try #require(TestHome.read(home.historyPath), "no history file at \(home.historyPath)")
        #expect(!file.contains(nik), "\(file)")
        #expect(!file.contains(String(nik.dropFirst(4).dropLast(2))), "\(file)")
        #expect(file.contains(#"applicant\040add\040--nik\040"# + masked), "\(file)")
    }
}
