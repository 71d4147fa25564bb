import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// `record start FILE` … `record stop`: the commands that succeeded in between, written as a
/// script that replays them, and with `--transcript` their output beside them.
public final class Recorder {
    public let path: String?
    public let transcript: String?
    /// Only statements at this depth of `source` nesting are recorded: a `source` line is kept,
    /// not the lines of the file it runs.
    let depth: Int
    var lines: [String] = []
    var output = ""
    /// What the statement being run has shown so far, kept only if it succeeds.
    var pendingOutput = ""
    public private(set) var commands = 0

    init(path: String?, transcript: String?, depth: Int, header: [String]) {
        self.path = path
        self.transcript = transcript
        self.depth = depth
        self.lines = header
    }

    func record(_ text: String) {
        lines.append(text)
        output += pendingOutput
        pendingOutput = ""
        commands += 1
    }

    func discard() { pendingOutput = "" }

    /// Writes the script (and the transcript's `.kmn` and `.out`), mode 0600: a recorded script
    /// replays what was typed, NIKs included.
    func write() throws {
        let script = lines.joined(separator: "\n") + "\n"
        if let path { try UserFiles.write(path, Array(script.utf8), displayName: path) }
        if let t = transcript {
            let base = Recorder.base(t)
            try UserFiles.write(base + ".kmn", Array(script.utf8), displayName: base + ".kmn")
            try UserFiles.write(base + ".out", Array(output.utf8), displayName: base + ".out")
        }
    }

    /// A transcript's name without `.kmn`: its files are BASE.kmn and BASE.out.
    static func base(_ transcript: String) -> String {
        transcript.hasSuffix(".kmn") ? String(transcript.dropLast(4)) : transcript
    }

    /// The files this recording will write, checked now so that a bad one is refused when
    /// recording starts, not after the work is done (`UserFiles.writablePath`).
    static func checkTargets(path: String?, transcript: String?) throws {
        var targets: [String] = []
        if let path { targets.append(path) }
        if let t = transcript { targets += [base(t) + ".kmn", base(t) + ".out"] }
        for t in targets { _ = try UserFiles.writablePath(t, displayName: t) }
    }
}

extension Session {
    /// Starts recording. The script opens with the session's date and variables, so that it
    /// replays the same way from the state recording started on.
    /// `depth` is the `source` nesting whose statements are recorded: by default the one of the
    /// `record start` line; 1 for a whole script run from the command line.
    public func startRecording(path: String?, transcript: String?, depth: Int? = nil) throws {
        guard recorder == nil else { throw KemuningError.failed("already recording; stop with: record stop") }
        try Recorder.checkTargets(path: path, transcript: transcript)
        var header = ["# recorded by kemuning", "set today \(settings.today)"]
        for name in variables.keys.sorted() {
            let v = variables[name]!
            let quoted = "'" + v.replacingAll("'", with: "'\"'\"'") + "'"
            header.append("let \(name) = \(v.unicodeScalars.allSatisfy { Lexer.isNameChar($0) || $0 == "-" || $0 == "." } && !v.isEmpty ? v : quoted)")
        }
        recorder = Recorder(path: path, transcript: transcript, depth: depth ?? interpreter.frames.count, header: header)
    }

    /// Stops recording and writes the files. Returns how many commands were recorded.
    @discardableResult
    public func stopRecording() throws -> Int {
        guard let r = recorder else { throw KemuningError.failed("not recording; start with: record start FILE") }
        recorder = nil
        do { try r.write() } catch { throw KemuningError.failed("cannot write the recording: \(error)") }
        return r.commands
    }
}
