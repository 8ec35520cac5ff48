/// Park status (scenario-format §3 parks.csv).
public enum ParkStatus: String, Sendable, Hashable, CaseIterable {
    case none, applying
    case underConstruction = "under_construction"
    case namedProvincial = "named_provincial"
    case namedNational = "named_national"
    case rectifying, revoked, barred

    public var isEcoPark: Bool { self == .namedProvincial || self == .namedNational }
}

public enum LockState: String, Sendable, Hashable, CaseIterable { case lockedIn = "in", lockedOut = "out" }

/// Ordered finance tiers (scenario-format §11): none < general < preferred.
public enum FinanceTier: Int, Sendable, Hashable, Comparable, CaseIterable {
    case none = 0, general, preferred
    public init?(text: String) {
        switch text {
        case "none": self = .none
        case "general": self = .general
        case "preferred": self = .preferred
        default: return nil
        }
    }
    public var text: String { ["none", "general", "preferred"][rawValue] }
    public static func < (lhs: FinanceTier, rhs: FinanceTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// scenario-format §3 maturity order.
public let maturityOrder = [
    "concept", "proposal", "fs_approved", "eia_approved", "design_approved", "ready_to_start", "under_construction",
]
public let libraryStatuses = ["not_submitted", "submitted", "in_library", "supplementary", "rejected", "funded"]

public struct ParkRecord: Sendable {
    public var id: String
    public var name: String
    public var city: Int
    public var status: ParkStatus
    public var barredUntil: Day?
    public var namingYear: Int?
}

public struct ProjectRecord: Sendable {
    public var id: String
    public var name: String
    public var park: Int
    public var city: Int
    /// Index into `Scenario.funds`; nil for a loan-only project.
    public var fund: Int?
    public var category: String
    public var investment: Double
    /// Requested subsidy per horizon year, aligned with `Scenario.years`.
    public var request: [Double]
    /// Positive requests in years outside the horizon, by year (scenario-format §6: never funded in this scenario; the
    /// years after the horizon still count for a naming package's year, §4.4).
    public var requestOutsideHorizon: [YearlyAmount] = []
    public var minShare: Double
    public var lock: LockState?
    public var requires: [Int]
    public var exclusiveGroup: String?
    public var namingPrerequisite: Bool
    public var loanNeed: Double
    public var tier: FinanceTier
    /// Years the project may start later than asked, and its score lost per year (scenario-format §15.4).
    public var deferMax = 0
    public var deferPenalty = 0.0
    /// The loan's own term and grace years (scenario-format §15.5; nil: the bank's term, no grace).
    public var termYears: Int?
    public var graceYears: Int?

    public var totalRequest: Double { request.reduce(0, +) }

    /// Requests in years after `lastYear` (the project's later-year needs, 后续年度需求).
    public func requests(after lastYear: Int) -> [YearlyAmount] {
        requestOutsideHorizon.filter { $0.year > lastYear }
    }
}

/// An amount of money (万元) in one year.
public struct YearlyAmount: Sendable, Hashable {
    public var year: Int
    public var amount: Double

    public init(year: Int, amount: Double) {
        self.year = year
        self.amount = amount
    }
}

public struct BankRecord: Sendable {
    public var id: String
    public var name: String
    public var capacity: Double
    public var maxPerProject: Double?
    public var minTier: FinanceTier
    /// City indices served; nil = all.
    public var cities: Set<Int>?
    /// Annual lending rate in % and usual term (scenario-format §15.5; nil when not given).
    public var rate: Double?
    public var termYears: Int?
}

/// The project library after reading and checking the tables: ids resolved to indices, money typed.
public struct Library: Sendable {
    public var cities: DataTable
    public var parks: DataTable
    public var projects: DataTable
    public var banks: DataTable?
    public var cityIDs: [String]
    public var cityNames: [String]
    public var parkRecords: [ParkRecord]
    public var projectRecords: [ProjectRecord]
    public var bankRecords: [BankRecord]
    /// Funds as a small table so that `fund.id`, `fund.name`, `fund.kind` can be read by rules.
    public var fundTable: DataTable
    /// Parks that failed the scenario's `review:` and the status the library now gives them (scenario-format §15.3).
    public var reviewedParks: [ReviewedPark] = []
}
