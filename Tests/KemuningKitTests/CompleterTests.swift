#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// A session with two vacancies, one applicant, two variables and two named snapshots.
private func populated() throws -> Session {
    let s = Session(backend: MemoryStore())
    s.settings.today = Day(year: 2026, month: 11, day: 29)
    try s.run(text: """
        vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 2
        vacancy add --title "Pranata Komputer" --unit Diskominfo --seats 1
        applicant add --nik 3201234567890001 --name "Budi Santoso" --born 1994-11-02
        snapshot save before-skd
        snapshot save baseline
        let unit = Bappeda
        let v = V1
        """, source: Source(name: "setup"))
    return s
}

/// A fresh one per use: tests run in parallel, and a session is not to be shared across threads.
private var session: Session { try! populated() }

/// The candidates' texts for `line` with the cursor at its end (or at `cursor`).
private func texts(_ line: String, cursor: Int? = nil, in s: Session = session) -> [String] {
    s.complete(line: line, cursor: cursor ?? line.unicodeScalars.count).candidates.map(\.text)
}

private func from(_ line: String, cursor: Int? = nil) -> Int {
    session.complete(line: line, cursor: cursor ?? line.unicodeScalars.count).replaceFrom
}

private let allTopWords = ["action", "applicant", "application", "apply", "assert", "audit", "complaint", "echo", "employee", "exit",
                           "final", "forum", "help", "hire", "history", "holiday", "import", "interview", "jobfair", "let", "mentor", "policy", "publish", "quit",
                           "recommend", "record", "redo", "report", "request", "run", "save", "screen", "service", "set", "skb", "skd", "skp", "sleep",
                           "snapshot", "source", "store", "survey", "training", "undo", "vacancy", "vars", "workload"]

@Suite("Completer")
struct CompleterTests {

    // MARK: command names

    @Test func commandNamesAreOfferedOnceAndSorted() {
        #expect(texts("") == allTopWords)
        #expect(texts("l") == ["let"])
    }

    @Test(arguments: [
        ("va", ["vacancy", "vars"], 0),
        ("s", ["save", "screen", "service", "set", "skb", "skd", "skp", "sleep", "snapshot", "source", "store", "survey"], 0),
        ("  sn", ["snapshot"], 2),
        ("echo a; vac", ["vacancy"], 8),
        ("echo a;vac", ["vacancy"], 7),
        ("xyz", [], 0),
    ])
    func firstWordsCompleteToCommandsAndGroups(_ line: String, _ expected: [String], _ start: Int) {
        #expect(texts(line) == expected)
        #expect(from(line) == start)
    }

    @Test func commandsAndGroupsCarryTheirSummaries() {
        let c = session.complete(line: "vac", cursor: 3).candidates
        #expect(c == [.init("vacancy", label: "vacancies (formasi): add, set, announce, advance, close, list, show, optimize, results")])
        #expect(session.complete(line: "ech", cursor: 3).candidates == [.init("echo", label: "print words")])
    }

    @Test(arguments: [
        ("vacancy ", ["add", "set", "announce", "advance", "close", "list", "show", "optimize", "results"], 8),
        ("vacancy s", ["set", "show"], 8),
        ("snapshot r", ["restore"], 9),
        ("store ", ["info", "init", "copy", "check"], 6),
        ("vacancy   l", ["list"], 10),
    ])
    func subCommandsOfAGroup(_ line: String, _ expected: [String], _ start: Int) {
        #expect(texts(line) == expected)
        #expect(from(line) == start)
    }

    @Test func subCommandsCarryTheirSummaries() {
        #expect(session.complete(line: "snapshot d", cursor: 10).candidates == [.init("delete", label: "delete a named snapshot")])
    }

    // MARK: flags

