#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningKit

extension Program {
    /// The interactive loop: read a line (more while it is incomplete), run it, show the result.
    /// Errors never end it; Ctrl-C clears the line or stops the running command; Ctrl-D leaves.
    func runREPL() -> Never {
        let reader = makeEditLineReader()
        out.write(tr("kemuning \(version): type 'help' for the commands, Ctrl-D to leave.") + "\n")
        out.flush()
        replLoop(reader)
        finish(0)
    }

    /// The line editor with completion and the history file.
    func makeEditLineReader() -> EditLineReader {
        var history: HistoryFile?
        if !options.noHistory, let path = HistoryFile.defaultPath(environment: environmentDictionary()) {
            do {
                history = try HistoryFile(path: path)
                if let why = history?.lastError { warn("history is kept in memory only: \(why)") }
            } catch {
                warn("history is off: \(error)")
            }
        }
        let session = self.session
        let reader = EditLineReader(programName: "kemuning", history: history) { line, cursor in
            session.complete(line: line, cursor: cursor)
        }
        session.historyProvider = { reader.historyEntries }
        return reader
    }

    /// Reads and runs commands until Ctrl-D on an empty line (then returns) or `quit` (ends the process).
    func replLoop(_ reader: EditLineReader) {
        let wasInteractive = session.interactive
        let wasExiting = Terminal.exitOnSecondInterrupt.load(ordering: .relaxed)
        session.interactive = true
        Terminal.exitOnSecondInterrupt.store(false, ordering: .relaxed)
        defer {
            session.interactive = wasInteractive
            Terminal.exitOnSecondInterrupt.store(wasExiting, ordering: .relaxed)
        }
        while true {
            finishIfStopped()
            Interrupt.clear()
            var buffer = ""
            var firstLine = true
            let source = Source(name: "<prompt>")
            var lineCount = 0
            reading: while true {
                out.flush()
                switch reader.readLine(prompt: firstLine ? "kemuning> " : "...> ") {
                case .eof:
                    if buffer.isEmpty {
                        out.write("\n")
                        out.flush()
                        return
                    }
                    out.write("\n")
                    break reading
                case .interrupted:
                    break reading
                case .line(let text):
                    // A recalled multi-line entry comes back whole, with its newlines.
                    for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                        lineCount += 1
                        source.remember(line: lineCount, text: String(piece))
                    }
                    buffer = firstLine ? text : buffer + "\n" + text
                    firstLine = false
                    let result: Lexer.Result
                    do {
                        result = try Lexer.lex(buffer)
                    } catch let e as KemuningError {
                        reader.addHistory(NIK.redact(buffer))
                        session.report(e, source: source)
                        break reading
                    } catch {
                        break reading
                    }
                    switch result {
                    case .incomplete:
                        continue reading
                    case .complete(let statements):
                        if !buffer.trimmingBlanks().isEmpty { reader.addHistory(NIK.redact(buffer)) }
                        session.clearStatus()
                        do {
                            try session.execute(statements, source: source)
                        } catch let q as QuitRequest {
                            finish(q.code ?? 0)
                        } catch {
                            // Already reported (interrupted, or a store error).
                        }
                        break reading
                    }
                }
            }
        }
    }
}

func environmentDictionary() -> [String: String] {
    var env: [String: String] = [:]
    for key in ["HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"] {
        if let v = environment(key) { env[key] = v }
    }
    return env
}
