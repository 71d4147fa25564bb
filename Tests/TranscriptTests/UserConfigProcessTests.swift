#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The configuration file as the program meets it: read at the start (a bad line is a warning
/// naming FILE:LINE, never a refusal), written by `set --save`, and ranked under the options.
@Suite struct UserConfigProcessTests {
    @Test func theFileIsReadAtTheStartAndABadLineOnlyWarns() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        mkdir(home + "/.config", 0o700)
        mkdir(home + "/.config/kemuning", 0o700)
        let file = home + "/.config/kemuning/config"
        writeFile(file, "# mine\nformat = jsonl\nformat = loud\ntoday = 2026-01-01\n")
        let r = kemuning(["--memory", "-c", "set"], home: home)
        #expect(r.status == 0)
        #expect(r.stdout.contains(#"{"setting":"format","value":"jsonl","from":"config \#(file):2"}"#), "\(r.stdout)")
        #expect(r.stderr.contains("\(file):3: bad format 'loud': expected table, json, jsonl or csv: ignored"), "\(r.stderr)")
        #expect(r.stderr.contains("\(file):4: 'today' is not kept in the configuration file: ignored"), "\(r.stderr)")
        // An option beats the file.
        let t = kemuning(["--memory", "--format", "csv", "-c", "set"], home: home)
        #expect(t.stdout.contains("format,csv,option --format"), "\(t.stdout)")
    }

    @Test func setSaveLastsIntoTheNextRun() throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let save = kemuning(["--memory", "-c", "set operator 'Siti Rahayu' --save; set lang id --save"], home: home)
        #expect(save.status == 0, "\(save.stderr)")
        let file = home + "/.config/kemuning/config"
        #expect(readFile(file) == "operator = Siti Rahayu\nlang = id\n")
        var st = stat()
        #expect(stat(file, &st) == 0 && st.st_mode & 0o777 == 0o600)
        // XDG_CONFIG_HOME moves it.
        let elsewhere = kemuning(["--memory", "-c", "set format json --save"], home: home, env: ["XDG_CONFIG_HOME": home + "/xdg"])
        #expect(elsewhere.status == 0)
        #expect(readFile(home + "/xdg/kemuning/config") == "format = json\n")
        // The next run, in its store, records Siti as the operator and speaks Indonesian.
        let next = kemuning(["--store", home + "/store", "--format", "jsonl", "-c", "vacancy add --title A --unit B --seats 1; audit V1"], home: home,
                            env: ["USER": "tester"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains(#""operator":"Siti Rahayu""#), "\(next.stdout)")
        let listed = kemuning(["--memory", "-c", "set"], home: home)
        #expect(listed.stdout.contains("operator    Siti Rahayu"), "\(listed.stdout)")
        #expect(listed.stdout.contains("konfigurasi \(file):1"), "\(listed.stdout)")
    }
}
