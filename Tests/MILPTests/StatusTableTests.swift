import MILP
@testable import MILPGLPK
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

    /// The version check compares major, then minor, as numbers (4.9 is older than 4.65), whatever GLPK this
    /// machine links.
    @Test func versionCheckComparesMajorThenMinorAsNumbers() throws {
        #expect(GLPKSolver.version("5.0", isAtLeast: (4, 65)))
        #expect(GLPKSolver.version("4.65", isAtLeast: (4, 65)))
        #expect(GLPKSolver.version("10.0", isAtLeast: (4, 65)))
        #expect(!GLPKSolver.version("4.64", isAtLeast: (4, 65)))
        #expect(!GLPKSolver.version("4.9", isAtLeast: (4, 65)))
        #expect(!GLPKSolver.version("3.99", isAtLeast: (4, 65)))
        #expect(!GLPKSolver.version("", isAtLeast: (4, 65)))
        #expect(!GLPKSolver.version("unknown", isAtLeast: (4, 65)))

        // requireVersion passes at the linked library's own version and names it one minor release above.
        let parts = GLPKSolver.glpkVersion.split(separator: ".").compactMap { Int($0) }
        let linked = (major: try #require(parts.first), minor: parts.count > 1 ? parts[1] : 0)
        try GLPKSolver.requireVersion(atLeast: linked)
        #expect(throws: SolverError("GLPK \(GLPKSolver.glpkVersion) is too old; greenalloc needs \(linked.major).\(linked.minor + 1) or later")) {
            try GLPKSolver.requireVersion(atLeast: (linked.major, linked.minor + 1))
        }
    }
}
