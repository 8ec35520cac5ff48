import GreenAllocCore
import MILP

extension ExplainContext {
    /// Exact `counterfactual_budget.add`: the smallest Δ (within 0.1%) at which the forced model with the
    /// fund raised by Δ reaches today's optimum. Returns nil when no Δ up to the search bound does; `complete`
    /// is false when a solve ran out of time (the answer is then an upper estimate).
    /// `forced`: forced_in's loss and plan at today's budget, when known.
    func counterfactualAdd(_ project: Int, forced: (loss: Double, plan: [Double])? = nil) -> (add: Double?, complete: Bool) {
        let forcedLoss = forced?.loss
        var complete = true
        var lower = 0.0
        var upper = Double.infinity
        // The forced optimum at `lower` and the objective of the plan that reached at `upper`, when known.
        var valueBelow = forcedLoss.map { optimum - $0 }
        var valueAbove: Double?
        var below = forced?.plan  // the best plan at the largest raise known not to reach: feasible above it
        func reaches(_ amount: Double) -> Bool {
            switch reachesOptimum(project, raisedBy: amount, start: below) {
            case .reached(let values, let value):
                // The plan found needs at most `amount`: its own raise is an upper end too.
                upper = Swift.min(upper, amount, neededRaise(project, values) ?? amount)
                valueAbove = value
                return true
            case .notReached(let values, let value):
                if let values { below = values }
                if amount >= lower {
                    lower = amount
                    valueBelow = value
                }
                return false
            case .undecided:
                complete = false
                return false
            }
        }
        // forcedIn's loss, when known, answers Δ = 0 without a solve.
        if let forcedLoss {
            if forcedLoss <= tolerance { return (0, complete) }
        } else if reaches(0) {
            return (0, complete)
        }
        let (_, total) = requestProfile(project)
        guard total > 0 else { return (nil, complete) }  // raising the fund by Δ changes nothing for it
        let fits = fittingAmount(project).map(reaches) ?? false
        if !fits {
            // Beyond the saturating raise the budget rows cannot bind: if it does not reach, nothing does.
            let saturation = saturatingAmount(project)
            guard saturation > 0, reaches(saturation) else { return (nil, complete) }
            // A near upper end first (the saturating raise can be far above the answer): ×4 from the request.
            var next = Swift.min(total, saturation)
            while next < upper, !reaches(next) { next = Swift.min(saturation, next * 4) }
        }
        // Interpolation on the objective between the ends; after a guess, a probe 0.09% to the other side of
        // it, which closes the bracket when the guess was close. A bisection step whenever a guess and its
        // probe did not halve the bracket.
        let target = optimum - tolerance
        var confirm: Double?
        var guessWidth: Double?  // the bracket's width when the last guess was made
        while upper - lower > 1e-3 * upper {
            let width = upper - lower
            var next = (lower + upper) / 2
            var guessed = false
            if let probe = confirm, probe > lower, probe < upper {
                next = probe
            } else if guessWidth.map({ width <= $0 / 2 }) ?? true, let low = valueBelow, let high = valueAbove, high > low {
                let guess = lower + (target - low) / (high - low) * width
                next = Swift.min(Swift.max(guess, lower + 1e-4 * upper), upper - 1e-4 * upper)
                guessed = true
                guessWidth = width
            } else {
                guessWidth = nil
            }
            confirm = nil
            if reaches(next) {
                if guessed { confirm = upper * (1 - 9e-4) }
            } else if guessed {
                confirm = next / (1 - 9e-4)
            }
        }
        return (upper, complete)
    }

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

    /// Whether the forced model with the fund raised by `amount` has a plan worth today's optimum (with that
    /// plan), has none (with its best plan, which stays feasible at any larger raise), or the solver stopped
    /// without deciding. Solved as an optimization of the forced model (proving its optimum is much cheaper
    /// for GLPK than proving that "objective ≥ today's optimum" has no plan), from `start` when it fits.
    func reachesOptimum(_ project: Int, raisedBy amount: Double, start: [Double]? = nil) -> Reach {
        let model = raisingBudget(forcedModel(project), project: project, by: amount)
        var first = point
        adding(project, to: &first)
        guard let result = try? solver.solve(model, parameters: parameters(start: start ?? settlingShortfalls(first))) else {
            return .undecided
        }
        if result.termination == .infeasible { return .notReached(nil, nil) }
        guard result.hasSolution, let value = result.objective else { return .undecided }
        if loss(value) <= tolerance { return .reached(result.values, value) }
        return result.termination == .optimal ? .notReached(result.values, value) : .undecided
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

    /// LP relaxation duals of the budget rows (row index → dual), for the estimates.
    func relaxationBudgetDuals() -> [Int: Double] {
        var relaxed = Model(name: compiled.model.name, sense: compiled.model.sense)
        for (index, column) in compiled.model.columns.enumerated() {
            relaxed.addColumn(
                column.name, kind: .continuous, lower: column.lower, upper: column.upper,
                objective: compiled.model.objective[index])
        }
        for row in compiled.model.rows { relaxed.addRow(row.name, terms: row.terms, lower: row.lower, upper: row.upper) }
        relaxed.objectiveConstant = compiled.model.objectiveConstant
        var parameters = parameters(limit: Swift.min(timeLimit, 10))
        parameters.wantRelaxationDuals = true
        guard let result = try? solver.solve(relaxed, parameters: parameters), let duals = result.rowDuals else { return [:] }
        var budgetDuals: [Int: Double] = [:]
        for row in compiled.allBudgetRows { budgetDuals[row] = duals[row] }
        return budgetDuals
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

enum Reach {
    /// A plan that reaches, and its objective.
    case reached([Double], Double)
    /// The forced optimum's plan and value (nil when no plan funds the project at that raise).
    case notReached([Double]?, Double?)
    case undecided
}
