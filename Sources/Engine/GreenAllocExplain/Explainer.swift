public import GreenAllocCore
public import GreenAllocEngine
public import MILP
import Foundation

/// Explains an allocation project by project (scenario-format §13 `greenalloc explain`).
///
/// The plan explained is the one `solve` returns (same runner, same tie rule); its point is rebuilt from the
/// allocation (z, θ, named parks, soft-target shortfalls). Per card:
/// - `binding`: the scenario-format §13 rules with a row that touches z_p or θ_p and is binding at that point
///   (slack ≤ 1e-6 × max(1, |bound|));
/// - `forced_in` (exact): re-solve with z_p = 1 (the share link then gives θ_p ≥ min_share), started from the
///   full listing's repaired plan, then a second solve keeping that optimum (within 1e-7) and keeping as many
///   of today's projects as possible, so `displaced` lists only the projects that really have to go;
/// - `counterfactual_budget` (exact, maximize only, also when no plan funds the project at today's budget):
///   the smallest Δ (within 0.1%) at which some plan with the project funded and the fund raised by Δ (spread
///   over the years by the project's requests) is worth today's optimum − 1e-6 × max(1, |optimum|). The
///   bracket starts at Δ = 0 (`forced_in`'s answer) or, when no plan funds the project today, at the least Δ
///   of the linear relaxation; its upper end at the least Δ of the integer decisions of today's plan with
///   the project added and of the forced plan (a linear program each, Δ a column). Each step asks at one Δ
///   whether a plan reaches: the greedy repair's plan first, else a search of the forced model that stops at
///   the first plan that reaches or once its bound proves none does (branches that cannot reach are pruned);
///   a plan that reaches lowers the upper end to the least Δ of its own integer decisions. Steps go just
///   under the upper end (the answer when it is tight), then by interpolation or bisection; beyond the
///   saturating Δ (where the fund's budget rows can no longer bind) nothing changes, so when even that does
///   not reach today's optimum `add` is null; stops within 0.1%;
/// - the full listing (`exact: false`) estimates instead: a greedy repair of today's plan with the project
///   forced in (dropping, row by row, the funded projects with the least objective per unit of the violated
///   row) gives a feasible forced plan, hence an upper bound on the loss and its displaced projects; Δ is that
///   loss divided by the LP relaxation's budget duals weighted by the request profile, capped by the amount
///   that fits the project on top of today's plan;
/// - `safety` (funded, estimate): the largest cut Δ (spread like Δ above) that the fund's slack plus the
///   subsidies of funded, not locked projects of the same fund with less objective per 万元 can absorb.
public struct Explainer {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet
    public let solver: any Solver

    public init(scenario: Scenario, library: Library, rules: RuleSet, solver: any Solver) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
        self.solver = solver
    }

    /// Solves the scenario as `solve` does, then explains one project (exactly) or all of them.
    public func explain(project: String? = nil, settings: RunSettings, exactAll: Bool = false) throws -> Explanation {
        var selected: Int?
        if let project {
            guard let index = library.projectRecords.firstIndex(where: { $0.id == project }) else {
                throw ExplainError.unknownProject(project)
            }
            selected = index
        }
        let runner = AllocationRunner(scenario: scenario, library: library, rules: rules, solver: solver)
        let (allocation, _) = try runner.run(settings: settings, inputsSHA256: "")
        guard allocation.status == .optimal || allocation.status == .feasible, let objective = allocation.objective else {
            return Explanation(scenario: scenario.name, status: allocation.status, objective: allocation.objective, projects: [])
        }
        let context = ExplainContext(
            scenario: scenario, library: library, compiled: runner.compile(), solver: solver, allocation: allocation,
            optimum: objective, timeLimit: settings.timeLimit)
        let indices = selected.map { [$0] } ?? Array(library.projectRecords.indices)
        let exact = selected != nil || exactAll
        // The estimates read the linear relaxation's duals: the budget rows' for Δ, all rows' for the top-up bounds.
        let duals = exact ? nil : context.relaxationRowDuals(limit: Swift.min(settings.timeLimit, 10))
        let scan = exact ? nil : TopUpScan(context: context, duals: duals)
        let cards = context.cards(for: indices, exact: exact, estimates: scan)
        return Explanation(scenario: scenario.name, status: allocation.status, objective: objective, projects: cards)
    }
}

