/// How a run ended (SPEC §7 `status`).
public enum AllocationStatus: String, Sendable, Hashable {
    case optimal, feasible, infeasible
    case noSolution = "no_solution"
}

/// SPEC §7 `why`: the first that applies.
public enum WhyCode: String, Sendable, Hashable, CaseIterable {
    case excluded
    case lockedOut = "locked_out"
    case loanOnly = "loan_only"
    case ineligible
    /// No request inside the horizon (its requests, if any, lie in other years).
    case outsideHorizon = "outside_horizon"
    /// The caps allow nothing (u = 0).
    case minShareImpossible = "min_share_impossible"
    case requiresUnfundable = "requires_unfundable"
    case notChosen = "not_chosen"
    case funded
}

/// A reason in a form every writer can render in either language.
public enum Reason: Sendable, Hashable {
    case excludedBy(rule: String, reason: String)
    case lockedOut
    case loanOnly
    case ineligible(fund: String, rule: String)
    /// No request inside the horizon; `years` are the years it asks for money in (empty: none at all).
    case outsideHorizon(years: [Int])
    /// u = 0: the cap named by `limitedBy` allows nothing.
    case minShareImpossible(cap: Double, minShare: Double, limitedBy: String)
    case requiresUnfundable(project: String)
    case notChosen
    case lockedIn
    case fundedFull
    case fundedPartial(share: Double)
    /// Funded at its maximum u < 1, set by the cap `limitedBy` (按上限补助).
    case fundedAtCap(share: Double, limitedBy: String)
    /// Requests after the horizon, not funded in this scenario (后续年度需求).
    case laterYearNeeds([YearlyAmount])
    case bonus(name: String, factor: Double)
    case namingPrerequisite(park: String, named: Bool)
    case requiresFunded(project: String)
}

public struct ExclusionHit: Sendable, Hashable {
    public var rule: String
    public var reason: String
    public init(rule: String, reason: String) {
        self.rule = rule
        self.reason = reason
    }
}

/// One project's result (one row of projects.csv, one entry of allocation.json `projects`).
public struct ProjectOutcome: Sendable {
    public var id: String
    public var name: String
    public var park: String
    public var city: String
    public var fund: String?
    public var category: String
    public var investment: Double
    /// Requested subsidy per horizon year (万元), aligned with `Allocation.years`.
    public var request: [Double]
    public var funded: Bool
    public var share: Double
    /// Subsidy per horizon year (万元), aligned with `Allocation.years`.
    public var subsidy: [Double]
    public var score: Double
    public var excludedBy: [ExclusionHit]
    public var why: WhyCode
    public var reasons: [Reason]
    /// Requests after the horizon (后续年度需求): not funded in this scenario, shown to the reader.
    public var laterRequest: [YearlyAmount]

    public init(
        id: String, name: String, park: String, city: String, fund: String?, category: String, investment: Double,
        request: [Double], funded: Bool, share: Double, subsidy: [Double], score: Double,
        excludedBy: [ExclusionHit], why: WhyCode, reasons: [Reason], laterRequest: [YearlyAmount] = []
    ) {
        self.laterRequest = laterRequest
        self.id = id
        self.name = name
        self.park = park
        self.city = city
        self.fund = fund
        self.category = category
        self.investment = investment
        self.request = request
        self.funded = funded
        self.share = share
        self.subsidy = subsidy
        self.score = score
        self.excludedBy = excludedBy
        self.why = why
        self.reasons = reasons
    }

    public var requestTotal: Double { request.reduce(0, +) }
    public var subsidyTotal: Double { subsidy.reduce(0, +) }
}

public struct NamedPark: Sendable, Hashable {
    public var id: String
    public var name: String
    public var city: String
    public var namedIn: Int
    public var award: Double
    public init(id: String, name: String, city: String, namedIn: Int, award: Double) {
        self.id = id
        self.name = name
        self.city = city
        self.namedIn = namedIn
        self.award = award
    }
}

/// One row of a limit (SPEC §7 `limits`).
public struct LimitOutcome: Sendable, Hashable {
    public var name: String
    public var group: String?
    public var year: Int?
    public var value: Double
    /// Effective upper bound at the solution (absolute, or share × base value).
    public var max: Double?
    public var min: Double?
    public var binding: Bool
    public init(name: String, group: String?, year: Int?, value: Double, max: Double?, min: Double?, binding: Bool) {
        self.name = name
        self.group = group
        self.year = year
        self.value = value
        self.max = max
        self.min = min
        self.binding = binding
    }
}

