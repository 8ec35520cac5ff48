public import GreenAllocCore
internal import GreenAllocEngine
internal import MILP

/// What a city's entitlement under the proportional rule is proportional to.
public enum FairnessBasis: String, Sendable, CaseIterable {
    /// The money its projects may receive: Σ u·total request over its fundable projects.
    case requests
    /// The cities table's population column (the first whose name starts with `population` or `pop`).
    case population
    /// The cities table's GDP column (the first whose name starts with `gdp`).
    case gdp
}

public struct FairnessCity: Sendable {
    public var id: String
    public var name: String
    public var weight: Double
    /// Its entitlement under the proportional rule (万元): weight share × the project funds' horizon budgets.
    public var entitlement: Double
}

/// One plan of a fairness comparison.
public struct RulePlan: Sendable {
    public enum Rule: String, Sendable, CaseIterable {
        case optimum, greedy, proportional
    }

    public var rule: Rule
    public var objective: Double?
    /// Funded projects, library order.
    public var funded: [String]
    public var parksNamed: Int
    /// Project subsidy per city, in `FairnessResult.cities` order (万元).
    public var cityAmounts: [Double]
    /// The hard rules the plan breaks (empty: it respects every one).
    public var broken: [ConflictRule]

    public var subsidyTotal: Double { cityAmounts.reduce(0, +) }
}

/// The optimum beside the greedy benefit/cost ranking and the proportional (equal-shares) rule.
public struct FairnessResult: Sendable {
    public var scenario: String
    public var basis: FairnessBasis
    /// The cities table's column behind the population or GDP basis.
    public var basisColumn: String?
    /// The money the entitlements share: the project-subsidy funds' budgets over the horizon (万元).
    public var budget: Double
    public var cities: [FairnessCity]
    /// Optimum, greedy, proportional.
    public var plans: [RulePlan]
    /// Equal-shares rounds of the proportional rule before its completion.
    public var rounds: Int

    /// Objective lost against the optimum (absolute, and as a share of the optimum).
    public func price(of plan: RulePlan) -> (absolute: Double, share: Double?)? {
        guard let optimum = plans.first(where: { $0.rule == .optimum })?.objective, let objective = plan.objective else { return nil }
        let lost = optimum - objective
        return (lost, abs(optimum) > 1e-12 ? lost / abs(optimum) : nil)
    }
}

