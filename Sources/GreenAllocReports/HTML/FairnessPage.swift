public import GreenAllocWhatIf
internal import Charts
internal import GreenAllocCore

/// fairness.md, fairness.html and their English twins (`greenalloc fairness`): the optimum beside the greedy
/// benefit/cost ranking and the proportional rule, each with its objective, the price of fairness (objective
/// lost against the optimum), the city shares and the Gini coefficient weighted by the basis, the hard rules
/// a plan breaks; the HTML page adds a Lorenz curve per plan.
public struct FairnessPage {
    let result: FairnessResult
    let language: ReportLanguage
    let englishText: [String: String]

    public init(_ result: FairnessResult, language: ReportLanguage = .zh, englishText: [String: String] = [:]) {
        self.result = result
        self.language = language
        self.englishText = englishText
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    public var title: String { pick("公平性对比：", "Fairness: ") + language.text(result.scenario, englishText) }

    func ruleName(_ rule: RulePlan.Rule) -> String {
        switch rule {
        case .optimum: pick("最优方案", "Optimum")
        case .greedy: pick("按效益成本比排序（现行做法）", "Greedy benefit/cost ranking (today's practice)")
        case .proportional: pick("按比例分配（等份额法）", "Proportional rule (equal shares)")
        }
    }

    var basisName: String {
        switch result.basis {
        case .requests: pick("申请额", "requests")
        case .population: pick("人口", "population") + (result.basisColumn.map { "（\($0)）" } ?? "")
        case .gdp: "GDP" + (result.basisColumn.map { pick("（\($0)）", " (\($0))") } ?? "")
        }
    }

    /// The Gini coefficient of a plan's money over the cities, weighted by the basis (nil when nothing is spent).
    static func curve(_ plan: RulePlan, _ result: FairnessResult) -> LorenzCurve? {
        LorenzCurve(amounts: plan.cityAmounts.map { Swift.max(0, $0) }, weights: result.cities.map(\.weight))
    }

    /// The Gini coefficient of `curve` (nil when nothing is spent).
    public static func curveGini(_ plan: RulePlan, _ result: FairnessResult) -> Double? { curve(plan, result)?.gini }

    public func markdown() -> String { document(charts: false).markdown() }

    public func html() -> String {
        var writer = HTMLWriter(charts: nil)
        writer.page(document(charts: true), title: title, language: language)
        return writer.html
    }

    func document(charts: Bool) -> ReportDocument {
        var document = ReportDocument()
        document.blocks.append(.title(title))
        document.blocks += [.line(summary()), .blank]
        document.blocks += [.table(planTable()), .blank]
        for plan in result.plans where !plan.broken.isEmpty {
            var names = ConflictRuleText(language: language)
            names.englishText = englishText
            document.blocks.append(.line(pick("**注意**：「", "**Note**: ") + ruleName(plan.rule) + pick("」违反硬性规则：", " breaks hard rules: ")
                + plan.broken.map { names.name($0) }.joined(separator: pick("；", "; ")) + pick("。", ".")))
        }
        document.blocks.append(.heading(pick("各市所获补助", "Subsidy by city")))
        document.blocks += [.table(cityTable()), .blank]
        if charts {
            for plan in result.plans {
                guard let curve = Self.curve(plan, result) else { continue }
                let chart = LorenzChart(
                    curve: curve, unitNames: result.cities.map(\.name), xTitle: pick("\(basisName)累计占比", "cumulative share of \(basisName)"),
                    yTitle: pick("补助累计占比", "cumulative share of subsidy"), curveLabel: ruleName(plan.rule),
                    equalityLabel: pick("完全均等", "perfect equality"), giniLabel: pick("基尼系数", "Gini"), heading: ruleName(plan.rule))
                document.blocks.append(.figure(ReportFigure(
                    id: "fairness-lorenz-\(plan.rule.rawValue)", title: ruleName(plan.rule),
                    description: pick("各市补助累计占比对其\(basisName)累计占比。", "Cumulative share of subsidy against the cities' cumulative share of \(basisName)."),
                    chart: chart, reading: pick("基尼系数 ", "Gini ") + MoneyFormat.fixed(curve.gini, places: 4))))
            }
        }
        document.blocks.append(.heading(pick("规则说明", "The rules")))
        document.blocks += notes().map { .line("- " + $0) }
        return document
    }

    func summary() -> String {
        pick("按比例分配以各市\(basisName)占比为权重，分配资金合计 ", "The proportional rule weighs the cities by their share of \(basisName); the money shared is ")
            + MoneyFormat.display(result.budget) + pick(" 万元（各项目补助资金在规划期内的预算之和）；等份额轮次 \(result.rounds) 轮。基尼系数以同一权重计算（0 为完全均等）。",
                " 万元 (the project-subsidy funds' budgets over the horizon); \(result.rounds) equal-shares rounds. The Gini coefficient uses the same weights (0 is perfect equality).")
    }

    func planTable() -> MarkdownTable {
        var table = MarkdownTable(
            header: [pick("方案", "Plan"), pick("目标值", "Objective"), pick("公平的代价", "Price of fairness"), pick("代价比例", "Price (%)"),
                pick("获补项目数", "Projects funded"), pick("新命名园区数", "Parks named"), pick("项目补助合计（万元）", "Subsidy (万元)"),
                pick("基尼系数", "Gini"), pick("硬性规则", "Hard rules")],
            numeric: [1, 2, 3, 4, 5, 6, 7])
        for plan in result.plans {
            let price = result.price(of: plan)
            table.add([
                ruleName(plan.rule), plan.objective.map(MoneyFormat.display) ?? "—", price.map { MoneyFormat.display($0.absolute) } ?? "—",
                price?.share.map { MoneyFormat.percent($0) } ?? "—", String(plan.funded.count), String(plan.parksNamed),
                MoneyFormat.display(plan.subsidyTotal), Self.curve(plan, result).map { MoneyFormat.fixed($0.gini, places: 4) } ?? "—",
                plan.broken.isEmpty ? pick("全部遵守", "all respected") : pick("违反 \(plan.broken.count) 条", "\(plan.broken.count) broken"),
            ])
        }
        return table
    }

    func cityTable() -> MarkdownTable {
        var header = [pick("城市", "City"), pick("\(basisName)占比", "Share of \(basisName)"), pick("应得额（万元）", "Entitlement (万元)")]
        for plan in result.plans { header += [ruleName(plan.rule) + pick("（万元）", " (万元)"), pick("占比", "share")] }
        var table = MarkdownTable(header: header, numeric: Set(1..<header.count))
        let totalWeight = result.cities.reduce(0) { $0 + $1.weight }
        for (index, city) in result.cities.enumerated() {
            var row = [WorkbookCells.labeled(city.name, city.id, language: language),
                totalWeight > 0 ? MoneyFormat.percent(city.weight / totalWeight) : "—", MoneyFormat.display(city.entitlement)]
            for plan in result.plans {
                let amount = plan.cityAmounts[index]
                row += [MoneyFormat.display(amount), plan.subsidyTotal > 0 ? MoneyFormat.percent(amount / plan.subsidyTotal) : "—"]
            }
            table.add(row)
        }
        return table
    }

    func notes() -> [String] {
        [
            pick("最优方案：情景的整数规划最优解（与 greenalloc solve 相同）。",
                "Optimum: the scenario's integer-programming optimum (as greenalloc solve finds it)."),
            pick("按效益成本比排序：锁定项目先入选；其余项目按每万元补助带来的目标值（效益得分 × 补助比例上限 ÷ 补助额）从高到低排列（相同者按项目库顺序），逐个全额（按补助比例上限）补助，连同其依赖（requires）的项目一起；只要各资金年度预算、互斥组、数额上限（max）以及资金占比上限（max_share，按该资金预算与已分配额中较大者计）仍满足就入选，否则跳过。之后命名条件具备且命名奖补预算允许的园区。",
                "Greedy ranking: locked-in projects first; the rest by objective gained per 万元 of subsidy (benefit score × cap ÷ subsidy), highest first (ties in library order), each funded in full at its cap together with the projects it requires, when every fund's yearly budget, exclusive group, `max` limit and `max_share` limit on a fund's subsidy (against the larger of that fund's budget and the amount already given) still holds; otherwise skipped. Then the parks whose packages are funded are named as the naming-award budget allows."),
            pick("按比例分配（等份额法，城市为投票人）：各市应得额 = 分配资金合计 × 该市\(basisName)占比；按同一顺序逐轮补助其所在城市尚余应得额足以支付的项目（规则检查同上），支付后扣减；一轮结束后，各市剩余资金汇总，按权重重新分给仍有可补助项目的城市，再进行下一轮；某轮无项目入选时，按效益成本比排序补足剩余资金。",
                "Proportional rule (equal shares, cities as voters): each city's entitlement = the money shared × its share of \(basisName); rounds walk the same list and fund a project when its city's remaining money covers its cost (same rule checks), deducting the cost; after each round the money the cities have left is pooled and shared again by weight among the cities that still have a fundable project; when a round funds nothing, the rest is completed as the greedy ranking does."),
            pick("两种规则的方案都用情景的全部硬性规则逐条检验（预算、限制、目标、锁定、依赖、互斥）；违反的规则列在上方。",
                "Both rules' plans are checked against every hard rule of the scenario (budgets, limits, targets, locks, requirements, exclusive groups); any broken rule is listed above."),
            pick("公平的代价 = 最优目标值 − 该方案目标值；金额单位为万元。", "Price of fairness = the optimum's objective − the plan's; money is in 万元."),
        ]
    }
}
