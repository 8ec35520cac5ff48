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
