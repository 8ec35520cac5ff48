internal import GreenAllocCore
public import GreenAllocExplain

/// `greenalloc explain --format json` (SPEC §7 `greenalloc.explain/1`): the SPEC's keys in the SPEC's order.
/// Extra card key: `safety` (`{"fund", "cut"}` in 万元, funded projects only, an estimate; null otherwise).
/// `objective_loss` is written at full precision; `add` and `cut` are money (4 decimals).
public enum ExplainJSON {
    public static func render(_ explanation: Explanation) -> String {
        JSONWriter.render(value(explanation))
    }

    public static func value(_ explanation: Explanation) -> JSONValue {
        .object([
            ("format", .string(explanation.format)),
            ("scenario", .string(explanation.scenario)),
            ("objective", .double(explanation.objective)),
            ("projects", .array(explanation.projects.map(card))),
        ])
    }

    static func card(_ card: ExplainCard) -> JSONValue {
        .object([
            ("id", .string(card.id)),
            ("funded", .bool(card.funded)),
            ("why", .string(card.why.rawValue)),
            ("exact", .bool(card.exact)),
            ("excluded_by", .array(card.excludedBy.map { .object([("rule", .string($0.rule)), ("reason", .string($0.reason))]) })),
            ("binding", .array(card.binding.map { .object(AllocationJSON.ruleMembers($0)) })),
            ("forced_in", card.forcedIn.map { .object([
                ("objective_loss", .double($0.objectiveLoss)),
                ("displaced", .array($0.displaced.map { .string($0) })),
            ]) } ?? .null),
            ("counterfactual_budget", card.counterfactualBudget.map { .object([("fund", .string($0.fund)), ("add", .money($0.add))]) } ?? .null),
            ("safety", card.safety.map { .object([("fund", .string($0.fund)), ("cut", .money($0.cut))]) } ?? .null),
        ])
    }
}

/// `greenalloc explain --format md`: one short paragraph per card, in the report's language (scenario-given
/// names and reasons by their English text, `englishText`, in English).
public enum ExplainMarkdown {
    public static func render(_ explanation: Explanation, language: ReportLanguage = .zh, englishText: [String: String] = [:]) -> String {
        let rules = ConflictRuleText(language: language, fundNames: [:], englishText: englishText)
        let text = { (zh: String) in language.text(zh, englishText) }
        let zh = language == .zh
        var lines = [zh ? "# 项目说明：\(explanation.scenario)" : "# Project explanations: \(text(explanation.scenario))", ""]
        if let objective = explanation.objective {
            lines.append((zh ? "最优目标值：" : "Optimal objective: ") + formatNumber(objective))
            lines.append("")
        }
        for card in explanation.projects {
            lines.append("## \(card.id)" + (card.exact ? "" : (zh ? "（估算）" : " (estimate)")))
            lines.append("")
            lines.append((zh ? "- 结果：" : "- Outcome: ") + card.why.rawValue)
            for hit in card.excludedBy { lines.append((zh ? "- 排除规则：" : "- Excluded by: ") + "\(text(hit.rule)) — \(text(hit.reason))") }
            if !card.binding.isEmpty {
                lines.append((zh ? "- 起约束作用的规则：" : "- Binding rules: ") + card.binding.map { rules.name($0) }.joined(separator: zh ? "；" : "; "))
            }
            if card.why == .notChosen {
                if let forced = card.forcedIn {
                    let displaced = forced.displaced.isEmpty ? (zh ? "无" : "none") : forced.displaced.joined(separator: ", ")
                    lines.append(zh
                        ? "- 若强制补助：目标值减少 \(formatNumber(forced.objectiveLoss))，挤出项目：\(displaced)"
                        : "- If forced in: the objective drops by \(formatNumber(forced.objectiveLoss)); displaced: \(displaced)")
                } else {
                    lines.append(zh ? "- 没有可行方案能补助该项目" : "- No feasible plan funds this project")
                }
                if let budget = card.counterfactualBudget {
                    lines.append(zh
                        ? "- 资金「\(budget.fund)」追加 \(MoneyFormat.display(budget.add)) 万元即可补助该项目且不降低目标值"
                        : "- Adding \(MoneyFormat.display(budget.add))万 to fund \(budget.fund) funds it without lowering the objective")
                }
            }
            if let safety = card.safety {
                lines.append(zh
                    ? "- 安全边际（估算）：资金「\(safety.fund)」削减不超过 \(MoneyFormat.display(safety.cut)) 万元时仍获补助"
                    : "- Safety (estimate): stays funded while fund \(safety.fund) is cut by less than \(MoneyFormat.display(safety.cut))万")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
