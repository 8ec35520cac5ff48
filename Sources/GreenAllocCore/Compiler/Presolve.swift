internal import MILP

/// Checks made before solving, each a structured finding whose words (and suggestion: an office can act on
/// them without an optimizer) are the reports':
/// lock-ins that cannot be funded or break a budget alone, floors above every possible supply, hard targets
/// above what every project with decision columns (or nameable park) could give, share caps that one group
/// makes impossible, and coefficients spanning more than 1e9. An `.infeasible` finding names the rules that
/// cannot hold together; it seeds the diagnosis, which returns it only once a solve has confirmed it.
struct Presolve {
    let scenario: Scenario
    let library: Library
    let compiled: CompiledModel

    func findings() -> [Finding] {
        lockInsBlocked() + lockInsAboveBudget() + limitFindings() + targetsOutOfReach() + coefficientSpan()
    }

    /// Lock-ins that cannot be funded: a fact keeps the project out, or a chain of `requires` (rules, named
    /// with the lock) reaches a project that a fact keeps out.
    func lockInsBlocked() -> [Finding] {
        var findings: [Finding] = []
        let projects = library.projectRecords
        let facts = compiled.facts
        for (index, record) in projects.enumerated() where record.lock == .lockedIn {
            guard let why = facts[index].blocked else { continue }
            let chain = requirementChain(from: index)
            let kind: FindingKind
            if let last = chain.last, let blocker = facts[last].blockingRequirement, let blockerWhy = facts[blocker].blocked {
                let path = (chain.dropFirst() + [blocker]).map { projects[$0].id }
                kind = .lockInRequiresBlocked(project: record.id, path: path, why: blockerWhy)
            } else {
                kind = .lockInBlocked(project: record.id, why: why)
            }
            findings.append(
                Finding(
                    severity: .infeasible, kind: kind,
                    rules: [.lock(project: record.id)] + chain.map { .requires(project: projects[$0].id) }))
        }
        return findings
    }

    /// Lock-ins that alone exceed a fund's budget in a year: a lock-in draws u × request_y (θ = u).
    func lockInsAboveBudget() -> [Finding] {
        var findings: [Finding] = []
        let projects = library.projectRecords
        let facts = compiled.facts
        for (fundIndex, fund) in scenario.funds.enumerated() where fund.kind == .projectSubsidy {
            for (yearIndex, year) in scenario.years.enumerated() {
                let locked = compiled.lockedIn.filter { projects[$0].fund == fundIndex }
                let need = locked.reduce(0.0) { $0 + projects[$1].request[yearIndex] * Swift.min(1, facts[$1].cap) }
                if need > fund.budget(in: year) + 1e-9 * Swift.max(1, need) {
                    findings.append(
                        Finding(
                            severity: .infeasible,
                            kind: .lockInsAboveBudget(
                                fund: fund.id, year: year, need: need, budget: fund.budget(in: year),
                                lockedIn: locked.map { projects[$0].id }),
                            rules: locked.map { .lock(project: projects[$0].id) } + [.budget(fund: fund.id, year: year)]))
                }
            }
        }
        return findings
    }

