internal import GreenAllocCore
public import GreenAllocExplain

/// `greenalloc explain --format json` (scenario-format §13 `greenalloc.explain/1`): the format's keys in its order.
/// Extra card keys: `safety` (`{"fund", "cut"}` in 万元, funded projects only, an estimate; null otherwise),
/// `request` (the horizon's requests, 万元) and `top_up` (the full listing's not-chosen projects: bounds on
/// the raise that funds them, see `TopUp`; null otherwise).
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
            ("request", .money(card.request)),
            ("top_up", card.topUp.map(topUp) ?? .null),
        ])
    }

    /// `{"fund", "lower", "upper", "exact", "reachable"}` (万元; `lower` null when no raise helps).
    static func topUp(_ topUp: TopUp) -> JSONValue {
        .object([
            ("fund", .string(topUp.fund)),
            ("lower", .money(topUp.reachable ? topUp.lower : nil)),
            ("upper", .money(topUp.upper)),
            ("exact", .bool(topUp.exact)),
            ("reachable", .bool(topUp.reachable)),
        ])
    }
}
