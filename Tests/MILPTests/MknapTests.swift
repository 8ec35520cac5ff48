import Foundation
import MILP
import MILPGLPK
import TestSupport
import Testing

func mknap1Catalogue() throws -> [KnownOptimum] {
    let url = try #require(Bundle.module.url(forResource: "mknap1", withExtension: "txt", subdirectory: "Fixtures"))
    return try KnownOptima.loadMknap1(from: url)
}

@Suite struct MknapTests {
    @Test func catalogueHasSevenProblemsWithTheirOptima() throws {
        let catalogue = try mknap1Catalogue()
        #expect(catalogue.map { $0.objective ?? 0 } == [3800, 8706.1, 4015, 6120, 12400, 10618, 16537])
        #expect(catalogue.map(\.model.columnCount) == [6, 10, 15, 20, 28, 39, 50])
    }

    @Test func glpkSolvesEveryMknap1ProblemToItsOptimum() throws {
        for known in try mknap1Catalogue() {
            let result = try GLPKSolver().solve(known.model, parameters: SolverParameters())
            #expect(result.termination == .optimal, "\(known.name)")
            #expect(relativelyEqual(result.objective, known.objective), "\(known.name): \(String(describing: result.objective))")
            #expect(known.model.verify(result.values).isEmpty, "\(known.name)")
            #expect(result.gap == 0)
        }
    }
}
