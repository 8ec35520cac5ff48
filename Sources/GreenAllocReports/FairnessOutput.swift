public import GreenAllocWhatIf
internal import Charts
internal import GreenAllocCore
internal import Spreadsheet

/// `greenalloc fairness`: fairness.json and fairness.xlsx (fairness.md/.html come from `FairnessPage`).
public enum FairnessOutput {
    public static func json(_ result: FairnessResult) -> String {
        JSONWriter.render(
            .object([
                ("format", .string("greenalloc.fairness/1")),
                ("scenario", .string(result.scenario)),
                ("basis", .string(result.basis.rawValue)),
                ("basis_column", .string(result.basisColumn)),
                ("money_shared", .money(result.budget)),
                ("equal_shares_rounds", .int(result.rounds)),
                ("cities", .array(result.cities.map { city in
                    .object([
                        ("id", .string(city.id)), ("name", .string(city.name)), ("weight", .double(city.weight)),
                        ("entitlement", .money(city.entitlement)),
                    ])
                })),
                ("plans", .array(result.plans.map { planJSON($0, result) })),
            ]))
    }

    /// A plan's figures without its project lists (compare.json).
    static func planSummaryJSON(_ plan: RulePlan, _ result: FairnessResult) -> JSONValue {
        let price = result.price(of: plan)
        return .object([
            ("rule", .string(plan.rule.rawValue)),
            ("objective", .double(plan.objective)),
            ("price_of_fairness", .double(price?.absolute)),
            ("price_share", .double(price?.share)),
            ("gini", .double(FairnessPage.curve(plan, result)?.gini)),
            ("respects_hard_rules", .bool(plan.broken.isEmpty)),
        ])
    }

    static func planJSON(_ plan: RulePlan, _ result: FairnessResult) -> JSONValue {
        let price = result.price(of: plan)
        let names = ConflictRuleText(language: .en)
        return .object([
            ("rule", .string(plan.rule.rawValue)),
            ("objective", .double(plan.objective)),
            ("price_of_fairness", .double(price?.absolute)),
            ("price_share", .double(price?.share)),
            ("funded_count", .int(plan.funded.count)),
            ("parks_named", .int(plan.parksNamed)),
            ("subsidy_total", .money(plan.subsidyTotal)),
            ("gini", .double(FairnessPage.curve(plan, result)?.gini)),
            ("by_city", .array(zip(result.cities, plan.cityAmounts).map { city, amount in
                .object([("city", .string(city.id)), ("subsidy", .money(amount))])
            })),
            ("respects_hard_rules", .bool(plan.broken.isEmpty)),
            ("broken", .array(plan.broken.map { .string(names.name($0)) })),
            ("funded", .array(plan.funded.map { .string($0) })),
        ])
    }

    public static let workbookName = "fairness.xlsx"

    /// Two sheets: the plans (objective, price of fairness, Gini, hard rules) and the money per city.
    public static func workbook(_ result: FairnessResult, language: ReportLanguage = .zh) throws -> [UInt8] {
        let page = FairnessPage(result, language: language)
        let text = WhatIfWorkbookText(language: language)
        let plans: [[Cell]] = result.plans.map { plan in
            let price = result.price(of: plan)
            return [
                .text(page.ruleName(plan.rule)), plan.objective.map { .number($0, .plain) } ?? .empty,
                price.map { .number($0.absolute, .plain) } ?? .empty, price?.share.map(Cell.share) ?? .empty,
                .integer(plan.funded.count), .integer(plan.parksNamed), text.money(plan.subsidyTotal),
                FairnessPage.curve(plan, result).map { .number($0.gini, .plain) } ?? .empty,
                .text(plan.broken.isEmpty ? text.pick("全部遵守", "all respected")
                    : plan.broken.map { ConflictRuleText(language: language).name($0) }.joined(separator: text.pick("；", "; "))),
            ]
        }
        let cities: [[Cell]] = result.cities.enumerated().map { index, city in
            [.text(text.labeled(city.name, city.id)), .number(city.weight, .plain), text.money(city.entitlement)]
                + result.plans.map { text.money($0.cityAmounts[index]) }
        }
        let sheets = [
            Sheet(
                name: text.pick("方案", "Plans"),
                header: [text.pick("方案", "Plan"), text.pick("目标值", "Objective"), text.pick("公平的代价", "Price of fairness"),
                    text.pick("代价比例", "Price (%)"), text.pick("获补项目数", "Projects funded"), text.pick("新命名园区数", "Parks named"),
                    text.pick("项目补助合计（万元）", "Subsidy (万元)"), text.pick("基尼系数", "Gini"), text.pick("硬性规则", "Hard rules")],
                rows: plans),
            Sheet(
                name: text.pick("分城市", "By city"),
                header: [text.pick("城市", "City"), text.pick("权重", "Weight"), text.pick("应得额（万元）", "Entitlement (万元)")]
                    + result.plans.map { page.ruleName($0.rule) + text.pick("（万元）", " (万元)") },
                rows: cities),
        ]
        return try Workbook(sheets: sheets, title: page.title).bytes()
    }
}
