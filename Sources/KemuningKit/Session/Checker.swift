import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

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

    /// What is known about each variable: its value, or nil when only a run can tell.
    private var variables: [String: String?]
    private var frames: [Frame] = []
    private var seen = Set<String>()

    private struct Frame {
        var source: Source
        var line: Int
    }

    /// Starts with the variables already set (`--var`, the session's): their values are known.
    public init(table: CommandTable = .standard, variables: [String: String] = [:]) {
        self.table = table
        self.variables = variables.mapValues { Optional($0) }
    }

    /// Checks a script file named on the command line, as `kemuning run FILE` would run it.
    /// A file that cannot be read is a usage problem with no location.
    public func check(file path: String) {
        let text: String
        do {
            text = try ScriptFile.read(path, displayName: path)
        } catch var e as KemuningError {
            if e.kind == .failed { e.kind = .usage }
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

        // The same chunking as a run (LineChunker), so lexer errors land where a run meets them.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        var chunker = LineChunker()
        for (k, raw) in lines.enumerated() {
            source.remember(line: k + 1, text: raw.hasSuffix("\r") ? String(raw.dropLast()) : raw)
            switch chunker.feed(raw, number: k + 1) {
            case .waiting: continue
            case .failed(let e): report(e, source: source)
            case .complete(let statements, _, _): for st in statements { check(st, source: source) }
            }
        }
        if let e = chunker.finish() { report(e, source: source) }
    }

    private func check(_ st: Statement, source: Source) {
        let (args, dynamic) = expand(st.words, source: source)
        guard let first = args.first else { return }
        // A command named by a variable only a run can tell: nothing more to check.
        if dynamic.contains(0) { return }
        if first.text == "let" && !first.quoted {
            checkLet(args, dynamic: dynamic, source: source)
            return
        }
        checkCommand(args, dynamic: dynamic, source: source)
    }

    /// `let NAME = WORD` / `let NAME = COMMAND ...`, with the same messages as a run.
    private func checkLet(_ args: [Arg], dynamic: Set<Int>, source: Source) {
        guard args.count >= 2 else {
            report(KemuningError(.syntax, "let needs a name: let NAME = VALUE", at: args[0].range), source: source)
            return
        }
        let name = args[1].text
        if dynamic.contains(1) {
            // The name itself comes from a run: check the value, bind nothing.
        } else if let c = name.unicodeScalars.first, Lexer.isNameStart(c), name.unicodeScalars.allSatisfy(Lexer.isNameChar) {
            // Bound from here on even if the rest is wrong, so one mistake is reported once.
        } else {
            report(KemuningError(.syntax, "bad variable name '\(name)': names are letters, digits and '_', not starting with a digit",
                                 at: args[1].range), source: source)
            return
        }
        let bindable = !dynamic.contains(1)
        guard args.count >= 3, args[2].text == "=" else {
            let at = args.count >= 3 ? args[2].range : args[1].range
            report(KemuningError(.syntax, "expected '=' after 'let \(name)'", at: at, hint: "write it as: let \(name) = VALUE"), source: source)
            if bindable { variables[name] = .some(nil) }
            return
        }
        let rest = Array(args.dropFirst(3))
        guard !rest.isEmpty else {
            report(KemuningError(.syntax, "nothing to bind after 'let \(name) ='", at: args[2].range), source: source)
            if bindable { variables[name] = .some(nil) }
            return
        }
        if rest.count == 1 && (rest[0].quoted || dynamic.contains(3) || table.topLevel(rest[0].text) == nil) {
            if bindable { variables[name] = dynamic.contains(3) ? .some(nil) : .some(rest[0].text) }
            return
        }
        let restDynamic = Set(dynamic.filter { $0 >= 3 }.map { $0 - 3 })
        if !restDynamic.contains(0) { checkCommand(rest, dynamic: restDynamic, source: source) }
        // Whatever the command gives is only known when it runs.
        if bindable { variables[name] = .some(nil) }
    }

    /// Resolves the command and parses its arguments; follows `source` and `run`.
    private func checkCommand(_ args: [Arg], dynamic: Set<Int>, source: Source) {
        let spec: CommandSpec
        let used: Int
        do {
            (spec, used) = try table.resolve(args)
        } catch let e as KemuningError {
            report(e, source: source)
            return
        } catch {
            return
        }
        if (0..<used).contains(where: dynamic.contains) { return }
        var words = Array(args.dropFirst(used))
        let wordDynamic = Set(dynamic.filter { $0 >= used }.map { $0 - used })
        // A flag whose name comes from a variable: which flag it is is only known when running.
        if wordDynamic.contains(where: { words[$0].text.hasPrefix("--") && !words[$0].quoted && !words[$0].text.contains("=") }) { return }
        // Give words with run-time values a stand-in of the right kind, so they pass the checks.
        let kinds = valueKinds(words, spec: spec)
        for k in wordDynamic {
            guard let (kind, inlineFlag) = kinds[k], let sample = ScriptChecker.sample(kind) else { continue }
            if let flag = inlineFlag {
                words[k].text = "--\(flag)=\(sample)"
            } else {
                words[k].text = sample
            }
        }
        let parsed: Arguments
        do {
            parsed = try table.parse(words, for: spec, commandRange: args[0].range)
        } catch let e as KemuningError {
            // A value check on a word only a run can fill in is not a problem.
            if e.kind == .failed, let r = e.range, wordDynamic.contains(where: { words[$0].range == r }) { return }
            report(e, source: source)
            return
        } catch {
            return
        }
        if spec.name == "source" || spec.name == "run" {
            for a in parsed.positionals {
                guard let k = words.firstIndex(where: { $0.range == a.range }), !wordDynamic.contains(k) else { continue }
                follow(a.text, from: source, at: a.range)
            }
        }
    }

    /// Which kind of value each word after the command's name is checked as, as `parse` walks
    /// them; for `--flag=value` words, the flag's name too.
    private func valueKinds(_ words: [Arg], spec: CommandSpec) -> [Int: (ArgKind, String?)] {
        var kinds: [Int: (ArgKind, String?)] = [:]
        var k = 0
        var position = 0
        var flagsEnded = false
        while k < words.count {
            let w = words[k]
            let index = k
            k += 1
            if flagsEnded || !w.isFlag {
                if !w.quoted && w.text == "--" && !flagsEnded {
                    flagsEnded = true
                    continue
                }
                if position < spec.positionals.count {
                    kinds[index] = (spec.positionals[position].kind, nil)
                } else if let last = spec.positionals.last, last.variadic {
                    kinds[index] = (last.kind, nil)
                }
                position += 1
                continue
            }
            var name = String(w.text.dropFirst(2))
            var inline = false
            if let eq = name.firstIndex(of: "=") {
                name = String(name[..<eq])
                inline = true
            }
            guard let f = spec.flag(name), !f.isBool else { continue }
            if inline {
                kinds[index] = (f.kind, name)
            } else if k < words.count, !(words[k].isFlag && !table.isNegativeNumber(words[k].text)) {
                kinds[k] = (f.kind, nil)
                k += 1
            }
        }
        return kinds
    }

    /// A value that passes the form check of `kind`, or nil when the kind checks nothing.
    static func sample(_ kind: ArgKind) -> String? {
        switch kind {
        case .int(let range): return String(range.lowerBound)
        case .decimal: return "1"
        case .date: return "2000-01-01"
        case .choice(let choices): return choices.first
        case .id(let prefix): return prefix + "1"
        case .text, .printed, .file, .snapshot, .command, .setting, .variable, .word, .nik, .source: return nil
        }
    }

    // MARK: variables

    /// Expands the variables whose values are known; words using the others (or unknown ones,
    /// each reported) are marked as known only at run time.
    private func expand(_ words: [Word], source: Source) -> ([Arg], Set<Int>) {
        var dynamic = Set<Int>()
        var args: [Arg] = []
        for (k, w) in words.enumerated() {
            if let t = w.literalText {
                args.append(Arg(t, range: w.range, quoted: w.quoted))
                continue
            }
            var s = ""
            for part in w.parts {
                switch part {
                case .literal(let t): s += t
                case .variable(let name, let r):
                    if let known = variables[name] {
                        if let v = known {
                            s += v
                        } else {
                            s += "${\(name)}"
                            dynamic.insert(k)
                        }
                    } else {
                        let hint = suggestion(for: name, among: Array(variables.keys)).map { "did you mean '$\($0)'?" as Message }
                        report(KemuningError.failed("unknown variable '$\(name)'", at: r, hint: hint ?? "set it first with: let \(name) = VALUE"),
                               source: source)
                        s += "${\(name)}"
                        dynamic.insert(k)
                    }
                }
            }
            args.append(Arg(s, range: w.range, quoted: w.quoted))
        }
        return (args, dynamic)
    }

    // MARK: source FILE

    /// Checks a sourced file where the statement at `range` would run it.
    private func follow(_ path: String, from parent: Source, at range: SourceRange) {
        let resolved = ScriptFile.resolve(path, relativeTo: parent)
        guard frames.count < Interpreter.maxSourceDepth else {
            report(KemuningError.failed("'source' is nested more than \(Interpreter.maxSourceDepth) deep", at: range), source: parent)
            return
        }
        let real = ScriptFile.realPath(resolved) ?? resolved
        let display = ScriptFile.displayName(path, relativeTo: parent)
        if frames.contains(where: { $0.source.path == real }) {
            let chain = (frames.map { $0.source.name } + [display]).joined(separator: " → ")
            report(KemuningError.failed("source cycle: \(chain)", at: range), source: parent)
            return
        }
        let text: String
        do {
            text = try ScriptFile.read(resolved, displayName: display, at: range)
        } catch let e as KemuningError {
            report(e, source: parent)
            return
        } catch {
            return
        }
        frames[frames.count - 1].line = range.line
        checkSource(text, Source(name: display, path: real))
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
