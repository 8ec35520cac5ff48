import Foundation
import Testing

/// Requests outside the horizon and projects asking more than their cap, hand-checked: "funded" always means
/// money is allocated, a capped project is funded at its cap, `min_share` and `lock: in` are measured against
/// the maximum share u, and a naming package still drawing money after the horizon names no park in it.
@Suite struct HorizonAndCapTests {
    static let header =
        "id,name,park,fund,category,investment,request_2022,request_2023,request_2024,min_share,lock,naming_prerequisite,benefit\n"

    static func scenario(budget: String, fundExtra: String = "", rest: String = "", namingValue: Double = 0) -> String {
        ScenarioFixture.header() + """
            funds:
              - id: f1
                name: 专项资金
                budget: \(budget)
            \(fundExtra)
            objective:
              maximize: benefit
              weights: {benefit: 1}
              naming_value: \(namingValue)
            \(rest)
            """
    }

    static func reasons(_ json: [String: Any], _ id: String) -> [String] {
        json.project(id)["reasons"] as? [String] ?? []
    }

    @Test func aProjectAskingOnlyAfterTheHorizonIsNotFundable() throws {
        // P1 asks only in 2024 (after 2022–2023): not fundable, no score in the objective, one warning.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(budget: "1000"),
            projects: Self.header + """
                P1,later,K1,f1,air,1000,,,50,,,,70
                P2,now,K1,f1,air,1000,40,,,,,,30

                """)
        let result = try fixture.solve()
        #expect(result.code == 0)
        #expect(result.json.fundedIDs == ["P2"])
        #expect(result.json.objective == 30)
        let later = result.json.project("P1")
        #expect(later["why"] as? String == "outside_horizon")
        #expect(later["subsidy_total"] as? Double == 0)
        #expect(Self.reasons(result.json, "P1") == ["申请补助的年度（2024年）不在规划期内，本期不予安排"])
        let warnings = result.error.split(separator: "\n").filter { $0.contains("outside_horizon") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("projects.csv:2:9") == true, "\(warnings)")
        #expect(warnings.first?.contains("1 project of a fund asks for no money inside the horizon 2022–2023 (column request_2024): P1") == true, "\(warnings)")
    }

    @Test func aProjectDrawingInAndAfterTheHorizonIsFundedForItsHorizonYears() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(budget: "1000"),
            projects: Self.header + """
                P1,both,K1,f1,air,1000,20,10,30,,,,70

                """)
        let result = try fixture.solve()
        #expect(result.code == 0)
        #expect(!result.error.contains("warning"), "\(result.error)")
        let project = result.json.project("P1")
        #expect(project["funded"] as? Bool == true)
        #expect(project["subsidy"] as? [String: Double] == ["2022": 20, "2023": 10])
        #expect(project["subsidy_total"] as? Double == 30)
        #expect(Self.reasons(result.json, "P1").contains("后续年度需求：2024年 30万元（规划期外，本期不安排）"))
    }

    @Test func aProjectAboveItsCapIsFundedAtTheCap() throws {
        // per_project 30 against a request of 50: u = 0.6, funded at 30万 (score 10 × 0.6 = 6).
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(budget: "1000", fundExtra: "    per_project: 30\n"),
            projects: Self.header + """
                P1,capped,K1,f1,air,1000,50,,,,,,10

                """)
        let result = try fixture.solve()
        #expect(result.code == 0)
        let project = result.json.project("P1")
        #expect(project["why"] as? String == "funded")
        #expect(project["share"] as? Double == 0.6)
        #expect(project["subsidy_total"] as? Double == 30)
        #expect(result.json.objective == 6)
        #expect(Self.reasons(result.json, "P1").first == "按上限补助：申请额的 60%（单个项目补助上限）")
    }

    @Test(arguments: [(25.0, 0.25), (20.0, 0.2), (19.0, 0.0), (100.0, 0.4)])
    func minShareIsAShareOfTheMaximum(budget: Double, share: Double) throws {
        // u = 40 / 100 = 0.4 and min_share 0.5: θ ∈ {0} ∪ [0.2, 0.4], so a budget of 19 funds nothing.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(budget: formatNumber(budget), fundExtra: "    per_project: 40\n"),
            projects: Self.header + """
                P1,partial,K1,f1,air,1000,100,,,0.5,,,10

                """)
        let result = try fixture.solve()
        #expect(result.code == 0)
        let project = result.json.project("P1")
        // The tie rule may trim a partial share within its 1e-7 objective tolerance.
        #expect(abs((project["share"] as? Double ?? -1) - share) < 1e-6, "budget \(budget)")
        #expect(project["funded"] as? Bool == (share > 0))
    }

    @Test func lockInForcesTheMaximumShare() throws {
        // Locked in with per_project 30 on a request of 50: funded at u = 0.6, not refused as infeasible.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(budget: "100", fundExtra: "    per_project: 30\n"),
            projects: Self.header + """
                P1,locked,K1,f1,air,1000,50,,,0.5,in,,1
                P2,better,K1,f1,air,1000,80,,,,,,100

                """)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(result.json.project("P1")["share"] as? Double == 0.6)
        #expect(result.json.project("P1")["subsidy_total"] as? Double == 30)
        // P2 is capped too (30 of 80): both fit in 100.
        #expect(result.json.project("P2")["subsidy_total"] as? Double == 30)
        #expect(result.json.objective == 0.6 * 1 + 0.375 * 100)
    }

    @Test func aNamingPackageDrawingAfterTheHorizonNamesNoPark() throws {
        // K2's package draws in 2024 as well: not complete within 2022–2023, so K2 is not named; K4's is.
        let parks = """
            id,name,city,status,barred_until,naming_year
            K1,甲园区,370100,named_provincial,,
            K2,乙园区,370200,under_construction,,
            K4,丁园区,370100,under_construction,,

            """
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(budget: "1000", namingValue: 500),
            projects: Self.header + """
                P1,late-package,K2,f1,air,1000,20,,10,,,true,5
                P2,package,K4,f1,air,1000,,20,,,,true,5

                """,
            parks: parks)
        let result = try fixture.solve()
        #expect(result.code == 0)
        let parksNamed = (result.json["parks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(parksNamed == ["K4"])
        #expect((result.json["parks"] as? [[String: Any]])?.first?["named_in"] as? Int == 2023)
        #expect(result.json.objective == 5 + 5 + 500)
    }

    @Test func aNamingPrerequisiteMustBeFundedAtItsMaximum() throws {
        // The package P1 has u = 0.5 (per_project 50 of 100) and min_share 0.5: θ ∈ [0.25, 0.5]. A budget of
        // 40 allows θ = 0.4, not u: the park cannot be named; at 50 it is (θ = u = 0.5).
        for (budget, named) in [(40.0, false), (50.0, true)] {
            let parks = """
                id,name,city,status,barred_until,naming_year
                K2,乙园区,370200,under_construction,,

                """
            let fixture = try ScenarioFixture(
                yaml: Self.scenario(budget: formatNumber(budget), fundExtra: "    per_project: 50\n", namingValue: 500),
                projects: Self.header + """
                    P1,package,K2,f1,air,1000,100,,,0.5,,true,10

                    """,
                parks: parks)
            let result = try fixture.solve()
            #expect(result.code == 0)
            let parksNamed = (result.json["parks"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(parksNamed == (named ? ["K2"] : []), "budget \(budget)")
            let share = result.json.project("P1")["share"] as? Double ?? -1
            #expect(named ? share == 0.5 : abs(share - 0.4) < 1e-6, "budget \(budget)")
        }
    }
}

private func formatNumber(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
