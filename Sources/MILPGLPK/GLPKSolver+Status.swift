public import MILP

extension GLPKSolver {
    /// What `glp_intopt` returned, in Swift terms (so the status table is testable without GLPK).
    public enum IntoptReturn: Sendable, Equatable {
        case success
        case mipGap
        case timeLimit
        case stopped
        case noPrimalFeasible
        case noDualFeasible
        case badBound
        case rootNotOptimal
        case failure
        case other(Int32)
    }

    /// What `glp_mip_status` (or `glp_get_status` for the LP relaxation) reported.
    public enum SolutionStatus: Sendable, Equatable {
        case optimal
        case feasible
        case infeasible
        case noFeasible
        case unbounded
        case undefined
    }

    /// The one status table: (`glp_intopt` result, `glp_mip_status`) → (termination, primal status).
    ///
    /// | `glp_intopt` | `glp_mip_status` | result |
    /// |---|---|---|
    /// | 0 | OPT | optimal, point |
    /// | EMIPGAP / ETMLIM / ESTOP | FEAS | gapLimit / timeLimit / interrupted, point |
    /// | ETMLIM / ESTOP | other | timeLimit / interrupted, no point |
    /// | ENOPFS (any), 0 | NOFEAS | infeasible |
    /// | ENODFS | any | unbounded when the LP relaxation is unbounded and nothing is integer, else infeasibleOrUnbounded |
    /// | EBOUND / EROOT | any | otherError (validation should make them unreachable) |
    /// | EFAIL | any | numericalError |
    ///
    /// A "feasible" status never becomes "optimal": 0 with FEAS (not seen in practice) is an otherError that
    /// keeps its point.
    public static func statuses(
        intopt: IntoptReturn, mipStatus: SolutionStatus, relaxationStatus: SolutionStatus? = nil,
        hasIntegerColumns: Bool = true
    ) -> (TerminationStatus, PrimalStatus) {
        let point: PrimalStatus = mipStatus == .feasible || mipStatus == .optimal ? .feasiblePoint : .noSolution
        switch intopt {
        case .success:
            switch mipStatus {
            case .optimal: return (.optimal, .feasiblePoint)
            case .noFeasible, .infeasible: return (.infeasible, .noSolution)
            case .feasible: return (.otherError, .feasiblePoint)
            case .unbounded, .undefined: return (.otherError, .noSolution)
            }
        case .mipGap: return point == .feasiblePoint ? (.gapLimit, .feasiblePoint) : (.otherError, .noSolution)
        case .timeLimit: return (.timeLimit, mipStatus == .feasible ? .feasiblePoint : .noSolution)
        case .stopped: return (.interrupted, mipStatus == .feasible ? .feasiblePoint : .noSolution)
        case .noPrimalFeasible: return (.infeasible, .noSolution)
        case .noDualFeasible:
            if relaxationStatus == .unbounded, !hasIntegerColumns { return (.unbounded, .noSolution) }
            return (.infeasibleOrUnbounded, .noSolution)
        case .badBound, .rootNotOptimal, .other: return (.otherError, .noSolution)
        case .failure: return (.numericalError, .noSolution)
        }
    }
}
