import KemuningCore
/// The ranges every stored number must keep to: the commands' flags take them on input and the
/// decoders enforce them on a store's files, so a hand-edited or damaged file cannot bring in
/// a value no command could have made (a CAT maximum of 0 would divide by zero; a score near
/// 2^62 would overflow a sum). One place, so the two never drift apart.
public enum Bounds {
    public static let seats = 1...100_000
    public static let catMax = 1...1000
    public static let quotaFactor = 1...20
    public static let objectionDays = 0...60
    /// An applicant's age limit, in completed years.
    public static let age = 0...100
    public static let skbWeight = 1...100
    public static let interviewScore = 1...5
    public static let catRaw = 0...1000
    public static let jp = 1...1000
    public static let trainingScore = 0...100
    public static let mentoringMinutes = 1...600
    /// A calendar year: the years a date may have.
    public static let year = Day.supportedYears
    public static let population = 1...100_000_000
    public static let surveyScore = 1...4
    public static let workloadVolume = 0...100_000_000
    public static let workloadMinutes = 1...100_000
    public static let staff = 0...100_000
    public static let standardDays = 0...3650
    public static let participants = 1...1_000_000
    /// A change's number (`seq`): at most 2^53, so that every JSON reader (jq, JavaScript,
    /// Python's float) reads it exactly, and a count up from it can never overflow.
    public static let changeNumber = 0...9_007_199_254_740_992
    /// The number in an id (`A12`): up to 15 digits.
    public static let idNumber = 0...999_999_999_999_999
    /// A grade point average (IPK), for a university graduate.
    public static let gpa = ExactDecimal(0)...ExactDecimal(4)
    /// A school-leaver's school average (nilai rata-rata ijazah), kept in the same `gpa` field.
    public static let schoolAverage = ExactDecimal(0)...ExactDecimal(100)
    /// An SKB practical or certificate score.
    public static let skbScore = ExactDecimal(0)...ExactDecimal(100)
    /// Seats an action proposes (0 when the finding needs none).
    public static let actionSeats = 0...100_000
}
