import MILP
import MILPGLPK
import TestSupport
import Testing

/// Answers agree when both are "optimal", or both say the same about infeasibility and unboundedness.
func sameAnswer(_ lhs: SolverResult, _ rhs: SolverResult) -> Bool {
    guard lhs.termination == rhs.termination else { return false }
    return lhs.termination != .optimal || relativelyEqual(lhs.objective, rhs.objective)
}

@Suite struct RandomCrossCheckTests {
    static let seeds: [UInt64] = Array(1...200)

    @Test func glpkAgreesWithBruteForceOnTwoHundredRandomModels() throws {
        var statuses: [TerminationStatus: Int] = [:]
        for seed in Self.seeds {
            let model = RandomModels.small(seed: seed)
            let reference = try BruteForceSolver().solve(model, parameters: SolverParameters())
            let glpk = try GLPKSolver().solve(model, parameters: SolverParameters())
            statuses[reference.termination, default: 0] += 1
            #expect(sameAnswer(glpk, reference), "seed \(seed): GLPK \(glpk.termination) \(String(describing: glpk.objective)), brute force \(reference.termination) \(String(describing: reference.objective))")
            if glpk.hasSolution { #expect(model.verify(glpk.values).isEmpty, "seed \(seed)") }
        }
        // The generator must exercise both outcomes, not only one.
        #expect(statuses[.optimal, default: 0] >= 100)
        #expect(statuses[.infeasible, default: 0] >= 5)
    }

    /// The large-model path (relaxation first by the dual simplex with the LP presolver, then branching without
    /// the MIP presolver), forced on small models: the same answers as brute force, statuses included.
    @Test func theRelaxationFirstPathAgreesWithBruteForce() throws {
        let solver = GLPKSolver(rootRelaxationFirstFrom: 0)
        for seed in Self.seeds {
            let model = RandomModels.small(seed: seed)
            let reference = try BruteForceSolver().solve(model, parameters: SolverParameters())
            let glpk = try solver.solve(model, parameters: SolverParameters(timeLimit: 30))
            #expect(sameAnswer(glpk, reference), "seed \(seed): GLPK \(glpk.termination) \(String(describing: glpk.objective)), brute force \(reference.termination) \(String(describing: reference.objective))")
            if glpk.hasSolution { #expect(model.verify(glpk.values).isEmpty, "seed \(seed)") }
        }
    }

    @Test func warmStartedSolvesEqualColdOnes() throws {
        var accepted = 0
        for seed in Self.seeds.prefix(60) {
            let model = RandomModels.small(seed: seed)
            let cold = try GLPKSolver().solve(model, parameters: SolverParameters())
            guard cold.hasSolution else { continue }
            let warm = try GLPKSolver().solve(model, parameters: SolverParameters(start: cold.values))
            #expect(sameAnswer(warm, cold), "seed \(seed)")
            if warm.usedStart { accepted += 1 }
        }
        let catalogue = try mknap1Catalogue()
        for known in catalogue {
            let greedy = greedyStart(known.model)
            let warm = try GLPKSolver().solve(known.model, parameters: SolverParameters(start: greedy))
            #expect(relativelyEqual(warm.objective, known.objective), "\(known.name)")
            if warm.usedStart { accepted += 1 }
        }
        #expect(accepted > 0, "no start was ever accepted")
    }

    @Test func infeasibleStartIsIgnored() throws {
        let known = KnownOptima.knapsack
        let result = try GLPKSolver().solve(known.model, parameters: SolverParameters(start: [1, 1, 1, 1]))
        #expect(result.usedStart == false)
        #expect(relativelyEqual(result.objective, known.objective))
    }

    /// Takes items by falling profit while every `≤` row still fits.
    func greedyStart(_ model: Model) -> [Double] {
        var values = [Double](repeating: 0, count: model.columnCount)
        for column in model.columns.indices.sorted(by: { model.objective[$0] > model.objective[$1] }) {
            values[column] = 1
            if !model.verify(values).isEmpty { values[column] = 0 }
        }
        return values
    }
}
