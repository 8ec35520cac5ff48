import MILP
import Synchronization
import TestSupport
import Testing

/// Records every model and parameter set it is given, solves by brute force, and can report a limit instead
/// of optimality (with the same point).
final class RecordingSolver: Solver {
    let calls = Mutex<[(model: Model, parameters: SolverParameters)]>([])
    let termination: TerminationStatus

    init(termination: TerminationStatus = .optimal) { self.termination = termination }

    var name: String { "recording" }
    var version: String { "1" }

    func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
        calls.withLock { $0.append((model, parameters)) }
        var result = try BruteForceSolver().solve(model, parameters: SolverParameters())
        if result.hasSolution { result.termination = termination }
        return result
    }

    var models: [Model] { calls.withLock { $0.map(\.model) } }
    var parameters: [SolverParameters] { calls.withLock { $0.map(\.parameters) } }
}

/// "Keep the objective near its optimum, then optimize another", on four binaries whose ties only the last
/// objective breaks.
@Suite struct LexicographicSolveTests {
    /// x0…x3 binary, at most two chosen; every pair scores 2 (the model's objective).
    static func pairs() -> Model {
        var model = Model(name: "pairs", sense: .maximize)
        for index in 0..<4 { model.addColumn("x\(index)", kind: .binary, objective: 1) }
        model.addRow("two", terms: (0..<4).map { Term($0, 1) }, upper: 2)
        return model
    }

    /// Volume 3, 3, 1, 3 (maximized: the pairs among x0, x1, x3 tie at 6), then the preference 1, 2, 3, 4
    /// (minimized: x0 and x1).
    static let steps = [
        ObjectiveStep(keeping: "keep_score", then: [3, 3, 1, 3], sense: .maximize),
        ObjectiveStep(keeping: "keep_volume", then: [1, 2, 3, 4], sense: .minimize),
    ]

    @Test func theKeptRowSitsOnTheSideTheSensePrefers() {
        let model = Self.pairs()
        let terms = [Term(0, 2), Term(2, -1)]
        let high = model.keepingObjective(terms, at: 1000, within: 1e-7, sense: .maximize, rowName: "keep")
        #expect(high.rowCount == model.rowCount + 1)
        let kept = high.rows[model.rowCount]
        #expect(kept.name == "keep" && kept.terms == terms && kept.lower == 1000 - 1e-4 && kept.upper == .infinity)
        let low = model.keepingObjective(terms, at: -0.5, within: 1e-7, sense: .minimize, rowName: "keep")
        #expect(low.rows[model.rowCount].lower == -.infinity && low.rows[model.rowCount].upper == -0.5 + 1e-7)
        #expect(Model.terms(of: [0, 2, 0, -1]) == [Term(1, 2), Term(3, -1)])
        #expect(model.objectiveTerms.count == 4)
    }

    @Test func eachStepBreaksTheTiesOfTheStepBefore() throws {
        let model = Self.pairs()
        let solver = RecordingSolver()
        let first = try solver.solve(model, parameters: SolverParameters())
        var parameters = SolverParameters(timeLimit: 7)
        parameters.roundingCuts = false
        let outcome = try solver.solveLexicographically(
            model, from: first.values, steps: Self.steps, parameters: parameters)
        #expect(outcome.values == [1, 1, 0, 0])
        #expect(outcome.solves == 2)
        #expect(outcome.accepted?.objective == 3)
        let models = solver.models
        // The second step's model keeps the score row and adds the volume row (volume at least 6 − 6e-7).
        #expect(models[2].rows.map(\.name) == ["two", "keep_score", "keep_volume"])
        #expect(models[2].rows[1].lower == 2 - 2e-7)
        #expect(models[2].rows[2].lower == 6 - 6e-7)
        #expect(models[2].sense == .minimize)
        // Each solve starts from the point before it and keeps the caller's other parameters.
        let given = solver.parameters
        #expect(given[1].start == first.values)
        #expect(given[2].start == outcome.results[0].values)
        #expect(given[2].roundingCuts == false && given[2].timeLimit == 7)
    }

    @Test func aKnownOptimumIsUsedAsGiven() throws {
        let model = Self.pairs()
        let solver = RecordingSolver()
        _ = try solver.solveLexicographically(
            model, from: [1, 1, 0, 0], optimum: 1.5, steps: [Self.steps[0]], parameters: SolverParameters())
        #expect(solver.models[0].rows[1].lower == 1.5 - 1.5e-7)
    }

    @Test func aRejectedStepEndsTheSequenceAndKeepsTheStart() throws {
        let model = Self.pairs()
        let solver = RecordingSolver()
        let outcome = try solver.solveLexicographically(
            model, from: [0, 1, 0, 1], steps: Self.steps, parameters: SolverParameters(), accept: { _ in false })
        #expect(outcome.values == [0, 1, 0, 1])
        #expect(outcome.accepted == nil)
        #expect(outcome.solves == 1)
    }

    @Test func aStepNotProvedOptimalIsTakenButEndsTheSequence() throws {
        let model = Self.pairs()
        let solver = RecordingSolver(termination: .gapLimit)
        let outcome = try solver.solveLexicographically(
            model, from: [0, 1, 0, 1], steps: Self.steps, parameters: SolverParameters())
        #expect(outcome.solves == 1)
        #expect(outcome.accepted?.termination == .gapLimit)
        #expect(model.objectiveValue(outcome.values) == 2)
    }
}
