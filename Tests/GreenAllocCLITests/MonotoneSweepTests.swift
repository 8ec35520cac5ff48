import GreenAllocCore
import GreenAllocReports
import GreenAllocWhatIf
import MILP
import MILPGLPK
import TestSupport
import Testing

/// `sweep --monotone` against an enumeration of nested funded sets on small all-or-nothing libraries.
@Suite struct MonotoneSweepTests {
    struct Item {
        var id: String
        var request: [Double]
        var benefit: Double
    }

    /// Six all-or-nothing projects over two years, benefit not proportional to cost.
    static func library(seed: UInt64) -> [Item] {
        var random = SplitMix64(seed: seed)
        return (1...6).map { index in
            let first = Double(Int.random(in: 0...40, using: &random))
            let second = Double(Int.random(in: 0...30, using: &random))
            return Item(
                id: "P\(index)", request: [first == 0 && second == 0 ? 10 : first, second],
                benefit: Double(Int.random(in: 5...60, using: &random)))
        }
    }

    static func fixture(_ items: [Item]) throws -> ScenarioFixture {
        let rows = items.map { item in
            let cells = item.request.map { $0 == 0 ? "" : String(Int($0)) }
            return "\(item.id),x,K1,f1,air,1000,\(cells[0]),\(cells[1]),,,,,,yes,\(Int(item.benefit))"
        }
        return try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: WhatIfTests.fund), projects: SolveFeatureTests.projectsHeader + rows.joined(separator: "\n") + "\n")
    }

    /// Objective of a subset (bit mask) at a budget per year, nil when it does not fit.
    static func value(_ mask: Int, _ items: [Item], budget: [Double]) -> Double? {
        var spent = [0.0, 0.0]
        var total = 0.0
        for (index, item) in items.enumerated() where mask & (1 << index) != 0 {
            spent[0] += item.request[0]
            spent[1] += item.request[1]
            total += item.benefit
        }
        return spent[0] <= budget[0] + 1e-9 && spent[1] <= budget[1] + 1e-9 ? total : nil
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func nestedLevelByLevelOptimaBelowTheFreeOptimum(seed: UInt64) throws {
        let items = Self.library(seed: seed)
        let fixture = try Self.fixture(items)
        let runner = try WhatIfTests.runner(fixture, solver: GLPKSolver())
        let scales = try WhatIfRunner.scales(from: 0.25, to: 2, steps: 8)
        let sweep = try runner.sweep(fund: "f1", scales: scales)
        let view = try runner.monotoneView(of: sweep)
        #expect(view.points.count == scales.count)
        var previous = 0
        var sum = 0.0
        for (point, scale) in zip(view.points, scales) {
            let budget = [60 * scale, 30 * scale]
            let mask = items.indices.reduce(0) { point.funded.contains(items[$1].id) ? $0 | (1 << $1) : $0 }
            // Nested, feasible, and the best superset of the level below (enumerated).
            #expect(mask & previous == previous, "seed \(seed), scale \(scale): not nested")
            let objective = try #require(point.objective)
            #expect(abs((Self.value(mask, items, budget: budget) ?? .nan) - objective) < 1e-6)
            let best = (0..<64).filter { $0 & previous == previous }.compactMap { Self.value($0, items, budget: budget) }.max()
            #expect(abs((best ?? .nan) - objective) < 1e-6, "seed \(seed), scale \(scale): \(objective) vs \(best ?? .nan)")
            let free = (0..<64).compactMap { Self.value($0, items, budget: budget) }.max() ?? .nan
            #expect(abs((point.freeObjective ?? .nan) - free) < 1e-6)
            #expect(objective <= free + 1e-6)
            #expect((point.givenUp ?? -1) >= -1e-6)
            previous = mask
            sum += objective
        }
        #expect(abs(view.totalGivenUp - view.points.reduce(0) { $0 + ($1.givenUp ?? 0) }) < 1e-9)
        // The best nested chain for the sum (enumerated by dynamic programming over subsets) is never below
        // the level-by-level view's sum, and the first level is the free optimum.
        var best = [Double?](repeating: 0, count: 64)
        for scale in scales {
            let budget = [60 * scale, 30 * scale]
            best = (0..<64).map { mask in
                guard let here = Self.value(mask, items, budget: budget) else { return nil }
                let below = (0..<64).filter { $0 & mask == $0 }.compactMap { best[$0] }.max()
                return below.map { $0 + here }
            }
        }
        #expect((best.compactMap { $0 }.max() ?? -1) >= sum - 1e-6)
        #expect(abs((view.points[0].givenUp ?? 1)) < 1e-6)
        // Every project's first point is the first that funds it, and every later point funds it too.
        for (id, first) in view.firstPoint {
            #expect(view.points[first].funded.contains(id))
            #expect(view.points[..<first].allSatisfy { !$0.funded.contains(id) })
            #expect(view.points[first...].allSatisfy { $0.funded.contains(id) })
        }
    }

    @Test func outputsCarryTheMonotoneView() throws {
        let fixture = try Self.fixture(Self.library(seed: 2))
        let runner = try WhatIfTests.runner(fixture, solver: GLPKSolver())
        var sweep = try runner.sweep(fund: "f1", scales: try WhatIfRunner.scales(from: 0.5, to: 1.5, steps: 3))
        let plain = WhatIfSweepOutput.csv(sweep)
        #expect(!plain.contains("monotone_objective"))
        sweep.monotone = try runner.monotoneView(of: sweep)
        let csv = WhatIfSweepOutput.csv(sweep)
        #expect(csv.hasPrefix((WhatIfSweepOutput.csvHeader + WhatIfSweepOutput.monotoneCSVHeader).joined(separator: ",")))
        #expect(WhatIfSweepOutput.json(sweep).contains("\"free_objective\""))
        let markdown = SweepPage(sweep, language: .en).markdown()
        #expect(markdown.contains("Monotone view"))
        #expect(SweepPage(sweep, language: .zh).markdown().contains("单调视图"))
        let projects = try #require(WhatIfSweepOutput.monotoneCSV(sweep))
        #expect(projects.split(separator: "\n").count == (sweep.monotone?.firstPoint.count ?? 0) + 1)
    }
}
