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
    var pending = ""
    var pendingLine = 0
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    for (k, line) in lines.enumerated() {
        let number = k + 1
        if pending.isEmpty {
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
            pending = line
            pendingLine = number
        } else {
            pending += "\n" + line
        }
        if case .complete = try Lexer.lex(pending, firstLine: pendingLine) {
            steps.append(.command(text: pending, line: pendingLine, silent: silent))
            pending = ""
        }
    }
    if !pending.isEmpty, case .incomplete(let why) = try Lexer.lex(pending, firstLine: pendingLine) { throw why.error }
    return steps
}

extension Session {
    /// Runs statements of `source` as that file's own lines (for `play`, which runs a script a
    /// step at a time): errors name the file and line, and nested `source` lines work.
    public func run(statements: [Statement], source: Source) throws {
        try withFrame(source) { try execute(statements, source: source) }
    }
}
