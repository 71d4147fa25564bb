import KemuningCore
import KemuningDomain
import KemuningStore

/// `kemuning run --check`: reads a script and the files it `source`s / `run`s, and finds every
/// problem that can be seen without running anything — lexer errors, unknown commands and
/// sub-commands, unknown, repeated and missing flags, missing arguments, literal values of the
/// wrong kind (numbers, dates, choices, id shapes), unknown variables, `let` mistakes, and
/// sourced files that are missing, unreadable, cyclic or nested too deep.
///
/// Nothing runs: the store is never loaded, no setting changes, nothing is printed. Variables
/// bound by `let NAME = WORD` keep their value; those bound by `let NAME = COMMAND ...` have a
/// value only known when running, so words using them skip the value-kind checks.
///
/// Problems the command itself finds when it runs (an id that does not exist, a rule it breaks,
/// a NIK's digits, an `assert`) cannot be seen here. At most one problem is reported per statement
/// besides its unknown variables, since parsing a statement stops at its first mistake.
public final class ScriptChecker {
    public let table: CommandTable
    /// Every problem found so far, in the order a run would meet them.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The real paths (or names, for text) of the sources checked, without repeats.
    public private(set) var checkedSources: [String] = []

    /// What is known about each variable: its value, or that only a run can tell it.
    private var variables: [String: VariableValue]
    private var frames: [Frame] = []
    private var seen = Set<String>()

    private struct Frame {
        var source: Source
        var line: Int
    }

    /// Starts with the variables already set (`--var`, the session's): their values are known.
    public init(table: CommandTable = .standard, variables: [String: String] = [:]) {
        self.table = table
        self.variables = variables.mapValues(VariableValue.known)
    }

    /// Checks a script file named on the command line, as `kemuning run FILE` would run it.
    /// A file that cannot be read is a usage problem with no location.
    public func check(file path: String) {
        let text: String
        do {
            text = try ScriptInclude.readNamedOnCommandLine(path)
        } catch let e as KemuningError {
            add(Diagnostic(e))
            return
        } catch {
            add(Diagnostic(KemuningError(.usage, "\(error)")))
            return
        }
        let real = ScriptFile.realPath(path) ?? path
        checkSource(text, Source(name: path, path: real))
    }

    /// Checks script text from `-c`, stdin, or a test.
    public func check(text: String, source: Source) {
        checkSource(text, source)
    }

    // MARK: lines and statements

    private func checkSource(_ text: String, _ source: Source) {
        let key = source.path ?? source.name
        if !checkedSources.contains(key) { checkedSources.append(key) }
        frames.append(Frame(source: source, line: 0))
        defer { frames.removeLast() }

        // Split by Characters, where "\r\n" is one: a CRLF script reaches the lexer as one
        // long line, where a run (which splits at newline bytes) sees each of its lines.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        var next = 0
        // Read as a run reads, so lexer errors land where a run meets them.
        ScriptLines.read({ () -> String? in
            guard next < lines.count else { return nil }
            defer { next += 1 }
            return lines[next]
        }, source: source, statements: { for st in $0 { check(st, source: source) } }, failed: { report($0, source: source) })
    }

    private func check(_ st: Statement, source: Source) {
        let words = Expansion(st.words, value: { variables[$0] },
                              unknown: { name, at in
                                  report(Expansion.unknownVariable(name, at: at, among: Array(variables.keys)), source: source)
                              })
        guard !words.args.isEmpty else { return }
        // A command named by a variable only a run can tell: nothing more to check.
        if words.deferred.contains(0) { return }
        if LetStatement.starts(words.args) {
            checkLet(LetStatement(words), source: source)
            return
        }
        checkCommand(words, source: source)
    }

