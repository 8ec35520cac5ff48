public struct ExclusionHit: Sendable, Hashable {
    public var rule: String
    public var reason: String
    public init(rule: String, reason: String) {
        self.rule = rule
        self.reason = reason
    }
}

/// One project's result (one row of projects.csv, one entry of allocation.json `projects`).
public struct ProjectOutcome: Sendable {
    public var id: String
    public var name: String
    public var park: String
    public var city: String
    public var fund: String?
    public var category: String
    public var investment: Double
    /// Requested subsidy per horizon year (万元), aligned with `Allocation.years`.
    public var request: [Double]
    public var funded: Bool
    public var share: Double
    /// Subsidy per horizon year (万元), aligned with `Allocation.years`.
    public var subsidy: [Double]
    public var score: Double
    public var excludedBy: [ExclusionHit]
    public var why: WhyCode
    public var reasons: [Reason]
    /// Requests after the horizon (后续年度需求): not funded in this scenario, shown to the reader.
    public var laterRequest: [YearlyAmount]
    /// The project's value of each of `Allocation.outcomeColumns` (0 where the cell is empty), before θ.
    public var outcomeValues: [Double] = []
    /// 项目单位 and 县（市、区）: the projects table's `owner` and `county` cells (nil when the table has no such
    /// column; see `Allocation.hasOwner`, `hasCounty`).
    public var owner: String?
    public var county: String?
    /// The top-up that would fund a not-chosen project (`solve` fills it where a bound is cheap; nil otherwise).
    public var topUp: TopUp?
    /// The first year the plan pays the project (nil when not funded) and the years it starts late (scenario-format
    /// §15.4), with the score its delay costs (θ × score × min(1, years × defer_penalty)).
    public var startYear: Int?
    public var deferredYears = 0
    public var deferralLoss = 0.0

    public init(
        id: String, name: String, park: String, city: String, fund: String?, category: String, investment: Double,
        request: [Double], funded: Bool, share: Double, subsidy: [Double], score: Double,
        excludedBy: [ExclusionHit], why: WhyCode, reasons: [Reason], laterRequest: [YearlyAmount] = []
    ) {
        self.laterRequest = laterRequest
        self.id = id
        self.name = name
        self.park = park
        self.city = city
        self.fund = fund
        self.category = category
        self.investment = investment
        self.request = request
        self.funded = funded
        self.share = share
        self.subsidy = subsidy
        self.score = score
        self.excludedBy = excludedBy
        self.why = why
        self.reasons = reasons
    }

    public var requestTotal: Double { request.reduce(0, +) }
    public var subsidyTotal: Double { subsidy.reduce(0, +) }
}