/// Today's plan as a point of the compiled model, with what the cards need to read it.
struct ExplainContext: Sendable {
    let scenario: Scenario
    let library: Library
    let compiled: CompiledModel
    let solver: any Solver
    let allocation: Allocation
    let optimum: Double
    let timeLimit: Double
    let point: [Double]
    /// (row, coefficient) of every entry of each column.
    let entriesOfColumn: [[ColumnEntry]]
    let projectOfColumn: [Int: Int]
    let maximize: Bool

    init(
        scenario: Scenario, library: Library, compiled: CompiledModel, solver: any Solver, allocation: Allocation,
        optimum: Double, timeLimit: Double
    ) {
        self.scenario = scenario
        self.library = library
        self.compiled = compiled
        self.solver = solver
        self.allocation = allocation
        self.optimum = optimum
        self.timeLimit = timeLimit
        maximize = compiled.model.sense == .maximize
        entriesOfColumn = compiled.model.columnView()
        var projectOfColumn: [Int: Int] = [:]
        for index in library.projectRecords.indices {
            for column in [compiled.fundedColumn[index], compiled.shareColumn[index]].compactMap({ $0 }) {
                projectOfColumn[column] = index
            }
        }
        self.projectOfColumn = projectOfColumn
        var values = Array(repeating: 0.0, count: compiled.model.columnCount)
        for (index, outcome) in allocation.projects.enumerated() where outcome.funded {
            guard let funded = compiled.fundedColumn[index] else { continue }
            values[funded] = 1
            if let share = compiled.shareColumn[index] { values[share] = outcome.share }
        }
        let named = Set(allocation.parks.map { "\($0.id)|\($0.namedIn)" })
        for candidate in compiled.naming where named.contains("\(library.parkRecords[candidate.park].id)|\(candidate.year)") {
            values[candidate.column] = 1
        }
        point = Self.settlingShortfalls(values, compiled: compiled)
    }

    /// Today's optimum within the tie rule's tolerance.
    var tolerance: Double { 1e-6 * Swift.max(1, abs(optimum)) }

    /// Soft targets' shortfall columns set to max(0, (min − value) / scale) at a point.
    func settlingShortfalls(_ values: [Double]) -> [Double] {
        Self.settlingShortfalls(values, compiled: compiled)
    }

    static func settlingShortfalls(_ values: [Double], compiled: CompiledModel) -> [Double] {
        var values = values
        for (target, column) in compiled.shortfallColumn.enumerated() {
            guard let column, let row = compiled.targetRow(of: target) else { continue }
            let model = compiled.model
            let scale = model.rows[row].terms.first { $0.column == column }?.coefficient ?? 1
            values[column] = 0
            values[column] = Swift.max(0, (model.rows[row].lower - model.activity(ofRow: row, values)) / scale)
        }
        return values
    }

    /// How much worse `value` is than today's optimum (≥ 0).
    func loss(_ value: Double) -> Double {
        Swift.max(0, maximize ? optimum - value : value - optimum)
    }

    func columns(of project: Int) -> [Int] {
        [compiled.fundedColumn[project], compiled.shareColumn[project]].compactMap { $0 }
    }

    func isFunded(_ project: Int, _ values: [Double]) -> Bool {
        compiled.share(of: project, values) > 1e-9
    }