    @Test(arguments: [
        ("vacancy add --", ["--title", "--unit", "--seats", "--type", "--education", "--category", "--pass-marks", "--skb", "--cat-max", "--quota-factor", "--opens", "--closes", "--rubric", "--objection-days", "--min-age", "--max-age"]),
        ("vacancy add -", ["--title", "--unit", "--seats", "--type", "--education", "--category", "--pass-marks", "--skb", "--cat-max", "--quota-factor", "--opens", "--closes", "--rubric", "--objection-days", "--min-age", "--max-age"]),
        ("vacancy add --title x --seats 2 --", ["--unit", "--type", "--education", "--category", "--pass-marks", "--skb", "--cat-max", "--quota-factor", "--opens", "--closes", "--rubric", "--objection-days", "--min-age", "--max-age"]),
        ("vacancy add --education S1 --type=pppk --", ["--title", "--unit", "--seats", "--education", "--category", "--pass-marks", "--skb", "--cat-max", "--quota-factor", "--opens", "--closes", "--rubric", "--objection-days", "--min-age", "--max-age"]),
        ("vacancy add --u", ["--unit"]),
        ("vacancy list --", ["--unit", "--state", "--category"]),
        ("applicant list --", ["--reveal"]),
        ("applicant list --reveal --", []),
        ("applicant add --nik 1 --name n --born 1990-01-01 --", ["--education", "--gpa"]),
        ("vacancy show --", []),
        ("echo --", []),
        ("let a = vacancy add --title t --s", ["--seats", "--skb"]),
    ])
    func flagsOfTheCommandBeingTypedWithoutRepeatingGivenOnes(_ line: String, _ expected: [String]) {
        #expect(texts(line) == expected)
    }

