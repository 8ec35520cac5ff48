import Foundation
import GreenAllocCore
import GreenAllocEngine
import GreenAllocInputs
import GreenAllocReports
import MILPGLPK
import Testing

/// `--nested K`: the loan stage at K increasing shares of every bank's capacity, earlier picks fixed.
@Suite struct LoanNestedTests {
    /// One bank of capacity 100; A, B, C need 60, 50, 40 and score 60, 50, 40.
    /// The ordinary optimum is {A, C} = 100 ({B, C} = 90; A + B = 110 does not fit).
    /// Nested, K = 4 (capacity 25, 50, 75, 100): step 1 fits nothing; step 2 picks B (50 beats C's 40);
    /// step 3 (75) adds nothing next to B; step 4 adds C (B + C = 90; A would make 110).
    /// So A, first on the list, has no nested step; C has 4; B, waitlisted, has 2.
    /// K = 2 (50, 100): B at step 1, C at step 2. K = 1 is the ordinary optimum: A and C at step 1.
    static func fixture() throws -> ScenarioFixture {
        try ScenarioFixture(
            yaml: LoanStageTests.scenario(loans: ""),
            projects: LoanStageTests.projectsHeader + """
                A,a,K1,,air,100,,,general,60,60
                B,b,K1,,air,100,,,general,50,50
                C,c,K1,,air,100,,,general,40,40

                """,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,100,,,\n")
    }

    static func bankLines(_ fixture: ScenarioFixture, _ extra: [String]) throws -> [[String: String]] {
        let out = fixture.path("out")
        try? FileManager.default.removeItem(atPath: out)
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out] + extra)
        #expect(result.code == 0, "\(result.error)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/bank-B1.csv"))
        return LoanStageTests.lines(String(decoding: data.dropFirst(3), as: UTF8.self))
    }

    @Test func handCheckedNestedSteps() throws {
        let fixture = try Self.fixture()
        let four = try Self.bankLines(fixture, ["--nested", "4"])
        #expect(four.map { $0["project"] ?? "" } == ["A", "C", "B"])
        #expect(four.map { $0["rank"] ?? "" } == ["1", "2", ""])
        #expect(four.map { $0["nested_step"] ?? "missing" } == ["", "4", "2"])
        let run = try String(contentsOfFile: fixture.path("out/run.json"), encoding: .utf8)
        #expect(run.contains("\"loan_nested_steps\": \"4\""))

        let two = try Self.bankLines(fixture, ["--nested", "2"])
        #expect(two.map { $0["nested_step"] ?? "missing" } == ["", "2", "1"])
        let one = try Self.bankLines(fixture, ["--nested", "1"])
        #expect(one.map { $0["nested_step"] ?? "missing" } == ["1", "1", ""])

        let json = fixture.run(["rank", fixture.scenarioPath, "--bank", "B1", "--format", "json", "--nested", "4"])
        #expect(json.code == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(document?["nested_steps"] as? Int == 4)
        let steps = (document?["list"] as? [[String: Any]] ?? []).map { $0["nested_step"] as? Int }
        #expect(steps == [nil, 4, 2])
        let markdown = fixture.run(["rank", fixture.scenarioPath, "--bank", "B1", "--nested", "4", "--lang", "en"])
        #expect(markdown.out.contains("| Nested step |"))
        #expect(markdown.out.contains("| 2 | assigned | C | c | 济南市 (370100) | 40.00 | general | 40 | 0.00 |   | 4 |"))
    }

    /// Two equal banks of 100; A needs 60 (score 60), B 50 (score 50). The ordinary plan gives A to B1 and B to
    /// B2 (the deterministic choice puts the larger loan first). At K = 2 (50 each) only B fits, in either
    /// bank: the nested step picks it with B2, its bank in the ordinary plan, so B2's list shows step 1 for B
    /// (with B1, the lower-numbered bank, B2's list would show B never picked).
    @Test func equalBanksKeepTheOrdinaryPlansBankInTheSteps() throws {
        let fixture = try ScenarioFixture(
            yaml: LoanStageTests.scenario(loans: ""),
            projects: LoanStageTests.projectsHeader + """
                A,a,K1,,air,100,,,general,60,60
                B,b,K1,,air,100,,,general,50,50

                """,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,100,,,\nB2,乙银行,100,,,\n")
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--nested", "2"])
        #expect(result.code == 0, "\(result.error)")
        func lines(_ bank: String) throws -> [[String: String]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/bank-\(bank).csv"))
            return LoanStageTests.lines(String(decoding: data.dropFirst(3), as: UTF8.self))
        }
        let first = try lines("B1").filter { $0["rank"] == "1" }
        let second = try lines("B2").filter { $0["rank"] == "1" }
        #expect(first.map { $0["project"] ?? "" } == ["A"])
        #expect(second.map { $0["project"] ?? "" } == ["B"])
        #expect(first.map { $0["nested_step"] ?? "missing" } == ["2"])
        #expect(second.map { $0["nested_step"] ?? "missing" } == ["1"])
    }

    @Test func withoutNestedTheOutputsAreAsBefore() throws {
        let fixture = try Self.fixture()
        let plain = try Self.bankLines(fixture, [])
        #expect(plain.first?.keys.contains("nested_step") == false)
        var before: [String: Data] = [:]
        for name in ["allocation.json", "projects.csv", "report.md", "report.en.md", "loans.csv", "bank-B1.csv"] {
            before[name] = FileManager.default.contents(atPath: fixture.path("out/" + name))
        }
        let run = try String(contentsOfFile: fixture.path("out/run.json"), encoding: .utf8)
        #expect(!run.contains("nested"))
        let nested = try Self.bankLines(fixture, ["--nested", "3"])
        for name in ["allocation.json", "projects.csv", "report.md", "report.en.md", "loans.csv"] {
            #expect(FileManager.default.contents(atPath: fixture.path("out/" + name)) == before[name], "\(name)")
        }
        // The ranked list itself (every column but the new last one) is the ordinary optimum's.
        #expect(nested.map { $0.filter { $0.key != "nested_step" } } == plain)
        let rankPlain = fixture.run(["rank", fixture.scenarioPath, "--bank", "B1", "--format", "csv"])
        #expect(!rankPlain.out.contains("nested_step"))
        #expect(rankPlain.out == String(decoding: before["bank-B1.csv"]?.dropFirst(3) ?? Data(), as: UTF8.self))
    }

    @Test(arguments: ["0", "-1", "2.5", "many"]) func invalidStepsAreUsageErrors(_ steps: String) throws {
        let fixture = try Self.fixture()
        for command in [["solve", fixture.scenarioPath], ["rank", fixture.scenarioPath, "--bank", "B1"]] {
            let result = fixture.run(command + ["--nested=\(steps)"])
            #expect(result.code == 64)
            #expect(result.error.contains("--nested takes a whole number of steps K ≥ 1, not '\(steps)'"))
        }
    }

    /// Random small cases: every step's picks contain the step before's (same bank), keep every rule at
    /// k/K of each bank's capacity (an independent evaluator), and are the best plan with those picks fixed
    /// (brute force); the final picks never beat the ordinary optimum.
    @Test(arguments: 1...16) func stepsGrowAndRespectTheirShare(seed: Int) throws {
        let random = RandomLoanCase(seed: seed)
        let fixture = try random.fixture()
        let inputs = try ScenarioInputs.load(path: fixture.scenarioPath).get()
        let settings = RunSettings(scenario: inputs.scenario.solver)
        let runner = AllocationRunner(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: GLPKSolver())
        let (allocation, _) = try runner.run(settings: settings, inputsSHA256: "")
        let steps = seed % 3 + 2
        let view = try LoanStageRunner(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: GLPKSolver())
            .nested(projects: allocation.projects, settings: settings, steps: steps)
        #expect(view.steps == steps)
        #expect(view.picks.count == steps)
        #expect(view.statuses.allSatisfy { $0 == .optimal })
        let projectIndex = Dictionary(uniqueKeysWithValues: random.projects.enumerated().map { ($1.id, $0) })
        var previous: [Int: Int] = [:]
        for (position, picks) in view.picks.enumerated() {
            let share = Double(position + 1) / Double(steps)
            var assignment: [Int: Int] = [:]
            for (project, bank) in picks { assignment[projectIndex[project] ?? -1] = Int(bank.dropFirst()) ?? -1 }
            for (project, bank) in previous {
                #expect(assignment[project] == bank, "seed \(seed) step \(position + 1): lost \(project)")
            }
            #expect(random.feasible(assignment, share: share), "seed \(seed) step \(position + 1): \(picks)")
            let best = random.bruteForce(share: share, locked: previous)
            let value = random.value(assignment)
            #expect(abs(value.score - best.score) <= 1e-6 * max(1, best.score), "seed \(seed) step \(position + 1)")
            #expect(abs(value.volume - best.volume) <= 1e-6 * max(1, best.volume), "seed \(seed) step \(position + 1)")
            previous = assignment
        }
        #expect(random.value(previous).score <= (allocation.loanStage?.objective ?? .nan) + 1e-6)
        // nested_step in the bank files is the first step that picks the pair.
        let lines = BankCSV.rows(
            { var copy = allocation; copy.loanStage?.details?.nested = view; return copy }(), bank: "B0")
        for line in lines {
            let first = view.picks.firstIndex { $0[line.project] == "B0" }.map { $0 + 1 }
            #expect(line.nestedStep == first)
        }
    }
}
