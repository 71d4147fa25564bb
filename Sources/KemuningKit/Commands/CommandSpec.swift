import KemuningCore
import KemuningDomain
import KemuningStore
/// What kind of value an argument takes: it decides validation, completion and the usage line.
public enum ArgKind: Equatable, Sendable {
    /// Text a command keeps (a name, a topic): one line, no control characters.
    case text
    /// Words only printed, never kept (`echo`): line breaks and tabs allowed, no other control.
    case printed
    case int(ClosedRange<Int>)
    case decimal
    case date
    case choice([String])
    /// An id of the records with this prefix: `V` vacancies, `A` applicants.
    case id(String)
    case file
    case snapshot
    case command
    case setting
    case variable
    case word
    case nik
    /// Where an applicant heard of a vacancy: a channel or a job fair id.
    case source

    /// Whether a value of this kind has a form to check beyond being printable text: a number,
    /// a date, one of the choices, an id's shape.
    public var hasForm: Bool {
        switch self {
        case .int, .decimal, .date, .choice, .id: return true
        case .text, .printed, .file, .snapshot, .command, .setting, .variable, .word, .nik, .source: return false
        }
    }

    /// The placeholder shown in usage lines.
    var placeholder: String {
        switch self {
        case .text, .printed: return "TEXT"
        case .int: return "N"
        case .decimal: return "NUMBER"
        case .date: return "YYYY-MM-DD"
        case .choice(let c): return c.joined(separator: "|")
        case .id(let p): return "\(p)ID"
        case .file: return "FILE"
        case .snapshot: return "NAME"
        case .command: return "COMMAND"
        case .setting: return "SETTING"
        case .variable: return "NAME"
        case .word: return "WORD"
        case .nik: return "NIK"
        case .source: return "CHANNEL|JID"
        }
    }
}

public struct FlagSpec: Equatable, Sendable {
    public var name: String
    public var kind: ArgKind
    /// A bare `--name` with no value.
    public var isBool: Bool
    public var required: Bool
    public var repeatable: Bool
    public var help: Message
    public var defaultText: Message?

    public static func value(_ name: String, _ kind: ArgKind, _ help: Message, required: Bool = false, repeatable: Bool = false, default d: Message? = nil) -> FlagSpec {
        FlagSpec(name: name, kind: kind, isBool: false, required: required, repeatable: repeatable, help: help, defaultText: d)
    }

    public static func bool(_ name: String, _ help: Message) -> FlagSpec {
        FlagSpec(name: name, kind: .word, isBool: true, required: false, repeatable: false, help: help, defaultText: nil)
    }
}

public struct PositionalSpec: Equatable, Sendable {
    public var name: String
    public var kind: ArgKind
    public var optional: Bool
    public var variadic: Bool
    public var help: Message

    public init(_ name: String, _ kind: ArgKind, _ help: Message, optional: Bool = false, variadic: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
        self.variadic = variadic
        self.help = help
    }
}

/// One entry of the command table: it alone drives dispatch, `help`, tab completion and
/// "did you mean". Adding a command means adding one of these and its function.
public struct CommandSpec: @unchecked Sendable {
    public var path: [String]
    public var family: String
    public var summary: Message
    public var positionals: [PositionalSpec]
    public var flags: [FlagSpec]
    public var examples: [String]
    /// The name of the fixture the examples need to run (a stage of a round, some staff, ...);
    /// "" when they run in an empty store. The help-example tests build it before each example.
    public var exampleSetup: String
    /// Changes the store (so it needs a writable store, and is journaled).
    public var mutates: Bool
    public var run: (Invocation) throws -> Output

    public init(_ path: String, family: String, summary: Message, positionals: [PositionalSpec] = [], flags: [FlagSpec] = [],
                examples: [String] = [], mutates: Bool = false, exampleSetup: String = "",
                run: @escaping (Invocation) throws -> Output) {
        self.path = path.split(separator: " ").map(String.init)
        self.family = family
        self.summary = summary
        self.positionals = positionals
        self.flags = flags
        self.examples = examples
        self.mutates = mutates
        self.exampleSetup = exampleSetup
        self.run = run
    }

    public var name: String { path.joined(separator: " ") }

    public func flag(_ name: String) -> FlagSpec? { flags.first { $0.name == name } }

