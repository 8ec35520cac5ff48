import Foundation
import Testing

/// The policy instruments of scenario-format §15 on hand-checked scenarios, and random small scenarios against the
/// reference evaluator's enumeration (ReferenceEvaluator+Policy.swift).
@Suite struct PolicyInstrumentTests {
    static let cities = "id,name,region,score\n370100,济南市,east,3\n370200,青岛市,east,1\n"

    /// P1 (60 → 60 points) and P2 (40 → 30) in 济南, P3 (50 → 45) in 青岛; 100万 in 2022. Without envelopes P1 + P2
    /// (90). Envelopes: requests 0.5 (100 : 50), score 0.5 (3 : 1): w = 17/24 and 7/24, E = 70.8333 and 29.1667.
    static func factorYAML(_ mode: [String]) -> String {
        ScenarioFixture.header() + """
            funds:
              - {id: f1, name: 专项资金, budget: {2022: 100, 2023: 0}}
            objective:
              maximize: benefit
              weights: {benefit: 1}
            factors:
              - name: {zh: 因素法分市额度, en: Factor envelopes}
                fund: f1
            \(mode.map { "    " + $0 + "\n" }.joined())    weights:
                  - {of: requests, weight: 0.5}
                  - {of: cities.score, weight: 0.5}

            """
    }

    static let factorProjects = """
        id,name,park,fund,category,investment,request_2022,request_2023,lock,benefit
        P1,甲,K1,f1,air,500,60,,,60
        P2,乙,K1,f1,air,500,40,,,30
        P3,丙,K2,f1,air,500,50,,,45

        """

    static let softObjective: Double = 90 - 0.5 * (100 - 100 * 17 / 24.0)
    static let envelopeCases: [([String], Double, [String])] = [
        (["mode: hard"], 60, ["P1"]), (["mode: band", "band: 0.8"], 75, ["P2", "P3"]),
        (["mode: soft", "penalty: 0.5"], softObjective, ["P1", "P2"]),
    ]

    @Test(arguments: envelopeCases)
    func envelopesHandChecked(mode: [String], objective: Double, funded: [String]) throws {
        let yaml = Self.factorYAML(mode)
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.factorProjects, cities: Self.cities)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(abs(result.json.objective - objective) < 1e-6)
        #expect(result.json.fundedIDs == funded)
        let envelopes = result.json["envelopes"] as? [[String: Any]] ?? []
        #expect(envelopes.count == 4)
        #expect(abs((envelopes.first?["envelope"] as? Double ?? 0) - 70.8333) < 1e-9)
        let cost = result.json["envelope_cost"] as? [String: Any]
        #expect(abs((cost?["objective_without"] as? Double ?? 0) - 90) < 1e-6)
        #expect(abs((cost?["cost"] as? Double ?? 0) - (90 - objective)) < 1e-6)
    }

    @Test func hardEnvelopeIsALimitOfTheDiagnosis() throws {
        let projects = Self.factorProjects.replacingOccurrences(of: "P3,丙,K2,f1,air,500,50,,,45", with: "P3,丙,K2,f1,air,500,50,,in,45")
        let fixture = try ScenarioFixture(yaml: Self.factorYAML(["mode: hard"]), projects: projects, cities: Self.cities)
        let result = try fixture.solve()
        #expect(result.code == 3)
        let diagnosis = result.json["diagnosis"] as? [String: Any]
        let conflict = diagnosis?["conflict"] as? [[String: Any]] ?? []
        #expect(conflict.contains { $0["kind"] as? String == "limit" && $0["rule"] as? String == "因素法分市额度"
            && $0["group"] as? String == "370200" && $0["year"] as? Int == 2022 })
        #expect(conflict.contains { $0["kind"] as? String == "lock" })
    }

    @Test func factorErrorsNameTheirPlace() throws {
        let yaml = Self.factorYAML(["mode: hard"]).replacingOccurrences(of: "cities.score", with: "cities.gdp")
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.factorProjects, cities: Self.cities)
        let result = fixture.run(["solve", fixture.scenarioPath, "--format", "json"])
        #expect(result.code == 65)
        #expect(result.error.contains(/scenario\.yaml:\d+:\d+: error: factors: 'gdp' is not a numeric column/), "\(result.error)")
    }

    /// 2022: 50万, P1 asks 40 (40 points); 2023: 30万, P2 asks 35 (35 points), P3 30 (20 points). Without
    /// carry-over P1 + P3 (60); carrying ≥ half of 2022's 10 left pays P2 (75).
    @Test(arguments: [("", 60.0), ("carry_over: true", 75), ("carry_over: 0.5", 75), ("carry_over: 0.4", 60),
        ("opening_balance: {2023: 5}", 75)])
    func carryOverHandChecked(keys: String, objective: Double) throws {
        let yaml = ScenarioFixture.header() + """
            funds:
              - id: f1
                budget: {2022: 50, 2023: 30}
                \(keys)
            objective:
              maximize: benefit
              weights: {benefit: 1}

            """
        let projects = """
            id,name,park,fund,category,investment,request_2022,request_2023,benefit
            P1,甲,K1,f1,air,500,40,,40
            P2,乙,K1,f1,air,500,,35,35
            P3,丙,K2,f1,air,500,,30,20

            """
        let fixture = try ScenarioFixture(yaml: yaml, projects: projects)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(abs(result.json.objective - objective) < 1e-6, "\(keys)")
        let carry = result.json["carry"] as? [[String: Any]]
        #expect((carry == nil) == keys.isEmpty)
        if keys == "carry_over: true" {
            let years = carry?.first?["years"] as? [[String: Any]] ?? []
            #expect(years.map { $0["carried_out"] as? Double ?? -1 } == [10, 5])
            #expect(years.map { $0["carried_in"] as? Double ?? -1 } == [0, 10])
        }
    }

    @Test(arguments: 0..<60)
    func randomPolicyScenarioMatchesEnumeration(seed: Int) throws {
        let policyCase = RandomPolicyCase(seed: UInt64(seed))
        let fixture = try ScenarioFixture(
            yaml: policyCase.yaml, projects: policyCase.base.projectsCSV, parks: policyCase.base.parksCSV,
            cities: policyCase.citiesCSV)
        let expected = ReferenceEvaluator.optimum(policyCase.base, policy: policyCase.rules)
        let result = try fixture.solve(["--no-tiebreak"])
        if let expected {
            #expect(result.code == 0, "seed \(seed): \(result.error)")
            #expect(abs(result.json.objective - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed)\n\(policyCase.yaml)")
        } else {
            #expect(result.code == 3, "seed \(seed): expected infeasible, got \(result.json.status)")
        }
    }
}
