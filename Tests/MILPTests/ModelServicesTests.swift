import MILP
import Testing

/// The column view, the binding test, the one reading of a solver result and safe names, on hand-built models.
@Suite struct ModelServicesTests {
    @Test func theColumnViewListsEachColumnsRowsInRowOrder() {
        var model = Model()
        let x = model.addColumn("x")
        let y = model.addColumn("y")
        let unused = model.addColumn("unused")
        model.addRow("first", terms: [Term(y, 2), Term(x, 1)], upper: 4)
        model.addRow("second", terms: [Term(x, -3)], lower: -9)
        let view = model.columnView()
        #expect(view.count == 3)
        #expect(view[x].map(\.row) == [0, 1] && view[x].map(\.coefficient) == [1, -3])
        #expect(view[y].map(\.row) == [0] && view[y].map(\.coefficient) == [2])
        #expect(view[unused].isEmpty)
    }

    @Test func aRowBindsWithinOneMillionthOfItsBound() {
        #expect(Row.tolerance(at: 0) == 1e-6)
        #expect(Row.tolerance(at: -2_000_000) == 2)
        #expect(Row.isBinding(slack: 1e-6, bound: 0.5))
        #expect(!Row.isBinding(slack: 2e-6, bound: 0.5))
        #expect(Row.isBinding(slack: 1.5, bound: 2_000_000))
        var model = Model()
        let x = model.addColumn("x", upper: 10)
        model.addRow("box", terms: [Term(x, 1)], lower: 1, upper: 5)
        model.addRow("free", terms: [Term(x, 1)])
        #expect(model.isBinding(row: 0, at: [5 - 1e-7]))
        #expect(model.isBinding(row: 0, at: [1]))
        #expect(!model.isBinding(row: 0, at: [3]))
        #expect(!model.isBinding(row: 1, at: [3]))
    }

    @Test(arguments: [
        (TerminationStatus.optimal, PrimalStatus.feasiblePoint, SolveOutcome.optimal),
        (.gapLimit, .feasiblePoint, .feasible),
        (.timeLimit, .feasiblePoint, .feasible),
        (.nodeLimit, .feasiblePoint, .feasible),
        (.interrupted, .feasiblePoint, .feasible),
        (.otherError, .feasiblePoint, .feasible),
        (.infeasible, .noSolution, .infeasible),
        (.infeasibleOrUnbounded, .noSolution, .infeasible),
        (.unbounded, .noSolution, .noSolution),
        (.timeLimit, .noSolution, .noSolution),
        (.numericalError, .noSolution, .noSolution),
    ])
    func eachResultHasOneOutcome(termination: TerminationStatus, primal: PrimalStatus, outcome: SolveOutcome) {
        #expect(SolverResult(termination: termination, primal: primal).outcome == outcome)
    }

    @Test func aSafeNameIsTheTextWhenValidElseTheFallback() {
        #expect(Model.safeName("park_1.a", fallback: "i0") == "park_1.a")
        #expect(Model.safeName("泰山", fallback: "i3") == "i3")
        #expect(Model.safeName("", fallback: "i4") == "i4")
        #expect(Model.safeName("a b", fallback: "i5") == "i5")
        #expect(Model.safeName(String(repeating: "a", count: 65), maximumLength: 64, fallback: "i6") == "i6")
        #expect(Model.safeName(String(repeating: "a", count: 64), maximumLength: 64, fallback: "i7").count == 64)
    }
}
