import KemuningCore
import KemuningDomain
import KemuningStore

extension RoundView {
    /// The round of `vacancy` as the state holds it: its applications and applicants, looked up
    /// in the state when the view asks (a value: the view never sees the store).
    public init(_ state: State, _ vacancy: Vacancy, admitted: Set<String>? = nil) {
        self.init(vacancy: vacancy, applications: { state.applications(ofVacancy: vacancy.id) }, applicant: { state.applicant($0) },
                  admitted: admitted)
    }
}
