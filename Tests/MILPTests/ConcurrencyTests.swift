import Foundation
import MILP
import MILPGLPK
import TestSupport
import Testing

@Suite struct ConcurrencyTests {
    /// 4 threads × 100 solves of different models give the same answers as serial solves.
    @Test func fourThreadsSolveFourHundredModels() throws {
        let models = (0..<400).map { RandomModels.small(seed: 10_000 + UInt64($0)) }
        let expected = try models.map { try GLPKSolver().solve($0, parameters: SolverParameters()) }
        let results = ResultBox(count: models.count)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: models.count, by: 4) {
                results.set(index, try? GLPKSolver().solve(models[index], parameters: SolverParameters()))
            }
        }
        for index in models.indices {
            let result = try #require(results.get(index), "model \(index) threw")
            #expect(sameAnswer(result, expected[index]), "model \(index)")
            if result.hasSolution { #expect(models[index].verify(result.values).isEmpty) }
        }
    }
}

/// Results written by several threads, one slot each.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [SolverResult?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: SolverResult?) {
        lock.withLock { results[index] = result }
    }

    func get(_ index: Int) -> SolverResult? {
        lock.withLock { results[index] }
    }
}
