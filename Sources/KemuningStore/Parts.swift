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
    /// Start and end (the newline) of each line, by id.
    var byId: [String: (Int, Int)] = [:]
    /// The ids of each vacancy's applications, in file order (applications only).
    var byVacancy: [String: [String]] = [:]

    /// Scans the lines: each starts `{"id":"X"`, as every record is written. A line of another
    /// shape, or an id seen twice, is left for the full read to report (`nil`).
    init?(bytes: [UInt8], vacancies: Bool) {
        self.bytes = bytes
        let idKey = Array(#"{"id":""#.utf8)
        let vacancyKey = Array(#","vacancy":""#.utf8)
        var ok = true
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            let n = b.count
            while start < n {
                var end = start
                while end < n && b[end] != 10 { end += 1 }
                guard end < n, end - start > idKey.count, (0..<idKey.count).allSatisfy({ b[start + $0] == idKey[$0] }) else {
                    ok = false
                    return
                }
                var k = start + idKey.count
                while k < end && b[k] != 34 && b[k] != 92 { k += 1 }
                guard k < end, b[k] == 34 else {
                    ok = false
                    return
                }
                let id = String(decoding: UnsafeBufferPointer(rebasing: b[(start + idKey.count)..<k]), as: UTF8.self)
                guard byId.updateValue((start, end), forKey: id) == nil else {
                    ok = false
                    return
                }
                if vacancies {
                    // `{"id":"P1","applicant":"A1","vacancy":"V1",...`: the vacancy within the first keys.
                    var j = k
                    var found = false
                    let limit = min(end, k + 120)
                    while j + vacancyKey.count < limit {
                        if b[j] == 44 && (0..<vacancyKey.count).allSatisfy({ b[j + $0] == vacancyKey[$0] }) {
                            var e = j + vacancyKey.count
                            while e < end && b[e] != 34 && b[e] != 92 { e += 1 }
                            guard e < end, b[e] == 34 else { break }
                            byVacancy[String(decoding: UnsafeBufferPointer(rebasing: b[(j + vacancyKey.count)..<e]), as: UTF8.self), default: []].append(id)
                            found = true
                            break
                        }
                        j += 1
                    }
                    guard found else {
                        ok = false
                        return
                    }
                }
                start = end + 1
            }
        }
        guard ok else { return nil }
    }

    /// The JSON of one line.
    func json(_ id: String) throws -> JSON? {
        guard let (s, e) = byId[id] else { return nil }
        return try bytes.withUnsafeBufferPointer { try JSON.parse(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    /// The line number (from 1) and column of a byte offset, for messages.
    func lineNumber(of id: String) -> Int {
        guard let (s, _) = byId[id] else { return 0 }
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
