#if canImport(Glibc)
import Glibc
#endif
import Testing

// The store's durability promises, checked on the real binary as orderings: with
// KEMUNING_IO_TRACE=FILE it appends to FILE the sync policy it chose, each call its store makes
// (`write journal.jsonl`, `fdatasync journal.jsonl`, `rename snapshot.json`, `fsync .` for a
// directory) and each moment it releases output (`output stdout`, `output stderr`). A kill -9
// test cannot see whether data reached the disk; the order of these calls can. The prompt's
// side (each change synced before its output) is in TerminalTests/DurabilityTerminalTests.

/// One traced run of kemuning on a fresh store: the trace's lines (a temporary file's PID
/// written `PID`), the run, and the names the store holds at the end (at any depth).
struct TracedRun {
    var lines: [String]
    var run: RunResult
    var storeNames: [String]

    /// The lines that are one of `kinds` (`write journal.jsonl`, `output stdout`...), or start with
    /// a kind ending in a space (`output `).
    func only(_ kinds: String...) -> [String] {
        lines.filter { line in kinds.contains { $0.hasSuffix(" ") ? line.hasPrefix($0) : line == $0 } }
    }
}

/// Runs kemuning with `args` on a store in a folder of its own, removed after.
func tracedRun(_ args: [String], input: String? = nil, files: [String: String] = [:]) -> TracedRun {
    let home = Paths.temporaryDirectory()
    defer { Paths.removeTree(home) }
    for (name, text) in files { writeFile(home + "/" + name, text) }
    let trace = home + "/io-trace"
    let run = kemuning(["--store", home + "/store"] + args, input: input, home: home, cwd: home, env: ["KEMUNING_IO_TRACE": trace])
    let lines = (readFile(trace) ?? "").split(separator: "\n").map { withoutPID(String($0)) }
    return TracedRun(lines: lines, run: run, storeNames: ["store"] + namesBelow(home + "/store"))
}

/// `rename one.json.tmp-4711` → `rename one.json.tmp-PID`.
private func withoutPID(_ line: String) -> String {
    let head = line.reversed().drop { $0.isNumber }.reversed()
    return head.count < line.count && String(head).hasSuffix(".tmp-") ? String(head) + "PID" : line
}

private func namesBelow(_ dir: String) -> [String] {
    listDirectory(dir).flatMap { name -> [String] in
        var st = stat()
        let path = dir + "/" + name
        let isDirectory = lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
        return [name] + (isDirectory ? namesBelow(path) : [])
    }
}

private let addA = "vacancy add --title A --unit U --seats 1"
private let addB = "vacancy add --title B --unit U --seats 1"
/// Two changes, each followed by an error, so that each change's output is released (standard
/// output is flushed before an error is shown) before the next change is made.
private let changesAndErrors = "\(addA); vacancy show V99; \(addB); vacancy show V98"

@Suite struct DurabilityOrderTests {
    /// The policy follows the mode: a script (`-c`, `run FILE`, standard input) group-commits;
    /// `--sync` overrides it. (The prompt's `always` is checked under a pseudo-terminal.)
    @Test(arguments: [
        (["-c", addA], "policy batch"),
        (["run", "s.kmn"], "policy batch"),
        ([], "policy batch"),
        (["--sync", "always", "-c", addA], "policy always"),
        (["--sync", "always", "run", "s.kmn"], "policy always"),
        (["--sync", "batch", "-c", addA], "policy batch"),
    ])
    func theSyncPolicyFollowsTheModeAndTheOption(_ args: [String], _ policy: String) {
        let t = tracedRun(args, input: addA + "\n", files: ["s.kmn": addA + "\n"])
        #expect(t.run.status == 0, "\(t.run.stderr)")
        #expect(t.lines.first == policy, "\(args): \(t.lines.prefix(3))")
        #expect(t.lines.filter { $0.hasPrefix("policy ") }.count == 1)
        #expect(t.only("write journal.jsonl").count == 1)
    }

