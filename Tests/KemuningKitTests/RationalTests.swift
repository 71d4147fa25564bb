import Testing
@testable import KemuningCore
@testable import KemuningDomain
@testable import KemuningStore
@testable import KemuningKit

/// Exact fractions behind every score: lowest terms, arithmetic, order, and the one place
/// anything is rounded (half away from zero).
@Suite("Rational")
struct RationalTests {

    // MARK: normalisation

    @Test(arguments: [
        (6, -4, -3, 2, "-3/2"),    // gcd 2, sign moves to the numerator
        (-6, -4, 3, 2, "3/2"),     // two minuses cancel
        (-6, 4, -3, 2, "-3/2"),
        (10, 5, 2, 1, "2"),        // whole number prints without "/1"
        (0, -5, 0, 1, "0"),        // zero is 0/1 whatever the denominator
        (0, 7, 0, 1, "0"),
        (7, 1, 7, 1, "7"),
        (1, 3, 1, 3, "1/3"),       // already lowest
        (400, 550, 8, 11, "8/11"), // gcd 50
    ] as [(Int, Int, Int, Int, String)])
    func keepsLowestTermsWithAPositiveDenominator(_ n: Int, _ d: Int, _ num: Int, _ den: Int, _ text: String) {
        let r = Rational(Int128(n), Int128(d))
        #expect(r.numerator == Int128(num))
        #expect(r.denominator == Int128(den))
        #expect(r.description == text)
    }

    @Test func equalFractionsAreEqualAndHashAlike() {
        // 1/2 = 2/4 = -3/-6 once normalised.
        #expect(Rational(1, 2) == Rational(2, 4))
        #expect(Rational(1, 2) == Rational(-3, -6))
        #expect(Rational(1, 2).hashValue == Rational(2, 4).hashValue)
        #expect(Set([Rational(1, 2), Rational(2, 4), Rational(-3, -6)]).count == 1)
        #expect(Rational(1, 2) != Rational(1, 3))
        #expect(Rational(5) == Rational(5, 1))
        #expect(Rational.zero == Rational(0, 9))
    }

    @Test(arguments: [
        ("3.75", 15, 4),   // 375/100 = 15/4
        ("-0.5", -1, 2),   // -5/10
        ("2", 2, 1),
        ("3.50", 7, 2),    // 350/100; the trailing zero does not matter
        ("0.001", 1, 1000),
    ] as [(String, Int, Int)])
    func convertsExactDecimals(_ text: String, _ num: Int, _ den: Int) {
        let r = Rational(ExactDecimal(text)!)
        #expect(r == Rational(Int128(num), Int128(den)))
    }

    // MARK: arithmetic

    @Test func addsSubtractsMultipliesAndDividesExactly() {
        #expect(Rational(1, 2) + Rational(1, 3) == Rational(5, 6))    // 3/6 + 2/6
        #expect(Rational(1, 2) - Rational(1, 3) == Rational(1, 6))    // 3/6 - 2/6
        #expect(Rational(1, 3) - Rational(1, 2) == Rational(-1, 6))   // 2/6 - 3/6
        #expect(Rational(2, 3) * Rational(3, 4) == Rational(1, 2))    // 6/12
        #expect(Rational(1, 2) / Rational(1, 4) == Rational(2))       // 1/2 x 4
        #expect(Rational(1, 2) / Rational(-1, 4) == Rational(-2))     // sign of the divisor moves up
        #expect(Rational(-2, 3) * Rational(-3, 2) == Rational(1))
        #expect(Rational(1, 10) + Rational(2, 10) == Rational(3, 10)) // 0.1 + 0.2 == 0.3 exactly
        #expect(Rational(7, 3) + .zero == Rational(7, 3))
        // 0.4 x 400/550 x 100 = 16000/550 = 320/11
        #expect(Rational(400 * 40, 550) == Rational(320, 11))
    }

    // MARK: order

    @Test(arguments: [
        (1, 3, 1, 2, true),     // 0.333 < 0.5
        (1, 2, 1, 3, false),
        (-1, 2, -1, 3, true),   // -0.5 < -0.333
        (-1, 3, 1, 3, true),
        (1, 2, 2, 4, false),    // equal is not less
        (8, 11, 73, 100, true), // 0.72727... < 0.73
        (73, 100, 8, 11, false),
    ] as [(Int, Int, Int, Int, Bool)])
    func comparesByValue(_ an: Int, _ ad: Int, _ bn: Int, _ bd: Int, _ less: Bool) {
        #expect((Rational(Int128(an), Int128(ad)) < Rational(Int128(bn), Int128(bd))) == less)
    }

    // MARK: rounding

    @Test(arguments: [
        (1, 8, 2, "0.13"),        // 0.125: exactly half -> up
        (-1, 8, 2, "-0.13"),      // -0.125: half away from zero -> down
        (1, 200, 2, "0.01"),      // 0.005: half -> up
        (-1, 200, 2, "-0.01"),    // -0.005 -> -0.01
        (1, 1000, 2, "0.00"),     // 0.001: below half -> 0
        (-1, 1000, 2, "0.00"),    // -0.001 -> 0 (no "-0.00")
        (1249, 1000, 2, "1.25"),  // 1.249: 0.9 of a unit -> up
        (1244, 1000, 2, "1.24"),  // 1.244: 0.4 of a unit -> down
        (1, 3, 4, "0.3333"),      // 0.33333...
        (2, 3, 4, "0.6667"),      // 0.66666...
        (-2, 3, 4, "-0.6667"),
        (5, 2, 0, "3"),           // 2.5 -> 3
        (-5, 2, 0, "-3"),         // -2.5 -> -3
        (7, 2, 0, "4"),           // 3.5 -> 4
        (3, 1, 2, "3.00"),        // whole number keeps its decimals
        (320, 11, 4, "29.0909"),  // 29.090909...
        (1, 20000, 4, "0.0001"),  // 0.00005 -> 0.0001
        (-1, 20000, 4, "-0.0001"),
    ] as [(Int, Int, Int, String)])
    func roundsHalfAwayFromZero(_ n: Int, _ d: Int, _ scale: Int, _ text: String) {
        let r = Rational(Int128(n), Int128(d)).rounded(toScale: scale)
        #expect(r.description == text)
        #expect(r.scale == scale)
    }

    @Test(arguments: [
        (7, 2, 3),     // 3.5
        (-7, 2, -4),   // -3.5 -> -4, not -3
        (-4, 2, -2),   // exact -2
        (0, 1, 0),
        (1, 3, 0),
        (-1, 3, -1),   // -0.333 -> -1
        (2, 1, 2),
        (549, 550, 0), // 0.998...
    ] as [(Int, Int, Int)])
    func floorIsTheLargestWholeNumberNotAbove(_ n: Int, _ d: Int, _ floor: Int) {
        #expect(Rational(Int128(n), Int128(d)).floor == floor)
    }

    @Test(arguments: [
        (5, 2, 3),     // 2.5 -> 3
        (-5, 2, -3),   // -2.5 -> -3
        (49, 10, 5),   // 4.9
        (44, 10, 4),   // 4.4
        (45, 10, 5),   // 4.5 half -> up
        (-44, 10, -4),
        (-45, 10, -5),
        (0, 1, 0),
    ] as [(Int, Int, Int)])
    func roundedIntegerRoundsHalfAwayFromZero(_ n: Int, _ d: Int, _ whole: Int) {
        #expect(Rational(Int128(n), Int128(d)).roundedInteger == whole)
    }
}
