/// Anything that solves a `Model`. Libraries take `any Solver`; only the executable picks GLPK.
public protocol Solver: Sendable {
    var name: String { get }
    var version: String { get }
    /// Solves synchronously on the calling thread. Throws `ModelError` for a model that fails validation
    /// (it never reaches the solver) and `SolverError` for a failure inside the solver.
    func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult
}

public struct SolverParameters: Sendable, Equatable {
    /// Wall-clock limit in seconds; nil = none.
    public var timeLimit: Double?
    /// Relative MIP gap at which to stop; 0 = prove optimality.
    public var relativeGap: Double
    /// Forward the solver's own log to `logHandler`.
    public var log: Bool
    /// A candidate starting point (one value per column). It is checked against the model before use and
    /// silently ignored when infeasible.
    public var start: [Double]?
    /// Solver-specific presolve switch; nil = the backend's default.
    public var presolve: Bool?
    /// True when other solves may run in the same process (the GLPK backend then keeps cover cuts off).
    public var concurrent: Bool
    /// Also return LP-relaxation duals and reduced costs.
    public var wantRelaxationDuals: Bool
    /// Where solver log lines go when `log` is true.
    public var logHandler: (@Sendable (String) -> Void)?
    /// Polled during the search; once set, the solver stops at its next chance and reports `.interrupted`.
    public var cancellation: CancellationFlag?
    /// Solver-specific switch for mixed-integer rounding cuts; nil = the backend's default.
    public var roundingCuts: Bool? = nil
    /// Stop once the search has created this many branch-and-bound nodes (termination `.nodeLimit`). Unlike
    /// a time limit, this stop gives the same answer on every run.
    public var nodeLimit: Int? = nil
    /// Stop as soon as a plan at least this good is known (objective ≥ it when maximizing, ≤ when minimizing):
    /// the question "does a plan reach this objective?" is then answered yes. Termination `.gapLimit`, with
    /// that plan. Backends that cannot stop early may ignore it and prove the optimum.
    public var stopWhenIncumbentReaches: Double? = nil
    /// Stop as soon as the best bound proves that no plan reaches this objective (bound < it when maximizing,
    /// > when minimizing). Termination `.gapLimit` with `bestBound` set (and the best plan found, if any).
    /// Backends that cannot stop early may ignore it and prove the optimum.
    public var stopWhenBoundMisses: Double? = nil
    /// A bound on the optimum known from outside the model (an upper bound when maximizing, a lower bound when
    /// minimizing; e.g. a budget sweep's larger-budget neighbour). Once the incumbent is within `relativeGap`
    /// of it (and 1e-9 relative), nothing better exists: the solver stops and reports `.optimal` with this bound.
    /// Solvers that cannot stop early ignore it (their answer is then proved anyway).
    public var objectiveBound: Double? = nil
    /// Solver-specific switch for pseudocost branching (true) instead of the backend's default branching rule; nil = the default.
    public var pseudocostBranching: Bool? = nil
    /// Solver-specific switch for Gomory mixed-integer cuts; nil = the backend's default.
    public var gomoryCuts: Bool? = nil

    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, log: Bool = false, start: [Double]? = nil,
        presolve: Bool? = nil, concurrent: Bool = true, wantRelaxationDuals: Bool = false,
        logHandler: (@Sendable (String) -> Void)? = nil, cancellation: CancellationFlag? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.log = log
        self.start = start
        self.presolve = presolve
        self.concurrent = concurrent
        self.wantRelaxationDuals = wantRelaxationDuals
        self.logHandler = logHandler
        self.cancellation = cancellation
    }

    public static func == (lhs: SolverParameters, rhs: SolverParameters) -> Bool {
        lhs.timeLimit == rhs.timeLimit && lhs.relativeGap == rhs.relativeGap && lhs.log == rhs.log
            && lhs.start == rhs.start && lhs.presolve == rhs.presolve && lhs.concurrent == rhs.concurrent
            && lhs.wantRelaxationDuals == rhs.wantRelaxationDuals && lhs.cancellation === rhs.cancellation
            && lhs.roundingCuts == rhs.roundingCuts && lhs.nodeLimit == rhs.nodeLimit
            && lhs.stopWhenIncumbentReaches == rhs.stopWhenIncumbentReaches
            && lhs.stopWhenBoundMisses == rhs.stopWhenBoundMisses
            && lhs.objectiveBound == rhs.objectiveBound && lhs.pseudocostBranching == rhs.pseudocostBranching
            && lhs.gomoryCuts == rhs.gomoryCuts
    }
}

/// Why the solver stopped.
public enum TerminationStatus: String, Sendable, Equatable {
    case optimal
    case infeasible
    case unbounded
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    case timeLimit = "time_limit"
    case gapLimit = "gap_limit"
    case nodeLimit = "node_limit"
    case interrupted
    case numericalError = "numerical_error"
    case otherError = "other_error"
}

/// Whether a solution (a feasible point) came back, independent of why the solver stopped.
public enum PrimalStatus: String, Sendable, Equatable {
    case feasiblePoint = "feasible_point"
    case noSolution = "no_solution"
}

public struct SolverResult: Sendable, Equatable {
    public var termination: TerminationStatus
    public var primal: PrimalStatus
    /// Objective of the returned point (constant included); nil without a point.
    public var objective: Double?
    /// Best proven bound on the optimum; nil when unknown.
    public var bestBound: Double?
    /// Relative gap |objective − bound| / max(1e-10, |objective|); nil when unknown.
    public var gap: Double?
    /// One value per column (empty without a point).
    public var values: [Double]
    /// LP relaxation row duals and column reduced costs (when asked and available).
    public var rowDuals: [Double]?
    public var reducedCosts: [Double]?
    /// LP relaxation objective at the root (when known).
    public var relaxationObjective: Double?
    /// Everything the solver printed.
    public var log: String
    /// Seconds spent inside the solver.
    public var seconds: Double
    /// True when a starting point was offered and accepted.
    public var usedStart: Bool
    /// True when `WatchdogSolver` stopped waiting for a solver that ran past its time limit.
    public var stoppedByWatchdog = false

    public init(
        termination: TerminationStatus, primal: PrimalStatus, objective: Double? = nil, bestBound: Double? = nil,
        gap: Double? = nil, values: [Double] = [], rowDuals: [Double]? = nil, reducedCosts: [Double]? = nil,
        relaxationObjective: Double? = nil, log: String = "", seconds: Double = 0, usedStart: Bool = false
    ) {
        self.termination = termination
        self.primal = primal
        self.objective = objective
        self.bestBound = bestBound
        self.gap = gap
        self.values = values
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.relaxationObjective = relaxationObjective
        self.log = log
        self.seconds = seconds
        self.usedStart = usedStart
    }

    public var hasSolution: Bool { primal == .feasiblePoint }
}

/// A model refused before it reaches any solver.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case nonFiniteCoefficient, nonFiniteBound, crossedBounds, fractionalIntegerBound, duplicateEntry
        case columnOutOfRange, badName, duplicateName, startLength
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

/// A failure inside a solver (after validation).
public struct SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