    /// In a script (batch), each change is written before its output is released; the sync may
    /// come later, but every line written is fdatasync'ed before the process ends.
    @Test func inAScriptEachChangeIsWrittenBeforeItsOutputAndSyncedBeforeTheEnd() throws {
        let t = tracedRun(["--keep-going", "-c", changesAndErrors])
        #expect(t.run.stdout == "vacancy V1 added\nvacancy V2 added\n")
        #expect(t.only("write journal.jsonl", "output ") == [
            "write journal.jsonl", "output stdout", "output stderr",
            "write journal.jsonl", "output stdout", "output stderr",
        ])
        let lastWrite = try #require(t.lines.lastIndex(of: "write journal.jsonl"))
        #expect(t.lines[(lastWrite + 1)...].contains("fdatasync journal.jsonl"), "not synced at the end: \(t.lines)")
    }

    /// `--sync always` in a script: each change is written and fdatasync'ed before its output,
    /// and nothing else is done with the journal in between.
    @Test func withSyncAlwaysAScriptSyncsEachChangeBeforeItsOutput() {
        let t = tracedRun(["--sync", "always", "--keep-going", "-c", changesAndErrors])
        #expect(t.run.stdout == "vacancy V1 added\nvacancy V2 added\n")
        #expect(t.only("write journal.jsonl", "fdatasync journal.jsonl", "output ") == [
            "write journal.jsonl", "fdatasync journal.jsonl", "output stdout", "output stderr",
            "write journal.jsonl", "fdatasync journal.jsonl", "output stdout", "output stderr",
        ])
    }

    /// `save` and `snapshot save NAME`: each file is written to a temporary file, synced, renamed
    /// into place, and its directory synced, in that order and with nothing between.
    @Test func aSnapshotAndANamedSnapshotAreWrittenSyncedRenamedAndTheirDirectorySynced() throws {
        let t = tracedRun(["-c", "\(addA); save; snapshot save one"])
        #expect(t.run.status == 0, "\(t.run.stderr)")
        let renames = t.lines.enumerated().filter { $0.element.hasPrefix("rename ") }
        let renamed = renames.map { String($0.element.dropFirst("rename ".count)) }
        #expect(renamed.contains("snapshot.json") && renamed.contains("one.json"), "\(renamed)")
        for (at, line) in renames {
            let name = String(line.dropFirst("rename ".count))
            let tmp = name + ".tmp-PID"
            #expect(Array(t.lines[(at - 2)...(at + 1)]) == ["write \(tmp)", "fsync \(tmp)", line, "fsync ."], "\(t.lines[(at - 4)...(at + 1)])")
            let open = try #require(t.lines[..<at].lastIndex(of: "open \(tmp)"))
            #expect(t.lines[open...(at - 3)].allSatisfy { $0 == "open \(tmp)" || $0 == "fsync ." || $0 == "write \(tmp)" }, "\(t.lines[open...at])")
        }
        // The named snapshot's folder is new: made, and the store directory synced.
        let mkdir = try #require(t.lines.firstIndex(of: "mkdir snapshots"))
        #expect(t.lines[mkdir + 1] == "fsync .")
    }

    /// Every name a fresh store comes to hold (the store itself, the lock, the journal, the undo
    /// log, folders, parts, snapshots) is synced in its directory as soon as it is made: the
    /// `mkdir`, the `open` that created it, or the `rename` that put it there, is followed at
    /// once by `fsync .`. So are the temporary files, before anything is written to them.
    @Test func everyNameAStoreMakesIsSyncedInItsDirectoryAtOnce() {
        let t = tracedRun(["-c", "\(addA); save; snapshot save one; \(addB); undo"])
        #expect(t.run.status == 0, "\(t.run.stderr)")
        #expect(Set(t.storeNames).isSuperset(of: ["store", "lock", "journal.jsonl", "undo.jsonl", "snapshot.json", "data", "snapshots", "one.json"]),
                "\(t.storeNames)")
        for name in t.storeNames {
            let made = t.lines.indices.filter { t.lines[$0] == "mkdir \(name)" || t.lines[$0] == "rename \(name)" }
            let created = made.isEmpty ? t.lines.firstIndex(of: "open \(name)").map { [$0] } ?? [] : made
            #expect(!created.isEmpty, "\(name) was made without a trace")
            for i in created {
                #expect(i + 1 < t.lines.count && t.lines[i + 1] == "fsync .", "\(t.lines[i]) is not followed by fsync of its directory")
            }
        }
        let temporaries = t.lines.indices.filter { t.lines[$0].hasPrefix("open ") && t.lines[$0].hasSuffix(".tmp-PID") }
        #expect(temporaries.count >= 3)
        for i in temporaries { #expect(t.lines[i + 1] == "fsync .", "\(t.lines[i])") }
    }

    /// The trace is a test hook and nothing more: without the variable, no file appears and the
    /// output is the same.
    @Test func withoutTheVariableNothingIsTraced() {
        let home = Paths.temporaryDirectory()
        defer { Paths.removeTree(home) }
        let r = kemuning(["--store", home + "/store", "-c", addA], home: home, cwd: home)
        #expect(r.stdout == "vacancy V1 added\n")
        #expect(listDirectory(home) == ["store"])
    }
}
