internal import CGLPK
import MILP

/// The early stops asked by `SolverParameters.stopWhenIncumbentReaches` and `stopWhenBoundMisses`, checked in
/// the branch-and-cut callback: they answer "does a plan reach this objective?" without proving the optimum.
///
/// GLPK prunes a node whose bound is within `tol_obj` (relative) of the incumbent; such solves lower it from
/// 1e-7 to `objectiveTolerance`, so that an incumbent just short of the target cannot prune a plan that
/// reaches it (1e-7 of a 3.7 million objective is 0.37, worth more than 0.1% of a small budget raise).
/// With `stopWhenBoundMisses`, branches that cannot reach the target are pruned at once: at the first
/// `GLP_IHEUR` (after the start) GLPK is handed a cutoff point, a vector whose objective lies just short of
/// the target (2 × `objectiveTolerance`, relative), as if it were a plan —
/// `glp_ios_heur_sol` checks integrality only, not rows or bounds. GLPK then keeps only plans better than it
/// and prunes every node whose bound is not; if the cutoff point is still the incumbent at the end, it is
/// taken out of the result (`withoutCutoffPoint`). The MIP presolver stays off for such solves.
struct GLPKObjectiveStop {
    /// GLPK's `tol_obj` in solves with an objective stop.
    static let objectiveTolerance = 1e-9
    let maximize: Bool
    /// Stop once the incumbent is at least this good.
    let incumbentTarget: Double?
    /// Stop once the best bound of the open nodes is worse than this.
    let boundTarget: Double?
    /// 1-based; nil when no continuous column carries the objective (the bound stop then works without it).
    let cutoffPoint: [Double]?

    init?(_ parameters: SolverParameters, model: Model) {
        guard parameters.stopWhenIncumbentReaches != nil || parameters.stopWhenBoundMisses != nil else { return nil }
        let maximize = model.sense == .maximize
        self.maximize = maximize
        incumbentTarget = parameters.stopWhenIncumbentReaches
        boundTarget = parameters.stopWhenBoundMisses
        cutoffPoint = parameters.stopWhenBoundMisses.flatMap { Self.cutoffPoint(model, target: $0, maximize: maximize) }
    }

    /// Zero everywhere but in the continuous column with the largest objective coefficient, set so that the
    /// objective is just short of `target`.
    private static func cutoffPoint(_ model: Model, target: Double, maximize: Bool) -> [Double]? {
        let candidates = model.columns.indices.filter { !model.columns[$0].isInteger && model.objective[$0] != 0 }
        guard target.isFinite,
            let column = candidates.max(by: { abs(model.objective[$0]) < abs(model.objective[$1]) })
        else { return nil }
        let margin = 2 * objectiveTolerance * (1 + abs(target))
        let value = maximize ? target - margin : target + margin
        var point = Array(repeating: 0.0, count: model.columnCount + 1)
        point[column + 1] = (value - model.objectiveConstant) / model.objective[column]
        return point.allSatisfy(\.isFinite) ? point : nil
    }

    /// Whether the search may stop now, with the best bound of the open nodes (nil when none is open).
    func check(_ tree: OpaquePointer, cutoffObjective: Double?) -> (stop: Bool, bound: Double?) {
        var bound: Double?
        let node = glp_ios_best_node(tree)
        if node != 0 { bound = glp_ios_node_bound(tree, node) }
        if let target = incumbentTarget, let incumbent = Self.incumbentObjective(tree) {
            if incumbent != cutoffObjective, maximize ? incumbent >= target : incumbent <= target { return (true, bound) }
        }
        if let target = boundTarget, let bound, maximize ? bound < target : bound > target { return (true, bound) }
        return (false, bound)
    }
}

extension GLPKSolveContext {
    /// Called from the branch-and-cut callback: hands GLPK the cutoff point at the first `GLP_IHEUR` (unless the
    /// incumbent is already better), and returns true when an objective stop applies (the search must end).
    func objectiveStopApplies(_ tree: OpaquePointer, reason: Int32) -> Bool {
        guard let objectiveStop else { return false }
        if reason == GLP_IHEUR, !offeredCutoff, let point = objectiveStop.cutoffPoint, let problem = glp_ios_get_prob(tree) {
            offeredCutoff = true
            if point.withUnsafeBufferPointer({ glp_ios_heur_sol(tree, $0.baseAddress) }) == 0 {
                cutoffObjective = glp_mip_obj_val(problem)
            }
        }
        let (stop, bound) = objectiveStop.check(tree, cutoffObjective: cutoffObjective)
        guard stop else { return false }
        terminatedByObjectiveStop = true
        boundAtObjectiveStop = bound
        return true
    }

    /// `result` with the cutoff point taken out when it is still the incumbent: the start instead (or no plan)
    /// and, when the search ended, termination `.gapLimit` with the bound the pruning proved.
    func withoutCutoffPoint(_ result: SolverResult, model: Model) -> SolverResult {
        guard let cutoff = cutoffObjective, let objectiveStop, result.hasSolution, result.objective == cutoff else {
            return result
        }
        var result = result
        if result.termination == .optimal || result.termination == .gapLimit {
            result.termination = .gapLimit
            let slack = GLPKObjectiveStop.objectiveTolerance * (1 + abs(cutoff))
            let pruned = objectiveStop.maximize ? cutoff + slack : cutoff - slack
            result.bestBound = boundAtObjectiveStop.map { objectiveStop.maximize ? Swift.max($0, pruned) : Swift.min($0, pruned) } ?? pruned
        }
        if let start {
            result.values = Array(start.dropFirst())
            result.objective = model.objectiveValue(result.values)
        } else {
            result.values = []
            result.objective = nil
            result.primal = .noSolution
        }
        result.gap = nil
        if let objective = result.objective, let bound = result.bestBound {
            result.gap = abs(objective - bound) / Swift.max(1e-10, abs(objective))
        }
        return result
    }
}

extension GLPKObjectiveStop {
    /// The objective of the search's incumbent, nil while it has none (both early stops read it in the callback).
    static func incumbentObjective(_ tree: OpaquePointer) -> Double? {
        guard let problem = glp_ios_get_prob(tree), glp_mip_status(problem) == GLP_FEAS else { return nil }
        return glp_mip_obj_val(problem)
    }
}
