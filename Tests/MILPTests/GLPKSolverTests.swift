import Foundation
import MILP
import MILPGLPK
import TestSupport
import Testing

@Suite struct GLPKSolverTests {
    @Test func relaxationDualsOfAKnapsack() throws {
        // max 3x + 2y, x + y ≤ 4, x + 3y ≤ 9, x ≤ 3 continuous: x = 3, y = 1, duals 2 and 0, objective 11.
        var model = Model(name: "lp", sense: .maximize)
        model.addColumn("x", lower: 0, upper: 3, objective: 3)
        model.addColumn("y", objective: 2)
        model.addRow("first", terms: [Term(0, 1), Term(1, 1)], upper: 4)
        model.addRow("second", terms: [Term(0, 1), Term(1, 3)], upper: 9)
        let result = try GLPKSolver().solve(model, parameters: SolverParameters(wantRelaxationDuals: true))
        #expect(result.termination == .optimal)
        #expect(relativelyEqual(result.objective, 11))
        #expect(relativelyEqual(result.relaxationObjective, 11))
        #expect(result.rowDuals?.count == 2)
        #expect(relativelyEqual(result.rowDuals?[0], 2))
        #expect(relativelyEqual(result.rowDuals?[1], 0))
        #expect(relativelyEqual(result.reducedCosts?[0], 1))
    }

    @Test func logIsCapturedAndForwardedOnlyWhenAsked() throws {
        let model = KnownOptima.knapsack.model
        let quiet = try GLPKSolver().solve(model, parameters: SolverParameters())
        let lines = LineCollector()
        let loud = try GLPKSolver().solve(
            model, parameters: SolverParameters(log: true, logHandler: { lines.append($0) }))
        #expect(loud.log.count > quiet.log.count)
        #expect(!lines.text.isEmpty)
        #expect(loud.log == lines.text)
    }

    @Test func presolveOffGivesTheSameOptimum() throws {
        for known in KnownOptima.handModels {
            let result = try GLPKSolver().solve(known.model, parameters: SolverParameters(presolve: false))
            #expect(result.termination == known.termination, "\(known.name)")
            #expect(relativelyEqual(result.objective, known.objective), "\(known.name)")
        }
    }

    @Test func nameAndVersion() {
        #expect(GLPKSolver().name == "GLPK")
        #expect(GLPKSolver().version == GLPKSolver.glpkVersion)
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined() } }
}
