public enum GroupKey: Sendable, Hashable, CustomStringConvertible {
    case city, park, category, fund
    case column(String)

    public init(_ text: String) {
        switch text {
        case "city": self = .city
        case "park": self = .park
        case "category": self = .category
        case "fund": self = .fund
        default: self = .column(text)
        }
    }

    public var description: String {
        switch self {
        case .city: "city"
        case .park: "park"
        case .category: "category"
        case .fund: "fund"
        case .column(let name): name
        }
    }
}
