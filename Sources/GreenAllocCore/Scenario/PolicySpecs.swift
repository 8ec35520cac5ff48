/// scenario-format §15.3: which parks fail the two-year review and how the plan treats them.
public struct ReviewSpec: Sendable {
    public enum Treatment: String, Sendable, Hashable, CaseIterable {
        case revoke, rectify
    }

    public var name: String
    public var englishName: String?
    /// A numeric parks column and the pass mark: a park whose value is below it fails.
    public var column: String?
    public var below: Double?
    /// Parks that fail whatever their score, by id, each with where it is written.
    public var parks: [(id: String, location: SourceLocation?)]
    public var treatment: Treatment
    public var location: SourceLocation?

    public init(
        name: String, column: String? = nil, below: Double? = nil, parks: [(id: String, location: SourceLocation?)] = [],
        treatment: Treatment, location: SourceLocation? = nil
    ) {
        self.name = name
        self.column = column
        self.below = below
        self.parks = parks
        self.treatment = treatment
        self.location = location
    }
}

/// scenario-format §15.1: one `factors` entry, splitting a fund's budget between the cities.
public struct FactorSpec: Sendable {
    public enum Total: String, Sendable, Hashable, CaseIterable {
        case perYear = "per_year"
        case horizon
    }

    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case hard, soft, band
    }

    /// What a factor counts per city.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        case requests, parksUnderConstruction
        case cityColumn(String)
        case projectColumn(String)

        public init?(_ text: String) {
            switch text {
            case "requests": self = .requests
            case "parks_under_construction": self = .parksUnderConstruction
            default:
                if text.hasPrefix("cities."), text.count > 7 {
                    self = .cityColumn(String(text.dropFirst(7)))
                } else if text.hasPrefix("projects."), text.count > 9 {
                    self = .projectColumn(String(text.dropFirst(9)))
                } else {
                    return nil
                }
            }
        }

        public var description: String {
            switch self {
            case .requests: "requests"
            case .parksUnderConstruction: "parks_under_construction"
            case .cityColumn(let name): "cities." + name
            case .projectColumn(let name): "projects." + name
            }
        }
    }

    public struct Weight: Sendable {
        public var source: Source
        public var weight: Double
        public var location: SourceLocation?

        public init(source: Source, weight: Double, location: SourceLocation? = nil) {
            self.source = source
            self.weight = weight
            self.location = location
        }
    }

    public var name: String
    public var englishName: String?
    public var fund: String
    public var total: Total
    public var mode: Mode
    /// Objective points per 万元 above the envelope (`soft`).
    public var penalty: Double?
    /// The allowed deviation as a share of the envelope (`band`).
    public var band: Double?
    public var weights: [Weight]
    public var location: SourceLocation?

    public init(
        name: String, fund: String, total: Total = .perYear, mode: Mode = .hard, penalty: Double? = nil,
        band: Double? = nil, weights: [Weight], location: SourceLocation? = nil
    ) {
        self.name = name
        self.fund = fund
        self.total = total
        self.mode = mode
        self.penalty = penalty
        self.band = band
        self.weights = weights
        self.location = location
    }
}