    @Test func flagsCarryTheirHelp() {
        #expect(session.complete(line: "vacancy add --ty", cursor: 16).candidates ==
                [.init("--type", label: "cpns (civil servant) or pppk (contract)")])
        #expect(from("vacancy add --ty") == 12)
    }

    @Test(arguments: [
        ("vacancy add --type ", ["cpns", "pppk"], 19),
        ("vacancy add --type p", ["pppk"], 19),
        ("vacancy add --type \"p", ["pppk"], 20),
        ("vacancy add --type=c", ["--type=cpns"], 12),
        ("vacancy add --type=", ["--type=cpns", "--type=pppk"], 12),
        ("assert $v ", ["==", "!=", "<", "<=", ">", ">="], 10),
        ("assert $v <", ["<", "<="], 10),
        ("vacancy add --title ", [], 20),
        ("vacancy add --title \"Ana", [], 21),
        ("vacancy add --seats ", [], 20),
    ])
    func choiceValuesOfFlagsAndPositionals(_ line: String, _ expected: [String], _ start: Int) {
        #expect(texts(line) == expected)
        #expect(from(line) == start)
    }

    // MARK: ids, variables, settings, snapshots

    @Test func idsAreOfferedWithTheirLabels() {
        #expect(session.complete(line: "vacancy show ", cursor: 13).candidates == [
            .init("V1", label: "Analis Kebijakan (Bappeda)"),
            .init("V2", label: "Pranata Komputer (Diskominfo)"),
        ])
        #expect(session.complete(line: "applicant show --reveal A", cursor: 25).candidates == [.init("A1", label: "Budi Santoso")])
        #expect(texts("vacancy show V2") == ["V2"])
        #expect(texts("vacancy show V1 ") == [])
    }

    @Test func idsNeedTheStoreButDoNotFailWithoutRecords() {
        let empty = Session(backend: MemoryStore())
        #expect(texts("vacancy show ", in: empty) == [])
    }

    @Test(arguments: [
        ("echo $", ["$unit", "$v"], 5),
        ("echo $u", ["$unit"], 5),
        ("echo \"$u", ["$unit"], 6),
        ("vacancy add --unit $", ["$unit", "$v"], 19),
        ("echo $zz", [], 5),
    ])
    func variablesAreOfferedAfterADollar(_ line: String, _ expected: [String], _ start: Int) {
        #expect(texts(line) == expected)
        #expect(from(line) == start)
    }

    @Test func variablesCarryTheirValues() {
        #expect(session.complete(line: "echo $", cursor: 6).candidates == [.init("$unit", label: "Bappeda"), .init("$v", label: "V1")])
        // `let NAME` offers the variables there are, to bind one again.
        #expect(texts("let ") == ["unit", "v"])
        #expect(texts("let u") == ["unit"])
    }

    @Test(arguments: [
        ("set ", ["format", "color", "echo", "keep-going", "today", "operator", "lang", "csv"]),
        ("set f", ["format"]),
        ("set format ", ["table", "json", "jsonl", "csv"]),
        ("set lang ", ["en", "id"]),
        ("set echo o", ["on", "off"]),
        ("set operator ", []),
        ("snapshot restore ", ["baseline", "before-skd"]),
        ("snapshot delete be", ["before-skd"]),
        ("snapshot save b", ["baseline", "before-skd"]),
        ("help ", allTopWords),
        ("help vacancy ", ["add", "set", "announce", "advance", "close", "list", "show", "optimize", "results"]),
        ("help vacancy a", ["add", "announce", "advance"]),
        ("let x = vacancy a", ["add", "announce", "advance"]),
        ("let x = va", ["vacancy", "vars"]),
        ("frob ", []),
        ("quit ", []),
        ("sleep 1", []),
    ])
    func positionalValuesByKind(_ line: String, _ expected: [String]) {
        #expect(texts(line) == expected)
    }

    @Test func theCursorMayBeInsideTheLine() {
        let c = session.complete(line: "vacancy ad V1", cursor: 10)
        #expect(c.replaceFrom == 8)
        #expect(c.candidates.map(\.text) == ["add", "advance"])
        #expect(session.complete(line: "日本 va", cursor: 5).candidates == [])
        #expect(session.complete(line: "日本 va", cursor: 5).replaceFrom == 3)
    }

    // MARK: files

    @Test func filePathsCompleteWithDirectoriesEndingInASlash() throws {
        let dir = makeTemporaryFolder("complete")
        defer { removeTemporaryFolder(dir) }
        mkdir(dir + "/sub", 0o700)
        for f in ["setup.kmn", "seed.kmn", ".hidden.kmn", "sub/inner.kmn"] {
            let fd = open(dir + "/" + f, O_WRONLY | O_CREAT, 0o600)
            close(fd)
        }
        let all = session.complete(line: "source \(dir)/", cursor: 8 + dir.unicodeScalars.count)
        #expect(all.replaceFrom == 7)
        #expect(all.candidates == [
            .init("\(dir)/seed.kmn"), .init("\(dir)/setup.kmn"), .init("\(dir)/sub/", appendSpace: false),
        ])
        #expect(texts("source \(dir)/se") == ["\(dir)/seed.kmn", "\(dir)/setup.kmn"])
        #expect(texts("source \(dir)/s") == ["\(dir)/seed.kmn", "\(dir)/setup.kmn", "\(dir)/sub/"])
        #expect(texts("source \(dir)/.h") == ["\(dir)/.hidden.kmn"])
        #expect(texts("source \(dir)/sub/") == ["\(dir)/sub/inner.kmn"])
        #expect(texts("source \"\(dir)/sub/i") == ["\(dir)/sub/inner.kmn"])
        #expect(texts("source \(dir)/nothing/") == [])
    }

    // MARK: the common prefix

    @Test(arguments: [
        (["vacancy", "vars"], "va"), (["日本", "日本語"], "日本"), ([], ""), (["a"], "a"), (["abc", "xyz"], ""),
        (["e\u{301}x", "e\u{301}y"], "e\u{301}"), (["e\u{301}", "e"], "e"),
    ])
    func commonPrefixIsCountedInScalars(_ words: [String], _ expected: String) {
        #expect(commonPrefix(words) == expected)
    }

    // MARK: recruitment records

    @Test func applicationIdsJobFairsAndSourcesComplete() throws {
        let s = Session(backend: MemoryStore())
        s.settings.today = Day(year: 2026, month: 11, day: 2)
        try s.run(text: """
            vacancy add --title "Analis Kebijakan" --unit Bappeda --seats 1
            vacancy announce V1 --channel portal
            jobfair add --name "Bursa Kerja" --date 2026-11-07 --institution "Universitas Kemuning"
            applicant add --nik 3201234567890001 --name "Budi Santoso" --born 1994-11-02
            apply A1 V1 --source J1
            """, source: Source(name: "setup"))
        let ids = s.complete(line: "skd P", cursor: 5).candidates
        #expect(ids == [Completion.Candidate("P1", label: "Budi Santoso → V1")])
        #expect(texts("apply A1 V1 --source ", in: s) == Vacancy.channels + ["J1"])
        #expect(s.complete(line: "jobfair link J", cursor: 14).candidates == [Completion.Candidate("J1", label: "Bursa Kerja, 2026-11-07")])
        #expect(texts("apply A1 V", in: s) == ["V1"])
    }

    // MARK: every kind of record

    /// Ids of every kind complete from the one table of record kinds, not only the first five.
    @Test func idsOfTheOtherKindsComplete() throws {
        let s = Session(backend: MemoryStore())
        try s.run(text: """
            training add --title "Pelayanan Prima" --topic public-service --jp 16
            training add --title "Menulis Surat Dinas" --topic communication --jp 8
            """, source: Source(name: "setup"))
        #expect(s.complete(line: "training enroll E1 T", cursor: 20).candidates
                == [Completion.Candidate("T1", label: "Pelayanan Prima"), Completion.Candidate("T2", label: "Menulis Surat Dinas")])
    }
}
