import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// The national CPNS selection rules (DOMAIN.md, "Recruitment"), each at its edges.
/// Every expected number is worked by hand in the comment next to it.

private func skd(_ twk: Int, _ tiu: Int, _ tkp: Int) -> SKDScore { SKDScore(twk: twk, tiu: tiu, tkp: tkp) }

private func dec(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

private func day(_ text: String) -> Day { try! Day(parsing: text) }

// MARK: - SKD pass marks

@Suite("RecruitmentRules SKD marks")
struct RecruitmentRulesSKDMarksTests {

    @Test(arguments: [
        (skd(65, 80, 166), []),                   // each exactly on its mark: pass
        (skd(64, 80, 166), [.twk]),               // TWK one below
        (skd(65, 79, 166), [.tiu]),               // TIU one below
        (skd(65, 80, 165), [.tkp]),               // TKP one below
        (skd(64, 79, 165), [.twk, .tiu, .tkp]),   // all one below, listed twk, tiu, tkp
        (skd(64, 175, 165), [.twk, .tkp]),        // order kept with a gap
        (skd(150, 175, 225), []),                 // maxima
        (skd(0, 0, 0), [.twk, .tiu, .tkp]),
        (skd(150, 175, 165), [.tkp]),             // total 490 does not save a part: each checked on its own
    ] as [(SKDScore, [SKDMark])])
    func nationalMarksPassExactlyOnTheMark(_ score: SKDScore, _ failed: [SKDMark]) {
        #expect(skdFailedMarks(score, marks: .national) == failed)
    }

    @Test func nationalMarksAre65And80And166() {
        #expect(PassMarks.national == PassMarks(twk: 65, tiu: 80, tkp: 166))
        #expect(PassMarks.national.text == "twk=65,tiu=80,tkp=166")
        #expect(SKDPart.twk.maximum + SKDPart.tiu.maximum + SKDPart.tkp.maximum == SKDPart.totalMaximum)  // 150+175+225 = 550
    }

    @Test(arguments: [
        (skd(60, 75, 156), []),                   // on every custom mark
        (skd(59, 75, 156), [.twk]),
        (skd(60, 74, 156), [.tiu]),
        (skd(60, 75, 155), [.tkp]),
        (skd(59, 74, 155), [.twk, .tiu, .tkp]),
    ] as [(SKDScore, [SKDMark])])
    func customMarksAreUsedInsteadOfNational(_ score: SKDScore, _ failed: [SKDMark]) {
        let special = PassMarks(twk: 60, tiu: 75, tkp: 156)
        #expect(skdFailedMarks(score, marks: special) == failed)
    }

    @Test func aScoreOnCustomMarksFailsTheNationalOnes() {
        // 60 < 65, 75 < 80, 156 < 166
        #expect(skdFailedMarks(skd(60, 75, 156), marks: .national) == [.twk, .tiu, .tkp])
    }
}

// MARK: - Special categories: a cumulative total and a TIU mark

@Suite("RecruitmentRules special categories")
struct RecruitmentRulesSpecialCategoryTests {
    static let disability = PassMarks([.total: 286, .tiu: 60])
    static let cumLaude = PassMarks([.total: 311, .tiu: 85])

    @Test(arguments: [
        (skd(60, 60, 166), []),                   // total 286 exactly, TIU 60 exactly: pass
        (skd(60, 60, 165), [.total]),             // total 285, one below
        (skd(61, 59, 166), [.tiu]),               // total 286 on the mark, TIU 59 one below
        (skd(60, 59, 166), [.total, .tiu]),       // total 285 and TIU 59: both named, total first
        (skd(30, 100, 156), []),                  // TWK 30 and TKP 156 have no mark of their own: 286, TIU 100 pass
        (skd(0, 0, 0), [.total, .tiu]),
    ] as [(SKDScore, [SKDMark])])
    func disabilityMarksAreATotalAndTIU(_ score: SKDScore, _ failed: [SKDMark]) {
        #expect(skdFailedMarks(score, marks: Self.disability) == failed)
    }

    @Test(arguments: [
        (skd(61, 85, 165), []),                   // 61 + 85 + 165 = 311 exactly, TIU 85 exactly
        (skd(60, 85, 165), [.total]),             // 310
        (skd(62, 84, 165), [.tiu]),               // 311, TIU 84
    ] as [(SKDScore, [SKDMark])])
    func cumLaudeMarksAre311And85(_ score: SKDScore, _ failed: [SKDMark]) {
        #expect(skdFailedMarks(score, marks: Self.cumLaude) == failed)
    }

    @Test func aCandidateBelowAGeneralMarkPassesADisabilityVacancy() {
        // TWK 64 < 65 fails the general marks; total 64 + 80 + 166 = 310 >= 286 and TIU 80 >= 60.
        let score = skd(64, 80, 166)
        #expect(skdFailedMarks(score, marks: .national) == [.twk])
        #expect(skdFailedMarks(score, marks: Self.disability) == [])
        let input: [(id: String, score: SKDScore?)] = [("P1", score)]
        #expect(skdRank(input, marks: .national, seats: 1, quotaFactor: 3).map(\.outcome) == [.failedMarks])
        let special = skdRank(input, marks: Self.disability, seats: 1, quotaFactor: 3)
        #expect(special.map(\.outcome) == [.skb])
        #expect(special[0].failed == [])
    }

    @Test func bothShapesTogetherCheckEveryMark() {
        // Per part and a total: 65 + 80 + 166 = 311 passes a total of 311, not 312.
        let both = PassMarks([.twk: 65, .tiu: 80, .tkp: 166, .total: 311])
        #expect(skdFailedMarks(skd(65, 80, 166), marks: both) == [])
        #expect(skdFailedMarks(skd(65, 80, 166), marks: PassMarks([.twk: 65, .tiu: 80, .tkp: 166, .total: 312])) == [.total])
        #expect(skdFailedMarks(skd(64, 90, 166), marks: both) == [.twk])
        #expect(both.text == "total=311,twk=65,tiu=80,tkp=166")
    }

    @Test func rankingAndTiesAreAsForGeneralVacancies() {
        // One seat, quota 1 x 1: P1 and P2 both total 300 and fully tied at the cut-off go on;
        // P3 (295) is outside the quota; P4 has total 320 but TIU 59: below the mark, ranked
        // after those who passed although its total is the highest.
        let input: [(id: String, score: SKDScore?)] = [
            ("P1", skd(70, 80, 150)), ("P2", skd(70, 80, 150)), ("P3", skd(65, 80, 150)), ("P4", skd(100, 59, 161)), ("P5", nil),
        ]
        let r = skdRank(input, marks: Self.disability, seats: 1, quotaFactor: 1)
        #expect(r.map(\.id) == ["P1", "P2", "P3", "P4", "P5"])
        #expect(r.map(\.outcome) == [.skb, .skb, .outsideQuota, .failedMarks, .absent])
        #expect(r.map(\.rank) == [1, 1, 3, 4, nil])
        #expect(r[3].failed == [.tiu])
    }

    @Test func eachCategoryStartsWithThe2024Figures() {
        #expect(VacancyCategory.general.builtInMarks == .national)
        #expect(VacancyCategory.cumlaude.builtInMarks.text == "total=311,tiu=85")
        #expect(VacancyCategory.diaspora.builtInMarks.text == "total=311,tiu=85")
        for c in [VacancyCategory.disability, .papua, .disadvantaged] { #expect(c.builtInMarks.text == "total=286,tiu=60") }
        for c in VacancyCategory.allCases {
            #expect(VacancyCategory(policy: c.policy) == c)
            #expect(c.policy.defaultValue == c.builtInMarks.text)
        }
    }

    @Test(arguments: [
        ("total=311,tiu=85", "total=311,tiu=85"),
        ("tiu=85,total=311", "total=311,tiu=85"),          // written in the canonical order
        (" TOTAL = 286 , tiu=60", "total=286,tiu=60"),
        ("total=550", "total=550"),                         // the most a total can be
        ("total=0,tiu=0", "total=0,tiu=0"),
        ("twk=65,tiu=80,tkp=166", "twk=65,tiu=80,tkp=166"),
        ("twk=150,tiu=175,tkp=225,total=550", "total=550,twk=150,tiu=175,tkp=225"),
    ])
    func passMarksReadAsWritten(_ text: String, _ canonical: String) throws {
        #expect(try PassMarks(parsing: text).text == canonical)
    }

    @Test(arguments: [
        ("total=551", "the total pass mark must be from 0 to 550, not 551"),
        ("tiu=176,total=300", "the TIU pass mark must be from 0 to 175, not 176"),
        ("total=-1", "the total pass mark must be from 0 to 550, not -1"),
        ("total=99999999999999999999", "bad total pass mark '99999999999999999999': too large (at most 550)"),
        ("total=311,total=300", "the total pass mark is given twice in 'total=311,total=300'"),
        ("totl=311", "bad pass mark 'totl' in 'totl=311': the marks are total, twk, tiu and tkp"),
        ("tkp=170", "bad pass marks 'tkp=170': marks per part name all three parts (twk, tiu, tkp), or come with a total; twk, tiu not given"),
        ("", "bad pass marks '': expected MARK=NUMBER pairs with marks total, twk, tiu, tkp, like twk=65,tiu=80,tkp=166 or total=311,tiu=85"),
        ("total=311,", "bad pass marks 'total=311,': expected MARK=NUMBER pairs with marks total, twk, tiu, tkp, like twk=65,tiu=80,tkp=166 or total=311,tiu=85"),
        ("total=3.5", "bad pass marks 'total=3.5': expected MARK=NUMBER pairs with marks total, twk, tiu, tkp, like twk=65,tiu=80,tkp=166 or total=311,tiu=85"),
    ])
    func badPassMarksAreRefusedQuotingWhatWasWrong(_ text: String, _ message: String) {
        do {
            _ = try PassMarks(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch let e as KemuningError {
            #expect(e.message.english == message)
        } catch { Issue.record("\(error)") }
    }

    @Test func aStoredVacancyKeepsItsCategoryAndMarksAndAnOldOneReadsAsGeneral() throws {
        var v = Vacancy(id: "V1", title: "T", unit: "U", seats: 1, type: "cpns", education: [], state: .draft, created: day("2026-11-02"))
        v.category = .disability
        v.passMarks = PassMarks([.total: 286, .tiu: 60])
        let json = v.json
        #expect(json.objectValue?["category"] == .string("disability"))
        #expect(json.objectValue?["passMarks"]?.serialized() == #"{"total":286,"tiu":60}"#)
        #expect(try Vacancy(json: json) == v)
        var old = json.objectValue!
        old["category"] = nil
        old["passMarks"] = .object(JSONObject([("twk", JSON(65)), ("tiu", JSON(80)), ("tkp", JSON(166))]))
        let read = try Vacancy(json: .object(old))
        #expect(read.category == .general)
        #expect(read.passMarks == .national)
        old["passMarks"] = .object(JSONObject([("tkp", JSON(170))]))
        #expect(throws: RecordError.self) { try Vacancy(json: .object(old)) }
        old["passMarks"] = .object(JSONObject([]))
        #expect(throws: RecordError.self) { try Vacancy(json: .object(old)) }
        old["passMarks"] = .object(JSONObject([("total", JSON(551))]))
        #expect(throws: RecordError.self) { try Vacancy(json: .object(old)) }
        old["passMarks"] = nil
        old["category"] = .string("veterans")
        #expect(throws: RecordError.self) { try Vacancy(json: .object(old)) }
    }
}

// MARK: - SKD order and ranking

@Suite("RecruitmentRules SKD ranking")
struct RecruitmentRulesSKDRankingTests {

    @Test(arguments: [
        // total decides: 400 > 399 although b has the higher TWK and TIU
        (skd(100, 100, 200), skd(150, 175, 74), true as Bool?),
        (skd(150, 175, 74), skd(100, 100, 200), false as Bool?),
        // totals 400 = 400; TKP decides: 200 > 190
        (skd(100, 100, 200), skd(110, 100, 190), true as Bool?),
        (skd(110, 100, 190), skd(100, 100, 200), false as Bool?),
        // totals 400, TKP 190 = 190; TIU decides: 110 > 100
        (skd(100, 110, 190), skd(110, 100, 190), true as Bool?),
        (skd(110, 100, 190), skd(100, 110, 190), false as Bool?),
        // totals, TKP and TIU equal: TWK = total - TKP - TIU is then equal too, so a full tie
        (skd(100, 100, 200), skd(100, 100, 200), nil as Bool?),
    ] as [(SKDScore, SKDScore, Bool?)])
    func ordersByTotalThenTKPThenTIU(_ a: SKDScore, _ b: SKDScore, _ before: Bool?) {
        #expect(skdOrder(a, b) == before)
    }

    @Test func twkCanNeverDecideOnceTotalTKPAndTIUTie() {
        // TWK = total - TIU - TKP, so the TWK level of the tie-break is implied by the three before it.
        for twk in [65, 100, 150] {
            let a = skd(twk, 90, 180), b = SKDScore(twk: a.total - 90 - 180, tiu: 90, tkp: 180)
            #expect(a == b)
            #expect(skdOrder(a, b) == nil)
        }
    }

    @Test(arguments: [
        ("P2", "P10", true),   // numbers compare as numbers: 2 < 10
        ("P10", "P2", false),
        ("P9", "P10", true),
        ("A9", "P1", true),    // prefix first
        ("P1", "P1", false),
        ("x", "y", true),      // not ID-shaped: plain text order
    ] as [(String, String, Bool)])
    func idOrderComparesPrefixThenNumber(_ a: String, _ b: String, _ before: Bool) {
        #expect(idOrder(a, b) == before)
    }

    private func rows(_ r: [SKDRanked]) -> [String] {
        r.map { "\($0.rank.map(String.init) ?? "-") \($0.id) \($0.outcome.rawValue) \($0.failed.map(\.rawValue).joined(separator: "+"))" }
    }

    @Test func quotaTiesAtTheCutOffFailedMarksAndAbsentees() {
        // seats 1 x quotaFactor 3 = quota 3.
        let input: [(id: String, score: SKDScore?)] = [
            ("P9", nil),
            ("P5", skd(101, 89, 200)),   // 390, TKP 200, TIU 89: just below the P2/P10 tie (TIU 89 < 90) -> outside quota
            ("P8", skd(65, 79, 165)),    // 309: TIU and TKP one below
            ("P10", skd(100, 90, 200)),  // 390, fully tied with P2 (4th passer, beyond quota 3) -> still goes on
            ("P1", skd(100, 100, 200)),  // 400: first
            ("P7", nil),
            ("P6", skd(64, 175, 225)),   // 464, the best total, but TWK 64 < 65 -> never goes on
            ("P3", skd(90, 100, 200)),   // 390, TKP 200, TIU 100: before P2/P10 on TIU
            ("P4", skd(100, 100, 180)),  // 380 -> outside quota
            ("P2", skd(100, 90, 200)),   // 390: 3rd passer, the last within the quota
        ]
        let ranked = skdRank(input, marks: .national, seats: 1, quotaFactor: 3)
        #expect(rows(ranked) == [
            "1 P1 skb ",
            "2 P3 skb ",
            "3 P2 skb ",              // P2 before P10: id order for full ties
            "3 P10 skb ",             // tied with the last admitted: the group of 4 exceeds the quota of 3
            "5 P5 outside-quota ",    // competition rank: 1, 2, 3, 3, 5
            "6 P4 outside-quota ",
            "7 P6 failed-marks twk",  // below a mark: ranked after every passer despite total 464
            "8 P8 failed-marks tiu+tkp",
            "- P7 absent ",           // absent last, by id, rank nil
            "- P9 absent ",
        ])
        #expect(ranked.filter { $0.outcome == .skb }.count == 4)
        #expect(ranked.first { $0.id == "P7" }?.score == nil)
        #expect(ranked.first { $0.id == "P6" }?.score == skd(64, 175, 225))
    }

    @Test func quotaIsFactorTimesSeats() {
        // seats 2 x quotaFactor 3 = 6: the 6th passer goes on, the 7th (one point lower, no tie) does not.
        let input: [(id: String, score: SKDScore?)] = (1...7).map { k in ("P\(k)", skd(100, 100, 207 - k)) }  // totals 406 ... 400
        let ranked = skdRank(input, marks: .national, seats: 2, quotaFactor: 3)
        #expect(ranked.map(\.id) == ["P1", "P2", "P3", "P4", "P5", "P6", "P7"])
        #expect(ranked.map(\.outcome) == [.skb, .skb, .skb, .skb, .skb, .skb, .outsideQuota])
        #expect(ranked.map(\.rank) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func justBelowTheCutOffOnTKPGoesOutsideQuota() {
        // quota 1 (1 seat x 1). P1 and P2 tie on total 400; P2 loses on TKP 199 < 200 -> outside.
        let ranked = skdRank([("P2", skd(101, 100, 199)), ("P1", skd(100, 100, 200))], marks: .national, seats: 1, quotaFactor: 1)
        #expect(ranked.map(\.id) == ["P1", "P2"])
        #expect(ranked.map(\.outcome) == [.skb, .outsideQuota])
        #expect(ranked.map(\.rank) == [1, 2])
    }

    @Test func competitionRanksShareAndSkip() {
        // 400, 380, 380 (identical parts), 370 -> 1, 2, 2, 4
        let input: [(id: String, score: SKDScore?)] = [
            ("P4", skd(90, 100, 180)),
            ("P3", skd(100, 100, 180)),
            ("P2", skd(100, 100, 180)),
            ("P1", skd(100, 100, 200)),
        ]
        let ranked = skdRank(input, marks: .national, seats: 10, quotaFactor: 3)
        #expect(ranked.map(\.id) == ["P1", "P2", "P3", "P4"])
        #expect(ranked.map(\.rank) == [1, 2, 2, 4])
        #expect(ranked.allSatisfy { $0.outcome == .skb })
    }

    @Test func sameTotalDifferentPartsGetDifferentRanks() {
        // 380 and 380, but TKP 190 vs 180: not tied, so ranks 1 and 2.
        let ranked = skdRank([("P1", skd(100, 100, 180)), ("P2", skd(100, 90, 190))], marks: .national, seats: 1, quotaFactor: 3)
        #expect(ranked.map(\.id) == ["P2", "P1"])
        #expect(ranked.map(\.rank) == [1, 2])
    }

    @Test func fullTiesAreListedByNumericID() {
        // Lexical order would put P10 before P2; idOrder gives P2, P10, P11.
        let s = skd(100, 100, 200)
        let ranked = skdRank([("P11", s), ("P10", s), ("P2", s)], marks: .national, seats: 1, quotaFactor: 1)
        #expect(ranked.map(\.id) == ["P2", "P10", "P11"])
        #expect(ranked.map(\.rank) == [1, 1, 1])
        #expect(ranked.map(\.outcome) == [.skb, .skb, .skb])  // quota 1, all three tied with the last admitted
    }

    @Test func nobodyPassingMeansNobodyGoesOn() {
        let ranked = skdRank([("P1", skd(150, 175, 165)), ("P2", nil)], marks: .national, seats: 5, quotaFactor: 3)
        #expect(rows(ranked) == ["1 P1 failed-marks tkp", "- P2 absent "])
    }

    @Test func zeroSeatsAdmitNobody() {
        // quota 3 x 0 = 0: no last admitted, so nobody is "tied with" one.
        let ranked = skdRank([("P1", skd(100, 100, 200)), ("P2", skd(100, 100, 200))], marks: .national, seats: 0, quotaFactor: 3)
        #expect(ranked.map(\.outcome) == [.outsideQuota, .outsideQuota])
        #expect(ranked.map(\.rank) == [1, 1])
    }

    @Test func failedRowsUseTheVacancyMarks() {
        // TWK 62 fails 65 but passes a special-category 60.
        let input: [(id: String, score: SKDScore?)] = [("P1", skd(62, 100, 200))]
        #expect(skdRank(input, marks: .national, seats: 1, quotaFactor: 3).map(\.outcome) == [.failedMarks])
        #expect(skdRank(input, marks: PassMarks(twk: 60, tiu: 80, tkp: 166), seats: 1, quotaFactor: 3).map(\.outcome) == [.skb])
    }
}

// MARK: - SKB

@Suite("RecruitmentRules SKB")
struct RecruitmentRulesSKBTests {

    @Test(arguments: [
        (400, 500, Rational(80)),            // 400/500 x 100 = 80
        (400, 550, Rational(800, 11)),       // 400/550 x 100 = 72.7272...
        (500, 500, Rational(100)),           // maximum -> 100
        (550, 550, Rational(100)),
        (0, 500, Rational(0)),
        (333, 500, Rational(333, 5)),        // 66.6
        (1, 550, Rational(2, 11)),           // 100/550 = 0.1818...
    ] as [(Int, Int, Rational)])
    func catIsRawOverMaximumTimes100(_ raw: Int, _ maximum: Int, _ scaled: Rational) {
        #expect(catScaled(raw, maximum: maximum) == scaled)
    }

    @Test func catScaledPublishedFigure() {
        // 400/550 x 100 = 72.727272... -> 72.7273 (4 dp), 72.73 (2 dp)
        #expect(catScaled(400, maximum: 550).rounded(toScale: 4).description == "72.7273")
        #expect(catScaled(400, maximum: 550).rounded(toScale: 2).description == "72.73")
    }

    @Test(arguments: [
        ([[4, 5, 3, 4, 4], [5, 5, 4, 4, 3]], Rational(82)),        // (20 + 21)/10 = 4.1; 4.1/5 x 100 = 82
        ([[5, 5, 5, 5, 5]], Rational(100)),                        // 5/5 x 100
        ([[1, 1, 1, 1, 1]], Rational(20)),                         // 1/5 x 100
        ([[3, 4], [5]], Rational(80)),                             // 12/3 = 4 -> 80 (not the mean of sheet means: (3.5+5)/2 = 4.25 -> 85)
        ([[4, 4, 5], [3, 4, 4], [5, 5, 4]], Rational(760, 9)),     // (13 + 11 + 14)/9 = 38/9; /5 x 100 = 760/9 = 84.444...
    ] as [([[Int]], Rational)])
    func interviewIsTheMeanOfEveryItemOverFiveTimes100(_ sheets: [[Int]], _ score: Rational) {
        #expect(interviewScore(sheets) == score)
    }

    @Test(arguments: [[[Int]](), [[]], [[], []]])
    func interviewWithoutItemsHasNoScore(_ sheets: [[Int]]) {
        #expect(interviewScore(sheets) == nil)
    }

    @Test(arguments: [
        // regional 60/40: 0.6 x 80 + 0.4 x 70 = 48 + 28 = 76
        ([SKBComponent.cat: Rational(80), .practical: Rational(70)], SKBScheme.regional, Rational(76) as Rational?),
        // 0.6 x 800/11 + 0.4 x 75 = 480/11 + 30 = 810/11 = 73.6363...
        ([.cat: Rational(800, 11), .practical: Rational(75)], .regional, Rational(810, 11)),
        // an interview score is ignored where the scheme does not name it
        ([.cat: Rational(80), .practical: Rational(70), .interview: Rational(10)], .regional, Rational(76)),
        // practical missing -> nil
        ([.cat: Rational(80)], .regional, nil),
        ([.practical: Rational(70)], .regional, nil),
        // central 50/30/20: 0.5 x 80 + 0.3 x 82 + 0.2 x 90 = 40 + 24.6 + 18 = 82.6 = 413/5
        ([.cat: Rational(80), .interview: Rational(82), .certificate: Rational(90)],
         SKBScheme(weights: [(.cat, 50), (.interview, 30), (.certificate, 20)]), Rational(413, 5)),
        // certificate missing -> nil
        ([.cat: Rational(80), .interview: Rational(82)], SKBScheme(weights: [(.cat, 50), (.interview, 30), (.certificate, 20)]), nil),
        // all maxima -> 100; all zero -> 0
        ([.cat: Rational(100), .practical: Rational(100)], .regional, Rational(100)),
        ([.cat: Rational(0), .practical: Rational(0)], .regional, Rational(0)),
    ] as [([SKBComponent: Rational], SKBScheme, Rational?)])
    func skbIsTheWeightedSumOfTheSchemeComponents(_ components: [SKBComponent: Rational], _ scheme: SKBScheme, _ score: Rational?) {
        #expect(skbScore(components, scheme: scheme) == score)
    }

    // MARK: scheme parsing

    @Test(arguments: [
        ("cat=60,practical=40", "cat=60,practical=40"),
        (" cat = 60 , practical = 40 ", "cat=60,practical=40"),              // blanks around names and numbers
        ("cat=50,interview=30,certificate=20", "cat=50,interview=30,certificate=20"),
        ("practical=40,cat=60", "practical=40,cat=60"),                      // order kept as written
        ("cat=100", "cat=100"),                                              // CAT alone adds up to 100
    ] as [(String, String)])
    func parsesSchemesWhoseWeightsAddUpTo100(_ text: String, _ normalised: String) throws {
        let scheme = try SKBScheme(parsing: text)
        #expect(scheme.text == normalised)
    }

    @Test func parsedRegionalSchemeEqualsTheDefault() throws {
        let scheme = try SKBScheme(parsing: "cat=60,practical=40")
        #expect(scheme == .regional)
        #expect(scheme.weight(.cat) == 60)
        #expect(scheme.weight(.practical) == 40)
        #expect(scheme.weight(.interview) == nil)
        let central = try SKBScheme(parsing: "cat=50,interview=30,certificate=20")
        #expect(central.weight(.interview) == 30)
        #expect(central.weight(.certificate) == 20)
        #expect(central != .regional)
    }

    @Test(arguments: [
        ("cat=60,practical=30", KemuningError.failed("SKB weights add up to 90, not 100: cat=60,practical=30")),
        ("cat=60,practical=41", KemuningError.failed("SKB weights add up to 101, not 100: cat=60,practical=41")),  // one over
        ("cat=60,practical=39", KemuningError.failed("SKB weights add up to 99, not 100: cat=60,practical=39")),   // one under
        ("", KemuningError.failed("SKB weights add up to 0, not 100: ")),
        ("cat=60,practcal=40", KemuningError.failed("bad SKB component 'practcal': expected cat, practical, interview, certificate",
                                                    hint: "did you mean 'practical'?")),
        ("cat=50,intervew=30,certificate=20", KemuningError.failed("bad SKB component 'intervew': expected cat, practical, interview, certificate",
                                                                   hint: "did you mean 'interview'?")),
        ("cat=60,zzz=40", KemuningError.failed("bad SKB component 'zzz': expected cat, practical, interview, certificate")),  // nothing near: no hint
        ("practical=60,interview=40", KemuningError.failed("an SKB scheme needs the CAT test: practical=60,interview=40")),
        ("cat=60,cat=40", KemuningError.failed("SKB component cat is given twice")),
        ("cat=100,practical=0", KemuningError.failed("SKB weight of practical must be from 1 to 100, not 0")),
        ("cat=110,practical=-10", KemuningError.failed("SKB weight of cat must be from 1 to 100, not 110")),
        ("cat60", KemuningError.failed("bad SKB scheme 'cat60': expected COMPONENT=WEIGHT pairs, like cat=60,practical=40")),
        ("cat=6x,practical=40", KemuningError.failed("bad SKB scheme 'cat=6x,practical=40': expected COMPONENT=WEIGHT pairs, like cat=60,practical=40")),
        ("cat=60=1", KemuningError.failed("bad SKB scheme 'cat=60=1': expected COMPONENT=WEIGHT pairs, like cat=60,practical=40")),
    ] as [(String, KemuningError)])
    func refusesBadSchemesSayingWhy(_ text: String, _ error: KemuningError) {
        #expect(throws: error) { try SKBScheme(parsing: text) }
    }

    /// DOMAIN.md: regional CAT >= 60% with one other test <= 40%; central CAT >= 50%, interview
    /// <= 30%, certificate <= 20%. Each limit exactly on it is accepted, one past it refused.
    @Test(arguments: ["cat=50,interview=30,certificate=20", "cat=60,practical=40", "cat=70,interview=30", "cat=80,certificate=20"])
    func acceptsWeightsExactlyOnTheNationalLimits(_ text: String) throws {
        #expect(try SKBScheme(parsing: text).text == text)
    }

    /// Below 50% CAT fits no pattern: the parser itself refuses it (stores too).
    @Test(arguments: [
        ("cat=49,interview=30,certificate=21", "CAT must weigh at least 50% of SKB, not 49%: cat=49,interview=30,certificate=21"),
        ("cat=40,practical=60", "CAT must weigh at least 50% of SKB, not 40%: cat=40,practical=60"),
    ] as [(String, String)])
    func refusesCATBelowHalf(_ text: String, _ message: String) {
        #expect(throws: KemuningError.failed(.verbatim(message))) { try SKBScheme(parsing: text) }
        #expect(throws: KemuningError.failed(.verbatim(message))) { try SKBScheme(national: text) }
    }

    /// Each national pattern exactly on its limits is accepted by `--skb`, and named.
    @Test(arguments: [
        ("cat=60,practical=40", SKBPattern.regional), ("cat=60,interview=40", .regional), ("cat=60,certificate=40", .regional),
        ("cat=100", .regional), ("cat=70,interview=30", .regional), ("cat=80,certificate=20", .regional),
        ("cat=50,interview=30,certificate=20", .central), ("cat=50,interview=30,certificate=20", .central),
        ("cat=59,interview=30,certificate=11", .central), ("cat=51,interview=29,certificate=20", .central),
    ] as [(String, SKBPattern)])
    func acceptsSchemesFittingANationalPattern(_ text: String, _ pattern: SKBPattern) throws {
        let scheme = try SKBScheme(national: text)
        #expect(scheme.text == text)
        #expect(scheme.pattern == pattern)
    }

    /// One past each limit: CAT 59 with one other test of 41 (regional), interview 31 or
    /// certificate 21 (central), practical in a scheme of three; each error names what it misses
    /// of both patterns. The lenient parser a store reads with takes them all.
    @Test(arguments: [
        ("cat=50,practical=40,interview=10",
         "cat=50,practical=40,interview=10: a regional scheme has at most one test besides CAT; a central one gives practical no weight"),
        ("cat=59,practical=41",
         "cat=59,practical=41: a regional scheme gives CAT at least 60% and its other test at most 40%, not practical=41; a central one gives practical no weight"),
        ("cat=59,interview=41",
         "cat=59,interview=41: a regional scheme gives CAT at least 60% and its other test at most 40%, not interview=41; a central one gives interview at most 30%, not 41%"),
        ("cat=50,interview=31,certificate=19",
         "cat=50,interview=31,certificate=19: a regional scheme has at most one test besides CAT; a central one gives interview at most 30%, not 31%"),
        ("cat=50,interview=29,certificate=21",
         "cat=50,interview=29,certificate=21: a regional scheme has at most one test besides CAT; a central one gives certificate at most 20%, not 21%"),
        ("cat=50,interview=50",
         "cat=50,interview=50: a regional scheme gives CAT at least 60% and its other test at most 40%, not interview=50; a central one gives interview at most 30%, not 50%"),
        ("cat=50,practical=40,certificate=10",
         "cat=50,practical=40,certificate=10: a regional scheme has at most one test besides CAT; a central one gives practical no weight"),
    ] as [(String, String)])
    func refusesSchemesFittingNeitherPattern(_ text: String, _ message: String) throws {
        #expect(throws: KemuningError.failed(.verbatim(message))) { try SKBScheme(national: text) }
        #expect(try SKBScheme(parsing: text).pattern == nil)
    }

    /// A store written before the patterns were checked, holding a scheme now refused, still opens.
    @Test func aStoredSchemeOutsideThePatternsStillReads() throws {
        var v = Vacancy(id: "V1", title: "T", unit: "U", seats: 1, type: "cpns", education: [], state: .draft, created: day("2026-11-01"))
        v.skb = SKBScheme(weights: [(.cat, 50), (.practical, 40), (.certificate, 10)])
        #expect(try Vacancy(json: v.json).skb.text == "cat=50,practical=40,certificate=10")
    }
}

// MARK: - Final score

@Suite("RecruitmentRules final score")
struct RecruitmentRulesFinalScoreTests {

    /// SKB and the exact final as numerator/denominator pairs: Swift Testing on this toolchain
    /// crashes (signal 11) when a parameter tuple holds two `Rational`s (Int128 fields).
    @Test(arguments: [
        // 0.4 x 400/550 x 100 + 0.6 x 78 = 29.090909... + 46.8 = 75.890909... = 4174/55
        // -> 75.8909 / 75.89
        (400, 78, 1, 4174, 55, "75.8909", "75.89"),
        // 0.4 x 385/550 x 100 + 0.6 x 78.875 = 28 + 47.325 = 75.325 exactly: a half at the 3rd decimal.
        // Half up -> 75.33. Binary doubles give 385/550*100*0.4 + 78.875*0.6 = 75.32499999999999 -> 75.32.
        (385, 631, 8, 3013, 40, "75.3250", "75.33"),
        // 0.4 x 330/550 x 100 + 0.6 x 71.625 = 24 + 42.975 = 66.975 exactly -> 66.98.
        // Doubles: 66.975 x 100 = 6697.499999999999 -> 66.97.
        (330, 573, 8, 2679, 40, "66.9750", "66.98"),
        // 0.4 x 385/550 x 100 + 0.6 x 70.01875 = 28 + 42.01125 = 70.01125 exactly: a half at the 5th decimal.
        // Half up -> 70.0113. Doubles give 70.01124999999999 -> 70.0112.
        (385, 11203, 160, 56009, 800, "70.0113", "70.01"),
        // 0.4 x 550/550 x 100 + 0.6 x 100 = 40 + 60 = 100
        (550, 100, 1, 100, 1, "100.0000", "100.00"),
        // nothing at all
        (0, 0, 1, 0, 1, "0.0000", "0.00"),
        // 0.4 x 1/550 x 100 = 4/55 = 0.072727... -> 0.0727 / 0.07
        (1, 0, 1, 4, 55, "0.0727", "0.07"),
        // 0.4 x 400/550 x 100 + 0.6 x 80 = 320/11 + 48 = 848/11 = 77.090909...
        (400, 80, 1, 848, 11, "77.0909", "77.09"),
    ] as [(Int, Int, Int, Int, Int, String, String)])
    func finalIs40PercentSKDPlus60PercentSKBExactly(_ skdTotal: Int, _ skbNum: Int, _ skbDen: Int,
                                                    _ num: Int, _ den: Int, _ four: String, _ two: String) {
        let f = finalScore(skdTotal: skdTotal, skb: Rational(Int128(skbNum), Int128(skbDen)))
        #expect(f == Rational(Int128(num), Int128(den)))
        #expect(f.rounded(toScale: 4).description == four)
        #expect(f.rounded(toScale: 2).description == two)
    }

    @Test func centralSchemeWithAnEightItemRubricEndsOnAHalf() throws {
        // Two panel sheets of 8 items: 31 + 30 = 61 over 16 items -> 61/16 / 5 x 100 = 76.25
        let interview = try #require(interviewScore([[4, 4, 4, 4, 4, 4, 4, 3], [4, 4, 4, 4, 4, 4, 3, 3]]))
        #expect(interview == Rational(305, 4))
        // CAT 400/500 x 100 = 80
        let scheme = try SKBScheme(parsing: "cat=50,interview=30,certificate=20")
        // SKB = 0.5 x 80 + 0.3 x 76.25 + 0.2 x 80 = 40 + 22.875 + 16 = 78.875
        let skb = try #require(skbScore([.cat: catScaled(400, maximum: 500), .interview: interview, .certificate: Rational(80)], scheme: scheme))
        #expect(skb == Rational(631, 8))
        // SKD 100 + 105 + 180 = 385: 0.4 x 385/550 x 100 = 28; final = 28 + 0.6 x 78.875 = 75.325 -> 75.33 (doubles: 75.32)
        let candidate = FinalCandidate(id: "P1", skd: skd(100, 105, 180), skb: skb, gpa: nil, born: day("1998-05-01"))
        #expect(candidate.final == Rational(3013, 40))
        #expect(candidate.final.rounded(toScale: 2).description == "75.33")
    }

    @Test func skbGivenAsAnExactDecimal() {
        // SKB 70.01875 typed as a decimal: 28 + 0.6 x 70.01875 = 70.01125 -> 70.0113
        let f = finalScore(skdTotal: 385, skb: Rational(dec("70.01875")))
        #expect(f.rounded(toScale: 4).description == "70.0113")
    }
}

// MARK: - Final ranking

private func cand(_ id: String, _ score: SKDScore, skb: Rational, gpa: String? = "3.00", born: String = "1995-06-15") -> FinalCandidate {
    FinalCandidate(id: id, skd: score, skb: skb, gpa: gpa.map(dec), born: day(born))
}

/// A candidate tied with every other on final score, SKD and its parts, with a school average.
private func school(_ id: String, _ average: String?, born: String = "2004-03-01") -> FinalCandidate {
    FinalCandidate(id: id, skd: skd(110, 100, 175), skb: skb74at385, gpa: average.map(dec), gpaScale: .schoolAverage, born: day(born))
}

/// The same, with an IPK.
private func ipk(_ id: String, _ ipk: String?, born: String = "2004-03-01") -> FinalCandidate {
    FinalCandidate(id: id, skd: skd(110, 100, 175), skb: skb74at385, gpa: ipk.map(dec), gpaScale: .ipk, born: day(born))
}

// Final 74 from two different SKD totals:
//   SKD 440: 0.4 x 440/550 x 100 = 32, SKB 70 -> 0.6 x 70 = 42, final 74
//   SKD 385: 0.4 x 385/550 x 100 = 28, SKB 230/3 -> 0.6 x 230/3 = 46, final 74
private let skb74at385 = Rational(230, 3)

@Suite("RecruitmentRules final ranking")
struct RecruitmentRulesFinalRankingTests {


    @Test(arguments: [
        // final: 848/11 = 77.0909 vs 0.4 x 400/550 x 100 + 0.6 x 79 = 320/11 + 47.4 = 76.4909 (same SKD)
        (cand("P9", skd(100, 100, 200), skb: Rational(80)), cand("P1", skd(100, 100, 200), skb: Rational(79)), "final"),
        // skd: both final 74; SKD 440 > 385
        (cand("P9", skd(120, 120, 200), skb: Rational(70)), cand("P1", skd(100, 105, 180), skb: skb74at385), "skd"),
        // tkp: both 385, final 74; TKP 180 > 175
        (cand("P9", skd(100, 105, 180), skb: skb74at385), cand("P1", skd(105, 105, 175), skb: skb74at385), "tkp"),
        // tiu: 385, TKP 175 = 175; TIU 105 > 100
        (cand("P9", skd(105, 105, 175), skb: skb74at385), cand("P1", skd(110, 100, 175), skb: skb74at385), "tiu"),
        // gpa: 3.51 > 3.50
        (cand("P9", skd(110, 100, 175), skb: skb74at385, gpa: "3.51"), cand("P1", skd(110, 100, 175), skb: skb74at385, gpa: "3.50"), "gpa"),
        // gpa: any GPA (even 2.00) before none
        (cand("P9", skd(110, 100, 175), skb: skb74at385, gpa: "2.00"), cand("P1", skd(110, 100, 175), skb: skb74at385, gpa: nil), "gpa"),
        // age: GPA 3.5 = 3.50 (same value, other scale), born one day earlier is older -> first
        (cand("P9", skd(110, 100, 175), skb: skb74at385, gpa: "3.5", born: "1996-01-01"),
         cand("P1", skd(110, 100, 175), skb: skb74at385, gpa: "3.50", born: "1996-01-02"), "age"),
        // age with both GPAs missing
        (cand("P9", skd(110, 100, 175), skb: skb74at385, gpa: nil, born: "1990-12-31"),
         cand("P1", skd(110, 100, 175), skb: skb74at385, gpa: nil, born: "1991-01-01"), "age"),
    ] as [(FinalCandidate, FinalCandidate, String)])
    func eachTieBreakLevelDecidesInTurn(_ a: FinalCandidate, _ b: FinalCandidate, _ rule: String) throws {
        let ab = try #require(finalOrder(a, b))
        #expect(ab.before == true)
        #expect(ab.rule == rule)
        let ba = try #require(finalOrder(b, a))
        #expect(ba.before == false)
        #expect(ba.rule == rule)
    }

    /// School averages compare with each other as they are, and with an IPK as a share of the
    /// scale's maximum (an IPK times 25): IPK 3.40 is 85.00, IPK 4.00 is 100.00.
    @Test(arguments: [
        (school("P9", "85.51"), school("P1", "85.50"), "gpa"),
        (school("P9", "0.00"), school("P1", nil), "gpa"),             // any average before none
        (school("P9", "100.00"), school("P1", "99.99"), "gpa"),
        (ipk("P9", "3.41"), school("P1", "85.24"), "gpa"),            // 85.25 > 85.24
        (school("P9", "85.26"), ipk("P1", "3.41"), "gpa"),            // 85.26 > 85.25
        (ipk("P9", "3.40"), school("P1", "3.50"), "gpa"),             // 85.00 > 3.50: not the raw numbers
        (ipk("P9", "0.01"), school("P1", "0.24"), "gpa"),             // 0.25 > 0.24
        (ipk("P9", "0.00"), school("P1", nil), "gpa"),
        (school("P9", nil, born: "2004-02-29"), ipk("P1", nil), "age"),
        // equal shares on different scales tie, and age decides
        (ipk("P9", "3.40", born: "2004-02-29"), school("P1", "85.00"), "age"),
        (school("P9", "85", born: "2004-02-29"), ipk("P1", "3.4"), "age"),
        (school("P9", "100.00", born: "2004-02-29"), ipk("P1", "4.00"), "age"),
        (ipk("P9", "4.00", born: "2004-02-29"), school("P1", "100"), "age"),
        (school("P9", "0.00", born: "2004-02-29"), ipk("P1", "0"), "age"),
    ] as [(FinalCandidate, FinalCandidate, String)])
    func aSchoolAverageAndAnIPKCompareAsSharesOfTheirScale(_ a: FinalCandidate, _ b: FinalCandidate, _ rule: String) throws {
        let ab = try #require(finalOrder(a, b))
        #expect(ab.before == true)
        #expect(ab.rule == rule)
        let ba = try #require(finalOrder(b, a))
        #expect(ba.before == false)
        #expect(ba.rule == rule)
    }

    @Test func fourPointZeroAndOneHundredOfTheSameAgeTieOnEveryRule() {
        #expect(finalOrder(ipk("P1", "4.00"), school("P2", "100.00")) == nil)
        #expect(finalOrder(school("P2", "100.00"), ipk("P1", "4.00")) == nil)
        #expect(finalRank([school("P2", "100.00"), ipk("P1", "4.00")], seats: 1).map(\.decidedBy) == [nil, "id"])
    }

    @Test func aRankingOfSchoolLeaversAndGraduatesIsBrokenOnTheirShares() {
        let ranked = finalRank([ipk("P1", "3.40"), school("P2", "85.50"), school("P3", nil), ipk("P4", "3.44"),
                                school("P5", "85.00", born: "2004-02-29"), school("P6", "86.00")], seats: 2)
        // shares: P6 86.00, P4 86.00 (3.44 x 25), P2 85.50, P5 85.00 (older), P1 85.00, P3 none
        #expect(ranked.map(\.candidate.id) == ["P4", "P6", "P2", "P5", "P1", "P3"])
        #expect(ranked.map(\.decidedBy) == [nil, "id", "gpa", "gpa", "age", "gpa"])
        #expect(ranked.map(\.passed) == [true, true, false, false, false, false])
    }

    @Test func fullTieHasNoDecidingRule() {
        let a = cand("P1", skd(110, 100, 175), skb: skb74at385, gpa: "3.5", born: "1996-01-01")
        let b = cand("P2", skd(110, 100, 175), skb: skb74at385, gpa: "3.50", born: "1996-01-01")
        #expect(finalOrder(a, b) == nil)
        #expect(finalOrder(b, a) == nil)
    }

    @Test func finalBeatsAHigherSKD() {
        // SKD 500 with SKB 60: 0.4 x 500/550 x 100 + 36 = 36.3636 + 36 = 72.3636
        // SKD 400 with SKB 75: 29.0909 + 45 = 74.0909 -> first despite the lower SKD
        let a = cand("P1", skd(150, 150, 200), skb: Rational(60))
        let b = cand("P2", skd(100, 100, 200), skb: Rational(75))
        let o = finalOrder(b, a)
        #expect(o?.before == true)
        #expect(o?.rule == "final")
    }

    private static let field: [FinalCandidate] = [
        // given out of order on purpose
        cand("P10", skd(110, 100, 175), skb: skb74at385, gpa: nil, born: "1996-01-02"),
        cand("P2", skd(110, 100, 175), skb: skb74at385, gpa: "3.51"),
        cand("P6", skd(110, 100, 175), skb: skb74at385, gpa: nil, born: "1996-01-02"),
        cand("P7", skd(120, 120, 200), skb: Rational(70)),                    // 32 + 42 = 74
        cand("P4", skd(110, 100, 175), skb: skb74at385, gpa: nil, born: "1996-01-01"),
        cand("P1", skd(100, 105, 180), skb: skb74at385),                      // 28 + 46 = 74
        cand("P9", skd(110, 100, 175), skb: skb74at385, gpa: "3.50"),
        cand("P3", skd(100, 100, 200), skb: Rational(80)),                    // 320/11 + 48 = 77.0909
        cand("P8", skd(110, 100, 175), skb: skb74at385, gpa: nil, born: "1996-01-02"),
        cand("P5", skd(105, 105, 175), skb: skb74at385),                      // 28 + 46 = 74
    ]

    @Test func ranksEveryoneAndSaysWhichRuleDecided() {
        let ranked = finalRank(Self.field, seats: 3)
        #expect(ranked.map(\.candidate.id) == ["P3", "P7", "P1", "P5", "P2", "P9", "P4", "P6", "P8", "P10"])
        #expect(ranked.map(\.rank) == Array(1...10))
        #expect(ranked.map(\.decidedBy) == [
            nil,      // P3 first: 77.0909
            "final",  // P7: 74 < 77.0909
            "skd",    // P1: 74 = 74, SKD 385 < 440
            "tkp",    // P5: 385, TKP 175 < 180
            "tiu",    // P2: 385, TKP 175, TIU 100 < 105
            "gpa",    // P9: GPA 3.50 < 3.51
            "gpa",    // P4: no GPA, below 3.50
            "age",    // P6: no GPA, born 1996-01-02, after 1996-01-01
            "id",     // P8: tied with P6 on every rule; P6 before P8 by id
            "id",     // P10: P8 before P10 (numbers, not text: "P10" < "P8" as text)
        ])
        #expect(ranked.map(\.final) == [Rational(848, 11)] + Array(repeating: Rational(74), count: 9))
        #expect(ranked[0].final.rounded(toScale: 4).description == "77.0909")
    }

    @Test(arguments: [
        (3, [true, true, true, false, false, false, false, false, false, false]),   // exactly the first 3
        (1, [true, false, false, false, false, false, false, false, false, false]),
        (0, [false, false, false, false, false, false, false, false, false, false]),
        (10, [true, true, true, true, true, true, true, true, true, true]),         // seats = candidates
        (12, [true, true, true, true, true, true, true, true, true, true]),         // more seats than candidates
    ] as [(Int, [Bool])])
    func exactlyTheFirstSeatsPass(_ seats: Int, _ passed: [Bool]) {
        #expect(finalRank(Self.field, seats: seats).map(\.passed) == passed)
    }

    @Test func fullTieOnTheSeatLineIsCutByID() {
        // One seat, two candidates tied on every rule: P2 passes (id before P10), P10 does not.
        let a = cand("P10", skd(100, 100, 200), skb: Rational(80))
        let b = cand("P2", skd(100, 100, 200), skb: Rational(80))
        let ranked = finalRank([a, b], seats: 1)
        #expect(ranked.map(\.candidate.id) == ["P2", "P10"])
        #expect(ranked.map(\.passed) == [true, false])
        #expect(ranked.map(\.rank) == [1, 2])
        #expect(ranked.map(\.decidedBy) == [nil, "id"])
    }

    @Test func nobodyToRank() {
        #expect(finalRank([], seats: 3).isEmpty)
    }
}

