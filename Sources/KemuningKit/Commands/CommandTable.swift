import KemuningCore
import KemuningDomain
import KemuningStore
/// The one table of commands. Dispatch, `help`, completion and "did you mean" all read it.
public struct CommandTable: @unchecked Sendable {
    public let commands: [CommandSpec]
    private let byName: [String: Int]
    /// First words that only group sub-commands (`vacancy`, `snapshot`), with their summaries.
    public let groups: [String: Message]

    public init(_ commands: [CommandSpec], groups: [String: Message]) {
        self.commands = commands
        var index: [String: Int] = [:]
        for (k, c) in commands.enumerated() { index[c.name] = k }
        self.byName = index
        self.groups = groups
    }

    public static let standard = CommandTable(Builtins.commands + StoreCommands.commands + VacancyCommands.commands + ApplicantCommands.commands
                                                  + RecruitmentCommands.commands + PublishCommands.commands + ReportCommands.commands + PolicyCommands.commands
                                                  + DevelopmentCommands.commands + ServiceCommands.commands + HolidayCommands.commands + FeedbackCommands.commands
                                                  + ImportCommands.commands + ListCommands.commands,
                                              groups: [
                                                  "vacancy": "vacancies (formasi): add, set, announce, advance, close, list, show, optimize, results",
                                                  "applicant": "applicants: add, set, list, show, find",
                                                  "application": "applications: list, show, interviews, withdraw",
                                                  "jobfair": "job fairs: add, link, list, show",
                                                  "final": "final ranking: rank",
                                                  "report": "reports: funnel, sources, time-to-hire, response-times, complaints, cycle",
                                                  "snapshot": "named snapshots: save, list, restore, delete",
                                                  "store": "the store: info, init, copy, check",
                                                  "policy": "rule settings: list, set",
                                                  "record": "recording a session as a script: start, stop",
                                                  "import": "imports from spreadsheets (CSV), all or nothing: applicants, screening, skd, skb, interviews, staff, participants, requests, holidays, responses",
                                              ].merging(DevelopmentCommands.groups) { a, _ in a }
                                               .merging(ServiceCommands.groups) { a, _ in a }
                                               .merging(HolidayCommands.groups) { a, _ in a }
                                               .merging(FeedbackCommands.groups) { a, _ in a })

    public func command(_ name: String) -> CommandSpec? { byName[name].map { commands[$0] } }

    /// The words that may start a command.
    public var topWords: [String] {
        var seen = Set<String>()
        return commands.compactMap { c in seen.insert(c.path[0]).inserted ? c.path[0] : nil }
    }

    public func subcommands(of group: String) -> [CommandSpec] { commands.filter { $0.path.count > 1 && $0.path[0] == group } }

    /// What a first word means: a command, or a group of sub-commands.
    public func topLevel(_ word: String) -> String? {
        if byName[word] != nil || groups[word] != nil { return word }
        return nil
    }

    /// Finds the command the words name; returns it and how many words its name took.
    public func resolve(_ args: [Arg]) throws -> (CommandSpec, Int) {
        let first = args[0]
        if args.count > 1, !args[1].isFlag, let c = command(first.text + " " + args[1].text) { return (c, 2) }
        if let c = command(first.text), c.path.count == 1 { return (c, 1) }
        if groups[first.text] != nil {
            let subs = subcommands(of: first.text).map { $0.path[1] }
            guard args.count > 1, !args[1].isFlag else {
                throw KemuningError(.syntax, "'\(first.text)' needs a sub-command: \(subs.joined(separator: ", "))", at: first.range,
                                    hint: "see: help \(first.text)")
            }
            let hint = suggestion(for: args[1].text, among: subs).map { "did you mean '\(first.text) \($0)'?" as Message }
            throw KemuningError(.syntax, "unknown sub-command '\(first.text) \(args[1].text)'", at: args[1].range,
                                hint: hint ?? "'\(first.text)' has: \(subs.joined(separator: ", "))")
        }
        let hint = suggestion(for: first.text, among: topWords + ["let"]).map(didYouMean)
        throw KemuningError(.syntax, "unknown command '\(first.text)'", at: first.range, hint: hint ?? "type 'help' for the list of commands")
    }

