#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

// Hand-corrupted snapshots, SQLite's malformed-file tests for Kemuning: for every key of the
// snapshot and every field of every record kind the demos make, a wrong type, a missing value,
// an out-of-range value and an unknown key. Each must be refused naming the field, or (for the
// few keys older snapshots lack, and maps keyed by data) read without losing anything. Reading
// a wrong type as empty and writing it back is the one thing a store must never do.

/// The stores the demos leave, one per demo: every record kind with real values. `bytes` is
/// the whole snapshot in one document (the form of a named snapshot or a store in format 1),
/// `store` the format-2 store itself (a manifest and one file per kind). A global lives until
/// the process ends, so its folders are removed at exit.
nonisolated(unsafe) private let demoStores: [(name: String, bytes: [UInt8], store: StoreDir)] = {
    let examples = repoRoot + "/scripts/examples"
    return folderEntries(examples).filter { $0.name.hasSuffix(".kmn") }.map { entry in
        let dir = StoreDir()
        removeAtExit(dir.root)
        let store = FileStore(directory: dir.path, policy: .batch)
        let s = Session(backend: store)
        s.emit = { _ in }
        s.settings.today = Day(year: 2026, month: 11, day: 29)
        try? s.runFile(examples + "/" + entry.name, from: nil, at: nil)
        try? s.save()
        try? s.close()
        var document: [UInt8] = []
        (try? FileStore.readSnapshot(in: dir.path))?.writeSnapshot(to: &document)
        return (entry.name, document, dir)
    }
}()

private var demoSnapshots: [(String, [UInt8])] { demoStores.map { ($0.name, $0.bytes) } }

/// One way to damage a snapshot: where, what, and the text the refusal must name.
private struct Damage: CustomStringConvertible {
    var path: String
    var what: String
    var names: String
    /// The map holding the field, when its keys are data (an SKB component, a stage, a rubric
    /// item): losing one is refused as a fault of the map, which the message may name instead.
    var map: String? = nil
    var snapshot: JSON
    /// The keys from the top of the snapshot down to the damaged field.
    var at: [String] = []
    var description: String { "\(what) at \(path)" }
}

/// Keys an older snapshot may lack (documented in docs/SNAPSHOT.md): missing means the default.
private let optionalKeys: Set<String> = [
    // top level, added after part 1
    "applications", "jobfairs", "employees", "audit", "tables", "policies",
    // vacancy settings added in part 2
    "passMarks", "skb", "catMax", "quotaFactor", "opens", "closes", "rubric", "objectionDays", "channels", "stages",
    // the count of participant numbers given, added in part 7 (0 in a store from before)
    "participants",
    // a vacancy's category, added in issue 15 (general in a store from before)
    "category",
]

/// Objects whose keys are data, not field names.
private let dataKeyedMaps: Set<String> = ["skb", "stages", "scores", "counters", "policies", "tables"]

/// Values of a type no field can take in place of `value`.
private func wrongTypes(for value: JSON) -> [JSON] {
    switch value {
    case .string: return [.number("12345"), .null, .array([])]
    case .number: return [.string("x"), .null, .bool(true)]
    case .bool: return [.string("x"), .number("1")]
    case .array: return [.string("x"), .object(JSONObject()), .null]
    case .object: return [.string("x"), .array([]), .null]
    case .null: return [.object(JSONObject([("bogus", .number("1"))]))]
    }
}

/// Values out of any field's range, for a number or a date.
private func outOfRange(for value: JSON) -> [JSON] {
    switch value {
    case .number(let n) where !n.contains("."):
        return [.number("4611686018427387904"), .number("-1"), .number("1e400"), .number("99999999999999999999")]
    case .number: return [.number("4611686018427387904.5"), .number("-0.01")]
    case .string(let s) where s.utf8.count == 10 && (try? Day(parsing: s)) != nil:
        return [.string("3000-01-01"), .string("1899-12-31"), .string("2026-02-30")]
    case .string:
        // A word no command writes: kept as it is, or refused; never read as another word.
        return [.string("zzz-unknown")]
    default: return []
    }
}

