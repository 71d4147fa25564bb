/// Every failure the shell reports: what kind it is (which decides the exit code), a message
/// that quotes what was wrong, where it was, and an optional hint.
public struct KemuningError: MessageError, Equatable, Sendable, CustomStringConvertible {
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
    public var message: Message
    public var range: SourceRange?
    public var hint: Message?
    /// Set once the error has been shown to the user, so outer scripts do not show it again.
    public var reported = false

    public init(_ kind: Kind, _ message: Message, at range: SourceRange? = nil, hint: Message? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.hint = hint
    }

    public static func failed(_ message: Message, at range: SourceRange? = nil, hint: Message? = nil) -> KemuningError {
        KemuningError(.failed, message, at: range, hint: hint)
    }

    public var description: String { message.english }
}

/// An error whose text is a `Message`, so it can be shown in the user's language.
public protocol MessageError: Error {
    var message: Message { get }
}

extension Message {
    /// What an error says: its own message when it has one, else its description as it is.
    public static func of(_ error: Error) -> Message {
        (error as? MessageError)?.message ?? .verbatim("\(error)")
    }
}
