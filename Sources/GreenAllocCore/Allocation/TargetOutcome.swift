public struct TargetOutcome: Sendable, Hashable, Codable {
    public var name: String
    public var metric: String
    public var year: Int?
    public var value: Double
    public var min: Double
    public var met: Bool
    public var hard: Bool
    /// A `report_only` target: measured, never enforced (for reference, 参考).
    public var reportOnly = false
    /// For a report-only eco-park target: the most the remaining naming budget could still reach by its year.
    public var reach: NamingReach?

    public init(name: String, metric: String, year: Int?, value: Double, min: Double, met: Bool, hard: Bool) {
        self.name = name
        self.metric = metric
        self.year = year
        self.value = value
        self.min = min
        self.met = met
        self.hard = hard
    }
}

/// What the naming budget left by the plan could still reach toward an eco-park target by its year
/// (docs/scenario-format.md, "report_only targets"): parks still namable, capped by the naming money over the
/// award per park.
public struct NamingReach: Sendable, Hashable, Codable {
    /// Eco parks at most by the target's year: the plan's count plus `additional`.
    public var parks: Int
    /// The metric's value at most (`parks`, or `parks` over the parks counted for eco_park_share).
    public var value: Double
    /// Whether that value meets the target's min.
    public var met: Bool
    /// Parks the naming money could still name: min(`namable`, ⌊`money` / `award`⌋) (`namable` when naming
    /// costs nothing).
    public var additional: Int
    /// Under-construction parks not named in the plan and not blocked by a rule, whose packages can be complete
    /// by the target's year.
    public var namable: Int
    /// The naming fund's money counted: its unspent budget in the horizon's years up to the target's year, plus
    /// `yearlyBudget` for each of `laterYears`.
    public var money: Double
    /// The naming fund's award per park (nil: no naming fund, naming costs nothing).
    public var award: Double?
    /// The budget assumed for each year after the horizon: the naming fund's budget in the horizon's last year.
    public var yearlyBudget: Double
    /// The years after the horizon up to the target's year.
    public var laterYears: [Int]

    public init(
        parks: Int, value: Double, met: Bool, additional: Int, namable: Int, money: Double, award: Double?,
        yearlyBudget: Double, laterYears: [Int]
    ) {
        self.parks = parks
        self.value = value
        self.met = met
        self.additional = additional
        self.namable = namable
        self.money = money
        self.award = award
        self.yearlyBudget = yearlyBudget
        self.laterYears = laterYears
    }
}
