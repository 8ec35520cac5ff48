public import GreenAllocWhatIf
internal import GreenAllocCore

/// sweep.md, sweep.html and their English twins: one `ReportDocument` per language, built once from a
/// `SweepResult` and rendered as Markdown or as a self-contained, print-ready page (the report's style, charts
/// drawn by `SweepCharts`). It states the basis of the sweep, the frontier and the marginal value per 万元,
/// the parks named and the targets at every point, a table per point, and the projects that leave the funded
/// set as money grows, named, with the budget at which they leave and the projects that came in at that step.
public struct SweepPage {
    let sweep: SweepResult
    let names: ProjectNames
    let language: ReportLanguage

    public init(_ sweep: SweepResult, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) {
        self.sweep = sweep
        self.names = names
        self.language = language
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    /// A name the scenario gives (fund, target, scenario) in the page's language: its English text (`en` of a
    /// `{zh: …, en: …}` name, carried by `names`) in the English page, as the scenario spells it otherwise.
    func scenarioName(_ name: String) -> String { language.text(name, names.englishText) }

    var fundLabel: String { WorkbookCells.labeled(scenarioName(sweep.fundName), sweep.fundID, language: language) }
    var title: String { pick("预算敏感性分析：", "Budget sweep: ") + fundLabel }
    var solved: [SweepPoint] { sweep.points.filter { $0.objective != nil } }

    /// The Markdown text; `chart` names an image file (sweep.svg) to show under the summary.
    public func markdown(chart: String? = nil) -> String { document(chart: chart).markdown() }

    /// The HTML page (the report's style and A4 layout, inline SVG, no script).
    public func html() -> String {
        var writer = HTMLWriter(charts: nil)
        writer.page(document(chart: nil, figures: SweepCharts(page: self)), title: title, language: language)
        return writer.html
    }

    /// The frontier and marginal value chart alone, as an SVG document (sweep.svg).
    public func svg() -> String? { SweepCharts(page: self).frontier()?.svg }

    func document(chart: String?, figures: SweepCharts? = nil) -> ReportDocument {
        var document = ReportDocument()
        document.blocks.append(.title(title))
        document.blocks += summary().map { .line($0) } + [.blank]
        if let chart { document.blocks += [.line("![" + pick("目标值与预算", "objective against the budget") + "](\(chart))"), .blank] }
        document.blocks.append(.heading(pick("主要结论", "Findings")))
        document.blocks += findings().map { .line("- " + $0) } + [.blank]
        if let figure = figures?.frontier() {
            document.blocks += [.heading(pick("目标值与边际收益", "Objective and marginal value")), .figure(figure)]
        }
        let parkLines = parkChanges()
        if let figure = figures?.parksAndTargets() {
            document.blocks += [.heading(pick("园区命名与目标", "Parks named and targets")), .figure(figure)]
            document.blocks += parkLines.map { .line("- " + $0) } + [.blank]
        } else if !parkLines.isEmpty {
            document.blocks.append(.heading(pick("园区命名", "Parks named")))
            document.blocks += parkLines.map { .line("- " + $0) } + [.blank]
        }
        document.blocks += [.heading(pick("各测算点", "The points")), .table(pointTable()), .blank]
        document.blocks += departureBlocks()
        document.blocks += monotoneBlocks()
        document.blocks.append(.heading(pick("说明", "Notes")))
        document.blocks += notes().map { .line("- " + $0) }
        return document
    }

    /// The basis: scenario, base budget, what a point is, how many points and where.
    func summary() -> [String] {
        let base = sweep.baseBudget.keys.sorted().map { year in
            pick("\(year) 年 ", "\(year): ") + MoneyFormat.display(sweep.baseBudget[year] ?? 0) + pick(" 万元", " 万元")
        }.joined(separator: pick("、", ", "))
        var lines = [pick("情景「", "Scenario \"") + scenarioName(sweep.scenario) + pick("」。基准预算：", "\". Base budget: ") + base
            + pick("。每个测算点把该资金各年度预算乘以同一比例", ". Each point multiplies the fund's budget in every year by one scale")
            + (sweep.tiebreak ? pick("，并执行并列规则。", " and applies the tie rule.")
                : pick("；每点至多一次求解，不执行并列规则。", "; one solve per point at most, no tie rule."))]
        let budgets = sweep.points.map(\.budgetTotal)
        if let low = budgets.min(), let high = budgets.max() {
            let counts = [(AllocationStatus.optimal, pick("最优", "optimal")), (.feasible, pick("可行（未证明最优）", "feasible, not proved optimal")),
                (.infeasible, pick("无可行方案", "infeasible")), (.noSolution, pick("限时内无方案", "no plan in time"))]
                .compactMap { status, word -> String? in
                    let count = sweep.points.filter { $0.status == status }.count
                    return count == 0 ? nil : pick("\(word) \(count) 个", "\(count) \(word)")
                }
            lines.append(pick("共 \(sweep.points.count) 个测算点，预算合计 ", "\(sweep.points.count) points, total budget ")
                + MoneyFormat.display(low) + pick(" 至 ", " to ") + MoneyFormat.display(high) + pick(" 万元；", " 万元; ")
                + counts.joined(separator: pick("，", ", ")) + pick("。", "."))
        }
        return lines
    }

    /// The largest marginal value, where the objective stops growing, the projects that leave, the points without a plan.
    func findings() -> [String] {
        var lines: [String] = []
        if let best = sweep.points.indices.filter({ sweep.points[$0].marginal != nil })
            .max(by: { sweep.points[$0].marginal ?? 0 < sweep.points[$1].marginal ?? 0 }),
            let before = sweep.points[..<best].last(where: { $0.objective != nil })
        {
            lines.append(pick("每万元边际收益最高为 ", "The largest gain per 万元 is ") + MoneyFormat.fixed(sweep.points[best].marginal ?? 0, places: 4)
                + pick("，在预算 ", ", between budgets ") + MoneyFormat.display(before.budgetTotal) + pick(" 至 ", " and ")
                + MoneyFormat.display(sweep.points[best].budgetTotal) + pick(" 万元之间。", " 万元."))
        }
        if let last = solved.last, let flat = solved.firstIndex(where: { abs(($0.objective ?? 0) - (last.objective ?? 0)) <= 1e-9 * Swift.max(1, abs(last.objective ?? 0)) }),
            flat < solved.count - 1
        {
            lines.append(pick("预算达到 ", "From a budget of ") + MoneyFormat.display(solved[flat].budgetTotal)
                + pick(" 万元后目标值不再增长：在其他规则之下，该资金更多的预算不再带来收益。",
                    " 万元 on the objective stops growing: within the other rules, more money of this fund buys nothing."))
        }
        lines.append(departureFinding())
        let none = sweep.points.filter { $0.objective == nil }
        if !none.isEmpty {
            lines.append(pick("以下预算无方案：", "No plan at the budgets ")
                + none.map { MoneyFormat.display($0.budgetTotal) + pick(" 万元", " 万元") }.joined(separator: pick("、", ", ")) + pick("。", "."))
        }
        return lines
    }

    /// One row per point: budget, objective and its change, marginal value, projects, parks, targets met.
    func pointTable() -> MarkdownTable {
        var table = MarkdownTable(
            header: [pick("比例", "Scale"), pick("预算合计（万元）", "Budget (万元)"), pick("状态", "Status"), pick("目标值", "Objective"),
                pick("目标值增量", "Δ objective"), pick("每万元边际收益", "Marginal value per 万元"), pick("获补项目数", "Projects funded"),
                pick("新命名园区数", "Parks named"), pick("达成目标", "Targets met")],
            numeric: [0, 1, 3, 4, 5, 6, 7, 8])
        var previous: Double?
        for point in sweep.points {
            let delta = point.objective.flatMap { now in previous.map { now - $0 } }
            let met = point.objective == nil || point.targets.isEmpty
                ? "—" : "\(point.targets.filter(\.met).count)/\(point.targets.count)"
            table.add([
                MoneyFormat.plain(point.scale), MoneyFormat.display(point.budgetTotal), StatusWords.text(point.status, language: language),
                point.objective.map(MoneyFormat.display) ?? "—", delta.map(MoneyFormat.display) ?? "—",
                point.marginal.map { MoneyFormat.fixed($0, places: 4) } ?? "—",
                point.objective == nil ? "—" : String(point.fundedCount), point.objective == nil ? "—" : String(point.parks.count), met,
            ])
            if let objective = point.objective { previous = objective }
        }
        return table
    }

    func notes() -> [String] {
        [
            pick("目标值按情景的目标函数计算（各项目效益得分乘以补助比例之和，加上园区命名价值，减去未达标软目标的罚分）。",
                "The objective is the scenario's: the projects' benefit scores times their funded shares, plus the value of naming parks, less the penalties of soft targets missed."),
            pick("目标值增量与每万元边际收益均相对于上一个有方案的测算点；边际收益 = 目标值增量 ÷ 预算增量。",
                "Δ objective and the marginal value are taken against the previous point with a plan; marginal value = Δ objective ÷ Δ budget."),
            pick("金额单位为万元。", "Money is in 万元."),
        ]
    }
}
