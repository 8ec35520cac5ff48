/// One way a point fails a model, as found by `Model.verify`.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The point does not have one value per column.
        case length
        /// A value is NaN or infinite.
        case nonFiniteValue
        /// A column value lies outside the column's bounds.
        case columnBound
        /// A row activity lies outside the row's bounds.
        case rowBound
        /// An integer or binary column has a fractional value.
        case integrality
    }

    public var kind: Kind
    /// Name of the row or column concerned (empty for `length`).
    public var name: String
    /// Index of the row or column concerned.
    public var index: Int
    /// The offending value (column value or row activity).
    public var value: Double
    /// The bound that was crossed (or the nearest integer for `integrality`).
    public var limit: Double

    public init(kind: Kind, name: String, index: Int, value: Double, limit: Double) {
        self.kind = kind
        self.name = name
        self.index = index
        self.value = value
        self.limit = limit
    }

    public var description: String {
        switch kind {
        case .length: "the point has \(index) values, the model has \(Int(limit)) columns"
        case .nonFiniteValue: "column '\(name)' has the value \(value)"
        case .columnBound: "column '\(name)' = \(value) is outside its bound \(limit)"
        case .rowBound: "row '\(name)' activity \(value) is outside its bound \(limit)"
        case .integrality: "integer column '\(name)' = \(value) is not integral (nearest \(limit))"
        }
    }
}
