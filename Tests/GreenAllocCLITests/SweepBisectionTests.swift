import GreenAllocCore
import MILP
import MILPGLPK
import TestSupport
import Testing

@testable import GreenAllocWhatIf

/// The sweep's rounds of bisection, and the points its neighbours prove without a solve.
@Suite struct SweepBisectionTests {
    @Test func everyPointIsSettledOnceAfterTheEnds() {
        for count in 1...40 {
            for threads in 1...4 {
                let rounds = SweepBisection.rounds(count: count, threads: threads)
                #expect(rounds.first == (count == 1 ? [0] : [0, count - 1]), "\(count) points, \(threads) threads")
                #expect(rounds.joined().sorted() == Array(0..<count), "\(count) points, \(threads) threads")
                // After the ends, a round has at least as many points as threads while enough points are left.
                var left = count - (rounds.first?.count ?? 0)
                for round in rounds.dropFirst() {
                    #expect(round.count >= Swift.min(threads, left), "\(count) points, \(threads) threads: \(rounds)")
                    left -= round.count
                }
            }
        }
        #expect(SweepBisection.rounds(count: 7, threads: 1) == [[0, 6], [3], [1, 4], [2, 5]])
        #expect(SweepBisection.rounds(count: 0, threads: 2).isEmpty)
    }

    /// Above the budget at which every project fits, the objective stops growing: those points are proved from
    /// their neighbours, and still equal separate solves.
    @Test(arguments: [1, 2])
    func pointsOnAPlateauAreProvedAndEqualSeparateSolves(threads: Int) throws {
        let fixture = try WhatIfTests.fixture()
        for solver in [GLPKSolver() as any Solver, BruteForceSolver()] {
            let runner = try WhatIfTests.runner(fixture, solver: solver, threads: threads)
            let sweep = try runner.sweep(fund: "f1", scales: try WhatIfRunner.scales(from: 2, to: 6, steps: 9))
            let proved = sweep.points.filter { !$0.solved }
            #expect(!proved.isEmpty)
            for point in proved {
                let separate = try runner.run(runner.scaled(fund: 0, by: point.scale))
                #expect(point.status == .optimal)
                #expect(abs((separate.objective ?? .nan) - (point.objective ?? .nan)) <= 1e-7 * max(1, abs(point.objective ?? 1)))
            }
        }
    }
}
