/// SPEC §2.3.
public struct ExclusionSpec: Sendable {
    public var name: String
    public var when: RuleText
    public var reason: String
    public var location: SourceLocation?
    public init(name: String, when: RuleText, reason: String, location: SourceLocation? = nil) {
        self.name = name
        self.when = when
        self.reason = reason
        self.location = location
    }
}
