import GreenAllocCore
import GreenAllocEngine
import MILP
import MILPGLPK
import TestSupport
import Testing

/// The engine takes any solver: the same scenario solved through GLPK and through the brute-force reference
/// gives the same plan.
@Suite struct AllocationRunnerTests {
    @Test func glpkAndBruteForceAgreeOnTheHandAnswer() throws {
        let fixture = try EngineFixture()
        for solver in [GLPKSolver() as any Solver, BruteForceSolver()] {
            let allocation = try fixture.run(solver)
            #expect(allocation.status == .optimal, "\(solver.name)")
            #expect(allocation.objective == 100, "\(solver.name)")
            #expect(allocation.fundedIDs == ["P2", "P3"], "\(solver.name)")
            #expect(allocation.projects.first { $0.id == "P1" }?.why == .notChosen, "\(solver.name)")
        }
    }

    @Test func theTieRuleSpendsLessAmongEqualPlans() throws {
        // P1 and P2 are worth 50 each; P1 asks 50, P2 asks 40: either fits the budget of 50, the tie rule
        // keeps the objective and takes the cheaper one.
        let projects = """
            id,name,park,fund,category,investment,request_2022,benefit
            P1,甲项目,K1,f1,air,1000,50,50
            P2,乙项目,K1,f1,air,1000,40,50

            """
        let fixture = try EngineFixture(budget: 50, projects: projects)
        for solver in [GLPKSolver() as any Solver, BruteForceSolver()] {
            let allocation = try fixture.run(solver)
            #expect(allocation.objective == 50)
            #expect(allocation.fundedIDs == ["P2"], "\(solver.name)")
        }
    }

    @Test func anInfeasibleScenarioCarriesAVerifiedConflict() throws {
        // A hard count target of 3 projects against a budget of 100 (all three need 160).
        let fixture = try EngineFixture(targets: "targets:\n  - {name: 全部获补, metric: count, min: 3}\n")
        let allocation = try fixture.run(GLPKSolver())
        #expect(allocation.status == .infeasible)
        let conflict = allocation.diagnosis?.conflict ?? []
        #expect(Set(conflict) == [.budget(fund: "f1", year: 2022), .target(rule: "全部获补")])
        #expect(allocation.diagnosis?.minimal == true)
    }
}
