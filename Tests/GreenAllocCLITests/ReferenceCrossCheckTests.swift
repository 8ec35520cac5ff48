import Foundation
import Testing

/// Random small scenarios solved by greenalloc (compiler + GLPK) equal the reference evaluator's enumeration.
@Suite struct ReferenceCrossCheckTests {
    @Test(arguments: 0..<80)
    func randomScenarioMatchesEnumeration(seed: Int) throws {
        let scenario = RandomScenario(seed: UInt64(seed))
        let fixture = try ScenarioFixture(yaml: scenario.yaml, projects: scenario.projectsCSV, parks: scenario.parksCSV)
        let expected = ReferenceEvaluator.optimum(scenario)
        let result = try fixture.solve(["--no-tiebreak"])
        if let expected {
            #expect(result.code == 0, "seed \(seed): \(result.error)")
            #expect(result.json.status == "optimal")
            #expect(abs(result.json.objective - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed)")
        } else {
            #expect(result.code == 3, "seed \(seed): expected infeasible, got \(result.json.status)")
            #expect(result.json.status == "infeasible")
        }
    }
}
