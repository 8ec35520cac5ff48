import GreenAllocCore

/// report.md: 分配依据 (basis of allocation): the objective, weights, bonuses, the value of a newly named park,
/// the funds' rules, limits, exclusions, targets and the tie rule, in plain words (rules by `RuleVerbalizer`).
extension ReportMarkdown.Report {
    /// Every name or reason the scenario gives (funds, bonuses, limits, exclusions, targets) as the reader sees it.
    func label(_ name: String) -> String { allocation.localized(name, in: language) }

    /// A section inside a chapter (`### …`), after an empty line.
    mutating func subsection(_ title: String) {
        if case .blank? = document.blocks.last {} else { blank() }
        document.blocks.append(.subheading(title))
    }

    /// A category in words: 土壤 / soil (no code).
    func categoryName(_ category: String) -> String { categoryText(category) }

    var verbalizer: RuleVerbalizer { RuleVerbalizer(language: language, asOf: allocation.basis?.asOf) }

    mutating func basis() {
        guard let basis = allocation.basis else { return }
        heading("分配依据", "Basis of allocation")
        objectiveBasis(basis)
        paragraph("- " + pick("**基准日**：", "**As-of date**: ") + basis.asOf.description
            + pick("（规则按此日判断园区状态与禁申期）", " (rules read park statuses and bars on this date)"))
        if basis.objective.sense == .maximizeBenefit {
            paragraph("- " + pick("**同分规则**：", "**Tie rule**: ") + (basis.tiebreak
                ? pick("效益得分相同的方案中，取项目补助总额最少者。", "among plans of the same score, the one with the least project subsidy.")
                : pick("本次未启用；得分相同的方案中任取其一。", "not applied in this run; any plan of the best score may be chosen.")))
        }
        blank()
        weightsBasis(basis)
        bonusesBasis(basis)
        fundsBasis(basis)
        limitsBasis(basis)
        exclusionsBasis(basis)
        targetsBasis(basis)
    }

    mutating func objectiveBasis(_ basis: AllocationBasis) {
        let objective = basis.objective
        guard objective.sense == .maximizeBenefit else {
            return paragraph("- " + pick("**目标**：在满足全部限制、锁定项目与硬目标的前提下，使项目补助总额最小（命名奖补不计入）。",
                "**Objective**: the least total project subsidy that meets every limit, locked project and hard target (naming awards not counted)."))
        }
        var line = pick("**目标**：在预算与各项规则约束下，使获补项目的效益得分之和最大。项目得分 = Σ（指标权重 × 指标值）× 所适用加分项的系数；部分补助的项目按补助比例计分",
            "**Objective**: within the budgets and rules, the largest sum of the funded projects' benefit scores. A project's score = Σ (weight × indicator value) × the factors of the bonuses that apply; a project funded in part scores in proportion to its share")
        if basis.targets.contains(where: { !$0.isHard }) {
            line += pick("；软目标每差一个单位扣减相应罚分", "; each unit a soft target falls short costs its penalty")
        }
        paragraph("- " + line + pick("。", "."))
        namingBasis(basis)
    }

    mutating func weightsBasis(_ basis: AllocationBasis) {
        guard basis.objective.sense == .maximizeBenefit, !basis.objective.weights.isEmpty else { return }
        subsection(pick("指标权重", "Weights"))
        let indicators = IndicatorText(language: language, allocation: allocation)
        var table = MarkdownTable(
            header: [pick("指标", "Indicator"), pick("单位", "Unit"), pick("权重", "Weight"), pick("含义", "Meaning")],
            numeric: [2])
        for (column, weight) in basis.objective.weights {
            let points = figure(weight)
            let unit = indicators.unit(column)
            let meaning = indicators.isTonnes(column)
                ? pick("每吨计 " + points + " 分", points + (weight == 1 ? " point a tonne" : " points a tonne"))
                : pick("每" + (unit.map { "单位（\($0)）" } ?? "单位") + "计 " + points + " 分",
                    points + (weight == 1 ? " point per " : " points per ") + (unit ?? "unit"))
            table.add([indicators.name(column), unit ?? "—", points, meaning])
        }
        add(table)
    }

