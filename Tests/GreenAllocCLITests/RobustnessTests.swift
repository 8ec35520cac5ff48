import Foundation
import GreenAllocRobustness
import Testing

/// A knapsack scenario small enough to enumerate: one fund, one year, two benefit columns `a` and `b`, no caps
/// (θ = 1 when funded). The brute force here reads the same numbers and shares no code with greenalloc.
struct Knapsack {
    var budget: Double
    /// (request, a, b) per project P1, P2, …
    var projects: [(request: Double, a: Double, b: Double)]

    var ids: [String] { projects.indices.map { "P\($0 + 1)" } }

    func fixture() throws -> ScenarioFixture {
        let yaml = ScenarioFixture.header() + """
            funds:
              - id: f1
                name: 专项资金
                budget: {2022: \(budget), 2023: 0}
            objective:
              maximize: benefit
              weights: {a: 1, b: 1}
            solver: {mip_gap: 0}

            """
        var csv = "id,name,park,fund,category,investment,request_2022,request_2023,a,b\n"
        for (index, project) in projects.enumerated() {
            csv += "P\(index + 1),项目\(index + 1),K1,f1,air,100000,\(project.request),,\(project.a),\(project.b)\n"
        }
        return try ScenarioFixture(yaml: yaml, projects: csv)
    }

    /// Every subset that fits the budget, as a bit mask.
    var feasible: [Int] {
        (0..<(1 << projects.count)).filter { mask in
            projects.indices.filter { mask & (1 << $0) != 0 }.reduce(0.0) { $0 + projects[$1].request } <= budget + 1e-9
        }
    }

    func value(_ mask: Int, a: Double, b: Double) -> Double {
        projects.indices.filter { mask & (1 << $0) != 0 }.reduce(0.0) { $0 + a * projects[$1].a + b * projects[$1].b }
    }

    func optimum(a: Double, b: Double) -> Int {
        feasible.max { value($0, a: a, b: b) < value($1, a: a, b: b) } ?? 0
    }

    /// RPM's non-dominated plans over the box, by checking every pair of feasible plans at the four corners.
    func nonDominated(a: ClosedRange<Double>, b: ClosedRange<Double>) -> [Int] {
        let corners = [(a.lowerBound, b.lowerBound), (a.lowerBound, b.upperBound), (a.upperBound, b.lowerBound), (a.upperBound, b.upperBound)]
        return feasible.filter { plan in
            !feasible.contains { other in
                let differences = corners.map { value(other, a: $0.0, b: $0.1) - value(plan, a: $0.0, b: $0.1) }
                return differences.allSatisfy { $0 >= -1e-9 } && differences.contains { $0 > 1e-9 }
            }
        }
    }

    /// Core / borderline / exterior over a set of plans.
    func classes(_ plans: [Int]) -> [String] {
        projects.indices.map { project in
            let funding = plans.filter { $0 & (1 << project) != 0 }.count
            return funding == 0 ? "exterior" : funding == plans.count ? "core" : "borderline"
        }
    }

    static let mixed = Knapsack(
        budget: 100,
        projects: [(40, 30, 5), (35, 10, 28), (30, 22, 14), (25, 6, 21), (20, 15, 3), (50, 18, 31), (15, 2, 1), (5, 40, 40)])
}

extension [String: Any] {
    var projectClasses: [String] { (self["projects"] as? [[String: Any]] ?? []).compactMap { $0["class"] as? String } }
}

@Suite struct RobustnessTests {
    func json(_ fixture: ScenarioFixture, _ arguments: [String]) throws -> [String: Any] {
        let result = fixture.run(arguments + ["--format", "json", "--no-history"])
        #expect(result.code == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
    }

