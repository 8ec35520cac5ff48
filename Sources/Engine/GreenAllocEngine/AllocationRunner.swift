public import GreenAllocCore
public import MILP

/// Settings of one run (command-line flags over the scenario's `solver` section).
public struct RunSettings: Sendable {
    public var timeLimit: Double
    public var relativeGap: Double
    public var tiebreak: Bool
    public var solverLog: Bool
    /// The solver that runs the integer programs (the command line's `--solver` over `solver.backend`).
    public var backend: SolverBackend
    /// Wall-clock limit of the loan stage (§5), by default the smaller of the time limit and 10 s: bank
    /// assignment with near-binding capacities rarely proves its last 0.1% quickly, and its best plan comes early.
    public var loanTimeLimit: Double
    /// Relative gap of the loan stage; nil = automatic (see `loanGap(binaries:)`).
    public var loanRelativeGap: Double?
    public var logHandler: (@Sendable (String) -> Void)?
    /// Called with the presolve findings after compiling and checking the `.infeasible` ones, before the
    /// scenario is solved (a finding that no solve confirms is passed on as a warning).
    public var findingsHandler: (@Sendable ([Finding]) -> Void)?
    /// Called with the compiled model before it is solved (a caller that reads the model again, such as the
    /// report's top-ups, need not compile it twice).
    public var compiledHandler: (@Sendable (CompiledModel) -> Void)?

    /// The loan stage stops at `loanRelativeGap` when given; otherwise at the subsidy stage's gap on small
    /// models, and at 0.1% from 500 project–bank pairs, where GLPK finds the best plans early but proving the
    /// last fraction of a percent can take minutes. A gap stop, unlike a time stop, gives the same plan on
    /// every run.
    public func loanGap(binaries: Int) -> Double {
        if let loanRelativeGap { return loanRelativeGap }
        return binaries >= 500 ? Swift.max(relativeGap, 0.001) : relativeGap
    }

    public init(
        scenario: SolverSpec, timeLimit: Double? = nil, gap: Double? = nil, noTiebreak: Bool = false,
        solverLog: Bool = false, loanTimeLimit: Double? = nil, backend: SolverBackend? = nil
    ) {
        self.timeLimit = timeLimit ?? scenario.timeLimit
        self.loanTimeLimit = loanTimeLimit ?? Swift.min(timeLimit ?? scenario.timeLimit, 10)
        self.relativeGap = gap ?? scenario.mipGap
        self.tiebreak = scenario.tiebreak && !noTiebreak
        self.solverLog = solverLog
        self.backend = backend ?? scenario.backend
    }
}

/// Timings and sizes of a run (run.json; never in allocation.json).
public struct RunStatistics: Sendable {
    public var compileSeconds = 0.0
    public var solveSeconds = 0.0
    public var tiebreakSeconds = 0.0
    public var diagnosisSeconds = 0.0
    public var rows = 0
    public var columns = 0
    public var nonzeros = 0
    public var tiebreakStatus: String?
    /// Loan stage (scenario-format §11): seconds and number of solves (0 when it did not run).
    public var loanSeconds = 0.0
    public var loanSolves = 0
    public init() {}
}

/// Compiles, solves (with the tie rule), and decodes one scenario into an `Allocation`.
public struct AllocationRunner {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet
    public let solver: any Solver
    public var clock: @Sendable () -> Double