extension WhatIfRunner {
    /// The fairness comparison of the scenario: `optimum` (a full run's allocation) beside the two rules'
    /// plans, built on the compiled model (`RuleWalk`).
    public func fairness(basis: FairnessBasis, optimum: Allocation) throws -> FairnessResult {
        let compiled = AllocationRunner(scenario: scenario, library: library, rules: rules, solver: solver).compile()
        let (weights, column) = try cityWeights(basis: basis, compiled: compiled, cities: optimum.cities)
        let budget = scenario.funds.filter { $0.kind == .projectSubsidy }
            .reduce(0.0) { total, fund in total + scenario.years.reduce(0) { $0 + fund.budget(in: $1) } }
        let totalWeight = weights.reduce(0, +)
        let names = Dictionary(optimum.cities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let cities = library.cityIDs.indices.map { index in
            FairnessCity(
                id: library.cityIDs[index], name: names[library.cityIDs[index]] ?? library.cityNames[index], weight: weights[index],
                entitlement: totalWeight > 0 ? budget * weights[index] / totalWeight : 0)
        }
        var optimumAmounts = Array(repeating: 0.0, count: cities.count)
        let outcomes = Dictionary(optimum.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in library.projectRecords { optimumAmounts[record.city] += outcomes[record.id]?.subsidyTotal ?? 0 }
        let optimumPlan = RulePlan(
            rule: .optimum, objective: optimum.objective, funded: optimum.projects.filter(\.funded).map(\.id),
            parksNamed: optimum.parks.count, cityAmounts: optimumAmounts, broken: [])
        let greedy = plan(.greedy, walk: greedyWalk(compiled), compiled: compiled)
        let (proportionalWalk, rounds) = proportionalWalk(compiled, entitlements: cities.map(\.entitlement), weights: weights)
        let proportional = plan(.proportional, walk: proportionalWalk, compiled: compiled)
        return FairnessResult(
            scenario: scenario.name, basis: basis, basisColumn: column, budget: budget, cities: cities,
            plans: [optimumPlan, greedy, proportional], rounds: rounds)
    }

    /// Per city (library order): the weight of the basis, and the cities table's column behind it.
    func cityWeights(basis: FairnessBasis, compiled: CompiledModel, cities: [CityInfo]) throws -> ([Double], String?) {
        switch basis {
        case .requests:
            var weights = Array(repeating: 0.0, count: library.cityIDs.count)
            for (index, record) in library.projectRecords.enumerated() where compiled.fundedColumn[index] != nil {
                weights[record.city] += compiled.facts[index].cap * record.totalRequest
            }
            return (weights, nil)
        case .population, .gdp:
            let prefixes = basis == .gdp ? ["gdp"] : ["population", "pop"]
            let columns = Set(cities.flatMap { $0.figures.keys }).sorted()
            guard let column = prefixes.lazy.compactMap({ prefix in columns.first { $0.lowercased().hasPrefix(prefix) } }).first else {
                throw WhatIfError(
                    "--basis \(basis.rawValue) needs a \(basis == .gdp ? "gdp…" : "population…") column in the cities table; it has: "
                        + (columns.isEmpty ? "no numeric columns" : columns.joined(separator: ", ")))
            }
            let figures = Dictionary(cities.map { ($0.id, $0.figures) }, uniquingKeysWith: { first, _ in first })
            let weights = try library.cityIDs.map { id in
                guard let value = figures[id]?[column], value.isFinite, value >= 0 else {
                    throw WhatIfError("city \(id) has no \(column) value ≥ 0 in the cities table")
                }
                return value
            }
            return (weights, column)
        }
    }

    /// Projects by objective gained per 万元 of subsidy at their cap, highest first (ties in library order);
    /// projects that gain nothing are left out.
    func benefitOrder(_ walk: RuleWalk) -> [Int] {
        let ratios: [(Int, Double)] = library.projectRecords.indices.compactMap { index in
            guard walk.compiled.fundedColumn[index] != nil else { return nil }
            let cost = walk.compiled.facts[index].cap * library.projectRecords[index].totalRequest
            let gain = walk.gain([index])
            guard gain > 0, cost > 0 else { return nil }
            return (index, gain / cost)
        }
        return ratios.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.map(\.0)
    }

    func cost(_ project: Int, _ compiled: CompiledModel) -> Double {
        compiled.facts[project].cap * library.projectRecords[project].totalRequest
    }

    /// Today's practice: locked-in projects, then down the benefit-per-万元 list while the money and the hard
    /// limits allow.
    func greedyWalk(_ compiled: CompiledModel) -> RuleWalk {
        var walk = RuleWalk(compiled: compiled, scenario: scenario)
        for project in compiled.lockedIn { _ = walk.fund(walk.package(project) ?? [project], force: true) }
        for project in benefitOrder(walk) where !walk.funded.contains(project) {
            guard let package = walk.package(project) else { continue }
            _ = walk.fund(package)
        }
        return walk
    }

    func plan(_ rule: RulePlan.Rule, walk: RuleWalk, compiled: CompiledModel) -> RulePlan {
        var walk = walk
        let (values, broken) = walk.finish(scenario: scenario, library: library)
        var amounts = Array(repeating: 0.0, count: library.cityIDs.count)
        var funded: [String] = []
        for (index, record) in library.projectRecords.enumerated() where walk.funded.contains(index) {
            amounts[record.city] += compiled.share(of: index, values) * record.totalRequest
            funded.append(record.id)
        }
        let named = compiled.naming.filter { values[$0.column] > 0.5 }.count
        return RulePlan(
            rule: rule, objective: compiled.model.objectiveValue(values), funded: funded, parksNamed: named,
            cityAmounts: amounts, broken: broken)
    }
}
