import GreenAllocCore
import GreenAllocEngine
@testable import GreenAllocWhatIf
import MILP
import MILPGLPK
import TestSupport
import Testing

/// `target` on naming packages under a city share cap: the case where the scale's LP bound is weak and the
/// search's group rows matter.
@Suite struct TargetBisectionTests {
    /// Three cities; four parks under construction, each with one all-or-nothing package (K1, K2 in 370100);
    /// K5 and K6 are named already, so 5 eco parks by 2023 means three new ones. Two fillers (F1 in 370300,
    /// F2 in 370200). Budget 80 (2022) and 40 (2023); no city above 50% of a year's subsidies.
    ///
    /// By hand (every set of projects naming three parks): {P2, P3, P4, F2} uses 85 in 2022 and 45 in 2023
    /// (largest city share 40/85 and 20/45), so ×45/40 = 1.125; {P1, P2, …} puts 50 in 370100, over half of
    /// any 2022 total the budget allows below ×1.25; {P1, P3, P4} leaves 370300 alone in 2023 (20 of 20, or
    /// 20 of 35 with F2). Without the cap, {P1, P2, P4} would need only ×0.9375.
    static func fixture(cap: Bool = true) throws -> ScenarioFixture {
        let yaml = SolveFeatureTests.scenario(
            funds: """
                  - id: f1
                    name: 专项资金
                    budget: {2022: 80, 2023: 40}
                """,
            rest: (cap ? Self.cityCap : "") + """
                targets:
                  - name: 新命名三家
                    metric: eco_park_count
                    year: 2023
                    min: 5
                """)
        return try ScenarioFixture(
            yaml: yaml,
            projects: SolveFeatureTests.projectsHeader + """
                P1,a,K1,f1,air,1000,30,,,,,,true,yes,5
                P2,b,K2,f1,air,1000,20,10,,,,,true,yes,5
                P3,c,K3,f1,air,1000,40,,,,,,true,yes,5
                P4,d,K4,f1,air,1000,25,20,,,,,true,yes,5
                F1,e,K5,f1,air,1000,10,,,,,,,yes,5
                F2,f,K6,f1,air,1000,,15,,,,,,yes,5

                """,
            parks: """
                id,name,city,status,barred_until,naming_year
                K1,甲园区,370100,under_construction,,
                K2,乙园区,370100,under_construction,,
                K3,丙园区,370200,under_construction,,
                K4,丁园区,370300,under_construction,,
                K5,戊园区,370300,named_provincial,,
                K6,己园区,370200,named_provincial,,

                """,
            cities: "id,name,region\n370100,济南市,east\n370200,青岛市,east\n370300,淄博市,east\n")
    }

    static let cityCap = """
        limits:
          - {name: 单市占比, sum: subsidy, fund: f1, group_by: city, per_year: true, max_share: 0.5}

        """

    /// Whether some plan meets the (already hard) target at a scale, by the brute-force solver.
    static func feasible(_ runner: WhatIfRunner, at scale: Double) throws -> Bool {
        let compiled = AllocationRunner(
            scenario: runner.scaled(fund: 0, by: scale), library: runner.library, rules: runner.rules,
            solver: BruteForceSolver()
        ).compile()
        return try BruteForceSolver().solve(compiled.model, parameters: SolverParameters()).hasSolution
    }

    @Test func bisectionFindsTheHandComputedMinimumAndProvesIt() throws {
        let fixture = try Self.fixture()
        let reference = try WhatIfTests.runner(fixture, solver: BruteForceSolver())
        // The brute force agrees with the hand calculation on both sides of ×1.125.
        #expect(try Self.feasible(reference, at: 1.125))
        #expect(try !Self.feasible(reference, at: 1.125 * (1 - 1e-3)))
        for solver in [GLPKSolver() as any Solver, BruteForceSolver()] {
            let search = try WhatIfTests.runner(fixture, solver: solver).target(name: "新命名三家", fund: "f1")
            #expect(search.met && search.exact)
            let scale = try #require(search.scale)
            #expect(abs(scale - 1.125) <= 1e-9, "\(solver.name): \(scale)")
            // Certain: the lower end is proved and within the tolerance of the scale.
            let lower = try #require(search.lowerScale)
            #expect(lower < scale && lower >= scale * (1 - search.tolerance) - 1e-12, "\(solver.name): \(lower)")
            #expect(try !Self.feasible(reference, at: lower))
            let allocation = try #require(search.allocation)
            #expect(allocation.status == .optimal)
            #expect(allocation.projects.filter(\.funded).map(\.id) == ["P2", "P3", "P4", "F2"])
            #expect(allocation.targets.first?.met == true)
        }
    }

    @Test func withoutTheCapTheMinimumDrops() throws {
        // The same scenario without the city cap: {P1, P2, P4} at ×75/80 = 0.9375.
        let runner = try WhatIfTests.runner(Self.fixture(cap: false), solver: GLPKSolver())
        let search = try runner.target(name: "新命名三家", fund: "f1")
        #expect(search.exact)
        #expect(abs((search.scale ?? 0) - 0.9375) <= 1e-9)
    }

    @Test func groupRowsKeepEveryPlan() throws {
        // K1 and K2 share 370100's caps (one group); K3 and K4 are groups of their own.
        let runner = try WhatIfTests.runner(Self.fixture(), solver: BruteForceSolver())
        let scalable = ScalableModel(runner: runner, scenario: runner.scenario, fund: 0)
        let cuts = NamingGroupCuts(scalable)
        #expect(cuts.groups.map(\.candidates.count).sorted() == [1, 1, 2])
        let solver = BruteForceSolver()
        for step in 0...30 {
            let scale = 0.8 + 0.02 * Double(step)
            let plain = scalable.model(at: scale)
            let strong = cuts.adding(to: plain, at: scale)
            // At ×1.1 the pair {K1, K2} (50 in 2022) is over 370100's cap of 44, so the group gets rows.
            if abs(scale - 1.1) < 1e-9 { #expect(strong.rowCount > plain.rowCount) }
            let withRows = try solver.feasibility(of: strong, parameters: SolverParameters())
            let without = try solver.feasibility(of: plain, parameters: SolverParameters())
            #expect((withRows == .infeasible) == (without == .infeasible), "scale \(scale)")
        }
    }

    @Test func searchStoppedByItsTimeLimitIsNotExact() throws {
        // The brute-force solver ignores time limits, so the search's own clock is what stops it: a limit that
        // has passed once the first solve returns leaves no plan and says so, deterministically.
        var runner = try WhatIfTests.runner(Self.fixture(), solver: BruteForceSolver())
        runner.settings.timeLimit = 1e-9
        let search = try runner.target(name: "新命名三家", fund: "f1")
        #expect(!search.exact && !search.met)
        #expect(search.scale == nil)
        #expect(search.reasons.first?.contains("time limit") == true)
    }
}
