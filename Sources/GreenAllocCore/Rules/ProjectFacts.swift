/// What the rules say about one project before any decision (scenario-format §5, §2.3, §3.2, §4.1).
public struct ProjectFacts: Sendable {
    public var excludedBy: [ExclusionHit] = []
    /// False when the project fails its fund's `eligible` rule.
    public var eligible = true
    /// u = min(1, per_project / total request, share_of_investment × investment / total request).
    public var cap = 1.0
    /// The least share worth funding, min_share × u (scenario-format §6: θ ∈ {0} ∪ [min_share·u, u]).
    public var leastShare: Double { minShare * cap }
    /// The project's `min_share` (1 when absent).
    public var minShare = 1.0
    /// Which cap set u (for messages): "per_project", "share_of_investment" or "".
    public var capLimitedBy = ""
    /// The first `why` that applies before solving (nil: fundable, decided by the optimizer).
    public var blocked: WhyCode?
    /// A required project that cannot be funded (for `requires_unfundable`).
    public var blockingRequirement: Int?
    public var score = 0.0
    public var bonuses: [(name: String, factor: Double)] = []

    public var fundable: Bool { blocked == nil }
    /// True when the model gives the project decision columns: it is fundable, or only a `requires` rule keeps
    /// it out (a rule, stated as rows z_p ≤ z_q that a diagnosis may drop, not a fact).
    public var hasDecisionColumns: Bool { blocked == nil || blocked == .requiresUnfundable }
}

extension ProjectFacts {
    /// Applies the rules in their fixed order: exclusions, lock-out, loan-only, fund eligibility, no request in
    /// the horizon, caps (u = 0), then `requires` to a fixed point (a project needing an unfundable one is
    /// `requiresUnfundable`; that names its `why`, while the model keeps it as a rule: see
    /// `hasDecisionColumns`). A project asking more than its caps allow is fundable up to u (scenario-format §6).
    public static func analyze(scenario: Scenario, library: Library, rules: RuleSet) -> [ProjectFacts] {
        var facts: [ProjectFacts] = []
        facts.reserveCapacity(library.projectRecords.count)
        for (index, record) in library.projectRecords.enumerated() {
            let row = ProjectRow(library: library, project: index, asOf: scenario.asOf)
            var fact = ProjectFacts()
            fact.minShare = record.minShare
            for (rule, spec) in zip(rules.exclusions, scenario.exclude) where rule.holds(row) {
                fact.excludedBy.append(ExclusionHit(rule: spec.name, reason: spec.reason))
            }
            if let fund = record.fund, let eligible = rules.fundEligible[fund] {
                fact.eligible = eligible.holds(row)
            }
            if let fund = record.fund {
                let spec = scenario.funds[fund]
                let total = record.totalRequest
                if total > 0 {
                    if let perProject = spec.perProject, perProject / total < fact.cap {
                        fact.cap = perProject / total
                        fact.capLimitedBy = "per_project"
                    }
                    if let share = spec.shareOfInvestment, share * record.investment / total < fact.cap {
                        fact.cap = share * record.investment / total
                        fact.capLimitedBy = "share_of_investment"
                    }
                }
            }
            var score = 0.0
            for (column, weight) in scenario.objective.weights {
                score += weight * (library.projects.value(column, row: index).number ?? 0)
            }
            for (rule, spec) in zip(rules.bonuses, scenario.objective.bonuses) where rule.holds(row) {
                score *= spec.factor
                fact.bonuses.append((spec.name, spec.factor))
            }
            fact.score = score
            if !fact.excludedBy.isEmpty {
                fact.blocked = .excluded
            } else if record.lock == .lockedOut {
                fact.blocked = .lockedOut
            } else if record.fund == nil {
                fact.blocked = .loanOnly
            } else if !fact.eligible {
                fact.blocked = .ineligible
            } else if record.totalRequest <= 0 {
                fact.blocked = .outsideHorizon
            } else if fact.cap <= 1e-12 {
                fact.blocked = .minShareImpossible
            }
            facts.append(fact)
        }
        var changed = true
        while changed {
            changed = false
            for (index, record) in library.projectRecords.enumerated() where facts[index].fundable {
                if let blocker = record.requires.first(where: { !facts[$0].fundable }) {
                    facts[index].blocked = .requiresUnfundable
                    facts[index].blockingRequirement = blocker
                    changed = true
                }
            }
        }
        return facts
    }
}
