import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The program's own arguments, read by `ProgramOptions.parse` from `ProgramOptions.table`.
@Suite struct ProgramOptionsTests {
    private func options(_ argv: [String]) throws -> ProgramOptions {
        guard case .run(let o) = try ProgramOptions.parse(argv) else {
            Issue.record("\(argv) did not ask to run")
            return ProgramOptions()
        }
        return o
    }

    /// The error `argv` is refused with: its English, and its hint's.
    private func refusal(_ argv: [String]) -> (String, String?)? {
        do {
            _ = try ProgramOptions.parse(argv)
            return nil
        } catch let e as KemuningError {
            #expect(e.kind == .usage)
            return (e.message.english, e.hint?.english)
        } catch {
            return ("\(error)", nil)
        }
    }

    /// `--help` explains the options of the table, each on a line of its own, and only those
    /// (`--colour` is another spelling); `help play` takes its lines from there.
    @Test func theHelpListsTheOptionsOfTheTable() {
        for lang in Lang.allCases {
            let lines = ProgramOptions.helpText(lang).split(separator: "\n").filter { $0.hasPrefix("  --") }
            let listed = lines.map { String($0.dropFirst(4).prefix { $0 != " " }) }
            #expect(Set(listed) == Set(ProgramOptions.table.map(\.flag.name)), "\(lang)")
            #expect(listed.count == Set(listed).count, "\(lang)")
        }
    }

    /// `help play` shows each of a mode's options, as `--help` explains it, in each language.
    @Test func everyModeOptionHasItsLinesInTheHelp() {
        for lang in Lang.allCases {
            for m in ProgramOptions.modes {
                for o in m.options {
                    #expect(ProgramOptions.option(o) != nil, "--\(o) of \(m.name)")
                    #expect(ProgramOptions.optionLines(o, lang).first?.hasPrefix("  --\(o)") == true, "--\(o) in \(lang)")
                }
            }
        }
        #expect(ProgramOptions.optionLines("step", .en).count == 2)
        #expect(ProgramOptions.optionLines("store", .en).count == 2)
        #expect(ProgramOptions.optionLines("memory", .en).count == 1)
    }

