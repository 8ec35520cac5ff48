import GreenAllocCore
import MILP

extension ExplainContext {
    /// Exact `counterfactual_budget.add`: the smallest Δ (within 0.1%) at which the forced model with the
    /// fund raised by Δ reaches today's optimum. Returns nil when no Δ up to the saturating raise does;
    /// `complete` is false when a solve ran out of time (the answer is then an upper estimate).
    /// `forced`: forced_in's loss and plan at today's budget, when known.
    ///
    /// The bracket's upper end starts at the least raise of two plans' integer decisions (today's plan with the
    /// project added, and the forced plan), a linear program each; its lower end at 0, or at the linear
    /// relaxation's least raise when nothing is known at today's budget. Each step then asks whether some plan
    /// reaches at one raise (see `reach`): first just under the upper end (the answer when that end is
    /// tight), then by interpolation on the objective or bisection; a plan that reaches lowers the upper end
    /// to the least raise of its own integer decisions.
    func counterfactualAdd(_ project: Int, forced: (loss: Double, plan: [Double])? = nil) -> (add: Double?, complete: Bool) {
        if let forced, forced.loss <= tolerance { return (0, true) }
        var bracket = RaiseBracket()
        let (_, total) = requestProfile(project)
        if let forced {
            bracket.missed(at: 0, plan: forced.plan, value: optimum - forced.loss, bound: optimum - forced.loss)
        } else {
            if total > 0 {
                guard let floor = relaxedRaise(project) else { return (nil, true) }
                bracket.lower = floor
            }
            if bracket.lower == 0, step(project, at: 0, &bracket) == true { return (0, bracket.complete) }
        }
        guard total > 0 else { return (nil, bracket.complete) }  // raising the fund by Δ changes nothing for it
        var today = point
        adding(project, to: &today)
        for plan in [settlingShortfalls(today), forced?.plan].compactMap({ $0 }) {
            if let (amount, values) = patternRaise(project, plan) {
                bracket.reached(at: amount, value: compiled.model.objectiveValue(values))
            }
        }
        // Right above the relaxation's least raise: often the answer when only the project's own size matters.
        if bracket.lower > 0, !bracket.isClosed, step(project, at: bracket.lower / (1 - 9e-4), &bracket) == nil {
            return (bracket.upper.isFinite ? bracket.upper : nil, false)
        }
        if bracket.upper == .infinity {
            // Beyond the saturating raise the budget rows cannot bind: if it does not reach, nothing does.
            let saturation = saturatingAmount(project)
            guard saturation > 0, step(project, at: saturation, &bracket) == true else { return (nil, bracket.complete) }
        }
        // A near upper end first (the saturating raise can be far above the answer): ×4 from the request.
        var next = Swift.max(total, 4 * bracket.lower)
        while 2 * next < bracket.upper, step(project, at: next, &bracket) == false { next *= 4 }
        narrow(project, &bracket)
        return (bracket.upper, bracket.complete)
    }

    /// Closes the bracket to 0.1%: a step just under the upper end, then one by interpolation on the objective
    /// between the ends (bisection when the last guess did not halve the bracket), and so on. Stops early
    /// (incomplete) when a step is undecided.
    func narrow(_ project: Int, _ bracket: inout RaiseBracket) {
        var probe = true
        var guessWidth: Double?  // the bracket's width when the last guess was made
        let target = optimum - tolerance
        while !bracket.isClosed {
            let (lower, upper) = (bracket.lower, bracket.upper)
            let width = upper - lower
            var next = (lower + upper) / 2
            if probe {
                next = upper * (1 - 9e-4)
            } else if guessWidth.map({ width <= $0 / 2 }) ?? true, let low = bracket.valueBelow,
                let high = bracket.valueAbove, high > low
            {
                let guess = lower + (target - low) / (high - low) * width
                next = Swift.min(Swift.max(guess, lower + 1e-4 * upper), upper - 1e-4 * upper)
                guessWidth = width
            } else {
                guessWidth = nil
            }
            guard step(project, at: next, &bracket) != nil else { return }
            probe.toggle()
        }
    }

