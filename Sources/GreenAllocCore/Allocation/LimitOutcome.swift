/// One row of a limit (scenario-format §13 `limits`).
public struct LimitOutcome: Sendable, Hashable {
    public var name: String
    public var group: String?
    public var year: Int?
    public var value: Double
    /// Effective upper bound at the solution (absolute, or share × base value).
    public var max: Double?
    public var min: Double?
    public var binding: Bool
    public init(name: String, group: String?, year: Int?, value: Double, max: Double?, min: Double?, binding: Bool) {
        self.name = name
        self.group = group
        self.year = year
        self.value = value
        self.max = max
        self.min = min
        self.binding = binding
    }
}
