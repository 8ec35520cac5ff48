internal import GreenAllocCore
internal import MILP

/// The smallest scale of one fund's budget at which a model is feasible, by bisection on fixed-scale models.
///
/// Feasibility is monotone in the scale (the fund's budget rows have no lower side, and nothing else reads
/// the budget), so one question per step halves the bracket: at scale m, is the model (with `NamingGroupCuts`
/// at m) feasible? A plan found there is feasible down to the scale it actually uses (its largest use/budget
/// ratio), which becomes the upper end; a proof of infeasibility makes m the lower end. The bracket starts at
/// the LP relaxation of the minimum-scale model (a proved bound) and the plan found at `limit`. The search ends
/// when the lower end reaches `upper × (1 − tolerance)`: every bound it reports is proved, the upper end by a
/// plan checked against the model, the lower end by an infeasible solve or the relaxation.
///
/// On the bundled target-2025 (59 parks that can be named, 16 city groups) each fixed-scale question is
/// decided at the root: the LP is infeasible 0.2% below the minimum, and a plan comes within a few nodes above
/// it. Without the group rows GLPK found no plan at 0.2464 (minimum 0.24626) in 50 s, and minimizing the scale
/// as a column stopped at its 60 s limit with a 3% gap.
struct ScaleBisection {
    let scalable: ScalableModel
    let cuts: NamingGroupCuts
    let solver: any Solver
    /// Limits of the whole search: `timeLimit` bounds all its solves together.
    let parameters: SolverParameters
    let tolerance: Double

    struct Outcome {
        /// The smallest scale with a plan found, and that plan (one value per column of the compiled model).
        var found: (scale: Double, values: [Double])?
        /// Proved: no scale below it meets the model.
        var lower: Double
        /// True when even `limit` has no plan.
        var infeasible = false
        /// False when a solve stopped on the time limit without deciding.
        var exact = true
        var solves = 0
    }

    init(scalable: ScalableModel, solver: any Solver, parameters: SolverParameters, tolerance: Double) {
        self.scalable = scalable
        cuts = NamingGroupCuts(scalable)
        self.solver = solver
        self.parameters = parameters
        self.tolerance = tolerance
    }

    func search(upTo limit: Double) throws -> Outcome {
        let elapsed = stopwatch()
        var outcome = Outcome(found: nil, lower: 0)
        switch try relaxationBound(upTo: limit, outcome: &outcome) {
        case nil:
            outcome.infeasible = true
            return outcome
        case let bound?: outcome.lower = bound
        }
        var probe = limit
        while true {
            var stepParameters = parameters
            if let total = parameters.timeLimit {
                let left = total - elapsed()
                guard left > 0 else {
                    outcome.exact = false
                    break
                }
                stepParameters.timeLimit = left
            }
            outcome.solves += 1
            let model = cuts.adding(to: scalable.model(at: probe), at: probe)
            switch try solver.feasibility(of: model, parameters: stepParameters) {
            case .feasible(let point):
                let values = Array(point.prefix(scalable.compiled.model.columnCount))
                let used = Swift.min(probe, scalable.requiredScale(values))
                outcome.found = (used, values)
            case .infeasible:
                guard outcome.found != nil else {
                    outcome.infeasible = true
                    return outcome
                }
                outcome.lower = Swift.max(outcome.lower, probe)
            case .unknown:
                outcome.exact = false
            }
            guard outcome.exact, let upper = outcome.found?.scale, upper > 0,
                outcome.lower < upper * (1 - tolerance)
            else { break }
            let half = (outcome.lower + upper) / 2
            // Near the end, ask just below the tolerance: a plan already within it is then proved in one step.
            probe = upper - outcome.lower <= 2 * tolerance * upper ? upper * (1 - tolerance) : half
        }
        if let found = outcome.found { outcome.lower = Swift.min(outcome.lower, found.scale) }
        return outcome
    }

    /// The optimum of the minimum-scale model's LP relaxation (every column continuous): no scale below it
    /// meets the model. Nil when the relaxation is infeasible (no scale up to `limit` does); 0 when it is not
    /// solved to optimality.
    func relaxationBound(upTo limit: Double, outcome: inout Outcome) throws -> Double? {
        let (model, _) = scalable.minimumScaleModel(upTo: limit)
        var relaxed = Model(name: model.name, sense: model.sense)
        for (index, column) in model.columns.enumerated() {
            relaxed.addColumn(
                column.name, lower: column.lower, upper: column.upper, objective: model.objective[index], tag: column.tag)
        }
        for row in model.rows { relaxed.addRow(row.name, terms: row.terms, lower: row.lower, upper: row.upper, tag: row.tag) }
        var lpParameters = parameters
        lpParameters.start = nil
        outcome.solves += 1
        let answer = try solver.solve(relaxed, parameters: lpParameters)
        switch answer.termination {
        case .optimal: return Swift.max(0, answer.objective ?? 0)
        case .infeasible: return nil
        default: return 0
        }
    }
}
