/// A rule written as an expression string, with the place it was written (scenario-format §4).
public struct RuleText: Sendable, Hashable {
    public var source: String
    public var location: SourceLocation?
    public init(_ source: String, location: SourceLocation? = nil) {
        self.source = source
        self.location = location
    }
}
