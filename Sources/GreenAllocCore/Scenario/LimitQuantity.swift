/// What a limit adds up (scenario-format §7).
public enum LimitQuantity: Sendable, Hashable, CustomStringConvertible {
    case subsidy, count, investment, loan
    case benefit(String)

    public init(_ text: String) {
        switch text {
        case "subsidy": self = .subsidy
        case "count": self = .count
        case "investment": self = .investment
        case "loan": self = .loan
        default: self = .benefit(text)
        }
    }

    public var description: String {
        switch self {
        case .subsidy: "subsidy"
        case .count: "count"
        case .investment: "investment"
        case .loan: "loan"
        case .benefit(let column): column
        }
    }
}
