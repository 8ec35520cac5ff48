internal import MILP

/// Turns a checked scenario into an integer program (scenario-format §6, §4). Facts per project come first (exclusions,
/// lock-out, loan-only, eligibility, no request in the horizon, caps u; the `requires` closure only names
/// `why`), then the rule bridges of `Bridges/` apply in this fixed order, each adding its columns and rows
/// through one `ModelBuilder` that records every row's origin, and naming them after the rule, group and year
/// that made them:
///
/// 1. decision columns z_p, θ_p (`DecisionColumnBridge`);
/// 2. share links θ_p ≤ u_p·z_p, θ_p ≥ min_share_p·u_p·z_p (`ShareLinkBridge`), then deferral columns and rows
///    (`DeferralBridge`, scenario-format §15.4);
/// 3. `requires`: z_p ≤ z_q, or z_p ≤ 0 when q has no columns (`RequiresBridge`);
/// 4. exclusive groups: Σ z ≤ 1 (`ExclusiveGroupBridge`);
/// 5. naming candidates' columns n_k, before the budgets that the naming fund's rows read (`NamingColumnBridge`);
/// 6. fund budgets per year (`BudgetBridge`);
/// 7. naming links n_k ≤ θ_q / u_q (`NamingLinkBridge`; `DeferredNamingLinkBridge` for parks whose naming
///    year follows deferred prerequisites, scenario-format §15.4);
/// 8. limits in file order (`LimitBridge`; the loan stage uses it for `loan` limits);
/// 9. targets: value (+ shortfall) ≥ min (`TargetBridge`);
/// 10. objective on projects (`ObjectiveBridge`);
/// 11. factor envelopes, only with `factors` (`EnvelopeBridge`, scenario-format §15.1).
public struct Compiler {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet

    public init(scenario: Scenario, library: Library, rules: RuleSet) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
    }

    public func compile() -> CompiledModel {
        let facts = ProjectFacts.analyze(scenario: scenario, library: library, rules: rules)
        var draft = ModelDraft(scenario: scenario, facts: facts)
        for bridge in bridges { bridge.add(to: &draft) }
        var compiled = CompiledModel(
            builder: draft.builder, decisions: draft.decisions, naming: draft.naming,
            shortfallColumn: draft.shortfallColumn)
        compiled.findings = Presolve(scenario: scenario, library: library, compiled: compiled).findings()
        return compiled
    }

    /// The rule bridges in the order of the type's comment.
    var bridges: [any RuleBridge] {
        [
            DecisionColumnBridge(compiler: self), ShareLinkBridge(compiler: self), DeferralBridge(compiler: self),
            RequiresBridge(compiler: self),
            ExclusiveGroupBridge(compiler: self), NamingColumnBridge(compiler: self), BudgetBridge(compiler: self),
            NamingLinkBridge(compiler: self), DeferredNamingLinkBridge(compiler: self), LimitBridge(compiler: self),
            TargetBridge(compiler: self), ObjectiveBridge(compiler: self), EnvelopeBridge(compiler: self),
        ]
    }

    /// Adds up repeated columns (GLPK refuses duplicate entries), keeping first-appearance order.
    static func combine(_ terms: [Term]) -> [Term] {
        var position: [Int: Int] = [:]
        var result: [Term] = []
        for term in terms {
            if let existing = position[term.column] {
                result[existing].coefficient += term.coefficient
            } else {
                position[term.column] = result.count
                result.append(term)
            }
        }
        return result.filter { $0.coefficient != 0 }
    }

    /// A name GLPK and LP files accept: the text itself when it is a valid name of at most 64 bytes, else
    /// prefix + index.
    static func safeName(_ text: String, index: Int, prefix: String = "i") -> String {
        Model.safeName(text, maximumLength: 64, fallback: "\(prefix)\(index)")
    }
}

/// The subsidy model while the rule bridges add to it.
struct ModelDraft {
    var builder: ModelBuilder<RowOrigin>
    var decisions: DecisionColumns
    var naming: [NamingCandidate] = []
    /// Per target: its shortfall column (soft targets only).
    var shortfallColumn: [Int?]

    init(scenario: Scenario, facts: [ProjectFacts]) {
        builder = ModelBuilder(
            model: Model(name: "greenalloc", sense: scenario.objective.sense == .maximizeBenefit ? .maximize : .minimize))
        decisions = DecisionColumns(
            funded: Array(repeating: nil, count: facts.count), share: Array(repeating: nil, count: facts.count),
            facts: facts)
        shortfallColumn = Array(repeating: nil, count: scenario.targets.count)
    }

    /// Terms of θ_p × coefficient.
    func shareTerms(_ project: Int, _ coefficient: Double) -> [Term] { decisions.shareTerms(project, coefficient) }
}

/// One rule family of the subsidy model: adds its columns and rows to the draft, every row with its origin.
protocol RuleBridge {
    var compiler: Compiler { get }
    func add(to draft: inout ModelDraft)
}

extension RuleBridge {
    var scenario: Scenario { compiler.scenario }
    var library: Library { compiler.library }
    var projects: [ProjectRecord] { compiler.library.projectRecords }

    /// A project's name in row and column names.
    func projectName(_ index: Int) -> String { Compiler.safeName(projects[index].id, index: index) }
}
