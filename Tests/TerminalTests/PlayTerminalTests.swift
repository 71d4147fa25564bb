#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `kemuning play --step` on a terminal: next, back, skip, live and back to the demo, quit.
@Suite struct PlayTerminalTests {
    static let demo = """
        # Welcome.
        # @silent
        set today 2026-11-02
        vacancy add --title Setup --unit Hidden --seats 1
        # @end
        # Open a vacancy.
        vacancy add --title Analis --unit Bappeda --seats 2
        # Open another.
        vacancy add --title Pranata --unit Diskominfo --seats 1
        vacancy add --title Ketiga --unit Dinkes --seats 1
        vacancy list
        """

    /// The demo written in `home`; its path.
    func demoFile(_ home: TestHome) -> String {
        let file = home.path + "/demo.kmn"
        let f = fopen(file, "w")!
        fputs(Self.demo + "\n", f)
        fclose(f)
        return file
    }

    func start(_ home: TestHome, _ extra: [String] = []) throws -> PTYProcess {
        try PTYProcess(path: KemuningBinary.path, arguments: ["--memory", "--speed", "2000"] + extra + ["play", "--step", demoFile(home)],
                       environment: home.environment)
    }

    /// Waits for the prompt of the next command and for `--step` to read a key.
    func awaitKey(_ p: PTYProcess) throws {
        try p.expect("kemuning> ")
        try p.waitForRawMode()
    }

    /// While `--step` waits, a line under the prompt names the keys it reads, and the cursor
    /// goes back up to the prompt; a key clears the line. `--quiet` leaves it out.
    @Test func stepNamesItsKeysUnderThePromptUnlessQuiet() throws {
        let home = try TestHome()
        let p = try start(home)
        try p.expect("Open a vacancy.")
        try awaitKey(p)
        try p.expect("Enter or space: run · s: skip · b: back · l: live prompt · q: quit")
        #expect(p.output.contains("q: quit\u{1B}[1A\r\u{1B}[10C") || p.output.contains("q: quit\u{1B}[0m\u{1B}[1A\r\u{1B}[10C"), "\(p.output)")
        try p.send("\r")
        try p.expect("vacancy V2 added")
        #expect(p.output.contains("\u{1B}[1B\r\u{1B}[2K\u{1B}[1A"))
        try awaitKey(p)
        try p.send("q")
        #expect(try p.wait() == 0)

        let q = try start(home, ["--quiet"])
        try q.expect("Open a vacancy.")
        try awaitKey(q)
        try q.send("\r")
        try q.expect("vacancy V2 added")
        try awaitKey(q)
        try q.send("q")
        #expect(try q.wait() == 0)
        #expect(!q.plainOutput.contains("s: skip"))
    }

    @Test func stepNextBackSkipLiveAndQuit() throws {
        let home = try TestHome()
        let p = try start(home)
        // Narration, not the silent setup; then it waits for a key before the first command.
        try p.expect("Welcome.")
        try p.expect("Open a vacancy.")
        try awaitKey(p)
        #expect(!p.plainOutput.contains("Setup"))
        try p.send("\r")  // next
        try p.expect("vacancy V2 added")
        try p.expect("Open another.")
        try awaitKey(p)
        try p.send("b")  // back: undo V2 and show that command again
        try p.expect("(back: undid vacancy add --title Analis --unit Bappeda --seats 2)")
        try awaitKey(p)
        try p.send(" ")  // next again: the same id comes back
        try p.expect("vacancy V2 added")
        try awaitKey(p)
        try p.send("s")  // skip Pranata
        try p.expect("(skipped)")
        try p.expect("vacancy add --title Pranata")
        try awaitKey(p)
        try p.send("l")  // live: an ordinary prompt on the same session
        try p.expect("Ctrl-D returns to the demo")
        try awaitKey(p)
        try p.send("vacancy add --title Live --unit Sekda --seats 1\r")
        try p.expect("vacancy V3 added")
        try awaitKey(p)
        try p.send("\u{4}")  // Ctrl-D: back where the demo left off
        try p.expect("(back to the demo)")
        try p.waitForRawMode()
        try p.send("\r")  // Ketiga
        try p.expect("vacancy V4 added")
        try awaitKey(p)
        try p.send("q")
        #expect(try p.wait() == 0)
        #expect(!p.plainOutput.contains("Pranata Komputer"))
    }

    @Test func withoutStepItTypesAndRunsToTheEnd() throws {
        let home = try TestHome()
        let p = try PTYProcess(path: KemuningBinary.path, arguments: ["--memory", "--speed", "5000", "--delay", "10", "play", demoFile(home)],
                               environment: home.environment)
        try p.expect("vacancy V4 added")
        try p.expect("(4 rows)")
        #expect(try p.wait() == 0)
    }
}

extension PlayTerminalTests {
    /// A demo given in Indonesian: the presenter's words and the results are Indonesian, the
    /// commands typed out are the same.
    @Test func aDemoInIndonesian() throws {
        let home = try TestHome()
        let p = try start(home, ["--lang", "id"])
        try p.expect("Open a vacancy.")
        try awaitKey(p)
        try p.send("\r")
        try p.expect("formasi V2 ditambahkan")
        try awaitKey(p)
        try p.send("b")
        try p.expect("(mundur: vacancy add --title Analis --unit Bappeda --seats 2 dibatalkan)")
        try awaitKey(p)
        try p.send(" ")
        try p.expect("formasi V2 ditambahkan")
        try awaitKey(p)
        try p.send("s")
        try p.expect("(dilewati)")
        try awaitKey(p)
        try p.send("q")
        #expect(try p.wait(timeout: 5) == 0)
    }
}
