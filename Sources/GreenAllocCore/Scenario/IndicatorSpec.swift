/// An outcome column the reports show in tonnes (or its own unit): the scenario's `indicators:` section
/// names projects.csv columns with a label in each language and a unit. A funded project delivers
/// θ × value of each (as the model's benefit sums count it).
public struct IndicatorSpec: Sendable, Hashable {
    /// A numeric projects.csv column, e.g. `co2_t`.
    public var column: String
    /// The label in Chinese and in English; nil = the reports' own name for the column.
    public var zh: String?
    public var en: String?
    /// The unit as people write it (`t/a`); nil = the reports' own unit for the column, if any.
    public var unit: String?
    public var location: SourceLocation?

    public init(column: String, zh: String? = nil, en: String? = nil, unit: String? = nil, location: SourceLocation? = nil) {
        self.column = column
        self.zh = zh
        self.en = en
        self.unit = unit
        self.location = location
    }
}
