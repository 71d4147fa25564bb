import KemuningCore

/// What a `$NAME` stands for where a word is expanded.
public enum VariableValue: Equatable, Sendable {
    /// Its text.
    case known(String)
    /// A value only a run can tell: `let v = vacancy add ...` seen by `run --check`.
    case runTime
}

/// The words of a statement after `$NAME` expansion, as a run and a check both make them.
///
/// A run knows every variable's value. A check (`run --check`) does not know what a command
/// bound: a word using such a variable keeps `${NAME}` in its text and its index is in
/// `deferred`, so the command table passes it where a right value would pass (see
/// `CommandTable.parse`).
public struct Expansion {
    public var args: [Arg]
    /// The indices in `args` of the words whose text only a run can tell.
    public var deferred: Set<Int>

    /// Words already expanded, every one of them known.
    public init(_ args: [Arg]) {
        self.args = args
        self.deferred = []
    }

    /// Expands `$NAME` in each word. `value` says what a variable holds (nil: it is not set);
    /// `unknown` is told of each variable that is not set, where it was written: a run throws
    /// (its first mistake ends the statement), a check reports it and goes on, the word then
    /// deferred.
    public init(_ words: [Word], value: (String) -> VariableValue?,
                unknown: (_ name: String, _ at: SourceRange) throws -> Void) rethrows {
        var args: [Arg] = []
        args.reserveCapacity(words.count)
        var deferred = Set<Int>()
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
                    switch value(name) {
                    case .known(let v)?:
                        s += v
                    case .runTime?:
                        s += "${\(name)}"
                        deferred.insert(k)
                    case nil:
                        try unknown(name, r)
                        s += "${\(name)}"
                        deferred.insert(k)
                    }
                }
            }
            args.append(Arg(s, range: w.range, quoted: w.quoted))
        }
        self.args = args
        self.deferred = deferred
    }

    /// The error for `$NAME` used where it is not set, with the nearest name set as a hint.
    public static func unknownVariable(_ name: String, at range: SourceRange, among names: [String]) -> KemuningError {
        let hint = suggestion(for: name, among: names).map { "did you mean '$\($0)'?" as Message }
        return KemuningError.failed("unknown variable '$\(name)'", at: range, hint: hint ?? "set it first with: let \(name) = VALUE")
    }

    /// The words from the `n`th on, their deferred indices counted from there.
    public func dropFirst(_ n: Int) -> Expansion {
        var rest = Expansion(Array(args.dropFirst(n)))
        rest.deferred = Set(deferred.filter { $0 >= n }.map { $0 - n })
        return rest
    }
}
