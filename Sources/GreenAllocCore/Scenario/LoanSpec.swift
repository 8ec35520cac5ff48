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
