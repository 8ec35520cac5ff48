public enum TargetMetric: Sendable, Hashable, CustomStringConvertible {
    case ecoParkCount, ecoParkShare, subsidy, count
    case benefit(String)

    public init(_ text: String) {
        switch text {
        case "eco_park_count": self = .ecoParkCount
        case "eco_park_share": self = .ecoParkShare
        case "subsidy": self = .subsidy
        case "count": self = .count
        default: self = .benefit(text)
        }
    }

    public var description: String {
        switch self {
        case .ecoParkCount: "eco_park_count"
        case .ecoParkShare: "eco_park_share"
        case .subsidy: "subsidy"
        case .count: "count"
        case .benefit(let column): column
        }
    }

    public var isEcoPark: Bool { self == .ecoParkCount || self == .ecoParkShare }
}
