import KemuningCore

/// Reads a script's lines into statements, for a run and a check alike: counts the lines,
/// keeps each for quoting in diagnostics, feeds them to the lexer chunk by chunk (a quote or a
/// `\` may carry a statement over lines) and forgets the lines behind each complete chunk.
public enum ScriptLines {
    /// Reads the lines `next` gives until it gives nil. Each complete chunk's statements go to
    /// `statements`; a chunk the lexer cannot read, and a line that cannot be read at all (it
    /// still counts as a line), go to `failed`. An interruption while reading ends it.
    public static func read(_ next: () throws -> String?, source: Source,
                            statements: ([Statement]) throws -> Void,
                            failed: (KemuningError) throws -> Void) rethrows {
        var chunker = LineChunker()
        var lineNumber = 0
        while true {
            let line: String?
            do {
                line = try next()
            } catch let e as KemuningError where e.kind != .interrupted {
                // A line that cannot be read (binary, invalid UTF-8) still counts as a line.
                lineNumber += 1
                try failed(e)
                continue
            }
            guard let raw = line else { break }
            lineNumber += 1
            source.remember(line: lineNumber, text: raw.hasSuffix("\r") ? String(raw.dropLast()) : raw)
            switch chunker.feed(raw, number: lineNumber) {
            case .waiting:
                continue
            case .failed(let e):
                try failed(e)
            case .complete(let chunk, _, _):
                try statements(chunk)
                source.forget(before: lineNumber + 1)
            }
        }
        if let e = chunker.finish() { try failed(e) }
    }
}
