import GreenAllocCore
@testable import GreenAllocReports
import Testing

/// The headroom section: budgets, limits and targets, binding ones first, near-binding ones (within 1%) flagged.
@Suite struct BindingSectionTests {
    static var allocation: Allocation {
        var allocation = OutputFixtures.feasible
        allocation.funds = [
            FundOutcome(id: "prov-special", name: "省生态环境保护专项资金", kind: .projectSubsidy, budget: [1000, 800],
                used: [999.99995, 700]),
        ]
        allocation.limits = [
            LimitOutcome(name: "单市年度上限", group: "370100", year: 2022, value: 100, max: 400, min: nil, binding: false),
            LimitOutcome(name: "单市份额上限", group: "370200", year: nil, value: 149.1, max: 150, min: nil, binding: false),
            LimitOutcome(name: "单市年度上限", group: "370200", year: 2023, value: 300, max: 300, min: nil, binding: true),
        ]
        allocation.targets = [
            TargetOutcome(name: "园区占比", metric: "eco_park_share", year: 2023, value: 0.5217, min: 0.5, met: true, hard: true),
        ]
        return allocation
    }

    @Test func rowsAreCountedFlaggedAndSorted() {
        let rows = Self.allocation.bindingRows
        #expect(rows.map(\.name) == ["单市年度上限", "省生态环境保护专项资金", "单市份额上限", "园区占比", "省生态环境保护专项资金", "单市年度上限"])
        #expect(rows.map(\.binding) == [true, true, false, false, false, false])
        #expect(rows.map(\.nearBinding) == [false, false, true, false, false, false])
        #expect(abs(rows[2].headroom - 0.9) < 1e-9)
        #expect(!BindingRow.binds(headroom: 0.04) && BindingRow.binds(headroom: 0.0001))
        #expect(abs(rows[4].headroom - 100) < 1e-9)
        #expect(rows[5].group == "370100" && abs(rows[5].headroom - 300) < 1e-9)
    }

    @Test func sectionSaysItInBothLanguages() {
        let zh = ReportMarkdown.render(Self.allocation, language: .zh)
        #expect(zh.contains("共 6 项，其中 2 项为紧约束（取值达到上限或下限），1 项接近上限或下限"))
        #expect(zh.contains("| 限制 | 单市份额上限 | 青岛（370200） | — | 149.1 | ≤ 150 | 0.9 | 接近上限 |"))
        #expect(zh.contains("| 目标 | 园区占比 | — | 2023 | 52.17% | ≥ 50% | 2.17 个百分点 | — |"))
        let en = ReportMarkdown.render(Self.allocation, language: .en)
        #expect(en.contains("6 rows: 2 binding (value at its bound), 1 near the limit"))
        #expect(en.contains("| limit | 单市份额上限 | 青岛 (370200) | — | 149.1 | ≤ 150 | 0.9 | near the limit |"))
    }
}
