public import GreenAllocCore

/// One project's explanation (scenario-format §13 `greenalloc explain`).
public struct ExplainCard: Sendable {
    public var id: String
    public var funded: Bool
    public var why: WhyCode
    /// False when `forcedIn` / `counterfactualBudget` are estimates (the full listing).
    public var exact: Bool
    public var excludedBy: [ExclusionHit]
    /// Rules whose rows touch the project's columns and are binding at today's optimum (`not_chosen` only).
    public var binding: [ConflictRule]
    /// nil when no feasible plan funds the project.
    public var forcedIn: ForcedIn?
    /// nil when no amount funds it without losing today's objective (and for minimize scenarios).
    public var counterfactualBudget: CounterfactualBudget?
    /// Funded projects: the budget cut (estimate) at which the project would drop out.
    public var safety: Safety?
    /// The project's requests over the horizon (万元).
    public var request = 0.0
    /// Not-chosen projects of the full listing: cheap bounds on the top-up (see `annotatingTopUps`).
    public var topUp: TopUp?

    public init(
        id: String, funded: Bool, why: WhyCode, exact: Bool, excludedBy: [ExclusionHit], binding: [ConflictRule] = [],
        forcedIn: ForcedIn? = nil, counterfactualBudget: CounterfactualBudget? = nil, safety: Safety? = nil
    ) {
        self.id = id
        self.funded = funded
        self.why = why
        self.exact = exact
        self.excludedBy = excludedBy
        self.binding = binding
        self.forcedIn = forcedIn
        self.counterfactualBudget = counterfactualBudget
        self.safety = safety
    }
}

/// What funding a project costs: the objective given up and the projects it pushes out.
public struct ForcedIn: Sendable, Hashable {
    public var objectiveLoss: Double
    public var displaced: [String]
    public init(objectiveLoss: Double, displaced: [String]) {
        self.objectiveLoss = objectiveLoss
        self.displaced = displaced
    }
}

/// The extra money (万元, spread over the years by the project's request profile) that funds the project
/// without giving up today's objective.
public struct CounterfactualBudget: Sendable, Hashable {
    public var fund: String
    public var add: Double
    public init(fund: String, add: Double) {
        self.fund = fund
        self.add = add
    }
}

/// A funded project's margin: it stays funded (estimate) while the fund's budget is cut by less than `cut`
/// 万元, spread over the years by the project's request profile. Always an estimate (see `Explainer`).
public struct Safety: Sendable, Hashable {
    public var fund: String
    public var cut: Double
    public init(fund: String, cut: Double) {
        self.fund = fund
        self.cut = cut
    }
}

/// The result of `greenalloc explain`.
public struct Explanation: Sendable {
    public var format = "greenalloc.explain/1"
    public var scenario: String
    public var status: AllocationStatus
    public var objective: Double?
    public var projects: [ExplainCard]
    public init(scenario: String, status: AllocationStatus, objective: Double?, projects: [ExplainCard]) {
        self.scenario = scenario
        self.status = status
        self.objective = objective
        self.projects = projects
    }
}

public enum ExplainError: Error, Sendable, CustomStringConvertible {
    case unknownProject(String)
    public var description: String {
        switch self {
        case .unknownProject(let id): "no project with id \(id) in the library"
        }
    }
}
