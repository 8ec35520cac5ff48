import Foundation
import GreenAllocCore
import GreenAllocEngine
import GreenAllocInputs
import GreenAllocReports
import GreenAllocWhatIf
import MILP
import MILPGLPK
import TestSupport
import Testing

/// compare, sweep and target: the runner on GLPK and on the brute-force solver, and the commands.
@Suite struct WhatIfTests {
    static let fund = """
          - id: f1
            name: 专项资金
            budget: {2022: 60, 2023: 30}
        """

    /// Seven all-or-nothing projects over two years; value not proportional to cost, so the optimum jumps.
    static let projects = SolveFeatureTests.projectsHeader + """
        P1,a,K1,f1,air,1000,40,,,,,,,yes,52
        P2,b,K1,f1,water,1000,25,10,,,,,,yes,41
        P3,c,K2,f1,air,1000,,30,,,,,,yes,33
        P4,d,K2,f1,soil,1000,15,15,,,,,,yes,35
        P5,e,K1,f1,air,1000,35,,,,,G1,,yes,30
        P6,f,K2,f1,air,1000,10,5,,,P4,G1,,yes,19
        P7,g,K1,f1,carbon,1000,,45,,,,,,yes,44

        """

    static func fixture(targets: String = "", limits: String = "") throws -> ScenarioFixture {
        try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: fund, rest: limits + targets), projects: projects)
    }

    static func runner(_ fixture: ScenarioFixture, solver: any Solver, threads: Int = 2) throws -> WhatIfRunner {
        let inputs = try ScenarioInputs.load(path: fixture.scenarioPath).get()
        let settings = RunSettings(scenario: inputs.scenario.solver, noTiebreak: true)
        return WhatIfRunner(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: solver,
            settings: settings, inputsSHA256: inputs.inputsSHA256, threads: threads)
    }

    // MARK: sweep

    @Test(arguments: [1, 2, 3])
    func sweepEqualsSeparateSolvesAndNeverDecreases(threads: Int) throws {
        let fixture = try Self.fixture()
        for solver in [GLPKSolver() as any Solver, BruteForceSolver()] {
            let runner = try Self.runner(fixture, solver: solver, threads: threads)
            let scales = try WhatIfRunner.scales(from: 0, to: 2.5, steps: 26)
            let sweep = try runner.sweep(fund: "f1", scales: scales)
            #expect(sweep.points.map(\.scale) == scales)
            var previous = -Double.infinity
            for point in sweep.points {
                let objective = try #require(point.objective)
                #expect(objective >= previous - 1e-9, "scale \(point.scale)")
                previous = objective
                let separate = try runner.run(runner.scaled(fund: 0, by: point.scale))
                #expect(separate.status == .optimal)
                #expect(abs((separate.objective ?? .nan) - objective) <= 1e-7 * max(1, abs(objective)), "scale \(point.scale): \(objective) vs \(separate.objective ?? .nan)")
                #expect(abs(point.budgetTotal - 90 * point.scale) < 1e-9)
            }
            // Only budgets grow along a chunk: every point after the first of its chunk was offered a valid start.
            if solver is GLPKSolver {
                #expect(sweep.points.filter(\.warmStarted).count >= 1)
            }
            #expect(sweep.points.first?.funded.isEmpty == true)
            #expect(sweep.points.last?.fundedCount ?? 0 >= 4)
        }
    }

    @Test func sweepReportsMarginalsAndChanges() throws {
        let fixture = try Self.fixture()
        let runner = try Self.runner(fixture, solver: BruteForceSolver(), threads: 2)
        let sweep = try runner.sweep(fund: "f1", scales: [0.5, 1, 1.5, 2])
        for index in 1..<sweep.points.count {
            let before = sweep.points[index - 1], point = sweep.points[index]
            let expected = (point.objective! - before.objective!) / (point.budgetTotal - before.budgetTotal)
            #expect(abs(point.marginal! - expected) < 1e-12)
            #expect(Set(point.funded) == Set(before.funded).subtracting(point.leaving).union(point.entering))
        }
        #expect(sweep.points[0].marginal == nil)
        // The tie-rule variant gives the same objectives.
        let tie = try runner.sweep(fund: "f1", scales: [0.5, 1, 1.5, 2], tiebreak: true)
        for (a, b) in zip(tie.points, sweep.points) { #expect(abs(a.objective! - b.objective!) < 1e-6) }
    }

    @Test func sweepScalesAndErrors() throws {
        #expect(try WhatIfRunner.scales(from: 0.5, to: 2, steps: 4) == [0.5, 1, 1.5, 2])
        #expect(try WhatIfRunner.scales(from: 1, to: 1, steps: 1) == [1])
        #expect(throws: WhatIfError.self) { try WhatIfRunner.scales(from: 2, to: 1, steps: 3) }
        let fixture = try Self.fixture()
        let unknown = fixture.run(["sweep", fixture.scenarioPath, "--fund", "nope", "--from", "0.5", "--to", "1", "--steps", "2"])
        #expect(unknown.code == 64)
        #expect(unknown.error.contains("f1"))
        let bad = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "2", "--to", "1", "--steps", "3"])
        #expect(bad.code == 64)
    }

    @Test func sweepCommandWritesCSVAndOutputDirectory() throws {
        let fixture = try Self.fixture()
        let result = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "50%", "--to", "200%", "--steps", "4"])
        #expect(result.code == 0, "\(result.error)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("scale,budget_total,objective,status,funded_count,subsidy_total,") == true)
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("0.5,45,"))
        #expect(!result.error.contains("\r"))  // no progress line when not on a terminal
        let out = fixture.path("sweep-out")
        let written = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "2", "--steps", "4", "--out", out])
        #expect(written.code == 0, "\(written.error)")
        #expect(written.out.isEmpty)
        for name in ["sweep.csv", "sweep.svg", "sweep.md"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        let svg = try String(contentsOfFile: out + "/sweep.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("<polyline"))
        // Rerunning into the same directory replaces it.
        #expect(fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "2", "--steps", "4", "--out", out]).code == 0)
        let json = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "2", "--steps", "4", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((object?["points"] as? [Any])?.count == 4)
    }

    // MARK: target

    /// The smallest scale at which some plan meets the (hard) target, by scanning scales on a fine grid with
    /// the brute-force solver.
    static func scannedMinimum(_ runner: WhatIfRunner, target: String, upTo: Double) throws -> Double? {
        var hard = runner.scenario
        let index = hard.targets.firstIndex { $0.name == target }!
        hard.targets[index].penalty = nil
        func feasible(_ scale: Double) throws -> Bool {
            let compiled = AllocationRunner(
                scenario: runner.scaled(fund: 0, by: scale, in: hard), library: runner.library, rules: runner.rules,
                solver: BruteForceSolver()
            ).compile()
            if compiled.findings.contains(where: { $0.severity == .infeasible }) { return false }
            return try BruteForceSolver().solve(compiled.model, parameters: SolverParameters()).hasSolution
        }
        // Coarse steps of 0.01, then steps of 0.0001 inside the first feasible bracket.
        var coarse = 0.0
        while coarse <= upTo + 1e-12, try !feasible(coarse) { coarse += 0.01 }
        guard coarse <= upTo + 1e-12 else { return nil }
        var fine = Swift.max(0, coarse - 0.01)
        while try !feasible(fine) { fine += 0.0001 }
        return fine
    }

    @Test(arguments: [("减碳", "benefit", 150.0), ("数量", "count", 5.0), ("补助", "subsidy", 120.0)])
    func targetMatchesAFineScan(name: String, metric: String, minimum: Double) throws {
        let fixture = try Self.fixture(targets: """
            targets:
              - name: \(name)
                metric: \(metric)
                min: \(minimum)
                penalty: 1

            """)
        let scanned = try #require(try Self.scannedMinimum(Self.runner(fixture, solver: BruteForceSolver()), target: name, upTo: 3))
        for solver in [BruteForceSolver() as any Solver, GLPKSolver()] {
            let runner = try Self.runner(fixture, solver: solver)
            let search = try runner.target(name: name, fund: "f1")
            let scale = try #require(search.scale)
            #expect(search.met)
            // The answer is feasible (so ≥ the true minimum) and within 0.1% (plus the scan's step) of it.
            #expect(scale >= scanned - 0.0001 - 1e-9, "\(metric): \(scale) vs scan \(scanned)")
            #expect(search.lowerScale.map { $0 < scale } ?? true)
            #expect(scale <= scanned * 1.001 + 1e-9, "\(metric): \(scale) vs scan \(scanned)")
            let allocation = try #require(search.allocation)
            #expect(allocation.status == .optimal)
            #expect(allocation.targets.first { $0.name == name }?.met == true)
            #expect(search.budget?[2022] == 60 * scale)
        }
    }

    @Test func targetThatNoBudgetMeets() throws {
        // All seven projects are worth 254 at most (and P5/P6 exclude each other): 300 is out of reach.
        let fixture = try Self.fixture(targets: """
            targets:
              - name: 减碳
                metric: benefit
                min: 300

            """)
        let runner = try Self.runner(fixture, solver: BruteForceSolver())
        let search = try runner.target(name: "减碳", fund: "f1")
        #expect(!search.met)
        #expect(search.scale == nil)
        #expect(search.reasons.first?.contains("unlimited") == true)
        #expect(search.diagnosis?.conflict.contains(.target(rule: "减碳")) == true)
        let result = fixture.run(["target", fixture.scenarioPath, "--target", "减碳", "--fund", "f1", "--format", "json"])
        #expect(result.code == 3)
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(json?["met"] as? Bool == false)
        #expect(json?["scale"] is NSNull)
    }

    @Test func targetAlreadyMetAtZeroAndCommand() throws {
        let fixture = try Self.fixture(targets: """
            targets:
              - name: 零
                metric: count
                min: 0
              - name: 三个
                metric: count
                min: 3
                penalty: 5

            """)
        let runner = try Self.runner(fixture, solver: BruteForceSolver())
        #expect(try runner.target(name: "零", fund: "f1").scale == 0)
        #expect(throws: WhatIfError.self) { try runner.target(name: "无", fund: "f1") }
        let result = fixture.run(["target", fixture.scenarioPath, "--target", "三个", "--fund", "f1", "--format", "json"])
        #expect(result.code == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
        #expect(json["met"] as? Bool == true)
        let scale = try #require(json["scale"] as? Double)
        let budget = json["budget"] as? [String: Double]
        #expect(budget?["2022"] == MoneyFormat.rounded(60 * scale))
        // Compact: the plan's headline figures, not the plan.
        #expect(json["allocation"] == nil)
        #expect(((json["plan"] as? [String: Any])?["funded_count"] as? Int ?? 0) >= 3)
        #expect(json["certainty"] as? String == "exact")
        // By default the answer comes first, in Chinese.
        let answer = fixture.run(["target", fixture.scenarioPath, "--target", "三个", "--fund", "f1"])
        #expect(answer.code == 0)
        #expect(answer.out.split(separator: "\n").dropFirst().first?.hasPrefix("**结论：") == true)
        #expect(fixture.run(["target", fixture.scenarioPath, "--target", "无", "--fund", "f1"]).code == 64)
    }

    // MARK: compare

    @Test func compareDiffOnAConstructedPair() throws {
        let fixture = try Self.fixture()
        // Same library; half the 2022 budget, P7 locked out, and a share-capped fund for P2.
        try fixture.write("tight.yaml", """
            extends: scenario.yaml
            scenario: tight
            funds:
              - id: f1
                budget: {2022: 30}

            """)
        let base = try Self.runner(fixture, solver: BruteForceSolver())
        let tightInputs = try ScenarioInputs.load(path: fixture.path("tight.yaml")).get()
        let tight = WhatIfRunner(
            scenario: tightInputs.scenario, library: tightInputs.library, rules: tightInputs.rules, solver: BruteForceSolver(),
            settings: base.settings)
        let comparison = try WhatIfRunner.compare([("scenario.yaml", base), ("tight.yaml", tight)], threads: 2)
        let first = Set(comparison.scenarios[0].allocation.projects.filter(\.funded).map(\.id))
        let second = Set(comparison.scenarios[1].allocation.projects.filter(\.funded).map(\.id))
        #expect(first != second)
        let diff = comparison.diffs[0]
        #expect(Set(diff.fundedOnlyHere) == second.subtracting(first))
        #expect(Set(diff.droppedHere) == first.subtracting(second))
        #expect(Set(comparison.changes.map(\.project)) == first.symmetricDifference(second))
        for change in comparison.changes {
            #expect(change.fundedIn == (first.contains(change.project) ? ["test"] : []) + (second.contains(change.project) ? ["tight"] : []))
        }
        #expect(comparison.scenarios[1].byYear.first?.amount ?? 99 <= 30 + 1e-9)

        let result = fixture.run(["compare", fixture.scenarioPath, fixture.path("tight.yaml"), "--format", "json"])
        #expect(result.code == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
        let scenarios = json["scenarios"] as? [[String: Any]] ?? []
        #expect(scenarios.map { $0["scenario"] as? String } == ["test", "tight"])
        for key in ["status", "objective", "subsidy_total", "by_fund", "by_year", "by_city", "by_category", "parks_named", "targets"] {
            #expect(scenarios.first?[key] != nil, "\(key)")
        }
        let changes = json["changes"] as? [[String: Any]] ?? []
        #expect(Set(changes.compactMap { $0["project"] as? String }) == first.symmetricDifference(second))
        let english = fixture.run(["compare", fixture.scenarioPath, fixture.path("tight.yaml"), "--lang", "en"]).out
        #expect(english.contains("Dropped here"))
        let csv = fixture.run(["compare", fixture.scenarioPath, fixture.path("tight.yaml"), "--format", "csv"])
        #expect(csv.out.hasPrefix("section,key,name,test,tight\n"))
        // Same scenario twice: labels are told apart, nothing differs.
        let same = fixture.run(["compare", fixture.scenarioPath, fixture.scenarioPath, "--format", "json"])
        let sameJSON = try JSONSerialization.jsonObject(with: Data(same.out.utf8)) as? [String: Any] ?? [:]
        #expect((sameJSON["changes"] as? [Any])?.isEmpty == true)
        #expect(fixture.run(["compare", fixture.scenarioPath]).code == 64)
    }
}