    public init(scenario: Scenario, library: Library, rules: RuleSet, solver: any Solver, clock: @escaping @Sendable () -> Double = { 0 }) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
        self.solver = solver
        self.clock = clock
    }

    public func compile() -> CompiledModel {
        Compiler(scenario: scenario, library: library, rules: rules).compile()
    }

    public func run(settings: RunSettings, inputsSHA256: String) throws -> (Allocation, RunStatistics) {
        var statistics = RunStatistics()
        let start = clock()
        var compiled = compile()
        statistics.compileSeconds = clock() - start
        statistics.rows = compiled.model.rowCount
        statistics.columns = compiled.model.columnCount
        statistics.nonzeros = compiled.model.nonzeroCount
        let diagnosisBudget = Swift.max(5, settings.timeLimit)

        // Presolve findings that claim infeasibility seed the diagnosis; one is returned only once a solve has
        // confirmed it. Unconfirmed, they are warnings and the solve decides.
        let blocking = compiled.findings.filter { $0.severity == .infeasible }
        var confirmed: Diagnosis?
        if !blocking.isEmpty {
            let diagnosisStart = clock()
            confirmed = try ConflictFinder(scenario: scenario, library: library, compiled: compiled, solver: solver)
                .diagnose(findings: blocking, timeBudget: diagnosisBudget)
            statistics.diagnosisSeconds = clock() - diagnosisStart
            if confirmed == nil {
                compiled.findings = compiled.findings.map { finding in
                    var finding = finding
                    if finding.severity == .infeasible { finding.severity = .warning }
                    return finding
                }
            }
        }
        settings.findingsHandler?(compiled.findings)
        settings.compiledHandler?(compiled)
        let decoder = AllocationDecoder(
            scenario: scenario, library: library, compiled: compiled, solverName: solver.name, solverVersion: solver.version,
            inputsSHA256: inputsSHA256)
        if let confirmed { return (decoder.infeasible(diagnosis: confirmed), statistics) }

        let parameters = SolverParameters(
            timeLimit: settings.timeLimit, relativeGap: settings.relativeGap, log: settings.solverLog,
            concurrent: true, logHandler: settings.logHandler)
        let solveStart = clock()
        let first = try solver.solve(compiled.model, parameters: parameters)
        statistics.solveSeconds = clock() - solveStart

        let status = AllocationStatus(first)
        switch status {
        case .infeasible:
            let diagnosisStart = clock()
            let diagnosis = try ConflictFinder(scenario: scenario, library: library, compiled: compiled, solver: solver)
                .diagnoseInfeasible(preferring: blocking, timeBudget: diagnosisBudget)
            statistics.diagnosisSeconds += clock() - diagnosisStart
            return (decoder.infeasible(diagnosis: diagnosis), statistics)
        case .noSolution:
            return (decoder.noSolution(result: first), statistics)
        case .optimal, .feasible:
            break
        }

        var final = first
        if status == .optimal, settings.tiebreak, scenario.objective.sense == .maximizeBenefit, let optimum = first.objective {
            final = try tieBreak(compiled, first: first, optimum: optimum, parameters: parameters, statistics: &statistics)
        }
        var allocation = decoder.solved(result: final, status: status, firstResult: first)
        allocation.basis?.tiebreak = settings.tiebreak
        if !scenario.factors.isEmpty {
            allocation.policy?.objectiveWithoutEnvelopes = try objectiveWithoutEnvelopes(parameters: parameters)
        }

        // Loan stage (scenario-format §11), with the subsidy decisions fixed.
        if scenario.loans != nil {
            let loanStart = clock()
            let stage = LoanStageRunner(scenario: scenario, library: library, rules: rules, solver: solver)
            let outcome = try stage.run(projects: allocation.projects, settings: settings)
            stage.apply(outcome, to: &allocation)
            statistics.loanSeconds = clock() - loanStart
            statistics.loanSolves = outcome.solves
        }
        return (allocation, statistics)
    }

    /// Tie rule (scenario-format §8): keep the objective within 1e-7 × max(1, |optimum|) and minimize the subsidy from
    /// the first solution; the first result stands when the second solve gives no verified plan.
    func tieBreak(
        _ compiled: CompiledModel, first: SolverResult, optimum: Double, parameters: SolverParameters,
        statistics: inout RunStatistics
    ) throws -> SolverResult {
        let subsidy = ObjectiveStep(
            keeping: "tiebreak_objective", then: compiled.subsidyObjective(library: library), sense: .minimize)
        var parameters = parameters
        // MIR cuts slow this solve several-fold and help nothing here (baseline: 5.9 s with them, 0.3 s without).
        parameters.roundingCuts = false
        let tieStart = clock()
        let tie = try solver.solveLexicographically(
            compiled.model, from: first.values, optimum: optimum, steps: [subsidy], parameters: parameters)
        statistics.tiebreakSeconds = clock() - tieStart
        statistics.tiebreakStatus = tie.results.first?.termination.rawValue
        return tie.accepted ?? first
    }
}
