import KemuningCore
import KemuningDomain
import KemuningStore
#if canImport(Glibc)
import Glibc
#endif

/// The user's configuration file: the settings a person wants in every session (who they are,
/// their language, the format and colour they like), so that `set operator` need not be typed
/// again each morning.
///
///     # kemuning settings
///     operator = Siti Rahayu
///     lang = id
///
/// One `NAME = VALUE` a line; blank lines and lines starting with `#` are skipped; the value
/// is the rest of the line, trimmed (it may hold `=` or `#`). Only the settings the table marks
/// `saved` may be there (`today` never: a date belongs to one session). A line that cannot be
/// used (no `=`, an unknown name, a bad value) is a warning that names FILE:LINE and is
/// ignored: a mistake in this file must never keep anyone out of the shell. When a name is
/// given twice, the last line counts (with a warning, as the first is then dead).
///
/// The file is kept like the history: `$XDG_CONFIG_HOME/kemuning/config`, else
/// `~/.config/kemuning/config`, folders 0700, the file 0600, written atomically. It is neither
/// read nor written through a symbolic link: a link planted there could make `set --save`
/// overwrite another file of the user, or feed them someone else's operator name.
public enum UserConfig {
    /// The largest configuration file read: a few lines are expected.
    static let limit = 1 << 20

    /// One usable line: a setting's name (as the table lists it), its value, its line.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var value: String
        public var line: Int
    }

    /// What a file says: the lines that give a setting, and a warning for each line ignored.
    public struct Parsed: Sendable {
        public var entries: [Entry] = []
        public var warnings: [Message] = []
    }

    /// `$XDG_CONFIG_HOME/kemuning/config`, else `$HOME/.config/kemuning/config`; nil when neither
    /// is set. A relative `XDG_CONFIG_HOME` is ignored, as the XDG spec says.
    public static func defaultPath(environment: (String) -> String?) -> String? {
        if let x = environment("XDG_CONFIG_HOME"), x.hasPrefix("/") {
            return (x.hasSuffix("/") ? x : x + "/") + "kemuning/config"
        }
        if let home = environment("HOME"), !home.isEmpty {
            return (home.hasSuffix("/") ? home : home + "/") + ".config/kemuning/config"
        }
        return nil
    }

    /// Reads the text of a configuration file: every line checked, the usable ones kept.
    public static func parse(_ text: String, path: String) -> Parsed {
        var parsed = Parsed()
        var seen: [String: Int] = [:]
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = k + 1
            let trimmed = raw.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                parsed.warnings.append("\(path):\(line): expected NAME = VALUE, not '\(Controls.escape(trimmed))': ignored")
                continue
            }
            let name = trimmed[..<eq].trimmingSpaces
            let value = trimmed[trimmed.index(after: eq)...].trimmingSpaces
            guard let spec = Settings.spec(name) else {
                let suggested = suggestion(for: name, among: Settings.table.filter(\.saved).map(\.name))
                parsed.warnings.append(suggested.map { "\(path):\(line): unknown setting '\(Controls.escape(name))' (did you mean '\($0)'?): ignored" }
                                       ?? "\(path):\(line): unknown setting '\(Controls.escape(name))': ignored")
                continue
            }
            guard spec.saved else {
                parsed.warnings.append("\(path):\(line): '\(spec.name)' is not kept in the configuration file: ignored")
                continue
            }
            // The value is checked as `set` checks it, on a scratch copy.
            var scratch = Settings()
            do {
                try spec.assign(value, to: &scratch, spelled: name)
            } catch {
                parsed.warnings.append("\(path):\(line): \(Message.of(error)): ignored")
                continue
            }
            if let first = seen[spec.name] {
                parsed.warnings.append("\(path):\(line): '\(spec.name)' is also set on line \(first); the last one counts")
                parsed.entries.removeAll { $0.name == spec.name }
            }
            seen[spec.name] = line
            parsed.entries.append(Entry(name: spec.name, value: value, line: line))
        }
        return parsed
    }

    /// Reads the file at `path`: nil without a warning when there is none; nil with a warning
    /// when it cannot be used (a symbolic link, a folder, unreadable, not UTF-8).
    public static func read(_ path: String) -> (text: String?, warning: Message?) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return (nil, nil) }
        if st.st_mode & S_IFMT == S_IFLNK {
            return (nil, "configuration file \(path) is a symbolic link: not read")
        }
        do {
            let bytes = try UserFiles.read(path, displayName: path, what: "configuration file", limit: limit)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return (nil, "configuration file \(path) is not UTF-8 text: not read")
            }
            return (text, nil)
        } catch {
            return (nil, Message.of(error))
        }
    }

    /// The file's text with `name` set to `value`: the line that set it replaced (the other
    /// lines that set it removed), else a new line at the end. Comments and the order of the
    /// other lines are kept. Returns the new text and the setting's line.
    public static func updating(_ text: String, name: String, value: String) -> (text: String, line: Int) {
        var lines = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let new = "\(name) = \(value)"
        var at: Int?
        var k = 0
        while k < lines.count {
            let trimmed = lines[k].trimmingSpaces
            if !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "="),
               let spec = Settings.spec(trimmed[..<eq].trimmingSpaces), spec.name == name {
                if at == nil {
                    lines[k] = new
                    at = k
                } else {
                    lines.remove(at: k)
                    continue
                }
            }
            k += 1
        }
        if at == nil {
            lines.append(new)
            at = lines.count - 1
        }
        return (lines.joined(separator: "\n") + "\n", at! + 1)
    }

    /// Writes `name = value` into the file at `path` (made with its folders when missing):
    /// atomically, mode 0600, never through a symbolic link. Returns the setting's line.
    public static func save(name: String, value: String, to path: String) throws -> Int {
        guard !value.unicodeScalars.contains(where: Controls.isControl) else {
            throw KemuningError.failed("a value with a line break or a control character cannot be saved")
        }
        var st = stat()
        var text = ""
        if lstat(path, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFREG else {
                throw KemuningError.failed("cannot write configuration file \(path): it is \(Files.kindName(st.st_mode)), not a regular file")
            }
            let (read, warning) = read(path)
            if let warning { throw KemuningError.failed(warning) }
            text = read ?? ""
        } else if let problem = HistoryFile.makeParents(of: path) {
            throw KemuningError.failed("cannot create the folder of configuration file \(path): \(problem)")
        }
        let (updated, line) = updating(text, name: name, value: value)
        do {
            try Files.writeAtomically(path, Array(updated.utf8), mode: 0o600)
        } catch {
            throw KemuningError.failed("cannot write configuration file \(path): \(Message.of(error))")
        }
        return line
    }
}

