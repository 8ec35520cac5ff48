import GreenAllocCore
import MILP
import MILPGLPK
import TestSupport
import Testing

@testable import GreenAllocWhatIf

/// The sweep's shared model (interleaved threads, neighbours' plans as starts, MIR cuts off) and the target
/// search's minimum-scale model, against separate brute-force solves on small random libraries.
@Suite struct WhatIfRandomTests {
    /// Seven projects over two years with random requests, benefits and minimum shares (empty = all or
    /// nothing), optionally a per-city cap and a count target (soft, so every budget has a plan).
    static func fixture(seed: UInt64, target: Int? = nil) throws -> ScenarioFixture {
        var random = SplitMix64(seed: seed)
        var rows = ""
        for index in 1...7 {
            let first = Int.random(in: 0...40, using: &random)
            let second = Int.random(in: 0...30, using: &random)
            let minShare = Bool.random(using: &random) ? "0.5" : ""
            let benefit = Int.random(in: 5...60, using: &random)
            let city = Bool.random(using: &random) ? "K1" : "K2"
            rows += "P\(index),p\(index),\(city),f1,air,1000,\(first == 0 ? "" : String(first)),"
                + "\(second == 0 ? "" : String(second)),\(minShare),,,,,yes,\(benefit)\n"
        }
        let limits = seed % 2 == 0 ? "" : """
            limits:
              - name: 单市上限
                sum: subsidy
                group_by: city
                max: \(Int.random(in: 40...80, using: &random))

            """
        let targets = target.map { """
            targets:
              - name: 数量
                metric: count
                min: \($0)
                penalty: 1

            """ } ?? ""
        return try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: WhatIfTests.fund, rest: limits + targets),
            projects: SolveFeatureTests.projectsHeader + rows + "\n")
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func sweepEqualsSeparateBruteForceSolves(seed: UInt64) throws {
        let fixture = try Self.fixture(seed: seed)
        let reference = try WhatIfTests.runner(fixture, solver: BruteForceSolver())
        let scales = try WhatIfRunner.scales(from: 0, to: 2, steps: 9)
        let runner = try WhatIfTests.runner(fixture, solver: GLPKSolver(), threads: 2)
        for warm in [true, false] {
            let sweep = try runner.sweep(fund: "f1", scales: scales, warmStart: warm)
            #expect(sweep.points.map(\.scale) == scales)
            for point in sweep.points {
                let objective = try #require(point.objective)
                let separate = try reference.run(reference.scaled(fund: 0, by: point.scale))
                #expect(point.status == .optimal)
                #expect(
                    abs((separate.objective ?? .nan) - objective) <= 1e-7 * max(1, abs(objective)),
                    "seed \(seed), scale \(point.scale), warm \(warm): \(objective) vs \(separate.objective ?? .nan)")
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func minimumScaleModelMatchesAScan(seed: UInt64) throws {
        let fixture = try Self.fixture(seed: seed, target: 3)
        let reference = try WhatIfTests.runner(fixture, solver: BruteForceSolver())
        guard let scanned = try WhatIfTests.scannedMinimum(reference, target: "数量", upTo: 3) else {
            // No budget up to ×3 funds three projects: both searches must say so or find a larger scale.
            for solver in [BruteForceSolver() as any Solver, GLPKSolver()] {
                let search = try WhatIfTests.runner(fixture, solver: solver).target(name: "数量", fund: "f1")
                #expect(!search.met || (search.scale ?? 0) > 3)
            }
            return
        }
        for solver in [BruteForceSolver() as any Solver, GLPKSolver()] {
            let search = try WhatIfTests.runner(fixture, solver: solver).target(name: "数量", fund: "f1")
            let scale = try #require(search.scale, "seed \(seed)")
            #expect(search.met && search.exact)
            #expect(scale >= scanned - 0.0001 - 1e-9, "seed \(seed): \(scale) vs scan \(scanned)")
            #expect(scale <= scanned * 1.001 + 1e-9, "seed \(seed): \(scale) vs scan \(scanned)")
            #expect(search.lowerScale.map { $0 < scale && $0 <= scanned + 1e-9 } ?? true)
            #expect(search.allocation?.targets.first { $0.name == "数量" }?.met == true)
        }
    }
}
