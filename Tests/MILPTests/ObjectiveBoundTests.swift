import MILP
import MILPGLPK
import TestSupport
import Testing

/// `SolverParameters.objectiveBound` and the branching and cut switches a budget sweep uses, on the mknap1
/// problems with their published optima.
@Suite struct ObjectiveBoundTests {
    @Test func aValidBoundStillGivesTheProvedOptimum() throws {
        for known in try mknap1Catalogue() {
            let optimum = try #require(known.objective)
            for bound in [optimum, optimum * 1.5 + 1] {
                var parameters = SolverParameters()
                parameters.objectiveBound = bound
                parameters.pseudocostBranching = true
                parameters.gomoryCuts = false
                parameters.roundingCuts = false
                let result = try GLPKSolver().solve(known.model, parameters: parameters)
                #expect(result.termination == .optimal, "\(known.name), bound \(bound)")
                #expect(relativelyEqual(result.objective, optimum), "\(known.name): \(String(describing: result.objective))")
                #expect(known.model.verify(result.values).isEmpty, "\(known.name)")
                #expect(result.gap == 0, "\(known.name)")
            }
        }
    }

    /// The search stops at the first incumbent that reaches the bound: with the empty knapsack as the start and
    /// 0 as the bound, GLPK returns a plan short of the optimum instead of searching on to it.
    @Test func theSearchStopsOnceTheIncumbentReachesTheBound() throws {
        let known = try #require(try mknap1Catalogue().last)
        var parameters = SolverParameters(start: Array(repeating: 0, count: known.model.columnCount))
        parameters.objectiveBound = 0
        let result = try GLPKSolver().solve(known.model, parameters: parameters)
        #expect(result.usedStart)
        #expect(result.termination == .optimal)
        let optimum = try #require(known.objective)
        #expect((result.objective ?? .infinity) < optimum - 1)
        let unbounded = try GLPKSolver().solve(known.model, parameters: SolverParameters(start: parameters.start))
        #expect(relativelyEqual(unbounded.objective, optimum))
    }
}
