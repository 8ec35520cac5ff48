/// The type of a table column or of an expression (scenario-format §4).
public enum ValueType: String, Sendable, Hashable, CustomStringConvertible {
    case number, text, date, boolean
    /// A list literal, e.g. `['a','b']` (only on the right of `in` / `not in`).
    case list
    /// A free column whose cells are all empty: it holds no value, so every comparison with it is a
    /// comparison with a missing value (never a type clash), and arithmetic with it gives a missing value.
    case untyped
    public var description: String { rawValue }
}

/// One cell or one evaluated expression. `missing` is an empty cell or a value that does not exist.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case missing
    case number(Double)
    case text(String)
    case date(Day)
    case boolean(Bool)
    case list([Value])

    public var isMissing: Bool { if case .missing = self { true } else { false } }

    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var text: String? { if case .text(let value) = self { value } else { nil } }
    public var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
    public var date: Day? { if case .date(let value) = self { value } else { nil } }

    public var description: String {
        switch self {
        case .missing: ""
        case .number(let value): formatNumber(value)
        case .text(let value): value
        case .date(let value): value.description
        case .boolean(let value): value ? "true" : "false"
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

/// Shortest round-trip form, without a trailing `.0` for whole numbers.
public func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
