import Glibc
import Testing

/// At the prompt nothing acknowledged may be lost, even to a power cut: each change is written
/// to the journal and fdatasync'ed before its output is released, and a snapshot is renamed into
/// place and its directory synced before `save` says so. Checked on the real shell under a
/// pseudo-terminal, through the order KEMUNING_IO_TRACE records (see TranscriptTests'
/// DurabilityOrderTests for scripts).
@Suite struct DurabilityTerminalTests {
    /// Runs `lines` at a prompt started with `arguments`; returns the trace's lines.
    private func traced(_ lines: [String], arguments: [String] = []) throws -> [String] {
        let home = try TestHome()
        let trace = home.path + "/io-trace"
        let shell = try KemuningShell(home: home, arguments: arguments, environment: ["KEMUNING_IO_TRACE": trace])
        for line in lines { try shell.enter(line) }
        #expect(try shell.quit() == 0)
        return (TestHome.read(trace) ?? "").split(separator: "\n").map(String.init)
    }

    /// The index of the first line at or after `start` that is `line`, if any.
    private func first(_ line: String, in lines: [String], after start: Int) -> Int? {
        lines[start...].firstIndex(of: line)
    }

    @Test func atThePromptEachChangeIsSyncedBeforeItsOutput() throws {
        let lines = try traced(["vacancy add --title A --unit U --seats 1", "vacancy add --title B --unit U --seats 1",
                                "policy set jp-target 25", "vacancy add --title C --unit U --seats 1"])
        #expect(lines.first == "policy always")
        let writes = lines.indices.filter { lines[$0] == "write journal.jsonl" }
        #expect(writes.count == 4, "\(lines)")
        for w in writes {
            let output = first("output stdout", in: lines, after: w)
            let sync = first("fdatasync journal.jsonl", in: lines, after: w)
            #expect(output != nil, "no output after the change at line \(w + 1)")
            #expect(sync != nil && sync! < (output ?? lines.count), "the change at line \(w + 1) was not synced before its output: \(lines[w...])")
        }
    }

    @Test func atThePromptASnapshotIsInPlaceAndItsDirectorySyncedBeforeItIsReported() throws {
        let lines = try traced(["vacancy add --title A --unit U --seats 1", "save", "snapshot save one"])
        for target in ["rename snapshot.json", "rename one.json"] {
            let rename = try #require(lines.firstIndex(of: target), "\(lines)")
            #expect(lines[rename + 1] == "fsync .")
            let output = try #require(first("output stdout", in: lines, after: rename))
            #expect(rename + 1 < output)
        }
    }

    /// `--sync batch` asks for group commit at the prompt too.
    @Test func theSyncOptionOverridesThePromptsPolicy() throws {
        let lines = try traced(["vacancy add --title A --unit U --seats 1"], arguments: ["--sync", "batch"])
        #expect(lines.first == "policy batch")
    }
}
