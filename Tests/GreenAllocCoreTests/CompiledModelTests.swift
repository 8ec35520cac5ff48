@testable import GreenAllocCore
import MILP
import Testing

/// The compiled model of small hand-made scenarios, row by row, without a solver: names, terms, bounds and
/// the typed origin of every row each rule bridge adds.
struct CompiledModelTests {
    /// u_P1 = 60 / 120 = 0.5 (per_project), min_share 0.5; P2 without min_share has no θ; P3 is locked in.
    static let shareFixture = CompiledModelFixture(
        scenario: CompiledModelFixture.scenario(
            funds: [FundSpec(id: "F", name: "Fund", budget: [2022: 100, 2023: 50], perProject: 60)]),
        projects: """
            id,name,park,fund,category,investment,request_2022,request_2023,min_share,lock,co2
            P1,P1,K1,F,water,1000,80,40,0.5,,3
            P2,P2,K1,F,water,1000,10,0,,,1
            P3,P3,K3,F,air,1000,20,20,0.8,in,0
            """)

    @Test func decisionColumnsAndShareLinks() throws {
        let compiled = try Self.shareFixture.compile()
        let model = compiled.model
        #expect(model.columns.map(\.name) == ["z_P1", "theta_P1", "z_P2", "z_P3", "theta_P3"])
        #expect(model.columns.map(\.kind) == [.binary, .continuous, .binary, .binary, .continuous])
        #expect(model.columns.map(\.lower) == [0, 0, 0, 1, 1])
        #expect(model.columns.map(\.upper) == [1, 0.5, 1, 1, 1])
        #expect(compiled.lockedIn == [2])
        let shares = rows(model, origins: compiled.rowOrigins, prefix: "share_")
        #expect(shares.map(\.text) == [
            "share_hi_P1: +1 theta_P1 -0.5 z_P1 in [-inf, 0]",
            "share_lo_P1: +1 theta_P1 -0.25 z_P1 in [0, inf]",
            "share_hi_P3: +1 theta_P3 -1 z_P3 in [-inf, 0]",
            "share_lo_P3: +1 theta_P3 -0.8 z_P3 in [0, inf]",
        ])
        #expect(shares.map(\.origin) == [.shareLink(project: 0), .shareLink(project: 0), .shareLink(project: 2), .shareLink(project: 2)])
    }

    @Test func budgetsPerFundAndYear() throws {
        let compiled = try Self.shareFixture.compile()
        let budgets = rows(compiled.model, origins: compiled.rowOrigins, prefix: "budget_")
        #expect(budgets.map(\.text) == [
            "budget_F_2022: +80 theta_P1 +10 z_P2 +20 theta_P3 in [-inf, 100]",
            "budget_F_2023: +40 theta_P1 +20 theta_P3 in [-inf, 50]",
        ])
        #expect(budgets.map(\.origin) == [.budget(fund: 0, year: 2022), .budget(fund: 0, year: 2023)])
        let indexed = compiled.budgetRows(fund: 0)
        #expect(indexed.map(\.year) == [2022, 2023])
        #expect(indexed.map { compiled.model.rows[$0.row].name } == ["budget_F_2022", "budget_F_2023"])
        #expect(compiled.allBudgetRows == indexed.map(\.row))
        #expect(compiled.budgetRows(fund: 1).isEmpty)
    }

    @Test func objectiveCoefficientsOnProjects() throws {
        // Maximizing: score = 2 × co2 on θ, or score × u on z without θ.
        #expect(try Self.shareFixture.compile().model.objective == [0, 6, 2, 0, 0])
        // Minimizing: the total request.
        var fixture = Self.shareFixture
        fixture.scenario.objective = ObjectiveSpec(sense: .minimizeSubsidy)
        let compiled = try fixture.compile()
        #expect(compiled.model.sense == .minimize)
        #expect(compiled.model.objective == [0, 120, 10, 0, 40])
        #expect(compiled.reportedObjective == compiled.model.objective)
    }

    @Test func requiresRowsHoldAProjectOutWhenTheRequiredOneHasNoColumns() throws {
        let fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(),
            projects: """
                id,name,park,fund,category,investment,request_2022,request_2023,requires,lock,co2
                P1,P1,K1,F,water,100,10,0,P2,,1
                P2,P2,K1,F,water,100,10,0,,,1
                P3,P3,K1,F,water,100,10,0,P4,,1
                P4,P4,K1,F,water,100,10,0,,out,1
                """)
        let compiled = try fixture.compile()
        #expect(compiled.model.columns.map(\.name) == ["z_P1", "z_P2", "z_P3"])
        #expect(compiled.facts[2].blocked == .requiresUnfundable)
        #expect(compiled.fundedColumn[3] == nil)
        let requires = rows(compiled.model, origins: compiled.rowOrigins, prefix: "requires_")
        #expect(requires.map(\.text) == ["requires_P1_P2: +1 z_P1 -1 z_P2 in [-inf, 0]", "requires_P3_P4: +1 z_P3 in [-inf, 0]"])
        #expect(requires.map(\.origin) == [.requires(project: 0, required: 1), .requires(project: 2, required: 3)])
    }

    @Test func exclusiveGroupsWithTwoMembersOrMore() throws {
        let fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(),
            projects: """
                id,name,park,fund,category,investment,request_2022,request_2023,exclusive_group,lock,co2
                P1,P1,K1,F,water,100,10,0,G1,,1
                P2,P2,K1,F,water,100,10,0,G1,,1
                P3,P3,K1,F,water,100,10,0,G2,,1
                P4,P4,K1,F,water,100,10,0,东组,,1
                P5,P5,K1,F,water,100,10,0,东组,,1
                P6,P6,K1,F,water,100,10,0,G1,out,1
                """)
        let compiled = try fixture.compile()
        let groups = rows(compiled.model, origins: compiled.rowOrigins, prefix: "exclusive_")
        #expect(groups.map(\.text) == [
            "exclusive_G1: +1 z_P1 +1 z_P2 in [-inf, 1]",
            "exclusive_i2: +1 z_P4 +1 z_P5 in [-inf, 1]",
        ])
        #expect(groups.map(\.origin) == [.exclusive(group: "G1"), .exclusive(group: "东组")])
    }

    @Test func namingColumnsLinksAndTheNamingFund() throws {
        // K2 is under construction; u = 15 / 30 = 0.5 for both prerequisites; P1 asks for money until 2023.
        let fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(
                funds: [
                    FundSpec(id: "F", name: "Fund", budget: [2022: 100, 2023: 50], perProject: 15),
                    FundSpec(id: "N", name: "Naming", kind: .namingAward, budget: [2023: 100], award: 50),
                ],
                objective: ObjectiveSpec(weights: [(column: "co2", weight: 1)], namingValue: 7)),
            projects: """
                id,name,park,fund,category,investment,request_2022,request_2023,min_share,naming_prerequisite,co2
                P1,P1,K2,F,water,1000,10,20,0.5,true,0
                P2,P2,K2,F,water,1000,30,0,,true,0
                """)
        let compiled = try fixture.compile()
        let model = compiled.model
        #expect(model.columns.map(\.name) == ["z_P1", "theta_P1", "z_P2", "name_K2_2023"])
        let name = try column(model, "name_K2_2023")
        #expect(model.columns[name].kind == .binary)
        #expect(model.objective[name] == 7)
        #expect(compiled.naming.map(\.park) == [1])
        #expect(compiled.naming.map(\.prerequisites) == [[0, 1]])
        let links = rows(model, origins: compiled.rowOrigins, prefix: "naming_")
        #expect(links.map(\.text) == [
            "naming_K2_P1: +2 theta_P1 -1 name_K2_2023 in [0, inf]",
            "naming_K2_P2: +1 z_P2 -1 name_K2_2023 in [0, inf]",
        ])
        #expect(links.map(\.origin) == [.naming(park: 1, project: 0), .naming(park: 1, project: 1)])
        let award = rows(model, origins: compiled.rowOrigins, prefix: "budget_N")
        #expect(award.map(\.text) == ["budget_N_2022:  in [-inf, 0]", "budget_N_2023: +50 name_K2_2023 in [-inf, 100]"])
        #expect(award.map(\.origin) == [.budget(fund: 1, year: 2022), .budget(fund: 1, year: 2023)])
        // The bridges' order: share links, budgets, then naming links.
        #expect(model.rows.map(\.name) == [
            "share_hi_P1", "share_lo_P1", "budget_F_2022", "budget_F_2023", "budget_N_2022", "budget_N_2023",
            "naming_K2_P1", "naming_K2_P2",
        ])
    }
}
