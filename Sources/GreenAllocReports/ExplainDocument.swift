public import GreenAllocExplain
internal import GreenAllocCore

/// explain.md / explain.html (`greenalloc explain`, and `--out DIR`): one card per project for a reader —
/// the project named beside its id, its city, fund and request, the outcome in a sentence, the rules that
/// bind it, what funding it would cost (score given up, projects displaced, named) and the top-up that would
/// fund it, exact or bounded and saying which. Money in 万元 rounded to 0.01, the objective in 分 (points of
/// the scenario's score). One language per document.
public enum ExplainMarkdown {
    public static func render(_ explanation: Explanation, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) -> String {
        document(explanation, names: names, language: language).markdown()
    }

    static func document(_ explanation: Explanation, names: ProjectNames, language: ReportLanguage) -> ReportDocument {
        var writer = ExplainCardWriter(names: names, language: language)
        writer.title(explanation)
        for card in explanation.projects { writer.card(card) }
        return writer.document
    }
}

/// explain.html: the cards of `ExplainMarkdown` as one self-contained page (the report's style, no charts).
public enum ExplainHTML {
    public static func render(_ explanation: Explanation, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) -> String {
        var writer = HTMLWriter(charts: nil)
        writer.page(
            ExplainMarkdown.document(explanation, names: names, language: language),
            title: language.text(explanation.scenario, names.englishText) + language.pick("：项目说明", ": project explanations"), language: language)
        return writer.html
    }
}

/// Writes the cards as `ReportDocument` blocks.
struct ExplainCardWriter {
    let names: ProjectNames
    let language: ReportLanguage
    let rules: ConflictRuleText
    let topUps: TopUpText
    var document = ReportDocument()