    /// "did you mean" weighs the options in the order it always did; `play`'s own options and
    /// `--transcript` are not offered.
    @Test func suggestionsComeInTheHelpOrder() {
        #expect(ProgramOptions.table.filter(\.suggested).flatMap(\.names) ==
                ["store", "memory", "format", "csv", "color", "colour", "sync", "keep-going", "atomic", "check", "echo", "var", "no-history", "lang", "version", "help", "operator"])
    }

    /// Every setting with an option is read by the program.
    @Test func everySettingOptionIsAProgramOption() {
        for s in Settings.table {
            guard let option = s.option else { continue }
            #expect(ProgramOptions.option(option.names[0]) != nil, "--\(option.names[0])")
        }
    }

    @Test func settingsComeFromTheirOptions() throws {
        let o = try options(["--format=jsonl", "--colour", "never", "--echo", "--keep-going", "--lang", "id"])
        #expect(o.settings.format == .jsonl)
        #expect(o.settings.color == .never)
        #expect(o.settings.echo && o.settings.keepGoing)
        #expect(o.lang == .id)
        #expect(try options([]).lang == nil)
        #expect(try options([]).settings.format == .table)
    }

    /// As it always was: a bare option ignores `=value`, the last of a repeated option counts,
    /// and a value may look like an option.
    @Test func theOldWaysAreKept() throws {
        #expect(try options(["--echo=off"]).settings.echo)
        #expect(try options(["--memory=no"]).memory)
        #expect(try options(["--format", "csv", "--format", "json"]).settings.format == .json)
        #expect(try options(["--store", "--memory"]).store == "--memory")
        #expect(try options(["--store", "--memory"]).memory == false)
        #expect(try options(["--delay", "+5"]).delay == 5)
    }

    @Test func modes() throws {
        #expect(try options(["-c", "echo 1", "-c", "echo 2"]).mode == .command("echo 2"))
        #expect(try options(["run", "a.kmn", "--check", "b.kmn", "--format", "json"]).mode == .files(["a.kmn", "b.kmn"]))
        #expect(try options(["run", "a.kmn", "--check"]).check)
        #expect(try options(["run", "--", "--x", "y"]).mode == .files(["--x", "y"]))
        #expect(try options(["play", "--step", "demo.kmn"]).mode == .play("demo.kmn"))
        #expect(try options(["--var", "a=b=c", "--var", "b=2"]).vars.map { "\($0.name)=\($0.value)" } == ["a=b=c", "b=2"])
        #expect(try options([]).mode == nil)
        guard case .help = try ProgramOptions.parse(["-h", "--bogus"]) else { Issue.record("-h"); return }
        guard case .version = try ProgramOptions.parse(["--version=1"]) else { Issue.record("--version"); return }
    }

    @Test func theCSVDialectComesFromItsOption() throws {
        #expect(try options(["--csv", "excel-id"]).settings.csvDialect == .excelID)
        #expect(try options([]).settings.csvDialect == .standard)
        let error = #expect(throws: KemuningError.self) { try ProgramOptions.parse(["--csv", "excel"]) }
        #expect(error?.message.english == "bad --csv 'excel': expected standard or excel-id")
    }

    /// Options go on either side of `run`, and between its files, as the README writes them:
    /// `kemuning run --atomic FILE` was refused ("'run' needs at least one script file").
    @Test(arguments: [
        ["run", "--atomic", "a.kmn"], ["--atomic", "run", "a.kmn"], ["run", "a.kmn", "--atomic"],
        ["run", "--keep-going", "--echo", "a.kmn", "--atomic", "b.kmn"],
    ])
    func optionsGoOnEitherSideOfRun(_ argv: [String]) throws {
        let o = try options(argv)
        #expect(o.atomic)
        #expect(o.mode == .files(argv.filter { $0.hasSuffix(".kmn") }))
        if argv.contains("--keep-going") { #expect(o.settings.keepGoing && o.settings.echo) }
    }

    @Test func anOptionAfterRunIsCheckedAsAnyOther() {
        let error = #expect(throws: KemuningError.self) { try ProgramOptions.parse(["run", "--stroe", "x", "a.kmn"]) }
        #expect(error?.message.english == "unknown option '--stroe'")
        let alone = #expect(throws: KemuningError.self) { try ProgramOptions.parse(["run", "--atomic"]) }
        #expect(alone?.message.english == "'run' needs at least one script file")
    }

    @Test(arguments: [
        (["--stroe", "x"], "unknown option '--stroe'", "did you mean '--store'?"),
        (["--transcrip"], "unknown option '--transcrip'", nil),
        (["--"], "unknown option '--'", nil),
        (["--colour"], "option '--colour' needs a value", nil),
        (["--format", "xml"], "bad --format 'xml': expected table, json, jsonl or csv", nil),
        (["--color", "blue"], "bad --color 'blue': expected auto, always or never", nil),
        (["--lang", "fr"], "bad --lang 'fr': expected en or id", nil),
        (["--sync", "now"], "bad --sync 'now': expected always or batch", nil),
        (["--delay", "600001"], "bad --delay '600001': milliseconds from 0 to 600000", nil),
        (["--speed", "0"], "bad --speed '0': characters a second, from 1 to 10000", nil),
        (["--var", "=1"], "bad --var '=1': expected NAME=VALUE", nil),
        (["--var", "1a=2"], "bad --var name '1a': names are letters, digits and '_', not starting with a digit", nil),
        (["-c"], "option '-c' needs commands, like: kemuning -c 'vacancy list'", nil),
        (["run"], "'run' needs at least one script file", nil),
        (["play"], "'play' needs a script file: kemuning play FILE", nil),
        (["a.kmn"], "unexpected argument 'a.kmn'", "to run a script: kemuning run a.kmn"),
        (["--bogus", "--help"], "unknown option '--bogus'", nil),
    ] as [([String], String, String?)])
    func badArgumentsAreRefused(_ argv: [String], _ message: String, _ hint: String?) {
        let r = refusal(argv)
        #expect(r?.0 == message)
        #expect(r?.1 == hint)
    }

    @Test func theLanguageIsLookedForFirst() {
        #expect(ProgramOptions.languageAsked(in: ["--bogus", "--lang", "id"]) == .id)
        #expect(ProgramOptions.languageAsked(in: ["--lang=id", "--lang", "en"]) == .id)
        #expect(ProgramOptions.languageAsked(in: ["--lang", "fr", "--lang", "id"]) == .id)
        #expect(ProgramOptions.languageAsked(in: ["-c", "x", "--lang", "id"]) == nil)
        #expect(ProgramOptions.languageAsked(in: ["--", "--lang", "id"]) == nil)
        #expect(ProgramOptions.languageAsked(in: ["--lang"]) == nil)
    }
}
