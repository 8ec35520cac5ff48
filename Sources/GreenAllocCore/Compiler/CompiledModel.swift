public import MILP

/// Where a row of the compiled model comes from: what results, findings and diagnoses read.
public enum RowOrigin: Sendable, Hashable {
    /// θ ≤ u·z and θ ≥ min_share·u·z (the definition of θ, never relaxed).
    case shareLink(project: Int)
    case requires(project: Int, required: Int)
    case exclusive(group: String)
    case budget(fund: Int, year: Int)
    /// n_k ≤ θ_q / u_q for a prerequisite q of park k (definitional).
    case naming(park: Int, project: Int)
    /// Limit rows: `part` is "abs", "max_share" or "min_share".
    case limit(index: Int, group: String?, year: Int?, part: String)
    case target(index: Int)

    /// The SPEC §7 rule this row belongs to, if it is one that a diagnosis may name.
    public func conflictRule(scenario: Scenario, library: Library) -> ConflictRule? {
        switch self {
        case .shareLink, .naming: nil
        case .requires(let project, _): .requires(project: library.projectRecords[project].id)
        case .exclusive(let group): .exclusive(group: group)
        case .budget(let fund, let year): .budget(fund: scenario.funds[fund].id, year: year)
        case .limit(let index, let group, let year, _): .limit(rule: scenario.limits[index].name, group: group, year: year)
        case .target(let index): .target(rule: scenario.targets[index].name)
        }
    }
}

/// A park that may be newly named (SPEC §4.4), with its fixed naming year.
public struct NamingCandidate: Sendable {
    public var park: Int
    public var year: Int
    public var prerequisites: [Int]
    public var column: Int
}

/// The integer program of a scenario, with the maps needed to read a solution back.
public struct CompiledModel: Sendable {
    public var model: Model
    public var rowOrigins: [RowOrigin]
    /// Per project: the binary column z (nil when a fact keeps the project out; a project that only `requires`
    /// keeps out has one, held at 0 by its `requires` rows).
    public var fundedColumn: [Int?]
    /// Per project: the continuous share column θ (nil when θ = u·z).
    public var shareColumn: [Int?]
    public var facts: [ProjectFacts]
    public var naming: [NamingCandidate]
    /// Per target: its shortfall column (soft targets only).
    public var shortfallColumn: [Int?]
    /// Projects locked in (z fixed to 1).
    public var lockedIn: [Int]
    /// Coefficients of the objective that SPEC §4 reports (the tie solve replaces the model's objective).
    public var reportedObjective: [Double]
    public var findings: [Finding]
    /// For share rows of limits: the group's own terms (Σ_group q), to report the group's value.
    public var limitGroupTerms: [Int: [Term]] = [:]

    /// θ of a project at a point.
    public func share(of project: Int, _ values: [Double]) -> Double {
        guard let funded = fundedColumn[project] else { return 0 }
        if let share = shareColumn[project] { return values[share] }
        return values[funded] * facts[project].cap
    }

    /// Terms of θ_p × coefficient.
    func shareTerms(_ project: Int, _ coefficient: Double) -> [Term] {
        guard coefficient != 0, let funded = fundedColumn[project] else { return [] }
        if let share = shareColumn[project] { return [Term(share, coefficient)] }
        return [Term(funded, coefficient * facts[project].cap)]
    }
}
