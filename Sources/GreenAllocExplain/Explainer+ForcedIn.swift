import GreenAllocCore
import MILP

extension ExplainContext {
    /// Exact `forced_in`: the best plan with z_p = 1, then the plan with that objective (within 1e-7) that
    /// keeps the most of today's projects. nil when no feasible plan funds the project.
    func forcedIn(_ project: Int) -> ForcedIn? {
        let model = forcedModel(project)
        guard let first = try? solver.solve(model, parameters: parameters()), first.hasSolution,
            let forcedOptimum = first.objective
        else { return nil }
        var values = first.values
        // Keep as many of today's projects as the forced optimum allows.
        var keep = model
        let objectiveTerms = compiled.reportedObjective.enumerated().compactMap { $0.element != 0 ? Term($0.offset, $0.element) : nil }
        let slack = 1e-7 * Swift.max(1, abs(forcedOptimum))
        if maximize {
            keep.addRow("forced_objective", terms: objectiveTerms, lower: forcedOptimum - slack)
        } else {
            keep.addRow("forced_objective", terms: objectiveTerms, upper: forcedOptimum + slack)
        }
        var overlap = Array(repeating: 0.0, count: keep.columnCount)
        for (index, outcome) in allocation.projects.enumerated() where outcome.funded {
            if let funded = compiled.fundedColumn[index] { overlap[funded] = 1 }
        }
        keep.replaceObjective(overlap, sense: .maximize)
        if let second = try? solver.solve(keep, parameters: parameters(start: values)), second.hasSolution,
            compiled.model.verify(second.values).isEmpty || model.verify(second.values).isEmpty
        {
            values = second.values
        }
        return ForcedIn(objectiveLoss: loss(forcedOptimum), displaced: displaced(values))
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
        if let values = repairedPlan(forcing: project) {
            let value = compiled.model.objectiveValue(values)
            return (ForcedIn(objectiveLoss: loss(value), displaced: displaced(values)), values)
        }
        guard let result = try? solver.solve(forcedModel(project), parameters: parameters(gap: 1e-3, limit: Swift.min(timeLimit, 2))),
            result.hasSolution
        else { return nil }
        let values = settlingShortfalls(result.values)
        return (ForcedIn(objectiveLoss: loss(compiled.model.objectiveValue(values)), displaced: displaced(values)), values)
    }

    /// Sets a project funded at its least share (θ = min_share, or u when θ = u·z).
    func adding(_ project: Int, to values: inout [Double]) {
        guard let funded = compiled.fundedColumn[project] else { return }
        values[funded] = 1
        if let share = compiled.shareColumn[project] {
            values[share] = Swift.max(values[share], Swift.max(library.projectRecords[project].minShare, compiled.model.columns[share].lower))
        }
    }

    func removing(_ project: Int, from values: inout [Double]) {
        for column in columns(of: project) { values[column] = 0 }
        // A park whose prerequisite goes unfunded cannot be named.
        for candidate in compiled.naming where candidate.prerequisites.contains(project) { values[candidate.column] = 0 }
    }

    /// Greedy repair of today's plan with `project` forced in; nil when it does not reach a feasible point.
    func repairedPlan(forcing project: Int) -> [Double]? {
        let records = library.projectRecords
        var values = point
        var forced: Set<Int> = []
        var pending = [project]
        while let next = pending.popLast() {
            guard forced.insert(next).inserted else { continue }
            guard compiled.fundedColumn[next] != nil else { return nil }
            adding(next, to: &values)
            pending += records[next].requires
        }
        for member in forced {
            guard let group = records[member].exclusiveGroup else { continue }
            for other in records.indices where other != member && records[other].exclusiveGroup == group && isFunded(other, values) {
                guard !forced.contains(other) else { return nil }
                removing(other, from: &values)
            }
        }
        let locked = Set(compiled.lockedIn)
        let model = compiled.model
        for _ in 0..<(records.count + 1) {
            values = settlingShortfalls(values)
            // Cascade: a funded project whose requirement went unfunded goes too.
            var cascaded = false
            for index in records.indices where isFunded(index, values) {
                if records[index].requires.contains(where: { !isFunded($0, values) }) {
                    if forced.contains(index) || locked.contains(index) { return nil }
                    removing(index, from: &values)
                    cascaded = true
                }
            }
            if cascaded { continue }
            guard let violation = model.verify(values).first(where: { $0.kind == .rowBound }) else {
                return model.verify(values).isEmpty ? values : nil
            }
            let row = violation.index
            let bounds = model.rows[row]
            let tooHigh = bounds.upper.isFinite && violation.value > bounds.upper
            // The funded project whose removal moves the row toward its bound at the least objective per unit.
            var usage: [Int: Double] = [:]
            for term in model.rows[row].terms {
                guard let index = projectOfColumn[term.column], !forced.contains(index), !locked.contains(index) else { continue }
                usage[index, default: 0] += term.coefficient * values[term.column]
            }
            var best: (project: Int, ratio: Double)?
            for (index, amount) in usage.sorted(by: { $0.key < $1.key }) {
                let helpful = tooHigh ? amount : -amount
                guard helpful > 1e-12 else { continue }
                let worth = columns(of: index).reduce(0.0) { $0 + model.objective[$1] * values[$1] }
                let ratio = (maximize ? worth : -worth) / helpful
                if best == nil || ratio < best!.ratio { best = (index, ratio) }
            }
            guard let best else { return nil }
            removing(best.project, from: &values)
        }
        return nil
    }
}
