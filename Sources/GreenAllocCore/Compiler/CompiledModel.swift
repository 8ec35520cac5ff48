public import MILP

/// Where a row of the compiled model comes from: what results, findings and diagnoses read.
public enum RowOrigin: Sendable, Hashable, LimitRowOrigin {
    /// θ ≤ u·z and θ ≥ min_share·u·z (the definition of θ, never relaxed).
    case shareLink(project: Int)
    case requires(project: Int, required: Int)
    case exclusive(group: String)
    case budget(fund: Int, year: Int)
    /// n_k ≤ θ_q / u_q for a prerequisite q of park k (definitional).
    case naming(park: Int, project: Int)
    case limit(LimitOrigin)
    case target(index: Int)
    /// A city envelope of a `factors` entry (scenario-format §15.1).
    case envelope(CityEnvelope)
    /// The definition of the money a fund carries into a year (scenario-format §15.2, never relaxed).
    case carry(fund: Int, year: Int)
    /// The deferral rows of a project and the naming rows that follow deferred prerequisites (definitional,
    /// scenario-format §15.4).
    case deferral(project: Int)
    case deferredNaming(park: Int)

    /// The scenario-format §13 rule this row belongs to, if it is one that a diagnosis may name.
    public func conflictRule(scenario: Scenario, library: Library) -> ConflictRule? {
        switch self {
        case .shareLink, .naming, .carry, .deferral, .deferredNaming: nil
        case .envelope(let envelope): envelope.conflictRule(scenario: scenario, library: library)
        case .requires(let project, _): .requires(project: library.projectRecords[project].id)
        case .exclusive(let group): .exclusive(group: group)
        case .budget(let fund, let year): .budget(fund: scenario.funds[fund].id, year: year)
        case .limit(let origin): origin.conflictRule(scenario: scenario)
        case .target(let index): .target(rule: scenario.targets[index].name)
        }
    }
}

/// A park that may be newly named (scenario-format §10), with its fixed naming year.
public struct NamingCandidate: Sendable {
    public var park: Int
    public var year: Int
    public var prerequisites: [Int]
    public var column: Int
    /// One of the park's columns per possible year, when a prerequisite may be deferred (scenario-format §15.4).
    public var followsDeferral = false
}

/// The decision columns of the subsidy model, per project.
public struct DecisionColumns: Sendable {
    /// The binary column z (nil when a fact keeps the project out; a project that only `requires` keeps out has
    /// one, held at 0 by its `requires` rows).
    public var funded: [Int?]
    /// The continuous share column θ (nil when θ = u·z).
    public var share: [Int?]
    public var facts: [ProjectFacts]
    /// Projects locked in (z fixed to 1).
    public var lockedIn: [Int] = []
    /// The deferrable projects' columns, by project (scenario-format §15.4).
    public var deferral: [Int: ProjectDeferral] = [:]

    /// θ of a project at a point.
    public func share(of project: Int, _ values: [Double]) -> Double {
        guard let funded = funded[project] else { return 0 }
        if let share = share[project] { return values[share] }
        return values[funded] * facts[project].cap
    }

    /// Terms of θ_p × coefficient.
    func shareTerms(_ project: Int, _ coefficient: Double) -> [Term] {
        guard coefficient != 0, let funded = funded[project] else { return [] }
        if let share = share[project] { return [Term(share, coefficient)] }
        return [Term(funded, coefficient * facts[project].cap)]
    }
}

/// The integer program of a scenario, with the maps needed to read a solution back and indexes of its rows
/// by origin (built once).
public struct CompiledModel: Sendable {
    public var model: Model
    /// One per row of `model`, in row order.
    public let rowOrigins: [RowOrigin]
    public let decisions: DecisionColumns
    public let naming: [NamingCandidate]
    /// Per target: its shortfall column (soft targets only).
    public let shortfallColumn: [Int?]
    /// Coefficients of the objective that scenario-format §8 reports (the tie solve replaces the model's objective).
    public let reportedObjective: [Double]
    public var findings: [Finding] = []
    /// The limit rows in row order, each with its origin and (share rows) the group's own terms.
    public let limitRows: [LimitRow]
    let index: RowIndex

    init(builder: ModelBuilder<RowOrigin>, decisions: DecisionColumns, naming: [NamingCandidate], shortfallColumn: [Int?]) {
        model = builder.model
        rowOrigins = builder.origins
        limitRows = builder.limitRows
        self.decisions = decisions
        self.naming = naming
        self.shortfallColumn = shortfallColumn
        reportedObjective = builder.model.objective
        index = RowIndex(origins: builder.origins, limitRows: builder.limitRows)
    }

    /// Per project: the binary column z (see `DecisionColumns.funded`).
    public var fundedColumn: [Int?] { decisions.funded }
    /// Per project: the continuous share column θ (nil when θ = u·z).
    public var shareColumn: [Int?] { decisions.share }
    public var facts: [ProjectFacts] { decisions.facts }
    /// Projects locked in (z fixed to 1).
    public var lockedIn: [Int] { decisions.lockedIn }

    /// θ of a project at a point.
    public func share(of project: Int, _ values: [Double]) -> Double { decisions.share(of: project, values) }

    /// Terms of θ_p × coefficient.
    func shareTerms(_ project: Int, _ coefficient: Double) -> [Term] { decisions.shareTerms(project, coefficient) }
}
