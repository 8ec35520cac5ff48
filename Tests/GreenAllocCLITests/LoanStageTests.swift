import Foundation
import Testing

/// Hand-checked loan-stage scenarios (scenario-format §11), solved through `greenalloc solve --out`.
@Suite struct LoanStageTests {
    static let projectsHeader = "id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,benefit\n"

    static func scenario(loans: String, limits: String = "", budget: Double = 0) -> String {
        ScenarioFixture.header(banks: true) + """
            funds:
              - id: f1
                name: 专项资金
                budget: {2022: \(budget), 2023: 0}
            \(limits)
            objective:
              maximize: benefit
              weights: {benefit: 1}
            loans:
              name: 碳减排政策工具
              eligible: "project.finance_tier in ['general','preferred']"
            \(loans)
            """
    }

    /// Solves into a fresh directory; returns allocation.json and the bank files' text (BOM removed).
    static func solve(_ fixture: ScenarioFixture) throws -> (json: [String: Any], banks: [String: String]) {
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out])
        #expect(result.code == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/allocation.json"))) as? [String: Any] ?? [:]
        var banks: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out) where name.hasPrefix("bank-") && name.hasSuffix(".csv") {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            banks[String(name.dropFirst(5).dropLast(4))] = String(decoding: data.dropFirst(3), as: UTF8.self)
        }
        return (json, banks)
    }

    /// Lines of a bank file as dictionaries keyed by header.
    static func lines(_ text: String) -> [[String: String]] {
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func loans(_ json: [String: Any]) -> [String: String] {
        var result: [String: String] = [:]
        for loan in json["loans"] as? [[String: Any]] ?? [] { result[loan["project"] as? String ?? ""] = loan["bank"] as? String }
        return result
    }

    @Test func cityTierAndMaxPerProjectDecideWhichBankCanTake() throws {
        // B1 serves 济南 (370100) only; B2 all cities, at most 50 per project, preferred tier only.
        // L1 (青岛, general): B1 no city, B2 tier → unplaceable (below every min_tier).
        // L2 (济南, preferred, 60): B1 yes, B2 above its max → B1.
        // L3 (青岛, preferred, 80): B1 no city, B2 above max → unplaceable (above every max_per_project).
        // L4 (济南, none): not loan-eligible at all.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: ""),
            projects: Self.projectsHeader + """
                L1,a,K2,,air,100,,,general,40,10
                L2,b,K1,,air,100,,,preferred,60,20
                L3,c,K2,,air,100,,,preferred,80,30
                L4,d,K1,,air,100,,,none,10,40

                """,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,1000,,,370100\nB2,乙银行,1000,50,preferred,\n")
        let (json, banks) = try Self.solve(fixture)
        #expect(Self.loans(json) == ["L2": "B1"])
        let stage = json["loan_stage"] as? [String: Any]
        #expect(stage?["status"] as? String == "optimal")
        #expect(stage?["objective"] as? Double == 20)
        #expect(Self.lines(banks["B1"] ?? "").map { $0["project"] ?? "" } == ["L2"])
        #expect(Self.lines(banks["B2"] ?? "").isEmpty)
        let report = try String(contentsOfFile: fixture.path("out/report.en.md"), encoding: .utf8)
        #expect(report.contains("| L1 | 40.00 | tier below every serving bank's min_tier |"))
        #expect(report.contains("| L3 | 80.00 | loan need above every serving bank's max_per_project (largest 50.00 万元) |"))
    }

    @Test func noBankServesTheCity() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: ""),
            projects: Self.projectsHeader + "L1,a,K2,,air,100,,,general,40,10\n",
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,1000,,,370100\n")
        let (json, _) = try Self.solve(fixture)
        #expect(Self.loans(json).isEmpty)
        let report = try String(contentsOfFile: fixture.path("out/report.en.md"), encoding: .utf8)
        #expect(report.contains("| L1 | 40.00 | no bank serves the project's city |"))
    }

    static let threeProjects = Self.projectsHeader + """
        P1,a,K1,,air,100,,,general,60,100
        P2,b,K1,,air,100,,,general,50,50
        P3,c,K1,,air,100,,,general,30,20

        """

    @Test func capacityPicksTheBestSetAndWaitlistsTheRest() throws {
        // Capacity 100: {P1,P3} = 120 beats {P1} = 100 and {P2,P3} = 70; P2 (50) no longer fits (room 10).
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: ""), projects: Self.threeProjects,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,100,,,\n")
        let (json, banks) = try Self.solve(fixture)
        #expect(Self.loans(json) == ["P1": "B1", "P3": "B1"])
        let lines = Self.lines(banks["B1"] ?? "")
        #expect(lines.map { $0["project"] ?? "" } == ["P1", "P3", "P2"])
        #expect(lines.map { $0["rank"] ?? "" } == ["1", "2", ""])
        #expect(lines.map { $0["status"] ?? "" } == ["assigned", "assigned", "waitlist"])
        #expect(lines[2]["reason_code"] == "capacity_reached")
    }

    @Test func interestSubsidyBudgetBinds() throws {
        // cost = need × 100/10000 × 1; budget 0.9 → Σ need ≤ 90: {P1,P3} again, P2 waits for the 贴息 budget.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: "  interest_subsidy: {bp: 100, years: 1, budget: 0.9}\n"), projects: Self.threeProjects,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,1000,,,\n")
        let (json, banks) = try Self.solve(fixture)
        #expect(Self.loans(json) == ["P1": "B1", "P3": "B1"])
        #expect(Self.lines(banks["B1"] ?? "").last?["reason_code"] == "interest_subsidy_exhausted")
    }

    @Test func loanLimitCapsACity() throws {
        // At most 70 lent per city: {P1} = 100 beats {P2} = 50, {P3} = 20 and {P2,P3} (80 > 70).
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: "", limits: """
                limits:
                  - name: 单市贷款上限
                    sum: loan
                    group_by: city
                    max: 70
                """),
            projects: Self.threeProjects,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,1000,,,\n")
        let (json, banks) = try Self.solve(fixture)
        #expect(Self.loans(json) == ["P1": "B1"])
        #expect(Self.lines(banks["B1"] ?? "").dropFirst().map { $0["reason_code"] ?? "" } == ["loan_limit", "loan_limit"])
        let limits = json["limits"] as? [[String: Any]] ?? []
        #expect(limits.first?["name"] as? String == "单市贷款上限")
        #expect(limits.first?["value"] as? Double == 60)
    }

    @Test func otherBankAndOutscoredReasons() throws {
        // B1 takes P1 (B2 lists it as assigned to another bank, without naming B1); P9 has a negative score and
        // is never worth lending to.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: ""),
            projects: Self.projectsHeader + "P1,a,K1,,air,100,,,general,60,100\nP9,z,K1,,air,100,,,general,10,-5\n",
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,1000,,,\nB2,乙银行,1000,,,\n")
        let (json, banks) = try Self.solve(fixture)
        #expect(Self.loans(json) == ["P1": "B1"])
        let second = Self.lines(banks["B2"] ?? "")
        #expect(second.map { $0["reason_code"] ?? "" } == ["assigned_to_other_bank", "outscored"])
        #expect(second.first?["reason"] == "已对接他行")
        #expect(!(banks["B2"] ?? "B1").contains("B1") && !(banks["B2"] ?? "甲银行").contains("甲银行"))
        #expect(Self.lines(banks["B1"] ?? "").last?["reason_code"] == "outscored")
    }

    @Test func loanBonusReadsTheSubsidyResult() throws {
        // Budget 5 funds F1 only (F2 asks 10). Bonus ×2 when funded: F1 30×2 = 60 beats F2 40 for the one loan.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: """
                  bonuses:
                    - name: 已获补助项目优先
                      when: "project.funded and project.subsidy_total > 0"
                      factor: 2
                """, budget: 5),
            projects: Self.projectsHeader + "F1,a,K1,f1,air,100,5,,general,50,30\nF2,b,K1,f1,air,100,10,,general,50,40\n",
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,50,,,\n")
        let (json, banks) = try Self.solve(fixture)
        #expect(json.fundedIDs == ["F1"])
        #expect(Self.loans(json) == ["F1": "B1"])
        let lines = Self.lines(banks["B1"] ?? "")
        #expect(lines.first?["loan_bonuses"] == "已获补助项目优先")
        #expect(lines.first?["loan_score"] == "60")
        #expect(lines.first?["subsidy_total"] == "5")
        #expect(lines.last?["reason_code"] == "capacity_reached")
    }

    @Test func rankPrintsOneBankAndRejectsUnknownIDs() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: ""), projects: Self.threeProjects,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,100,,,\nB2,乙银行,10,,,\n")
        let unknown = fixture.run(["rank", fixture.scenarioPath, "--bank", "B7"])
        #expect(unknown.code == 64)
        #expect(unknown.error.contains("B1, B2"))
        let csv = fixture.run(["rank", fixture.scenarioPath, "--bank", "B1", "--format", "csv"])
        #expect(csv.code == 0)
        #expect(Self.lines(csv.out).map { $0["project"] ?? "" } == ["P1", "P3", "P2"])
        let json = fixture.run(["rank", fixture.scenarioPath, "--bank", "B1", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(document?["format"] as? String == "greenalloc.bank/1")
        #expect((document?["list"] as? [Any])?.count == 3)
    }

    @Test func sameInputSameBankFiles() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(loans: "  interest_subsidy: {bp: 25, years: 1, budget: 100}\n"),
            projects: Self.projectsHeader + (1...8).map { "Q\($0),q,K\($0 % 2 + 1),,air,100,,,general,\(10 * $0),\(7 * $0 % 11 + 1)\n" }.joined(),
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,60,,,\nB2,乙银行,60,,,\nB3,丙银行,60,,,\n")
        let first = try Self.solve(fixture)
        try FileManager.default.removeItem(atPath: fixture.path("out"))
        let second = try Self.solve(fixture)
        #expect(first.banks == second.banks)
        #expect(first.banks.count == 3)
    }
}
