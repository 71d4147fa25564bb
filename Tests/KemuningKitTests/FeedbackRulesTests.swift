import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The IKM of PermenPANRB 14/2017, the Krejcie-Morgan sample and the ABK formula, at their edges.
@Suite("Feedback rules")
struct FeedbackRulesTests {
    static func d(_ s: String) -> ExactDecimal { ExactDecimal(s)! }

    /// Each grade boundary on both sides, and values between the published intervals, which are
    /// rounded half up to 2 decimals before they are compared.
    @Test(arguments: [
        ("100", "A"), ("88.31", "A"), ("88.30", "B"), ("88.305", "A"), ("88.3049", "B"),
        ("76.61", "B"), ("76.60", "C"), ("76.605", "B"), ("76.6049", "C"),
        ("65.00", "C"), ("64.99", "D"), ("64.995", "C"), ("64.9949", "D"), ("25", "D"),
    ])
    func gradeBoundaries(_ value: String, _ letter: String) {
        #expect(ikmGrade(Self.d(value)).letter == letter)
    }

    @Test func gradeLabels() {
        #expect(ikmGrade(Self.d("90")).label == "Sangat Baik")
        #expect(ikmGrade(Self.d("80")).label == "Baik")
        #expect(ikmGrade(Self.d("70")).label == "Kurang Baik")
        #expect(ikmGrade(Self.d("50")).label == "Tidak Baik")
    }

    /// 40 respondents whose scores add up to 1,089: score = 25 x 1089 / (9 x 40) = 75.625 exactly.
    /// Half up gives 75.63; binary floating point with round-half-even (Python's round) gives 75.62.
    @Test func aHalfIsRoundedUpExactly() throws {
        var responses = [[Int]](repeating: [3, 3, 3, 3, 3, 3, 3, 3, 3], count: 40)  // 1,080
        for k in 0..<9 { responses[k][k] = 4 }  // + 9 = 1,089
        let r = try #require(ikm(responses))
        #expect(r.ikm == Rational(1089, 360))
        #expect(r.ikm.rounded(toScale: 4).description == "3.0250")
        #expect(r.score.description == "75.63")
        #expect(r.grade.letter == "C")
    }

    /// A weight of 0.111 instead of 1/9 would give 74.93 for an all-3 survey; the rule gives 75.00.
    @Test func eachElementWeighsExactlyOneNinth() throws {
        let r = try #require(ikm([[Int]](repeating: [3, 3, 3, 3, 3, 3, 3, 3, 3], count: 7)))
        #expect(r.score.description == "75.00")
        #expect(r.ikm == Rational(3))
    }

    @Test func nrrAndElementScoresPerElement() throws {
        // Element 3 (completion time): 2, 1, 2, 2 → NRR 7/4 = 1.75 → score 43.75, grade D.
        let rows = [[4, 3, 2, 4, 3, 3, 4, 3, 3], [4, 3, 1, 4, 3, 3, 4, 3, 3], [4, 3, 2, 4, 3, 3, 4, 3, 3], [4, 3, 2, 4, 3, 3, 4, 3, 3]]
        let r = try #require(ikm(rows))
        #expect(r.respondents == 4)
        #expect(r.nrr[2] == Rational(7, 4))
        #expect(r.elementScore(.completionTime).description == "43.75")
        #expect(r.elementGrade(.completionTime).letter == "D")
        #expect(r.elementScore(.requirements).description == "100.00")
        #expect(r.elementGrade(.requirements).letter == "A")
        // IKM = (4 + 3 + 1.75 + 4 + 3 + 3 + 4 + 3 + 3) / 9 = 28.75 / 9 = 3.19444…; x 25 = 79.86111… → 79.86, B.
        #expect(r.ikm == Rational(2875, 900))
        #expect(r.score.description == "79.86")
        #expect(r.grade.letter == "B")
    }

    @Test func noResponsesNoIKM() {
        #expect(ikm([]) == nil)
    }

