import KemuningCore
import KemuningDomain
import KemuningStore
extension Session {
    /// Tab completion for `line` with the cursor at scalar offset `cursor`: command and
    /// sub-command names, the flags of the command being typed, flag choices, entity ids (with
    /// their labels), `$` variables, snapshot names, settings, and file paths.
    public func complete(line: String, cursor: Int) -> Completion {
        let scalars = Array(line.unicodeScalars.prefix(cursor))
        // Split the text before the cursor into words of the current statement, roughly the
        // way the lexer does, without failing on unfinished quotes.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var inWord = false
        var quote: Unicode.Scalar?
        for (k, c) in scalars.enumerated() {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
                continue
            }
            if c == "\"" || c == "'" {
                if !inWord { inWord = true; start = k }
                quote = c
                continue
            }
            if c == " " || c == "\t" || c == ";" {
                if inWord { words.append(String(current)) }
                if c == ";" { words = [] }
                current = String.UnicodeScalarView()
                inWord = false
                continue
            }
            if !inWord { inWord = true; start = k }
            current.append(c)
        }
        let partial = inWord ? String(current) : ""
        let from = inWord ? start + (scalars[start] == "\"" || scalars[start] == "'" ? 1 : 0) : scalars.count
        if words.count >= 3 && words[0] == "let" && words[2] == "=" { words.removeFirst(3) }
        let candidates = candidatesFor(words: words, partial: partial)
        return Completion(replaceFrom: from, candidates: candidates.filter { $0.text.hasPrefix(partial) })
    }

    func candidatesFor(words: [String], partial: String) -> [Completion.Candidate] {
        if partial.hasPrefix("$") {
            return variables.keys.sorted().map { Completion.Candidate("$" + $0, label: variables[$0]) }
        }
        if words.isEmpty {
            let out = table.topWords.map { w -> Completion.Candidate in
                Completion.Candidate(w, label: (table.groups[w] ?? table.command(w)?.summary).localized(lang))
            }
            return out.sorted { $0.text < $1.text }
        }
        if words.count == 1, table.groups[words[0]] != nil {
            return table.subcommands(of: words[0]).map { Completion.Candidate($0.path[1], label: $0.summary.localized(lang)) }
        }
        let spec: CommandSpec
        let used: Int
        if words.count >= 2, let c = table.command(words[0] + " " + words[1]) {
            spec = c
            used = 2
        } else if let c = table.command(words[0]) {
            spec = c
            used = 1
        } else {
            return []
        }
        let rest = Array(words.dropFirst(used))
        // The value of a flag?
        if let last = rest.last, last.hasPrefix("--"), !last.contains("="),
           let f = spec.flag(String(last.dropFirst(2))), !f.isBool {
            return values(of: f.kind, partial: partial)
        }
        if partial.hasPrefix("--"), let eq = partial.firstIndex(of: "="),
           let f = spec.flag(String(partial[partial.index(partial.startIndex, offsetBy: 2)..<eq])) {
            let prefix = String(partial[...eq])
            return values(of: f.kind, partial: String(partial[partial.index(after: eq)...])).map {
                Completion.Candidate(prefix + $0.text, label: $0.label, appendSpace: $0.appendSpace)
            }
        }
        if partial.hasPrefix("-") {
            let given = Set(rest.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2).prefix { $0 != "=" }) })
            return spec.flags.filter { $0.repeatable || !given.contains($0.name) }.map {
                Completion.Candidate("--" + $0.name, label: $0.help.localized(lang))
            }
        }
        // Which positional is this?
        var index = 0
        var k = 0
        while k < rest.count {
            if rest[k].hasPrefix("--") {
                let name = String(rest[k].dropFirst(2).prefix { $0 != "=" })
                if let f = spec.flag(name), !f.isBool, !rest[k].contains("=") { k += 1 }
            } else {
                index += 1
            }
            k += 1
        }
        guard !spec.positionals.isEmpty else { return [] }
        // `set SETTING VALUE`: the values the setting takes.
        // `set SETTING VALUE`: the values the setting takes.
        if spec.name == "set", index == 1, let setting = rest.first(where: { !$0.hasPrefix("--") }) {
            return Settings.spec(setting).map { $0.values.map { Completion.Candidate($0.text, label: $0.label?.localized(lang)) } } ?? []
        }
        let p = index < spec.positionals.count ? spec.positionals[index] : (spec.positionals.last!.variadic ? spec.positionals.last! : nil)
        guard let p else { return [] }
        if p.kind == .command {
            let sofar = rest.joined(separator: " ")
            if sofar.isEmpty { return candidatesFor(words: [], partial: partial) }
            return table.subcommands(of: sofar).map { Completion.Candidate($0.path[1], label: $0.summary.localized(lang)) }
        }
        return values(of: p.kind, partial: partial)
    }

    func values(of kind: ArgKind, partial: String) -> [Completion.Candidate] {
        switch kind {
        case .choice(let c): return c.map { Completion.Candidate($0) }
        case .id(let prefix):
            guard let s = try? state() else { return [] }
            return s.records(withPrefix: prefix).map { Completion.Candidate($0.id, label: $0.hint(naming: s.name(of:))) }
        case .snapshot:
            guard (try? state()) != nil else { return [] }
            return ((try? backend.listNamed()) ?? []).map { Completion.Candidate($0.name) }
        case .setting: return Settings.table.map { Completion.Candidate($0.name, label: $0.help.localized(lang)) }
        case .source:
            let fairs = ((try? state())?.jobfairs ?? []).map { Completion.Candidate($0.id, label: "\($0.name), \($0.date)") }
            return Vacancy.channels.map { Completion.Candidate($0) } + fairs
        case .file: return pathCandidates(partial)
        case .variable: return variables.keys.sorted().map { Completion.Candidate($0) }
        default: return []
        }
    }

    /// Files and directories that start with `partial`; directories end in `/` and take no space.
    func pathCandidates(_ partial: String) -> [Completion.Candidate] {
        let dir: String
        let shownDir: String
        if let slash = partial.lastIndex(of: "/") {
            shownDir = String(partial[...slash])
            dir = shownDir == "/" ? "/" : String(shownDir.dropLast())
        } else {
            shownDir = ""
            dir = "."
        }
        let base = partial.lastIndex(of: "/").map { String(partial[partial.index(after: $0)...]) } ?? partial
        var expanded = dir
        if dir.hasPrefix("~"), let home = getenvString("HOME") { expanded = home + dir.dropFirst() }
        return Files.list(expanded).filter { $0.hasPrefix(base) && (base.hasPrefix(".") || !$0.hasPrefix(".")) }.map { name in
            let isDir = Files.isDirectory(expanded + "/" + name)
            return Completion.Candidate(shownDir + name + (isDir ? "/" : ""), appendSpace: !isDir)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

func getenvString(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
