public enum ObjectiveSense: String, Sendable, Hashable {
    case maximizeBenefit = "maximize: benefit"
    case minimizeSubsidy = "minimize: subsidy"
}

public struct ObjectiveSpec: Sendable {
    public var sense: ObjectiveSense
    /// Benefit column → weight, in the order written.
    public var weights: [(column: String, weight: Double)]
    public var bonuses: [BonusSpec]
    public var namingValue: Double
    public var location: SourceLocation?
    /// Where each weight is written (its key), by benefit column; messages about a weight point there.
    public var weightLocations: [String: SourceLocation]

    public init(
        sense: ObjectiveSense = .maximizeBenefit, weights: [(column: String, weight: Double)] = [],
        bonuses: [BonusSpec] = [], namingValue: Double = 0, location: SourceLocation? = nil,
        weightLocations: [String: SourceLocation] = [:]
    ) {
        self.sense = sense
        self.weights = weights
        self.bonuses = bonuses
        self.namingValue = namingValue
        self.location = location
        self.weightLocations = weightLocations
    }
}
