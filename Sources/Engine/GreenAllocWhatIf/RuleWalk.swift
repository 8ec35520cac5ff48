internal import GreenAllocCore
internal import MILP

/// A plan built by a funding rule rather than by the solver, on the scenario's compiled model: projects are
/// funded all or nothing at their cap u (z = 1, θ = u), one package at a time (a project with the projects it
/// `requires` that are not funded yet), as long as the rows that more money can only break still hold:
/// - fund budgets per year, exclusive groups and the upper side of `max` limits: activity ≤ bound;
/// - `max_share` limits on a fund's subsidy: the group's amount ≤ max_share × the larger of the fund's budget
///   (of the year, or of the horizon) and the amount the plan already gives the limit's base (a share of a
///   total still being spent is checked against the money there is to spend).
/// Minimums, other share limits and hard targets are not checked while walking: `finish()` names every hard
/// rule the finished plan breaks.
struct RuleWalk {
    enum Check {
        case upper
        case shareOfBudget(groupTerms: [Term], share: Double, budget: Double)
    }

    let compiled: CompiledModel
    let model: Model
    let rowsOfColumn: [[ColumnEntry]]
    let checks: [Int: Check]
    /// Per project: the projects it requires (rows z_p ≤ z_q).
    let requirements: [[Int]]
    var values: [Double]
    var activity: [Double]
    var funded: Set<Int> = []

    init(compiled: CompiledModel, scenario: Scenario) {
        self.compiled = compiled
        model = compiled.model
        rowsOfColumn = model.columnView()
        var checks: [Int: Check] = [:]
        var requirements = Array(repeating: [Int](), count: compiled.facts.count)
        for (row, origin) in compiled.rowOrigins.enumerated() {
            switch origin {
            case .budget, .exclusive: checks[row] = .upper
            case .requires(let project, let required): requirements[project].append(required)
            case .limit(let limit) where limit.part == .absolute: checks[row] = .upper
            case .limit(let limit) where limit.part == .maxShare:
                let spec = scenario.limits[limit.index]
                guard spec.sum == .subsidy, let fundID = spec.fund, let share = spec.maxShare,
                    let fund = scenario.funds.first(where: { $0.id == fundID })
                else { continue }
                let budget = limit.year.map { fund.budget(in: $0) } ?? scenario.years.reduce(0) { $0 + fund.budget(in: $1) }
                let terms = compiled.limitRows.first { $0.row == row }?.groupTerms ?? []
                checks[row] = .shareOfBudget(groupTerms: terms, share: share, budget: budget)
            default: continue
            }
        }
        self.checks = checks
        self.requirements = requirements
        let model = compiled.model
        let start = model.columns.map { Swift.max(0, Swift.min($0.lower, $0.upper)) }
        values = start
        activity = model.rows.indices.map { model.activity(ofRow: $0, start) }
    }

    /// The columns and values that fund a project at its cap.
    func changes(_ project: Int) -> [(column: Int, value: Double)] {
        guard let column = compiled.fundedColumn[project] else { return [] }
        var result = [(column, 1.0)]
        if let share = compiled.shareColumn[project] { result.append((share, compiled.facts[project].cap)) }
        return result
    }

    /// The project with its unfunded requirements (transitively), requirements first; nil when one of them has
    /// no decision columns.
    func package(_ project: Int) -> [Int]? {
        var order: [Int] = []
        var seen: Set<Int> = []
        func visit(_ index: Int) -> Bool {
            guard !funded.contains(index), seen.insert(index).inserted else { return true }
            guard compiled.fundedColumn[index] != nil else { return false }
            for required in requirements[index] where !visit(required) { return false }
            order.append(index)
            return true
        }
        return visit(project) ? order : nil
    }

    /// The objective gained by funding the projects at their cap.
    func gain(_ projects: [Int]) -> Double {
        projects.flatMap(changes).reduce(0) { $0 + model.objective[$1.column] * $1.value }
    }

    /// Funds the projects when every checked row still holds (always when `force`); true when funded.
    mutating func fund(_ projects: [Int], force: Bool = false) -> Bool {
        var deltas: [Int: Double] = [:]
        let moves = projects.flatMap(changes)
        for (column, value) in moves {
            for entry in rowsOfColumn[column] { deltas[entry.row, default: 0] += entry.coefficient * (value - values[column]) }
        }
        if !force {
            var trial = values
            for (column, value) in moves { trial[column] = value }
            for (row, delta) in deltas where !holds(row, activity: activity[row] + delta, values: trial) { return false }
        }
        for (column, value) in moves { values[column] = value }
        for (row, delta) in deltas { activity[row] += delta }
        funded.formUnion(projects)
        return true
    }

    func holds(_ row: Int, activity: Double, values: [Double]) -> Bool {
        guard let check = checks[row] else { return true }
        let upper = model.rows[row].upper
        let slack = 1e-7 * Swift.max(1, abs(upper))
        switch check {
        case .upper: return activity <= upper + slack
        case .shareOfBudget(let terms, let share, let budget):
            if activity <= upper + slack { return true }
            let group = terms.reduce(0) { $0 + $1.coefficient * values[$1.column] }
            return group <= share * budget + 1e-7 * Swift.max(1, share * budget)
        }
    }

    /// Names parks whose packages are funded (in the compiled order, as the naming budgets allow), sets soft
    /// targets' shortfalls, and returns the plan's values with the hard rules it breaks (row order, once each).
    mutating func finish(scenario: Scenario, library: Library) -> (values: [Double], broken: [ConflictRule]) {
        for candidate in compiled.naming {
            let column = candidate.column
            // Each row the column moves towards a bound must keep that bound: the naming budget's upper side,
            // the naming links' lower side (θ_q/u_q − n_k ≥ 0: every prerequisite funded in full).
            let fits = rowsOfColumn[column].allSatisfy { entry in
                let row = model.rows[entry.row]
                let next = activity[entry.row] + entry.coefficient * (1 - values[column])
                return entry.coefficient > 0
                    ? next <= row.upper + 1e-7 * Swift.max(1, abs(row.upper)) : next >= row.lower - 1e-7 * Swift.max(1, abs(row.lower))
            }
            guard fits, model.columns[column].upper >= 1 else { continue }
            for entry in rowsOfColumn[column] { activity[entry.row] += entry.coefficient * (1 - values[column]) }
            values[column] = 1
        }
        for (target, column) in compiled.shortfallColumn.enumerated() {
            guard let column, let row = compiled.targetRow(of: target),
                let entry = rowsOfColumn[column].first(where: { $0.row == row }), entry.coefficient > 0
            else { continue }
            let needed = Swift.max(0, (model.rows[row].lower - activity[row]) / entry.coefficient)
            activity[row] += entry.coefficient * (needed - values[column])
            values[column] = needed
        }
        // Presolve findings that prove the scenario infeasible hold against every plan.
        var broken: [ConflictRule] = []
        for finding in compiled.findings where finding.severity == .infeasible {
            for rule in finding.rules where !broken.contains(rule) { broken.append(rule) }
        }
        for violation in model.verify(values) {
            let rule: ConflictRule?
            switch violation.kind {
            case .rowBound: rule = compiled.rowOrigins[violation.index].conflictRule(scenario: scenario, library: library)
            case .columnBound:
                rule = compiled.lockedIn.first { compiled.fundedColumn[$0] == violation.index }
                    .map { .lock(project: library.projectRecords[$0].id) }
            default: rule = nil
            }
            if let rule, !broken.contains(rule) { broken.append(rule) }
        }
        return (values, broken)
    }
}
