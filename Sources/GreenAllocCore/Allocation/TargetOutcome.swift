public struct TargetOutcome: Sendable, Hashable {
    public var name: String
    public var metric: String
    public var year: Int?
    public var value: Double
    public var min: Double
    public var met: Bool
    public var hard: Bool
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
