public import MILP

/// Finds a set of rules that cannot hold together (SPEC §7 `diagnosis`) by a deletion filter: drop one rule
/// at a time and keep it dropped when the rest stays infeasible. When every test finishes, what remains is
/// minimal: dropping any one of its rules makes the rest feasible.
struct ConflictFinder {
    let scenario: Scenario
    let library: Library
    let compiled: CompiledModel
    let solver: any Solver

    struct Candidate {
        var rule: ConflictRule
        var rows: [Int]
        /// For lock-ins: the project whose fixed z (and θ) is released when the rule is dropped.
        var lockedProject: Int?
    }

    func candidates() -> [Candidate] {
        var order: [ConflictRule] = []
        var rows: [ConflictRule: [Int]] = [:]
        for (index, origin) in compiled.rowOrigins.enumerated() {
            guard let rule = origin.conflictRule(scenario: scenario, library: library) else { continue }
            if rows[rule] == nil { order.append(rule) }
            rows[rule, default: []].append(index)
        }
        var result = compiled.lockedIn.map {
            Candidate(rule: .lock(project: library.projectRecords[$0].id), rows: [], lockedProject: $0)
        }
        result += order.map { Candidate(rule: $0, rows: rows[$0] ?? []) }
        return result
    }

    /// The model with only the `active` candidates in force and a zero objective.
    func model(keeping active: [Bool], _ candidates: [Candidate]) -> Model {
        var model = compiled.model
        model.replaceObjective(Array(repeating: 0, count: model.columnCount), sense: .minimize)
        for (position, candidate) in candidates.enumerated() where !active[position] {
            for row in candidate.rows { model.setRowBounds(row, lower: -.infinity, upper: .infinity) }
            if let project = candidate.lockedProject {
                if let funded = compiled.fundedColumn[project] { model.setColumnBounds(funded, lower: 0, upper: 1) }
                if let share = compiled.shareColumn[project] {
                    model.setColumnBounds(share, lower: 0, upper: model.columns[share].upper)
                }
            }
        }
        return model
    }

    func diagnose(timeBudget: Double, clock: @Sendable () -> Double) -> Diagnosis {
        let candidates = candidates()
        var active = Array(repeating: true, count: candidates.count)
        let start = clock()
        var complete = true
        for position in candidates.indices {
            let remaining = timeBudget - (clock() - start)
            if remaining <= 0 {
                complete = false
                break
            }
            active[position] = false
            let parameters = SolverParameters(timeLimit: Swift.max(0.5, remaining), concurrent: true)
            guard let result = try? solver.solve(model(keeping: active, candidates), parameters: parameters) else {
                active[position] = true
                complete = false
                continue
            }
            switch result.termination {
            case .infeasible:
                continue  // still infeasible without it: leave it out
            case .optimal:
                active[position] = true  // needed for the conflict
            default:
                active[position] = true
                complete = false
            }
        }
        let conflict = candidates.indices.filter { active[$0] }.map { candidates[$0].rule }
        return Diagnosis(
            minimal: complete, conflict: conflict, relax: [],
            explanation: conflict.map { describe($0) })
    }

    func describe(_ rule: ConflictRule) -> String {
        switch rule {
        case .limit(let name, let group, let year):
            let row = compiled.rowOrigins.firstIndex {
                if case .limit(let index, let rowGroup, let rowYear, "abs") = $0 {
                    return scenario.limits[index].name == name && rowGroup == group && rowYear == year
                }
                return false
            }
            let bound = row.map { compiled.model.rows[$0] }.map { row in
                [row.upper.isFinite ? "max \(money(row.upper))" : nil, row.lower.isFinite ? "min \(money(row.lower))" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            return "limit 「\(name)」" + (group.map { " for \($0)" } ?? "") + (year.map { " in \($0)" } ?? "")
                + (bound.map { " (\($0))" } ?? "")
        case .lock(let project):
            let index = library.projectRecords.firstIndex { $0.id == project }
            let need = index.map { library.projectRecords[$0] }.map { record in
                zip(scenario.years, record.request).filter { $0.1 > 0 }.map { "\(money($0.1))万 in \($0.0)" }
                    .joined(separator: ", ")
            }
            return "the lock-in of \(project)" + (need.map { " needs \($0)" } ?? "")
        case .budget(let fund, let year):
            let amount = scenario.funds.first { $0.id == fund }?.budget(in: year) ?? 0
            return "the budget of \(fund) in \(year) is \(money(amount))万"
        case .target(let name):
            let target = scenario.targets.first { $0.name == name }
            return "target 「\(name)」 needs \(target?.metric.description ?? "") ≥ \(formatNumber(target?.min ?? 0))"
        case .requires(let project):
            return "project \(project) requires other projects to be funded with it"
        case .exclusive(let group):
            return "at most one project of exclusive group \(group)"
        }
    }
}
