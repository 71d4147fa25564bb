#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Bad input through the real binary: a clear error that says what and where, the right exit
/// code, and a store left exactly as it was.
@Suite struct BadInputTests {
    /// A store holding one vacancy and one applicant, folded into its snapshot.
    func seededStore(_ home: String) -> String {
        let store = home + "/store"
        let r = kemuning(["--store", store, "-c", "vacancy add --title Analis --unit Bappeda --seats 1; applicant add --nik 3201234567890001 --name Budi --born 1990-01-01"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    func files(_ store: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for f in ["snapshot.json", "journal.jsonl"] { out[f] = readBytes(store + "/" + f) ?? [] }
        return out
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var args: [String]
        var input: String?
        var file: [UInt8]?
        var code: Int32
        var stderr: [String]
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown command", args: ["-c", "vacancy list; vacncy add --title X"], code: 2,
             stderr: ["<command-line>:1:15: error: unknown command 'vacncy'", "hint: did you mean 'vacancy'?"]),
        Case(name: "unknown flag", args: ["-c", "applicant add --nik 3201234567890002 --nmae Sari --born 1990-01-01"], code: 2,
             stderr: ["error: unknown flag '--nmae' for 'applicant add'", "hint: did you mean '--name'?"]),
        Case(name: "bad date", args: ["-c", "applicant add --nik 3201234567890002 --name Sari --born 1990-02-30"], code: 1,
             stderr: ["<command-line>:1:57: error: bad date '1990-02-30': February 1990 has 28 days"]),
        Case(name: "wrong NIK", args: ["-c", "applicant add --nik 3201-2345-6789 --name Sari --born 1990-02-03"], code: 1,
             stderr: ["error: bad NIK '3201********89': a NIK is exactly 16 digits"]),
        Case(name: "duplicate NIK", args: ["-c", "applicant add --nik 3201234567890001 --name Sari --born 1990-02-03"], code: 1,
             stderr: ["error: NIK 3201**********01 is already registered, as applicant A1"]),
        Case(name: "wrong id", args: ["-c", "applicant show A99"], code: 1,
             stderr: ["<command-line>:1:16: error: no applicant 'A99'", "hint: the only applicant is A1"]),
        Case(name: "out-of-range seats", args: ["-c", "vacancy add --title X --unit Y --seats 0"], code: 1,
             stderr: ["error: --seats must be from 1 to 100000, not 0"]),
        Case(name: "a number too large to hold", args: ["-c", "vacancy add --title X --unit Y --seats 99999999999999999999"], code: 1,
             stderr: ["<command-line>:1:40: error: bad number '99999999999999999999' for --seats: too large (at most 100000)"]),
        Case(name: "a number too small to hold", args: ["-c", "vacancy add --title X --unit Y --seats -99999999999999999999"], code: 1,
             stderr: ["error: bad number '-99999999999999999999' for --seats: too small (at least 1)"]),
        Case(name: "a pass mark too large to hold", args: ["-c", "vacancy set V1 --pass-marks twk=99999999999999999999"], code: 1,
             stderr: ["error: bad TWK pass mark '99999999999999999999': too large (at most 150)"]),
        Case(name: "a date computed past the supported range", args: ["-c", "set today 2999-12-25; vacancy announce V1 --channel portal"], code: 1,
             stderr: ["error: vacancy 'closes' is 3000-01-08, outside the supported dates (1900-01-01 to 2999-12-31)"]),
        Case(name: "a date written past the supported range", args: ["-c", "set today 3000-01-01"], code: 1,
             stderr: ["error: bad date '3000-01-01': the year must be between 1900 and 2999"]),
        Case(name: "missing script file", args: ["run", "no-such-script.kmn"], code: 2,
             stderr: ["kemuning: error: cannot read script 'no-such-script.kmn': no such file"]),
        Case(name: "binary file as a script", args: ["run", "{FILE}"], file: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0A], code: 2,
             stderr: ["is a binary file, not a script (a NUL byte on line 1)"]),
        Case(name: "invalid UTF-8 in a script", args: ["run", "{FILE}"], file: Array("echo ok\nvacancy add --title \"".utf8) + [0xC3, 0x28] + Array("\" --unit U --seats 1\n".utf8), code: 2,
             stderr: ["is not valid UTF-8: byte 0xC3 at line 2, column 22"]),
        Case(name: "a noncharacter is text, not a command", args: [], input: "echo ok\n\u{FFFF}\n", file: nil, code: 2,
             stderr: ["<stdin>:2:1: error: unknown command '\u{FFFF}'"]),
        Case(name: "unknown option", args: ["--stroe", "x", "-c", "help"], code: 2,
             stderr: ["kemuning: error: unknown option '--stroe'", "hint: did you mean '--store'?"]),
        Case(name: "unclosed quote at the end", args: ["-c", "vacancy add --title \"Analis --unit U --seats 1"], code: 2,
             stderr: ["<command-line>:1:21: error: unterminated string: the '\"' here is never closed"]),
    ]

    @Test("bad input", arguments: BadInputTests.cases)
    func badInput(_ c: Case) throws {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let store = seededStore(home)
        let before = files(store)
        var args = c.args
        if let bytes = c.file {
            writeFile(home + "/bad.kmn", bytes)
            args = args.map { $0 == "{FILE}" ? home + "/bad.kmn" : $0 }
        }
        let r = kemuning(["--store", store] + args, input: c.input, home: home, cwd: home)
        #expect(r.status == c.code, "exit code; stderr: \(r.stderr)")
        for piece in c.stderr { #expect(r.stderr.contains(piece), "stderr lacks \(piece):\n\(r.stderr)") }
        #expect(!r.stderr.contains("3201234567890001"), "a full NIK reached stderr")
        #expect(files(store) == before, "the store changed")
    }

    /// KEMUNING_TODAY in the shape of a date says what is wrong with it, as `set today` does.
    @Test func aBadDateInKemuningTodaySaysWhy() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        for (today, why) in [("3000-01-01", "the year must be between 1900 and 2999"), ("2026-02-30", "February 2026 has 28 days"),
                             ("soon", "expected YYYY-MM-DD")] {
            let r = kemuning(["--memory", "-c", "echo hi"], home: home, env: ["KEMUNING_TODAY": today])
            #expect(r.status == 2)
            #expect(r.stderr.contains("bad KEMUNING_TODAY"), "\(r.stderr)")
            #expect(r.stderr.contains(why), "\(r.stderr)")
        }
    }

    @Test func invalidUTF8OnStdinNamesTheLine() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let r = runProcess(Paths.binary, ["--memory"], input: Array("echo ok\necho \"".utf8) + [0xFF, 0xFE] + Array("\"\necho never\n".utf8),
                           environment: testEnvironment(home: home))
        #expect(r.status == 2)
        #expect(r.stdout == "", "the script is refused whole, as a file is: no line runs")
        #expect(r.stderr.hasPrefix("<stdin>:2:7: error: invalid UTF-8 on line 2 of <stdin>"), "\(r.stderr)")
    }

    @Test func aOneMegabyteLineIsReadAndItsErrorShownInAWindow() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let long = String(repeating: "x", count: 1 << 20)
        let r = kemuning(["--memory"], input: "echo \(long)\nvacancy add --title \(long) --unit U --seats 1 --bogus\n", home: home)
        #expect(r.status == 2)
        #expect(r.stdout.count == (1 << 20) + 1)
        let lines = r.stderr.split(separator: "\n")
        let column = 20 + (1 << 20) + 20 + 1
        #expect(String(lines.first ?? "") == "<stdin>:2:\(column): error: unknown flag '--bogus' for 'vacancy add'", "\(r.stderr.prefix(300))")
        #expect(lines.count >= 3 && lines[1].count < 200, "the quoted line was not cut to a window")
        #expect(lines.count >= 3 && lines[2].hasSuffix("^~~~~~~"))
    }

    @Test func verySmallScriptsReportNothingOnStderr() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let r = kemuning(["--memory", "-c", ""], home: home)
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
    }
}
