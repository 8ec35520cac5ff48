internal import GreenAllocCore
public import MILP

extension AllocationRunner {
    /// scenario-format §15.1: the objective the subsidy stage reaches without the `factors` rows (same settings, no
    /// tie rule), nil when that solve gives no plan. What the envelopes cost is the difference to the plan's.
    public func objectiveWithoutEnvelopes(parameters: SolverParameters) throws -> Double? {
        var free = scenario
        free.factors = []
        let compiled = Compiler(scenario: free, library: library, rules: rules).compile()
        let result = try solver.solve(compiled.model, parameters: parameters)
        switch AllocationStatus(result) {
        case .optimal, .feasible: return result.objective
        case .infeasible, .noSolution: return nil
        }
    }
}
