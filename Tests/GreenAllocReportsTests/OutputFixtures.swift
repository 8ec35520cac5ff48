import Foundation
import GreenAllocCore
import Testing

/// Constructed allocations for the output writers' tests: no solver involved, every why code, every
/// reason kind, every conflict kind.
enum OutputFixtures {
    static let years = [2022, 2023]

    static let cities = [
        CityInfo(id: "370100", name: "济南"), CityInfo(id: "370200", name: "青岛"), CityInfo(id: "370700", name: "潍坊"),
    ]

    static let funds = [
        FundOutcome(id: "prov-special", name: "省生态环境保护专项资金", kind: .projectSubsidy, budget: [1000, 800], used: [450, 800]),
        FundOutcome(id: "naming-award", name: "生态工业园区命名奖补", kind: .namingAward, budget: [0, 600], used: [0, 300]),
    ]

    static func project(
        _ id: String, _ name: String, park: String, city: String, fund: String? = "prov-special",
        category: String, investment: Double, request: [Double], share: Double = 0, score: Double = 0,
        excludedBy: [ExclusionHit] = [], why: WhyCode, reasons: [Reason]
    ) -> ProjectOutcome {
        ProjectOutcome(
            id: id, name: name, park: park, city: city, fund: fund, category: category, investment: investment,
            request: request, funded: share > 0, share: share, subsidy: request.map { $0 * share }, score: score,
            excludedBy: excludedBy, why: why, reasons: reasons)
    }

    static let projects: [ProjectOutcome] = [
        project("P001", "济南高新区VOCs综合治理", park: "K001", city: "370100", category: "air", investment: 2000,
            request: [300, 0], share: 1, score: 812.5, why: .funded,
            reasons: [.fundedFull, .lockedIn, .bonus(name: "成熟项目优先", factor: 1.15)]),
        project("P002", "污水处理厂\"提标\",二期", park: "K002", city: "370200", category: "water", investment: 1500.5,
            request: [200, 400], share: 0.75, score: 1.0 / 3.0, why: .funded,
            reasons: [.fundedPartial(share: 0.75), .requiresFunded(project: "P001")]),
        project("P003", "滨海园区土壤修复", park: "K003", city: "370700", category: "soil", investment: 1234.56789,
            request: [0, 500], share: 1, score: 450.125, why: .funded,
            reasons: [
                .fundedAtCap(share: 0.9, limitedBy: "per_project"), .namingPrerequisite(park: "K003", named: true),
                .laterYearNeeds([YearlyAmount(year: 2025, amount: 120.5)]),
            ]),
        project("P004", "撤销园区固废项目", park: "K004", city: "370100", category: "solid_waste", investment: 800,
            request: [120, 0], score: 95,
            excludedBy: [
                ExclusionHit(rule: "撤销园区", reason: "园区称号已撤销"), ExclusionHit(rule: "禁申期", reason: "三年内不得重新申报"),
            ],
            why: .excluded,
            reasons: [.excludedBy(rule: "撤销园区", reason: "园区称号已撤销"), .excludedBy(rule: "禁申期", reason: "三年内不得重新申报")]),
        project("P005", "青岛港区岸电", park: "K002", city: "370200", category: "carbon", investment: 600,
            request: [90, 0], score: 60, why: .lockedOut, reasons: [.lockedOut]),
        project("P006", "VOCs治理\n二期（贷款）", park: "K003", city: "370700", fund: nil, category: "air",
            investment: 5000, request: [0, 0], score: 70, why: .loanOnly, reasons: [.loanOnly]),
        project("P007", "明水园区监测能力", park: "K001", city: "370100", category: "capacity", investment: 300,
            request: [100, 0], score: 20, why: .ineligible,
            reasons: [.ineligible(fund: "prov-special", rule: "project.provincial_library in ['in_library','supplementary']")]),
        project("P008", "大型生态修复", park: "K002", city: "370200", category: "soil", investment: 0,
            request: [4000, 3500], score: 900, why: .minShareImpossible,
            reasons: [.minShareImpossible(cap: 0, minShare: 0.6, limitedBy: "share_of_investment")]),
        project("P009", "配套管网", park: "K003", city: "370700", category: "water", investment: 900,
            request: [0, 150], score: 40, why: .requiresUnfundable, reasons: [.requiresUnfundable(project: "P008")]),
        project("P011", "2025年开工项目", park: "K002", city: "370200", category: "air", investment: 700,
            request: [0, 0], score: 30, why: .outsideHorizon, reasons: [.outsideHorizon(years: [2025])]),
        project("P010", "园区能力建设", park: "K001", city: "370100", category: "capacity", investment: 450,
            request: [80, 80], score: 12.5, why: .notChosen, reasons: [.notChosen]),
    ]

