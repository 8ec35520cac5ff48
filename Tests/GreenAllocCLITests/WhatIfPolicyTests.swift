import Foundation
import GreenAllocCore
import GreenAllocWhatIf
import MILP
import MILPGLPK
import TestSupport
import Testing

/// sweep and target on a fund with the instruments of scenario-format §15 whose bounds follow the budget: an
/// opening balance (does not scale), carry-over (its rows scale with the previous year's budget) and factor
/// envelopes (a share of the budget). Each point must equal the scenario recompiled with the scaled budget.
@Suite struct WhatIfPolicyTests {
    static let variants: [String] = [
        """
            carry_over: 0.5
            opening_balance: {2022: 10}
        """,
        """
            carry_over: true
        factors:
          - name: 分市额度
            fund: f1
            total: per_year
            mode: hard
            weights:
              - {of: requests, weight: 1}
        """,
        """
            opening_balance: {2023: 5}
        factors:
          - name: 分市额度
            fund: f1
            total: horizon
            mode: band
            band: 0.6
            weights:
              - {of: requests, weight: 1}
        """,
    ]

    static func fixture(_ variant: String, targets: String = "") throws -> ScenarioFixture {
        let funds = WhatIfTests.fund + "\n" + variant
        return try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: funds, rest: targets), projects: WhatIfTests.projects)
    }

    @Test(arguments: variants.indices)
    func sweepPointsEqualTheRecompiledScenario(variant: Int) throws {
        let fixture = try Self.fixture(Self.variants[variant])
        for solver in [GLPKSolver() as any Solver, BruteForceSolver()] {
            let runner = try WhatIfTests.runner(fixture, solver: solver)
            let scales = try WhatIfRunner.scales(from: 0, to: 2.5, steps: 11)
            let sweep = try runner.sweep(fund: "f1", scales: scales)
            var solved = 0
            for point in sweep.points {
                let separate = try runner.run(runner.scaled(fund: 0, by: point.scale))
                #expect(
                    (separate.objective != nil) == (point.objective != nil),
                    "variant \(variant), scale \(point.scale): \(separate.status)")
                guard let objective = point.objective, let expected = separate.objective else { continue }
                solved += 1
                #expect(
                    abs(expected - objective) <= 1e-7 * max(1, abs(objective)),
                    "variant \(variant), scale \(point.scale): \(objective) vs \(expected)")
            }
            #expect(solved >= 5)
        }
    }

    @Test(arguments: variants.indices)
    func targetMatchesAFineScan(variant: Int) throws {
        let fixture = try Self.fixture(
            Self.variants[variant],
            targets: """
                targets:
                  - name: 数量
                    metric: count
                    min: 4
                    penalty: 1

                """)
        let scanned = try #require(
            try WhatIfTests.scannedMinimum(WhatIfTests.runner(fixture, solver: BruteForceSolver()), target: "数量", upTo: 3))
        let runner = try WhatIfTests.runner(fixture, solver: GLPKSolver())
        let search = try runner.target(name: "数量", fund: "f1")
        let scale = try #require(search.scale)
        #expect(search.met)
        #expect(scale >= scanned - 0.0001 - 1e-9, "variant \(variant): \(scale) vs scan \(scanned)")
        #expect(scale <= scanned * 1.001 + 1e-9, "variant \(variant): \(scale) vs scan \(scanned)")
    }
}
