/// A rule written as an expression string, with the place it was written (SPEC §2.1).
public struct RuleText: Sendable, Hashable {
    public var source: String
    public var location: SourceLocation?
    public init(_ source: String, location: SourceLocation? = nil) {
        self.source = source
        self.location = location
    }
}

/// The tables a scenario names, resolved to paths (relative paths already resolved against the YAML file
/// that named them, SPEC §1 and §6).
public struct TablePaths: Sendable, Hashable {
    public var cities: String
    public var parks: String
    public var projects: String
    public var banks: String?
    public init(cities: String, parks: String, projects: String, banks: String? = nil) {
        self.cities = cities
        self.parks = parks
        self.projects = projects
        self.banks = banks
    }
}

/// A scenario as written (SPEC §1), after inheritance (§6) and type checks of its keys, before any table is
/// read.
public struct Scenario: Sendable {
    public var name: String
    public var asOf: Day
    public var years: [Int]
    public var tables: TablePaths
    public var funds: [FundSpec]
    public var limits: [LimitSpec]
    public var exclude: [ExclusionSpec]
    public var objective: ObjectiveSpec
    public var targets: [TargetSpec]
    public var loans: LoanSpec?
    public var solver: SolverSpec
    /// The YAML file the scenario was read from (the last one of an `extends` chain).
    public var file: String
    /// Every file of the `extends` chain, the root first.
    public var files: [String]

    public init(
        name: String, asOf: Day, years: [Int], tables: TablePaths, funds: [FundSpec], limits: [LimitSpec] = [],
        exclude: [ExclusionSpec] = [], objective: ObjectiveSpec, targets: [TargetSpec] = [],
        loans: LoanSpec? = nil, solver: SolverSpec = SolverSpec(), file: String = "scenario.yaml",
        files: [String] = []
    ) {
        self.name = name
        self.asOf = asOf
        self.years = years
        self.tables = tables
        self.funds = funds
        self.limits = limits
        self.exclude = exclude
        self.objective = objective
        self.targets = targets
        self.loans = loans
        self.solver = solver
        self.file = file
        self.files = files.isEmpty ? [file] : files
    }
}

public enum FundKind: String, Sendable, Hashable, CaseIterable {
    case projectSubsidy = "project_subsidy"
    case namingAward = "naming_award"
}

/// SPEC §3.1.
public struct FundSpec: Sendable {
    public var id: String
    public var name: String
    public var kind: FundKind
    /// 万元 per year of the horizon (an unlisted year is 0).
    public var budget: [Int: Double]
    public var eligible: RuleText?
    public var perProject: Double?
    public var shareOfInvestment: Double?
    /// 万元 per newly named park (naming funds).
    public var award: Double?
    public var location: SourceLocation?

    public init(
        id: String, name: String, kind: FundKind = .projectSubsidy, budget: [Int: Double], eligible: RuleText? = nil,
        perProject: Double? = nil, shareOfInvestment: Double? = nil, award: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.budget = budget
        self.eligible = eligible
        self.perProject = perProject
        self.shareOfInvestment = shareOfInvestment
        self.award = award
        self.location = location
    }

    public func budget(in year: Int) -> Double { budget[year] ?? 0 }
}

/// What a limit adds up (SPEC §3.3).
public enum LimitQuantity: Sendable, Hashable, CustomStringConvertible {
    case subsidy, count, investment, loan
    case benefit(String)

    public init(_ text: String) {
        switch text {
        case "subsidy": self = .subsidy
        case "count": self = .count
        case "investment": self = .investment
        case "loan": self = .loan
        default: self = .benefit(text)
        }
    }

    public var description: String {
        switch self {
        case .subsidy: "subsidy"
        case .count: "count"
        case .investment: "investment"
        case .loan: "loan"
        case .benefit(let column): column
        }
    }
}

public enum GroupKey: Sendable, Hashable, CustomStringConvertible {
    case city, park, category, fund
    case column(String)

    public init(_ text: String) {
        switch text {
        case "city": self = .city
        case "park": self = .park
        case "category": self = .category
        case "fund": self = .fund
        default: self = .column(text)
        }
    }

    public var description: String {
        switch self {
        case .city: "city"
        case .park: "park"
        case .category: "category"
        case .fund: "fund"
        case .column(let name): name
        }
    }
}

/// SPEC §3.3: one mechanism for every cap and floor.
public struct LimitSpec: Sendable {
    public var name: String
    public var sum: LimitQuantity
    public var fund: String?
    public var filter: RuleText?
    public var groupBy: GroupKey?
    public var perYear: Bool
    public var max: Double?
    public var maxShare: Double?
    public var min: Double?
    public var minShare: Double?
    public var location: SourceLocation?

