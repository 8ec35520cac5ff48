import MILP
import MILPGLPK
import TestSupport
import Testing

/// From `GLPKSolver.rootRelaxationFirstThreshold` integer columns, GLPK solves the relaxation first (dual
/// simplex, LP presolver, within the time limit) and branches without the MIP presolver: the answers and
/// statuses must be those of the small-model path.
@Suite struct LargeModelPathTests {
    static let size = GLPKSolver.rootRelaxationFirstThreshold + 1_000

    /// Σ v_i x_i with Σ x_i ≤ k over distinct values, and pairs that exclude each other: the optimum takes the
    /// better of each pair, then the k best of those.
    @Test func aLargeSelectionReachesItsKnownOptimum() throws {
        var random = SplitMix64(seed: 6)
        var model = Model(name: "pick", sense: .maximize)
        let values = (0..<Self.size).map { _ in Double(Int.random(in: 1...1_000_000, using: &random)) / 8 }
        for (index, value) in values.enumerated() { model.addColumn("x\(index)", kind: .binary, objective: value) }
        for pair in stride(from: 0, to: Self.size - 1, by: 2) {
            model.addRow("pair\(pair)", terms: [Term(pair, 1), Term(pair + 1, 1)], upper: 1)
        }
        let k = 1_234
        model.addRow("count", terms: (0..<Self.size).map { Term($0, 1) }, upper: Double(k))
        let better = stride(from: 0, to: Self.size - 1, by: 2).map { max(values[$0], values[$0 + 1]) }
        let expected = better.sorted(by: >).prefix(k).reduce(0, +)

        let result = try GLPKSolver().solve(model, parameters: SolverParameters(timeLimit: 120))
        #expect(result.termination == .optimal)
        #expect(abs((result.objective ?? 0) - expected) <= 1e-6 * expected)
        #expect(model.verify(result.values).isEmpty)
    }

    /// The LP presolver can solve a model outright (no rows, or only fixed columns): branching must still start.
    @Test func aModelThePresolverSolvesAloneIsSolved() throws {
        var model = Model(name: "free", sense: .maximize)
        for index in 0..<Self.size { model.addColumn("x\(index)", kind: .binary, objective: Double(index % 7) - 2) }
        let expected = (0..<Self.size).reduce(0.0) { $0 + Swift.max(0, Double($1 % 7) - 2) }
        let result = try GLPKSolver().solve(model, parameters: SolverParameters(timeLimit: 60))
        #expect(result.termination == .optimal)
        #expect(result.objective == expected)

        var fixed = Model(name: "fixed", sense: .minimize)
        for index in 0..<Self.size { fixed.addColumn("x\(index)", kind: .binary, lower: 1, upper: 1, objective: 1) }
        fixed.addRow("all", terms: (0..<Self.size).map { Term($0, 1) }, upper: Double(Self.size))
        let pinned = try GLPKSolver().solve(fixed, parameters: SolverParameters(timeLimit: 60))
        #expect(pinned.termination == .optimal)
        #expect(pinned.objective == Double(Self.size))
    }

    @Test func aLargeInfeasibleModelIsInfeasible() throws {
        var model = Model(name: "too_many", sense: .maximize)
        for index in 0..<Self.size { model.addColumn("x\(index)", kind: .binary, objective: 1) }
        model.addRow("at_least", terms: (0..<Self.size).map { Term($0, 1) }, lower: Double(Self.size + 1))
        let result = try GLPKSolver().solve(model, parameters: SolverParameters(timeLimit: 60))
        #expect(result.termination == .infeasible)
        #expect(!result.hasSolution)
    }

    @Test func aLargeUnboundedModelIsUnbounded() throws {
        var model = Model(name: "open", sense: .maximize)
        for index in 0..<Self.size { model.addColumn("x\(index)", kind: .binary, objective: 1) }
        let free = model.addColumn("y", kind: .integer, objective: 1)
        model.addRow("link", terms: [Term(0, 1), Term(free, -1)], upper: 0)
        let result = try GLPKSolver().solve(model, parameters: SolverParameters(timeLimit: 60))
        #expect(result.termination == .unbounded)
    }

    /// A large hard knapsack that no solver proves in 0.5 s ends with the time-limit status, never `optimal`: a
    /// plan it returns is feasible and comes with a bound strictly above it (maximization).
    @Test func aLargeHardModelStopsAtItsTimeLimit() throws {
        let model = RandomModels.denseMultiKnapsack(items: Self.size, rows: 30, seed: 11)
        let result = try WatchdogSolver(GLPKSolver()).solve(model, parameters: SolverParameters(timeLimit: 0.5))
        #expect(result.termination == .timeLimit)
        if result.hasSolution {
            #expect(model.verify(result.values).isEmpty)
            let objective = try #require(result.objective)
            let bound = try #require(result.bestBound)
            #expect(bound > objective + 1e-6)
        } else {
            #expect(result.objective == nil)
        }
    }
}