private func replacing(_ root: JSON, at path: [String], with new: JSON?) -> JSON {
    guard let first = path.first else { return new ?? .null }
    switch root {
    case .object(var o):
        let rest = Array(path.dropFirst())
        if rest.isEmpty && new == nil {
            _ = o.removeValue(forKey: first)
        } else {
            o[first] = replacing(o[first] ?? .null, at: rest, with: new)
        }
        return .object(o)
    case .array(var a):
        let k = Int(first)!
        a[k] = replacing(a[k], at: Array(path.dropFirst()), with: new)
        return .array(a)
    default:
        return root
    }
}

/// Every damage for every field under `path` (records, and the objects and lists inside them).
private func damages(_ root: JSON, _ value: JSON, _ path: [String], dedupe: inout Set<String>) -> [Damage] {
    var out: [Damage] = []
    let shown = path.joined(separator: ".")
    // A list of records: damage each record of a new shape (not all 2,000 alike).
    if case .array(let items) = value {
        for (k, item) in items.enumerated() {
            guard case .object(let o) = item else { continue }
            let shape = path.filter { Int($0) == nil }.joined(separator: ".") + ":" + o.keys.sorted().joined(separator: ",")
            guard dedupe.insert(shape).inserted else { continue }
            out += damages(root, item, path + [String(k)], dedupe: &dedupe)
        }
        return out
    }
    guard case .object(let o) = value else { return out }
    out.append(Damage(path: shown, what: "an unknown key", names: "zzz",
                      snapshot: replacing(root, at: path + ["zzz"], with: .number("1")), at: path + ["zzz"]))
    for key in o.keys {
        let v = o[key]!
        let here = path + [key]
        let where_ = here.joined(separator: ".")
        for w in wrongTypes(for: v) {
            out.append(Damage(path: where_, what: "wrong type \(w.serialized())", names: key, snapshot: replacing(root, at: here, with: w), at: here))
        }
        for r in outOfRange(for: v) {
            out.append(Damage(path: where_, what: "out of range \(r.serialized())", names: key, snapshot: replacing(root, at: here, with: r), at: here))
        }
        let map = path.last.flatMap { dataKeyedMaps.contains($0) ? $0 : nil }
        out.append(Damage(path: where_, what: "missing", names: key, map: map, snapshot: replacing(root, at: here, with: nil), at: here))
        if case .object = v { out += damages(root, v, here, dedupe: &dedupe) }
        if case .array = v { out += damages(root, v, here, dedupe: &dedupe) }
    }
    return out
}

/// The value at `path` (object keys and list indexes).
private func value(_ root: JSON, at path: ArraySlice<String>) -> JSON? {
    guard let first = path.first else { return root }
    switch root {
    case .object(let o): return o[first].flatMap { value($0, at: path.dropFirst()) }
    case .array(let a): return Int(first).flatMap { $0 < a.count ? value(a[$0], at: path.dropFirst()) : nil }
    default: return nil
    }
}

/// The snapshot as this kemuning writes it after reading `bytes`.
private func rewritten(_ bytes: [UInt8]) throws -> JSON {
    let state = try FileStore.decodeSnapshot(bytes, path: "snapshot.json")
    var out: [UInt8] = []
    state.writeSnapshot(to: &out)
    return try JSON.parse(out)
}

