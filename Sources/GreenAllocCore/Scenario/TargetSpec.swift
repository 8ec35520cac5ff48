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
