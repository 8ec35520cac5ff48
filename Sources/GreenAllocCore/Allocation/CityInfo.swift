public struct CityInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The city's numeric columns of the cities table other than its id (e.g. `gdp_2022`, `population`), by
    /// column name; empty cells are left out. The reports weigh the cities' shares of money against them.
    public var figures: [String: Double]
    public init(id: String, name: String, figures: [String: Double] = [:]) {
        self.id = id
        self.name = name
        self.figures = figures
    }
}
