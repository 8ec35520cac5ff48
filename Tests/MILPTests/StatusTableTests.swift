import MILP
import MILPGLPK
import Testing

/// One test per row of GLPK.md's status table.
@Suite struct StatusTableTests {
    typealias Row = (GLPKSolver.IntoptReturn, GLPKSolver.SolutionStatus, TerminationStatus, PrimalStatus)

    static let rows: [Row] = [
        (.success, .optimal, .optimal, .feasiblePoint),
        (.mipGap, .feasible, .gapLimit, .feasiblePoint),
        (.timeLimit, .feasible, .timeLimit, .feasiblePoint),
        (.stopped, .feasible, .interrupted, .feasiblePoint),
        (.timeLimit, .undefined, .timeLimit, .noSolution),
        (.stopped, .undefined, .interrupted, .noSolution),
        (.noPrimalFeasible, .undefined, .infeasible, .noSolution),
        (.success, .noFeasible, .infeasible, .noSolution),
        (.noDualFeasible, .undefined, .infeasibleOrUnbounded, .noSolution),
        (.badBound, .undefined, .otherError, .noSolution),
        (.rootNotOptimal, .undefined, .otherError, .noSolution),
        (.failure, .undefined, .numericalError, .noSolution),
        (.success, .feasible, .otherError, .feasiblePoint),
    ]

    @Test(arguments: rows.indices)
    func statusTableRow(index: Int) {
        let (code, status, termination, primal) = Self.rows[index]
        let mapped = GLPKSolver.statuses(intopt: code, mipStatus: status)
        #expect(mapped.0 == termination)
        #expect(mapped.1 == primal)
    }

    @Test func feasibleIsNeverOptimal() {
        for code in [GLPKSolver.IntoptReturn.success, .mipGap, .timeLimit, .stopped, .failure, .other(99)] {
            #expect(GLPKSolver.statuses(intopt: code, mipStatus: .feasible).0 != .optimal)
        }
    }

    @Test func dualInfeasibleLinearProgramWithUnboundedRelaxationIsUnbounded() {
        let mapped = GLPKSolver.statuses(
            intopt: .noDualFeasible, mipStatus: .undefined, relaxationStatus: .unbounded, hasIntegerColumns: false)
        #expect(mapped.0 == .unbounded)
    }

    @Test func versionIsFiveOrLater() throws {
        #expect(GLPKSolver.glpkVersion.hasPrefix("5."))
        try GLPKSolver.requireVersion()
        #expect(throws: SolverError.self) { try GLPKSolver.requireVersion(atLeast: (99, 0)) }
    }
}
