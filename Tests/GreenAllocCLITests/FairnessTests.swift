import Foundation
import GreenAllocCore
import GreenAllocReports
import GreenAllocWhatIf
import MILPGLPK
import Testing

/// `greenalloc fairness`: the greedy ranking and the proportional rule against plans computed by hand, the
/// Gini coefficients against hand values, a plan that breaks a hard rule named as such.
@Suite struct FairnessTests {
    /// Budget 100 (2022). City 370100 (K1): P1 60/90, P4 30/30, P5 10/8; city 370200 (K2): P3 50/70, P2 50/69
    /// (request/benefit). Benefit per 万元: P1 1.5, P3 1.4, P2 1.38, P4 1.0, P5 0.8.
    static func fixture(limits: String = "") throws -> ScenarioFixture {
        try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: SolveFeatureTests.fund100, rest: limits),
            projects: SolveFeatureTests.projectsHeader + """
                P1,a,K1,f1,air,1000,60,,,,,,,yes,90
                P2,b,K2,f1,air,1000,50,,,,,,,yes,69
                P3,c,K2,f1,air,1000,50,,,,,,,yes,70
                P4,d,K1,f1,air,1000,30,,,,,,,yes,30
                P5,e,K1,f1,air,1000,10,,,,,,,yes,8

                """)
    }

    static func result(_ fixture: ScenarioFixture, basis: FairnessBasis = .requests) throws -> FairnessResult {
        let runner = try WhatIfTests.runner(fixture, solver: GLPKSolver())
        return try runner.fairness(basis: basis, optimum: try runner.run(runner.scenario))
    }

    /// Independent evaluation of a funded set: Σ benefit, and whether it fits the budget of 100.
    static func evaluate(_ funded: [String]) -> (objective: Double, fits: Bool) {
        let table: [String: (cost: Double, benefit: Double)] = [
            "P1": (60, 90), "P2": (50, 69), "P3": (50, 70), "P4": (30, 30), "P5": (10, 8),
        ]
        let cost = funded.reduce(0) { $0 + (table[$1]?.cost ?? .nan) }
        return (funded.reduce(0) { $0 + (table[$1]?.benefit ?? .nan) }, cost <= 100 + 1e-9)
    }

    @Test func plansByHand() throws {
        let result = try Self.result(try Self.fixture())
        #expect(result.plans.map(\.rule) == [.optimum, .greedy, .proportional])
        let (optimum, greedy, proportional) = (result.plans[0], result.plans[1], result.plans[2])
        // Optimum {P2, P3} = 139. Greedy: P1, then P3 and P2 no longer fit, P4, P5: 128.
        #expect(optimum.funded == ["P2", "P3"])
        #expect(greedy.funded == ["P1", "P4", "P5"])
        // Requests 100 and 100: entitlements 50 each. Round 1: P1 (60 > 50) waits, P3 (B: 50 → 0), P2 waits,
        // P4 (A: 50 → 20), P5 (A: 20 → 10). The 10 left is shared 5/5: round 2 buys nothing; the completion
        // finds no project within the 10 the budget has left.
        #expect(proportional.funded == ["P3", "P4", "P5"])
        #expect(result.rounds == 2)
        #expect(result.cities.map(\.entitlement) == [50, 50])
        for plan in result.plans {
            let independent = Self.evaluate(plan.funded)
            #expect(independent.fits)
            #expect(abs((plan.objective ?? .nan) - independent.objective) < 1e-6)
            #expect(plan.broken.isEmpty)
        }
        #expect(greedy.cityAmounts == [100, 0])
        #expect(proportional.cityAmounts == [40, 50])
        let price = try #require(result.price(of: proportional))
        #expect(abs(price.absolute - 31) < 1e-6)
        #expect(abs((price.share ?? .nan) - 31.0 / 139) < 1e-9)
        // Gini with equal weights: one of two cities with everything → 1/2; 40 against 50 → 10·2/(2·4·45) = 1/18.
        #expect(abs((FairnessPage.curveGini(optimum, result) ?? .nan) - 0.5) < 1e-12)
        #expect(abs((FairnessPage.curveGini(greedy, result) ?? .nan) - 0.5) < 1e-12)
        #expect(abs((FairnessPage.curveGini(proportional, result) ?? .nan) - 1.0 / 18) < 1e-12)
    }

    @Test func aPlanBreakingAHardMinimumSaysSo() throws {
        // Each city at least 40: the greedy plan gives 370200 nothing and breaks the limit; the optimum
        // ({P3, P4, P5} = 108) and the proportional plan respect it.
        let fixture = try Self.fixture(limits: """
            limits:
              - name: 每市至少
                sum: subsidy
                group_by: city
                min: 40

            """)
        let result = try Self.result(fixture)
        let (optimum, greedy, proportional) = (result.plans[0], result.plans[1], result.plans[2])
        #expect(abs((optimum.objective ?? .nan) - 108) < 1e-6)
        #expect(greedy.funded == ["P1", "P4", "P5"])
        #expect(greedy.broken == [.limit(rule: "每市至少", group: "370200", year: nil)])
        #expect(proportional.broken.isEmpty)
        #expect(proportional.funded == ["P3", "P4", "P5"])
        let english = FairnessPage(result, language: .en).markdown()
        #expect(english.contains("breaks hard rules: limit 每市至少 (370200)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(FairnessOutput.json(result).utf8)) as? [String: Any])
        let plans = try #require(json["plans"] as? [[String: Any]])
        #expect(plans.map { $0["respects_hard_rules"] as? Bool } == [true, false, true])
    }

    @Test func populationBasisNeedsTheColumn() throws {
        let fixture = try Self.fixture()
        #expect(throws: WhatIfError.self) { try Self.result(fixture, basis: .population) }
        let withPopulation = try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: SolveFeatureTests.fund100),
            projects: SolveFeatureTests.projectsHeader + "P1,a,K1,f1,air,1000,60,,,,,,,yes,90\nP3,c,K2,f1,air,1000,50,,,,,,,yes,70\n",
            cities: "id,name,region,population_2022\n370100,济南市,east,300\n370200,青岛市,east,100\n")
        let result = try Self.result(withPopulation, basis: .population)
        #expect(result.basisColumn == "population_2022")
        #expect(result.cities.map(\.entitlement) == [75, 25])
        // 370100's 75 buys P1 (60); 370200's 25 buys nothing; pooled 40 goes to 370200, still short of P3's 50;
        // the completion cannot fit P3 (110 > 100).
        #expect(result.plans[2].funded == ["P1"])
    }

    @Test func commandsWriteTheirFiles() throws {
        let fixture = try Self.fixture()
        let out = fixture.path("fair")
        let run = fixture.run(["fairness", fixture.scenarioPath, "--out", out, "--no-history", "--lang", "en"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("| Proportional rule (equal shares) | 108.00 | 31.00 | 22.3% |"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("fairness") }.sorted()
        #expect(files == ["fairness.en.html", "fairness.en.md", "fairness.html", "fairness.json", "fairness.md", "fairness.xlsx"])
        let html = try String(contentsOfFile: out + "/fairness.html", encoding: .utf8)
        #expect(html.contains("fairness-lorenz-proportional"))
        #expect(fixture.run(["fairness", fixture.scenarioPath, "--basis", "gdp", "--no-history"]).code == 64)
        let sweep = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "1", "--steps", "2", "--monotone", "--tiebreak", "--no-history"])
        #expect(sweep.code == 64)
        let monotone = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "1", "--steps", "2", "--monotone", "--no-history"])
        #expect(monotone.code == 0)
        #expect(monotone.out.hasPrefix("scale,budget_total,objective,status,funded_count,subsidy_total,marginal_benefit_per_wan,entering,leaving,monotone_objective,given_up,given_up_percent,funded_from_here"))
    }
}
