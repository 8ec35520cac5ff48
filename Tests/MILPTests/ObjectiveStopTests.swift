import MILP
import MILPGLPK
import TestSupport
import Testing

/// `stopWhenIncumbentReaches` / `stopWhenBoundMisses` on GLPK: asked whether a plan reaches a target, the solve
/// answers as the proved optimum does, and never hands back anything but a real plan (GLPK is given a cutoff
/// point that is not one).
@Suite struct ObjectiveStopTests {
    /// Asks GLPK whether `model` has a plan at least as good as `target`; checks the answer against `optimum`.
    func check(_ model: Model, optimum: Double, target: Double, start: [Double]? = nil, label: String) throws {
        var parameters = SolverParameters(timeLimit: 30, start: start)
        parameters.stopWhenIncumbentReaches = target
        parameters.stopWhenBoundMisses = target
        let result = try GLPKSolver().solve(model, parameters: parameters)
        let maximize = model.sense == .maximize
        func atLeast(_ value: Double, _ bound: Double) -> Bool { maximize ? value >= bound - 1e-9 : value <= bound + 1e-9 }
        if result.hasSolution {
            #expect(model.verify(result.values).isEmpty, "\(label): the plan returned is not feasible")
            #expect(abs(model.objectiveValue(result.values) - (result.objective ?? .nan)) < 1e-6, "\(label)")
        }
        let reached = result.hasSolution && atLeast(result.objective ?? .nan, target)
        if atLeast(optimum, target) {
            #expect(reached, "\(label): optimum \(optimum) reaches \(target), GLPK \(result.termination)")
        } else {
            #expect(!reached, "\(label)")
            // The answer "no" is proved: the search ran to its end or its bound misses the target.
            let proved = result.termination == .optimal
                || (result.termination == .gapLimit && result.bestBound.map { !atLeast($0, target) } == true)
            #expect(proved, "\(label): \(result.termination), bound \(String(describing: result.bestBound))")
        }
    }

    @Test func randomModelsAnswerAsTheirBruteForceOptimum() throws {
        var asked = 0
        for seed in UInt64(1)...120 {
            let model = RandomModels.small(seed: seed)
            let reference = try BruteForceSolver().solve(model, parameters: SolverParameters())
            guard reference.termination == .optimal, let optimum = reference.objective else { continue }
            for offset in [-1.0, -1e-3, 1e-3, 1.0] {
                try check(model, optimum: optimum, target: optimum + offset, label: "seed \(seed), target optimum \(offset)")
                try check(
                    model, optimum: optimum, target: optimum + offset, start: reference.values,
                    label: "seed \(seed), target optimum \(offset), from the optimum")
                asked += 1
            }
        }
        #expect(asked >= 300)
    }

    /// A knapsack large enough to branch: targets just below and just above its optimum, from a weak start;
    /// with a continuous column in the objective (GLPK then gets the cutoff point) and without.
    @Test(arguments: [false, true])
    func aKnapsackThatBranchesAnswersAsItsOptimum(continuous: Bool) throws {
        var model = RandomModels.denseMultiKnapsack(items: 24, rows: 3, seed: 5)
        if continuous { model.addColumn("bonus", lower: 0, upper: 3, objective: 0.5) }
        let proved = try GLPKSolver().solve(model, parameters: SolverParameters(timeLimit: 60))
        let optimum = try #require(proved.termination == .optimal ? proved.objective : nil)
        let empty = Array(repeating: 0.0, count: model.columnCount)
        for target in [optimum - 5, optimum - 0.5, optimum, optimum + 0.5, optimum + 5] {
            try check(model, optimum: optimum, target: target, start: empty, label: "target \(target)")
        }
    }
}
