import KemuningCore
import KemuningDomain
import KemuningStore
/// What tab completion offers for the word under the cursor.
///
/// The line reader replaces the characters `line[replaceFrom..<cursor]` (counted in
/// Unicode scalars) with the longest common prefix of the candidates' `text`, and when
/// there is more than one candidate it lists them, each with its `label` when it has one:
///
///     kemuning> vacancy show V<Tab>
///     V1  Analis Kebijakan (Bappeda)
///     V2  Pranata Komputer (Diskominfo)
public struct Completion: Equatable, Sendable {
    /// Scalar offset in the line where the word being completed starts.
    public var replaceFrom: Int
    public var candidates: [Candidate]

    public init(replaceFrom: Int, candidates: [Candidate]) {
        self.replaceFrom = replaceFrom
        self.candidates = candidates
    }

    public struct Candidate: Equatable, Sendable {
        /// The full word to insert.
        public var text: String
        /// A short description shown beside the candidate when several are listed.
        public var label: String?
        /// Whether a unique completion is followed by a space (false for directories, `--flag=`).
        public var appendSpace: Bool

        public init(_ text: String, label: String? = nil, appendSpace: Bool = true) {
            self.text = text
            self.label = label
            self.appendSpace = appendSpace
        }
    }
}

/// The longest common prefix of some strings, by Unicode scalars.
public func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for word in words.dropFirst() {
        var n = 0
        for (a, b) in zip(prefix, word.unicodeScalars) { if a == b { n += 1 } else { break } }
        prefix = Array(prefix.prefix(n))
    }
    var s = String.UnicodeScalarView()
    s.append(contentsOf: prefix)
    return String(s)
}
