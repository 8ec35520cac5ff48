public import GreenAllocWhatIf
internal import GreenAllocCore

/// target.md (and what `greenalloc target` prints): the answer first — the least budget found, how sure it
/// is (exact to the tolerance, or between two bounds, both given), the number of solves — then the budget by
/// year and the plan at that budget. Money in 万元 rounded to 0.01; one language per document.
extension WhatIfTargetOutput {
    public static func markdown(_ search: TargetSearchResult, language: ReportLanguage = .zh) -> String {
        let zh = language == .zh
        func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }
        let fund = fundLabel(search, language: language)
        let target = language.text(search.target, search.englishText)
        var text = pick("# 达成目标「\(target)」所需预算\n\n", "# Budget needed for target “\(target)”\n\n")
        guard search.met, let scale = search.scale, let budget = search.budget else {
            text += pick("**结论：资金\(fund)的预算无论放大多少，都无法达成该目标。**\n\n",
                "**Answer: no budget of fund \(fund) meets the target.**\n\n")
            return text + unmet(search, language: language)
        }
        let base = baseTotal(search)
        let needed = budget.values.reduce(0, +)
        let lower = search.lowerScale ?? scale
        let money = MoneyFormat.display
        let delta = needed - base
        text += pick(
            "**结论：资金\(fund)的预算需为现有的 ×\(factor(scale))，即规划期合计 \(money(needed)) 万元（\(delta >= 0 ? "增加" : "减少") \(money(abs(delta))) 万元），方可达成该目标。**\n\n",
            "**Answer: fund \(fund) needs ×\(factor(scale)) of its budget, \(money(needed))万 over the horizon (\(delta >= 0 ? "+" : "−")\(money(abs(delta)))万), to meet the target.**\n\n")
        let percent = MoneyFormat.percent(search.tolerance, places: 2)
        switch certainty(search) {
        case .exact:
            text += pick(
                "- 确定性：精确（误差不超过 \(percent)）：×\(factor(scale)) 可以达成；低于 ×\(factor(lower))（\(money(lower * base)) 万元）已证明无法达成。\n",
                "- Certainty: exact to \(percent): ×\(factor(scale)) meets it; below ×\(factor(lower)) (\(money(lower * base))万) is proved not to.\n")
        case .bounded:
            text += pick(
                "- 确定性：所需比例介于 ×\(factor(lower)) 与 ×\(factor(scale)) 之间（\(money(lower * base))～\(money(needed)) 万元）：上界已找到可行方案，下界以下已证明无法达成；部分求解在时限内未完成，未能进一步缩小。\n",
                "- Certainty: between ×\(factor(lower)) and ×\(factor(scale)) (\(money(lower * base))万 to \(money(needed))万): the upper end has a plan, below the lower end is proved impossible; some solves stopped on the time limit.\n")
        }
        text += pick("- 求解次数：\(search.solves)\n\n", "- Solves: \(search.solves)\n\n")
        var table = MarkdownTable(
            header: [pick("年度", "Year"), pick("现有预算（万元）", "Budget today (万元)"), pick("所需预算（万元）", "Budget needed (万元)")],
            numeric: [1, 2])
        for year in budget.keys.sorted() {
            table.add([zh ? "\(year)年" : String(year), money(search.baseBudget[year] ?? 0), money(budget[year] ?? 0)])
        }
        table.add([pick("合计", "Total"), money(base), money(needed)])
        text += table.render()
        if let allocation = search.allocation { text += plan(allocation, language: language) }
        return text
    }

    /// The plan at the budget found: status, objective, projects, subsidy, parks, each target.
    static func plan(_ allocation: Allocation, language: ReportLanguage) -> String {
        func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }
        let funded = allocation.projects.filter(\.funded)
        let subsidy = MoneyFormat.display(funded.reduce(0) { $0 + $1.subsidyTotal })
        let objective = allocation.objective.map(MoneyFormat.display) ?? "—"
        let status = StatusWords.text(allocation.status, language: language)
        var text = pick(
            "\n## 该预算下的方案（目标作为硬约束）\n\n求解状态：\(status)；目标值 \(objective) 分；获补项目 \(funded.count) 个，补助合计 \(subsidy) 万元",
            "\n## The plan at that budget (the target hard)\n\nStatus: \(status); objective \(objective) points; \(funded.count) projects funded, subsidy \(subsidy)万")
        text += allocation.parks.isEmpty ? pick("。\n\n", ".\n\n")
            : pick("；新命名园区 \(allocation.parks.count) 个。\n\n", "; \(allocation.parks.count) parks newly named.\n\n")
        for target in allocation.targets {
            let name = allocation.localized(target.name, in: language)
            text += pick(
                "- 目标「\(name)」：\(figure(target.value))，要求 \(figure(target.min))，\(target.met ? "已达成" : "未达成")\n",
                "- Target “\(name)”: \(figure(target.value)) against \(figure(target.min)), \(target.met ? "met" : "not met")\n")
        }
        return text
    }

    /// No budget suffices: the reasons and the rules in conflict, in the document's language.
    static func unmet(_ search: TargetSearchResult, language: ReportLanguage) -> String {
        var text = ""
        let unlimited = MoneyFormat.plain(search.unlimitedScale)
        var reasons = [
            search.provedUnreachable
                ? language.pick("预算放大到 ×\(unlimited)（该资金的全部申请均可容纳）仍无法达成目标",
                    "the target cannot be met even with unlimited budget (×\(unlimited): every request of the fund fits)")
                : language.pick("预算放大到 ×\(unlimited) 时，在时限内未找到达成目标的方案",
                    "no plan meeting the target was found within the time limit even at ×\(unlimited) of the budget")
        ]
        reasons += search.unbudgetedYears.map { year, request in
            language.pick("资金在\(year)年没有预算（放大预算无法增加），而其项目在该年申请 \(MoneyFormat.display(request)) 万元",
                "the fund has no budget in \(year) (scaling cannot add any), while its projects request \(MoneyFormat.display(request))万 there")
        }
        var findings = FindingText(language: language, fundNames: [:])
        findings.englishText = search.englishText
        reasons += search.blockingFindings.map(findings.message)
        for reason in reasons { text += "- \(reason)\n" }
        if let diagnosis = search.diagnosis {
            text += language.pick(
                "\n预算放大到 ×\(MoneyFormat.plain(search.unlimitedScale)) 时与目标冲突的规则：\n\n",
                "\nRules in conflict with the target at ×\(MoneyFormat.plain(search.unlimitedScale)) of the budget:\n\n")
            var rules = ConflictRuleText(language: language)
            rules.englishText = search.englishText
            for rule in diagnosis.conflict { text += "- \(rules.name(rule))\n" }
            var sentences = DiagnosisText(language: language, fundNames: [:])
            sentences.englishText = search.englishText
            for line in sentences.sentences(diagnosis) where !reasons.contains(line) { text += "- \(line)\n" }
        }
        text += language.pick("\n求解次数：\(search.solves)\n", "\nSolves: \(search.solves)\n")
        return text
    }

    /// A scale with 4 decimals (×1.0523).
    static func factor(_ scale: Double) -> String { MoneyFormat.fixed(scale, places: 4) }

    /// A target's value with at most 2 decimals and separators.
    static func figure(_ value: Double) -> String { MoneyFormat.spelled(value, places: 2, grouping: true, trimmingZeros: true) }

    /// The fund as the reader sees it: 「名称」（id）. Scenario-given names pass through here only.
    private static func fundLabel(_ search: TargetSearchResult, language: ReportLanguage) -> String {
        let name = language.text(search.fundName, search.englishText)
        return language.pick("「\(name)」（\(search.fundID)）", "“\(name)” (\(search.fundID))")
    }
}