    public init(
        name: String, sum: LimitQuantity, fund: String? = nil, filter: RuleText? = nil, groupBy: GroupKey? = nil,
        perYear: Bool = false, max: Double? = nil, maxShare: Double? = nil, min: Double? = nil,
        minShare: Double? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.sum = sum
        self.fund = fund
        self.filter = filter
        self.groupBy = groupBy
        self.perYear = perYear
        self.max = max
        self.maxShare = maxShare
        self.min = min
        self.minShare = minShare
        self.location = location
    }
}

/// SPEC §2.3.
public struct ExclusionSpec: Sendable {
    public var name: String
    public var when: RuleText
    public var reason: String
    public var location: SourceLocation?
    public init(name: String, when: RuleText, reason: String, location: SourceLocation? = nil) {
        self.name = name
        self.when = when
        self.reason = reason
        self.location = location
    }
}

/// SPEC §4.1 and §5.
public struct BonusSpec: Sendable {
    public var name: String
    public var when: RuleText
    public var factor: Double
    public var location: SourceLocation?
    public init(name: String, when: RuleText, factor: Double, location: SourceLocation? = nil) {
        self.name = name
        self.when = when
        self.factor = factor
        self.location = location
    }
}

public enum ObjectiveSense: String, Sendable, Hashable {
    case maximizeBenefit = "maximize: benefit"
    case minimizeSubsidy = "minimize: subsidy"
}

public struct ObjectiveSpec: Sendable {
    public var sense: ObjectiveSense
    /// Benefit column → weight, in the order written.
    public var weights: [(column: String, weight: Double)]
    public var bonuses: [BonusSpec]
    public var namingValue: Double
    public var location: SourceLocation?
    /// Where each weight is written (its key), by benefit column; messages about a weight point there.
    public var weightLocations: [String: SourceLocation]

    public init(
        sense: ObjectiveSense = .maximizeBenefit, weights: [(column: String, weight: Double)] = [],
        bonuses: [BonusSpec] = [], namingValue: Double = 0, location: SourceLocation? = nil,
        weightLocations: [String: SourceLocation] = [:]
    ) {
        self.sense = sense
        self.weights = weights
        self.bonuses = bonuses
        self.namingValue = namingValue
        self.location = location
        self.weightLocations = weightLocations
    }
}

public enum TargetMetric: Sendable, Hashable, CustomStringConvertible {
    case ecoParkCount, ecoParkShare, subsidy, count
    case benefit(String)

    public init(_ text: String) {
        switch text {
        case "eco_park_count": self = .ecoParkCount
        case "eco_park_share": self = .ecoParkShare
        case "subsidy": self = .subsidy
        case "count": self = .count
        default: self = .benefit(text)
        }
    }

    public var description: String {
        switch self {
        case .ecoParkCount: "eco_park_count"
        case .ecoParkShare: "eco_park_share"
        case .subsidy: "subsidy"
        case .count: "count"
        case .benefit(let column): column
        }
    }

    public var isEcoPark: Bool { self == .ecoParkCount || self == .ecoParkShare }
}

/// SPEC §4.3.
public struct TargetSpec: Sendable {
    public var name: String
    public var metric: TargetMetric
    public var year: Int?
    public var min: Double
    /// Soft target when present.
    public var penalty: Double?
    public var location: SourceLocation?

    public init(
        name: String, metric: TargetMetric, year: Int? = nil, min: Double, penalty: Double? = nil,
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.metric = metric
        self.year = year
        self.min = min
        self.penalty = penalty
        self.location = location
    }

    public var isHard: Bool { penalty == nil }
}

/// SPEC §5.
public struct LoanSpec: Sendable {
    public var name: String
    public var eligible: RuleText?
    public var interestSubsidyBasisPoints: Double
    public var interestSubsidyYears: Double
    public var interestSubsidyBudget: Double?
    public var bonuses: [BonusSpec]
    public var location: SourceLocation?

    public init(
        name: String, eligible: RuleText? = nil, interestSubsidyBasisPoints: Double = 0,
        interestSubsidyYears: Double = 1, interestSubsidyBudget: Double? = nil, bonuses: [BonusSpec] = [],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.eligible = eligible
        self.interestSubsidyBasisPoints = interestSubsidyBasisPoints
        self.interestSubsidyYears = interestSubsidyYears
        self.interestSubsidyBudget = interestSubsidyBudget
        self.bonuses = bonuses
        self.location = location
    }

    /// 贴息 cost of one loan (SPEC §5).
    public func interestCost(loanNeed: Double) -> Double {
        loanNeed * interestSubsidyBasisPoints / 10_000 * interestSubsidyYears
    }
}

/// SPEC §1 `solver`.
public struct SolverSpec: Sendable, Hashable {
    public var timeLimit: Double
    public var mipGap: Double
    public var tiebreak: Bool
    public init(timeLimit: Double = 60, mipGap: Double = 0, tiebreak: Bool = true) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
        self.tiebreak = tiebreak
    }
}
