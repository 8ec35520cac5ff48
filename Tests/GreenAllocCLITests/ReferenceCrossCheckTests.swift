import Foundation
import Testing

/// Random small scenarios solved by greenalloc (compiler + GLPK) equal the reference evaluator's enumeration.
@Suite struct ReferenceCrossCheckTests {
    @Test(arguments: 0..<120)
    func randomScenarioMatchesEnumeration(seed: Int) throws {
        let scenario = RandomScenario(seed: UInt64(seed))
        let fixture = try ScenarioFixture(yaml: scenario.yaml, projects: scenario.projectsCSV, parks: scenario.parksCSV)
        let expected = ReferenceEvaluator.optimum(scenario)
        let result = try fixture.solve(["--no-tiebreak"])
        if let expected {
            #expect(result.code == 0, "seed \(seed): \(result.error)")
            #expect(result.json.status == "optimal")
            #expect(abs(result.json.objective - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed)")
            // "Funded" always means money was allocated, at most the project's maximum u (scenario-format §6).
            for (project, entry) in zip(scenario.projects, result.json.projects) {
                let funded = entry["funded"] as? Bool ?? false
                let subsidy = entry["subsidy_total"] as? Double ?? 0
                let request = project.request[0] + project.request[1]
                if funded {
                    #expect(subsidy > 0, "seed \(seed): \(project.id) funded with no money")
                    let maximum = ReferenceEvaluator.maximumShare(project, scenario) * request
                    #expect(abs(subsidy - maximum) <= 1e-4, "seed \(seed): \(project.id) gets \(subsidy), its maximum is \(maximum)")
                }
                if project.hasFund, request == 0, project.inLibrary, project.lock != "out",
                    RandomScenario.parkStatus[project.park] != "revoked"
                {
                    #expect(entry["why"] as? String == "outside_horizon", "seed \(seed): \(project.id)")
                }
            }
        } else {
            #expect(result.code == 3, "seed \(seed): expected infeasible, got \(result.json.status)")
            #expect(result.json.status == "infeasible")
        }
    }
}
