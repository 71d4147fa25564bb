// The kemuning shell at a real (pseudo-)terminal: completion, history, multi-line entries,
// Ctrl-C / Ctrl-D, UTF-8 and errors, as a user at the keyboard would see them.
// Helpers (TestHome, KemuningShell, Screen) are in REPLHarness.swift; the pty driver is PTY.swift.

import Glibc
import Testing

@Suite struct REPLTerminalTests {
    static let up = "\u{1b}[A"
    static let ctrlC = "\u{3}"

    // MARK: Completion

    @Test func tabCompletesACommandAndThenItsSubcommand() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("vac\t")
        try shell.waitForLine("kemuning> vacancy ")
        try shell.type("ad\t")
        try shell.waitForLine("kemuning> vacancy ad")
        try shell.type("d\t")
        try shell.waitForLine("kemuning> vacancy add ")
        try shell.type(Self.ctrlC)
        try shell.awaitPrompt()
        #expect(try shell.quit() == 0)
    }

    @Test func tabListsCandidatesWithTheirOneLineSummaries() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("vacancy a\t")
        _ = try shell.waitForScreen("sub-commands listed with their summaries") { screen in
            screen.lines.contains { $0.hasPrefix("add ") && $0.contains("open a vacancy in draft; returns its id") }
                && screen.lines.contains { $0.hasPrefix("advance ") && $0.contains("move a vacancy to its next stage") }
                && screen.lines.contains { $0.hasPrefix("announce ") }
        }
        try shell.awaitPrompt()  // the prompt of the redrawn line
        try shell.type("dd --ti\t")
        try shell.waitForLine("kemuning> vacancy add --title ")
        try shell.type(Self.ctrlC)
        try shell.awaitPrompt()
        #expect(try shell.quit() == 0)
    }

    @Test func tabCompletesAFlagOfTheCommandBeingTyped() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("vacancy add --ti\t")
        try shell.waitForLine("kemuning> vacancy add --title ")
        try shell.type(Self.ctrlC)
        try shell.awaitPrompt()
        #expect(try shell.quit() == 0)
    }

    @Test func tabListsIdsWithLabelsThenCompletesTheOnlyMatch() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        #expect(outputLines(try shell.enter(#"vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2"#)).contains("vacancy V1 added"))
        #expect(outputLines(try shell.enter(#"vacancy add --title "Pranata Komputer" --unit Diskominfo --seats 1"#)).contains("vacancy V2 added"))

        try shell.type("vacancy show V\t")
        let listed = try shell.waitForScreen("both ids listed and the line redrawn") {
            $0.lines.contains("V1  Analis Kebijakan (Bappeda)")
                && $0.lines.contains("V2  Pranata Komputer (Diskominfo)")
                && $0.beforeCursor == "kemuning> vacancy show V"
        }
        // The list is below the line where Tab was pressed, and the line is redrawn below the list.
        let v1 = try #require(listed.lines.firstIndex(of: "V1  Analis Kebijakan (Bappeda)"))
        let v2 = try #require(listed.lines.firstIndex(of: "V2  Pranata Komputer (Diskominfo)"))
        #expect(v1 < v2 && v2 < listed.row)
        try shell.awaitPrompt()  // the prompt of the redrawn line, already on screen

        try shell.type("1\t")
        try shell.waitForLine("kemuning> vacancy show V1 ")
        let shown = outputLines(try shell.enter(""))
        #expect(shown.contains("title:            Analis Kebijakan"))
        #expect(shown.contains("unit:             Bappeda"))
        #expect(try shell.quit() == 0)
    }

    // MARK: History

    @Test func upRecallsTheLastCommandAfterARestart() throws {
        let home = try TestHome()
        let first = try KemuningShell(home: home)
        #expect(outputLines(try first.enter("echo from-the-first-session")).contains("from-the-first-session"))
        #expect(try first.quit() == 0)

        let file = try #require(TestHome.read(home.historyPath), "no history file at \(home.historyPath)")
        #expect(file.hasPrefix("_HiStOrY_V2_\n"))
        #expect(file.contains(#"echo\040from-the-first-session"#))

        let second = try KemuningShell(home: home)
        try second.type(Self.up)
        try second.waitForLine("kemuning> echo from-the-first-session")
        let ran = outputLines(try second.enter(""))
        #expect(ran.contains("from-the-first-session"))
        #expect(try second.quit() == 0)
    }

    @Test func historySkipsLeadingSpaceLinesAndStoresNIKsMasked() throws {
        let home = try TestHome()
        let first = try KemuningShell(home: home)
        try first.enter("echo kept-entry")
        #expect(outputLines(try first.enter(" echo hidden-entry")).contains("hidden-entry"))
        #expect(outputLines(try first.enter("applicant add --nik 3201234567890001 --name Budi --born 1990-01-01"))
            .contains("applicant A1 added"))
        #expect(try first.quit() == 0)

        let file = try #require(TestHome.read(home.historyPath), "no history file at \(home.historyPath)")
        #expect(file.hasPrefix("_HiStOrY_V2_\n"))
        #expect(!file.contains("3201234567890001"))
        #expect(file.contains("3201**********01"))
        #expect(!file.contains("hidden-entry"))

        let second = try KemuningShell(home: home)
        try second.type(Self.up)
        try second.waitForLine("kemuning> applicant add --nik 3201**********01 --name Budi --born 1990-01-01")
        try second.type(Self.up)
        try second.waitForLine("kemuning> echo kept-entry")
        #expect(outputLines(try second.enter("")).contains("kept-entry"))
        #expect(try second.quit() == 0)
    }

    @Test func multiLineEntryContinuesRunsOnceAndIsRecalledWhole() throws {
        let home = try TestHome()
        let first = try KemuningShell(home: home)
        try first.enter(#"echo "line one"#, thenPrompt: KemuningShell.continuation)
        let ran = outputLines(try first.enter(#"line two""#))
        #expect(ran.contains("line one"))
        #expect(ran.contains("line two"))
        #expect(try first.quit() == 0)

        let file = try #require(TestHome.read(home.historyPath), "no history file at \(home.historyPath)")
        #expect(file == "_HiStOrY_V2_\n" + #"echo\040"line\040one\012line\040two""# + "\n")

        let second = try KemuningShell(home: home)
        try second.type(Self.up)
        let recalled = try second.waitForScreen("the entry recalled on two rows") {
            $0.lines.suffix(2) == [#"kemuning> echo "line one"#, #"line two""#]
        }
        #expect(recalled.beforeCursor == #"line two""#)
        let again = try second.enter("")
        #expect(outputLines(again).contains("line one"))
        #expect(outputLines(again).contains("line two"))
        #expect(!again.contains(KemuningShell.continuation))  // accepted whole: no second prompt
        #expect(try second.quit() == 0)
    }

    @Test func historyCommandListsTheEnteredCommands() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.enter("echo alpha")
        try shell.enter("vacancy list")
        let listed = outputLines(try shell.enter("history"))
        #expect(listed.contains("1  echo alpha"))
        #expect(listed.contains("2  vacancy list"))
        #expect(listed.contains("3  history"))
        #expect(listed.contains("(3 rows)"))
        #expect(try shell.quit() == 0)
    }

    // MARK: Ctrl-C, Ctrl-D

    @Test func ctrlCAtThePromptDiscardsTheLine() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("vacancy add --tit")
        try shell.waitForLine("kemuning> vacancy add --tit")
        try shell.type(Self.ctrlC)
        let cleared = try shell.awaitPrompt()
        #expect(cleared.hasSuffix("^C\n"))
        #expect(!cleared.contains("error"))
        #expect(shell.screen.beforeCursor == "kemuning> ")

        #expect(outputLines(try shell.enter("echo ok")).contains("ok"))
        let history = try shell.enter("history")
        #expect(!history.contains("vacancy add"))  // never run, never recorded
        #expect(outputLines(history).contains("1  echo ok"))
        #expect(try shell.quit() == 0)
    }

    @Test func ctrlCStopsALongCommandAndTheShellGoesOn() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("sleep 20000\r")
        try shell.pty.expect("sleep 20000\r\n")
        try shell.waitForCanonicalMode()  // the line was read: from now on Ctrl-C is a signal
        usleep(300_000)  // and the command is well into its sleep
        let pressed = KemuningShell.now()
        try shell.type(Self.ctrlC)
        let stopped = try shell.awaitPrompt(timeout: 5)
        #expect(KemuningShell.now() - pressed < 2)
        #expect(stopped.contains("error: interrupted"))

        #expect(outputLines(try shell.enter("echo still-here")).contains("still-here"))
        #expect(try shell.quit() == 0)
    }

    /// The tty echoes "^C" where the cursor is; the error should still start on a line of its own.
    @Test func interruptedErrorStartsOnItsOwnLine() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("sleep 20000\r")
        try shell.pty.expect("sleep 20000\r\n")
        try shell.waitForCanonicalMode()
        usleep(300_000)
        try shell.type(Self.ctrlC)
        let stopped = outputLines(try shell.awaitPrompt())
        #expect(stopped.contains("error: interrupted"), "lines: \(stopped)")
        #expect(try shell.quit() == 0)
    }

    /// SIGTERM (a shutdown) or SIGHUP (the terminal window closed), at the prompt or while a
    /// command runs, ends the shell as Ctrl-D does, the command stopped: the store is closed
    /// (its journal folded into the snapshot), and the exit code is 128 + the signal.
    @Test(arguments: [(SIGTERM, false), (SIGHUP, false), (SIGTERM, true)])
    func aTerminatingSignalClosesTheStoreAndEnds(_ signal: Int32, _ duringACommand: Bool) throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.enter("vacancy add --title A --unit U --seats 1")
        if duringACommand {
            try shell.type("sleep 20000\r")
            try shell.pty.expect("sleep 20000\r\n")
            try shell.waitForCanonicalMode()
            usleep(300_000)
        }
        shell.pty.kill(signal)
        #expect(try shell.pty.wait(timeout: 5) == 128 + signal)
        #expect(TestHome.read(home.path + "/store/journal.jsonl") == "", "the store was not closed")
        // The snapshot lists the vacancies' part, and V1 is in it.
        let manifest = TestHome.read(home.path + "/store/snapshot.json") ?? ""
        let listed = manifest.split(separator: "\"").first { $0.hasPrefix("data/vacancies.") }.map(String.init)
        #expect(listed != nil, "the snapshot lists no vacancies: \(manifest)")
        #expect(listed.flatMap { TestHome.read(home.path + "/store/" + $0) }?.contains("\"V1\"") == true)
    }

    @Test func ctrlDOnAnEmptyLineExitsWithStatusZero() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.type("\u{4}")
        #expect(try shell.pty.wait(timeout: 5) == 0)
    }

    // MARK: Input

    @Test func backslashAtTheEndContinuesTheLine() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        try shell.enter(#"echo one \"#, thenPrompt: KemuningShell.continuation)
        let ran = outputLines(try shell.enter("two"))
        #expect(ran.contains("one two"))
        #expect(!ran.contains { $0.contains("error") })
        #expect(try shell.quit() == 0)
    }

    @Test func utf8TextIsKeptWholeAndNIKIsMasked() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        #expect(outputLines(try shell.enter(#"echo "Sukmawati Rahayu — Ā""#)).contains("Sukmawati Rahayu — Ā"))
        #expect(outputLines(try shell.enter(#"applicant add --nik 3201234567890001 --name "Sukmawati Rahayu — Ā" --born 1996-04-12"#))
            .contains("applicant A1 added"))
        let shown = try shell.enter("applicant show A1")
        #expect(outputLines(shown).contains("name:       Sukmawati Rahayu — Ā"))
        #expect(outputLines(shown).contains("NIK:        3201**********01"))
        #expect(!shown.contains("3201234567890001"))
        #expect(try shell.quit() == 0)
    }

    @Test func anErrorAtThePromptDoesNotEndTheShell() throws {
        let home = try TestHome()
        let shell = try KemuningShell(home: home)
        let failed = outputLines(try shell.enter("frobnicate"))
        #expect(failed.contains("error: unknown command 'frobnicate'"))
        #expect(failed.contains("hint: type 'help' for the list of commands"))
        #expect(outputLines(try shell.enter("echo alive")).contains("alive"))
        #expect(try shell.quit() == 0)
    }
}