    /// The outcome columns of the feasible fixture, and each project's values (the others have none).
    static let outcomeColumns = ["co2_t", "cod_t"]
    static let outcomeValues: [String: [Double]] = [
        "P001": [120.5, 0], "P002": [0, 33.25], "P003": [10, 1.5], "P010": [99, 99], "P005": [0, 0],
    ]

    /// The rules the feasible fixture was made under, as a scenario would state them.
    static var basis: AllocationBasis {
        AllocationBasis(
            objective: ObjectiveSpec(
                weights: [("co2_t", 1), ("cod_t", 20)],
                bonuses: [BonusSpec(name: "成熟项目优先", when: RuleText("project.maturity >= 'ready_to_start'"), factor: 1.15)],
                namingValue: 500),
            funds: [
                FundSpec(id: "prov-special", name: "省生态环境保护专项资金", budget: [2022: 1000, 2023: 800],
                    eligible: RuleText("project.provincial_library in ['in_library','supplementary']"), perProject: 400,
                    shareOfInvestment: 0.5),
                FundSpec(id: "naming-award", name: "生态工业园区命名奖补", kind: .namingAward, budget: [2023: 600], award: 300),
            ],
            limits: [
                LimitSpec(name: "单市年度上限", sum: .subsidy, fund: "prov-special", groupBy: .city, perYear: true, maxShare: 0.6),
                LimitSpec(name: "能力建设不超过5%", sum: .subsidy, fund: "prov-special",
                    filter: RuleText("project.category == 'capacity'"), maxShare: 0.05),
                LimitSpec(name: "每市至少一个项目", sum: .count, groupBy: .city, min: 1),
            ],
            exclusions: [
                ExclusionSpec(name: "撤销园区", when: RuleText("park.status == 'revoked'"), reason: "园区称号已撤销"),
                ExclusionSpec(name: "禁申期", when: RuleText("park.barred_until > as_of"), reason: "三年内不得重新申报"),
            ],
            targets: [
                TargetSpec(name: "2023年生态工业园区占比不低于50%", metric: .ecoParkShare, year: 2023, min: 0.5),
                TargetSpec(name: "减碳目标", metric: .benefit("co2_t"), min: 2000, penalty: 10),
            ],
            indicators: [IndicatorSpec(column: "co2_t", zh: "二氧化碳减排量", en: "CO₂ reduced", unit: "t/a"), IndicatorSpec(column: "cod_t")],
            asOf: Day(year: 2022, month: 3, day: 31) ?? Day(daysSinceEpoch: 0))
    }

    static var feasible: Allocation {
        var allocation = feasibleWithoutBasis
        allocation.basis = basis
        allocation.outcomeColumns = outcomeColumns
        for index in allocation.projects.indices {
            allocation.projects[index].outcomeValues = outcomeValues[allocation.projects[index].id] ?? [0, 0]
        }
        return allocation
    }

