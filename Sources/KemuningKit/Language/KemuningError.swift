/// Every failure the shell reports: what kind it is (which decides the exit code), a message
/// that quotes what was wrong, where it was, and an optional hint.
public struct KemuningError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// The text cannot be read as commands: quotes, unknown commands and flags, missing arguments. Exit 2.
        case syntax
        /// A bad invocation of the program itself. Exit 2.
        case usage
        /// A command ran and failed: bad values, unknown ids, broken rules, a failed assert. Exit 1.
        case failed
        /// The store cannot be used: locked, corrupt, unwritable, or a newer format. Exit 3.
        case store
        /// Ctrl-C stopped a command. Exit 130.
        case interrupted

        public var exitCode: Int32 {
            switch self {
            case .syntax, .usage: return 2
            case .failed: return 1
            case .store: return 3
            case .interrupted: return 130
            }
        }
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange?
    public var hint: String?
    /// Set once the error has been shown to the user, so outer scripts do not show it again.
    public var reported = false

    public init(_ kind: Kind, _ message: String, at range: SourceRange? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.hint = hint
    }

    public static func failed(_ message: String, at range: SourceRange? = nil, hint: String? = nil) -> KemuningError {
        KemuningError(.failed, message, at: range, hint: hint)
    }

    public var description: String { message }
}
