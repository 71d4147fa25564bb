/// Where a piece of a command sits in its source: 1-based line and column (in Unicode
/// scalars), and its length in scalars, so a diagnostic can underline it.
public struct SourceRange: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var length: Int

    public init(line: Int, column: Int, length: Int) {
        self.line = line
        self.column = column
        self.length = max(length, 1)
    }
}
