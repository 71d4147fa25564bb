#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Files and streams the user gives kemuning to read, and its arguments: what is not a regular
/// file, what is too big, and what is not UTF-8 is refused, whole, before anything runs.
@Suite struct InputFileTests {
    /// Runs kemuning through `sh -c` with a memory cap and a time limit, so that a reader that
    /// does not stop (`/dev/zero`, a FIFO nobody writes) fails the test instead of the machine.
    /// `command` is shell text after the binary, which is `$K`.
    func guarded(_ command: String, input: String? = nil, home: String) -> RunResult {
        runProcess("/bin/sh", ["-c", "ulimit -v 1000000; K=\"$0\"; cd \"$HOME\"; exec timeout -s KILL 10 \(command)", Paths.binary],
                   input: input.map { Array($0.utf8) }, environment: testEnvironment(home: home))
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        /// Shell text: `$K` is kemuning, the current directory is a fresh home holding `fifo`
        /// (a FIFO nobody writes), `big.kmn` (a sparse 65 MiB script), `big.csv` (a sparse
        /// 257 MiB file), `dir/`.
        var command: String
        var input: String?
        var code: Int32
        var stderr: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "run a device", command: "$K --memory run /dev/zero", code: 2,
             stderr: "kemuning: error: cannot read script '/dev/zero': it is a character device, not a regular file"),
        Case(name: "source a device", command: "$K --memory -c 'source /dev/zero'", code: 1,
             stderr: "<command-line>:1:8: error: cannot read script '/dev/zero': it is a character device, not a regular file"),
        Case(name: "run a FIFO", command: "$K --memory run fifo", code: 2,
             stderr: "kemuning: error: cannot read script 'fifo': it is a FIFO, not a regular file"),
        Case(name: "check a FIFO", command: "$K --memory run --check fifo", code: 2,
             stderr: "error: cannot read script 'fifo': it is a FIFO, not a regular file"),
        Case(name: "play a device", command: "$K --memory play /dev/zero", code: 2,
             stderr: "error: cannot read script '/dev/zero': it is a character device, not a regular file"),
        Case(name: "source a directory", command: "$K --memory -c 'source dir'", code: 1,
             stderr: "<command-line>:1:8: error: cannot run 'dir': it is a directory"),
        Case(name: "a script over the size limit", command: "$K --memory run big.kmn", code: 2,
             stderr: "kemuning: error: cannot read script 'big.kmn': it is larger than 64 MiB, the most kemuning reads"),
        Case(name: "import a device", command: "$K --memory -c 'survey add --unit X --period 2026-Q1; survey import SV1 /dev/zero'", code: 1,
             stderr: "error: cannot read file '/dev/zero': it is a character device, not a regular file"),
        Case(name: "import a FIFO", command: "$K --memory -c 'survey add --unit X --period 2026-Q1; survey import SV1 fifo'", code: 1,
             stderr: "error: cannot read file 'fifo': it is a FIFO, not a regular file"),
        Case(name: "an import over the size limit", command: "$K --memory -c 'survey add --unit X --period 2026-Q1; survey import SV1 big.csv'", code: 1,
             stderr: "error: cannot read file 'big.csv': it is larger than 256 MiB, the most kemuning reads"),
        Case(name: "an endless stdin", command: "$K --memory < /dev/zero", code: 2,
             stderr: "<stdin>:1:1: error: <stdin> is binary, not a script (a NUL byte on line 1)"),
        Case(name: "an endless stdin for run -", command: "$K --memory run - < /dev/zero", code: 2,
             stderr: "<stdin>:1:1: error: <stdin> is binary, not a script (a NUL byte on line 1)"),
    ]

    @Test("files that are not scripts or data are refused", arguments: InputFileTests.cases)
    func refused(_ c: Case) throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        #expect(mkfifo(home + "/fifo", 0o600) == 0)
        mkdir(home + "/dir", 0o700)
        for (name, size) in [("big.kmn", 65 << 20), ("big.csv", 257 << 20)] {
            let fd = open(home + "/" + name, O_WRONLY | O_CREAT, 0o600)
            #expect(ftruncate(fd, off_t(size)) == 0)  // sparse: takes no room
            close(fd)
        }
        let r = guarded(c.command, input: c.input, home: home)
        #expect(r.status == c.code, "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains(c.stderr), "\(r.stderr.prefix(500))")
        #expect(r.stdout.isEmpty || c.command.contains("survey"), "\(r.stdout.prefix(200))")
    }

    @Test func aScriptOnStdinIsReadWholeAndRunsNothingIfAnyLineIsBad() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let store = home + "/store"
        for input in [Array("vacancy add --title A --unit U --seats 1\necho \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8),
                      Array("vacancy add --title A --unit U --seats 1\necho a\0b\n".utf8)] {
            for args in [["--store", store], ["--store", store, "run", "-"]] {
                let r = runProcess(Paths.binary, args, input: input, environment: testEnvironment(home: home))
                #expect(r.status == 2, "\(args) \(r.stderr)")
                #expect(r.stdout.isEmpty, "\(args): a line ran before the bad one: \(r.stdout)")
                #expect(r.stderr.hasPrefix("<stdin>:2:"), "\(args) \(r.stderr)")
            }
        }
        let list = runProcess(Paths.binary, ["--store", store, "--format", "csv", "-c", "vacancy list"], environment: testEnvironment(home: home))
        #expect(list.stdout.split(separator: "\r\n").count == 1, "nothing may have run: \(list.stdout)")
    }

    struct BadArgument: CustomStringConvertible, Sendable {
        var name: String
        /// Shell text after `$K`; `$X` is the byte 0xFF.
        var args: String
        var stderr: String
        var description: String { name }
    }

    static let badArguments: [BadArgument] = [
        BadArgument(name: "-c", args: "--memory -c \"echo $X\"", stderr: "kemuning: error: argument 3 'echo \\xFF' is not valid UTF-8: byte 0xFF at column 6"),
        BadArgument(name: "--var", args: "--memory --var \"v=$X\" -c 'echo $v'", stderr: "kemuning: error: argument 3 'v=\\xFF' is not valid UTF-8: byte 0xFF at column 3"),
        BadArgument(name: "--store", args: "--store \"s/$X\" -c 'vacancy add --title A --unit U --seats 1'", stderr: "kemuning: error: argument 2 's/\\xFF' is not valid UTF-8: byte 0xFF at column 3"),
        BadArgument(name: "--store=", args: "--store=\"s/$X\" -c 'vacancy add --title A --unit U --seats 1'", stderr: "kemuning: error: argument 1 '--store=s/\\xFF' is not valid UTF-8: byte 0xFF at column 11"),
    ]

    /// Invalid UTF-8 in an argument is refused, not read as U+FFFD: a store named with it
    /// would be a different folder, a command a different command.
    @Test("invalid UTF-8 in an argument is refused", arguments: InputFileTests.badArguments)
    func invalidUTF8InAnArgument(_ c: BadArgument) {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let r = guarded("\"$K\" \(c.args)".replacingOccurrences("$X", with: "$(printf '\\377')"), home: home)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty, "\(r.stdout)")
        #expect(r.stderr.contains(c.stderr), "\(r.stderr)")
        #expect(!listDirectory(home).contains("s"), "a store folder was made")
    }
}
