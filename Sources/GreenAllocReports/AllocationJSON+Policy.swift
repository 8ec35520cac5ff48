import GreenAllocCore

extension AllocationJSON {
    /// `start_year` (null when not funded) and `deferred_years` of a project when deferral is in use
    /// (scenario-format §15.4).
    static func deferralMembers(_ project: ProjectOutcome) -> [(String, JSONValue)] {
        [
            ("start_year", project.startYear.map { .int($0) } ?? .null),
            ("deferred_years", .int(project.deferredYears)),
        ]
    }
}

extension AllocationJSON {
    /// A loan's terms when loan terms are in use (scenario-format §15.5): `rate`, `term_years` (null: none),
    /// `grace_years`, `interest_subsidy` per horizon year, `interest_subsidy_later`, `interest_subsidy_total`, `co2_t`
    /// and `carbon_facility` (null without a rule).
    static func termMembers(_ loan: LoanAssignment, _ terms: LoanTermsDetails) -> [(String, JSONValue)] {
        guard let schedule = terms.schedule(project: loan.project, bank: loan.bank) else { return [] }
        let perYear = zip(terms.years, schedule.perYear).map { (String($0), JSONValue.money($1)) }
        return [
            ("rate", .double(schedule.rate)), ("term_years", schedule.term.map { .int($0) } ?? .null),
            ("grace_years", .int(schedule.grace)), ("interest_subsidy", .object(perYear)),
            ("interest_subsidy_later", .money(schedule.later)), ("interest_subsidy_total", .money(schedule.total)),
            ("co2_t", .double(terms.co2[loan.project])),
            ("carbon_facility", terms.carbonFacility[loan.project].map { .bool($0) } ?? .null),
        ]
    }
}