/// Reads a damaged snapshot with `read` (true when what was read is what was written), and
/// checks the outcome: read without loss (or with a documented default of a key an older
/// snapshot lacks), or refused as a store error naming the field (and `file`, when given).
/// Returns whether it was read.
private func judge(_ damage: Damage, in place: String, naming file: String? = nil, _ read: () throws -> Bool) -> Bool {
    do {
        let lossless = try read()
        let allowedDefault = damage.what == "missing" && optionalKeys.contains(damage.names)
        #expect(lossless || allowedDefault, "\(place): \(damage) was read as something else")
        return true
    } catch let e as KemuningError {
        #expect(e.kind == .store)
        let named = e.message.english.contains(damage.names) || damage.map.map { e.message.english.contains($0) } == true
        #expect(named, "\(place): \(damage): the message does not name '\(damage.names)': \(e.message.english)")
        if let file { #expect(e.message.english.contains(file), "\(place): \(damage): the message does not name the file: \(e.message.english)") }
        return false
    } catch {
        Issue.record("\(place): \(damage): \(error)")
        return false
    }
}

@Suite("Corrupted snapshots") struct CorruptionTableTests {
    @Test func theDemosLeaveSnapshotsWithEveryRecordKind() throws {
        let kinds = Set(try demoSnapshots.flatMap { (_, bytes) -> [String] in
            let o = try JSON.parse(bytes)
            let lists = ["vacancies", "applicants", "applications", "jobfairs", "employees", "audit"].filter { !(o[$0]?.arrayValue?.isEmpty ?? true) }
            return lists + (o["tables"]?.objectValue?.keys ?? [])
        })
        #expect(kinds.isSuperset(of: ["vacancies", "applicants", "applications", "jobfairs", "employees", "audit"]))
        #expect(kinds.isSuperset(of: State.tableKinds.keys), "not made by any demo: \(Set(State.tableKinds.keys).subtracting(kinds))")
    }

    /// Each damage is refused with a message naming the field, or read and written back whole.
    @Test func everyDamageIsRefusedNamingTheFieldOrReadWithoutLoss() throws {
        var tried = 0
        var refused = 0
        for (demo, bytes) in demoSnapshots {
            let root = try JSON.parse(bytes)
            var dedupe = Set<String>()
            for damage in damages(root, root, [], dedupe: &dedupe) {
                tried += 1
                let damaged = Array(damage.snapshot.serialized().utf8)
                if !judge(damage, in: demo, { try rewritten(damaged) == (try JSON.parse(damaged)) }) { refused += 1 }
            }
        }
        #expect(tried > 1000)
        #expect(refused > tried / 2)
    }

    /// The same damages to the records of a format-2 store, where each kind is a file of JSON
    /// lines: the damaged record replaces its line (and the manifest lists the file's new size,
    /// so the damage itself is what is found). Refused naming the field and the file, or read
    /// back whole.
    @Test func everyDamageToAPartIsRefusedNamingTheFieldOrReadWithoutLoss() throws {
        var tried = 0
        var refused = 0
        for demo in demoStores {
            let root = try JSON.parse(demo.bytes)
            let dir = demo.store
            let manifestBytes = try #require(dir.read(dir.snapshot))
            let manifest = try JSON.parse(manifestBytes)
            var dedupe = Set<String>()
            for damage in damages(root, root, [], dedupe: &dedupe) {
                // Which part, and which line of it: `tables.<kind>.<n>` or `<kind>.<n>`.
                let tabled = damage.at.first == "tables"
                let key = tabled ? damage.at.dropFirst().first : damage.at.first
                let position = tabled ? 2 : 1
                guard let key, damage.at.count > position + 1, let line = Int(damage.at[position]),
                      let file = manifest["parts"]?[key]?["file"]?.stringValue,
                      let record = value(damage.snapshot, at: damage.at[...position]) else { continue }
                let partPath = dir.path + "/" + file
                let original = try #require(dir.read(partPath))
                var lines = original.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
                lines[line] = Array(record.serialized().utf8)
                let damaged = Array(lines.joined(separator: [10]))
                dir.write(partPath, damaged)
                dir.write(dir.snapshot, Array(replacing(manifest, at: ["parts", key, "bytes"], with: JSON(damaged.count)).serialized().utf8))
                defer {
                    dir.write(partPath, original)
                    dir.write(dir.snapshot, manifestBytes)
                }
                tried += 1
                let read = judge(damage, in: demo.name + " (" + file + ")", naming: partPath) {
                    var out: [UInt8] = []
                    try FileStore.readSnapshot(in: dir.path).writeSnapshot(to: &out)
                    return try JSON.parse(out) == damage.snapshot
                }
                if !read { refused += 1 }
            }
        }
        #expect(tried > 1000)
        #expect(refused > tried / 2)
    }

    /// Through a real store: a damaged file is refused with the file named, and left as it was,
    /// even with a journal waiting to be folded (the fold would have written the loss).
    @Test(arguments: [
        (#""applicants":\[[^]]*\]"#, #""applicants":null"#, "'applicants' must be a list of records, not null"),
        (#""applicants":\[[^]]*\]"#, #""applicants":"x""#, "'applicants' must be a list of records, not a string \"x\""),
        (#""applicants":\[[^]]*\]"#, #""applicants":{}"#, "'applicants' must be a list of records, not an object"),
        (#""vacancies":\["#, #""vacancies":null,"zz":["#, "'vacancies' must be a list of records, not null"),
        (#""seq":[0-9]+"#, #""seq":9223372036854775807"#, "\"seq\" must be from 0 to 9007199254740992, not 9223372036854775807"),
        (#""catMax":500"#, #""catMax":0"#, "'catMax' must be from 1 to 1000, not 0"),
        (#""twk":[0-9]+"#, #""twk":4611686018427387904"#, "'twk' must be from 0 to 150, not 4611686018427387904"),
        (#""version":1"#, #""version":1e400"#, "\"version\" must be a whole number, not 1e400"),
        (#""format":"#, #""extra":1,"format":"#, "unknown key 'extra' at the top level"),
        (#""skb":{"cat":60"#, #""skb":{"cat":50"#, "vacancy V1 skb: SKB weights add up to 90, not 100"),
        (#""result":"pass""#, #""result":"banana""#, "'screening.result' is \"banana\", which this kemuning would read as \"fail\""),
    ])
    func aDamagedStoreIsRefusedAndLeftUntouched(_ pattern: String, _ replacement: String, _ message: String) throws {
        let dir = StoreDir()
        let (_, original) = demoSnapshots.first { $0.0 == "recruitment-round.kmn" }!
        var text = String(decoding: original, as: UTF8.self)
        let before = text
        text = substitute(pattern, with: replacement, in: text)
        #expect(text != before, "the pattern \(pattern) matched nothing")
        dir.write(dir.snapshot, text)
        // A journal waiting to be folded: a store that read the damage as empty would fold it.
        let store = FileStore(directory: dir.path, policy: .always)
        let journal = Array(#"{"seq":100000,"op":"policy.set","data":{"name":"jp-target","value":"21"}}"#.utf8) + [10]
        dir.write(dir.journal, journal)
        let s = Session(backend: store)
        let events = Events()
        s.emit = { events.all.append($0) }
        try? s.run(text: "store check", source: Source(name: "t.kmn"))
        try? s.run(text: "vacancy add --title X --unit Y --seats 1", source: Source(name: "t.kmn"))
        try? s.close()
        #expect(events.errors.count == 2)
        #expect(events.errors.allSatisfy { $0.kind == .store && $0.message.english.contains(message) && $0.message.english.contains(dir.snapshot) },
                "\(events.errors.map(\.message.english))")
        #expect(dir.text(dir.snapshot) == text, "the damaged snapshot must be left as it was")
        #expect(dir.read(dir.journal) == journal, "the journal must be left as it was")
    }
}

/// Replaces the first match of a small regular expression (`[^]]*` and `[0-9]+` only) —
/// enough for the cases above without Foundation.
private func substitute(_ pattern: String, with replacement: String, in text: String) -> String {
    // Split the pattern into literal text and the two wildcards.
    enum Part { case literal([UInt8]), notBracket, digits }
    var parts: [Part] = []
    var p = Array(pattern.utf8)
    var literal: [UInt8] = []
    while !p.isEmpty {
        if p.starts(with: Array("[^]]*".utf8)) {
            parts.append(.literal(literal)); literal = []; parts.append(.notBracket); p.removeFirst(5)
        } else if p.starts(with: Array("[0-9]+".utf8)) {
            parts.append(.literal(literal)); literal = []; parts.append(.digits); p.removeFirst(6)
        } else if p[0] == UInt8(ascii: "\\") {
            literal.append(p[1]); p.removeFirst(2)
        } else {
            literal.append(p.removeFirst())
        }
    }
    parts.append(.literal(literal))
    let t = Array(text.utf8)
    for start in t.indices {
        var i = start
        var ok = true
        for part in parts {
            switch part {
            case .literal(let l):
                if i + l.count <= t.count && Array(t[i..<(i + l.count)]) == l { i += l.count } else { ok = false }
            case .notBracket:
                while i < t.count && t[i] != UInt8(ascii: "]") { i += 1 }
            case .digits:
                let s = i
                while i < t.count && t[i] >= 48 && t[i] <= 57 { i += 1 }
                if i == s { ok = false }
            }
            if !ok { break }
        }
        if ok { return String(decoding: Array(t[..<start]) + Array(replacement.utf8) + Array(t[i...]), as: UTF8.self) }
    }
    return text
}

@Suite("Corrupted policies") struct CorruptedPolicyTests {
    /// A policy value `policy set` would refuse is refused in the file too: read as it stands
    /// it would divide by zero, or quietly become the default.
    @Test(arguments: [
        (#"{"jp-minutes":"0"}"#, "policy 'jp-minutes': jp-minutes cannot be 0"),
        (#"{"jp-target":"abc"}"#, "policy 'jp-target': jp-target takes a whole number from 0 to 1000000, not 'abc'"),
        (#"{"jp-target":"020"}"#, "policy 'jp-target' is written '020', not as '20'"),
        (#"{"late-share":"101"}"#, "policy 'late-share': late-share is a percent, 0 to 100"),
        (#"{"overtime":"5"}"#, "unknown policy 'overtime'"),
    ])
    func aPolicyNoCommandCouldSetIsRefused(_ policies: String, _ message: String) throws {
        let text = #"{"format":"kemuning-snapshot","version":1,"seq":1,"counters":{},"vacancies":[],"applicants":[],"policies":"# + policies + "}"
        let error = #expect(throws: KemuningError.self) { try FileStore.decodeSnapshot(Array(text.utf8), path: "snapshot.json") }
        #expect(error?.message.english == "snapshot.json: corrupt snapshot: \(message); nothing was changed")
    }

    @Test func aJournalLineSettingABadPolicyIsRefused() throws {
        var state = State()
        let line = Array(#"{"seq":1,"op":"policy.set","data":{"name":"jp-minutes","value":"0"}}"#.utf8) + [10]
        let error = #expect(throws: KemuningError.self) { try FileStore.replayJournal(line, path: "journal.jsonl", onto: &state) }
        #expect(error?.message.english == "journal.jsonl:1:1: corrupt journal line: policy 'jp-minutes': jp-minutes cannot be 0; nothing was changed")
    }
}

@Suite("Stored keys") struct StoredKeyTests {
    /// The quick check of applications agrees with the full one on every application the demos
    /// make, in every shape (screened, objected, SKD absent, interviewed, SKB, optimised, hired).
    @Test func everyDemoApplicationReadsBackByTheQuickCheck() throws {
        var checked = 0
        for (_, bytes) in demoSnapshots {
            for value in try JSON.parse(bytes)["applications"]?.arrayValue ?? [] {
                let r = try Application(json: value)
                #expect(State.readsBack(value, r), "\(value)")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    /// The quick check of the two biggest kinds compares keys with a list; the list must be
    /// exactly what the kind writes, or the quick check would let a damaged record through.
    @Test func theQuickKeyListsAreWhatTheKindsWrite() throws {
        let applicant = Applicant(id: "A1", nik: "3201234567890001", name: "S", born: Day(year: 1996, month: 4, day: 12),
                                  education: nil, gpa: nil, created: Day(year: 2026, month: 11, day: 29))
        #expect(applicant.json.objectValue?.keys == Applicant.storedKeys)
        let entryJSON: JSON = ["seq": 1, "at": "2026-11-29", "by": "rina", "entity": "A1", "vacancy": nil, "action": "registered", "changes": []]
        let entry = try AuditEntry(json: entryJSON)
        #expect(entry.json.objectValue?.keys == AuditEntry.storedKeys)
    }
}
