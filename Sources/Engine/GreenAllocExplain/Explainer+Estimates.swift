public import GreenAllocCore
public import MILP

extension ExplainContext {
    /// Estimated Δ: the estimated loss over the LP's budget duals weighted by the request profile, capped by
    /// the amount that fits the project on top of today's plan.
    func estimatedAdd(_ project: Int, loss estimate: Double, duals: [Int: Double]) -> Double? {
        if estimate <= tolerance { return 0 }
        let (request, total) = requestProfile(project)
        guard total > 0 else { return nil }
        let fit = fittingAmount(project)
        var rate = 0.0
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            rate += abs(duals[row] ?? 0) * request[position] / total
        }
        guard rate > 1e-12 else { return fit }
        let byDuals = estimate / rate
        return fit.map { Swift.min($0, byDuals) } ?? byDuals
    }

    /// The row duals of the model's linear relaxation (every column continuous), nil when the solver gives
    /// none within `limit` seconds.
    func relaxationRowDuals(limit: Double) -> [Double]? {
        Explainer.relaxationRowDuals(of: compiled, solver: solver, parameters: parameters(limit: limit))
    }

    /// Estimated safety margin of a funded project (see `Explainer`); nil for locked-in projects and
    /// projects without a fund or request.
    func safety(of project: Int) -> Safety? {
        let records = library.projectRecords
        guard let fund = records[project].fund, !compiled.lockedIn.contains(project) else { return nil }
        let (request, total) = requestProfile(project)
        guard total > 0 else { return nil }
        func worthPerMoney(_ index: Int) -> Double {
            let subsidy = allocation.projects[index].subsidyTotal
            let worth = columns(of: index).reduce(0.0) { $0 + compiled.model.objective[$1] * point[$1] }
            return subsidy > 0 ? (maximize ? worth : -worth) / subsidy : .infinity
        }
        let own = worthPerMoney(project)
        let locked = Set(compiled.lockedIn)
        let weaker = records.indices.filter {
            $0 != project && records[$0].fund == fund && allocation.projects[$0].funded && !locked.contains($0)
                && worthPerMoney($0) < own
        }
        var cut = Double.infinity
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            let slack = compiled.model.rows[row].upper - compiled.model.activity(ofRow: row, point)
            let absorbable = Swift.max(0, slack) + weaker.reduce(0.0) { $0 + allocation.projects[$1].subsidy[position] }
            cut = Swift.min(cut, absorbable * total / request[position])
        }
        guard cut.isFinite else { return nil }
        return Safety(fund: scenario.funds[fund].id, cut: cut)
    }
}

extension Explainer {
    /// The row duals of `compiled`'s linear relaxation (nil when the solve fails or stops at `limit` seconds):
    /// what the top-ups' lower ends read. They depend on the model alone, so a caller may compute them while
    /// the integer program is being solved, on another thread (each solve keeps to its own thread).
    public static func relaxationRowDuals(of compiled: CompiledModel, solver: any Solver, limit: Double) -> [Double]? {
        relaxationRowDuals(
            of: compiled, solver: solver, parameters: SolverParameters(timeLimit: limit, relativeGap: 0, start: nil, concurrent: true))
    }

    static func relaxationRowDuals(of compiled: CompiledModel, solver: any Solver, parameters: SolverParameters) -> [Double]? {
        var relaxed = Model(name: compiled.model.name, sense: compiled.model.sense)
        for (index, column) in compiled.model.columns.enumerated() {
            relaxed.addColumn(
                column.name, kind: .continuous, lower: column.lower, upper: column.upper,
                objective: compiled.model.objective[index])
        }
        for row in compiled.model.rows { relaxed.addRow(row.name, terms: row.terms, lower: row.lower, upper: row.upper) }
        relaxed.objectiveConstant = compiled.model.objectiveConstant
        var parameters = parameters
        parameters.wantRelaxationDuals = true
        guard let result = try? solver.solve(relaxed, parameters: parameters), let duals = result.rowDuals,
            duals.count == compiled.model.rowCount
        else { return nil }
        return duals
    }
}
