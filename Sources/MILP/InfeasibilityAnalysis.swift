/// Why a model is infeasible, in terms of the constraint groups (rules) of the layer above: which groups
/// cannot hold together (`deletionFilter`) and how little each must give to restore feasibility
/// (`elasticRelaxation`). Solver-neutral: every question is a feasibility solve through `solver`.
///
/// `model` has every group in force; rows and bounds outside every group are facts that always hold. Every
/// answer is checked: a subsystem is returned only after a solve proved exactly its groups (with the facts)
/// infeasible, and it is called minimal only when, for each of its groups, a point satisfying the rest was
/// found and checked by `Model.verify`.
public struct InfeasibilityAnalysis: Sendable {
    public let model: Model
    public let groups: [ConstraintGroup]
    public let solver: any Solver
    /// Settings of every solve; the time limit is replaced by what remains of the call's time limit (never
    /// less than `minimumSolveSeconds`).
    public var parameters: SolverParameters
    public var minimumSolveSeconds = 0.5

    public init(model: Model, groups: [ConstraintGroup], solver: any Solver, parameters: SolverParameters = SolverParameters()) {
        self.model = model
        self.groups = groups
        self.solver = solver
        self.parameters = parameters
    }

    /// Whether the facts and exactly the groups in `kept` hold together.
    public func feasibility(keeping kept: Set<Int>, timeLimit: Double) throws -> Feasibility {
        var parameters = parameters
        parameters.timeLimit = Swift.max(minimumSolveSeconds, timeLimit)
        return try solver.feasibility(of: model.keeping(kept, of: groups), parameters: parameters)
    }
}
