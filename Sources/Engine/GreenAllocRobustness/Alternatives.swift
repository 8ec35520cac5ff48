public import GreenAllocCore
internal import GreenAllocEngine
internal import MILP

/// A near-optimal plan beside the optimum.
public struct AlternativePlan: Sendable, Hashable {
    public var plan: Plan
    /// Projects it funds that the optimum does not, and the optimum's projects it leaves out (library indices).
    public var added: [Int]
    public var dropped: [Int]
    /// Projects in which it differs from the closest of the plans before it.
    public var distance: Int
}

/// The optimum and up to `count` plans within `within` (relative) of its objective, each as different as possible
/// from every plan before it.
public struct AlternativesResult: Sendable {
    public var optimum: Plan
    public var within: Double
    public var alternatives: [AlternativePlan]
    /// The requested count (fewer alternatives means no further plan exists within the loss).
    public var requested: Int
    public var solves: Int
}

/// Near-optimal alternatives by no-good cuts and a diversity objective: the objective is kept at least
/// (1 − within) × optimum (`Model.keepingObjective`), every earlier plan is cut off (differ in at least one
/// funded decision), and the next plan maximizes the sum of its Hamming distances (over the funding decisions z)
/// to the optimum and the alternatives found so far; among the most different plans, the best objective is taken
/// (a second, lexicographic solve), so the answer does not depend on the solver's choice among ties.
public struct AlternativesFinder: Sendable {
    public let planSolver: PlanSolver
    public let scenario: Scenario

    public init(planSolver: PlanSolver, scenario: Scenario) {
        self.planSolver = planSolver
        self.scenario = scenario
    }

    /// nil when the scenario has no plan (infeasible, or nothing found in time).
    public func run(count: Int, within: Double) throws -> AlternativesResult? {
        guard scenario.objective.sense == .maximizeBenefit else { throw RobustnessError.notMaximizing }
        let compiled = planSolver.compile(scenario)
        guard let optimum = try planSolver.solve(compiled, tiebreak: planSolver.settings.tiebreak) else { return nil }
        var solves = 1
        let columns = compiled.fundedColumn.enumerated().compactMap { project, column in column.map { (project, $0) } }
        var model = compiled.model.keepingObjective(
            compiled.model.objectiveTerms, at: optimum.objective - compiled.model.objectiveConstant, within: within,
            sense: .maximize, rowName: "near_optimal")
        var plans = [Set(optimum.funded)]
        var alternatives: [AlternativePlan] = []
        while alternatives.count < count {
            Self.cut(plans[plans.count - 1], columns: columns, in: &model, name: "differ_\(plans.count)")
            var diverse = model
            var coefficients = Array(repeating: 0.0, count: model.columnCount)
            var constant = 0.0
            for (project, column) in columns {
                let funding = plans.filter { $0.contains(project) }.count
                coefficients[column] = Double(plans.count - 2 * funding)
                constant += Double(funding)
            }
            diverse.replaceObjective(coefficients, sense: .maximize, constant: constant)
            let first = try planSolver.solver.solve(diverse, parameters: planSolver.parameters)
            solves += 1
            guard first.hasSolution, let distanceSum = first.objective else { break }
            let best = ObjectiveStep(keeping: "most_different", then: compiled.model.objective, sense: .maximize)
            let second = try planSolver.solver.solveLexicographically(
                diverse, from: first.values, optimum: distanceSum - constant, steps: [best], tolerance: 1e-9,
                parameters: planSolver.parameters)
            solves += second.solves
            let values = second.accepted?.values ?? first.values
            let funded = PlanSolver.funded(compiled, values)
            let set = Set(funded)
            let distance = plans.map { $0.symmetricDifference(set).count }.min() ?? 0
            alternatives.append(
                AlternativePlan(
                    plan: Plan(funded: funded, objective: compiled.model.objectiveValue(values)),
                    added: funded.filter { !plans[0].contains($0) }, dropped: optimum.funded.filter { !set.contains($0) },
                    distance: distance))
            plans.append(set)
        }
        return AlternativesResult(optimum: optimum, within: within, alternatives: alternatives, requested: count, solves: solves)
    }

    /// A no-good cut: the next plan differs from `plan` in at least one funding decision.
    static func cut(_ plan: Set<Int>, columns: [(project: Int, column: Int)], in model: inout Model, name: String) {
        var terms: [Term] = []
        var funded = 0.0
        for (project, column) in columns {
            if plan.contains(project) {
                terms.append(Term(column, -1))
                funded += 1
            } else {
                terms.append(Term(column, 1))
            }
        }
        model.addRow(name, terms: terms, lower: 1 - funded)
    }
}
