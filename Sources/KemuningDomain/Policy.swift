import KemuningCore
/// Rule settings that vary by region or year, kept in the store (`policy set`), each with the
/// default DOMAIN.md gives.
public enum Policy: String, CaseIterable, Sendable {
    case jpTarget = "jp-target"
    case jpMinutes = "jp-minutes"
    case mentorCapacity = "mentor-capacity"
    case mentorGapDays = "mentor-gap-days"
    case complaintResponseDays = "complaint-response-days"
    case complaintInfoDays = "complaint-info-days"
    case complaintComplaintDays = "complaint-complaint-days"
    case complaintDisputeDays = "complaint-dispute-days"
    case complaintFieldDays = "complaint-field-days"
    case complaintDayCount = "complaint-day-count"
    case lateShare = "late-share"
    case effectiveMinutes = "effective-minutes"
    case workloadRounding = "workload-rounding"
    case minResponses = "min-responses"
    case requireOperator = "require-operator"
    case passMarksGeneral = "pass-marks-general"
    case passMarksCumlaude = "pass-marks-cumlaude"
    case passMarksDiaspora = "pass-marks-diaspora"
    case passMarksDisability = "pass-marks-disability"
    case passMarksPapua = "pass-marks-papua"
    case passMarksDisadvantaged = "pass-marks-disadvantaged"

    public var defaultValue: String {
        switch self {
        case .jpTarget: return "20"
        case .jpMinutes: return "45"
        case .mentorCapacity: return "3"
        case .mentorGapDays: return "30"
        case .complaintResponseDays: return "3"
        case .complaintInfoDays: return "5"
        case .complaintComplaintDays: return "5"
        case .complaintDisputeDays: return "14"
        case .complaintFieldDays: return "60"
        case .complaintDayCount: return "calendar"
        case .lateShare: return "20"
        case .effectiveMinutes: return "75000"
        case .workloadRounding: return "half-up"
        case .minResponses: return "30"
        case .requireOperator: return "no"
        case .passMarksGeneral, .passMarksCumlaude, .passMarksDiaspora, .passMarksDisability, .passMarksPapua, .passMarksDisadvantaged:
            return VacancyCategory(policy: self)!.builtInMarks.text
        }
    }

    public var help: Message {
        switch self {
        case .jpTarget: return "lesson hours (JP) of development each employee has the right to a year (PP 11/2017)"
        case .jpMinutes: return "minutes in one JP"
        case .mentorCapacity: return "most mentees one mentor may guide at a time"
        case .mentorGapDays: return "days after hiring by which a new CPNS should have a mentor"
        case .complaintResponseDays: return "days to the first response to a complaint (SP4N-LAPOR!)"
        case .complaintInfoDays: return "days to resolve an information request"
        case .complaintComplaintDays: return "days to resolve a simple complaint"
        case .complaintDisputeDays: return "days to resolve a dispute without a field check"
        case .complaintFieldDays: return "days to resolve a complaint that needs a field examination"
        case .complaintDayCount: return "how complaint deadlines count days: calendar or working (Monday to Friday)"
        case .lateShare: return "percent of late requests above which a service is a finding"
        case .effectiveMinutes: return "effective working minutes a year, for workload analysis (ABK)"
        case .workloadRounding: return "how staff needed is rounded: half-up, up or down"
        case .minResponses: return "responses a survey needs before \"recommend\" acts on it (or its Krejcie-Morgan sample, when smaller)"
        case .requireOperator: return "yes: every change needs a named operator, not 'unknown'"
        case .passMarksGeneral: return "SKD pass marks a new general vacancy takes"
        case .passMarksCumlaude: return "SKD pass marks a new vacancy for cum laude graduates takes"
        case .passMarksDiaspora: return "SKD pass marks a new vacancy for the Indonesian diaspora takes"
        case .passMarksDisability: return "SKD pass marks a new vacancy for people with disabilities takes"
        case .passMarksPapua: return "SKD pass marks a new vacancy for sons and daughters of Papua takes"
        case .passMarksDisadvantaged: return "SKD pass marks a new vacancy for sons and daughters of disadvantaged regions takes"
        }
    }

    /// Checks a new value, returning it normalised.
    public func validate(_ text: String) throws -> String {
        switch self {
        case .complaintDayCount:
            guard ["calendar", "working"].contains(text) else { throw KemuningError.failed("\(rawValue) is calendar or working, not '\(text)'") }
            return text
        case .workloadRounding:
            guard ["half-up", "up", "down"].contains(text) else { throw KemuningError.failed("\(rawValue) is half-up, up or down, not '\(text)'") }
            return text
        case .requireOperator:
            guard ["yes", "no"].contains(text) else { throw KemuningError.failed("\(rawValue) is yes or no, not '\(text)'") }
            return text
        case .passMarksGeneral, .passMarksCumlaude, .passMarksDiaspora, .passMarksDisability, .passMarksPapua, .passMarksDisadvantaged:
            return try PassMarks(parsing: text).text
        default:
            guard let n = Int(text), n >= 0, n <= 1_000_000 else {
                throw KemuningError.failed("\(rawValue) takes a whole number from 0 to 1000000, not '\(text)'")
            }
            if (self == .jpMinutes || self == .effectiveMinutes) && n == 0 { throw KemuningError.failed("\(rawValue) cannot be 0") }
            if self == .lateShare && n > 100 { throw KemuningError.failed("\(rawValue) is a percent, 0 to 100") }
            return String(n)
        }
    }
}
