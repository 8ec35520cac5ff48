/// Why a bank's waitlisted project was not lent to by that bank (scenario-format §11), decided at the solution by
/// checking what adding the project to the bank would violate, in this order.
public enum LoanWaitReason: Sendable, Hashable {
    /// The project got its loan from another bank. Which one is the province's view (`LoanOutcome.loans`); a
    /// bank's own list never names another bank, so the reason does not carry it.
    case assignedToOtherBank
    /// The bank's remaining capacity is below the project's loan_need.
    case capacityReached
    /// The interest-subsidy (贴息) budget left is below the project's cost.
    case interestSubsidyExhausted
    /// A `loan` limit (scenario-format §7) would be exceeded.
    case loanLimit(rule: String)
    /// Nothing would be violated: the chosen set has a higher loan score (or volume) in total.
    case outscored

    /// Machine-readable code (bank files' `reason_code`, `rank --format json`).
    public var code: String {
        switch self {
        case .assignedToOtherBank: "assigned_to_other_bank"
        case .capacityReached: "capacity_reached"
        case .interestSubsidyExhausted: "interest_subsidy_exhausted"
        case .loanLimit: "loan_limit"
        case .outscored: "outscored"
        }
    }
}

/// Why no bank can take a loan-eligible project at all.
public enum LoanUnplaceableReason: Sendable, Hashable {
    /// No bank serves the project's city.
    case noBankServesCity
    /// Every bank serving the city requires a higher finance tier than the project's.
    case belowEveryMinTier
    /// Every bank serving the city at the project's tier caps one project below its loan_need (the largest cap).
    case aboveEveryMaxPerProject(largest: Double)

    public var code: String {
        switch self {
        case .noBankServesCity: "no_bank_serves_city"
        case .belowEveryMinTier: "below_every_min_tier"
        case .aboveEveryMaxPerProject: "above_every_max_per_project"
        }
    }
}

/// A loan-eligible project (scenario-format §11) with what the bank lists show about it.
public struct LoanCandidate: Sendable, Hashable {
    public var project: String
    public var loanNeed: Double
    public var tier: FinanceTier
    public var loanScore: Double
    /// Names of the loan bonuses whose `when` holds, in scenario order.
    public var bonuses: [String]
    /// Bank ids that can take it (city served, max_per_project, min_tier), in banks.csv order.
    public var banks: [String]
    public var interestCost: Double

    public init(project: String, loanNeed: Double, tier: FinanceTier, loanScore: Double, bonuses: [String], banks: [String], interestCost: Double) {
        self.project = project
        self.loanNeed = loanNeed
        self.tier = tier
        self.loanScore = loanScore
        self.bonuses = bonuses
        self.banks = banks
        self.interestCost = interestCost
    }
}

public struct LoanWaitlistEntry: Sendable, Hashable {
    public var project: String
    public var reason: LoanWaitReason
    public init(project: String, reason: LoanWaitReason) {
        self.project = project
        self.reason = reason
    }
}

/// One bank's ranked list: assigned projects by loan_score descending then id, then its waitlist in the same order.
public struct BankList: Sendable, Hashable {
    public var id: String
    public var name: String
    public var capacity: Double
    public var lent: Double
    /// Assigned project ids, rank 1 first.
    public var assigned: [String]
    public var waitlist: [LoanWaitlistEntry]
    public init(id: String, name: String, capacity: Double, lent: Double, assigned: [String], waitlist: [LoanWaitlistEntry]) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.lent = lent
        self.assigned = assigned
        self.waitlist = waitlist
    }
}

public struct LoanUnplaceable: Sendable, Hashable {
    public var project: String
    public var reason: LoanUnplaceableReason
    public init(project: String, reason: LoanUnplaceableReason) {
        self.project = project
        self.reason = reason
    }
}

/// Everything the loan stage decided beyond `LoanOutcome.loans`: the banks' lists and the unplaceable projects.
public struct LoanDetails: Sendable {
    public var name: String
    /// Loan-eligible projects by loan_score descending, then id.
    public var candidates: [LoanCandidate]
    public var banks: [BankList]
    /// Loan-eligible projects no bank can take, by id.
    public var unplaceable: [LoanUnplaceable]
    public var interestBudget: Double?
    public var interestUsed: Double
    /// Σ loan_need of assigned projects.
    public var volume: Double
    /// The budget-consistent view (`--nested K`), when asked for.
    public var nested: LoanNestedView? = nil
    /// Each loan's terms and 贴息 per year, when loan terms are in use (scenario-format §15.5).
    public var terms: LoanTermsDetails? = nil

    public init(
        name: String, candidates: [LoanCandidate], banks: [BankList], unplaceable: [LoanUnplaceable],
        interestBudget: Double?, interestUsed: Double, volume: Double
    ) {
        self.name = name
        self.candidates = candidates
        self.banks = banks
        self.unplaceable = unplaceable
        self.interestBudget = interestBudget
        self.interestUsed = interestUsed
        self.volume = volume
    }

    public func candidate(_ project: String) -> LoanCandidate? { candidates.first { $0.project == project } }
    public func bank(_ id: String) -> BankList? { banks.first { $0.id == id } }
}

/// The loan stage solved at K increasing shares of every bank's capacity (k/K, k = 1…K), each step with the
/// picks of the step before fixed: which projects a bank finances whatever its capacity turns out to be.
public struct LoanNestedView: Sendable, Hashable {
    /// K.
    public var steps: Int
    /// Per step (1…K): how its solve ended (`infeasible` when a `loan` floor is out of reach at that share).
    public var statuses: [AllocationStatus]
    /// Per step: project id → bank id of every pick so far (earlier steps' picks included).
    public var picks: [[String: String]]
    /// Solver calls over all steps.
    public var solves: Int

    public init(steps: Int, statuses: [AllocationStatus], picks: [[String: String]], solves: Int) {
        self.steps = steps
        self.statuses = statuses
        self.picks = picks
        self.solves = solves
    }

    /// The first step (1…K) at which `project` is picked with `bank`; nil when it never is.
    public func firstStep(project: String, bank: String) -> Int? {
        picks.firstIndex { $0[project] == bank }.map { $0 + 1 }
    }
}