// MARK: - Education

@Suite("RecruitmentRules education")
struct RecruitmentRulesEducationTests {

    @Test(arguments: [
        ("S1 Akuntansi", ["S1"], true),                        // bare level: any field
        ("S1", ["S1"], true),                                  // bare level: no field either
        ("S2 Akuntansi", ["S1"], false),                       // other level
        ("S1 Akuntansi", ["S1 Akuntansi"], true),              // same field
        ("S1 akuntansi", ["S1 Akuntansi"], true),              // field compared case-insensitively
        ("S1 AKUNTANSI", ["S1 akuntansi"], true),
        ("S1 Manajemen", ["S1 Akuntansi"], false),             // other field
        ("D3 Akuntansi", ["S1 Akuntansi"], false),             // same field, other level
        ("S1", ["S1 Akuntansi"], false),                       // field required, applicant has none
        ("S1 Teknik Informatika", ["S1 Teknik"], false),       // the whole field must match, not a prefix
        ("S1 Teknik Informatika", ["S1 Teknik Informatika"], true),
        ("S1 Manajemen", ["S1 Akuntansi", "S1"], true),        // any one of several
        ("D3 Akuntansi", ["S1 Akuntansi", "D3"], true),
        ("SMA", ["S1 Akuntansi", "D3"], false),
        ("SMA", [], true),                                     // vacancy lists none: everyone
    ] as [(String, [String], Bool)])
    func applicantMeetsOneOfTheVacancyQualifications(_ applicant: String, _ accepted: [String], _ ok: Bool) {
        #expect(Education.matches(applicant, accepted: accepted) == ok)
    }

    @Test func applicantWithoutEducation() {
        #expect(Education.matches(nil, accepted: []) == true)        // nothing asked
        #expect(Education.matches(nil, accepted: ["S1"]) == false)   // something asked, nothing given
        #expect(Education.matches(nil, accepted: ["S1 Akuntansi"]) == false)
    }
}
