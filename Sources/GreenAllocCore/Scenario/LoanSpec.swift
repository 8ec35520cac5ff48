/// scenario-format §11.
public struct LoanSpec: Sendable {
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
    public var eligible: RuleText?
    public var interestSubsidyBasisPoints: Double
    public var interestSubsidyYears: Double
    public var interestSubsidyBudget: Double?
    public var bonuses: [BonusSpec]
    public var location: SourceLocation?
    /// `interest_subsidy.budget_per_year` and `carbon_facility` (scenario-format §15.5).
    public var interestSubsidyPerYear: [Int: Double]?
    public var interestSubsidyEveryYear: Double?
    public var carbonFacility: RuleText?

    /// The 贴息 cap of a horizon year (nil: none).
    public func interestSubsidyCap(in year: Int) -> Double? { interestSubsidyPerYear?[year] ?? interestSubsidyEveryYear }

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

    /// 贴息 cost of one loan (scenario-format §11).
    public func interestCost(loanNeed: Double) -> Double {
        loanNeed * interestSubsidyBasisPoints / 10_000 * interestSubsidyYears
    }
}
