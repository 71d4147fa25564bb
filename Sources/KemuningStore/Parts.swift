import KemuningCore
import KemuningDomain
#if canImport(Glibc)
import Glibc
#endif

/// One file of a format-2 snapshot, as the manifest (`snapshot.json`) lists it: the records of
/// one kind, one JSON object per line, or the audit trail.
public struct PartInfo: Equatable, Sendable {
    /// Relative to the store: `data/applicants.3.jsonl`, or `audit.jsonl`.
    public var file: String
    /// The part's length: the whole file for a kind; for the audit trail, which grows by
    /// appends, the part of the file the snapshot includes.
    public var bytes: Int
    /// How many records (lines) those bytes hold.
    public var records: Int
}

/// Reads the bytes of a part the manifest names. The store gives one; a reader that shares the
/// store with a writer gets one that serves the bytes it read when it opened.
package protocol PartReader: AnyObject, Sendable {
    /// The first `info.bytes` bytes of the part's file; throws a store error when the file is
    /// missing, shorter, or (for a kind's file) longer.
    func readPart(_ info: PartInfo) throws -> [UInt8]
    /// The path of a part's file, for messages.
    func path(of info: PartInfo) -> String
}

/// Where a state's records come from until they are used: the parts of a format-2 snapshot.
/// Immutable; shared by every copy of a state read from it.
public final class PartSource: Sendable {
    let reader: PartReader
    /// The parts by key: the snapshot keys of the five kinds (`applicants`), a table kind's
    /// name (`training`), and `audit`.
    package let parts: [String: PartInfo]
    /// The fold generation that wrote the manifest (names new part files uniquely).
    package let generation: Int
    /// The counters of the manifest: no id in a part may be above them.
    let counters: [String: Int]

    package init(reader: PartReader, parts: [String: PartInfo], generation: Int, counters: [String: Int]) {
        self.reader = reader
        self.parts = parts
        self.generation = generation
        self.counters = counters
    }
}

/// The lines of a part not yet read whole, indexed by id (and an application's vacancy), so one
/// record, or one vacancy's applications, can be read without parsing the rest: what a command
/// about one vacancy needs from a store of 100,000 applications.
struct LineIndex {
    let bytes: [UInt8]
    /// The id prefix of the part's records (`P`).
    let prefix: String
    /// The start of the line of each id by its number (`P17` at 17), -1 where there is none.
    /// Ids are numbers up to the manifest's counter, so a list serves where a dictionary of
    /// 100,000 strings cost more than the scan itself.
    private var starts: [Int]
    /// For applications: each line's id number and its vacancy's number, in file order.
    private var vacancyOfLine: [(id: Int32, vacancy: Int32)] = []