extension Settings {
    /// The settings a session starts with, each with where it came from. From the weakest:
    /// the default; the environment's guesses (the operator from `USER` or `LOGNAME`, the
    /// language from the locale); the configuration file; the environment variables kemuning
    /// reads (`KEMUNING_OPERATOR`, `KEMUNING_LANG`); the program's options. `USER` and the
    /// locale sit below the file because they are always there: were they above it, the
    /// operator or language a person wrote down would never count.
    ///
    /// Returns the warnings to show (a bad line of the file, a bad `KEMUNING_LANG`).
    public static func starting(options: ProgramOptions, config: Parsed?, configPath: String?,
                                environment env: (String) -> String?) -> (Settings, [Message]) {
        var s = Settings()
        var warnings: [Message] = []
        s.configPath = configPath
        for name in ["USER", "LOGNAME"] {
            if let user = env(name) {
                s.operatorName = Controls.escape(user)
                s.origins["operator"] = .environment(name)
                break
            }
        }
        for name in Lang.localeVariables where env(name) != nil {
            s.lang = Lang.fromEnvironment { $0 == "KEMUNING_LANG" ? nil : env($0) }
            s.origins["lang"] = .environment(name)
            break
        }
        if let config, let path = configPath {
            warnings += config.warnings
            for entry in config.entries {
                guard let spec = Settings.spec(entry.name) else { continue }
                do {
                    try spec.assign(entry.name == "operator" ? Controls.escape(entry.value) : entry.value, to: &s)
                    s.origins[spec.name] = .config(path: path, line: entry.line)
                } catch {
                    warnings.append("\(path):\(entry.line): \(Message.of(error)): ignored")
                }
            }
        }
        if let name = env("KEMUNING_OPERATOR") {
            s.operatorName = Controls.escape(name)
            s.origins["operator"] = .environment("KEMUNING_OPERATOR")
        }
        if let k = env("KEMUNING_LANG") {
            if let l = Lang(code: k) {
                s.lang = l
                s.origins["lang"] = .environment("KEMUNING_LANG")
            } else if !options.givenSettings.contains("lang") {
                warnings.append("KEMUNING_LANG '\(k)' is not en or id: the language comes from the locale")
            }
        }
        for spec in Settings.table where options.givenSettings.contains(spec.name) {
            try? spec.assign(spec.shown(options.settings), to: &s)
            s.origins[spec.name] = options.settings.origins[spec.name] ?? .option(spec.option?.names[0] ?? spec.name)
        }
        return (s, warnings)
    }

    public typealias Parsed = UserConfig.Parsed
}

extension Substring {
    /// Without the spaces and tabs at either end.
    var trimmingSpaces: String {
        var s = self[...]
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    var trimmingSpaces: String { self[...].trimmingSpaces }
}
