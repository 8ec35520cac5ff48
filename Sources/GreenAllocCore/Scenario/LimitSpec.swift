/// scenario-format §7: one mechanism for every cap and floor.
public struct LimitSpec: Sendable {
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
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
