@testable import GreenAllocCore
import MILP
import TestSupport
import Testing

/// Limit, target and loan limit rows of small hand-made scenarios, and the one limit decoder, without a solver.
struct CompiledModelLimitTests {
    /// P1 and P3 in city C1, P2 in 济南 (a group value that is not plain ASCII); every θ = u·z with u = 1.
    static let projects = """
        id,name,park,fund,category,investment,request_2022,request_2023,min_share,naming_prerequisite,loan_need,co2
        P1,P1,K1,F,water,100,10,20,,,50,3
        P2,P2,K2,F,air,100,30,8,,,30,1
        P3,P3,K3,F,water,100,5,5,,,20,0
        """

    static let limits = [
        LimitSpec(name: "city cap", sum: .subsidy, fund: "F", groupBy: .city, perYear: true, max: 40, min: 5),
        LimitSpec(
            name: "water share", sum: .count, filter: RuleText("project.category == 'water'"), maxShare: 0.5,
            minShare: 0.1),
        LimitSpec(name: "city loans", sum: .loan, groupBy: .city, max: 100, maxShare: 0.6),
    ]

    @Test func limitRowsWithAbsoluteBoundsAndShares() throws {
        let fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(limits: Self.limits), projects: Self.projects)
        let compiled = try fixture.compile()
        let limits = rows(compiled.model, origins: compiled.rowOrigins, prefix: "limit")
        #expect(limits.map(\.text) == [
            "limit0_C1_2022: +10 z_P1 +5 z_P3 in [5, 40]",
            "limit0_C1_2023: +20 z_P1 +5 z_P3 in [5, 40]",
            "limit0_g1_2022: +30 z_P2 in [5, 40]",
            "limit0_g1_2023: +8 z_P2 in [5, 40]",
            "limit1_maxshare: +0.5 z_P1 +0.5 z_P3 -0.5 z_P2 in [-inf, 0]",
            "limit1_minshare: +0.9 z_P1 +0.9 z_P3 -0.1 z_P2 in [0, inf]",
        ])
        #expect(limits.map(\.origin) == [
            .limit(LimitOrigin(index: 0, group: "C1", year: 2022, part: .absolute)),
            .limit(LimitOrigin(index: 0, group: "C1", year: 2023, part: .absolute)),
            .limit(LimitOrigin(index: 0, group: "济南", year: 2022, part: .absolute)),
            .limit(LimitOrigin(index: 0, group: "济南", year: 2023, part: .absolute)),
            .limit(LimitOrigin(index: 1, group: nil, year: nil, part: .maxShare)),
            .limit(LimitOrigin(index: 1, group: nil, year: nil, part: .minShare)),
        ])
        // The `loan` limit belongs to the loan stage.
        #expect(compiled.limitRows(of: 2).isEmpty)
        #expect(compiled.limitRows(of: 1).map { compiled.model.rows[$0].name } == ["limit1_maxshare", "limit1_minshare"])
        #expect(compiled.absoluteLimitRows.map { compiled.model.rows[$0].name }.allSatisfy { !$0.hasSuffix("share") })
        #expect(compiled.absoluteLimitRows.count == 4)
        let shareRow = try #require(compiled.limitRows.first { $0.origin.part == .maxShare })
        #expect(shareRow.groupTerms.map { compiled.model.columns[$0.column].name } == ["z_P1", "z_P3"])
        #expect(compiled.limitRows.map(\.row) == compiled.limitRows(of: 0) + compiled.limitRows(of: 1))
    }

    @Test func limitDecoderReadsValuesAndEffectiveBounds() throws {
        let fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(limits: Self.limits), projects: Self.projects)
        let compiled = try fixture.compile()
        // P1 and P2 funded: the water group holds 1 of 2 funded projects.
        let values = [1.0, 1, 0]
        let outcomes = LimitDecoder(limits: fixture.scenario.limits)
            .outcomes(compiled.limitRows, model: compiled.model, values: values)
        #expect(outcomes.dropLast() == [
            LimitOutcome(name: "city cap", group: "C1", year: 2022, value: 10, max: 40, min: 5, binding: false),
            LimitOutcome(name: "city cap", group: "C1", year: 2023, value: 20, max: 40, min: 5, binding: false),
            LimitOutcome(name: "city cap", group: "济南", year: 2022, value: 30, max: 40, min: 5, binding: false),
            LimitOutcome(name: "city cap", group: "济南", year: 2023, value: 8, max: 40, min: 5, binding: false),
        ])
        // The share rows of one group make one outcome: max = 0.5 × 2 funded, min = 0.1 × 2.
        let share = try #require(outcomes.last)
        #expect(share.name == "water share" && share.group == nil && share.year == nil)
        #expect(share.value == 1 && share.max == 1 && share.binding)
        #expect(abs((share.min ?? 0) - 0.2) < 1e-12)
    }

    @Test func targetRowsWithAndWithoutPenalty() throws {
        // K1 is already an eco park and K2 can be named in 2022 (P1's last request); 3 parks are counted.
        let fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(
                targets: [
                    TargetSpec(name: "count", metric: .count, min: 2),
                    TargetSpec(name: "money", metric: .subsidy, min: 100, penalty: 3),
                    TargetSpec(name: "eco share", metric: .ecoParkShare, year: 2023, min: 0.5, penalty: 1),
                    TargetSpec(name: "co2", metric: .benefit("co2"), min: 4),
                ]),
            projects: """
                id,name,park,fund,category,investment,request_2022,request_2023,min_share,naming_prerequisite,co2
                P1,P1,K2,F,water,100,10,0,0.5,true,3
                P2,P2,K1,F,water,100,20,20,,,1
                """)
        let compiled = try fixture.compile()
        let model = compiled.model
        #expect(model.columns.map(\.name) == ["z_P1", "theta_P1", "z_P2", "name_K2_2022", "shortfall_t1", "shortfall_t2"])
        let targets = rows(model, origins: compiled.rowOrigins, prefix: "target_")
        #expect(targets.map(\.text) == [
            "target_t0: +1 z_P1 +1 z_P2 in [2, inf]",
            "target_t1: +10 theta_P1 +40 z_P2 +1 shortfall_t1 in [100, inf]",
            "target_t2: +1 name_K2_2022 +3 shortfall_t2 in [0.5, inf]",
            "target_t3: +3 theta_P1 +1 z_P2 in [4, inf]",
        ])
        #expect(targets.map(\.origin) == (0..<4).map { .target(index: $0) })
        #expect((0..<4).map { compiled.targetRow(of: $0).map { model.rows[$0].name } } == ["target_t0", "target_t1", "target_t2", "target_t3"])
        #expect(compiled.shortfallColumn == [nil, 4, 5, nil])
        // Maximizing: a shortfall costs its penalty.
        #expect(model.objective[4] == -3)
        #expect(model.objective[5] == -1)
        #expect(model.columns[4].lower == 0 && model.columns[4].upper == .infinity)

        var minimizing = fixture
        minimizing.scenario.objective = ObjectiveSpec(sense: .minimizeSubsidy)
        let minimized = try minimizing.compile()
        #expect(minimized.shortfallColumn.compactMap { $0 }.map { minimized.model.objective[$0] } == [3, 1])
    }

    @Test func loanLimitRowsThroughTheSameBridge() throws {
        var fixture = CompiledModelFixture(
            scenario: CompiledModelFixture.scenario(limits: Self.limits, loans: LoanSpec(name: "loans")),
            projects: Self.projects)
        fixture.banks = """
            id,name,capacity
            B1,Bank one,1000
            B2,Bank two,1000
            """
        let (library, rules) = try fixture.inputs()
        let outcomes = library.projectRecords.enumerated().map { index, record in
            ProjectOutcome(
                id: record.id, name: record.name, park: library.parkRecords[record.park].id, city: library.cityIDs[record.city],
                fund: "F", category: record.category, investment: record.investment, request: record.request, funded: false,
                share: 0, subsidy: [0, 0], score: Double(3 - index), excludedBy: [], why: .notChosen, reasons: [])
        }
        let stage = LoanStage(scenario: fixture.scenario, library: library, rules: rules)
        let built = stage.build(projects: outcomes)
        let loanRows = rows(built.model, origins: built.origins, prefix: "loanlimit")
        #expect(loanRows.map(\.text) == [
            "loanlimit2_C1: +50 x_P1_B1 +50 x_P1_B2 +20 x_P3_B1 +20 x_P3_B2 in [-inf, 100]",
            "loanlimit2_C1_maxshare: +20 x_P1_B1 +20 x_P1_B2 +8 x_P3_B1 +8 x_P3_B2 -18 x_P2_B1 -18 x_P2_B2 in [-inf, 0]",
            "loanlimit2_g1: +30 x_P2_B1 +30 x_P2_B2 in [-inf, 100]",
            "loanlimit2_g1_maxshare: +12 x_P2_B1 +12 x_P2_B2 -30 x_P1_B1 -30 x_P1_B2 -12 x_P3_B1 -12 x_P3_B2 in [-inf, 0]",
        ])
        #expect(loanRows.map(\.origin) == [
            .limit(LimitOrigin(index: 2, group: "C1", year: nil, part: .absolute)),
            .limit(LimitOrigin(index: 2, group: "C1", year: nil, part: .maxShare)),
            .limit(LimitOrigin(index: 2, group: "济南", year: nil, part: .absolute)),
            .limit(LimitOrigin(index: 2, group: "济南", year: nil, part: .maxShare)),
        ])
        #expect(built.limitRows.map(\.row) == loanRows.indices.map { built.model.rowCount - loanRows.count + $0 })

        // P2 from B2 and P3 from B1: of 50 lent, C1 borrows 20 and 济南 30, each capped at 0.6 × 50 = 30.
        var point = Array(repeating: 0.0, count: built.model.columnCount)
        point[try column(built.model, "x_P2_B2")] = 1
        point[try column(built.model, "x_P3_B1")] = 1
        let limits = LimitDecoder(limits: fixture.scenario.limits).outcomes(built.limitRows, model: built.model, values: point)
        #expect(limits.map(\.group) == ["C1", "济南"])
        #expect(limits.map(\.value) == [20, 30])
        #expect(limits.map(\.max) == [30, 30])
        #expect(limits.map(\.binding) == [false, true])
    }
}
