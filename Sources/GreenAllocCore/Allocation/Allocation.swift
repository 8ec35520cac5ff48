/// Everything a run decided: what allocation.json, projects.csv and the report are written from.
public struct Allocation: Sendable {
    public var format = "greenalloc.allocation/1"
    public var scenario: String
    public var inputsSHA256: String
    public var status: AllocationStatus
    public var objective: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var solverName: String
    public var solverVersion: String
    public var objectiveSense: ObjectiveSense
    public var years: [Int]
    public var cities: [CityInfo]
    public var funds: [FundOutcome]
    public var projects: [ProjectOutcome]
    public var parks: [NamedPark]
    public var limits: [LimitOutcome]
    public var targets: [TargetOutcome]
    public var findings: [Finding]
    public var diagnosis: Diagnosis?
    /// The loan stage's result (nil when no loan stage ran).
    public var loanStage: LoanOutcome?
    /// Eco parks before the run (named provincial or national) and the share denominator.
    public var ecoParksBefore: Int
    public var parksCounted: Int
    /// The outcome columns the reports show: the scenario's `indicators:` columns, else the benefit columns the
    /// objective weighs (`objective.weights`, in their order): what each project's `outcomeValues` holds. A
    /// funded project delivers θ × value of each (scenario-format §7).
    public var outcomeColumns: [String] = []
    /// The English text of each scenario-given name and reason written as `{zh: …, en: …}`, keyed by its
    /// Chinese text (`Scenario.englishText`); the writers of English documents print it.
    public var englishText: [String: String] = [:]
    /// Whether the projects table has an `owner` (项目单位) or `county` (县（市、区）) column: the reports and
    /// lists show those columns only then.
    public var hasOwner = false
    public var hasCounty = false
    /// The rules the plan was made under (nil for an allocation built by hand without them).
    public var basis: AllocationBasis?
    /// The policy instruments' outcome (scenario-format §15); nil when the scenario uses none.
    public var policy: PolicyOutcome?
    /// Deferral is in use (scenario-format §15.4): the outputs show each project's start year.
    public var deferralInUse = false

    public init(
        scenario: String, inputsSHA256: String, status: AllocationStatus, objective: Double?, bestBound: Double?,
        gap: Double?, solverName: String, solverVersion: String, objectiveSense: ObjectiveSense, years: [Int],
        cities: [CityInfo], funds: [FundOutcome], projects: [ProjectOutcome], parks: [NamedPark],
        limits: [LimitOutcome], targets: [TargetOutcome], findings: [Finding], diagnosis: Diagnosis?,
        loanStage: LoanOutcome? = nil, ecoParksBefore: Int, parksCounted: Int
    ) {
        self.scenario = scenario
        self.inputsSHA256 = inputsSHA256
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.gap = gap
        self.solverName = solverName
        self.solverVersion = solverVersion
        self.objectiveSense = objectiveSense
        self.years = years
        self.cities = cities
        self.funds = funds
        self.projects = projects
        self.parks = parks
        self.limits = limits
        self.targets = targets
        self.findings = findings
        self.diagnosis = diagnosis
        self.loanStage = loanStage
        self.ecoParksBefore = ecoParksBefore
        self.parksCounted = parksCounted
    }
}
