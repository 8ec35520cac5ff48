import GreenAllocCore
import MILP

extension ExplainContext {
    /// Exact `forced_in`'s first half: the best plan with z_p = 1 (started from the listing's repaired plan)
    /// and its objective. nil when no feasible plan funds the project.
    func forcedOptimum(_ project: Int) -> (plan: [Double], value: Double)? {
        let start = repairedForcedPlan(project)
        guard let first = try? solver.solve(forcedModel(project), parameters: parameters(start: start)), first.hasSolution,
            let value = first.objective
        else { return nil }
        return (first.values, value)
    }

    /// Exact `forced_in`'s second half: the projects funded today and not in the plan with the forced optimum
    /// (within 1e-7) that keeps the most of today's projects.
    func keptDisplaced(_ project: Int, _ forced: (plan: [Double], value: Double)) -> [String] {
        let model = forcedModel(project)
        var overlap = Array(repeating: 0.0, count: model.columnCount)
        for (index, outcome) in allocation.projects.enumerated() where outcome.funded {
            if let funded = compiled.fundedColumn[index] { overlap[funded] = 1 }
        }
        let keep = ObjectiveStep(keeping: "forced_objective", then: overlap, sense: .maximize)
        // The overlap is a whole number at most `today`: a gap below 1 / today stops only once the bound is
        // less than 1 above the plan found, which is then optimal (the proof at gap 0 could take minutes).
        let today = overlap.reduce(0, +)
        var keepParameters = parameters(gap: 0.99 / Swift.max(1, today))
        keepParameters.roundingCuts = false
        let kept = try? solver.solveLexicographically(
            model, from: forced.plan, optimum: forced.value, steps: [keep], parameters: keepParameters,
            accept: { model.verify(snapped($0.values)).isEmpty })
        return displaced(snapped(kept?.values ?? forced.plan))
    }

    /// A solver's point cleaned of its tolerances: integer columns rounded, and the share of a project whose
    /// funded column is 0 set to 0 (GLPK may leave it a few millionths above, breaking its share row).
    func snapped(_ values: [Double]) -> [Double] {
        var values = values
        for (index, column) in compiled.model.columns.enumerated() where column.isInteger { values[index] = values[index].rounded() }
        for project in library.projectRecords.indices {
            guard let funded = compiled.fundedColumn[project], values[funded] == 0, let share = compiled.shareColumn[project] else { continue }
            values[share] = 0
        }
        return settlingShortfalls(values)
    }

    /// Projects funded today and not at `values`.
    func displaced(_ values: [Double]) -> [String] {
        allocation.projects.indices.filter { allocation.projects[$0].funded && !isFunded($0, values) }
            .map { allocation.projects[$0].id }
    }

    /// Estimated `forced_in`: today's plan with the project (and what it requires) added at its least share,
    /// its exclusive partners dropped, then repaired row by row; falls back to a forced solve stopped at a
    /// 0.1% gap when the repair fails.
    func estimatedForcedIn(_ project: Int) -> (forcedIn: ForcedIn, values: [Double])? {
        if let values = repairedForcedPlan(project) {
            let value = compiled.model.objectiveValue(values)
            return (ForcedIn(objectiveLoss: loss(value), displaced: displaced(values)), values)
        }
        guard let result = try? solver.solve(forcedModel(project), parameters: parameters(gap: 1e-3, limit: Swift.min(timeLimit, 2))),
            result.hasSolution
        else { return nil }
        let values = settlingShortfalls(result.values)
        return (ForcedIn(objectiveLoss: loss(compiled.model.objectiveValue(values)), displaced: displaced(values)), values)
    }

    /// Sets a project funded at its least share (θ = min_share·u, or u when θ = u·z).
    func adding(_ project: Int, to values: inout [Double]) {
        guard let funded = compiled.fundedColumn[project] else { return }
        values[funded] = 1
        if let share = compiled.shareColumn[project] {
            values[share] = Swift.max(values[share], Swift.max(compiled.facts[project].leastShare, compiled.model.columns[share].lower))
        }
    }

    func removing(_ project: Int, from values: inout [Double]) {
        for column in columns(of: project) { values[column] = 0 }
        // A park whose prerequisite goes unfunded cannot be named.
        for candidate in compiled.naming where candidate.prerequisites.contains(project) { values[candidate.column] = 0 }
    }

    /// The project and everything it requires, transitively; nil when one of them cannot be funded at all.
    func forcedClosure(_ project: Int) -> Set<Int>? {
        var forced: Set<Int> = []
        var pending = [project]
        while let next = pending.popLast() {
            guard forced.insert(next).inserted else { continue }
            guard compiled.fundedColumn[next] != nil else { return nil }
            pending += library.projectRecords[next].requires
        }
        return forced
    }
}
