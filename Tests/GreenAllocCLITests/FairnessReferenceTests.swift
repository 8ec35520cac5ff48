import GreenAllocCore
import GreenAllocWhatIf
import MILPGLPK
import Testing

/// The rules' plans on random small scenarios, checked by an evaluation that reads the scenario's Swift
/// values (as `ReferenceEvaluator` does) and shares no code with the compiler: a plan is said to break a
/// project rule exactly when it does.
@Suite struct FairnessReferenceTests {
    /// The project rules a funded set (ids, each at its cap u) breaks: budget, cityCap, cityShare, group,
    /// requires, lock.
    static func broken(_ scenario: RandomScenario, funded ids: Set<String>) -> Set<String> {
        let projects = scenario.projects
        let funded = projects.map { ids.contains($0.id) }
        let cap = projects.map { ReferenceEvaluator.maximumShare($0, scenario) }
        var broken: Set<String> = []
        if projects.indices.contains(where: { projects[$0].lock == "in" && !funded[$0] }) { broken.insert("lock") }
        if projects.indices.contains(where: { funded[$0] && projects[$0].requires.contains { !funded[$0] } }) { broken.insert("requires") }
        if projects.indices.filter({ funded[$0] && projects[$0].group == "G1" }).count > 1 { broken.insert("group") }
        let (spent, byCity) = ReferenceEvaluator.spending(scenario, funded: funded, cap: cap)
        let slack = 1e-6
        if spent[0] > scenario.budget[0] + slack || spent[1] > scenario.budget[1] + slack { broken.insert("budget") }
        if let limit = scenario.cityCap, byCity.joined().contains(where: { $0 > limit + slack }) { broken.insert("cityCap") }
        if let share = scenario.cityShare, byCity.contains(where: { $0[0] + $0[1] > share * (spent[0] + spent[1]) + slack }) {
            broken.insert("cityShare")
        }
        return broken
    }

    static func category(_ rule: ConflictRule) -> String? {
        switch rule {
        case .budget(let fund, _): fund == "f1" ? "budget" : nil
        case .limit(let name, _, _): name == "单市年度上限" ? "cityCap" : "cityShare"
        case .exclusive: "group"
        case .requires: "requires"
        case .lock: "lock"
        case .target: nil
        }
    }

    @Test(arguments: Array(1...24) as [UInt64])
    func rulePlansAgreeWithTheReference(seed: UInt64) throws {
        let scenario = RandomScenario(seed: seed)
        let fixture = try ScenarioFixture(yaml: scenario.yaml, projects: scenario.projectsCSV, parks: scenario.parksCSV)
        let runner = try WhatIfTests.runner(fixture, solver: GLPKSolver())
        let optimum = try runner.run(runner.scenario)
        let result = try runner.fairness(basis: .requests, optimum: optimum)
        for plan in result.plans where plan.rule != .optimum {
            let reference = Self.broken(scenario, funded: Set(plan.funded))
            let engine = Set(plan.broken.compactMap(Self.category))
            #expect(engine == reference, "seed \(seed), \(plan.rule): engine \(engine), reference \(reference)")
            // The walk never breaks a rule it checks as it goes (locked-in projects are funded whatever they break).
            if !scenario.projects.contains(where: { $0.lock == "in" }) {
                #expect(reference.isDisjoint(with: ["budget", "cityCap", "group", "requires"]), "seed \(seed), \(plan.rule)")
            }
            if let objective = plan.objective, let best = optimum.objective, reference.isEmpty, plan.broken.isEmpty {
                #expect(objective <= best + 1e-6 * max(1, abs(best)), "seed \(seed), \(plan.rule)")
            }
        }
    }
}
