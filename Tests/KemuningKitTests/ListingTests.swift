import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The rules behind `applicant find` and the list filters (`complaint list --overdue`,
/// `request list --open --late`), each at its edges. 2026-11-02 is a Monday.

private func day(_ text: String) -> Day { try! Day(parsing: text) }

private func state(_ records: [any StoredRecord], policies: [(String, String)] = []) throws -> State {
    var s = State()
    var seq = 0
    for r in records {
        seq += 1
        try s.apply(.add(AnyRecord(r)), seq: seq)
    }
    for (name, value) in policies {
        seq += 1
        try s.apply(.policy(name: name, value: value), seq: seq)
    }
    return s
}

@Suite("Finding a name")
struct NameMatchTests {
    @Test func anExactNameIsNoEditAndNoWordLeftOver() {
        #expect(NameMatch.score(query: "Budi Santoso", name: "Budi Santoso") == .init(edits: 0, unmatched: 0))
    }

    @Test func caseAccentsAndPunctuationDoNotCount() {
        #expect(NameMatch.score(query: "budi  SANTOSO", name: "Budi Santoso") == .init(edits: 0, unmatched: 0))
        #expect(NameMatch.score(query: "Sena", name: "Séna Budiman") == .init(edits: 0, unmatched: 1))
        // A decomposed é (e and a combining acute) is the same as the composed one.
        #expect(NameMatch.score(query: "Se\u{301}na", name: "Séna") == .init(edits: 0, unmatched: 0))
        #expect(NameMatch.words("  Dra. Wulan-Sari ") == ["dra", "wulan", "sari"].map { $0.unicodeScalars.map(\.value) })
    }

    @Test func oneTypoIsOneEdit() {
        #expect(NameMatch.score(query: "Sukmawaty", name: "Sukmawati Rahayu") == .init(edits: 1, unmatched: 1))
    }

    @Test func twoLettersSwappedAreOneEdit() {
        #expect(NameMatch.editDistanceWithSwaps(Array("sukmawtai".unicodeScalars.map(\.value)), Array("sukmawati".unicodeScalars.map(\.value))) == 1)
        #expect(NameMatch.score(query: "Sukmawtai", name: "Sukmawati") == .init(edits: 1, unmatched: 0))
    }

    @Test func wordOrderDoesNotMatter() {
        #expect(NameMatch.score(query: "santoso budi", name: "Budi Santoso") == .init(edits: 0, unmatched: 0))
    }

    @Test func aLeftOutMiddleNameStillMatchesButRanksBelowTheWholeName() throws {
        let partial = try #require(NameMatch.score(query: "Ni Luh Ayu", name: "Ni Luh Putu Ayu"))
        #expect(partial == .init(edits: 0, unmatched: 1))
        #expect(NameMatch.score(query: "Ni Luh Ayu", name: "Ni Luh Ayu")! < partial)
    }

    @Test func spacingDoesNotMatter() {
        #expect(NameMatch.score(query: "Sukma Wati", name: "Sukmawati") == .init(edits: 0, unmatched: 0))
    }

    @Test func theStartOfALongerWordMatchesAtOneEdit() {
        #expect(NameMatch.score(query: "budi", name: "Budiman") == .init(edits: 1, unmatched: 0))
        #expect(NameMatch.score(query: "bu", name: "Budiman") == nil)   // too short to be a start
    }

    @Test func tooManyTyposOrAnotherNameIsNoMatch() {
        #expect(NameMatch.score(query: "Sukmawyty", name: "Sukmawati") != nil)    // 2 edits in 9 letters: allowed
        #expect(NameMatch.score(query: "Sakmawyty", name: "Sukmawati") == nil)    // 3 edits: not
        #expect(NameMatch.score(query: "Budi", name: "Rina Marlina") == nil)
        #expect(NameMatch.score(query: "Adi", name: "Ari") == nil)                // a short word allows no typo
        #expect(NameMatch.score(query: "Budi Santoso Rahmat", name: "Budi Santoso") == nil)   // a typed word with no word to match
        #expect(NameMatch.score(query: "", name: "Budi") == nil)
        #expect(NameMatch.score(query: "...", name: "Budi") == nil)
    }

    @Test(arguments: [(3, 0), (4, 1), (6, 1), (7, 2), (12, 2)])
    func theAllowanceGrowsWithTheWord(_ length: Int, _ typos: Int) {
        #expect(NameMatch.allowance(length) == typos)
    }
}

private let ktp = Service(id: "S1", name: "KTP", unit: "Disdukcapil", standardDays: 14)

@Suite("List filters")
struct ListFilterTests {
    @Test func aRequestOpenOnTheLastDayOfItsStandardIsNotLateTheDayAfterItIs() {
        let r = ServiceRequest(id: "R1", service: "S1", received: day("2026-11-02"))
        #expect(r.isOpen)
        #expect(!r.isLate(standard: 14, today: day("2026-11-16")))
        #expect(r.isLate(standard: 14, today: day("2026-11-17")))
    }

    @Test func aDoneRequestIsLateByItsDaysNotByToday() {
        let onTime = ServiceRequest(id: "R1", service: "S1", received: day("2026-11-02"), done: day("2026-11-16"))
        #expect(!onTime.isOpen)
        #expect(onTime.daysTaken(today: day("2027-01-01")) == 14)
        #expect(!onTime.isLate(standard: 14, today: day("2027-01-01")))
        let late = ServiceRequest(id: "R2", service: "S1", received: day("2026-11-02"), done: day("2026-11-17"))
        #expect(late.isLate(standard: 14, today: day("2026-11-17")))
    }

    @Test func aComplaintIsNotOverdueOnItsResponseDeadlineButIsTheDayAfter() throws {
        let c = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "complaint", received: day("2026-11-02"))
        let s = try state([ktp, c])
        let onDeadline = complaintStatus(s, c, today: day("2026-11-05"))
        #expect(onDeadline.responseDeadline == day("2026-11-05"))
        #expect(onDeadline.next == .response)
        #expect(onDeadline.nextDeadline == day("2026-11-05"))
        #expect(!onDeadline.overdue)
        #expect(complaintStatus(s, c, today: day("2026-11-06")).overdue)
    }

    @Test func aRespondedComplaintIsOverdueOnlyPastItsResolutionDeadline() throws {
        let c = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "complaint", received: day("2026-11-02"), responded: day("2026-11-03"))
        let s = try state([ktp, c])
        let onDeadline = complaintStatus(s, c, today: day("2026-11-07"))
        #expect(onDeadline.next == .resolution)
        #expect(onDeadline.nextDeadline == day("2026-11-07"))
        #expect(!onDeadline.overdue)
        #expect(complaintStatus(s, c, today: day("2026-11-08")).overdue)
    }

    @Test func aResolvedComplaintIsNeitherOpenNorOverdueEvenIfResolvedLate() throws {
        let c = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "complaint", received: day("2026-11-02"), resolved: day("2026-11-30"))
        let st = complaintStatus(try state([ktp, c]), c, today: day("2026-12-31"))
        #expect(!c.isOpen)
        #expect(st.next == nil && st.nextDeadline == nil)
        #expect(!st.overdue)
    }

    @Test func workingDayCountingMovesTheDeadlinePastTheWeekend() throws {
        // Received Thursday 2026-11-05: 3 working days is Tuesday 11-10.
        let c = Complaint(id: "C1", service: "S1", channel: "lapor", kind: "complaint", received: day("2026-11-05"))
        let s = try state([ktp, c], policies: [("complaint-day-count", "working")])
        #expect(complaintStatus(s, c, today: day("2026-11-10")).responseDeadline == day("2026-11-10"))
        #expect(!complaintStatus(s, c, today: day("2026-11-10")).overdue)
        #expect(complaintStatus(s, c, today: day("2026-11-11")).overdue)
    }
}

