public import GreenAllocCore
public import MILP

/// The loan stage's model after the subsidy stage, or why there is none.
public enum LoanModelOutcome {
    case model(Model)
    /// The subsidy stage ended without a plan (infeasible, or no solution in time).
    case subsidyStageEnded(AllocationStatus)
}

extension AllocationRunner {
    /// The model of the loan stage's first solve (what `export-model --stage loans` writes): the subsidy stage
    /// is solved alone (without the `loans` section, which it does not read: same plan), then the loan model
    /// is built with its decisions fixed, and not solved.
    public func loanModel(settings: RunSettings, inputsSHA256: String) throws -> LoanModelOutcome {
        var subsidyOnly = scenario
        subsidyOnly.loans = nil
        let subsidyStage = AllocationRunner(scenario: subsidyOnly, library: library, rules: rules, solver: solver, clock: clock)
        let (allocation, _) = try subsidyStage.run(settings: settings, inputsSHA256: inputsSHA256)
        guard allocation.status == .optimal || allocation.status == .feasible else {
            return .subsidyStageEnded(allocation.status)
        }
        return .model(LoanStage(scenario: scenario, library: library, rules: rules).build(projects: allocation.projects).model)
    }
}
