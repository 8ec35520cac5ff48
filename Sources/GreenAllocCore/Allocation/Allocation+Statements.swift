/// The structured content of presolve findings and diagnoses: each kind with the figures its sentences quote.
/// The words (English and Chinese) are the reports' (`FindingText`, `ConflictRuleText`, `DiagnosisText`).

/// A limit's scope as a finding names it: the rule, the group and the year of its row.
public struct LimitScope: Sendable, Hashable {
    public var name: String
    public var group: String?
    public var year: Int?
    public init(name: String, group: String?, year: Int?) {
        self.name = name
        self.group = group
        self.year = year
    }
}

/// What a hard target could reach at most, as a finding states it.
public enum TargetReach: Sendable, Hashable {
    /// Eco-park targets: the parks that can be newly named by `year`, besides those already named.
    case parks(nameable: Int, year: Int, alreadyNamed: Int)
    /// Other metrics: what every fundable project together gives at most.
    case supply(Double)
}

/// What a presolve check found.
public enum FindingKind: Sendable, Hashable {
    /// A lock-in that a fact keeps out (`why`: the fact).
    case lockInBlocked(project: String, why: WhyCode)
    /// A lock-in whose chain of `requires` (`path`: the required projects, in order) reaches a project a fact
    /// keeps out (`why`: that project's fact).
    case lockInRequiresBlocked(project: String, path: [String], why: WhyCode)
    /// The lock-ins of a fund need more than its budget in a year.
    case lockInsAboveBudget(fund: String, year: Int, need: Double, budget: Double, lockedIn: [String])
    /// A limit's floor above what every fundable project in its scope gives.
    case floorAboveSupply(limit: LimitScope, floor: Double, supply: Double)
    /// A share cap below 1 on a group that holds every fundable project of its base (`lockedIn`: the
    /// lock-ins in the group, which make it a conflict).
    case shareCapAllowsNothing(limit: LimitScope, share: Double, lockedIn: [String])
    /// A hard target above what can be reached.
    case targetOutOfReach(target: String, min: Double, reach: TargetReach)
    /// Model coefficients spanning more than 1e9.
    case coefficientSpan(smallest: Double, largest: Double)
    /// A finding given as text (an allocation built by hand): carried as it is.
    case stated(message: String, suggestion: String)
}

/// A conflict rule with the figures a diagnosis quotes for it.
public enum RuleStatement: Sendable, Hashable {
    /// `max` and `min`: the finite bounds of the limit's row of absolute bounds; nil without such a row.
    case limit(name: String, group: String?, year: Int?, bounds: LimitBounds?)
    /// `needs`: what the lock-in draws per year (nil when the project is unknown).
    case lock(project: String, needs: [YearlyAmount]?)
    case budget(fund: String, year: Int, amount: Double)
    case target(name: String, metric: TargetMetric?, min: Double)
    case requires(project: String)
    case exclusive(group: String)
}

/// A limit row's bounds (either may be infinite).
public struct LimitBounds: Sendable, Hashable {
    public var upper: Double
    public var lower: Double
    public init(upper: Double, lower: Double) {
        self.upper = upper
        self.lower = lower
    }
}

/// The unit a relaxation is measured in.
public enum RelaxationUnit: Sendable, Hashable {
    case money, projects, parks, parkShare
    /// A benefit column's own unit.
    case column(String)
    /// Not known (a rule the scenario does not define).
    case unknown
}

/// One element of a diagnosis's explanation.
public enum DiagnosisSentence: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The confirmed presolve finding that led the search.
    case finding(FindingKind)
    /// The rules that cannot hold together (one sentence in English, one in Chinese).
    case conflict([RuleStatement])
    /// How much relaxing one rule helps, and whether that alone restores feasibility.
    case relaxation(RuleStatement, by: Double, unit: RelaxationUnit, alone: Bool)
    /// A sentence given as text (an allocation built by hand): carried as it is.
    case stated(String)

    public init(stringLiteral text: String) { self = .stated(text) }
}
