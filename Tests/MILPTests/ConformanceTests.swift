import MILP
import MILPGLPK
import TestSupport
import Testing

/// Every solver must agree with the catalogue of hand-checked models (GLPK on both of its paths: the MIP
/// presolver, and the relaxation solved first as for large models).
let conformingSolvers: [any Solver] = [GLPKSolver(), GLPKSolver(rootRelaxationFirstFrom: 0), BruteForceSolver()]

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

    @Test(arguments: conformingSolvers)
    func timeLimitNeverClaimsAnUnprovenOptimum(solver: any Solver) throws {
        let model = RandomModels.denseMultiKnapsack(items: 300, rows: 30, seed: 7)
        let result: SolverResult
        do {
            result = try solver.solve(model, parameters: SolverParameters(timeLimit: 0.5))
        } catch is SolverError {
            return  // a solver may refuse a model too large for it; it must not answer wrongly
        }
        #expect([.optimal, .timeLimit, .gapLimit, .interrupted].contains(result.termination))
        if result.termination == .optimal {
            #expect(relativelyEqual(result.bestBound, result.objective))
        }
        if result.hasSolution {
            #expect(model.verify(result.values).isEmpty)
        }
        if result.termination == .timeLimit, result.hasSolution, let bound = result.bestBound,
            let objective = result.objective
        {
            #expect(bound >= objective - 1e-6)
        }
    }
}
