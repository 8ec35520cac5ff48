/// A scenario as written (scenario-format §3), after inheritance (§6) and type checks of its keys, before any table is
/// read.
public struct Scenario: Sendable {
    public var name: String
    /// The English text when the name is written as `{zh: …, en: …}` (`name` is the Chinese text, the key).
    public var englishName: String?
    public var asOf: Day
    public var years: [Int]
    public var tables: TablePaths
    public var funds: [FundSpec]
    public var limits: [LimitSpec]
    public var exclude: [ExclusionSpec]
    public var objective: ObjectiveSpec
    public var targets: [TargetSpec]
    public var loans: LoanSpec?
    public var solver: SolverSpec
    /// `indicators:`: the outcome columns the reports show, with labels and units (empty: the objective's
    /// weight columns).
    public var indicators: [IndicatorSpec] = []
    /// `factors:`: city envelopes of the factor method (scenario-format §15.1).
    public var factors: [FactorSpec] = []
    /// `review:`: parks failing the two-year review (scenario-format §15.3).
    public var review: ReviewSpec?
    /// `deferral:` (scenario-format §15.4); nil without the section.
    public var deferral: DeferralSpec?
    /// `robustness:`: the ranges and sampling of `greenalloc robustness` (nil without the section).
    public var robustness: RobustnessSpec?
    /// The YAML file the scenario was read from (the last one of an `extends` chain).
    public var file: String
    /// Every file of the `extends` chain, the root first.
    public var files: [String]

    public init(
        name: String, asOf: Day, years: [Int], tables: TablePaths, funds: [FundSpec], limits: [LimitSpec] = [],
        exclude: [ExclusionSpec] = [], objective: ObjectiveSpec, targets: [TargetSpec] = [],
        loans: LoanSpec? = nil, solver: SolverSpec = SolverSpec(), file: String = "scenario.yaml",
        files: [String] = []
    ) {
        self.name = name
        self.asOf = asOf
        self.years = years
        self.tables = tables
        self.funds = funds
        self.limits = limits
        self.exclude = exclude
        self.objective = objective
        self.targets = targets
        self.loans = loans
        self.solver = solver
        self.file = file
        self.files = files.isEmpty ? [file] : files
    }
}
