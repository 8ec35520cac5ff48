import MILP
import MILPCBC
import MILPGLPK
import TestSupport
import Testing

/// Every solver must agree with the catalogue of hand-checked models (GLPK on both of its paths: the MIP
/// presolver, and the relaxation solved first as for large models; CBC through its program).
let conformingSolvers: [any Solver] = [
    GLPKSolver(), GLPKSolver(rootRelaxationFirstFrom: 0), BruteForceSolver(), CBCSolver(),
]

func relativelyEqual(_ lhs: Double?, _ rhs: Double?, tolerance: Double = 1e-6) -> Bool {
    guard let lhs, let rhs else { return lhs == nil && rhs == nil }
    return abs(lhs - rhs) <= tolerance * max(1, abs(rhs))
}

@Suite struct ConformanceTests {
    @Test(arguments: conformingSolvers, KnownOptima.handModels)
    func handModelsGiveTheirKnownOutcome(solver: any Solver, known: KnownOptimum) throws {
        let result = try solver.solve(known.model, parameters: SolverParameters())
        #expect(result.termination == known.termination, "\(solver.name) on \(known.name)")
        #expect(relativelyEqual(result.objective, known.objective), "\(solver.name) on \(known.name)")
        if result.hasSolution {
            #expect(known.model.verify(result.values).isEmpty)
            #expect(relativelyEqual(known.model.objectiveValue(result.values), result.objective))
        } else {
            #expect(result.values.isEmpty)
        }
    }

    /// A time limit never turns an unproven plan into a claimed optimum. GLPK (both paths) gets a dense
    /// multi-knapsack it cannot prove in 0.5 s (CBC too): it must stop at the limit, and a plan it returns must come with a
    /// bound strictly above it (maximization) and a positive gap. The brute-force solver ignores limits and
    /// proves by enumeration, so it gets a knapsack small enough to enumerate: the optimum it claims must be the
    /// true one (GLPK's without a limit), with its bound equal to it.
    @Test(arguments: conformingSolvers)
    func timeLimitNeverClaimsAnUnprovenOptimum(solver: any Solver) throws {
        let enumerates = solver is BruteForceSolver
        let model = RandomModels.denseMultiKnapsack(items: enumerates ? 14 : 300, rows: enumerates ? 5 : 30, seed: 7)
        let result = try solver.solve(model, parameters: SolverParameters(timeLimit: 0.5))
        if result.hasSolution {
            #expect(model.verify(result.values).isEmpty)
        }
        if enumerates {
            let reference = try GLPKSolver().solve(model, parameters: SolverParameters())
            #expect(reference.termination == .optimal)
            #expect(result.termination == .optimal)
            #expect(relativelyEqual(result.objective, reference.objective))
            #expect(relativelyEqual(result.bestBound, result.objective))
        } else {
            #expect(result.termination == .timeLimit)
            if result.hasSolution {
                let objective = try #require(result.objective)
                let bound = try #require(result.bestBound)
                #expect(bound > objective + 1e-6, "the bound proves nothing beyond the plan")
                #expect((result.gap ?? 0) > 0)
            } else {
                #expect(result.objective == nil)
            }
        }
    }
}