public struct TargetOutcome: Sendable, Hashable {
    public var name: String
    public var metric: String
    public var year: Int?
    public var value: Double
    public var min: Double
    public var met: Bool
    public var hard: Bool
    public init(name: String, metric: String, year: Int?, value: Double, min: Double, met: Bool, hard: Bool) {
        self.name = name
        self.metric = metric
        self.year = year
        self.value = value
        self.min = min
        self.met = met
        self.hard = hard
    }
}

/// A fund's budget and use per horizon year.
public struct FundOutcome: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: FundKind
    public var budget: [Double]
    public var used: [Double]
    public init(id: String, name: String, kind: FundKind, budget: [Double], used: [Double]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.budget = budget
        self.used = used
    }
}

public struct CityInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A rule that takes part in an infeasibility (SPEC §7 `diagnosis.conflict`).
public enum ConflictRule: Sendable, Hashable {
    case limit(rule: String, group: String?, year: Int?)
    case lock(project: String)
    case budget(fund: String, year: Int)
    case target(rule: String)
    case requires(project: String)
    case exclusive(group: String)
}

/// How much to relax one rule (SPEC §7 `diagnosis.relax`), in the rule's own unit.
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

public struct Diagnosis: Sendable, Hashable {
    public var minimal: Bool
    public var conflict: [ConflictRule]
    public var relax: [Relaxation]
    /// What explains the conflict, rendered into sentences by the reports.
    public var explanation: [DiagnosisSentence]
    public init(minimal: Bool, conflict: [ConflictRule], relax: [Relaxation], explanation: [DiagnosisSentence] = []) {
        self.minimal = minimal
        self.conflict = conflict
        self.relax = relax
        self.explanation = explanation
    }
}

/// A presolve finding (printed before solving, SPEC-independent extension).
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case infeasible, warning }
    public var severity: Severity
    public var kind: FindingKind
    public var rules: [ConflictRule]
    public init(severity: Severity, kind: FindingKind, rules: [ConflictRule] = []) {
        self.severity = severity
        self.kind = kind
        self.rules = rules
    }

    /// A finding given as text (an allocation built by hand).
    public init(severity: Severity, message: String, suggestion: String, rules: [ConflictRule] = []) {
        self.init(severity: severity, kind: .stated(message: message, suggestion: suggestion), rules: rules)
    }
}

/// Loan stage result (SPEC §5, §7).
public struct LoanAssignment: Sendable, Hashable {
    public var project: String
    public var bank: String
    public var rank: Int
    public var amount: Double
    public var loanScore: Double
    public init(project: String, bank: String, rank: Int, amount: Double, loanScore: Double) {
        self.project = project
        self.bank = bank
        self.rank = rank
        self.amount = amount
        self.loanScore = loanScore
    }
}

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
    public var loanStageStatus: AllocationStatus?
    public var loanStageObjective: Double?
    public var loans: [LoanAssignment]
    /// The banks' ranked lists, waitlists and unplaceable projects (nil when no loan stage ran).
    public var loanDetails: LoanDetails? = nil
    /// An infeasible loan stage's diagnosis: the `loan` limits that cannot hold together.
    public var loanDiagnosis: Diagnosis? = nil
    /// Eco parks before the run (named provincial or national) and the share denominator.
    public var ecoParksBefore: Int
    public var parksCounted: Int

    public init(
        scenario: String, inputsSHA256: String, status: AllocationStatus, objective: Double?, bestBound: Double?,
        gap: Double?, solverName: String, solverVersion: String, objectiveSense: ObjectiveSense, years: [Int],
        cities: [CityInfo], funds: [FundOutcome], projects: [ProjectOutcome], parks: [NamedPark],
        limits: [LimitOutcome], targets: [TargetOutcome], findings: [Finding], diagnosis: Diagnosis?,
        loanStageStatus: AllocationStatus? = nil, loanStageObjective: Double? = nil, loans: [LoanAssignment] = [],
        ecoParksBefore: Int, parksCounted: Int
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
        self.loanStageStatus = loanStageStatus
        self.loanStageObjective = loanStageObjective
        self.loans = loans
        self.ecoParksBefore = ecoParksBefore
        self.parksCounted = parksCounted
    }
}
