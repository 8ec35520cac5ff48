public import GreenAllocCore
import MILP

/// `Explainer.annotatingTopUps`: the top-up of every not-chosen project of a maximize scenario, bounded cheaply for report.md's 未获补项目
/// table (`TopUp`: the raise of the project's fund, spread over the years by its requests, with which some
/// plan funding it is worth today's optimum − 1e-6 × max(1, |optimum|), as `explain`'s counterfactual).
///
/// - Upper end: today's plan with the project added at its least share (or its largest, when only that keeps
///   the objective), soft targets' shortfalls settled. When every other row still holds, the largest excess
///   of its fund's budget rows, spread back by the request profile, is a raise at which that plan exists.
///   Computed on the rows the project touches only.
/// - Lower end: one linear relaxation gives row duals y; for any y, c·x ≤ Σ_i max(y_i·lo_i, y_i·up_i) +
///   Σ_j max(d_j·l_j, d_j·u_j) with d = c − Aᵀy (a Lagrangian bound). With z_p fixed to 1 and the budget
///   rows raised by Δ, the bound grows by y_i·Δ·r_y/total on the rows whose upper side counts; the least Δ
///   at which it reaches today's optimum is a raise below which no plan does. When it never does, no raise
///   funds the project without loss (`reachable` false).
///
/// One linear program in all (time-limited), then a pass over each project's own rows.
extension Explainer {
    /// The allocation with `topUp` set on its not-chosen projects (unchanged for a minimize scenario or a
    /// plan without an objective). `compiled`: the scenario's compiled model when the caller has it (compiled
    /// here otherwise). `linearTimeLimit` caps the relaxation's solve; past it only upper ends are given.
    /// `relaxationDuals`: the relaxation's row duals when the caller computed them already (on another thread,
    /// during the solve: `Explainer.relaxationRowDuals(of:solver:limit:)`); the relaxation is solved here otherwise.
    public func annotatingTopUps(
        _ allocation: Allocation, compiled: CompiledModel? = nil, linearTimeLimit: Double = 1,
        relaxationDuals: (@Sendable () -> [Double]?)? = nil
    ) -> Allocation {
        guard scenario.objective.sense == .maximizeBenefit,
            allocation.status == .optimal || allocation.status == .feasible, let optimum = allocation.objective,
            allocation.projects.count == library.projectRecords.count,
            allocation.projects.contains(where: { $0.why == .notChosen })
        else { return allocation }
        let compiled = compiled ?? Compiler(scenario: scenario, library: library, rules: rules).compile()
        let context = ExplainContext(
            scenario: scenario, library: library, compiled: compiled, solver: solver, allocation: allocation,
            optimum: optimum, timeLimit: linearTimeLimit)
        let duals = relaxationDuals.map { $0() } ?? context.relaxationRowDuals(limit: linearTimeLimit)
        let scan = TopUpScan(context: context, duals: duals)
        var allocation = allocation
        for index in allocation.projects.indices where allocation.projects[index].why == .notChosen {
            allocation.projects[index].topUp = scan.topUp(index)
        }
        return allocation
    }
}

/// The data `annotatingTopUps` reads once: row activities at today's point, its objective, the soft targets'
/// rows and the Lagrangian bound.
struct TopUpScan {
    let context: ExplainContext
    let activity: [Double]
    let value: Double
    /// Target row → (shortfall column, its coefficient in the row).
    let shortfallOfRow: [Int: (column: Int, scale: Double)]
    /// Today's point satisfies every row (upper ends are only given then).
    let pointHolds: Bool
    let lagrangian: LagrangianBound?
    /// The relaxation's duals of the budget rows (row → dual), for `estimatedAdd`.
    let budgetDuals: [Int: Double]

    /// `duals`: the linear relaxation's row duals (nil: no lower ends).
    init(context: ExplainContext, duals: [Double]?) {
        self.context = context
        let model = context.compiled.model
        activity = model.rows.indices.map { model.activity(ofRow: $0, context.point) }
        value = model.objectiveValue(context.point)
        var shortfalls: [Int: (Int, Double)] = [:]
        for (target, column) in context.compiled.shortfallColumn.enumerated() {
            guard let column, let row = context.compiled.targetRow(of: target),
                context.entriesOfColumn[column].count == 1
            else { continue }
            shortfalls[row] = (column, model.rows[row].terms.first { $0.column == column }?.coefficient ?? 1)
        }
        shortfallOfRow = shortfalls
        pointHolds = model.verify(context.point).isEmpty
        lagrangian = duals.flatMap { LagrangianBound(model: model, duals: $0) }
        var budgetDuals: [Int: Double] = [:]
        if let duals { for row in context.compiled.allBudgetRows { budgetDuals[row] = duals[row] } }
        self.budgetDuals = budgetDuals
    }

    func topUp(_ project: Int) -> TopUp? {
        let records = context.library.projectRecords
        guard let fund = records[project].fund, let funded = context.compiled.fundedColumn[project] else { return nil }
        let (request, total) = context.requestProfile(project)
        guard total > 0 else { return nil }
        let id = context.scenario.funds[fund].id
        let target = context.optimum - context.tolerance
        var lower = 0.0
        if let lagrangian {
            let forced = lagrangian.value + Swift.min(0, lagrangian.reduced[funded])
            if forced < target {
                var slope = 0.0
                for (position, row) in context.budgetRows(of: project) where request[position] > 0 {
                    slope += Swift.max(0, lagrangian.duals[row]) * request[position] / total
                }
                guard slope > 1e-12 else { return TopUp(fund: id, lower: .infinity, upper: nil, reachable: false) }
                lower = Swift.max(0, (target - forced) / slope * (1 - 1e-9) - 1e-9)
            }
        }
        let upper = pointHolds ? patternRaise(project) : nil
        return TopUp(fund: id, lower: Swift.min(lower, upper ?? lower), upper: upper)
    }

