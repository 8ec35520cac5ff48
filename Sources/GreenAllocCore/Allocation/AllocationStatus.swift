/// How a run ended (SPEC §7 `status`).
public enum AllocationStatus: String, Sendable, Hashable {
    case optimal, feasible, infeasible
    case noSolution = "no_solution"
}
