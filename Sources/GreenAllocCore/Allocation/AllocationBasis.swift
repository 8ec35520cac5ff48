/// The rules a plan was made under, as the scenario states them: what the report's 分配依据 (basis of
/// allocation) section restates in words. Structured values only; the sentences are the reports'.
public struct AllocationBasis: Sendable {
    /// The objective: its sense, weights (benefit column → weight), bonuses and the value of a named park.
    public var objective: ObjectiveSpec
    public var funds: [FundSpec]
    public var limits: [LimitSpec]
    public var exclusions: [ExclusionSpec]
    public var targets: [TargetSpec]
    /// The scenario's `indicators:` (empty: the objective's weight columns with the reports' own labels).
    public var indicators: [IndicatorSpec]
    /// Whether the tie rule ran as set for this run (the scenario's `solver.tiebreak`, or `--no-tiebreak`).
    public var tiebreak: Bool
    /// The date rules read as `as_of`.
    public var asOf: Day

    public init(
        objective: ObjectiveSpec, funds: [FundSpec] = [], limits: [LimitSpec] = [], exclusions: [ExclusionSpec] = [],
        targets: [TargetSpec] = [], indicators: [IndicatorSpec] = [], tiebreak: Bool = true, asOf: Day
    ) {
        self.objective = objective
        self.funds = funds
        self.limits = limits
        self.exclusions = exclusions
        self.targets = targets
        self.indicators = indicators
        self.tiebreak = tiebreak
        self.asOf = asOf
    }

    /// The basis of `scenario`, as written.
    public init(_ scenario: Scenario) {
        self.init(
            objective: scenario.objective, funds: scenario.funds, limits: scenario.limits, exclusions: scenario.exclude,
            targets: scenario.targets, indicators: scenario.indicators, tiebreak: scenario.solver.tiebreak,
            asOf: scenario.asOf)
    }
}