    @Test func exactClassesMatchTheBruteForceNonDominatedPlans() throws {
        let knapsack = Knapsack.mixed
        let fixture = try knapsack.fixture()
        let result = try json(fixture, ["robustness", fixture.scenarioPath, "--weights", "a=0.5..2,b=±50%"])
        #expect(result["method"] as? String == "exact")
        let nonDominated = knapsack.nonDominated(a: 0.5...2, b: 0.5...1.5)
        #expect(result["non_dominated_plans"] as? Int == nonDominated.count)
        let expected = knapsack.classes(nonDominated)
        #expect(result.projectClasses == expected)
        #expect(Set(expected).count == 3, "the case should have all three classes: \(expected)")
        // Every plan optimal at a point of a weight grid is non-dominated: its projects are never exterior, and
        // core projects are in every one of them.
        let grid = (0...8).flatMap { i in (0...8).map { j in knapsack.optimum(a: 0.5 + 1.5 * Double(i) / 8, b: 0.5 + Double(j) / 8) } }
        for (project, kind) in expected.enumerated() {
            let funded = grid.filter { $0 & (1 << project) != 0 }.count
            if kind == "exterior" { #expect(funded == 0) }
            if kind == "core" { #expect(funded == grid.count) }
        }
    }

    @Test func sampledFractionsMatchTheBruteForceOptimumAtEachSample() throws {
        let knapsack = Knapsack.mixed
        let fixture = try knapsack.fixture()
        let result = try json(fixture, ["robustness", fixture.scenarioPath, "--weights", "a=0.5..2,b=±50%", "--samples", "24", "--seed", "7"])
        #expect(result["method"] as? String == "sampled")
        let ranges = [
            ParameterRange(kind: .weight, name: "a", lower: 0.5, upper: 2, base: 1),
            ParameterRange(kind: .weight, name: "b", lower: 0.5, upper: 1.5, base: 1),
        ]
        let optima = (0..<24).map { index in
            let point = RobustnessSampler.point(seed: 7, index: index, ranges: ranges)
            return knapsack.optimum(a: point[0], b: point[1])
        }
        let entries = result["projects"] as? [[String: Any]] ?? []
        #expect(entries.count == knapsack.projects.count)
        for (project, entry) in entries.enumerated() {
            let funded = optima.filter { $0 & (1 << project) != 0 }.count
            #expect(entry["funded_fraction"] as? Double == Double(funded) / 24, "P\(project + 1)")
            let lower = entry["wilson_lower"] as? Double ?? -1, upper = entry["wilson_upper"] as? Double ?? -1
            #expect(lower <= Double(funded) / 24 && Double(funded) / 24 <= upper)
        }
        #expect(result.projectClasses == knapsack.classes(optima))
    }

    @Test func aDominantProjectIsCoreAndAWorthlessOneExterior() throws {
        // P1 gives the most of both benefits for little money; P4 gives almost nothing and would take most of the budget.
        let knapsack = Knapsack(budget: 60, projects: [(10, 50, 50), (30, 20, 5), (30, 5, 20), (45, 1, 1)])
        let fixture = try knapsack.fixture()
        for extra in [[], ["--samples", "16"]] {
            let classes = try json(fixture, ["robustness", fixture.scenarioPath, "--weights", "a=0.2..5,b=0.2..5"] + extra).projectClasses
            #expect(classes == ["core", "borderline", "borderline", "exterior"], "\(extra)")
        }
    }

    @Test func alternativesAreFeasibleWithinTheLossAndPairwiseDifferent() throws {
        let knapsack = Knapsack.mixed
        let fixture = try knapsack.fixture()
        let result = try json(fixture, ["alternatives", fixture.scenarioPath, "--count", "4", "--within", "10%"])
        let plans = result["plans"] as? [[String: Any]] ?? []
        #expect(plans.count == 5)
        let best = knapsack.value(knapsack.optimum(a: 1, b: 1), a: 1, b: 1)
        var masks: [Int] = []
        for plan in plans {
            let ids = plan["funded"] as? [String] ?? []
            let mask = ids.reduce(0) { $0 | (1 << ((knapsack.ids.firstIndex(of: $1) ?? 0))) }
            #expect(knapsack.feasible.contains(mask), "\(ids) exceeds the budget")
            let value = knapsack.value(mask, a: 1, b: 1)
            #expect(abs((plan["objective"] as? Double ?? 0) - value) < 1e-6)
            #expect(value >= 0.9 * best - 1e-6)
            masks.append(mask)
        }
        #expect(knapsack.value(masks[0], a: 1, b: 1) == best)
        #expect(Set(masks).count == masks.count)
    }

    @Test func badRangesAreUsageErrors() throws {
        let fixture = try Knapsack.mixed.fixture()
        for weights in ["c=±10%", "a=2..1", "a=lots"] {
            let result = fixture.run(["robustness", fixture.scenarioPath, "--weights", weights, "--no-history"])
            #expect(result.code == 64, "\(weights): \(result.error)")
        }
    }
}