    /// `let NAME = WORD` / `let NAME = COMMAND ...`, read as a run reads it. The name is bound
    /// from here on even when the rest is wrong, so one mistake is reported once. Its value is
    /// known when it is a word the check can read; a command's value only a run can tell.
    private func checkLet(_ statement: LetStatement, source: Source) {
        let name: String
        do {
            name = try statement.name()
        } catch {
            report(error, source: source)
            return
        }
        // A name only a run can tell: check the value, bind nothing.
        let bindable = !statement.nameDeferred
        do {
            switch try statement.value(in: table) {
            case .word(let word, let deferred):
                if bindable { variables[name] = deferred ? .runTime : .known(word.text) }
                return
            case .command(let rest):
                if !rest.deferred.contains(0) { checkCommand(rest, source: source) }
            }
        } catch {
            report(error, source: source)
        }
        if bindable { variables[name] = .runTime }
    }

    /// Resolves the command and parses its arguments as a run does; follows `source` and `run`.
    private func checkCommand(_ statement: Expansion, source: Source) {
        let spec: CommandSpec
        let used: Int
        do {
            (spec, used) = try table.resolve(statement.args)
        } catch let e as KemuningError {
            report(e, source: source)
            return
        } catch {
            return
        }
        if (0..<used).contains(where: statement.deferred.contains) { return }
        let words = statement.dropFirst(used)
        // A flag whose name comes from a variable: which flag it is, and so how the words after
        // it are read, is only known when running.
        if words.deferred.contains(where: { words.args[$0].isFlag && CommandTable.flagName(words.args[$0]).inline == nil }) { return }
        let parsed: Arguments
        do {
            parsed = try table.parse(words.args, for: spec, commandRange: statement.args[0].range, deferred: words.deferred)
        } catch let e as KemuningError {
            // What else is wrong with a word only a run fills in (an on/off flag's value, a
            // control character next to the variable) is left for the run to say.
            if e.kind == .failed, let r = e.range, words.deferred.contains(where: { words.args[$0].range == r }) { return }
            report(e, source: source)
            return
        } catch {
            return
        }
        if spec.name == "source" || spec.name == "run" {
            for a in parsed.positionals {
                guard let k = words.args.firstIndex(where: { $0.range == a.range }), !words.deferred.contains(k) else { continue }
                follow(a.text, from: source, at: a.range)
            }
        }
    }

    // MARK: source FILE

    /// Checks a sourced file where the statement at `range` would run it.
    private func follow(_ path: String, from parent: Source, at range: SourceRange) {
        let file: ScriptInclude
        let text: String
        do {
            file = try ScriptInclude(path, from: parent, open: frames.map(\.source), at: range)
            text = try file.read(at: range)
        } catch let e as KemuningError {
            report(e, source: parent)
            return
        } catch {
            return
        }
        frames[frames.count - 1].line = range.line
        checkSource(text, Source(name: file.display, path: file.real))
    }

    // MARK: reporting

    /// Places an error like `Interpreter.report` does: the file, the quoted line, the include chain.
    private func report(_ error: KemuningError, source: Source) {
        let includes = frames.dropLast().reversed().map { Diagnostic.Include(file: $0.source.name, line: $0.line) }
        let lineText = error.range.flatMap { source.text(ofLine: $0.line) }
        add(Diagnostic(error, file: source.name, lineText: lineText, includes: includes))
    }

    /// Keeps one copy of a problem met again (a file sourced twice).
    private func add(_ d: Diagnostic) {
        let key = "\(d.file ?? ""):\(d.error.range?.line ?? 0):\(d.error.range?.column ?? 0):\(d.error.message)"
        guard seen.insert(key).inserted else { return }
        diagnostics.append(d)
    }

    /// 2 when any problem is a syntax or usage problem, 1 when all are bad values, 0 when none.
    public var exitCode: Int32 {
        if diagnostics.isEmpty { return 0 }
        return diagnostics.contains { $0.error.kind == .syntax || $0.error.kind == .usage } ? 2 : 1
    }
}

extension Session {
    /// Checks a script file without running it, starting from this session's variables.
    public func check(file path: String) -> [Diagnostic] {
        let c = ScriptChecker(table: table, variables: variables)
        c.check(file: path)
        return c.diagnostics
    }

    /// Checks script text without running it, starting from this session's variables.
    public func check(text: String, source: Source) -> [Diagnostic] {
        let c = ScriptChecker(table: table, variables: variables)
        c.check(text: text, source: source)
        return c.diagnostics
    }
}
