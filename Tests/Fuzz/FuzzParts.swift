/// The readers of store format 2: the manifest (`snapshot.json`), and a part's JSON lines read
/// whole and read in pieces through its line index. The first byte picks the part; the rest is
/// its file. Where the whole part reads, what the line index finds for an id must be what the
/// whole read holds: the quick path may never show another record than the slow one.
func fuzzParts(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let bytes = Array(input.dropFirst())
    _ = try? FileStore.readManifest(bytes, path: "snapshot.json")
    let keys = [State.applicantsKey, State.applicationsKey, State.vacanciesKey, State.auditKey, "training", State.employeesKey]
    let key = keys[Int(first) % keys.count]
    let file = "data/\(key).1.jsonl"
    let info = PartInfo(file: file, bytes: bytes.count, records: bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
    var counters: [String: Int] = [:]
    for prefix in State.idPrefixes.keys { counters[prefix] = 1_000_000 }
    func state() -> State {
        let source = PartSource(reader: ReadParts(files: [file: bytes], directory: "/store"), parts: [key: info], generation: 1, counters: counters)
        return State(seq: 0, counters: counters, policies: [:], source: source)
    }
    // In pieces: single records by id, and one vacancy's applications.
    let pieces = state()
    let ids = (1...3).map { "A\($0)" } + (1...3).map { "P\($0)" }
    let found = ids.map { pieces.applicant($0)?.json } + ids.map { pieces.application($0)?.json }
    let ofVacancy = pieces.applications(ofVacancy: "V1").map(\.json)
    // NIKs: one in the input if there is one, and one that is not.
    var niks = ["3201234567890999"]
    let nikKey = Array(#""nik":""#.utf8)
    if bytes.count > nikKey.count, let at = (0...(bytes.count - nikKey.count)).first(where: { bytes[$0..<($0 + nikKey.count)].elementsEqual(nikKey) }) {
        niks.append(String(decoding: bytes[(at + nikKey.count)...].prefix(16), as: UTF8.self))
    }
    let byNIK = niks.map { pieces.applicant(nik: $0)?.json }
    // Whole.
    let whole = state()
    whole.readAll()
    guard whole.loadFailure == nil, pieces.loadFailure == nil else { return }
    let expected = ids.map { whole.applicant($0)?.json } + ids.map { whole.application($0)?.json }
    precondition(found == expected, "a record read through the line index differs from the whole read")
    precondition(ofVacancy == whole.applications(ofVacancy: "V1").map(\.json), "a vacancy's applications read through the line index differ")
    precondition(byNIK == niks.map { whole.applicant(nik: $0)?.json }, "an applicant found by NIK in the bytes differs from the whole read")
}