    init(names: ProjectNames, language: ReportLanguage) {
        self.names = names
        self.language = language
        var rules = ConflictRuleText(language: language, fundNames: names.fundNames)
        rules.englishText = names.englishText
        self.rules = rules
        topUps = TopUpText(language: language)
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    /// Points of the scenario's score, 2 decimals.
    func points(_ value: Double) -> String { MoneyFormat.display(value) + pick(" 分", " points") }

    func project(_ id: String) -> String { names.list([id], language: language) }

    /// A scenario-given name or reason in the document's language.
    func text(_ name: String) -> String { language.text(name, names.englishText) }

    func fund(_ id: String) -> String { names.fundNames[id].map { $0.isEmpty ? id : $0 } ?? id }

    mutating func line(_ text: String) { document.blocks.append(.line(text)) }

    mutating func title(_ explanation: Explanation) {
        document.blocks.append(.title(pick("项目说明：", "Project explanations: ") + text(explanation.scenario)))
        if let objective = explanation.objective {
            line(pick("当前方案的目标值（综合得分）：", "Objective of today's plan (score): ") + points(objective))
        }
        let estimates = explanation.projects.contains { !$0.exact && $0.why == .notChosen }
        if estimates {
            line(pick(
                "标注“估算”的卡片为快速估算；用 --project 编号 可对单个项目精确计算。",
                "Cards marked “estimate” are quick estimates; --project ID computes one card exactly."))
        }
    }

    mutating func card(_ card: ExplainCard) {
        let estimate = !card.exact && card.why == .notChosen
        document.blocks.append(.heading(project(card.id) + (estimate ? pick("（估算）", " (estimate)") : "")))
        var facts: [String] = []
        if let city = names.cities[card.id] { facts.append(pick("城市：", "City: ") + city) }
        if let fund = card.counterfactualBudget?.fund ?? card.safety?.fund ?? card.topUp?.fund {
            facts.append(pick("资金：", "Fund: ") + WorkbookCells.labeled(names.fundNames[fund], fund, language: language))
        }
        facts.append(pick("规划期申请补助 ", "Requested over the horizon: ") + MoneyFormat.display(card.request) + pick(" 万元", "万"))
        line("- " + facts.joined(separator: pick("；", "; ")))
        line(pick("- 结果：", "- Outcome: ") + outcome(card))
        for hit in card.excludedBy { line(pick("- 排除规则：", "- Excluded by: ") + "\(text(hit.rule)) — \(text(hit.reason))") }
        if !card.binding.isEmpty {
            line(pick("- 起约束作用的规则：", "- Rules that bind it: ") + card.binding.map { rules.name($0) }.joined(separator: pick("；", "; ")))
        }
        if card.why == .notChosen { costs(card) }
        if let safety = card.safety {
            line(pick(
                "- 安全边际（估算）：资金「\(fund(safety.fund))」预算削减不超过 \(MoneyFormat.display(safety.cut)) 万元时仍获支持。",
                "- Margin (estimate): stays funded while fund “\(fund(safety.fund))” is cut by less than \(MoneyFormat.display(safety.cut))万."))
        }
    }

    /// What funding a not-chosen project costs, and the top-up that would fund it.
    mutating func costs(_ card: ExplainCard) {
        if let forced = card.forcedIn {
            let displaced = forced.displaced.isEmpty
                ? pick("无需挤出其他项目", "no other project has to go")
                : pick("需挤出 \(forced.displaced.count) 个项目：", "\(forced.displaced.count) displaced: ")
                    + names.list(forced.displaced, language: language)
            line(pick("- 若强制支持：目标值减少 ", "- If funded anyway: the objective drops by ") + points(forced.objectiveLoss)
                + pick("，", "; ") + displaced + pick("。", "."))
        } else {
            line(pick("- 在现有预算下，没有任何可行方案能支持该项目。", "- No feasible plan funds it at today's budget."))
        }
        if let topUp = card.topUp, let sentence = topUps.sentence(topUp, fundName: fund(topUp.fund)) {
            line("- " + sentence)
        }
        guard let budget = card.counterfactualBudget else { return }
        let amount = MoneyFormat.display(budget.add)
        if card.exact {
            let exact = TopUp(fund: budget.fund, lower: budget.add, upper: budget.add)
            line("- " + (topUps.sentence(exact, fundName: fund(budget.fund)) ?? ""))
        } else if card.topUp == nil || card.topUp?.exact == false {
            line(pick(
                "- 估算：资金「\(fund(budget.fund))」约需再增加 \(amount) 万元预算可获得支持（估算值，既非上界也非下界）。",
                "- Estimate: about \(amount)万 more in fund “\(fund(budget.fund))” would fund it (an estimate, neither bound)."))
        }
    }

    /// The outcome as a sentence.
    func outcome(_ card: ExplainCard) -> String {
        switch card.why {
        case .funded: pick("获得支持。", "Funded.")
        case .notChosen:
            card.binding.allSatisfy(\.isBudget) && !card.binding.isEmpty
                ? pick("未获支持：预算内有更优项目。", "Not funded: better projects use the budget.")
                : pick("未获支持：在预算与规则约束下有更优项目。", "Not funded: within the budgets and rules, other projects score higher.")
        case .excluded: pick("未获支持：被排除规则排除。", "Not funded: an exclusion rule removes it.")
        case .lockedOut: pick("未获支持：情景设定为不予支持。", "Not funded: the scenario locks it out.")
        case .loanOnly: pick("仅申请贷款，不参与补助分配。", "Asks for a loan only, not for a subsidy.")
        case .ineligible: pick("未获支持：不符合所属资金的申报条件。", "Not funded: not eligible for its fund.")
        case .outsideHorizon: pick("未获支持：规划期内没有补助申请。", "Not funded: no request inside the horizon.")
        case .minShareImpossible: pick("未获支持：补助上限为零，达不到最低补助比例。", "Not funded: its cap allows nothing.")
        case .requiresUnfundable: pick("未获支持：其依赖的项目无法获得补助。", "Not funded: a project it requires cannot be funded.")
        }
    }
}

extension ConflictRule {
    /// A fund's budget in a year.
    var isBudget: Bool {
        if case .budget = self { return true }
        return false
    }
}
