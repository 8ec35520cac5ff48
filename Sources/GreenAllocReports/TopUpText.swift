public import GreenAllocCore

/// A top-up (`TopUp`) in words and figures, as report.md's unfunded table and the explain cards show it:
/// money rounded to 0.01 万元; one figure when the two ends agree to within 0.1% (exact), else the bound(s)
/// known, saying which.
public struct TopUpText: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    /// The table cell: `127.35`, `≤ 127.35`, `80.12–127.35`, `≥ 80.12`, or a short phrase when no raise helps.
    public func cell(_ topUp: TopUp) -> String {
        guard topUp.reachable else { return language.pick("追加预算无效", "no top-up suffices") }
        guard let upper = topUp.upper else {
            return topUp.lower > 0 ? "≥ " + MoneyFormat.display(topUp.lower) : "—"
        }
        if topUp.exact { return MoneyFormat.display(upper) }
        if topUp.lower <= 0 { return "≤ " + MoneyFormat.display(upper) }
        return MoneyFormat.display(topUp.lower) + "–" + MoneyFormat.display(upper)
    }

    /// One sentence naming the fund: "资金「省级专项」再增加 127.35 万元即可获得支持（精确值）"; nil when
    /// nothing is known (no plan found and no lower end above 0).
    public func sentence(_ topUp: TopUp, fundName: String) -> String? {
        let fund = language.pick("「\(fundName)」", "“\(fundName)”")
        guard topUp.reachable else {
            return language.pick(
                "无论资金\(fund)追加多少预算，都无法在不降低目标值的前提下支持该项目。",
                "No top-up of fund \(fund) funds it without lowering the objective.")
        }
        let lower = MoneyFormat.display(topUp.lower)
        guard let upper = topUp.upper.map(MoneyFormat.display) else {
            guard topUp.lower > 0 else { return nil }
            return language.pick(
                "资金\(fund)至少需再增加 \(lower) 万元预算才可能获得支持（下界）。",
                "Fund \(fund) would need at least \(lower)万 more before it could be funded (a lower bound).")
        }
        if topUp.exact {
            return language.pick(
                "资金\(fund)再增加 \(upper) 万元预算即可获得支持（精确值，误差不超过 0.1%）。",
                "\(upper)万 more in fund \(fund) would fund it (exact to 0.1%).")
        }
        if topUp.lower <= 0 {
            return language.pick(
                "资金\(fund)再增加不超过 \(upper) 万元预算即可获得支持（上界：该金额足够，可能更少）。",
                "At most \(upper)万 more in fund \(fund) would fund it (an upper bound: enough, perhaps more than needed).")
        }
        return language.pick(
            "资金\(fund)需再增加 \(lower)～\(upper) 万元预算方可获得支持（上下界）。",
            "Between \(lower)万 and \(upper)万 more in fund \(fund) would fund it (bounds).")
    }

    /// The note under a table with a top-up column.
    public var note: String {
        language.pick(
            "注：“追加预算”指将项目所属资金的预算按该项目各年申请比例追加的金额，追加后可在不降低目标值的前提下支持该项目。单个数字为精确值（误差不超过 0.1%）；“≤ X”为上界（X 足够）；“A–B”表示所需金额介于两者之间；“≥ A”为下界；“追加预算无效”表示追加多少都不能在不降低目标值的前提下支持该项目。",
            "Note: the top-up is the money added to the project's fund, spread over the years as the project requests, with which the project can be funded without lowering the objective. One figure is exact (to 0.1%); “≤ X” is an upper bound (X is enough); “A–B” means the amount lies between the two; “≥ A” is a lower bound; “no top-up suffices” means no amount funds it without lowering the objective.")
    }
}
