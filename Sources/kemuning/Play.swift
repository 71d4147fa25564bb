#if canImport(Glibc)
import Glibc
#endif
import KemuningCore
import KemuningDomain
import KemuningStore
import KemuningPostgres
import KemuningKit

// `kemuning play FILE`: a trainer's demo. Comments are narration, commands are typed out at a
// human speed and run. On a terminal, --step waits for a key before each command (Enter or
// space: next; b: back, undoing the last command; s: skip; l: live, an ordinary prompt until
// Ctrl-D; q: quit), naming them on a line under the prompt unless --quiet; --delay MS advances
// by itself, and `# @pause` always waits. Without a
// terminal it runs like `run`, printing the narration and each command.

/// Copies the named snapshot of `store` into a new scratch store and returns its path.
@MainActor func scratchCopy(of name: String, in store: String, voice: Voice) -> String {
    if PostgresStore.isURL(store) {
        // The named snapshot is read from the server and played in a scratch file store.
        let pg = PostgresStore(url: store, timeout: storeTimeout())
        defer { try? pg.close(nil) }
        var bytes: [UInt8] = []
        do { try pg.loadNamed(name).writeSnapshot(to: &bytes) } catch { voice.fail(.verbatim(voice.describe(error))) }
        guard let dir = FileStore.makeScratch(snapshot: bytes) else { voice.fail("cannot make a scratch store in \(FileStore.temporaryFolder)") }
        return dir
    }
    let source = FileStore.namedSnapshotPath(name, in: store)
    guard access(source, F_OK) == 0 else {
        voice.fail("no snapshot named '\(name)' in \(store)", hint: "list them with: kemuning --store \(store) -c 'snapshot list'")
    }
    let bytes: [UInt8]
    do {
        bytes = try UserFiles.read(source, displayName: source, what: "snapshot", limit: UserFiles.importLimit)
    } catch {
        voice.fail(.verbatim(voice.describe(error)))
    }
    guard let dir = FileStore.makeScratch(snapshot: bytes) else { voice.fail("cannot make a scratch store in \(FileStore.temporaryFolder)") }
    return dir
}

/// Reads one key from the terminal without echo or line editing.
func readKey() -> UInt8? {
    var saved = termios()
    guard tcgetattr(0, &saved) == 0 else { return nil }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    tcsetattr(0, TCSANOW, &raw)
    defer { tcsetattr(0, TCSANOW, &saved) }
    var b: UInt8 = 0
    while true {
        let n = read(0, &b, 1)
        if n == 1 { return b }
        if n < 0 && errno == EINTR { if Interrupt.isRequested { return UInt8(ascii: "q") } else { continue } }
        return nil
    }
}

func sleepMillis(_ ms: Int) {
    var left = ms
    while left > 0 && !Interrupt.isRequested {
        let step = min(left, 20)
        var ts = timespec(tv_sec: 0, tv_nsec: step * 1_000_000)
        nanosleep(&ts, nil)
        left -= step
    }
}

extension Program {
    func runPlay(_ file: String) -> Never {
        let text: String
        let steps: [PlayStep]
        do {
            text = try ScriptFile.read(file, displayName: file)
            steps = try playSteps(text)
        } catch let e as KemuningError {
            session.report(e, source: nil)
            finish(2)
        } catch {
            finish(2)
        }
        let source = Source(name: file, path: file)
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            source.remember(line: k + 1, text: String(line))
        }
        let onTerminal = isatty(0) == 1 && isatty(1) == 1
        let color = colorEnabled(session.settings.color, fd: 1)
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        flushEachOutput = onTerminal
        var live: EditLineReader?
        /// The keys `--step` reads, as the line under its prompt names them.
        let stepHint = options.quiet ? nil : paint(tr("Enter or space: run · s: skip · b: back · l: live prompt · q: quit"), "2")
        let promptWidth = "kemuning> ".count
        var k = 0
        /// Indices of the commands run, so `b` can go back to the one before.
        var ran: [Int] = []

