#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Checks `text` as a script named `name`; returns the problems' messages with their places.
private func check(_ text: String, variables: [String: String] = [:], name: String = "t.kmn") -> [Diagnostic] {
    let c = ScriptChecker(variables: variables)
    c.check(text: text, source: Source(name: name))
    return c.diagnostics
}

private func located(_ ds: [Diagnostic]) -> [String] {
    ds.map { d in
        let r = d.error.range.map { "\($0.line):\($0.column)" } ?? "-"
        return "\(r) \(d.error.message)"
    }
}

/// A fresh directory with the files given, removed by the caller.
private func folder(_ files: [String: String]) -> String {
    let dir = makeTemporaryFolder("check")
    for (name, text) in files {
        let path = dir + "/" + name
        if let slash = name.lastIndex(of: "/") { mkdir(dir + "/" + name[..<slash], 0o700) }
        let f = fopen(path, "w")!
        fputs(text, f)
        fclose(f)
    }
    return dir
}

private func remove(_ dir: String, _ files: [String]) {
    for f in files { unlink(dir + "/" + f) }
    for f in files { if let slash = f.lastIndex(of: "/") { rmdir(dir + "/" + f[..<slash]) } }
    rmdir(dir)
}

@Suite struct CheckerTests {
    @Test func cleanScriptHasNoProblems() {
        let ds = check("""
        set today 2026-03-02
        let unit = Bappeda
        let v = vacancy add --title "Analis" --unit $unit --seats 2
        vacancy announce $v --channel portal --opens 2026-03-02
        echo "Vacancy $v"
        """)
        #expect(ds.isEmpty, "\(located(ds))")
    }

    @Test func nothingRuns() {
        let store = MemoryStore()
        let session = Session(backend: store)
        var events: [Event] = []
        session.emit = { events.append($0) }
        let ds = session.check(text: """
        set format json
        vacancy add --title "Analis" --unit Bappeda --seats 2
        let v = vacancy add --title "Analis" --unit Bappeda --seats 2
        echo hello $v
        """, source: Source(name: "t.kmn"))
        #expect(ds.isEmpty, "\(located(ds))")
        #expect(!session.isStoreLoaded)
        #expect(store.appended == 0)
        #expect(events.isEmpty)
        #expect(session.settings.format == .table)
        #expect(session.variables.isEmpty)
    }

    @Test func everyProblemIsReported() {
        let ds = check("""
        vacancy lst
        vacancy add --title X --unit Y --seat 2
        vacancy list --state
        vacancy add --title X --unit Y --seats 1 --opens 2026-02-30
        echo $nope
        frobnicate
        echo "open
        """)
        #expect(located(ds) == [
            "1:9 unknown sub-command 'vacancy lst'",
            "2:32 unknown flag '--seat' for 'vacancy add'",
            "3:14 flag '--state' needs a value: --state draft|announced|screening|skd|skb|final|closed",
            "4:50 bad date '2026-02-30': February 2026 has 28 days",
            "5:6 unknown variable '$nope'",
            "6:1 unknown command 'frobnicate'",
            "7:6 unterminated string: the '\"' here is never closed",
        ])
        #expect(ds[0].error.hint == "did you mean 'vacancy list'?")
        #expect(ds[1].error.hint == "did you mean '--seats'?")
        #expect(ds.allSatisfy { $0.file == "t.kmn" && $0.lineText != nil })
    }

    @Test func lexerErrorsDoNotStopTheCheck() {
        let ds = check("echo ${1x}\nfrobnicate\n")
        #expect(ds.count == 2)
        #expect(ds[0].error.kind == .syntax)
        #expect(ds[1].error.message == "unknown command 'frobnicate'")
    }

    @Test func commandValuesAreNotUnknownVariables() {
        // `$v` holds what `vacancy add` returns: known only at run time, so no kind checks on it.
        let ds = check("""
        let v = vacancy add --title X --unit Y --seats 2
        let n = vacancy add --title X --unit Y --seats 1
        vacancy show $v
        applicant show $v
        vacancy add --title X --unit Y --seats $n --opens $n
        vacancy add --title X --unit Y --seats=$n
        """)
        #expect(ds.isEmpty, "\(located(ds))")
    }

    @Test func literalVariablesAreChecked() {
        let ds = check("let n = two\nvacancy add --title X --unit Y --seats $n\nvacancy add --title X --unit Y --seats $k",
                       variables: ["k": "0"])
        #expect(located(ds) == [
            "2:40 bad number 'two' for --seats: expected a whole number",
            "3:40 --seats must be from 1 to 100000, not 0",
        ])
    }

    @Test func variablesAreBoundFromTheirLetOn() {
        let ds = check("echo $v\nlet v = vacancy list\necho $v\nlet = x\nlet 1x = 2\nlet w x\n")
        #expect(located(ds) == [
            "1:6 unknown variable '$v'",
            "4:5 bad variable name '=': names are letters, digits and '_', not starting with a digit",
            "5:5 bad variable name '1x': names are letters, digits and '_', not starting with a digit",
            "6:7 expected '=' after 'let w'",
        ])
    }

    @Test func unknownVariablesDoNotHideOtherProblems() {
        let ds = check("vacancy add --title $t --unit Y --seats 1 --bogus")
        #expect(located(ds) == [
            "1:21 unknown variable '$t'",
            "1:43 unknown flag '--bogus' for 'vacancy add'",
        ])
    }

    @Test func sourcedFilesAreFollowed() {
        let files = [
            "main.kmn": "let unit = B\nsource lib/a.kmn\necho $x\nsource lib/none.kmn\nrun lib/a.kmn lib/loop.kmn\n",
            "lib/a.kmn": "let x = 1\nvacancy add --title T --unit $unit --seats 1 --bogus\n",
            "lib/loop.kmn": "source loop.kmn\n",
        ]
        let dir = folder(files)
        defer { remove(dir, Array(files.keys)) }
        let c = ScriptChecker()
        c.check(file: dir + "/main.kmn")
        let ds = c.diagnostics
        let main = dir + "/main.kmn"
        #expect(located(ds) == [
            "2:46 unknown flag '--bogus' for 'vacancy add'",
            "4:8 cannot read script '\(dir)/lib/none.kmn': no such file",
            "1:8 source cycle: \(main) → \(dir)/lib/loop.kmn → \(dir)/lib/loop.kmn",
        ])
        #expect(ds[0].file == dir + "/lib/a.kmn")
        #expect(ds[0].includes == [Diagnostic.Include(file: main, line: 2)])
        #expect(ds[1].file == main && ds[1].includes.isEmpty)
        #expect(ds[2].includes == [Diagnostic.Include(file: main, line: 5)])
        #expect(c.checkedSources.count == 3)
        #expect(c.exitCode == 2)
    }

    @Test func aMissingScriptIsAUsageProblem() {
        let c = ScriptChecker()
        c.check(file: "/nonexistent/x.kmn")
        #expect(c.diagnostics.count == 1)
        #expect(c.diagnostics[0].error.kind == .usage)
        #expect(c.diagnostics[0].file == nil)
        #expect(c.exitCode == 2)
    }

    @Test func exitCodes() {
        let clean = ScriptChecker()
        clean.check(text: "echo hi", source: Source(name: "t"))
        #expect(clean.exitCode == 0)
        let values = ScriptChecker()
        values.check(text: "echo $x\nsleep -1", source: Source(name: "t"))
        #expect(values.diagnostics.count == 2)
        #expect(values.exitCode == 1)
    }
}
