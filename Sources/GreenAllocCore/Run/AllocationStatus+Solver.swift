public import MILP

extension AllocationStatus {
    /// The status of a plan from the solve that made it (`SolverResult.outcome`, the one reading of a result).
    public init(_ result: SolverResult) {
        switch result.outcome {
        case .optimal: self = .optimal
        case .feasible: self = .feasible
        case .infeasible: self = .infeasible
        case .noSolution: self = .noSolution
        }
    }
}