    static var feasibleWithoutBasis: Allocation {
        Allocation(
            scenario: "2022年 省级专项资金 基准情景", inputsSHA256: String(repeating: "ab12", count: 16), status: .optimal,
            objective: 1462.0833333333333, bestBound: 1462.0833333333333, gap: 0, solverName: "GLPK",
            solverVersion: "5.0", objectiveSense: .maximizeBenefit, years: years, cities: cities, funds: funds,
            projects: projects,
            parks: [NamedPark(id: "K003", name: "潍坊滨海经济技术开发区", city: "370700", namedIn: 2023, award: 300)],
            limits: [
                LimitOutcome(name: "单市年度上限", group: "370200", year: 2023, value: 300, max: 300, min: nil, binding: true),
                LimitOutcome(name: "单市年度上限", group: "370100", year: 2022, value: 300, max: 400, min: nil, binding: false),
                LimitOutcome(name: "能力建设不超过5%", group: nil, year: nil, value: 0, max: 62.5, min: nil, binding: false),
                LimitOutcome(name: "每市至少一个项目", group: "370700", year: nil, value: 1, max: nil, min: 1, binding: true),
            ],
            targets: [
                TargetOutcome(name: "2023年生态工业园区占比不低于50%", metric: "eco_park_share", year: 2023,
                    value: 0.5217391304347826, min: 0.5, met: true, hard: true),
                TargetOutcome(name: "减碳目标", metric: "co2_t", year: nil, value: 1234.5, min: 2000, met: false, hard: false),
            ],
            findings: [
                Finding(severity: .warning, message: "资金「生态工业园区命名奖补」2023年预算 600 万元高于可能的命名奖补 300 万元",
                    suggestion: "检查预算是否按年度填写", rules: [.budget(fund: "naming-award", year: 2023)]),
            ],
            diagnosis: nil,
            loanStage: LoanOutcome(status: .optimal, objective: 95.0, loans: [
                LoanAssignment(project: "P006", bank: "B01", rank: 1, amount: 5000, loanScore: 80.5),
                LoanAssignment(project: "P001", bank: "B02", rank: 1, amount: 1200.25, loanScore: 14.5),
            ]),
            ecoParksBefore: 11, parksCounted: 23)
    }

    static var infeasible: Allocation {
        var projects = Array(projects.prefix(3))
        for index in projects.indices {
            projects[index].funded = false
            projects[index].share = 0
            projects[index].subsidy = projects[index].request.map { _ in 0 }
            projects[index].why = .notChosen
            projects[index].reasons = [.notChosen]
        }
        return Allocation(
            scenario: "2023年 紧缩预算情景", inputsSHA256: String(repeating: "0f", count: 32), status: .infeasible,
            objective: nil, bestBound: nil, gap: nil, solverName: "GLPK", solverVersion: "5.0",
            objectiveSense: .minimizeSubsidy, years: years, cities: cities,
            funds: funds.map { FundOutcome(id: $0.id, name: $0.name, kind: $0.kind, budget: $0.budget, used: [0, 0]) },
            projects: projects, parks: [], limits: [], targets: [],
            findings: [
                Finding(severity: .infeasible, message: "锁定项目 P017 的申请额超过单市年度上限",
                    suggestion: "提高上限或取消锁定",
                    rules: [.lock(project: "P017"), .limit(rule: "单市年度上限", group: "370100", year: 2022)]),
            ],
            diagnosis: Diagnosis(
                minimal: true,
                conflict: [
                    .limit(rule: "单市年度上限", group: "370100", year: 2022), .lock(project: "P017"),
                    .budget(fund: "prov-special", year: 2023), .target(rule: "减碳硬目标"), .requires(project: "P020"),
                    .exclusive(group: "G1"), .limit(rule: "能力建设不超过5%", group: nil, year: nil),
                ],
                relax: [
                    Relaxation(rule: .budget(fund: "prov-special", year: 2023), by: 120, alone: true),
                    Relaxation(rule: .target(rule: "减碳硬目标"), by: 0.021739130434782594),
                    Relaxation(rule: .limit(rule: "单市年度上限", group: "370100", year: 2022), by: 2.5),
                ],
                explanation: ["2023年预算不足以同时满足项目 P017 的锁定与减碳硬目标。"]),
            ecoParksBefore: 11, parksCounted: 23)
    }
}

/// Golden files live in `Fixtures/golden/`. They are compared byte for byte; to re-record them on
/// purpose (after a deliberate change of an output format), run
/// `GREENALLOC_RECORD=1 swift test --filter GreenAllocIOTests` and review the diff before committing. A
/// recording run fails each check it records (it compared nothing), so it cannot pass for a real run.
enum Golden {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    }

    static func check(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GREENALLOC_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record("recorded golden file \(name); run again without GREENALLOC_RECORD to compare", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); record it with GREENALLOC_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] } ?? min(expectedLines.count, actualLines.count)
            let expectedLine = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let actualLine = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record(
                "\(name) differs from its golden file at line \(first + 1):\n  golden: \(expectedLine)\n  actual: \(actualLine)",
                sourceLocation: sourceLocation)
        }
    }
}
