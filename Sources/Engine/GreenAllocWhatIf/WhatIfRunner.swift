public import GreenAllocCore
public import GreenAllocEngine
public import MILP
internal import Foundation

/// An input mistake in a what-if request (unknown fund or target, bad range): the CLI reports it as a usage error.
public struct WhatIfError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One scenario, solved many times with one thing changed: a fund's budget scaled (sweep, target search), or
/// several scenarios side by side (compare). Everything goes through `any Solver`, so tests can run the same
/// code on the brute-force solver.
public struct WhatIfRunner: Sendable {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet
    public let solver: any Solver
    public var settings: RunSettings
    public var inputsSHA256: String
    /// How many solves may run at once (one solver per thread).
    public var threads: Int

    public init(
        scenario: Scenario, library: Library, rules: RuleSet, solver: any Solver, settings: RunSettings,
        inputsSHA256: String = "", threads: Int? = nil
    ) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
        self.solver = solver
        self.settings = settings
        self.inputsSHA256 = inputsSHA256
        self.threads = Swift.max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The index of a fund by id, or an error listing the funds.
    public func fundIndex(_ id: String) throws -> Int {
        guard let index = scenario.funds.firstIndex(where: { $0.id == id }) else {
            throw WhatIfError(
                "unknown fund '\(id)'; the scenario's funds are: \(scenario.funds.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    /// The scenario with one fund's budget multiplied by `scale` in every year.
    public func scaled(fund: Int, by scale: Double, in base: Scenario? = nil) -> Scenario {
        var copy = base ?? scenario
        copy.funds[fund].budget = copy.funds[fund].budget.mapValues { $0 * scale }
        return copy
    }

    /// The fund's budget per horizon year at a scale.
    public func budget(fund: Int, scale: Double) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for year in scenario.years { result[year] = scenario.funds[fund].budget(in: year) * scale }
        return result
    }

    /// A full run of a scenario (the same pipeline as `greenalloc solve`).
    public func run(_ scenario: Scenario, settings: RunSettings? = nil) throws -> Allocation {
        try AllocationRunner(scenario: scenario, library: library, rules: rules, solver: solver)
            .run(settings: settings ?? self.settings, inputsSHA256: inputsSHA256).0
    }

    /// Solver parameters of one what-if solve: the run's limits, without MIR cuts. On the bundled Shandong
    /// scenarios, MIR cuts cost more than they save over budget sweeps (baseline-2022, 31 points: 15–18 s of
    /// branch-and-cut with them, 6–10 s without, same optima; tight-budget 2.4× faster, generous-budget 1.1×);
    /// the optimum is proved either way (same gap, same limits).
    func parameters(start: [Double]? = nil) -> SolverParameters {
        var parameters = SolverParameters(
            timeLimit: settings.timeLimit, relativeGap: settings.relativeGap, log: settings.solverLog, start: start,
            concurrent: true, logHandler: settings.logHandler)
        parameters.roundingCuts = false
        return parameters
    }
}

/// A compiled model whose budget rows for one fund can be rescaled without recompiling (the budget appears
/// nowhere else in the model, so every scale shares the same columns and a solution at one scale is a
/// valid start at any larger one).
struct ScalableModel: Sendable {
    var compiled: CompiledModel
    /// Budget rows of the fund: (row, base budget of that year).
    var budgetRows: [(row: Int, base: Double)]
    var budgetRowSet: Set<Int>
    /// Every row whose bounds follow the budget (its budget rows, and with scenario-format §15 its carry rows and
    /// the envelopes of its `factors` entries), with the parts of its bounds that scale.
    var scaledRows: [ScaledRow]
    /// The rows of `scaledRows` other than plain budget rows `use ≤ base·s` (an opening balance, a carry row,
    /// an envelope): the naming cuts leave them out.
    var policyScaledRows: Set<Int>
    /// Presolve findings that prove infeasibility whatever the budget.
    var budgetIndependentBlock: [Finding]
    /// Presolve findings that depend on the budget (lock-ins above a budget): left to the solver.
    var hasBudgetFindings: Bool

    init(runner: WhatIfRunner, scenario: Scenario, fund: Int) {
        compiled = AllocationRunner(scenario: scenario, library: runner.library, rules: runner.rules, solver: runner.solver)
            .compile()
        let rows = compiled.budgetRows(fund: fund).map { ($0.row, scenario.funds[fund].budget(in: $0.year)) }
        budgetRows = rows
        budgetRowSet = Set(rows.map(\.0))
        let scaled = ScaledRow.rows(compiled: compiled, scenario: scenario, fund: fund)
        let plainBudgetRows = Set(rows.map(\.0))
        scaledRows = scaled
        policyScaledRows = Set(
            scaled.filter { !plainBudgetRows.contains($0.row) || $0.upperFixed != 0 || $0.lowerBase != nil }.map(\.row))
        let fundID = scenario.funds[fund].id
        let blocking = compiled.findings.filter { $0.severity == .infeasible }
        let dependsOnBudget: (Finding) -> Bool = { finding in
            finding.rules.contains { rule in
                if case .budget(let id, _) = rule { return id == fundID }
                return false
            }
        }
        budgetIndependentBlock = blocking.filter { !dependsOnBudget($0) }
        hasBudgetFindings = blocking.contains(where: dependsOnBudget)
    }

    func model(at scale: Double) -> Model {
        var model = compiled.model
        for entry in scaledRows {
            let lower = entry.lowerBase.map { $0 * scale } ?? model.rows[entry.row].lower
            model.setRowBounds(entry.row, lower: lower, upper: entry.upperBase * scale + entry.upperFixed)
        }
        return model
    }

    /// A start for a larger budget: the neighbour's plan (feasible there, since only budgets grew) plus,
    /// greedily by objective gain per 万元 requested, every unfunded project that still fits every row in full.
    /// A better first incumbent lets the solver prune more.
    func improvedStart(_ start: [Double], model: Model) -> [Double] {
        guard model.sense == .maximize, start.count == model.columnCount else { return start }
        let byColumn = model.columnView()
        var activity = model.rows.indices.map { model.activity(ofRow: $0, start) }
        var values = start
        var candidates: [(changes: [(Int, Double)], ratio: Double)] = []
        for (project, column) in compiled.fundedColumn.enumerated() {
            guard let column, values[column] < 0.5 else { continue }
            var changes = [(column, 1.0)]
            if let share = compiled.shareColumn[project] {
                changes.append((share, Swift.min(model.columns[share].upper, compiled.facts[project].cap)))
            }
            let gain = changes.reduce(0) { $0 + model.objective[$1.0] * $1.1 }
            guard gain > 0 else { continue }
            let cost = changes.reduce(0) { total, change in
                total + byColumn[change.0].reduce(0) { $0 + (budgetRowSet.contains($1.row) ? abs($1.coefficient) * change.1 : 0) }
            }
            candidates.append((changes, cost > 0 ? gain / cost : .infinity))
        }
        candidates.sort { $0.ratio > $1.ratio }
        for candidate in candidates {
            var deltas: [Int: Double] = [:]
            var fits = true
            for (column, value) in candidate.changes {
                let bounds = model.columns[column]
                if value > bounds.upper + 1e-9 || value < bounds.lower - 1e-9 { fits = false }
                for (row, coefficient) in byColumn[column] { deltas[row, default: 0] += coefficient * (value - values[column]) }
            }
            guard fits else { continue }
            for (row, delta) in deltas {
                let next = activity[row] + delta
                let entry = model.rows[row]
                if next > entry.upper + 1e-9 * Swift.max(1, abs(entry.upper)) || next < entry.lower - 1e-9 * Swift.max(1, abs(entry.lower)) {
                    fits = false
                    break
                }
            }
            guard fits else { continue }
            for (column, value) in candidate.changes { values[column] = value }
            for (row, delta) in deltas { activity[row] += delta }
        }
        return values
    }

    /// The model with the fund's budget scale as a column s (0 ≤ s ≤ `limit`), minimized: each budget row
    /// `use_y ≤ base_y` becomes `use_y − base_y·s ≤ 0` (the compiler gives budget rows no lower side; a year
    /// without budget keeps its row as it is). Its optimum is the smallest scale at which the rest of the
    /// model is feasible. Returns the model and the index of s (the last column).
    func minimumScaleModel(upTo limit: Double) -> (model: Model, scale: Int) {
        let original = compiled.model
        var model = Model(name: original.name, sense: .minimize)
        for column in original.columns {
            model.addColumn(column.name, kind: column.kind, lower: column.lower, upper: column.upper, tag: column.tag)
        }
        let scale = model.addColumn("budget_scale", lower: 0, upper: limit, objective: 1)
        let scaled = Dictionary(scaledRows.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
        var floors: [(Row, Double)] = []
        for (index, row) in original.rows.enumerated() {
            if let entry = scaled[index], entry.upperBase > 0 {
                model.addRow(row.name, terms: row.terms + [Term(scale, -entry.upperBase)], upper: entry.upperFixed, tag: row.tag)
                if let lowerBase = entry.lowerBase { floors.append((row, lowerBase)) }
            } else {
                model.addRow(row.name, terms: row.terms, lower: row.lower, upper: row.upper, tag: row.tag)
            }
        }
        // A band's floor (1 − x)·E·s ≤ S, as a row of its own after the others.
        for (row, lowerBase) in floors {
            model.addRow(row.name + "_floor", terms: row.terms + [Term(scale, -lowerBase)], lower: 0, tag: row.tag)
        }
        return (model, scale)
    }

    /// The smallest scale at which a point's use of the fund fits its budget (0 when it uses nothing).
    func requiredScale(_ values: [Double]) -> Double {
        var scale = 0.0
        for entry in scaledRows where entry.upperBase > 0 {
            let used = compiled.model.activity(ofRow: entry.row, values)
            scale = Swift.max(scale, (used - entry.upperFixed) / entry.upperBase)
        }
        return scale
    }
}