@Suite("Every record kind listable and showable")
struct EveryKindListedTests {
    /// Each kind of `RecordKinds.all`, with the command that lists it and the one that shows
    /// one by id. An enrolment is shown within its training (`training show T1` names each
    /// enrolment by its EN id); a survey's show is its IKM.
    static let commands: [String: (list: String, show: String)] = [
        "vacancy": ("vacancy list", "vacancy show"), "applicant": ("applicant list", "applicant show"),
        "application": ("application list", "application show"), "jobfair": ("jobfair list", "jobfair show"),
        "employee": ("employee list", "employee show"), "training": ("training list", "training show"),
        "enrollment": ("training enrollments", "training show"), "mentorship": ("mentor list", "mentor show"),
        "skp": ("skp list", "skp show"), "service": ("service list", "service show"), "request": ("request list", "request show"),
        "complaint": ("complaint list", "complaint show"), "forum": ("forum list", "forum show"), "survey": ("survey list", "survey ikm"),
        "workload": ("workload list", "workload show"), "action": ("action list", "action show"),
        "holiday": ("holiday list", "holiday show"),
    ]

    @Test func everyKindIsNamedHere() {
        #expect(Set(Self.commands.keys) == Set(RecordKinds.all.map { $0.kind }))
    }

    @Test func eachKindHasAListWithNoPositionalAndAShowByItsId() throws {
        let table = CommandTable.standard
        for kind in RecordKinds.all {
            let (list, show) = try #require(Self.commands[kind.kind], "no list and show named for \(kind.kind)")
            let l = try #require(table.command(list), "no command '\(list)'")
            #expect(l.positionals.isEmpty, "'\(list)' needs no argument")
            #expect(!l.mutates && !(table.command(show)?.mutates ?? true))
            let s = try #require(table.command(show), "no command '\(show)'")
            let prefix = kind == Enrollment.self ? Training.prefix : kind.prefix
            #expect(s.positionals.first?.kind == .id(prefix), "'\(show)' takes a \(prefix) id")
        }
    }
}