    /// One step of the search at raise `amount`: true when a plan reaches (the upper end moves to the least
    /// raise of its integer decisions), false when none does (the lower end moves), nil when undecided.
    func step(_ project: Int, at amount: Double, _ bracket: inout RaiseBracket) -> Bool? {
        switch reach(project, raisedBy: amount, start: bracket.below) {
        case .reached(let values, let value):
            bracket.reached(at: Swift.min(amount, neededRaise(project, values) ?? amount), value: value)
            if let (least, plan) = patternRaise(project, values) {
                bracket.reached(at: least, value: compiled.model.objectiveValue(plan))
            }
            return true
        case .notReached(let values, let value, let bound):
            bracket.missed(at: amount, plan: values, value: value, bound: bound)
            return false
        case .undecided:
            bracket.complete = false
            return nil
        }
    }

    /// Whether a plan with the project funded and the fund raised by `amount` is worth today's optimum: the
    /// greedy repair's plan when it is, else a search of the forced model from the best plan known (`start`,
    /// or the repair's when better) that stops at the first plan that reaches or once its bound proves that
    /// none does (proving that the optimum misses is much cheaper for GLPK than proving that a model with
    /// "objective ≥ today's optimum" has no plan).
    func reach(_ project: Int, raisedBy amount: Double, start: (plan: [Double], value: Double)?) -> Reach {
        let model = raisingBudget(forcedModel(project), project: project, by: amount)
        var start = start
        if let repaired = repairedForcedPlan(project, in: model) {
            let value = model.objectiveValue(repaired)
            if loss(value) <= tolerance { return .reached(repaired, value) }
            if start.map({ value > $0.value }) ?? true { start = (repaired, value) }
        }
        var first = point
        adding(project, to: &first)
        var parameters = parameters(start: start?.plan ?? settlingShortfalls(first))
        parameters.stopWhenIncumbentReaches = optimum - tolerance
        parameters.stopWhenBoundMisses = optimum - tolerance
        guard let result = try? solver.solve(model, parameters: parameters) else { return .undecided }
        if result.termination == .infeasible { return .notReached(nil, nil, bound: nil) }
        let values = result.hasSolution ? result.values : nil
        if let values, let value = result.objective, loss(value) <= tolerance { return .reached(values, value) }
        if result.termination == .optimal { return .notReached(values, result.objective, bound: result.objective) }
        if let bound = result.bestBound, loss(bound) > tolerance {
            return .notReached(values, result.objective, bound: bound)
        }
        return .undecided
    }
}

/// The counterfactual search's bracket: no raise below `lower` reaches today's optimum; `upper` does.
struct RaiseBracket {
    var lower = 0.0
    var upper = Double.infinity
    /// At least the forced optimum at `lower` (that optimum, or the bound that proved it short), when known.
    var valueBelow: Double?
    /// The objective of the plan that reached at `upper`.
    var valueAbove: Double?
    /// The best plan known at `lower` or below (feasible at any larger raise) and its objective.
    var below: (plan: [Double], value: Double)?
    /// False once a step was undecided: `upper` is then an upper estimate.
    var complete = true

    var isClosed: Bool { upper.isFinite && upper - lower <= 1e-3 * upper }

    mutating func reached(at amount: Double, value: Double) {
        guard amount < upper else { return }
        upper = amount
        valueAbove = value
    }

    mutating func missed(at amount: Double, plan: [Double]?, value: Double?, bound: Double?) {
        if let plan, let value, below.map({ value > $0.value }) ?? true { below = (plan, value) }
        guard amount >= lower else { return }
        lower = amount
        valueBelow = bound
    }
}

enum Reach {
    /// A plan that reaches, and its objective.
    case reached([Double], Double)
    /// The best plan found and its value (nil when none), and at least the optimum at that raise (nil when
    /// no plan funds the project there).
    case notReached([Double]?, Double?, bound: Double?)
    case undecided
}