    /// The cards of `indices`, dealt out over the processor's cores (the k-th to thread k mod T). Each card is
    /// computed on its own, so the cards do not depend on the schedule.
    func cards(for indices: [Int], exact: Bool, estimates: TopUpScan?) -> [ExplainCard] {
        let threads = Swift.min(indices.count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard threads > 1 else { return indices.map { card(for: $0, exact: exact, estimates: estimates) } }
        let chunks = SolverThread.all(threads) { chunk in
            stride(from: chunk, to: indices.count, by: threads).map {
                (position: $0, card: self.card(for: indices[$0], exact: exact, estimates: estimates))
            }
        }
        return chunks.flatMap { $0 }.sorted { $0.position < $1.position }.map(\.card)
    }

    func card(for index: Int, exact: Bool, estimates: TopUpScan?) -> ExplainCard {
        let outcome = allocation.projects[index]
        var card = ExplainCard(
            id: outcome.id, funded: outcome.funded, why: outcome.why, exact: true, excludedBy: outcome.excludedBy)
        card.request = outcome.requestTotal
        let fund = library.projectRecords[index].fund.map { scenario.funds[$0].id }
        switch outcome.why {
        case .funded:
            card.forcedIn = ForcedIn(objectiveLoss: 0, displaced: [])
            if maximize, let fund { card.counterfactualBudget = CounterfactualBudget(fund: fund, add: 0) }
            card.safety = safety(of: index)
        case .notChosen:
            card.binding = bindingRules(of: index)
            if exact {
                let forced = forcedOptimum(index)
                // The displaced projects (a second solve) on their own thread, beside the counterfactual search.
                let keeping = forced.map { forced in SolverThread { self.keptDisplaced(index, forced) } }
                if maximize, let fund {
                    let (add, complete) = counterfactualAdd(index, forced: forced.map { (loss($0.value), $0.plan) })
                    card.counterfactualBudget = add.map { CounterfactualBudget(fund: fund, add: $0) }
                    if !complete { card.exact = false }
                }
                card.forcedIn = forced.map { ForcedIn(objectiveLoss: loss($0.value), displaced: keeping?.wait() ?? []) }
            } else {
                card.exact = false
                card.topUp = estimates?.topUp(index)
                let estimate = estimatedForcedIn(index)
                card.forcedIn = estimate?.forcedIn
                if maximize, let fund {
                    // No plan funds it at today's budget: the raise it needs is computed as for one card
                    // (these are few: projects asking more than their fund can give).
                    let add =
                        estimate.map { estimatedAdd(index, loss: $0.forcedIn.objectiveLoss, duals: estimates?.budgetDuals ?? [:]) }
                        ?? counterfactualAdd(index).add
                    card.counterfactualBudget = add.map { CounterfactualBudget(fund: fund, add: $0) }
                }
            }
        default:
            break  // blocked before solving: no plan funds it, nothing binds, no budget helps
        }
        return card
    }

    /// scenario-format §13 `binding`: the rules of rows touching the project's columns with no slack at today's point.
    func bindingRules(of project: Int) -> [ConflictRule] {
        var rules: [ConflictRule] = []
        let rows = Set(columns(of: project).flatMap { entriesOfColumn[$0].map(\.row) }).sorted()
        for row in rows {
            guard let rule = compiled.rowOrigins[row].conflictRule(scenario: scenario, library: library),
                !rules.contains(rule), compiled.model.isBinding(row: row, at: point)
            else { continue }
            rules.append(rule)
        }
        return rules
    }

    /// Horizon requests of a project and their total.
    func requestProfile(_ project: Int) -> (perYear: [Double], total: Double) {
        let request = library.projectRecords[project].request
        return (request, request.reduce(0) { $0 + Swift.max(0, $1) })
    }

    /// Budget rows of the project's fund, by year position.
    func budgetRows(of project: Int) -> [Int: Int] {
        guard let fund = library.projectRecords[project].fund else { return [:] }
        var rows: [Int: Int] = [:]
        for (year, row) in compiled.budgetRows(fund: fund) {
            if let position = scenario.years.firstIndex(of: year) { rows[position] = row }
        }
        return rows
    }

    /// The model with the project's fund budget raised by Δ × request_y / total request in each year.
    func raisingBudget(_ model: Model, project: Int, by amount: Double) -> Model {
        var model = model
        let (request, total) = requestProfile(project)
        guard total > 0, amount > 0 else { return model }
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            let bounds = model.rows[row]
            model.setRowBounds(row, lower: bounds.lower, upper: bounds.upper + amount * request[position] / total)
        }
        return model
    }

    /// The compiled model with z_p = 1.
    func forcedModel(_ project: Int) -> Model {
        var model = compiled.model
        if let funded = compiled.fundedColumn[project] { model.setColumnBounds(funded, lower: 1, upper: 1) }
        return model
    }

    func parameters(start: [Double]? = nil, gap: Double = 0, limit: Double? = nil) -> SolverParameters {
        SolverParameters(timeLimit: limit ?? timeLimit, relativeGap: gap, start: start, concurrent: true)
    }
}
