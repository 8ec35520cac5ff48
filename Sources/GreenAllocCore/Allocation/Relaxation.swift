/// How much to relax one rule (scenario-format §13 `diagnosis.relax`), in the rule's own unit.
public struct Relaxation: Sendable, Hashable {
    public var rule: ConflictRule
    public var by: Double
    /// True when this relaxation alone, every other rule as it is, was shown to restore feasibility.
    public var alone: Bool
    public init(rule: ConflictRule, by: Double, alone: Bool = false) {
        self.rule = rule
        self.by = by
        self.alone = alone
    }
}