    /// `vacancy add --title TEXT --unit TEXT --seats N [--type cpns|pppk] [--education TEXT]...`
    public var usage: String {
        var parts = [name]
        for p in positionals {
            var s = p.name
            if p.variadic { s += "..." }
            parts.append(p.optional ? "[\(s)]" : s)
        }
        for f in flags {
            var s = "--\(f.name)"
            if !f.isBool { s += " \(f.kind.placeholder)" }
            if !f.required { s = "[\(s)]" }
            if f.repeatable { s += "..." }
            parts.append(s)
        }
        return parts.joined(separator: " ")
    }
}

/// A command's arguments after parsing, each still knowing where it was written.
public struct Arguments {
    public var spec: CommandSpec
    /// Where the command's name was written: errors about the command as a whole point here.
    public var commandRange: SourceRange
    public var positionals: [Arg]
    public var flags: [String: [Arg]]

    public func has(_ flag: String) -> Bool { flags[flag] != nil }
    public func arg(_ flag: String) -> Arg? { flags[flag]?.last }
    public func string(_ flag: String) -> String? { flags[flag]?.last?.text }
    public func strings(_ flag: String) -> [String] {
        (flags[flag] ?? []).flatMap { $0.text.split(separator: ",").map { String($0).trimmingBlanks() } }.filter { !$0.isEmpty }
    }
    public func int(_ flag: String) -> Int? { string(flag).flatMap { Int($0) } }
    public func bool(_ flag: String) -> Bool { flags[flag]?.last.map { $0.text == "true" } ?? false }
    public func range(_ flag: String) -> SourceRange { flags[flag]?.last?.range ?? commandRange }

    /// Parses a date flag, pointing at its value when it is wrong.
    public func day(_ flag: String) throws -> Day? {
        guard let a = arg(flag) else { return nil }
        do { return try Day(parsing: a.text) } catch var e as KemuningError {
            e.range = a.range
            throw e
        }
    }

    public func decimal(_ flag: String) -> ExactDecimal? { string(flag).flatMap { ExactDecimal($0) } }
}

// MARK: values the table has already checked

/// Accessors for what the command's spec requires: the table's parse refuses a command without
/// its required flags and positionals, and its check refuses a value of the wrong kind, so by
/// the time a command runs these are there and of their kind. Asking for one the spec does not
/// require (or of another kind) is a mistake in the command, which every command's tests meet.
extension Arguments {
    /// A required flag, as written.
    public func required(_ flag: String) -> Arg {
        guard let f = spec.flags.first(where: { $0.name == flag }), f.required, let a = arg(flag) else {
            preconditionFailure("'\(spec.name)' reads --\(flag) as required, and its spec does not require it")
        }
        return a
    }

    /// A required flag's text.
    public func text(_ flag: String) -> String { required(flag).text }

    /// A required whole-number flag.
    public func number(_ flag: String) -> Int {
        guard let n = Int(required(flag).text) else { preconditionFailure("'\(spec.name)' reads --\(flag) as a number, and it is not one") }
        return n
    }

    /// A required date flag; a date the table let through that is not one points at its value.
    public func date(_ flag: String) throws -> Day {
        _ = required(flag)
        return try day(flag)!
    }

    /// A required flag whose choices are the raw values of `E`.
    public func choice<E: RawRepresentable>(_ flag: String, as type: E.Type) -> E where E.RawValue == String {
        guard let e = E(rawValue: required(flag).text) else {
            preconditionFailure("'\(spec.name)' lets through --\(flag) '\(required(flag).text)', which \(E.self) does not know")
        }
        return e
    }

    /// The positional at `index` (a required one, or an optional one that was given).
    public func positional(_ index: Int) -> Arg {
        guard index < positionals.count else { preconditionFailure("'\(spec.name)' reads positional \(index + 1), which was not given") }
        return positionals[index]
    }

    /// A whole-number positional at `index`.
    public func number(at index: Int) -> Int {
        guard let n = Int(positional(index).text) else { preconditionFailure("'\(spec.name)' reads positional \(index + 1) as a number, and it is not one") }
        return n
    }

    /// A whole-number positional at `index` when it was given.
    public func numberIfGiven(at index: Int) -> Int? { index < positionals.count ? number(at: index) : nil }

    /// A positional whose choices are the raw values of `E`.
    public func choice<E: RawRepresentable>(at index: Int, as type: E.Type) -> E where E.RawValue == String {
        guard let e = E(rawValue: positional(index).text) else {
            preconditionFailure("'\(spec.name)' lets through '\(positional(index).text)', which \(E.self) does not know")
        }
        return e
    }
}
