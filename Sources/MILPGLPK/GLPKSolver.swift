internal import CGLPK
public import MILP

/// Solves `Model`s with GLPK's branch-and-cut (`glp_intopt`). The only code in greenalloc that calls `glp_*`.
///
/// Each `solve` validates the model first (GLPK aborts the process on some bad input), then creates, loads,
/// solves, reads and deletes its problem on the calling thread in one synchronous call, and finally frees the
/// thread's GLPK environment (`glp_free_env`, ≈0.1 ms), so worker threads may exit without leaking.
///
/// Settings:
/// - cold solves use the MIP presolver (`presolve` parameter, default on); a start, relaxation duals or
///   presolve off run `glp_simplex` (presolve off) first; from `rootRelaxationFirstThreshold` integer
///   columns the relaxation is solved first by the dual simplex with the LP presolver, within the limit;
/// - cuts: MIR (unless `parameters.roundingCuts` is false) and Gomory mixed-integer cuts (unless
///   `parameters.gomoryCuts` is false) on, clique cuts on;
///   cover cuts only when `parameters.concurrent` is false (they race between threads inside GLPK);
/// - branching: GLPK's default (Driebeck–Tomlin), or pseudocosts when `parameters.pseudocostBranching` is true;
/// - `mip_gap` = `relativeGap`; `tm_lim` = `timeLimit`, and the same limit is enforced on the wall clock in
///   the branch-and-cut callback with `glp_ios_terminate` (GLPK checks `tm_lim` only between nodes); the
///   callback also stops the search when `parameters.cancellation` is set (termination `.interrupted`) and
///   once `parameters.nodeLimit` nodes exist (`.nodeLimit`, a stop that is the same on every run), and once
///   the incumbent reaches `parameters.objectiveBound` (`.optimal` when equal to it, else `.gapLimit`).
///   Neither reaches into a running LP: `WatchdogSolver` bounds the wall clock of a long root LP;
/// - GLPK's messages are off unless `log` is set; everything GLPK prints is captured into `SolverResult.log`
///   (and forwarded to `logHandler` when `log` is set), never written to the terminal.
public struct GLPKSolver: Solver {
    /// Integer columns from which this solver solves the relaxation first (default
    /// `rootRelaxationFirstThreshold`; tests lower it to cross-check that path on small models).
    public var rootRelaxationFirstFrom: Int

    public init(rootRelaxationFirstFrom: Int = GLPKSolver.rootRelaxationFirstThreshold) {
        self.rootRelaxationFirstFrom = rootRelaxationFirstFrom
    }

    public var name: String { "GLPK" }
    public var version: String { Self.glpkVersion }

    /// The linked GLPK library's version, e.g. "5.0".
    /// Integer columns from which the feasibility-pump heuristic is switched on.
    public static let feasibilityPumpThreshold = 5_000

    /// Integer columns from which a solve first solves the LP relaxation itself (dual simplex with the LP
    /// presolver, within the time limit) and then branches from that basis without the MIP presolver.
    /// glp_intopt's own root LP (primal simplex after the MIP presolver) ignores the time limit and was
    /// slower on the generated provinces: 50,000 projects 124 s against 171 s to a 0.1% gap, 10,000
    /// projects 3.7–4.1 s against 4.5 s (same objective or better).
    public static let rootRelaxationFirstThreshold = 5_000

    public static var glpkVersion: String { String(cString: glp_version()) }

    /// Throws unless the linked GLPK is at least `minimum` (default 4.65, the oldest release whose API and
    /// statuses this backend relies on).
    public static func requireVersion(atLeast minimum: (major: Int, minor: Int) = (4, 65)) throws(SolverError) {
        guard version(glpkVersion, isAtLeast: minimum) else {
            throw SolverError("GLPK \(glpkVersion) is too old; greenalloc needs \(minimum.major).\(minimum.minor) or later")
        }
    }

    /// Whether a version text ("5.0", "4.65") is at least `minimum`, major then minor compared as numbers; a text
    /// without a leading number is not.
    static func version(_ text: String, isAtLeast minimum: (major: Int, minor: Int)) -> Bool {
        let parts = text.split(separator: ".").map { Int($0) }
        guard let first = parts.first, let major = first else { return false }
        let minor = parts.count > 1 ? (parts[1] ?? 0) : 0
        return (major, minor) >= (minimum.major, minimum.minor)
    }

