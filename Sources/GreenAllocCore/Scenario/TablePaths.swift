/// The tables a scenario names, resolved to paths (relative paths already resolved against the YAML file
/// that named them, scenario-format §3 and §6).
public struct TablePaths: Sendable, Hashable {
    public var cities: String
    public var parks: String
    public var projects: String
    public var banks: String?
    public init(cities: String, parks: String, projects: String, banks: String? = nil) {
        self.cities = cities
        self.parks = parks
        self.projects = projects
        self.banks = banks
    }
}