        func runCommand(_ index: Int, _ text: String, _ line: Int) -> Bool {
            finishIfStopped()
            Interrupt.clear()
            do {
                guard case .complete(let statements) = try Lexer.lex(text, firstLine: line) else { return false }
                try session.run(statements: statements, source: source)
                ran.append(index)
                return true
            } catch let q as QuitRequest {
                finish(q.code ?? session.exitStatus)
            } catch let e as KemuningError {
                if !e.reported { session.report(e, source: source) }
                if !onTerminal || Interrupt.stopReason != nil { finish(e.kind == .interrupted ? interruptedExitCode() : e.kind.exitCode) }
                return false
            } catch {
                return false
            }
        }

        play: while k < steps.count {
            switch steps[k] {
            case .narration(let said):
                // A demo file is text from someone else: no raw escape reaches the terminal.
                let words = Controls.escape(said)
                out.write(onTerminal ? paint("  " + words, "2;3") + "\n" : "# \(words)\n")
                out.flush()
            case .pause:
                if onTerminal {
                    out.write(paint("  " + tr("(press a key)"), "2"))
                    out.flush()
                    if readKey() == UInt8(ascii: "q") { out.write("\n"); finish(session.exitStatus) }
                    out.write("\r\u{1B}[K")
                }
            case .command(let text, let line, let silent):
                if silent {
                    quietOutputs = true
                    _ = runCommand(k, text, line)
                    quietOutputs = false
                    break
                }
                let typed = Controls.escape(text, keepingLineBreaks: true)
                if !onTerminal {
                    out.write("kemuning> \(typed)\n")
                    _ = runCommand(k, text, line)
                    break
                }
                out.write(paint("kemuning> ", "1"))
                out.flush()
                if options.step {
                    // Wait before the command: the trainer decides what comes next. A line under
                    // the prompt names the keys (unless --quiet), and goes once a key is read.
                    var go = false
                    while !go {
                        if let hint = stepHint {
                            out.write("\n" + hint + "\u{1B}[1A\r\u{1B}[\(promptWidth)C")
                            out.flush()
                        }
                        let key = readKey() ?? UInt8(ascii: "q")
                        if stepHint != nil {
                            out.write("\u{1B}[1B\r\u{1B}[2K\u{1B}[1A\r\u{1B}[\(promptWidth)C")
                        }
                        switch key {
                        case 10, 13, 32:
                            go = true
                        case UInt8(ascii: "s"):
                            out.write(paint(tr("(skipped)") + " ", "2") + typed + "\n")
                            k += 1
                            continue play
                        case UInt8(ascii: "q"):
                            out.write("\n")
                            finish(session.exitStatus)
                        case UInt8(ascii: "b"):
                            out.write("\r\u{1B}[K")
                            if let last = ran.popLast() {
                                let undone = (try? session.undo(1)) ?? []
                                out.write(paint(shown("(back: undid \(undone.first.map(Message.verbatim) ?? "nothing"))"), "2") + "\n")
                                k = last
                            } else {
                                out.write(paint(tr("(back: already at the start)"), "2") + "\n")
                            }
                            continue play
                        case UInt8(ascii: "l"):
                            out.write("\r\u{1B}[K" + paint(tr("(live: an ordinary prompt; Ctrl-D returns to the demo)"), "2") + "\n")
                            out.flush()
                            let reader = live ?? makeEditLineReader()
                            live = reader
                            replLoop(reader)
                            out.write(paint(tr("(back to the demo)"), "2") + "\n" + paint("kemuning> ", "1"))
                            out.flush()
                        default:
                            break
                        }
                    }
                }
                // Type it out at a human speed.
                let pause = max(1_000_000 / max(options.speed, 1), 0)
                for ch in typed {
                    out.write(String(ch))
                    out.flush()
                    if !Interrupt.isRequested { usleep(UInt32(pause)) }
                }
                out.write("\n")
                out.flush()
                _ = runCommand(k, text, line)
                out.flush()
                if let d = options.delay, !options.step { sleepMillis(d) }
            }
            k += 1
        }
        finish(session.exitStatus)
    }
}