    /// s = 3.841 x N x 0.25 / (0.0025 x (N - 1) + 0.96025), rounded half up; the values of
    /// Krejcie and Morgan's published table.
    @Test(arguments: [(1, 1), (10, 10), (50, 44), (100, 80), (500, 217), (1000, 278), (1200, 291), (10_000, 370), (1_000_000, 384)])
    func sampleSizes(_ population: Int, _ sample: Int) {
        #expect(krejcieMorgan(population: population) == sample)
    }

    /// 90,000 / 75,000 = 1.2; 112,500 / 75,000 = 1.5; 150,000 / 75,000 = 2 exactly.
    @Test(arguments: [
        (90_000, "half-up", 1), (90_000, "up", 2), (90_000, "down", 1),
        (112_500, "half-up", 2), (112_499, "half-up", 1), (112_500, "down", 1),
        (150_000, "up", 2), (150_000, "down", 2), (150_001, "up", 3), (0, "half-up", 0),
    ])
    func staffNeededRoundsByTheStatedRule(_ minutes: Int, _ rule: String, _ expected: Int) {
        let needed = staffNeeded(tasks: [(volume: minutes, minutes: 1)], effectiveMinutes: 75_000)
        #expect(roundStaff(needed, rule: rule) == expected)
    }

    @Test func staffNeededIsExact() {
        // 9,000 x 15 + 6,000 x 10 = 195,000; / 75,000 = 2.6.
        let n = staffNeeded(tasks: [(9000, 15), (6000, 10)], effectiveMinutes: 75_000)
        #expect(n == Rational(13, 5))
        #expect(n.rounded(toScale: 3).description == "2.600")
    }

    @Test func elementsNameTheTrainingThatAnswersThem() {
        #expect(IKMElement.completionTime.trainingTopic == "time-management")
        #expect(IKMElement.behaviour.trainingTopic == "communication")
        #expect(IKMElement.procedure.trainingTopic == "public-service")
        #expect(IKMElement.complaintHandling.trainingTopic == "public-service")
    }

    /// A file saved by Excel on Windows, or written by kemuning's own `--format csv`: CRLF line
    /// ends (one Character in a String, so splitting on "\n" left the whole file one line,
    /// "holds no responses"), and a byte-order mark before the header.
    @Test(arguments: ["\r\n", "\n"])
    func responsesCSVReadsLinesEndingInCRLFOrLF(_ end: String) {
        let text = "\u{FEFF}q1;q2;q3;q4;q5;q6;q7;q8;q9" + end + "3;3;3;3;3;3;3;3;3" + end + "4;4;4;4;4;4;4;4;4" + end + "1;2;3;4;1;2;3;4;5" + end
        let (rows, problems) = FeedbackCommands.parseResponses(text)
        #expect(rows == [[3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4]])
        #expect(problems == ["line 4, column 9: '5' is not a score from 1 to 4"])
    }

    @Test func responsesCSVIsAllOrNothingWithLines() {
        let (rows, problems) = FeedbackCommands.parseResponses("a,b,c,d,e,f,g,h,i\n3,3,3,3,3,3,3,3,3\n3;3;3;3;3;3;3;3\n3,3,3,3,5,3,3,3,3\n\n4\t4\t4\t4\t4\t4\t4\t4\t4\r\n")
        #expect(rows == [[3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4]])
        #expect(problems == ["line 3: 8 columns, expected 9", "line 4, column 5: '5' is not a score from 1 to 4"])
    }

    /// A quote never closed is where the reading stops: one problem, where the quote opened.
    @Test func anUnclosedQuoteIsOneProblemWhereItOpened() {
        let (rows, problems) = FeedbackCommands.parseResponses("1,2,3,4,1,2,3,4,1\n1,\"2,3\n")
        #expect(rows.isEmpty)
        #expect(problems == ["line 2, column 3: a quote opened here is never closed"])
    }
}
