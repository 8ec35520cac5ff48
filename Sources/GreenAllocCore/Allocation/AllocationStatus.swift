/// How a run ended (scenario-format §13 `status`).
public enum AllocationStatus: String, Sendable, Hashable, Codable {
    case optimal, feasible, infeasible
    case noSolution = "no_solution"
}