    /// The least raise with which today's plan plus the project (at its least or largest share) holds and
    /// keeps today's optimum; nil when some other row fails or the objective drops.
    func patternRaise(_ project: Int) -> Double? {
        let compiled = context.compiled
        guard let funded = compiled.fundedColumn[project] else { return nil }
        var shares: [Double?] = [nil]
        if let share = compiled.shareColumn[project] {
            let column = compiled.model.columns[share]
            let least = Swift.max(compiled.facts[project].leastShare, column.lower)
            shares = [least, column.upper].filter { $0.isFinite && $0 <= column.upper }.map { $0 }
        }
        var best: Double?
        for share in shares {
            var changes = [(column: funded, delta: 1.0 - context.point[funded])]
            if let share, let column = compiled.shareColumn[project] { changes.append((column, share - context.point[column])) }
            if let raise = raise(project, changes: changes), raise < (best ?? .infinity) { best = raise }
        }
        return best
    }

    /// The raise the point moved by `changes` needs in the project's fund (nil when another row fails or the
    /// objective drops below today's optimum).
    func raise(_ project: Int, changes: [(column: Int, delta: Double)]) -> Double? {
        let model = context.compiled.model
        var rowDelta: [Int: Double] = [:]
        var gain = 0.0
        for (column, delta) in changes where delta != 0 {
            gain += model.objective[column] * delta
            for entry in context.entriesOfColumn[column] { rowDelta[entry.row, default: 0] += entry.coefficient * delta }
        }
        let (request, total) = context.requestProfile(project)
        var raisable: [Int: Double] = [:]
        for (position, row) in context.budgetRows(of: project) where request[position] > 0 {
            raisable[row] = request[position] / total
        }
        var amount = 0.0
        for (row, delta) in rowDelta {
            var level = activity[row] + delta
            if let (column, scale) = shortfallOfRow[row] {
                let before = context.point[column]
                let without = level - scale * before
                let after = Swift.max(0, (model.rows[row].lower - without) / scale)
                gain += model.objective[column] * (after - before)
                level = without + scale * after
            }
            let bounds = model.rows[row]
            if let weight = raisable[row] {
                amount = Swift.max(amount, (level - bounds.upper) / weight)
                if bounds.lower.isFinite, level < bounds.lower - 1e-6 * Swift.max(1, abs(bounds.lower)) { return nil }
            } else if !Self.holds(level, lower: bounds.lower, upper: bounds.upper) {
                return nil
            }
        }
        guard context.loss(value + gain) <= context.tolerance else { return nil }
        return amount * (1 + 1e-9)
    }

    /// Whether an activity lies within a row's bounds (the tolerance of `Model.verify`).
    static func holds(_ level: Double, lower: Double, upper: Double) -> Bool {
        if lower.isFinite, level < lower - 1e-6 * Swift.max(1, abs(lower)) { return false }
        if upper.isFinite, level > upper + 1e-6 * Swift.max(1, abs(upper)) { return false }
        return true
    }
}

/// For a maximize model and any row multipliers y: Σ_i max(y_i·lo_i, y_i·up_i) + Σ_j max(d_j·l_j, d_j·u_j)
/// + constant, d = c − Aᵀy, bounds every point's objective. The solver's duals are tried with both signs
/// (solvers differ in convention); the smaller finite bound is kept.
struct LagrangianBound {
    let value: Double
    let duals: [Double]
    let reduced: [Double]

    init?(model: Model, duals: [Double]) {
        guard model.sense == .maximize, duals.count == model.rowCount else { return nil }
        var best: LagrangianBound?
        for sign in [1.0, -1.0] {
            let multipliers = duals.map { abs($0) < 1e-9 || !$0.isFinite ? 0 : sign * $0 }
            guard let bound = Self.bound(model, multipliers), bound.value < (best?.value ?? .infinity) else { continue }
            best = bound
        }
        guard let best else { return nil }
        self = best
    }

    private init(value: Double, duals: [Double], reduced: [Double]) {
        self.value = value
        self.duals = duals
        self.reduced = reduced
    }

    private static func bound(_ model: Model, _ multipliers: [Double]) -> LagrangianBound? {
        var total = model.objectiveConstant
        var reduced = model.objective
        for (index, row) in model.rows.enumerated() where multipliers[index] != 0 {
            let y = multipliers[index]
            let side = y > 0 ? row.upper : row.lower
            guard side.isFinite else { return nil }
            total += y * side
            for term in row.terms { reduced[term.column] -= y * term.coefficient }
        }
        for (index, column) in model.columns.enumerated() where reduced[index] != 0 {
            let side = reduced[index] > 0 ? column.upper : column.lower
            guard side.isFinite else { return nil }
            total += reduced[index] * side
        }
        guard total.isFinite else { return nil }
        return LagrangianBound(value: total, duals: multipliers, reduced: reduced)
    }
}
