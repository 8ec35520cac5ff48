/// The extra money (万元) in a not-chosen project's fund, spread over the years by its requests, with which
/// some plan funds the project and is worth at least today's optimum (within the tie rule's 1e-6 tolerance).
/// No raise below `lower` does; `upper`, when known, does (today's plan with the project added fits there).
public struct TopUp: Sendable, Hashable {
    /// The fund raised (its id).
    public var fund: String
    /// No raise below this funds the project without losing objective.
    public var lower: Double
    /// A raise that funds it (nil when no such plan is known; `reachable` false when none exists).
    public var upper: Double?
    /// False when no raise at all funds the project without losing objective.
    public var reachable: Bool

    public init(fund: String, lower: Double, upper: Double?, reachable: Bool = true) {
        self.fund = fund
        self.lower = lower
        self.upper = upper
        self.reachable = reachable
    }

    /// The two ends agree to within 0.1%: `upper` is the answer.
    public var exact: Bool {
        guard reachable, let upper else { return false }
        return upper - lower <= 1e-3 * Swift.max(upper, 1e-9)
    }
}
