internal import GreenAllocCore

extension WhatIfRunner {
    /// The proportional rule, cities as the voters of the method of equal shares (each project supported by
    /// its own city, worth its objective gain):
    /// 1. Each city's remaining money starts at its entitlement; locked-in projects come first, charged to
    ///    their cities.
    /// 2. A round walks the projects by gain per 万元 (highest first, ties in library order) and funds a
    ///    project (with the projects it requires) when every city concerned still has the package's cost in
    ///    it and the money and hard limits allow (`RuleWalk`); the cost comes off the cities' remaining money.
    ///    With one supporter per project this is the method's choice of the smallest price per unit of gain
    ///    among the affordable projects, one after another.
    /// 3. Leftovers are passed on: the money the cities have left is pooled and shared again, in proportion to
    ///    the weights, among the cities that still have a project the hard limits allow; then another round.
    ///    A package the hard limits refused stays refused (the limits only tighten as money is spent).
    /// 4. When a round funds nothing, the rest is completed as the greedy rule does (down the same list while
    ///    the money and limits allow), as pabutools completes an equal-shares outcome.
    /// Returns the walk and the number of rounds of step 2.
    func proportionalWalk(_ compiled: CompiledModel, entitlements: [Double], weights: [Double]) -> (RuleWalk, Int) {
        var walk = RuleWalk(compiled: compiled, scenario: scenario)
        var remaining = entitlements
        let cityOf = library.projectRecords.map(\.city)
        for project in compiled.lockedIn {
            let package = walk.package(project) ?? [project]
            _ = walk.fund(package, force: true)
            for member in package { remaining[cityOf[member]] -= cost(member, compiled) }
        }
        let order = benefitOrder(walk)
        var refused: Set<Int> = []
        var rounds = 0
        while true {
            rounds += 1
            var bought = false
            for project in order where !walk.funded.contains(project) && !refused.contains(project) {
                guard let package = walk.package(project) else {
                    refused.insert(project)
                    continue
                }
                var costs: [Int: Double] = [:]
                for member in package { costs[cityOf[member], default: 0] += cost(member, compiled) }
                guard costs.allSatisfy({ remaining[$0.key] >= $0.value - 1e-9 * Swift.max(1, $0.value) }) else { continue }
                if walk.fund(package) {
                    for (city, amount) in costs { remaining[city] -= amount }
                    bought = true
                } else {
                    refused.insert(project)
                }
            }
            let active = Set(order.filter { !walk.funded.contains($0) && !refused.contains($0) }.map { cityOf[$0] })
            let activeWeight = active.reduce(0) { $0 + weights[$1] }
            guard bought, activeWeight > 0 else { break }
            let pool = remaining.reduce(0) { $0 + Swift.max(0, $1) }
            for city in remaining.indices where remaining[city] >= 0 {
                remaining[city] = active.contains(city) ? pool * weights[city] / activeWeight : 0
            }
        }
        for project in order where !walk.funded.contains(project) && !refused.contains(project) {
            guard let package = walk.package(project) else { continue }
            _ = walk.fund(package)
        }
        return (walk, rounds)
    }
}
