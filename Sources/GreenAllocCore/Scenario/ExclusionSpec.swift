/// scenario-format §5.
public struct ExclusionSpec: Sendable {
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
    public var when: RuleText
    public var reason: String
    /// The English text of `reason` when written as `{zh: …, en: …}`.
    public var englishReason: String?
    public var location: SourceLocation?
    public init(name: String, when: RuleText, reason: String, location: SourceLocation? = nil) {
        self.name = name
        self.when = when
        self.reason = reason
        self.location = location
    }
}
