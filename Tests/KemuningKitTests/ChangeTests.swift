import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore

/// Typed changes on their own: how each is spelled in the journal, read back, applied and undone.
@Suite("Typed changes")
struct ChangeTests {
    static let day = Day(year: 2026, month: 11, day: 29)
    static let v1 = Vacancy(id: "V1", title: "Analis", unit: "Bappeda", seats: 1, type: "cpns", education: [], state: .draft, created: day)
    static let t1 = Training(id: "T1", title: "Pelayanan Prima", topic: "public-service", jp: 16)
    static let entry = AuditEntry(seq: 0, at: day, by: "tester", entity: "V1", vacancy: "V1", action: "opened in draft", changes: [])

    /// The journal line of each kind of change, written out by hand: the journal's format is
    /// what older and newer versions read, so it is pinned here, not derived from the encoder.
    static let lines: [(Changeset, String)] = [
        (Changeset(.add(v1), audit: [entry]),
         #"{"seq":7,"op":"vacancy.add","data":{"vacancy":\#(v1.json.serialized()),"audit":[{"at":"2026-11-29","by":"tester","entity":"V1","vacancy":"V1","action":"opened in draft","changes":[]}]}}"#),
        (Changeset(.add(t1), audit: nil),
         #"{"seq":7,"op":"record.add","data":{"kind":"training","record":\#(t1.json.serialized())}}"#),
        (Changeset(.put(t1), audit: []),
         #"{"seq":7,"op":"record.put","data":{"kind":"training","record":\#(t1.json.serialized()),"audit":[]}}"#),
        (Changeset(.remove(kind: "vacancy", id: "V1", counter: 0), audit: []),
         #"{"seq":7,"op":"remove","data":{"kind":"vacancy","id":"V1","counter":0,"audit":[]}}"#),
        (Changeset(.policy(name: "jp-minutes", value: "50")),
         #"{"seq":7,"op":"policy.set","data":{"name":"jp-minutes","value":"50"}}"#),
        (Changeset(.policy(name: "jp-minutes", value: nil)),
         #"{"seq":7,"op":"policy.set","data":{"name":"jp-minutes","value":null}}"#),
        (Changeset(.batch([.add(v1), .add(t1)]), audit: [entry]),
         #"{"seq":7,"op":"batch","data":{"changes":[{"op":"vacancy.add","data":{"vacancy":\#(v1.json.serialized())}},{"op":"record.add","data":{"kind":"training","record":\#(t1.json.serialized())}}],"audit":[{"at":"2026-11-29","by":"tester","entity":"V1","vacancy":"V1","action":"opened in draft","changes":[]}]}}"#),
    ]

    @Test(arguments: 0..<lines.count)
    func eachKindOfChangeIsWrittenAsTheJournalSpellsItAndReadsBack(_ k: Int) throws {
        let (set, expected) = Self.lines[k]
        let bytes = try JournalEntry(checking: set).line(seq: 7)
        #expect(String(decoding: bytes, as: UTF8.self) == expected + "\n")
        let (seq, op, data) = try FileStore.decodeRecord(try JSON.parse(String(expected)))
        #expect(seq == 7)
        let read = try JournalForm.changeset(op: op, data: data)
        #expect(read.change == set.change)
        #expect(read.audit?.map(\.action) == set.audit?.map(\.action))
    }

    @Test(arguments: [
        ("vacancy.delete", #"{}"#, "unknown change 'vacancy.delete'"),
        ("applicant.delete", #"{"applicant":{}}"#, "unknown change 'applicant.delete'"),
        ("remove", #"{"id":"V1"}"#, "a removal needs 'kind' and 'id'"),
        ("batch", #"{}"#, "batch change has no 'changes'"),
        ("batch", #"{"changes":[{"op":"batch","data":{"changes":[]}}]}"#, "unknown change 'batch'"),
        ("record.add", #"{"kind":"training","record":{"id":"V1","title":"x","topic":"technical","jp":1,"mode":"classroom"}}"#, "'V1' is not a training id"),
    ])
    func aWellFormedChangeThatCannotApplyIsToldApartFromACorruptOne(op: String, data: String, message: String) throws {
        let d = try JSON.parse(data).objectValue!
        let error = #expect(throws: JournalForm.NotApplicable.self) { try JournalForm.changeset(op: op, data: d) }
        #expect(error?.error.message.english == message)
    }

    @Test func aCorruptRecordInAChangeIsCorrupt() throws {
        let d = try JSON.parse(#"{"vacancy":{"id":"V1"}}"#).objectValue!
        #expect(throws: RecordError.self) { try JournalForm.changeset(op: "vacancy.add", data: d) }
    }

    @Test func eachChangeIsUndoneByItsInverse() throws {
        var s = State()
        try s.apply(.policy(name: "jp-minutes", value: "50"), seq: 1)
        let before = s
        let changes: [Change] = [.add(Self.v1), .add(Self.t1), .policy(name: "jp-minutes", value: nil), .batch([.put(Self.t1), .add(Training(id: "T2", title: "b", topic: "technical", jp: 2))])]
        var seq = 1
        var inverses: [Change] = []
        for c in changes {
            inverses.insert(try s.inverse(of: c), at: 0)
            seq += 1
            try s.apply(c, seq: seq)
        }
        #expect(try s.records(Training.self).map(\.id) == ["T1", "T2"])
        for i in inverses {
            seq += 1
            try s.apply(i, seq: seq)
        }
        #expect(s.vacancies == before.vacancies)
        #expect(try s.records(Training.self) == [])
        #expect(s.policies == before.policies)
        #expect(s.nextId("T") == "T1")
        #expect(s.nextId("V") == "V1")
    }

    @Test func aRecordThatWouldNotReadBackIsRefusedBeforeAnythingIsWritten() throws {
        var v = Self.v1
        v.closes = Day(year: 3000, month: 1, day: 8)
        let error = #expect(throws: RecordError.self) { try JournalEntry(checking: Changeset(.add(v))) }
        #expect(error?.isDateOutOfRange == true)
    }

    @Test func aBatchRefusedPartWayIsTakenBackInPlace() throws {
        // The first parts apply (a new vacancy, a changed one, a policy), then the last is
        // refused: everything goes back, the id counter and the policy included.
        var s = State()
        try s.apply(.add(Self.v1), seq: 1)
        try s.apply(.add(Self.t1), seq: 2)
        let before = s
        var changed = Self.v1
        changed.seats = 9
        var v2 = Self.v1
        v2.id = "V2"
        let refused = Changeset(.batch([.add(v2), .put(changed), .policy(name: "jp-minutes", value: "50"), .add(Self.t1)]), audit: [Self.entry])
        #expect(throws: RecordError.self) { try s.apply(refused, seq: 3, inverse: true) }
        #expect(s == before)
        #expect(s.vacancy("V2") == nil && s.vacancy("V1")?.seats == 1 && s.policies["jp-minutes"] == nil)
        #expect(s.nextId("V") == "V2")
        #expect(s.seq == 2)
    }

    @Test func aBatchsInverseIsTakenAsEachPartFindsTheState() throws {
        // V2 is added, then changed, in one batch: its inverse (taken as it applies) equals
        // the one `inverse(of:)` computes on a copy, and applying it gives the state before.
        var s = State()
        try s.apply(.add(Self.v1), seq: 1)
        let before = s
        var v2 = Self.v1
        v2.id = "V2"
        var v2b = v2
        v2b.seats = 4
        let batch = Change.batch([.add(v2), .put(v2b), .policy(name: "jp-minutes", value: "50")])
        let expected = try s.inverse(of: batch)
        let inverse = try s.apply(Changeset(batch), seq: 2, inverse: true)
        #expect(inverse == expected)
        #expect(s.vacancy("V2")?.seats == 4)
        try s.apply(Changeset(try #require(inverse)), seq: 3)
        #expect(s.vacancy("V2") == nil)
        #expect(s.nextId("V") == before.nextId("V"))
        #expect(s.policies == before.policies)
    }

    @Test func aBatchAppliesAllOrNothing() throws {
        var s = State()
        try s.apply(.add(Self.t1), seq: 1)
        let before = s
        #expect(throws: RecordError.self) { try s.apply(.batch([.add(Self.v1), .add(Self.t1)]), seq: 2) }
        #expect(s == before)
    }
}
