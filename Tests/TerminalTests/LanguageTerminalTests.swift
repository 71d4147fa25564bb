// The shell in Bahasa Indonesia at a real (pseudo-)terminal: chosen by the locale, with the
// greeting, completion summaries and errors in Indonesian, and `set lang` switching back.

import Glibc
import Testing

@Suite struct LanguageTerminalTests {
    @Test func anIndonesianLocaleGivesAnIndonesianShell() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home, environment: ["LANG": "id_ID.UTF-8"], banner: "Ctrl-D untuk keluar.")

        // Completion lists the sub-commands with their summaries in Indonesian; names stay.
        try shell.type("vacancy a\t")
        _ = try shell.waitForScreen("sub-commands listed with Indonesian summaries") { screen in
            screen.lines.contains { $0.hasPrefix("add ") && $0.contains("buka formasi baru sebagai draf") }
                && screen.lines.contains { $0.hasPrefix("announce ") && $0.contains("umumkan formasi draf") }
        }
        try shell.awaitPrompt()  // the prompt of the redrawn line, already on screen

        // Results and errors in Indonesian; the command itself is the same in both languages.
        #expect(outputLines(try shell.enter(#"dd --title "Analis Kebijakan" --unit Bappeda --seats 2"#)).contains("formasi V1 ditambahkan"))
        let error = outputLines(try shell.enter("vacancy show V9"))
        #expect(error.contains("kesalahan: tidak ada formasi 'V9'"), "\(error)")
        #expect(error.contains("petunjuk: satu-satunya formasi adalah V1"), "\(error)")

        // `set lang en` switches the same session back to English.
        _ = try shell.enter("set lang en")
        #expect(outputLines(try shell.enter("vacancy show V9")).contains("error: no vacancy 'V9'"))
        #expect(try shell.quit() == 0)
    }
}