    /// Floors above every possible supply; share caps one group makes impossible.
    func limitFindings() -> [Finding] {
        var findings: [Finding] = []
        let projects = library.projectRecords
        for entry in compiled.limitRows {
            let (origin, part) = (entry.origin, entry.origin.part)
            let row = compiled.model.rows[entry.row]
            let limit = scenario.limits[origin.index]
            let rule = origin.conflictRule(scenario: scenario)
            let scope = LimitScope(name: limit.name, group: origin.group, year: origin.year)
            if part == .absolute, row.lower > 0 {
                let supply = maximumActivity(row)
                if supply < row.lower - 1e-9 * Swift.max(1, row.lower) {
                    findings.append(
                        Finding(
                            severity: .infeasible, kind: .floorAboveSupply(limit: scope, floor: row.lower, supply: supply),
                            rules: [rule]))
                }
            }
            if part == .maxShare, let share = limit.maxShare, share < 1 {
                // The group holds every fundable project of the base when no term has a negative coefficient
                // other than its own: Σ_group q − s Σ_base q = (1 − s) Σ_group q.
                // Alone the cap is satisfiable (nothing funded there); a lock-in in the group makes it a conflict.
                let coefficients = row.terms.map(\.coefficient)
                if !coefficients.isEmpty, coefficients.allSatisfy({ $0 > 0 }) {
                    let locks = compiled.lockedIn.filter { lockedTouches($0, row) }
                    findings.append(
                        Finding(
                            severity: locks.isEmpty ? .warning : .infeasible,
                            kind: .shareCapAllowsNothing(limit: scope, share: share, lockedIn: locks.map { projects[$0].id }),
                            rules: [rule] + locks.map { .lock(project: projects[$0].id) }))
                }
            }
        }
        return findings
    }

    /// Hard targets above what every fundable project or nameable park could give.
    func targetsOutOfReach() -> [Finding] {
        var findings: [Finding] = []
        for (targetIndex, target) in scenario.targets.enumerated() where target.isHard {
            guard let rowIndex = compiled.targetRow(of: targetIndex) else { continue }
            let row = compiled.model.rows[rowIndex]
            let supply = maximumActivity(row)
            if supply < row.lower - 1e-9 * Swift.max(1, abs(row.lower)) {
                let reach: TargetReach =
                    target.metric.isEcoPark
                    ? .parks(
                        nameable: row.terms.count, year: target.year ?? 0,
                        alreadyNamed: library.parkRecords.filter { $0.status.isEcoPark }.count)
                    : .supply(supply)
                findings.append(
                    Finding(
                        severity: .infeasible, kind: .targetOutOfReach(target: target.name, min: target.min, reach: reach),
                        rules: [.target(rule: target.name)]))
            }
        }
        return findings
    }

    /// Coefficients spanning more than 1e9.
    func coefficientSpan() -> [Finding] {
        var findings: [Finding] = []
        var smallest = Double.infinity
        var largest = 0.0
        for row in compiled.model.rows {
            for term in row.terms where term.coefficient != 0 {
                smallest = Swift.min(smallest, abs(term.coefficient))
                largest = Swift.max(largest, abs(term.coefficient))
            }
        }
        for coefficient in compiled.model.objective where coefficient != 0 {
            smallest = Swift.min(smallest, abs(coefficient))
            largest = Swift.max(largest, abs(coefficient))
        }
        if largest > 0, largest / smallest > 1e9 {
            findings.append(
                Finding(severity: .warning, kind: .coefficientSpan(smallest: smallest, largest: largest)))
        }
        return findings
    }
    /// The largest value a row's activity can take within the columns' bounds.
    func maximumActivity(_ row: Row) -> Double {
        row.terms.reduce(0) { total, term in
            let column = compiled.model.columns[term.column]
            return total + (term.coefficient > 0 ? term.coefficient * column.upper : term.coefficient * column.lower)
        }
    }

    /// The projects whose `requires` keep `project` out, in order: the project itself when a required project
    /// cannot be funded, then that required project when it is kept out only by its own `requires`, and so on
    /// (empty when a fact blocks the project itself).
    func requirementChain(from project: Int) -> [Int] {
        var chain: [Int] = []
        var current = project
        while compiled.facts[current].blocked == .requiresUnfundable, !chain.contains(current) {
            chain.append(current)
            guard let next = compiled.facts[current].blockingRequirement else { break }
            current = next
        }
        return chain
    }

    func lockedTouches(_ project: Int, _ row: Row) -> Bool {
        guard let funded = compiled.fundedColumn[project] else { return false }
        return row.terms.contains { $0.column == funded || $0.column == compiled.shareColumn[project] }
    }
}
