/// What a solve means for the plan it was asked for: the one reading of (termination, primal status).
public enum SolveOutcome: String, Sendable, Equatable {
    /// A point, proved optimal (within the requested gap).
    case optimal
    /// A point, not proved optimal (a time, gap or node limit, an interruption).
    case feasible
    /// Proved infeasible, or infeasible-or-unbounded without a point.
    case infeasible
    /// No point and no proof (a limit reached first, a numerical failure).
    case noSolution = "no_solution"
}

extension SolverResult {
    /// The outcome: `infeasible` when the solver proved it (or could not tell infeasible from unbounded and
    /// returned no point), `noSolution` for any other stop without a point, and with a point `optimal` only
    /// for an `.optimal` termination (a feasible point is never reported as optimal).
    public var outcome: SolveOutcome {
        switch (termination, primal) {
        case (.infeasible, _), (.infeasibleOrUnbounded, .noSolution): .infeasible
        case (_, .noSolution): .noSolution
        default: termination == .optimal ? .optimal : .feasible
        }
    }
}
