/// The `deferral` section (scenario-format §15.4): how many years a project may start later than it asked, and
/// the share of its score lost per year of delay; projects.csv's `defer_max` and `defer_penalty` override both.
public struct DeferralSpec: Sendable, Hashable {
    public var deferMax: Int
    public var deferPenalty: Double
    public var location: SourceLocation?

    public init(deferMax: Int = 0, deferPenalty: Double = 0, location: SourceLocation? = nil) {
        self.deferMax = deferMax
        self.deferPenalty = deferPenalty
        self.location = location
    }
}