    /// Scans the lines: each starts `{"id":"X"`, as every record is written, with X the
    /// prefix and a number. A line of another shape, an id seen twice, or an id or vacancy not
    /// of that form, is left for the full read to report (`nil`).
    init?(bytes: [UInt8], prefix: String, counter: Int, vacancies: Bool) {
        self.bytes = bytes
        self.prefix = prefix
        let head = Array(#"{"id":""#.utf8) + Array(prefix.utf8)
        let vacancyKey = Array(#","vacancy":"V"#.utf8)
        // Ids go up to the manifest's counter; each line is longer than 8 bytes, so a counter
        // above that (a damaged manifest) must not size this list.
        var starts = [Int](repeating: -1, count: min(max(counter, 0), bytes.count / 8) + 2)
        var pairs: [(id: Int32, vacancy: Int32)] = []
        let ok: Bool = bytes.withUnsafeBufferPointer { b -> Bool in
            guard let base = b.baseAddress else { return true }
            let n = b.count
            /// A number without leading zeros at `k` (up to 9 digits), ending at `stop`.
            func number(_ k: inout Int, _ stop: UInt8, _ end: Int) -> Int? {
                let first = k
                var v = 0
                while k < end, b[k] >= 48, b[k] <= 57, k - first < 9 {
                    v = v * 10 + Int(b[k] - 48)
                    k += 1
                }
                guard k > first, k < end, b[k] == stop, b[first] != 48 else { return nil }
                return v
            }
            var start = 0
            while start < n {
                guard let nl = memchr(base + start, 10, n - start) else { return false }
                let end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                guard end - start > head.count, memcmp(base + start, head, head.count) == 0 else { return false }
                var k = start + head.count
                guard let id = number(&k, 34, end), id < starts.count, starts[id] < 0 else { return false }
                starts[id] = start
                if vacancies {
                    // `{"id":"P1","applicant":"A1","vacancy":"V1",...`: the vacancy within the first keys.
                    let limit = min(end, k + 120)
                    var j = k
                    var vacancy: Int?
                    while j + vacancyKey.count < limit {
                        if b[j] == 44, memcmp(base + j, vacancyKey, vacancyKey.count) == 0 {
                            var e = j + vacancyKey.count
                            vacancy = number(&e, 34, end)
                            break
                        }
                        j += 1
                    }
                    guard let vacancy, vacancy <= Int(Int32.max), id <= Int(Int32.max) else { return false }
                    pairs.append((Int32(id), Int32(vacancy)))
                }
                start = end + 1
            }
            return true
        }
        guard ok else { return nil }
        self.starts = starts
        self.vacancyOfLine = pairs
    }

    /// The number of an id of this part (`P17` → 17), if it is one.
    private func number(of id: String) -> Int? {
        guard id.hasPrefix(prefix), let n = Int(id.dropFirst(prefix.count)), n > 0, n < starts.count, starts[n] >= 0 else { return nil }
        return n
    }

    /// The start and end (the newline) of the line of `id`.
    private func range(_ id: String) -> (Int, Int)? {
        guard let n = number(of: id) else { return nil }
        let s = starts[n]
        let e = bytes.withUnsafeBufferPointer { b in b.baseAddress!.distance(to: memchr(b.baseAddress! + s, 10, b.count - s)!.assumingMemoryBound(to: UInt8.self)) }
        return (s, e)
    }

    /// The JSON of one line.
    func json(_ id: String) throws -> JSON? {
        guard let (s, e) = range(id) else { return nil }
        return try bytes.withUnsafeBufferPointer { try JSON.parse(UnsafeBufferPointer(rebasing: $0[s..<e]), rejectingDuplicateKeys: true) }
    }

    /// The number of a vacancy id as the index keeps it (`V12` → 12), if it is one.
    private func vacancyNumber(_ vacancy: String) -> Int32? {
        guard vacancy.hasPrefix("V"), let v = Int32(vacancy.dropFirst()), String(v) == vacancy.dropFirst() else { return nil }
        return v
    }

    /// The ids of a vacancy's applications (`V1`), in file order.
    func ids(ofVacancy vacancy: String) -> [String] {
        guard let v = vacancyNumber(vacancy) else { return [] }
        return vacancyOfLine.filter { $0.vacancy == v }.map { prefix + String($0.id) }
    }

    /// How many applications a vacancy has.
    func count(ofVacancy vacancy: String) -> Int {
        guard let v = vacancyNumber(vacancy) else { return 0 }
        return vacancyOfLine.reduce(0) { $0 + ($1.vacancy == v ? 1 : 0) }
    }

    /// Which record has `nik` as its NIK, found in the bytes without parsing them: every
    /// applicant is written `{"id":"A17","nik":"…",`, so each line's NIK is compared where it
    /// stands. `.some(nil)` when none has it; `nil` when a line is of another shape (the caller
    /// then reads the part whole).
    func id(ofNIK nik: String) -> String?? {
        let key = Array(#","nik":""#.utf8)
        let wanted = Array(nik.utf8) + [34]
        return bytes.withUnsafeBufferPointer { b -> String?? in
            guard let base = b.baseAddress else { return .some(nil) }
            for n in starts.indices where starts[n] >= 0 {
                // Past `{"id":"` and the id to its closing quote.
                var k = starts[n] + 7
                while k < b.count && b[k] != 34 { k += 1 }
                guard k + 1 + key.count + wanted.count <= b.count, memcmp(base + k + 1, key, key.count) == 0 else { return nil }
                if memcmp(base + k + 1 + key.count, wanted, wanted.count) == 0 { return .some(prefix + String(n)) }
            }
            return .some(nil)
        }
    }

    /// The line number (from 1) of a record, for messages.
    func lineNumber(of id: String) -> Int {
        guard let (s, _) = range(id) else { return 0 }
        var n = 1
        for k in 0..<s where bytes[k] == 10 { n += 1 }
        return n
    }
}

/// A file a store reader read whole when it opened, served from memory: a reader sharing the
/// store with a writer must not read a part later, after a fold may have replaced it.
package final class ReadParts: PartReader, @unchecked Sendable {
    private let files: [String: [UInt8]]
    private let directory: String

    package init(files: [String: [UInt8]], directory: String) {
        self.files = files
        self.directory = directory
    }

    package func path(of info: PartInfo) -> String { directory + "/" + info.file }

    package func readPart(_ info: PartInfo) throws -> [UInt8] {
        guard let bytes = files[info.file], bytes.count >= info.bytes else {
            throw KemuningError(.store, "\(path(of: info)): corrupt snapshot: the file is missing or shorter than the \(info.bytes) bytes the snapshot lists; nothing was changed")
        }
        return bytes.count == info.bytes ? bytes : Array(bytes.prefix(info.bytes))
    }
}
