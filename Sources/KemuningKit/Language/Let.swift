import KemuningCore

/// `let NAME = WORD` binds a word; `let NAME = COMMAND ...` binds the value the command gives.
/// A run and a check read it here, so both refuse the same mistakes with the same words; what
/// they do with it differs (a run binds, a check only learns whether the value is known).
public struct LetStatement {
    /// The whole statement, `let` included.
    public let words: Expansion

    public init(_ words: Expansion) {
        self.words = words
    }

    /// Whether the words are a `let`: an unquoted first word `let` (a quoted one names a command).
    public static func starts(_ args: [Arg]) -> Bool {
        guard let first = args.first else { return false }
        return first.text == "let" && !first.quoted
    }

    /// Whether the name comes from a variable only a run can tell: then nothing can be bound
    /// under it at check time, and its form is not checked.
    public var nameDeferred: Bool { words.deferred.contains(1) }

    /// The name to bind: letters, digits and '_', not starting with a digit.
    public func name() throws(KemuningError) -> String {
        let args = words.args
        guard args.count >= 2 else {
            throw KemuningError(.syntax, "let needs a name: let NAME = VALUE", at: args[0].range)
        }
        let name = args[1].text
        if nameDeferred { return name }
        guard let c = name.unicodeScalars.first, Lexer.isNameStart(c), name.unicodeScalars.allSatisfy(Lexer.isNameChar) else {
            throw KemuningError(.syntax, "bad variable name '\(name)': names are letters, digits and '_', not starting with a digit", at: args[1].range)
        }
        return name
    }

    /// What is bound to a name.
    public enum Value {
        /// One word that names no command (or is quoted): the word itself.
        case word(Arg, deferred: Bool)
        /// A command and its arguments: the value it gives when it runs.
        case command(Expansion)
    }

    /// What follows `let NAME`: `=` and a word or a command. Asked after `name()`.
    public func value(in table: CommandTable) throws(KemuningError) -> Value {
        let args = words.args
        let name = args[1].text
        guard args.count >= 3, args[2].text == "=" else {
            let at = args.count >= 3 ? args[2].range : args[1].range
            throw KemuningError(.syntax, "expected '=' after 'let \(name)'", at: at, hint: "write it as: let \(name) = VALUE")
        }
        let rest = words.dropFirst(3)
        guard let first = rest.args.first else {
            throw KemuningError(.syntax, "nothing to bind after 'let \(name) ='", at: args[2].range)
        }
        let firstDeferred = rest.deferred.contains(0)
        if rest.args.count == 1 && (first.quoted || firstDeferred || table.topLevel(first.text) == nil) {
            return .word(first, deferred: firstDeferred)
        }
        return .command(rest)
    }
}
