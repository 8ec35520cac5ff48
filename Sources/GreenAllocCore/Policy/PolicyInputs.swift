/// The checks and library changes of the policy instruments (scenario-format §15) once the tables are read: the
/// review's new park statuses, and the factors' columns and values. A scenario without them is returned as is.
public enum PolicyInputs {
    public static func apply(scenario: Scenario, to library: Library) -> Result<Library, InputErrors> {
        var library = library
        var errors: [Diagnostic] = []
        if let review = scenario.review {
            switch ParkReview(review: review, asOf: scenario.asOf).apply(to: library) {
            case .failure(let problems): errors += problems.diagnostics
            case .success(let (changed, reviewed)):
                library = changed
                library.reviewedParks = reviewed
            }
        }
        if !scenario.factors.isEmpty {
            errors += FactorEnvelopes(scenario: scenario, library: library).check()
        }
        return errors.isEmpty ? .success(library) : .failure(InputErrors(errors))
    }
}
