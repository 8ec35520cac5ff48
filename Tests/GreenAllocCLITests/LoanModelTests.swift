import Foundation
import Testing

/// `export-model --stage loans` and the diagnosis of an infeasible loan stage.
@Suite struct LoanModelTests {
    /// Two banks, a 贴息 budget, a per-city loan cap and a bonus for projects the subsidy stage funds
    /// (budget 5 funds F1 only: F1's loan score 30 × 2 = 60).
    static func fixture(limits: String = "") throws -> ScenarioFixture {
        try ScenarioFixture(
            yaml: LoanStageTests.scenario(
                loans: """
                      interest_subsidy: {bp: 100, years: 1, budget: 1}
                      bonuses:
                        - name: 已获补助项目优先
                          when: "project.funded"
                          factor: 2
                    """,
                limits: limits.isEmpty ? """
                    limits:
                      - {name: 单市贷款上限, sum: loan, group_by: city, max: 100}
                    """ : limits,
                budget: 5),
            projects: LoanStageTests.projectsHeader + """
                F1,a,K1,f1,air,100,5,,general,50,30
                F2,b,K1,f1,air,100,10,,general,60,40
                Q1,c,K2,,air,100,,,preferred,40,35

                """,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,100,,,\nB2,乙银行,80,55,preferred,\n")
    }

    @Test func exportedLoanModelIsStable() throws {
        let fixture = try Self.fixture()
        let lp = fixture.path("loans.lp")
        let result = fixture.run(["export-model", fixture.scenarioPath, "--stage", "loans", "--out", lp])
        #expect(result.code == 0, "\(result.error)")
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        let url = BundledScenarioTests.root.appendingPathComponent("Tests/GreenAllocCLITests/Fixtures/small-loans.lp")
        if ProcessInfo.processInfo.environment["GREENALLOC_RECORD"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded small-loans.lp; run again without GREENALLOC_RECORD to compare")
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
        // The same model through --lp and on standard output.
        let viaLP = fixture.path("via.lp")
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--stage", "loans", "--lp", viaLP]).code == 0)
        #expect(try String(contentsOfFile: viaLP, encoding: .utf8) == text)
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--stage", "loans", "--out", "-"]).out == text)
        let mps = fixture.run(["export-model", fixture.scenarioPath, "--stage", "loans", "--format", "mps", "--out", "-"])
        #expect(mps.out.contains("ROWS"))
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--format", "mps", "--lp", lp]).code == 64)
    }

    @Test func glpsolSolvesTheExportedLoanModelToTheLoanStageObjective() throws {
        let fixture = try Self.fixture()
        let lp = fixture.path("loans.lp")
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--stage", "loans", "--out", lp]).code == 0)
        let solved = try fixture.solve()
        let objective = (solved.json["loan_stage"] as? [String: Any])?["objective"] as? Double
        // Hand-checked: 贴息 costs need / 100 against a budget of 1, so the volume is at most 100.
        // F1 + Q1 (90): 60 + 35 = 95; F2 + Q1 (100): 40 + 35 = 75; F1 + F2 (110) does not fit.
        #expect(objective == 95)
        let value = try fixture.glpsolObjective(lp: lp)
        #expect(value == 95)
    }

    @Test(arguments: 1...6) func glpsolAgreesOnRandomLoanStages(seed: Int) throws {
        let fixture = try RandomLoanCase(seed: seed).fixture()
        let lp = fixture.path("loans.lp")
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--stage", "loans", "--out", lp]).code == 0)
        let objective = (try fixture.solve().json["loan_stage"] as? [String: Any])?["objective"] as? Double ?? .nan
        let value = try fixture.glpsolObjective(lp: lp) ?? .nan
        #expect(abs(value - objective) <= 1e-6 * max(1, abs(objective)), "seed \(seed): glpsol \(value) vs \(objective)")
    }

    @Test func anUnreachableLoanFloorIsNamed() throws {
        // The 贴息 budget (a fact, not a rule) holds the volume to 100 (F2 + Q1); the floor asks 200.
        // The per-city cap is not involved.
        let fixture = try Self.fixture(limits: """
            limits:
              - {name: 单市贷款上限, sum: loan, group_by: city, max: 1000}
              - {name: 贷款总额下限, sum: loan, min: 200}
            """)
        let result = try fixture.solve()
        #expect(result.code == 3)
        #expect(result.json.status == "optimal")
        let stage = result.json["loan_stage"] as? [String: Any]
        #expect(stage?["status"] as? String == "infeasible")
        let diagnosis = stage?["diagnosis"] as? [String: Any]
        #expect(diagnosis?["minimal"] as? Bool == true)
        let conflict = diagnosis?["conflict"] as? [[String: Any]] ?? []
        #expect(conflict.count == 1)
        #expect(conflict.first?["kind"] as? String == "limit")
        #expect(conflict.first?["rule"] as? String == "贷款总额下限")
        let relax = diagnosis?["relax"] as? [[String: Any]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["rule"] as? String == "贷款总额下限")
        #expect(relax.first?["by"] as? Double == 100)
        #expect(result.error.contains("limit 贷款总额下限"))
        #expect(!result.error.contains("单市贷款上限"))

        let out = fixture.path("out")
        #expect(fixture.run(["solve", fixture.scenarioPath, "--out", out, "--lang", "en"]).code == 3)
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(report.contains("### Why the loan stage is infeasible"))
        #expect(report.contains("1. limit 贷款总额下限\n"))
        let run = try String(contentsOfFile: out + "/run.json", encoding: .utf8)
        #expect(run.contains("\"exit_code\": 3"))
        #expect(run.contains("\"loan_stage_conflict\": \"limit 贷款总额下限\""))
        #expect(fixture.run(["rank", fixture.scenarioPath, "--bank", "B1"]).code == 3)
    }
}
