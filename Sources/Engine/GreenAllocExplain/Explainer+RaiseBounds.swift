import GreenAllocCore
import MILP

/// Ends of the counterfactual search that take no branching: raises that plans need, the least raise of a
/// plan's integer decisions (a linear program) and the least raise of the linear relaxation.
extension ExplainContext {
    /// The raise a plan needs: the largest excess of its fund's budget rows, spread back by the request
    /// profile (nil when it is not feasible at that raise).
    func neededRaise(_ project: Int, _ values: [Double]) -> Double? {
        let (request, total) = requestProfile(project)
        guard total > 0 else { return nil }
        var amount = 0.0
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            let over = compiled.model.activity(ofRow: row, values) - compiled.model.rows[row].upper
            amount = Swift.max(amount, over * total / request[position])
        }
        amount *= 1 + 1e-9
        let model = raisingBudget(forcedModel(project), project: project, by: amount)
        guard model.verify(values).isEmpty, loss(compiled.model.objectiveValue(values)) <= tolerance else { return nil }
        return amount
    }

    /// The smallest Δ at which none of the project's budget rows can bind any more: in every year y it draws,
    /// the budget raised by Δ × request_y / total covers the row's largest possible activity (every column
    /// at its upper bound). Slightly above it, so the raised rows are slack whatever the plan.
    func saturatingAmount(_ project: Int) -> Double {
        let (request, total) = requestProfile(project)
        var amount = 0.0
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            let bounds = compiled.model.rows[row]
            let largest = bounds.terms.reduce(0.0) { sum, term in
                let column = compiled.model.columns[term.column]
                return sum + Swift.max(term.coefficient * column.lower, term.coefficient * column.upper)
            }
            amount = Swift.max(amount, (largest - bounds.upper) * total / request[position])
        }
        return Swift.max(0, amount) * (1 + 1e-6) + 1e-6
    }

    /// Δ that fits the project (at its least share) on top of today's plan in its fund's budgets; nil when
    /// something other than the budget (a limit, a group, a requirement) then fails.
    func fittingAmount(_ project: Int) -> Double? {
        let (request, total) = requestProfile(project)
        guard total > 0 else { return nil }
        var values = point
        adding(project, to: &values)
        values = settlingShortfalls(values)
        var amount = 0.0
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            let over = compiled.model.activity(ofRow: row, values) - compiled.model.rows[row].upper
            amount = Swift.max(amount, over * total / request[position])
        }
        amount *= 1 + 1e-9
        let model = raisingBudget(compiled.model, project: project, by: amount)
        guard model.verify(values).isEmpty, loss(model.objectiveValue(values)) <= tolerance else { return nil }
        return amount
    }

    /// The forced model as a linear program in the raise: one more column Δ ∈ [0, saturating raise] that lifts
    /// the project's fund budget rows by Δ × request_y / total, objective min Δ, every integer column made
    /// continuous — fixed to `pattern`'s rounded values when given. With `reach`, one more row keeps the
    /// objective at least today's optimum − `reach`. nil when a budget row also has a lower bound (a raise
    /// would move it too) or the pattern does not fit the columns' bounds.
    func raiseProgram(_ project: Int, fixing pattern: [Double]?, reach: Double?) -> Model? {
        let base = forcedModel(project)
        let (request, total) = requestProfile(project)
        guard total > 0 else { return nil }
        var lift: [Int: Double] = [:]
        for (position, row) in budgetRows(of: project) where request[position] > 0 {
            guard !base.rows[row].lower.isFinite else { return nil }
            lift[row] = request[position] / total
        }
        var program = Model(name: base.name, sense: .minimize)
        for (index, column) in base.columns.enumerated() {
            var (lower, upper) = (column.lower, column.upper)
            if column.isInteger, let pattern {
                lower = pattern[index].rounded()
                guard lower >= column.lower, lower <= column.upper else { return nil }
                upper = lower
            }
            program.addColumn(column.name, kind: .continuous, lower: lower, upper: upper)
        }
        let raise = program.addColumn("counterfactual_raise", lower: 0, upper: saturatingAmount(project), objective: 1)
        for (index, row) in base.rows.enumerated() {
            let terms = lift[index].map { row.terms + [Term(raise, -$0)] } ?? row.terms
            program.addRow(row.name, terms: terms, lower: row.lower, upper: row.upper)
        }
        if let reach {
            program.addRow(
                "counterfactual_reach", terms: base.objectiveTerms, lower: optimum - reach - base.objectiveConstant)
        }
        return program
    }

    /// The least raise with which `plan`'s integer decisions (the projects funded, the parks named) reach
    /// today's optimum, shares re-optimized: an upper end of the search, with its plan (checked). nil when
    /// they cannot. Asked at today's optimum within the tolerance first, then, when the solver's own
    /// tolerances leave that plan a hair short, within 90% of it.
    func patternRaise(_ project: Int, _ plan: [Double]) -> (amount: Double, plan: [Double])? {
        for reach in [tolerance, 0.9 * tolerance] {
            guard let program = raiseProgram(project, fixing: plan, reach: reach),
                let result = try? solver.solve(program, parameters: parameters(limit: Swift.min(timeLimit, 10))),
                result.termination == .optimal
            else { return nil }
            var values = Array(result.values.prefix(compiled.model.columnCount))
            for (index, column) in compiled.model.columns.enumerated() where column.isInteger {
                values[index] = values[index].rounded()
            }
            if let amount = neededRaise(project, values) { return (amount, values) }
        }
        return nil
    }

    /// A raise below which no plan with the project funded is worth today's optimum: the least Δ of the linear
    /// relaxation (0 when the solver does not say); nil when the relaxation has no such plan at any raise.
    func relaxedRaise(_ project: Int) -> Double? {
        guard let program = raiseProgram(project, fixing: nil, reach: tolerance),
            let result = try? solver.solve(program, parameters: parameters(limit: Swift.min(timeLimit, 10)))
        else { return 0 }
        if result.termination == .infeasible { return nil }
        guard result.termination == .optimal, let least = result.objective else { return 0 }
        // Below the solver's tolerances: the lower end must not pass the true least raise.
        return Swift.max(0, least * (1 - 1e-6) - 1e-6)
    }
}
