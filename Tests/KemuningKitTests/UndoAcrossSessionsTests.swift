import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// `undo` after the session that made the change ended: the operator's own last command, from
/// the undo log the session left; refused, with the reason, when a later change depends on it.
@Suite("Undo across sessions")
struct UndoAcrossSessionsTests {
    final class Log { var messages: [String] = []; var errors: [String] = [] }
    let dir = StoreDir()

    /// One session of `operatorName` on the test's store: runs `text`, closes the store.
    @discardableResult
    func session(_ operatorName: String, _ text: String) throws -> (Log, State) {
        let s = Session(backend: dir.open())
        s.settings.today = Day(year: 2026, month: 11, day: 12)
        s.settings.operatorName = operatorName
        let log = Log()
        s.emit = { e in
            switch e {
            case .output(let o): if case .message(let m) = o.body { log.messages.append(m.english) }
            case .diagnostic(let d): log.errors.append(d.error.message.english)
            default: break
            }
        }
        try? s.run(text: text, source: Source(name: "t"))
        let state = try s.state()
        try s.close()
        return (log, state)
    }

    let round = """
        set today 2026-11-02
        vacancy add --title Analis --unit Bappeda --seats 1 --education S1
        vacancy announce V1 --channel portal --closes 2026-11-15
        set today 2026-11-12
        """

    @Test func theOperatorsLastCommandOfAnEarlierSessionIsTakenBack() throws {
        try session("rina", round + "\napplicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1")
        let (log, state) = try session("rina", "undo")
        #expect(log.errors == [])
        #expect(log.messages.last?.contains("applicant add --nik 3201**********01") == true, "\(log.messages)")
        #expect(state.applicants.isEmpty)
        #expect(state.vacancies.count == 1)
        // And the one before it, in a third session; the undone one is not offered again.
        let (log2, state2) = try session("rina", "undo")
        #expect(log2.errors == [])
        #expect(state2.vacancy("V1")?.state == .draft)
        // An id taken back stays used: the next applicant is A2, not A1 again.
        let (_, state3) = try session("rina", "applicant add --nik 3201234567890002 --name Sari --born 1996-01-01 --education S1")
        #expect(state3.applicants.map(\.id) == ["A2"])
    }

    @Test func anotherOperatorsChangesAreNotTheirsToUndo() throws {
        try session("rina", round)
        try session("budi", "applicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1")
        // Rina's last command is the announcement, not Budi's applicant.
        let (log, state) = try session("rina", "undo")
        #expect(log.errors == [])
        #expect(state.applicants.count == 1)
        #expect(state.vacancy("V1")?.state == .draft)
    }

    @Test func aLaterChangeThatDependsOnItRefusesTheUndoAndSaysWhy() throws {
        try session("rina", round + "\napplicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1")
        try session("budi", "apply A1 V1")
        let (log, state) = try session("rina", "undo")
        #expect(log.errors == ["cannot undo 'applicant add --nik 3201**********01 --name Budi --born 1995-01-01 --education S1': applicant A1 has applications"])
        #expect(state.applicants.count == 1)
    }

    @Test func aRecordChangedSinceRefusesTheUndoNamingTheChange() throws {
        try session("rina", round + "\napplicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1")
        try session("budi", "applicant set A1 --name \"Budi Santoso\"")
        try session("rina", "vacancy set V1 --seats 2")
        // Rina's last is `vacancy set`: it goes. Then her `applicant add`, which Budi changed since.
        let (log, state) = try session("rina", "undo; undo")
        #expect(state.vacancy("V1")?.seats == 1, "\(log.errors) \(log.messages)")
        #expect(log.errors.count == 1)
        #expect(log.errors.first?.hasPrefix("cannot undo 'applicant add --nik 3201**********01") == true, "\(log.errors)")
        #expect(log.errors.first?.contains("A1 was changed after it, by change") == true, "\(log.errors)")
        #expect(log.errors.first?.contains("corrected, budi") == true, "\(log.errors)")
        #expect(state.applicant("A1")?.name == "Budi Santoso")
    }

    @Test func aCommandOfThousandsOfChangesIsUndoneOnlyInItsSession() throws {
        var csv = "NIK,Nama,Tanggal Lahir,Pendidikan,Formasi\n"
        for i in 1...501 { csv += "\(3201000000000000 + i),P\(i),01/02/1995,S1,V1\n" }
        let path = dir.root + "/p.csv"
        dir.write(path, Array(csv.utf8))
        // 501 rows: 1,002 changes, past what the undo log keeps of one command.
        #expect(Ledger.undoLogChanges < 1002)
        try session("rina", round + "\napplicant add --nik 3201999999999999 --name Solo --born 1995-01-01 --education S1\nimport applicants \(path)")
        let (log, state) = try session("rina", "undo")
        #expect(log.errors == [])
        // Her last command the log keeps is the one before the import.
        #expect(state.applicant(nik: "3201999999999999") == nil)
        #expect(state.applicants.count == 501)
        // The one before that, the announcement, has applications made to it since: refused.
        let (log2, state2) = try session("rina", "undo")
        #expect(log2.errors.first?.hasPrefix("cannot undo 'vacancy announce V1 --channel portal --closes 2026-11-15': V1 was changed after it, by change") == true, "\(log2.errors)")
        #expect(state2.vacancy("V1")?.state == .announced)
    }

    @Test func theLogIsCutToItsNewestLinesPastItsLimit() throws {
        let store = dir.open()
        _ = try store.load()
        let line = Array(("{\"undone\":\"" + String(repeating: "x", count: 1000) + "\"}\n").utf8)
        // Up to the limit it is appended to; one line more cuts it to its newest half.
        let fit = FileStore.undoLogLimit / line.count
        try store.appendUndoLog(Array(repeating: line, count: fit).flatMap { $0 })
        #expect(store.readUndoLog().count == fit * line.count)
        try store.appendUndoLog(line + Array(("{\"undone\":\"last\"}\n").utf8))
        let log = store.readUndoLog()
        #expect(log.count <= FileStore.undoLogLimit / 2 + line.count)
        #expect(log.count >= FileStore.undoLogLimit / 2 - line.count)
        #expect(log.first == UInt8(ascii: "{"), "cut inside a line")
        #expect(String(decoding: log.suffix(18), as: UTF8.self) == "{\"undone\":\"last\"}\n")
        try store.close(nil)
    }

    @Test func withinOneSessionUndoIsAsBefore() throws {
        let (log, state) = try session("rina", round + "\napplicant add --nik 3201234567890001 --name Budi --born 1995-01-01 --education S1\nundo\nredo")
        #expect(log.errors == [])
        #expect(state.applicants.count == 1)
        // The redone command is in the log: a later session can undo it.
        let (_, after) = try session("rina", "undo")
        #expect(after.applicants.isEmpty)
    }
}
