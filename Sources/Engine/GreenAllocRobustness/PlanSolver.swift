public import GreenAllocCore
public import GreenAllocEngine
public import MILP

/// One plan of a scenario: the projects it funds (library indices, ascending) and its objective.
public struct Plan: Sendable, Hashable, Codable {
    public var funded: [Int]
    public var objective: Double
    public init(funded: [Int], objective: Double) {
        self.funded = funded
        self.objective = objective
    }
}

/// Compiles and solves one scenario as `greenalloc solve` does (the tie rule when the settings ask for it), and
/// reads the funded set; the loan stage is not solved.
public struct PlanSolver: Sendable {
    public let library: Library
    public let rules: RuleSet
    public let solver: any Solver
    public let settings: RunSettings
    /// Set by an interruption: solves stop at their next chance.
    public var cancellation: CancellationFlag?

    public init(library: Library, rules: RuleSet, solver: any Solver, settings: RunSettings) {
        self.library = library
        self.rules = rules
        self.solver = solver
        self.settings = settings
    }

    public func compile(_ scenario: Scenario) -> CompiledModel {
        AllocationRunner(scenario: scenario, library: library, rules: rules, solver: solver).compile()
    }

    /// The solver's parameters: the run's limits, one solve per thread.
    public var parameters: SolverParameters {
        SolverParameters(
            timeLimit: settings.timeLimit, relativeGap: settings.relativeGap, log: settings.solverLog, concurrent: true,
            logHandler: settings.logHandler, cancellation: cancellation)
    }

    /// The optimal (or best found) plan of a scenario; nil when it has none (infeasible, or nothing in time).
    public func solve(_ scenario: Scenario) throws -> Plan? {
        let compiled = compile(scenario)
        return try solve(compiled, tiebreak: settings.tiebreak && scenario.objective.sense == .maximizeBenefit)
    }

    /// Solves a compiled model (its objective possibly changed) and reads the plan.
    public func solve(_ compiled: CompiledModel, tiebreak: Bool) throws -> Plan? {
        let first = try solver.solve(compiled.model, parameters: parameters)
        guard first.hasSolution, let optimum = first.objective else { return nil }
        var values = first.values
        if tiebreak, first.termination == .optimal {
            let step = ObjectiveStep(
                keeping: "tiebreak_objective", then: compiled.subsidyObjective(library: library), sense: .minimize)
            var parameters = parameters
            parameters.roundingCuts = false
            let tie = try solver.solveLexicographically(
                compiled.model, from: first.values, optimum: optimum, steps: [step], parameters: parameters)
            if let accepted = tie.accepted { values = accepted.values }
        }
        return Plan(funded: Self.funded(compiled, values), objective: compiled.model.objectiveValue(values))
    }

    /// The projects funded at a point (z = 1).
    public static func funded(_ compiled: CompiledModel, _ values: [Double]) -> [Int] {
        compiled.fundedColumn.enumerated().compactMap { project, column in
            guard let column, values[column] > 0.5 else { return nil }
            return project
        }
    }
}
