/// scenario-format §9.
public struct TargetSpec: Sendable {
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
    public var metric: TargetMetric
    public var year: Int?
    public var min: Double
    /// Soft target when present.
    public var penalty: Double?
    /// Neither hard nor soft: the model has no row for it; the reports show the plan's progress toward it and,
    /// for eco-park targets, what the remaining naming budget could still reach (its year may lie after the horizon).
    public var reportOnly = false
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

    public var isHard: Bool { penalty == nil && !reportOnly }
}