    mutating func bonusesBasis(_ basis: AllocationBasis) {
        guard basis.objective.sense == .maximizeBenefit else { return }
        subsection(pick("加分项", "Bonuses"))
        guard !basis.objective.bonuses.isEmpty else { return paragraph(pick("无加分项。", "No bonuses.")) }
        var table = MarkdownTable(
            header: [pick("加分项", "Bonus"), pick("系数", "Factor"), pick("适用条件", "Applies when")], numeric: [1])
        for bonus in basis.objective.bonuses {
            table.add([label(bonus.name), "×" + figure(bonus.factor), verbalizer.sentence(bonus.when.source)])
        }
        add(table)
        blank()
        paragraph(pick("同时符合多项条件的项目，各项系数相乘。", "A project meeting several conditions gets the product of their factors."))
    }

    /// The value of a newly named park, and what it equals in each weighed indicator.
    mutating func namingBasis(_ basis: AllocationBasis) {
        let value = basis.objective.namingValue
        guard value > 0 else {
            return paragraph("- " + pick("**新命名园区**：不计分；仅在目标要求时命名园区。",
                "**Newly named park**: scores nothing; parks are named only where a target requires it."))
        }
        let indicators = IndicatorText(language: language, allocation: allocation)
        let equivalents = basis.objective.weights.filter { $0.weight > 0 }.map { column, weight in
            let amount = IndicatorText.amount(value / weight) + (indicators.unit(column).map { " " + $0 } ?? "")
            return pick(indicators.name(column) + " " + amount, amount + " of " + indicators.name(column))
        }
        var line = pick("**新命名园区**：每新命名一个生态工业园区计 ", "**Newly named park**: each newly named eco-industrial park scores ")
            + figure(value) + pick(" 分", " points")
        if !equivalents.isEmpty {
            line += pick("，相当于", ", as much as ") + equivalents.joined(separator: pick("，或", ", or ")) + pick("的得分（未计加分）", " (before bonuses)")
        }
        if !fundedProjects.isEmpty {
            line += pick("；本方案获补项目得分的中位数为 ", "; the funded projects' median score is ")
                + figure(Self.median(fundedProjects.map(\.score).sorted()), places: 1)
        }
        paragraph("- " + line + pick("。", "."))
    }

    mutating func fundsBasis(_ basis: AllocationBasis) {
        guard !basis.funds.isEmpty else { return }
        subsection(pick("资金规则", "Funds"))
        var table = MarkdownTable(
            header: [pick("资金", "Fund"), pick("类型", "Kind"), pick("申报条件", "Eligible when"),
                pick("单个项目补助上限", "Cap per project"), pick("补助占总投资比例上限", "Cap as share of investment"),
                pick("命名奖补", "Naming award")],
            numeric: [3, 4])
        let none = pick("不限", "none")
        for fund in basis.funds {
            if fund.kind == .namingAward {
                table.add([label(fund.name), pick("命名奖补", "naming award"), "—", "—", "—",
                    pick("每新命名一个园区 ", "") + money(fund.award ?? 0) + pick(" 万元", " 万元 per newly named park")])
                continue
            }
            table.add([label(fund.name), pick("项目补助", "project subsidy"),
                fund.eligible.map { verbalizer.sentence($0.source) } ?? pick("所有申报项目", "every project applying"),
                fund.perProject.map { money($0) + pick(" 万元", " 万元") } ?? none,
                fund.shareOfInvestment.map { MoneyFormat.percent($0) } ?? none, "—"])
        }
        add(table)
        blank()
        paragraph(pick("申请额超过上限的项目按上限补助；不符合申报条件的项目不予补助。",
            "A project asking more than its cap is funded at its cap; a project failing its fund's condition is not funded."))
    }

    mutating func exclusionsBasis(_ basis: AllocationBasis) {
        subsection(pick("排除规则", "Exclusions"))
        guard !basis.exclusions.isEmpty else { return paragraph(pick("无排除规则。", "No exclusion rules.")) }
        var table = MarkdownTable(header: [pick("规则", "Rule"), pick("条件", "When"), pick("原因", "Reason")])
        for rule in basis.exclusions {
            table.add([label(rule.name), verbalizer.sentence(rule.when.source), label(rule.reason)])
        }
        add(table)
        blank()
        paragraph(pick("符合任一排除条件的项目既不获补助，也不进入贷款名单。",
            "A project meeting any exclusion condition gets neither subsidy nor a loan."))
    }
}
