import KemuningCore
import KemuningDomain
import KemuningStore

extension RoundView {
    /// The round of `vacancy` as the state holds it: its applications and their applicants,
    /// taken out as values for the domain's view (which never sees the store).
    public init(_ state: State, _ vacancy: Vacancy, admitted: Set<String>? = nil) {
        let applications = state.applications(ofVacancy: vacancy.id)
        var applicants: [String: Applicant] = [:]
        for p in applications where applicants[p.applicant] == nil { applicants[p.applicant] = state.applicant(p.applicant) }
        self.init(vacancy: vacancy, applications: applications, applicants: applicants, admitted: admitted)
    }
}