    /// Splits the words after a command's name into flags and positionals, and checks them
    /// against the spec: unknown, repeated and missing flags, values of the wrong kind.
    ///
    /// `deferred` are the indices of words whose value only a run can tell (`run --check` of a
    /// word using a variable bound to a command's value): each stands for a value of the right
    /// form, so a kind with a form (a number, a date, a choice, an id) passes it unchecked; a kind
    /// without one is checked as usual, for what is written in the word (a control character).
    public func parse(_ words: [Arg], for spec: CommandSpec, commandRange: SourceRange, deferred: Set<Int> = []) throws -> Arguments {
        var positionals: [Arg] = []
        // The positions in `positionals` of deferred words.
        var deferredPositionals = Set<Int>()
        var flags: [String: [Arg]] = [:]
        var k = 0
        var flagsEnded = false
        while k < words.count {
            let w = words[k]
            k += 1
            if flagsEnded || !w.isFlag {
                if !w.quoted && w.text == "--" && !flagsEnded {
                    flagsEnded = true
                    continue
                }
                if deferred.contains(k - 1) { deferredPositionals.insert(positionals.count) }
                positionals.append(w)
                continue
            }
            let (name, inline) = CommandTable.flagName(w)
            guard let f = spec.flag(name) else {
                let hint = suggestion(for: name, among: spec.flags.map(\.name)).map { "did you mean '--\($0)'?" as Message }
                let known: Message = spec.flags.isEmpty ? "'\(spec.name)' takes no flags" : "see: help \(spec.name)"
                throw KemuningError(.syntax, "unknown flag '--\(name)' for '\(spec.name)'", at: w.range, hint: hint ?? known)
            }
            if flags[name] != nil && !f.repeatable {
                throw KemuningError(.syntax, "flag '--\(name)' is given twice", at: w.range)
            }
            var value: Arg
            var valueDeferred = deferred.contains(k - 1)
            if f.isBool {
                var text = "true"
                if let inline {
                    switch inline.lowercased() {
                    case "true", "yes", "on", "1": text = "true"
                    case "false", "no", "off", "0": text = "false"
                    default:
                        throw KemuningError.failed("flag '--\(name)' is on or off, not '\(inline)'", at: w.range)
                    }
                }
                value = Arg(text, range: w.range)
            } else if let inline {
                value = Arg(inline, range: w.range, quoted: true)
            } else {
                guard k < words.count, !(words[k].isFlag && !isNegativeNumber(words[k].text)) else {
                    throw KemuningError(.syntax, "flag '--\(name)' needs a value: --\(name) \(f.kind.placeholder)", at: w.range)
                }
                value = words[k]
                valueDeferred = deferred.contains(k)
                k += 1
            }
            try check(value, as: f.kind, what: "--\(name)", deferred: valueDeferred)
            flags[name, default: []].append(value)
        }
        // Positionals against the spec.
        let variadic = spec.positionals.last?.variadic ?? false
        if positionals.count > spec.positionals.count && !variadic {
            let extra = positionals[spec.positionals.count]
            throw KemuningError(.syntax, "unexpected argument '\(extra.text)' for '\(spec.name)'", at: extra.range,
                                hint: "usage: \(spec.usage)")
        }
        for (k, p) in spec.positionals.enumerated() where !p.optional && k >= positionals.count {
            throw KemuningError(.syntax, "'\(spec.name)' needs \(Message.verbatim(p.name))", at: commandRange, hint: "usage: \(spec.usage)")
        }
        for (k, a) in positionals.enumerated() {
            let p = k < spec.positionals.count ? spec.positionals[k] : spec.positionals.last!
            try check(a, as: p.kind, what: p.name, deferred: deferredPositionals.contains(k))
        }
        for f in spec.flags where f.required && flags[f.name] == nil {
            throw KemuningError(.syntax, "'\(spec.name)' needs --\(f.name) \(f.kind.placeholder)", at: commandRange,
                                hint: "usage: \(spec.usage)")
        }
        return Arguments(spec: spec, commandRange: commandRange, positionals: positionals, flags: flags)
    }

