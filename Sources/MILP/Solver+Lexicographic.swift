/// One step of a lexicographic solve: the objective optimized next, once the objective before it is kept near
/// its optimum by a row named `rowName`.
public struct ObjectiveStep: Sendable {
    public var rowName: String
    /// One coefficient per column.
    public var objective: [Double]
    public var sense: Model.Sense

    public init(keeping rowName: String, then objective: [Double], sense: Model.Sense) {
        self.rowName = rowName
        self.objective = objective
        self.sense = sense
    }
}

/// What a lexicographic solve found.
public struct LexicographicOutcome: Sendable {
    /// The point of the last accepted step (the starting point when no step was accepted).
    public var values: [Double]
    /// The result of each solve made, in step order (fewer than the steps when one ended the sequence).
    public var results: [SolverResult]
    /// The result whose point `values` is; nil when no step was accepted.
    public var accepted: SolverResult?

    public var solves: Int { results.count }
}

extension Solver {
    /// Optimizes objectives one after another: each step keeps the current objective within
    /// `tolerance × max(1, |optimum|)` of its value at the current point (`Model.keepingObjective`, on the
    /// side of the current sense), replaces the objective by the step's, and solves from the current point.
    ///
    /// `values` is an optimal point of `model`'s own objective; `optimum` is that objective's value when it is
    /// already known (as the solver reported it), else it is computed from `values`. A step's point is taken
    /// when it has a solution that `accept` approves (by default: it satisfies `model` within 1e-6); the
    /// sequence ends at the first step that is not taken or not proved optimal. Each step's row stays in the
    /// models of the steps after it.
    public func solveLexicographically(
        _ model: Model, from values: [Double], optimum: Double? = nil, steps: [ObjectiveStep],
        tolerance: Double = 1e-7, parameters: SolverParameters, accept: ((SolverResult) -> Bool)? = nil
    ) throws -> LexicographicOutcome {
        var outcome = LexicographicOutcome(values: values, results: [], accepted: nil)
        var current = model
        var parameters = parameters
        for (position, step) in steps.enumerated() {
            let known = position == 0 ? optimum : nil
            let value = known ?? current.objectiveValue(outcome.values)
            current = current.keepingObjective(
                current.objectiveTerms, at: value, within: tolerance, sense: current.sense, rowName: step.rowName)
            current.replaceObjective(step.objective, sense: step.sense)
            parameters.start = outcome.values
            let result = try solve(current, parameters: parameters)
            outcome.results.append(result)
            guard result.hasSolution, accept?(result) ?? model.verify(result.values, tolerance: 1e-6).isEmpty else { break }
            outcome.values = result.values
            outcome.accepted = result
            if result.termination != .optimal { break }
        }
        return outcome
    }
}
