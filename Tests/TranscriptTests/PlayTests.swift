#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `kemuning play` without a terminal, and `--from SNAPSHOT`.
@Suite struct PlayTests {
    static let demo = """
        # Welcome.
        # @silent
        set today 2026-11-02
        vacancy add --title Setup --unit Hidden --seats 1
        # @end
        # Open a vacancy.
        vacancy add --title Analis --unit Bappeda --seats 2
        # @pause
        vacancy list
        """

    @Test func withoutATerminalItRunsLikeRunWithNarration() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        writeFile(home + "/demo.kmn", Self.demo + "\n")
        let r = kemuning(["--memory", "play", "demo.kmn"], home: home, cwd: home)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            # Welcome.
            # Open a vacancy.
            kemuning> vacancy add --title Analis --unit Bappeda --seats 2
            vacancy V2 added
            kemuning> vacancy list
            ID  TITLE   UNIT     SEATS  TYPE  CATEGORY  EDUCATION  STATE  APPLICATIONS
            --  ------  -------  -----  ----  --------  ---------  -----  ------------
            V1  Setup   Hidden       1  cpns  general              draft             0
            V2  Analis  Bappeda      2  cpns  general              draft             0
            (2 rows)

            """)
    }

    @Test func fromASnapshotTheRealStoreIsUntouchedAndEveryRunIsTheSame() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        writeFile(home + "/demo.kmn", Self.demo + "\n")
        let store = home + "/store"
        #expect(kemuning(["--store", store, "-c", "vacancy add --title Base --unit U --seats 1; snapshot save base"], home: home).status == 0)
        let before = readBytes(store + "/snapshot.json")
        // The scratch stores go in a TMPDIR of this test's own, which must be empty after.
        let scratch = home + "/tmp"
        mkdir(scratch, 0o700)
        let first = kemuning(["--store", store, "--from", "base", "play", "demo.kmn"], home: home, cwd: home, env: ["TMPDIR": scratch])
        let second = kemuning(["--store", store, "--from", "base", "play", "demo.kmn"], home: home, cwd: home, env: ["TMPDIR": scratch])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("V1  Base"))
        #expect(first.stdout.contains("vacancy V3 added"))
        #expect(first.stdout == second.stdout, "the demo did not replay identically")
        #expect(readBytes(store + "/snapshot.json") == before, "the trainer's store changed")
        // No scratch stores are left behind.
        #expect(listDirectory(scratch) == [])
        // And they were made there: a TMPDIR that is not there stops play before it begins.
        let nowhere = kemuning(["--store", store, "--from", "base", "play", "demo.kmn"], home: home, cwd: home,
                               env: ["TMPDIR": home + "/missing"])
        #expect(nowhere.status != 0 && nowhere.stderr.contains("cannot make a scratch store in \(home)/missing"), "\(nowhere.stderr)")
    }

    @Test func aMissingSnapshotIsABadInvocation() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        writeFile(home + "/demo.kmn", Self.demo + "\n")
        let r = kemuning(["--store", home + "/store", "--from", "nope", "play", "demo.kmn"], home: home, cwd: home)
        #expect(r.status == 2)
        #expect(r.stderr.contains("no snapshot named 'nope'"), "\(r.stderr)")
    }
}
