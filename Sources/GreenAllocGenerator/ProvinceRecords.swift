/// The typed rows behind the generated tables, for callers that want figures rather than text (tests, the
/// `generate` command's summary). Money in 万元, already rounded as written.

public enum ParkStatus: String, CaseIterable, Sendable {
    case none, applying
    case underConstruction = "under_construction"
    case namedProvincial = "named_provincial"
    case namedNational = "named_national"
    case rectifying, revoked, barred

    /// Counted by `eco_park_count` (scenario-format §10).
    public var isNamed: Bool { self == .namedProvincial || self == .namedNational }
    /// Parks whose projects the Shandong scenarios exclude (clauses (十六) and (十七)).
    public var isExcludedByRules: Bool { self == .revoked || self == .barred || self == .rectifying }
}

public enum ParkLevel: String, CaseIterable, Sendable {
    case nationalETDZ = "national_etdz"
    case nationalHighTech = "national_hitech"
    case provincial
    case chemical
}

public enum ParkType: String, CaseIterable, Sendable {
    case comprehensive, sector, recycling
}

public struct CityRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var pinyin: String
    public var region: String
    /// 2022 GDP, 亿元.
    public var gdp2022: Int
}

public struct ParkRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var city: String
    public var level: ParkLevel
    public var type: ParkType
    public var chemical: Bool
    public var status: ParkStatus
    /// ISO date, barred parks only.
    public var barredUntil: String?
    public var namingYear: Int?
    public var reviewScore: Int
}

public struct ProjectRecord: Sendable, Equatable {
    public static let years = [2022, 2023, 2024, 2025]
    public static let benefitColumns = ["co2_t", "cod_t", "nh3n_t", "so2_t", "nox_t", "vocs_t"]

    public var id: String
    public var name: String
    public var park: String
    /// Empty for loan-only projects.
    public var fund: String?
    public var category: String
    public var investment: Double
    /// Request per year of `years`, 0 where the cell is empty.
    public var requests: [Double]
    public var minShare: Double?
    public var lock: String?
    public var requires: [String]
    public var exclusiveGroup: String?
    public var namingPrerequisite: Bool
    public var loanNeed: Double?
    public var maturity: String
    public var centralLibrary: String
    public var provincialLibrary: String
    public var financeTier: String
    /// Benefit per column of `benefitColumns`, nil where the cell is empty.
    public var benefits: [Double?]

    public var totalRequest: Double { requests.reduce(0, +) }
    public func request(in year: Int) -> Double { requests[year - Self.years[0]] }
    /// Years with a non-zero request.
    public var requestYears: [Int] { Self.years.filter { request(in: $0) > 0 } }
}

public struct BankRecord: Sendable, Equatable {
    public var id: String
    public var name: String
    public var capacity: Double
    public var maxPerProject: Double
    public var minTier: String?
    /// City ids served; empty = the whole province.
    public var cities: [String]
}
