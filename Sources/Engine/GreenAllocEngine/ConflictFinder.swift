internal import GreenAllocCore
internal import MILP

/// Finds a set of rules that cannot hold together (scenario-format §13 `diagnosis`) and how much to relax them, through
/// the solver-neutral `InfeasibilityAnalysis` of the MILP layer. This type maps the rules of scenario-format §13 to
/// constraint groups of the compiled model and back:
/// - each limit row (group and year), each fund's budget in a year, each hard target, each exclusive group
///   and each project's `requires` (all its rows z_p ≤ z_q) is the group of its rows;
/// - each `lock: in` is the release of the bounds that fix z_p = 1 (and θ_p = u_p) back to z_p ∈ [0, 1],
///   θ_p ∈ [0, u_p]; a lock-in of a project that facts keep out (no columns) is a row 0 ≥ 1 of its own;
/// - every other row (share links, naming links) and bound is a fact: eligibility, exclusions, θ's definition.
///
/// Every conflict returned was proved infeasible by a solve of the facts plus exactly its rules, and is
/// `minimal` only when dropping each of its rules was shown to leave a feasible point. Presolve findings only
/// seed the search. `relax` comes from the elastic model, in each rule's own unit: a row's slack in the row's
/// unit (a limit's or budget's 万元, projects for counts, requirements and groups, the target's metric, an
/// eco-park share target divided back by its denominator), one project per released lock; it is reported only
/// when the amounts applied together were shown to restore feasibility, and `alone` marks each amount that
/// does so on its own.
struct ConflictFinder {
    let scenario: Scenario
    let library: Library
    /// The infeasible model with every rule in force (its objective is ignored).
    let model: Model
    /// One per rule that may be dropped, in the order the deletion filter tests them: lock-ins, then rows in
    /// model order.
    let rules: [ConflictRule]
    let groups: [ConstraintGroup]
    /// Per limit rule: the row carrying its absolute bounds, quoted in the sentences.
    let boundRows: [ConflictRule: Int]
    /// Per project: the share u that a lock-in fixes (empty for the loan stage).
    let lockShares: [Double]
    let solver: any Solver

    /// The subsidy stage: the rule kinds of scenario-format §13.
    init(scenario: Scenario, library: Library, compiled: CompiledModel, solver: any Solver) {
        var model = compiled.model
        var locks: [(rule: ConflictRule, group: ConstraintGroup)] = []
        for (index, record) in library.projectRecords.enumerated() where record.lock == .lockedIn {
            let rule = ConflictRule.lock(project: record.id)
            guard let funded = compiled.fundedColumn[index] else {
                locks.append((rule, ConstraintGroup(rows: [model.addRow("lock_p\(index)", terms: [], lower: 1)])))
                continue
            }
            var released = [ReleasedBound(column: funded, lower: 0, upper: 1)]
            if let share = compiled.shareColumn[index] {
                released.append(ReleasedBound(column: share, lower: 0, upper: model.columns[share].upper))
            }
            locks.append((rule, ConstraintGroup(releasedBounds: released)))
        }
        let rowRules = compiled.rowOrigins.map { $0.conflictRule(scenario: scenario, library: library) }
        self.init(
            scenario: scenario, library: library, model: model, rowRules: rowRules, locks: locks,
            absRows: compiled.absoluteLimitRows,
            lockShares: compiled.facts.map { Swift.min(1, $0.cap) }, solver: solver)
    }

    /// The loan stage (scenario-format §11): each row of a `loan` limit is a rule; one bank per project, the banks'
    /// capacities and the interest-subsidy budget are facts (not rule kinds of scenario-format §13) and stay in force.
    init(scenario: Scenario, library: Library, loans: LoanModel, solver: any Solver) {
        let rowRules = loans.origins.map { origin -> ConflictRule? in
            guard case .limit(let limit) = origin else { return nil }
            return limit.conflictRule(scenario: scenario)
        }
        let absRows = loans.limitRows.filter { $0.origin.part == .absolute }.map(\.row)
        self.init(
            scenario: scenario, library: library, model: loans.model, rowRules: rowRules, locks: [], absRows: absRows,
            lockShares: [], solver: solver)
    }

