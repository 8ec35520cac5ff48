internal import CGLPK
import MILP

/// State shared with GLPK's C callbacks during one solve, passed through `void *info`. Lives on the
/// solving thread only; nothing in it may throw.
final class GLPKSolveContext {
    var log = ""
    let forwardLog: (@Sendable (String) -> Void)?
    let deadline: ContinuousClock.Instant?
    let cancellation: CancellationFlag?
    /// 1-based starting point (slot 0 unused), already checked against the model.
    let start: [Double]?
    var offeredStart = false
    var acceptedStart = false
    var terminatedByDeadline = false
    var terminatedByCancellation = false
    var terminatedByNodeLimit = false
    /// The outside bound on the optimum, when given, and whether reaching it stopped the search.
    var outsideBound: OutsideObjectiveBound?
    var terminatedByBound = false
    let nodeLimit: Int?
    /// Best bound of the open nodes, last seen in the branch-and-bound tree.
    var treeBound: Double?
    /// The parameters' objective stops, when asked (see `GLPKObjectiveStop`).
    var objectiveStop: GLPKObjectiveStop?
    var terminatedByObjectiveStop = false
    /// The best bound of the open nodes when an objective stop ended the search (nil: no node was open).
    var boundAtObjectiveStop: Double?
    var offeredCutoff = false
    /// The objective GLPK computed for the cutoff point it accepted (see `GLPKObjectiveStop`).
    var cutoffObjective: Double?

    init(
        forwardLog: (@Sendable (String) -> Void)?, deadline: ContinuousClock.Instant?,
        cancellation: CancellationFlag?, nodeLimit: Int? = nil, start: [Double]?
    ) {
        self.nodeLimit = nodeLimit
        self.forwardLog = forwardLog
        self.deadline = deadline
        self.cancellation = cancellation
        self.start = start
    }
}

/// `glp_term_hook` callback: collects every line GLPK prints and keeps it off the terminal.
func glpkTerminalHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    guard let info, let text else { return 1 }
    let context = Unmanaged<GLPKSolveContext>.fromOpaque(info).takeUnretainedValue()
    let line = String(cString: text)
    context.log += line
    context.forwardLog?(line)
    return 1
}

/// `glp_intopt` callback: offers the start once at `GLP_IHEUR`, records the tree's best bound, and stops the
/// search when an objective stop applies, at the wall-clock deadline, when the cancellation flag is set, when the
/// incumbent reaches the outside objective bound, or at the node limit.
func glpkBranchAndCutCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let context = Unmanaged<GLPKSolveContext>.fromOpaque(info).takeUnretainedValue()
    let reason = glp_ios_reason(tree)
    if reason == GLP_IHEUR, !context.offeredStart, let start = context.start {
        context.offeredStart = true
        context.acceptedStart = start.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
    }
    if reason == GLP_ISELECT || reason == GLP_IBINGO || reason == GLP_IHEUR {
        let node = glp_ios_best_node(tree)
        if node != 0 { context.treeBound = glp_ios_node_bound(tree, node) }
    }
    if context.objectiveStopApplies(tree, reason: reason) {
        glp_ios_terminate(tree)
    } else if let deadline = context.deadline, ContinuousClock.now >= deadline {
        context.terminatedByDeadline = true
        glp_ios_terminate(tree)
    } else if context.cancellation?.isCancelled == true {
        context.terminatedByCancellation = true
        glp_ios_terminate(tree)
    } else if reason == GLP_ISELECT || reason == GLP_IBINGO, context.incumbentReachesBound(tree) {
        context.terminatedByBound = true
        glp_ios_terminate(tree)
    } else if let limit = context.nodeLimit, reason == GLP_ISELECT {
        var total: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &total)
        if Int(total) >= limit {
            context.terminatedByNodeLimit = true
            glp_ios_terminate(tree)
        }
    }
}