    public func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
        if let start = parameters.start {
            try model.validate(start: start)
        } else {
            try model.validate()
        }
        let clock = ContinuousClock()
        let began = clock.now
        var result = Self.solveValidated(model, parameters: parameters, began: began, rootFirstFrom: rootRelaxationFirstFrom)
        glp_free_env()
        let elapsed = clock.now - began
        result.seconds = elapsed.inSeconds
        return result
    }

    /// Everything between validation and `glp_free_env`; the problem is deleted before it returns.
    private static func solveValidated(
        _ model: Model, parameters: SolverParameters, began: ContinuousClock.Instant, rootFirstFrom: Int
    ) -> SolverResult {
        let deadline = parameters.timeLimit.map { began + .milliseconds(Int64(max(0, $0) * 1000)) }
        let context = GLPKSolveContext(
            forwardLog: parameters.log ? parameters.logHandler : nil, deadline: deadline,
            cancellation: parameters.cancellation, nodeLimit: parameters.nodeLimit, start: checkedStart(model, parameters.start))
        context.objectiveStop = GLPKObjectiveStop(parameters, model: model)
        context.outsideBound = parameters.objectiveBound.map {
            OutsideObjectiveBound(bound: $0, maximize: model.sense == .maximize, relativeGap: parameters.relativeGap)
        }
        return withExtendedLifetime(context) {
            let info = Unmanaged.passUnretained(context).toOpaque()
            glp_term_hook(glpkTerminalHook, info)
            defer { glp_term_hook(nil, nil) }
            let problem = GLPKProblem()
            problem.load(model)
            var result = run(problem, model, parameters, context, info, rootFirstFrom: rootFirstFrom)
            result.log = context.log
            result.usedStart = context.acceptedStart
            return result
        }
    }

    /// The start as GLPK wants it (1-based, integers rounded exactly), or nil when absent or infeasible.
    private static func checkedStart(_ model: Model, _ start: [Double]?) -> [Double]? {
        guard let start, model.verify(start).isEmpty else { return nil }
        let rounded = zip(model.columns, start).map { $0.isInteger ? $1.rounded() : $1 }
        return [0] + rounded
    }

    private static func run(
        _ problem: borrowing GLPKProblem, _ model: Model, _ parameters: SolverParameters,
        _ context: GLPKSolveContext, _ info: UnsafeMutableRawPointer, rootFirstFrom: Int
    ) -> SolverResult {
        let pointer = problem.pointer
        let messageLevel = parameters.log ? GLP_MSG_ON : GLP_MSG_OFF
        let integerColumns = model.columns.reduce(0) { $0 + ($1.isInteger ? 1 : 0) }
        let rootFirst = integerColumns >= rootFirstFrom
        let usePresolve = (parameters.presolve ?? true) && context.start == nil && !rootFirst
            && context.objectiveStop?.cutoffPoint == nil
        var relaxation: Relaxation?
        if !usePresolve || parameters.wantRelaxationDuals {
            switch solveRelaxation(pointer, model, parameters, context, messageLevel: messageLevel, rootFirst: rootFirst) {
            case .solved(let solved): relaxation = solved
            case .finished(let result): return result
            }
        }
        var control = branchAndCutControl(
            parameters, context, info, messageLevel: messageLevel, usePresolve: usePresolve, integerColumns: integerColumns)
        var code = glp_intopt(pointer, &control)
        if code == GLP_ESTOP, context.terminatedByDeadline { code = GLP_ETMLIM }
        let mipStatus = solutionStatus(glp_mip_status(pointer))
        if code == GLP_ENODFS, relaxation == nil,
            let result = unboundedOrInfeasibleAfterPresolve(pointer, model, context, messageLevel: messageLevel)
        {
            return result
        }
        let result = mipResult(pointer, model, context, code: code, mipStatus: mipStatus, relaxation: relaxation)
        return context.withoutCutoffPoint(result, model: model)
    }

    private typealias Relaxation = (objective: Double, rowDuals: [Double]?, reducedCosts: [Double]?)

    private enum RelaxationOutcome {
        case solved(Relaxation)
        /// The relaxation ends the solve: infeasible, unbounded, out of time or numerical trouble.
        case finished(SolverResult)
    }

    /// The LP relaxation, solved before the branch and cut when the MIP presolver is off or its duals are wanted.
    private static func solveRelaxation(
        _ pointer: OpaquePointer, _ model: Model, _ parameters: SolverParameters, _ context: GLPKSolveContext,
        messageLevel: Int32, rootFirst: Bool
    ) -> RelaxationOutcome {
        var (code, status) = simplex(
            pointer, messageLevel: messageLevel, deadline: context.deadline,
            dualWithPresolve: rootFirst && !parameters.wantRelaxationDuals)
        if code == GLP_ENOPFS { (code, status) = (0, .noFeasible) }
        if code == GLP_ENODFS {
            // The LP presolver saw dual infeasibility: without it, the simplex tells unbounded from infeasible.
            (code, status) = simplex(pointer, messageLevel: messageLevel, deadline: context.deadline)
        }
        if code == GLP_ETMLIM { return .finished(SolverResult(termination: .timeLimit, primal: .noSolution)) }
        guard code == 0 else { return .finished(SolverResult(termination: .numericalError, primal: .noSolution)) }
        switch status {
        case .optimal:
            var relaxation: Relaxation = (glp_get_obj_val(pointer), nil, nil)
            if parameters.wantRelaxationDuals {
                relaxation.rowDuals = (0..<model.rowCount).map {
                    glp_get_row_dual(pointer, GLPKProblem.glpkIndex($0))
                }
                relaxation.reducedCosts = (0..<model.columnCount).map {
                    glp_get_col_dual(pointer, GLPKProblem.glpkIndex($0))
                }
            }
            return .solved(relaxation)
        case .noFeasible, .infeasible:
            return .finished(SolverResult(termination: .infeasible, primal: .noSolution))
        case .unbounded:
            guard model.columns.contains(where: \.isInteger) else {
                return .finished(SolverResult(termination: .unbounded, primal: .noSolution))
            }
            return .finished(
                SolverResult(
                    termination: unboundedOrInfeasible(pointer, model, deadline: context.deadline),
                    primal: .noSolution))
        case .feasible, .undefined:
            return .finished(SolverResult(termination: .numericalError, primal: .noSolution))
        }
    }

    /// The branch and cut's settings: presolve, gap, cuts, the feasibility pump, the time limit and our callback.
    private static func branchAndCutControl(
        _ parameters: SolverParameters, _ context: GLPKSolveContext, _ info: UnsafeMutableRawPointer,
        messageLevel: Int32, usePresolve: Bool, integerColumns: Int
    ) -> glp_iocp {
        var control = glp_iocp()
        glp_init_iocp(&control)
        control.msg_lev = messageLevel
        control.presolve = usePresolve ? GLP_ON : GLP_OFF
        control.mip_gap = parameters.relativeGap
        control.mir_cuts = parameters.roundingCuts == false ? GLP_OFF : GLP_ON
        control.gmi_cuts = parameters.gomoryCuts == false ? GLP_OFF : GLP_ON
        control.clq_cuts = GLP_ON
        control.cov_cuts = parameters.concurrent ? GLP_OFF : GLP_ON
        if parameters.pseudocostBranching == true { control.br_tech = GLP_BR_PCH }
        // The feasibility pump finds a first plan on large models (50,000 projects: within 0.1% of the bound
        // right after the root, where the default search found none in 60 s); small models do not need it.
        control.fp_heur = integerColumns >= Self.feasibilityPumpThreshold ? GLP_ON : GLP_OFF
        if context.objectiveStop != nil { control.tol_obj = GLPKObjectiveStop.objectiveTolerance }
        if let limit = milliseconds(until: context.deadline) { control.tm_lim = limit }
        control.cb_func = glpkBranchAndCutCallback
        control.cb_info = info
        return control
    }

    /// The presolver found the relaxation dual infeasible: learn whether it is unbounded (nil: the simplex
    /// could not tell, and the branch and cut's own answer stands).
    private static func unboundedOrInfeasibleAfterPresolve(
        _ pointer: OpaquePointer, _ model: Model, _ context: GLPKSolveContext, messageLevel: Int32
    ) -> SolverResult? {
        let (simplexCode, lpStatus) = simplex(pointer, messageLevel: messageLevel, deadline: context.deadline)
        if simplexCode == 0, lpStatus == .noFeasible || lpStatus == .infeasible {
            return SolverResult(termination: .infeasible, primal: .noSolution)
        }
        if simplexCode == 0, lpStatus == .unbounded {
            let termination = model.columns.contains(where: \.isInteger)
                ? unboundedOrInfeasible(pointer, model, deadline: context.deadline) : .unbounded
            return SolverResult(termination: termination, primal: .noSolution)
        }
        return nil
    }

    /// The branch and cut's answer (`mipStatus` read right after it): statuses, the point, its objective, the bound and the gap.
    private static func mipResult(
        _ pointer: OpaquePointer, _ model: Model, _ context: GLPKSolveContext, code: Int32, mipStatus: SolutionStatus,
        relaxation: Relaxation?
    ) -> SolverResult {
        var (termination, primal) = statuses(
            intopt: intoptReturn(code), mipStatus: mipStatus, relaxationStatus: nil,
            hasIntegerColumns: model.columns.contains(where: \.isInteger))
        if code == GLP_ESTOP, context.terminatedByNodeLimit { termination = .nodeLimit }
        if code == GLP_ESTOP, context.terminatedByObjectiveStop { termination = .gapLimit }
        let stoppedAtBound = code == GLP_ESTOP && context.terminatedByBound && primal == .feasiblePoint
        if stoppedAtBound { termination = context.terminationAtBound(objective: glp_mip_obj_val(pointer)) }
        var result = SolverResult(termination: termination, primal: primal)
        result.relaxationObjective = relaxation?.objective
        result.rowDuals = relaxation?.rowDuals
        result.reducedCosts = relaxation?.reducedCosts
        if context.terminatedByObjectiveStop { result.bestBound = context.boundAtObjectiveStop }
        guard primal == .feasiblePoint else { return result }
        result.values = (0..<model.columnCount).map { glp_mip_col_val(pointer, GLPKProblem.glpkIndex($0)) }
        let objective = glp_mip_obj_val(pointer)
        result.objective = objective
        if stoppedAtBound, let stop = context.outsideBound {
            result.bestBound = termination == .optimal ? objective : stop.bound
        } else if termination == .optimal {
            result.bestBound = objective
        } else if context.terminatedByObjectiveStop {
            result.bestBound = context.boundAtObjectiveStop ?? objective
        } else if let bound = context.treeBound ?? relaxation?.objective {
            result.bestBound = bound
        }
        if let bound = result.bestBound {
            result.gap = abs(objective - bound) / max(1e-10, abs(objective))
        }
        return result
    }

    /// With an unbounded LP relaxation, an integer program with rational data is unbounded exactly when it
    /// is feasible: find out by solving it with a zero objective.
    private static func unboundedOrInfeasible(
        _ pointer: OpaquePointer, _ model: Model, deadline: ContinuousClock.Instant?
    ) -> TerminationStatus {
        for index in 0...model.columnCount { glp_set_obj_coef(pointer, Int32(index), 0) }
        var control = glp_iocp()
        glp_init_iocp(&control)
        control.msg_lev = GLP_MSG_OFF
        control.presolve = GLP_ON
        if let limit = milliseconds(until: deadline) { control.tm_lim = limit }
        let code = glp_intopt(pointer, &control)
        switch (code, solutionStatus(glp_mip_status(pointer))) {
        case (0, .optimal), (_, .feasible): return .unbounded
        case (0, .noFeasible), (GLP_ENOPFS, _): return .infeasible
        default: return .infeasibleOrUnbounded
        }
    }

    private static func simplex(
        _ pointer: OpaquePointer, messageLevel: Int32, deadline: ContinuousClock.Instant?, dualWithPresolve: Bool = false
    ) -> (Int32, SolutionStatus) {
        var control = glp_smcp()
        glp_init_smcp(&control)
        control.msg_lev = messageLevel
        control.presolve = dualWithPresolve ? GLP_ON : GLP_OFF
        if dualWithPresolve { control.meth = GLP_DUALP }
        if let limit = milliseconds(until: deadline) { control.tm_lim = limit }
        let code = glp_simplex(pointer, &control)
        return (code, solutionStatus(glp_get_status(pointer)))
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32? {
        guard let deadline else { return nil }
        let remaining = deadline - ContinuousClock.now
        let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(1, milliseconds))
    }

    static func intoptReturn(_ code: Int32) -> IntoptReturn {
        switch code {
        case 0: .success
        case GLP_EMIPGAP: .mipGap
        case GLP_ETMLIM: .timeLimit
        case GLP_ESTOP: .stopped
        case GLP_ENOPFS: .noPrimalFeasible
        case GLP_ENODFS: .noDualFeasible
        case GLP_EBOUND: .badBound
        case GLP_EROOT: .rootNotOptimal
        case GLP_EFAIL: .failure
        default: .other(code)
        }
    }

    static func solutionStatus(_ status: Int32) -> SolutionStatus {
        switch status {
        case GLP_OPT: .optimal
        case GLP_FEAS: .feasible
        case GLP_INFEAS: .infeasible
        case GLP_NOFEAS: .noFeasible
        case GLP_UNBND: .unbounded
        default: .undefined
        }
    }
}
