#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The lists of cases the parameterised tests run come from folders and files: a renamed
/// folder, a glob that finds nothing or a lost expectation would make a list shrink, and its
/// test would then pass by running fewer cases, or none. Each list is checked here: no fewer
/// cases than when the guard was last raised (raise the floor when you add some), and every
/// file of a case has the rest of its case beside it.
@Suite struct CaseListTests {
    /// The number of cases of each list when its floor was last raised.
    static let floors = (transcripts: 30, examples: 7, docExamples: 65, format1Fixtures: 4)

    @Test func everyTranscriptHasItsExpectedOutputAndNoneIsLost() {
        let names = TranscriptTests.names
        #expect(names.count >= Self.floors.transcripts, "only \(names.count) transcripts in \(TranscriptTests.folder): \(names)")
        let files = listDirectory(TranscriptTests.folder)
        // Each NAME.kmn has its NAME.out ...
        let noOutput = names.filter { !files.contains($0 + ".out") }
        #expect(noOutput == [], "transcripts without their .out")
        // ... and each expectation its script: a renamed .kmn leaves its .out behind.
        let kinds = [".out", ".err", ".code", ".args"]
        let expectations = files.filter { f in kinds.contains { f.hasSuffix($0) } }
        let orphans = expectations.filter { f in !names.contains(String(f[..<f.lastIndex(of: ".")!])) }
        #expect(orphans == [], "expected files with no transcript")
        #expect(expectations.filter { $0.hasSuffix(".out") }.count == names.count)
    }

    @Test func theExampleScriptsAreAllThere() {
        let examples = TranscriptTests.examples
        #expect(examples.count >= Self.floors.examples, "only \(examples.count) scripts in scripts/examples: \(examples)")
    }

    @Test func theReferenceKeepsItsExamples() {
        let examples = DocExampleTests.language
        #expect(examples.count >= Self.floors.docExamples, "only \(examples.count) examples in docs/LANGUAGE.md")
        // Every ```kmn and ```kmn-error fence of the file became an example.
        let fences = (readFile(Paths.root + "/docs/LANGUAGE.md") ?? "").split(separator: "\n")
            .filter { $0 == "```kmn" || $0 == "```kmn-error" }.count
        #expect(examples.count == fences)
    }

    @Test func theFormat1FixturesAreTheFoldersThatHoldThem() {
        let folders = listDirectory(Format1Tests.folder).filter { !$0.contains(".") }
        #expect(Format1Tests.fixtures.sorted() == folders)
        #expect(folders.count >= Self.floors.format1Fixtures)
    }

    @Test func everyTranscriptLeftOutOnPostgreSQLIsStillATranscript() {
        let stale = PostgresTranscriptTests.excluded.keys.filter { !TranscriptTests.names.contains($0) }
        #expect(stale == [])
        #expect(PostgresTranscriptTests.names.count == TranscriptTests.names.count - PostgresTranscriptTests.excluded.count)
    }
}