    func isNegativeNumber(_ s: String) -> Bool { s.hasPrefix("-") && ExactDecimal(s) != nil }

    /// A flag word's name and, for `--name=value`, its value: `--seats=2` is ("seats", "2").
    static func flagName(_ w: Arg) -> (name: String, inline: String?) {
        // Nearly every flag is ASCII, where a Character is a byte: cut by bytes, not by
        // walking Characters (each command's every flag passes here).
        let utf8 = w.text.utf8
        if utf8.count >= 2, utf8.allSatisfy({ $0 < 128 }) {
            let bytes = utf8.dropFirst(2)
            guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else { return (String(bytes)!, nil) }
            return (String(bytes[..<eq])!, String(bytes[utf8.index(after: eq)...])!)
        }
        var name = String(w.text.dropFirst(2))
        var inline: String?
        if let eq = name.firstIndex(of: "=") {
            inline = String(name[name.index(after: eq)...])
            name = String(name[..<eq])
        }
        return (name, inline)
    }

    /// A value's check in `parse`: a deferred value (known only when running) passes the form
    /// check of kinds that have a form, as the value a run gives it will.
    private func check(_ a: Arg, as kind: ArgKind, what: String, deferred: Bool) throws {
        if deferred && kind.hasForm { return }
        try check(a, as: kind, what: what)
    }

    /// Checks a value's form (a number, a date, one of the choices). Whether an id exists is
    /// the command's business.
    ///
    /// No value of any kind may hold a control character: every text a command keeps (a name,
    /// a unit, a topic, the operator) is one line of printable text, and one check here covers
    /// every flag of every record kind. Only words that are printed and never kept (`echo`)
    /// may hold line breaks and tabs. The error shows the character escaped, never raw.
    func check(_ a: Arg, as kind: ArgKind, what: String) throws {
        let layout: Set<Unicode.Scalar> = kind == .printed ? Controls.lineBreaksAndTabs : []
        if let (u, n) = Controls.first(in: a.text, allowing: layout) {
            throw KemuningError.failed("\(what) holds the control character \(Controls.shown(u)) at character \(n): a value is printable text on one line, without tabs, line breaks or terminal escapes", at: a.range)
        }
        switch kind {
        case .int(let range):
            do { _ = try wholeNumber(a.text, in: range, for: what) } catch var e as KemuningError {
                e.range = a.range
                throw e
            }
        case .decimal:
            guard ExactDecimal(a.text) != nil else {
                throw KemuningError.failed("bad number '\(a.text)' for \(what): expected a decimal like 3.75", at: a.range)
            }
        case .date:
            do { _ = try Day(parsing: a.text) } catch var e as KemuningError {
                e.range = a.range
                throw e
            }
        case .choice(let choices):
            guard choices.contains(a.text) else {
                let hint = suggestion(for: a.text, among: choices).map(didYouMean)
                throw KemuningError.failed("bad value '\(a.text)' for \(what): expected one of \(choices.joined(separator: ", "))", at: a.range, hint: hint)
            }
        case .id(let prefix):
            guard let (p, _) = splitId(a.text.uppercased()), p == prefix else {
                let kind = State.idPrefixes[prefix] ?? ("record" as Message)
                throw KemuningError.failed("bad \(kind) id '\(a.text)': expected \(prefix) and a number, like \(prefix)1", at: a.range)
            }
        case .text, .printed, .file, .snapshot, .command, .setting, .variable, .word, .nik, .source:
            break
        }
    }
}
