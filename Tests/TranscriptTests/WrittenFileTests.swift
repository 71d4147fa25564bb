#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Files kemuning writes for the user (`record start`, `--transcript`, `--publish`) replace
/// only a regular file. A device, a FIFO, a directory, or a link to one is refused and left as
/// it was: renamed over, `/dev/null` would become a file. No test writes to a real device: the
/// FIFOs are made here, and the link to `/dev/null` is checked to be left alone.
@Suite struct WrittenFileTests {
    /// The type of what is at `path`, not following a link: S_IFIFO, S_IFLNK, S_IFCHR, ...
    func type(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var args: [String]
        var code: Int32
        var stderr: String
        var description: String { name }
    }

    /// In a fresh directory: `fifo.kmn` and `fifo.out` (FIFOs), `null.kmn` (a link to
    /// /dev/null), `dir.kmn/` (a directory).
    static let cases: [Case] = [
        Case(name: "--transcript onto a FIFO", args: ["--transcript", "fifo.kmn", "-c", "echo hi"], code: 2,
             stderr: "kemuning: error: cannot write 'fifo.kmn': it is a FIFO, not a regular file"),
        Case(name: "--transcript named without .kmn", args: ["--transcript", "fifo", "-c", "echo hi"], code: 2,
             stderr: "kemuning: error: cannot write 'fifo.kmn': it is a FIFO, not a regular file"),
        Case(name: "--transcript onto a link to /dev/null", args: ["--transcript", "null.kmn", "-c", "echo hi"], code: 2,
             stderr: "kemuning: error: cannot write 'null.kmn': it leads to a character device, not a regular file"),
        Case(name: "record start onto a link to /dev/null", args: ["-c", "record start null.kmn; echo hi; record stop"], code: 1,
             stderr: "<command-line>:1:14: error: cannot write 'null.kmn': it leads to a character device, not a regular file"),
        Case(name: "record start onto a FIFO", args: ["-c", "record start fifo.kmn; echo hi; record stop"], code: 1,
             stderr: "error: cannot write 'fifo.kmn': it is a FIFO, not a regular file"),
        Case(name: "record start onto a directory", args: ["-c", "record start dir.kmn; echo hi; record stop"], code: 1,
             stderr: "error: cannot write 'dir.kmn': it is a directory, not a regular file"),
    ]

    @Test("a file to write that is not a regular file is refused and left alone", arguments: WrittenFileTests.cases)
    func refused(_ c: Case) {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        #expect(mkfifo(home + "/fifo.kmn", 0o600) == 0 && mkfifo(home + "/fifo.out", 0o600) == 0)
        #expect(symlink("/dev/null", home + "/null.kmn") == 0)
        mkdir(home + "/dir.kmn", 0o700)
        let r = kemuning(["--memory"] + c.args, home: home, cwd: home)
        #expect(r.status == c.code, "\(r.stderr)")
        #expect(r.stderr.contains(c.stderr), "\(r.stderr)")
        #expect(type(home + "/fifo.kmn") == S_IFIFO && type(home + "/fifo.out") == S_IFIFO, "a FIFO was replaced")
        #expect(type(home + "/null.kmn") == S_IFLNK, "the link was replaced")
        #expect(type("/dev/null") == S_IFCHR, "/dev/null is no longer a device")
        #expect(type(home + "/dir.kmn") == S_IFDIR)
    }

    /// Through a link to a regular file the file is written and the link stays.
    @Test func aLinkToARegularFileIsWrittenThrough() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        mkdir(home + "/real", 0o700)
        writeFile(home + "/real/rec.kmn", "old\n")
        #expect(symlink("real/rec.kmn", home + "/rec.kmn") == 0)
        let r = kemuning(["--memory", "-c", "record start rec.kmn; echo hi; record stop"], home: home, cwd: home)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(type(home + "/rec.kmn") == S_IFLNK, "the link was replaced by a file")
        let script = try #require(readFile(home + "/real/rec.kmn"))
        #expect(script.hasSuffix("echo hi\n"), "\(script)")
    }

    @Test func publishingOntoAFIFOOrALinkToADeviceIsRefused() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let store = home + "/round"
        let round = kemuning(["--store", store, "run", Paths.root + "/scripts/examples/recruitment-round.kmn"], home: home)
        try #require(round.status == 0, "\(round.stderr)")
        #expect(mkfifo(home + "/fifo.csv", 0o600) == 0)
        #expect(symlink("/dev/null", home + "/null.md") == 0)
        for (file, why) in [("fifo.csv", "it is a FIFO"), ("null.md", "it leads to a character device")] {
            let r = kemuning(["--store", store, "-c", "vacancy results V1 --publish \(file)"], home: home, cwd: home)
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains("error: cannot publish to '\(file)': cannot write '\(file)': \(why), not a regular file"), "\(r.stderr)")
        }
        #expect(type(home + "/fifo.csv") == S_IFIFO)
        #expect(type(home + "/null.md") == S_IFLNK)
        #expect(type("/dev/null") == S_IFCHR)
        // A new file is still made.
        let ok = kemuning(["--store", store, "-c", "vacancy results V1 --publish new.csv"], home: home, cwd: home)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(type(home + "/new.csv") == S_IFREG)
    }
}
