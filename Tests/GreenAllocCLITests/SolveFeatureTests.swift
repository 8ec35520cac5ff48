import Foundation
import Testing

/// One small hand-checked scenario per feature of scenario-format §6–§4, solved through `greenalloc solve`.
@Suite struct SolveFeatureTests {
    static let projectsHeader = "id,name,park,fund,category,investment,request_2022,request_2023,min_share,lock,requires,exclusive_group,naming_prerequisite,lib,benefit\n"

    static func scenario(funds: String, rest: String = "", weights: String = "{benefit: 1}") -> String {
        ScenarioFixture.header() + """
            funds:
            \(funds)
            objective:
              maximize: benefit
              weights: \(weights)
            \(rest)
            """
    }

    static let fund100 = """
          - id: f1
            name: 专项资金
            budget: {2022: 100, 2023: 0}
        """

    @Test func budgetPicksTheBestCombination() throws {
        // Values 60, 50, 50 with requests 60, 50, 50 and a budget of 100: {P2, P3} (100) beats {P1} (60).
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(funds: Self.fund100),
            projects: Self.projectsHeader + """
                P1,a,K1,f1,air,1000,60,,,,,,,yes,60
                P2,b,K1,f1,air,1000,50,,,,,,,yes,50
                P3,c,K2,f1,air,1000,50,,,,,,,yes,50

                """)
        let result = try fixture.solve()
        #expect(result.code == 0)
        #expect(result.json.status == "optimal")
        #expect(result.json.objective == 100)
        #expect(result.json.fundedIDs == ["P2", "P3"])
        #expect(result.json.project("P1")["why"] as? String == "not_chosen")
        let limits = result.json["limits"] as? [[String: Any]]
        #expect(limits?.isEmpty == true)
    }

    @Test func partialShareWithinCaps() throws {
        // per_project 40 caps u = 40/80 = 0.5; min_share 0.25: θ ∈ {0} ∪ [0.25, 0.5]. Budget 30 → θ = 0.375.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(funds: """
                  - id: f1
                    name: 专项资金
                    budget: {2022: 30, 2023: 0}
                    per_project: 40
                """),
            projects: Self.projectsHeader + "P1,a,K1,f1,air,1000,80,,0.25,,,,,yes,80\n")
        let result = try fixture.solve()
        let project = result.json.project("P1")
        // The tie rule may trim θ within its 1e-7 objective tolerance (scenario-format §8).
        #expect(abs((project["share"] as? Double ?? 0) - 0.375) < 1e-6)
        #expect(abs((project["subsidy_total"] as? Double ?? 0) - 30) < 1e-4)
        #expect(abs(result.json.objective - 30) <= 1e-7 * 30 + 1e-9)
        let exact = try fixture.solve(["--no-tiebreak"])
        #expect(exact.json.project("P1")["share"] as? Double == 0.375)
        #expect(exact.json.objective == 30)
    }

    @Test func locksRequiresAndExclusiveGroups() throws {
        // P1 locked in; P2 locked out; P3 requires P4; P5/P6 exclusive; budget 100 in 2022.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(funds: Self.fund100),
            projects: Self.projectsHeader + """
                P1,locked,K1,f1,air,1000,10,,,in,,,,yes,1
                P2,out,K1,f1,air,1000,10,,,out,,,,yes,99
                P3,needs,K1,f1,air,1000,10,,,,P4,,,yes,50
                P4,needed,K1,f1,air,1000,30,,,,,,,yes,1
                P5,alt-a,K1,f1,air,1000,20,,,,,G1,,yes,30
                P6,alt-b,K1,f1,air,1000,20,,,,,G1,,yes,20

                """)
        let result = try fixture.solve()
        // Budget left after P1: 90 → P3+P4 (40, value 51) + P5 (20, value 30) = 60 ≤ 90; P6 excluded by the group.
        #expect(result.json.fundedIDs == ["P1", "P3", "P4", "P5"])
        #expect(result.json.objective == 82)
        #expect(result.json.project("P2")["why"] as? String == "locked_out")
    }

    @Test func whyCodesBeforeSolving() throws {
        let yaml = Self.scenario(
            funds: """
                  - id: f1
                    name: 专项资金
                    budget: 1000
                    eligible: "project.lib == 'yes'"
                    share_of_investment: 0.5
                """,
            rest: """
                exclude:
                  - name: 撤销园区
                    when: "park.status == 'revoked'"
                    reason: 园区称号已撤销
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.projectsHeader + """
                P1,excluded,K3,f1,air,1000,10,,,,,,,yes,1
                P2,ineligible,K1,f1,air,1000,10,,,,,,,no,1
                P3,loan-only,K1,,air,1000,,,,,,,,yes,1
                P4,no-investment,K1,f1,air,0,10,,,,,,,yes,1
                P5,needs-cap,K1,f1,air,1000,10,,,,P4,,,yes,1
                P6,fine,K1,f1,air,1000,10,,,,,,,yes,1
                P7,no-request,K1,f1,air,1000,,,,,,,,yes,1

                """)
        let result = try fixture.solve()
        let why = result.json.projects.map { $0["why"] as? String ?? "" }
        // P4: share_of_investment × investment 0 leaves u = 0, the only case of min_share_impossible.
        #expect(why == ["excluded", "ineligible", "loan_only", "min_share_impossible", "requires_unfundable", "funded", "outside_horizon"])
        let excluded = result.json.project("P1")["excluded_by"] as? [[String: String]]
        #expect(excluded == [["rule": "撤销园区", "reason": "园区称号已撤销"]])
    }

    @Test func shareCapPerCityAndYear() throws {
        // No city above 60% of the fund in 2022: 370100 asks 80, 370200 asks 40. Best: 60 + 40 with P1 partial?
        // All-or-nothing: P1 (370100, 50), P2 (370100, 30), P3 (370200, 40). {P1, P3}: 50/90 = 0.56 ≤ 0.6.
        let yaml = Self.scenario(
            funds: """
                  - id: f1
                    name: 专项资金
                    budget: {2022: 1000, 2023: 0}
                """,
            rest: """
                limits:
                  - name: 单市占比
                    sum: subsidy
                    fund: f1
                    group_by: city
                    per_year: true
                    max_share: 0.6
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.projectsHeader + """
                P1,a,K1,f1,air,1000,50,,,,,,,yes,50
                P2,b,K1,f1,air,1000,30,,,,,,,yes,30
                P3,c,K2,f1,air,1000,40,,,,,,,yes,40

                """)
        let result = try fixture.solve()
        #expect(result.json.fundedIDs == ["P1", "P3"])
        let limits = result.json["limits"] as? [[String: Any]] ?? []
        let row = limits.first { $0["group"] as? String == "370100" && $0["year"] as? Int == 2022 }
        #expect(row?["value"] as? Double == 50)
        #expect(row?["max"] as? Double == 54)
    }

    @Test func namingNeedsItsPackageAndPaysTheAward() throws {
        // K2 is under construction; its package is P2 (2023). Naming value 100 makes naming worth it.
        let yaml = Self.scenario(
            funds: """
                  - id: f1
                    name: 专项资金
                    budget: 100
                  - id: award
                    name: 命名奖补
                    kind: naming_award
                    award: 300
                    budget: {2023: 300}
                """,
            rest: """
                  naming_value: 100
                targets:
                  - name: 2023年生态园区
                    metric: eco_park_count
                    year: 2023
                    min: 2
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.projectsHeader + """
                P1,a,K1,f1,air,1000,60,,,,,,,yes,60
                P2,pkg,K2,f1,air,1000,,50,,,,,true,yes,1

                """)
        let result = try fixture.solve()
        #expect(result.json.fundedIDs == ["P1", "P2"])
        let parks = result.json["parks"] as? [[String: Any]] ?? []
        #expect(parks.count == 1)
        #expect(parks.first?["id"] as? String == "K2")
        #expect(parks.first?["named_in"] as? Int == 2023)
        #expect(parks.first?["award"] as? Double == 300)
        #expect(result.json.objective == 161)
        let targets = result.json["targets"] as? [[String: Any]] ?? []
        #expect(targets.first?["met"] as? Bool == true)
        #expect(targets.first?["value"] as? Double == 2)
    }

    @Test func softTargetPaysItsPenalty() throws {
        // Target benefit ≥ 200 with penalty 2 per unit short; only 100 reachable → objective 100 − 2×100.
        let yaml = Self.scenario(
            funds: Self.fund100,
            rest: """
                targets:
                  - name: 减排目标
                    metric: benefit
                    min: 200
                    penalty: 2
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml, projects: Self.projectsHeader + "P1,a,K1,f1,air,1000,100,,,,,,,yes,100\n")
        let result = try fixture.solve()
        #expect(result.json.objective == -100)
        let targets = result.json["targets"] as? [[String: Any]] ?? []
        #expect(targets.first?["met"] as? Bool == false)
    }

    @Test func minimizeSubsidyMeetsAHardTarget() throws {
        let yaml = ScenarioFixture.header() + """
            funds:
              - id: f1
                name: 专项资金
                budget: 1000
            objective:
              minimize: subsidy
            targets:
              - name: 减排目标
                metric: benefit
                min: 70
            """
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.projectsHeader + """
                P1,a,K1,f1,air,1000,60,,,,,,,yes,50
                P2,b,K1,f1,air,1000,30,,,,,,,yes,30
                P3,c,K1,f1,air,1000,45,,,,,,,yes,40

                """)
        let result = try fixture.solve()
        // Cheapest set with benefit ≥ 70: {P2, P3} costs 75 (benefit 70); {P1, P2} costs 90.
        #expect(result.json.fundedIDs == ["P2", "P3"])
        #expect(result.json.objective == 75)
    }

    @Test func tieRuleSpendsLess() throws {
        // Equal benefit, different requests: the tie rule funds the cheaper project.
        let fixture = try ScenarioFixture(
            yaml: Self.scenario(funds: Self.fund100),
            projects: Self.projectsHeader + """
                P1,dear,K1,f1,air,1000,80,,,,,,,yes,50
                P2,cheap,K1,f1,air,1000,60,,,,,,,yes,50

                """)
        let result = try fixture.solve()
        #expect(result.json.fundedIDs == ["P2"])
        #expect(result.json.objective == 50)
    }

    @Test func bonusesMultiplyTheScore() throws {
        let yaml = Self.scenario(
            funds: Self.fund100,
            rest: """
                  bonuses:
                    - name: 生态园区优先
                      when: "park.status in ['named_provincial','named_national','under_construction']"
                      factor: 1.5
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.projectsHeader + """
                P1,eco,K1,f1,air,1000,60,,,,,,,yes,40
                P2,plain,K3,f1,air,1000,60,,,,,,,yes,50

                """)
        let result = try fixture.solve()
        #expect(result.json.project("P1")["score"] as? Double == 60)
        #expect(result.json.fundedIDs == ["P1"])
    }
}
