public import GreenAllocCore
internal import GreenAllocEngine
internal import MILP

/// The answer of a target search: the smallest scale of a fund's budget at which a target holds.
public struct TargetSearchResult: Sendable {
    public var scenario: String
    public var target: String
    public var fundID: String
    public var fundName: String
    public var baseBudget: [Int: Double]
    /// True when some budget meets the target.
    public var met: Bool
    /// The smallest scale found (within `tolerance` relative), nil when no budget suffices.
    public var scale: Double?
    /// A proved lower bound below `scale`: no smaller scale meets the target (nil when `scale` is proved smallest).
    public var lowerScale: Double?
    public var budget: [Int: Double]?
    /// The plan at that budget, with the target hard and the scenario's objective.
    public var allocation: Allocation?
    /// The scale treated as unlimited: every request of the fund fits its budget in every year that has one.
    public var unlimitedScale: Double
    /// Why no budget suffices (empty when met); the presolve findings that block the target whatever the
    /// budget follow them in `blockingFindings`.
    public var reasons: [String]
    /// Presolve findings that prove the target out of reach whatever the budget (empty when met).
    public var blockingFindings: [Finding] = []
    /// Rules that conflict with the target even with unlimited budget (from the run at `unlimitedScale`).
    public var diagnosis: Diagnosis?
    /// False when a solve stopped on its time limit without deciding feasibility.
    public var exact: Bool
    public var solves: Int
    public var tolerance: Double
    public var seconds: Double
    /// The English text of the scenario's `{zh, en}` names (`Scenario.englishText`), for English documents.
    public var englishText: [String: String] = [:]
    /// The horizon years in which the fund has no budget (scaling adds none) while its projects request money
    /// there, with that request (万元): the first of `reasons`, as figures.
    public var unbudgetedYears: [(year: Int, request: Double)] = []
    /// When the target is not met: true when no plan meets it even at `unlimitedScale` (proved), false when no
    /// plan was found there within the time limit (the first of `reasons`).
    public var provedUnreachable = false
}

extension WhatIfRunner {
    /// The smallest scale of one fund's budget at which the named target, made hard, can be met, by bisection
    /// on fixed-scale feasibility models (`ScaleBisection`): the scale found has a plan, and scale × (1 −
    /// `tolerance`) is proved infeasible (or the proved lower end is closer). The scale reported is what the
    /// plan found actually uses (its largest use/budget ratio over the years). Then the plan at that budget is
    /// solved with the scenario's own objective and settings, as `greenalloc solve` would. The search as a
    /// whole gets the run's time limit; stopped by it, the bracket found so far is reported with `exact: false`.
    public func target(
        name: String, fund fundID: String, tolerance: Double = 1e-3, clock: @escaping @Sendable () -> Double = { 0 }
    ) throws -> TargetSearchResult {
        let began = clock()
        let fund = try fundIndex(fundID)
        guard let targetIndex = scenario.targets.firstIndex(where: { $0.name == name }) else {
            let names = scenario.targets.map { "「\($0.name)」" }.joined(separator: ", ")
            throw WhatIfError(
                "unknown target '\(name)'; "
                    + (names.isEmpty ? "the scenario has no targets" : "the scenario's targets are: \(names)"))
        }
        var hard = scenario
        hard.targets[targetIndex].penalty = nil
        hard.targets[targetIndex].reportOnly = false
        let scalable = ScalableModel(runner: self, scenario: hard, fund: fund)

        let unlimited = unlimitedScale(fund: fund)
        var result = TargetSearchResult(
            scenario: scenario.name, target: name, fundID: scenario.funds[fund].id, fundName: scenario.funds[fund].name,
            baseBudget: budget(fund: fund, scale: 1), met: false, scale: nil, lowerScale: nil, budget: nil,
            allocation: nil, unlimitedScale: unlimited, reasons: [], diagnosis: nil, exact: true, solves: 0,
            tolerance: tolerance, seconds: 0)
        result.englishText = scenario.englishText

        for year in scenario.years where scenario.funds[fund].budget(in: year) == 0 {
            let need = demand(fund: fund, year: year)
            if need > 0 {
                result.unbudgetedYears.append((year, need))
                result.reasons.append(
                    "the fund has no budget in \(year) (scaling cannot add any), while its projects request \(need)万 there")
            }
        }

        /// The scale the plan found uses and the proved lower bound; nil with `infeasible` true when no budget
        /// up to `unlimited` meets the target, nil with `infeasible` false when no plan came within the time limit.
        func minimumScale() throws -> (found: (scale: Double, bound: Double)?, infeasible: Bool) {
            if !scalable.budgetIndependentBlock.isEmpty { return (nil, true) }
            let search = ScaleBisection(scalable: scalable, solver: solver, parameters: parameters(), tolerance: tolerance)
            let outcome = try search.search(upTo: unlimited)
            result.solves += outcome.solves
            if !outcome.exact { result.exact = false }
            guard let found = outcome.found else { return (nil, outcome.infeasible) }
            return ((found.scale, Swift.min(outcome.lower, found.scale)), false)
        }

        let (found, infeasible) = try minimumScale()
        guard var (high, low) = found else {
            // Explain with the full pipeline at the unlimited budget: its diagnosis names the conflicting rules.
            let allocation = try run(scaled(fund: fund, by: unlimited, in: hard))
            result.diagnosis = allocation.diagnosis
            result.allocation = allocation
            result.provedUnreachable = infeasible
            result.reasons.insert(
                infeasible
                    ? "the target cannot be met even with unlimited budget (×\(unlimited): every request of the fund fits)"
                    : "no plan meeting the target was found within the time limit even at ×\(unlimited) of the budget",
                at: 0)
            result.blockingFindings = scalable.budgetIndependentBlock
            result.seconds = clock() - began
            return result
        }
        if high - low <= 1e-9 * Swift.max(1, high) { low = high }
        result.met = true
        result.scale = high
        result.lowerScale = low < high ? low : nil
        result.budget = budget(fund: fund, scale: high)
        result.reasons = []
        result.blockingFindings = []
        var plan = try run(scaled(fund: fund, by: high, in: hard))
        if plan.status == .infeasible, high > 0 {
            // The plan found fits only within the solver's tolerance: give the budget a hair more room.
            high = Swift.min(unlimited, high * (1 + 1e-6))
            result.scale = high
            result.budget = budget(fund: fund, scale: high)
            plan = try run(scaled(fund: fund, by: high, in: hard))
        }
        result.allocation = plan
        result.seconds = clock() - began
        return result
    }

    /// Requests of the fund's projects in a year (plus every possible naming award for a naming fund).
    func demand(fund: Int, year: Int) -> Double {
        let spec = scenario.funds[fund]
        guard let yearIndex = scenario.years.firstIndex(of: year) else { return 0 }
        if spec.kind == .namingAward {
            return (spec.award ?? 0) * Double(library.parkRecords.count)
        }
        return library.projectRecords.filter { $0.fund == fund }.reduce(0) { $0 + $1.request[yearIndex] }
    }

    /// A scale at which the fund's budget rows cannot bind: every year's demand fits (at least ×1, with 1% room).
    func unlimitedScale(fund: Int) -> Double {
        var scale = 1.0
        for year in scenario.years {
            let base = scenario.funds[fund].budget(in: year)
            if base > 0 { scale = Swift.max(scale, demand(fund: fund, year: year) / base) }
        }
        return (scale * 1.01 * 1000).rounded(.up) / 1000
    }
}
