import GreenAllocCore
import GreenAllocExplain
import GreenAllocInputs
import MILP
import MILPGLPK
import TestSupport
import Testing

/// Explain cards from the engine directly, with GLPK and with the brute-force reference.
@Suite struct ExplainerEngineTests {
    @Test(arguments: ["GLPK", "BruteForce"])
    func forcedInAndCounterfactualBudgetOfAnUnchosenProject(solverName: String) throws {
        let fixture = try EngineFixture()
        let solver: any Solver = solverName == "GLPK" ? GLPKSolver() : BruteForceSolver()
        let explainer = Explainer(
            scenario: fixture.inputs.scenario, library: fixture.inputs.library, rules: fixture.inputs.rules, solver: solver)
        let explanation = try explainer.explain(project: "P1", settings: fixture.settings)
        let card = try #require(explanation.projects.first)
        #expect(card.why == .notChosen)
        #expect(card.exact)
        // Forcing P1 leaves 40, too little for P2 or P3: objective 60, loss 40, both displaced.
        #expect(abs((card.forcedIn?.objectiveLoss ?? -1) - 40) < 1e-6)
        #expect(card.forcedIn?.displaced == ["P2", "P3"])
        // P1 + P2 need 110: 10 more funds P1 without giving up today's 100 (to within 0.1%).
        let add = try #require(card.counterfactualBudget?.add)
        #expect(add >= 10 && add <= 10.01 + 1e-6)
        #expect(card.binding == [.budget(fund: "f1", year: 2022)])
    }

    @Test func fundedProjectsCostNothingToForce() throws {
        let fixture = try EngineFixture()
        let explainer = Explainer(
            scenario: fixture.inputs.scenario, library: fixture.inputs.library, rules: fixture.inputs.rules,
            solver: GLPKSolver())
        let cards = try explainer.explain(settings: fixture.settings).projects
        #expect(cards.map(\.id) == ["P1", "P2", "P3"])
        for card in cards where card.funded {
            #expect(card.forcedIn?.objectiveLoss == 0)
            #expect(card.counterfactualBudget?.add == 0)
        }
    }
}
