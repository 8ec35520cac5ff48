/// scenario-format §8 and §5.
public struct BonusSpec: Sendable {
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
    public var when: RuleText
    public var factor: Double
    public var location: SourceLocation?
    public init(name: String, when: RuleText, factor: Double, location: SourceLocation? = nil) {
        self.name = name
        self.when = when
        self.factor = factor
        self.location = location
    }
}
