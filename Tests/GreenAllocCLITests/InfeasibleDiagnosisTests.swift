import Foundation
import Testing

/// Infeasible scenarios whose minimal conflict and cheapest relaxation are known by hand.
@Suite struct InfeasibleDiagnosisTests {
    static let header = SolveFeatureTests.projectsHeader

    func diagnosis(_ fixture: ScenarioFixture) throws -> [String: Any] {
        let result = try fixture.solve()
        #expect(result.code == 3)
        #expect(result.json.status == "infeasible")
        return result.json["diagnosis"] as? [String: Any] ?? [:]
    }

    @Test func lockInAgainstACityCap() throws {
        // P17 is locked in and needs 420 in 2023; the city cap allows 300 a year. Relaxing the cap by 120
        // (120/420 of its size) is cheaper than releasing the lock (one project).
        let yaml = SolveFeatureTests.scenario(
            funds: """
                  - id: f1
                    name: 专项资金
                    budget: 5000
                """,
            rest: """
                limits:
                  - name: 单市年度上限
                    sum: subsidy
                    group_by: city
                    per_year: true
                    max: 300
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.header + """
                P17,locked,K1,f1,air,5000,,420,,in,,,,yes,10
                P2,other,K2,f1,air,1000,100,,,,,,,yes,50

                """)
        let diagnosis = try diagnosis(fixture)
        #expect(diagnosis["minimal"] as? Bool == true)
        let conflict = ruleObjects(diagnosis["conflict"])
        #expect(conflict.count == 2)
        #expect(conflict.contains(["kind": "lock", "project": "P17"]))
        #expect(conflict.contains(["kind": "limit", "rule": "单市年度上限", "group": "370100", "year": "2023"]))
        let relax = diagnosis["relax"] as? [[String: AnyHashable]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["kind"] as? String == "limit")
        #expect(relax.first?["group"] as? String == "370100")
        #expect(abs((relax.first?["by"] as? Double ?? 0) - 120) < 1e-6)
        let sentences = diagnosis["explanation"] as? [String] ?? []
        #expect(sentences.first?.contains("the lock-in of P17 needs 420万 in 2023") == true)
        #expect(sentences.contains { $0.contains("relax") && $0.contains("by 120万") })
    }

    @Test func hardTargetAgainstABudget() throws {
        // Benefit ≥ 150 but 100 of budget buys at most 100 of benefit ({P2, P3}). Cheapest: lower the target
        // by 50 (50/150) rather than add 60 to the budget (60/100) for all three projects.
        let yaml = SolveFeatureTests.scenario(
            funds: SolveFeatureTests.fund100,
            rest: """
                targets:
                  - name: 减排硬目标
                    metric: benefit
                    min: 150
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.header + """
                P1,a,K1,f1,air,1000,60,,,,,,,yes,60
                P2,b,K1,f1,air,1000,50,,,,,,,yes,50
                P3,c,K2,f1,air,1000,50,,,,,,,yes,50

                """)
        let diagnosis = try diagnosis(fixture)
        #expect(diagnosis["minimal"] as? Bool == true)
        let conflict = ruleObjects(diagnosis["conflict"])
        #expect(Set(conflict) == [["kind": "budget", "fund": "f1", "year": "2022"], ["kind": "target", "rule": "减排硬目标"]])
        let relax = diagnosis["relax"] as? [[String: AnyHashable]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["kind"] as? String == "target")
        #expect(abs((relax.first?["by"] as? Double ?? 0) - 50) < 1e-6)
    }
}
