internal import CGLPK
import MILP

/// A bound on the optimum known from outside the model (`SolverParameters.objectiveBound`): the search may
/// stop once its incumbent reaches it.
struct OutsideObjectiveBound {
    var bound: Double
    var maximize: Bool
    var relativeGap: Double

    /// How far the incumbent may stay from the bound: the requested gap, and at least float noise.
    func slack(_ incumbent: Double) -> Double {
        Swift.max(relativeGap * Swift.max(1e-10, abs(incumbent)), Self.noise(bound))
    }

    /// 1e-9 relative: what counts as equal to the bound (then the incumbent is optimal, not just within the gap).
    static func noise(_ bound: Double) -> Double { 1e-9 * Swift.max(1, abs(bound)) }

    /// How far the incumbent is below (maximize) or above (minimize) the bound; ≤ 0 when it reached it.
    func distance(_ incumbent: Double) -> Double { maximize ? bound - incumbent : incumbent - bound }
}

extension GLPKSolveContext {
    /// True when the search has an incumbent within the slack of the outside bound (nothing better exists).
    func incumbentReachesBound(_ tree: OpaquePointer) -> Bool {
        guard let stop = outsideBound, let incumbent = GLPKObjectiveStop.incumbentObjective(tree) else { return false }
        return stop.distance(incumbent) <= stop.slack(incumbent)
    }

    /// The termination of a search this bound stopped: optimal when the incumbent equals the bound, else gap-limited.
    func terminationAtBound(objective: Double) -> TerminationStatus {
        guard let stop = outsideBound else { return .gapLimit }
        return stop.distance(objective) <= OutsideObjectiveBound.noise(stop.bound) ? .optimal : .gapLimit
    }
}
