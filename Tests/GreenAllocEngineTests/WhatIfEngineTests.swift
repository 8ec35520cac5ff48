import GreenAllocCore
import GreenAllocInputs
import GreenAllocWhatIf
import MILP
import MILPGLPK
import TestSupport
import Testing

/// Sweep, target and compare from the engine directly, on the hand-checked fixture (requests 60, 50, 50 worth
/// 60, 50, 50).
@Suite struct WhatIfEngineTests {
    func runner(_ fixture: EngineFixture, _ solver: any Solver, threads: Int = 2) -> WhatIfRunner {
        WhatIfRunner(
            scenario: fixture.inputs.scenario, library: fixture.inputs.library, rules: fixture.inputs.rules,
            solver: solver, settings: fixture.settings, threads: threads)
    }

    @Test(arguments: ["GLPK", "BruteForce"])
    func sweepGivesTheHandOptimaAtEveryScale(solverName: String) throws {
        let fixture = try EngineFixture()
        let solver: any Solver = solverName == "GLPK" ? GLPKSolver() : BruteForceSolver()
        let result = try runner(fixture, solver).sweep(fund: "f1", scales: [0.5, 1, 1.1, 1.6])
        // Budgets 50, 100, 110, 160: {P2} or {P3} = 50; {P2, P3} = 100; {P1, P2} = 110; all three = 160.
        #expect(result.points.map(\.scale) == [0.5, 1, 1.1, 1.6])
        #expect(result.points.map { $0.objective ?? -1 } == [50, 100, 110, 160])
        #expect(result.points.map(\.fundedCount) == [1, 2, 2, 3])
    }

    @Test func targetFindsTheSmallestScaleThatFundsEveryProject() throws {
        // A soft count target of 3 (made hard by the search): all three need 160, a scale of 1.6.
        let fixture = try EngineFixture(targets: "targets:\n  - {name: 全部获补, metric: count, min: 3, penalty: 1}\n")
        let result = try runner(fixture, GLPKSolver()).target(name: "全部获补", fund: "f1")
        #expect(result.met)
        let scale = try #require(result.scale)
        #expect(scale >= 1.6 - 1e-9 && scale <= 1.6 * 1.001)
        #expect(result.allocation?.fundedIDs == ["P1", "P2", "P3"])
    }

    @Test func compareListsTheProjectsFundedOnlyInSome() throws {
        let base = try EngineFixture().run(GLPKSolver())
        let more = try EngineFixture(budget: 110).run(GLPKSolver())
        let comparison = Comparison([("基准", "a.yaml", base), ("增加", "b.yaml", more)])
        #expect(comparison.scenarios.map(\.label) == ["基准", "增加"])
        let changed = Dictionary(uniqueKeysWithValues: comparison.changes.map { ($0.project, $0.fundedIn) })
        // 100: {P2, P3}; 110: {P1, P2} (110 beats 100).
        #expect(changed["P1"] == ["增加"])
        #expect(changed["P3"] == ["基准"])
        #expect(changed["P2"] == nil)
    }
}

/// What a sweep keeps per point beyond the objective: targets, and the projects that leave as money grows.
@Suite struct SweepDepartureEngineTests {
    @Test func theProjectDisplacedAt110ComesBackAt160() throws {
        // Budgets 50, 100, 110, 160: {P2 or P3}, {P2, P3}, {P1, P2}, all three: P3 leaves at 110 and returns at 160.
        let fixture = try EngineFixture(targets: "targets:\n  - {name: 两个项目, metric: count, min: 2, penalty: 0.5}\n")
        let runner = WhatIfRunner(
            scenario: fixture.inputs.scenario, library: fixture.inputs.library, rules: fixture.inputs.rules,
            solver: GLPKSolver(), settings: fixture.settings, threads: 2)
        let result = try runner.sweep(fund: "f1", scales: [0.5, 1, 1.1, 1.6])
        #expect(result.points.map(\.fundedCount) == [1, 2, 2, 3])
        #expect(result.points.map { $0.targets.first?.value } == [1, 2, 2, 3])
        #expect(result.points.map { $0.targets.first?.met } == [false, true, true, true])
        let departures = result.departures
        #expect(departures == [SweepDeparture(project: "P3", leaves: [2], returns: [3], fundedAtEnd: true)])
    }
}