    /// `rowRules`: per row of the model, the rule it belongs to (nil for a fact); rows of one rule form one group.
    private init(
        scenario: Scenario, library: Library, model: Model, rowRules: [ConflictRule?],
        locks: [(rule: ConflictRule, group: ConstraintGroup)], absRows: [Int], lockShares: [Double], solver: any Solver
    ) {
        var order: [ConflictRule] = []
        var rows: [ConflictRule: [Int]] = [:]
        for (index, rule) in rowRules.enumerated() {
            guard let rule else { continue }
            if rows[rule] == nil { order.append(rule) }
            rows[rule, default: []].append(index)
        }
        var boundRows: [ConflictRule: Int] = [:]
        for row in absRows { if let rule = rowRules[row], boundRows[rule] == nil { boundRows[rule] = row } }
        self.scenario = scenario
        self.library = library
        self.model = model
        self.rules = locks.map(\.rule) + order
        self.groups = locks.map(\.group) + order.map { ConstraintGroup(rows: rows[$0] ?? []) }
        self.boundRows = boundRows
        self.lockShares = lockShares
        self.solver = solver
    }

    var analysis: InfeasibilityAnalysis {
        InfeasibilityAnalysis(model: model, groups: groups, solver: solver, parameters: SolverParameters(concurrent: true))
    }

    /// Tries the presolve findings in order: the first whose rules a solve proves infeasible (with the facts)
    /// is narrowed by the deletion filter and returned, the finding leading the explanation. Nil when no
    /// finding is confirmed: the findings are then no proof, and the scenario must be solved.
    func diagnose(findings: [Finding], timeBudget: Double) throws -> Diagnosis? {
        let elapsed = stopwatch()
        let analysis = analysis
        for finding in findings {
            let candidates = finding.rules.compactMap { rules.firstIndex(of: $0) }
            let remaining = timeBudget - elapsed()
            guard candidates.count == finding.rules.count, remaining > 0 else { continue }
            if let subsystem = try analysis.deletionFilter(candidates: candidates, timeLimit: remaining) {
                return try diagnosis(subsystem, lead: [.finding(finding.kind)], analysis: analysis, timeLimit: timeBudget - elapsed())
            }
        }
        return nil
    }

    /// For a model the solver has proved infeasible (every rule in force): the deletion filter over every rule,
    /// testing the rules of `findings` last so that they stay in the conflict when they take part in it.
    func diagnoseInfeasible(preferring findings: [Finding] = [], timeBudget: Double) throws -> Diagnosis {
        let elapsed = stopwatch()
        let analysis = analysis
        let preferred = Set(findings.flatMap(\.rules))
        let order = rules.indices.filter { !preferred.contains(rules[$0]) } + rules.indices.filter { preferred.contains(rules[$0]) }
        let subsystem =
            try analysis.deletionFilter(candidates: order, knownInfeasible: true, timeLimit: timeBudget)
            ?? InfeasibleSubsystem(groups: order, isMinimal: false)
        return try diagnosis(subsystem, lead: [], analysis: analysis, timeLimit: timeBudget - elapsed())
    }

    /// The diagnosis of a proved conflict: its rules in this type's order, and the relaxations.
    func diagnosis(_ subsystem: InfeasibleSubsystem, lead: [DiagnosisSentence], analysis: InfeasibilityAnalysis, timeLimit: Double) throws
        -> Diagnosis
    {
        let conflict = subsystem.groups.sorted().map { rules[$0] }
        let relax = try relaxations(analysis, timeLimit: Swift.max(1, timeLimit))
        return Diagnosis(
            minimal: subsystem.isMinimal, conflict: conflict, relax: relax,
            explanation: lead + explanation(conflict: conflict, relax: relax))
    }

    /// The elastic model's cheapest relaxation in each rule's unit; empty when it was not found or not shown
    /// to restore feasibility.
    func relaxations(_ analysis: InfeasibilityAnalysis, timeLimit: Double) throws -> [Relaxation] {
        guard let elastic = try analysis.elasticRelaxation(timeLimit: timeLimit), elastic.restoresFeasibility else {
            return []
        }
        return elastic.groups.map { relaxation in
            let rule = rules[relaxation.group]
            let amount = relaxation.rowAmount / scale(of: rule) + (relaxation.releasesBounds ? 1 : 0)
            return Relaxation(rule: rule, by: amount, alone: relaxation.restoresFeasibilityAlone)
        }
    }

    /// What a rule's row measures per unit of the rule: the parks counted by an eco-park share target, else 1.
    func scale(of rule: ConflictRule) -> Double {
        guard case .target(let name) = rule, let target = scenario.targets.first(where: { $0.name == name }),
            target.metric == .ecoParkShare
        else { return 1 }
        return Double(library.parkRecords.filter { $0.status != .revoked }.count)
    }
}
