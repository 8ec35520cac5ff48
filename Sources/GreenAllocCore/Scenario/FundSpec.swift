public enum FundKind: String, Sendable, Hashable, CaseIterable {
    case projectSubsidy = "project_subsidy"
    case namingAward = "naming_award"
}

/// scenario-format §6.
public struct FundSpec: Sendable {
    public var id: String
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
    public var kind: FundKind
    /// 万元 per year of the horizon (an unlisted year is 0).
    public var budget: [Int: Double]
    public var eligible: RuleText?
    public var perProject: Double?
    public var shareOfInvestment: Double?
    /// 万元 per newly named park (naming funds).
    public var award: Double?
    public var location: SourceLocation?
    /// Share of a year's unspent money available the next year (scenario-format §15.2; nil: none).
    public var carryOver: Double?
    /// 万元 available in a year on top of its budget (last round's carry-over).
    public var openingBalance: [Int: Double] = [:]

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
