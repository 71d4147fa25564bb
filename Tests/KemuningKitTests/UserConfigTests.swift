#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// A fresh folder, removed by `rm -rf` at the end of the test.
private func scratchFolder() -> String {
    makeTemporaryFolder("config")
}

private func removeFolder(_ dir: String) {
    removeTemporaryFolder(dir)
}

private func write(_ path: String, _ text: String) {
    let f = fopen(path, "w")!
    fputs(text, f)
    fclose(f)
}

/// The settings a session starts with, from `argv`, a configuration file's text and an environment.
private func starting(_ argv: [String] = [], config: String? = nil, env: [String: String] = [:]) throws -> (Settings, [String]) {
    guard case .run(let o) = try ProgramOptions.parse(argv) else { throw KemuningError.failed("not a run") }
    let parsed = config.map { UserConfig.parse($0, path: "cfg") }
    let (s, warnings) = Settings.starting(options: o, config: parsed, configPath: "cfg", environment: { env[$0] })
    return (s, warnings.map(\.english))
}

/// The user's configuration file: what it may say, how a mistake in it is reported, how it
/// ranks against the environment and the options, and `set --save`.
@Suite struct UserConfigTests {
    // MARK: the file's lines

    @Test func blankLinesAndCommentsAreSkippedAndAValueMayHoldEquals() {
        let p = UserConfig.parse("\n# my settings\n   \n  # indented comment\noperator =  Siti = Rahayu # kepala  \n\tformat\t=\tjson\n", path: "cfg")
        #expect(p.warnings == [])
        #expect(p.entries == [UserConfig.Entry(name: "operator", value: "Siti = Rahayu # kepala", line: 5),
                              UserConfig.Entry(name: "format", value: "json", line: 6)])
    }

    @Test func aLineThatCannotBeUsedIsAWarningThatNamesItsLineAndIsIgnored() {
        let p = UserConfig.parse("formt = json\nnothing here\ncolor = blue\ntoday = 2026-01-01\necho = on\ncolour = never\n", path: "/h/.config/kemuning/config")
        #expect(p.warnings.map(\.english) == [
            "/h/.config/kemuning/config:1: unknown setting 'formt' (did you mean 'format'?): ignored",
            "/h/.config/kemuning/config:2: expected NAME = VALUE, not 'nothing here': ignored",
            "/h/.config/kemuning/config:3: bad color 'blue': expected auto, always or never: ignored",
            "/h/.config/kemuning/config:4: 'today' is not kept in the configuration file: ignored",
            "/h/.config/kemuning/config:5: 'echo' is not kept in the configuration file: ignored",
        ])
        // Another spelling of a setting is that setting.
        #expect(p.entries == [UserConfig.Entry(name: "color", value: "never", line: 6)])
    }

    @Test func aSettingGivenTwiceKeepsTheLastLineWithAWarning() {
        let p = UserConfig.parse("lang = id\nformat = csv\nlang = en\n", path: "cfg")
        #expect(p.warnings.map(\.english) == ["cfg:3: 'lang' is also set on line 1; the last one counts"])
        #expect(p.entries.map(\.name) == ["format", "lang"])
        #expect(p.entries.last?.value == "en")
    }

    @Test func anEmptyOperatorIsRefusedLikeSetRefusesIt() {
        let p = UserConfig.parse("operator =\n", path: "cfg")
        #expect(p.entries == [])
        #expect(p.warnings.map(\.english) == ["cfg:1: the operator's name cannot be empty: ignored"])
    }

    @Test func thePathFollowsXDG() {
        #expect(UserConfig.defaultPath(environment: { ["XDG_CONFIG_HOME": "/x/", "HOME": "/h"][$0] }) == "/x/kemuning/config")
        // A relative XDG_CONFIG_HOME is ignored, as the spec says.
        #expect(UserConfig.defaultPath(environment: { ["XDG_CONFIG_HOME": "rel", "HOME": "/h"][$0] }) == "/h/.config/kemuning/config")
        #expect(UserConfig.defaultPath(environment: { _ in nil }) == nil)
    }

    // MARK: precedence

    @Test func anOptionBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws {
        let file = "operator = Siti\nlang = id\nformat = json\n"
        var (s, w) = try starting(config: file, env: ["USER": "siti", "LANG": "en_US.UTF-8"])
        #expect(w == [])
        // USER and the locale are always there: the file beats them, else it would never count.
        #expect(s.operatorName == "Siti" && s.origin("operator") == .config(path: "cfg", line: 1))
        #expect(s.lang == .id && s.origin("lang") == .config(path: "cfg", line: 2))
        #expect(s.format == .json && s.origin("format") == .config(path: "cfg", line: 3))
        #expect(s.origin("color") == .byDefault && s.color == .auto)

        (s, _) = try starting(config: file, env: ["USER": "siti", "KEMUNING_OPERATOR": "Budi", "KEMUNING_LANG": "en"])
        #expect(s.operatorName == "Budi" && s.origin("operator") == .environment("KEMUNING_OPERATOR"))
        #expect(s.lang == .en && s.origin("lang") == .environment("KEMUNING_LANG"))

        (s, _) = try starting(["--operator", "Ani", "--lang", "id", "--format", "csv"], config: file, env: ["KEMUNING_OPERATOR": "Budi", "KEMUNING_LANG": "en"])
        #expect(s.operatorName == "Ani" && s.origin("operator") == .option("operator"))
        #expect(s.lang == .id && s.origin("lang") == .option("lang"))
        #expect(s.format == .csv && s.origin("format") == .option("format"))
    }

    @Test func withoutAnythingTheOperatorIsUnknownAndNotKnown() throws {
        var (s, _) = try starting()
        #expect(s.operatorName == "unknown" && !s.operatorIsKnown)
        (s, _) = try starting(env: ["LOGNAME": "tono"])
        #expect(s.operatorName == "tono" && s.origin("operator") == .environment("LOGNAME") && s.operatorIsKnown)
        // A control character from the environment is kept escaped in the audit trail.
        (s, _) = try starting(env: ["USER": "eve\u{1B}[2J"])
        #expect(s.operatorName == "eve\\x1b[2J")
    }

    @Test func aBadKemuningLangIsAWarningAndTheFileStillCounts() throws {
        let (s, w) = try starting(config: "lang = id\n", env: ["KEMUNING_LANG": "xx"])
        #expect(s.lang == .id)
        #expect(w == ["KEMUNING_LANG 'xx' is not en or id: the language comes from the locale"])
    }

    // MARK: set, set --save

    private func session(configPath: String?) -> Session {
        let s = Session(backend: MemoryStore())
        s.emit = { _ in }
        s.settings.today = Day(year: 2026, month: 11, day: 29)
        s.settings.configPath = configPath
        return s
    }

    @Test func setListsWhereEachValueCameFrom() throws {
        let s = session(configPath: nil)
        var rows: [[JSON]] = []
        s.emit = { if case .output(let o) = $0, case .table(_, let r) = o.body { rows = r } }
        s.settings.origins["lang"] = .config(path: "/h/c", line: 2)
        s.settings.origins["operator"] = .environment("USER")
        try s.run(text: "set format json\nset", source: Source(name: "t"))
        let from = Dictionary(uniqueKeysWithValues: rows.map { ($0[0].stringValue!, $0[2].stringValue!) })
        #expect(from == ["format": "set in this session", "color": "default", "echo": "default", "keep-going": "default", "today": "default",
                         "operator": "environment USER", "lang": "config /h/c:2", "csv": "default"])
    }

    @Test func setSaveWritesTheFile0600AndTheNextSessionReadsIt() throws {
        let dir = scratchFolder()
        defer { removeFolder(dir) }
        let path = dir + "/deep/kemuning/config"
        let s = session(configPath: path)
        try s.run(text: "set operator \"Siti Rahayu\" --save\nset lang id\nset lang --save\nset colour never --save", source: Source(name: "t"))
        #expect(s.exitStatus == 0)
        #expect(s.settings.origin("operator") == .config(path: path, line: 1))
        var st = stat()
        #expect(lstat(path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(UserConfig.read(path).text == "operator = Siti Rahayu\nlang = id\ncolor = never\n")
        // Saving again replaces the line, keeping comments and the other lines.
        write(path, "# mine\noperator = Siti Rahayu\nlang = id\ncolor = never\nlang = en\n")
        try s.run(text: "set lang id --save", source: Source(name: "t"))
        #expect(UserConfig.read(path).text == "# mine\noperator = Siti Rahayu\nlang = id\ncolor = never\n")
        // The next session starts with it.
        let (next, w) = try starting(config: UserConfig.read(path).text)
        #expect(w == [])
        #expect(next.operatorName == "Siti Rahayu" && next.lang == .id && next.color == .never)
    }

    @Test func setSaveRefusesTodayASymbolicLinkAndNoFile() throws {
        let dir = scratchFolder()
        defer { removeFolder(dir) }
        let s = session(configPath: dir + "/config")
        try? s.run(text: "set today 2026-01-05 --save", source: Source(name: "t"))
        #expect(s.exitStatus != 0)
        #expect(access(dir + "/config", F_OK) != 0)
        // A link there is neither followed to write nor to read.
        symlink(dir + "/elsewhere", dir + "/config")
        let t = session(configPath: dir + "/config")
        try? t.run(text: "set format json --save", source: Source(name: "t"))
        #expect(t.exitStatus != 0)
        #expect(access(dir + "/elsewhere", F_OK) != 0)
        write(dir + "/elsewhere", "format = json\n")
        #expect(UserConfig.read(dir + "/config").text == nil)
        #expect(UserConfig.read(dir + "/config").warning?.english == "configuration file \(dir)/config is a symbolic link: not read")
        // No HOME nor XDG_CONFIG_HOME: nothing to write to.
        let u = session(configPath: nil)
        try? u.run(text: "set format json --save", source: Source(name: "t"))
        #expect(u.exitStatus != 0)
    }

    // MARK: require-operator

    @Test func aStoreThatRequiresAnOperatorRefusesChangesUntilOneIsSet() throws {
        let s = session(configPath: "/h/.config/kemuning/config")
        var errors: [KemuningError] = []
        s.emit = { if case .diagnostic(let d) = $0 { errors.append(d.error) } }
        try? s.run(text: "policy set require-operator yes", source: Source(name: "t"))
        #expect(errors == [])
        try? s.run(text: "vacancy add --title Analis --unit Bappeda --seats 1", source: Source(name: "t"))
        #expect(errors.map(\.message.english) == ["this store takes changes only from a named operator (policy require-operator), and none is set"])
        #expect(errors.first?.hint?.english == "set operator NAME (and keep it in /h/.config/kemuning/config with: set operator NAME --save)")
        #expect(try s.state().vacancies.count == 0)
        // Reading still works; a named operator may change it.
        errors = []
        try s.run(text: "vacancy list\nset operator Siti\nvacancy add --title Analis --unit Bappeda --seats 1", source: Source(name: "t"))
        #expect(errors == [])
        #expect(try s.state().vacancies.count == 1)
    }

    @Test func requireOperatorTakesYesOrNo() throws {
        #expect(try Policy.requireOperator.validate("yes") == "yes")
        #expect(throws: KemuningError.self) { try Policy.requireOperator.validate("maybe") }
        #expect(Policy.requireOperator.defaultValue == "no")
    }

    // MARK: help of the program's modes

    @Test func helpPlayExplainsTheModeAndItsOptions() throws {
        let s = session(configPath: nil)
        var text = ""
        var errors: [KemuningError] = []
        s.emit = {
            if case .output(let o) = $0, case .message(let m) = o.body { text = m.english }
            if case .diagnostic(let d) = $0 { errors.append(d.error) }
        }
        try s.run(text: "help play", source: Source(name: "t"))
        #expect(errors == [])
        #expect(text.hasPrefix("kemuning play: present a demo"))
        for option in ["--step", "--quiet", "--delay MS", "--speed CPS", "--from SNAPSHOT"] { #expect(text.contains("\n  \(option) "), "\(option)") }
        try s.run(text: "help atomic", source: Source(name: "t"))
        #expect(text.hasPrefix("kemuning atomic: all or nothing") && text.contains("\n  --atomic "))
        try s.run(text: "help check", source: Source(name: "t"))
        #expect(text.contains("usage: kemuning run --check FILE..."))
        // `run` is a command and a mode: both are explained.
        try s.run(text: "help run", source: Source(name: "t"))
        #expect(text.hasPrefix("run: ") && text.contains("kemuning run: ") && text.contains("  --check "))
        s.settings.lang = .id
        try s.run(text: "help play", source: Source(name: "t"))
        #expect(text.hasPrefix("kemuning play: sajikan demo") && text.contains("opsi:") && text.contains("--step"))
    }
}
