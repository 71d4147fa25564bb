import KemuningCore
import KemuningDomain
import KemuningStore
/// One step of a demo played with `kemuning play`.
public enum PlayStep: Equatable, Sendable {
    /// A comment line, shown as narration.
    case narration(String)
    /// `# @pause`: wait for a key, even when the demo advances by itself.
    case pause
    /// A command (or several on one line, or one continued over lines), typed out then run.
    /// `silent` commands (between `# @silent` and `# @end`) run without being shown.
    case command(text: String, line: Int, silent: Bool)
}

/// Splits a script into the steps of a presentation: narration, pauses and commands.
/// Throws the script's first syntax error (an unclosed quote at the end).
public func playSteps(_ text: String) throws -> [PlayStep] {
    var steps: [PlayStep] = []
    var silent = false
    var chunker = LineChunker()
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if !chunker.isWaiting {
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                let body = String(trimmed.dropFirst()).trimmingBlanks()
                switch body {
                case "@pause": steps.append(.pause)
                case "@silent": silent = true
                case "@end": silent = false
                default: if !silent { steps.append(.narration(body)) }
                }
                continue
            }
        }
        switch chunker.feed(String(line), number: k + 1) {
        case .waiting: continue
        case .failed(let e): throw e
        case .complete(_, let text, let first): steps.append(.command(text: text, line: first, silent: silent))
        }
    }
    if let e = chunker.finish() { throw e }
    return steps
}

extension Session {
    /// Runs statements of `source` as that file's own lines (for `play`, which runs a script a
    /// step at a time): errors name the file and line, and nested `source` lines work.
    public func run(statements: [Statement], source: Source) throws {
        try interpreter.run(statements: statements, source: source)
    }
}
