import GreenAllocCore
import MILP

/// The greedy repair behind the full listing's estimates (and the counterfactual search's first try at each
/// raise): today's plan with a project forced in, made feasible by dropping and trimming, then refilled.
/// `model` is the compiled model, or one with some budgets raised.
extension ExplainContext {
    /// A feasible plan with `project` funded: today's plan repaired, refilled and with displaced projects
    /// brought back where they fit; nil when the repair fails.
    func repairedForcedPlan(_ project: Int, in model: Model? = nil) -> [Double]? {
        guard let repaired = repairedPlan(forcing: project, in: model) else { return nil }
        return reinserted(refilled(repaired, in: model), forcing: project, in: model)
    }

    /// Greedy repair of today's plan with `project` forced in; nil when it does not reach a feasible point.
    func repairedPlan(forcing project: Int, in model: Model? = nil) -> [Double]? {
        let records = library.projectRecords
        var values = point
        guard let forced = forcedClosure(project) else { return nil }
        for next in forced.sorted() { adding(next, to: &values) }
        for member in forced {
            guard let group = records[member].exclusiveGroup else { continue }
            for other in records.indices where other != member && records[other].exclusiveGroup == group && isFunded(other, values) {
                guard !forced.contains(other) else { return nil }
                removing(other, from: &values)
            }
        }
        let locked = Set(compiled.lockedIn)
        let model = model ?? compiled.model
        for _ in 0..<(4 * records.count + 4) {
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
                let ratio = dropCost(index, values) / helpful
                if best == nil || ratio < best!.ratio { best = (index, ratio) }
            }
            // A partial share trimmed instead, when that costs less per unit (shares before whole projects).
            if tooHigh, let trim = cheapestTrim(row: row, excess: violation.value - bounds.upper, values, forced, locked, in: model),
                best == nil || trim.ratio < best!.ratio
            {
                values[trim.column] -= trim.amount
                continue
            }
            guard let best else { return nil }
            removing(best.project, from: &values)
        }
        return nil
    }

    /// Brings back, one at a time, projects of today's plan that a repair displaced (the most valuable first),
    /// with the park namings they carried, making room by trimming partial shares only; keeps each return
    /// that raises the objective. The result is a feasible point no worse than `values`.
    func reinserted(_ values: [Double], forcing project: Int, in model: Model? = nil) -> [Double] {
        let model = model ?? compiled.model
        let records = library.projectRecords
        guard let forced = forcedClosure(project) else { return values }
        let locked = Set(compiled.lockedIn)
        var current = values
        var currentValue = model.objectiveValue(current)
        let gone = records.indices.filter { isFunded($0, point) && !isFunded($0, current) }
        let order = gone.map { ($0, dropCost($0, point)) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map(\.0)
        for candidate in order {
            var trial = current
            for column in columns(of: candidate) { trial[column] = point[column] }
            guard records[candidate].requires.allSatisfy({ isFunded($0, trial) }) else { continue }
            if let group = records[candidate].exclusiveGroup,
                records.indices.contains(where: { $0 != candidate && records[$0].exclusiveGroup == group && isFunded($0, trial) })
            {
                continue
            }
            for naming in compiled.naming where point[naming.column] > 0.5 && trial[naming.column] < 0.5 {
                if naming.prerequisites.allSatisfy({ isFunded($0, trial) }) { trial[naming.column] = point[naming.column] }
            }
            var fits = false
            for _ in 0..<(4 * records.count + 4) {
                trial = settlingShortfalls(trial)
                guard let violation = model.verify(trial).first else {
                    fits = true
                    break
                }
                let bounds = model.rows[violation.index]
                guard violation.kind == .rowBound, bounds.upper.isFinite, violation.value > bounds.upper,
                    let trim = cheapestTrim(
                        row: violation.index, excess: violation.value - bounds.upper, trial, forced.union([candidate]), locked,
                        in: model)
                else { break }
                trial[trim.column] -= trim.amount
            }
            guard fits else { continue }
            trial = refilled(trial, in: model)
            let value = model.objectiveValue(trial)
            if maximize ? value > currentValue + 1e-9 : value < currentValue - 1e-9 {
                current = trial
                currentValue = value
            }
        }
        return current
    }

    /// What removing a funded project costs at `values`: its own objective terms and those of the park namings
    /// that need it (and, through the targets' shortfall columns, what the namings were worth to them).
    func dropCost(_ index: Int, _ values: [Double]) -> Double {
        let model = compiled.model
        var without = values
        removing(index, from: &without)
        without = settlingShortfalls(without)
        var touched = columns(of: index) + compiled.shortfallColumn.compactMap { $0 }
        for candidate in compiled.naming where candidate.prerequisites.contains(index) { touched.append(candidate.column) }
        let lost = touched.reduce(0.0) { $0 + model.objective[$1] * (values[$1] - without[$1]) }
        return maximize ? lost : -lost
    }

    /// The funded, unforced project share in `row` whose reduction costs the least objective per unit of the
    /// row, with the reduction that removes `excess` (or takes the share down to its minimum).
    func cheapestTrim(
        row: Int, excess: Double, _ values: [Double], _ forced: Set<Int>, _ locked: Set<Int>, in model: Model? = nil
    ) -> (column: Int, amount: Double, ratio: Double)? {
        let model = model ?? compiled.model
        var best: (column: Int, amount: Double, ratio: Double)?
        for term in model.rows[row].terms where term.coefficient > 1e-12 {
            guard let index = projectOfColumn[term.column], compiled.shareColumn[index] == term.column,
                !forced.contains(index), !locked.contains(index), isFunded(index, values)
            else { continue }
            let floor = Swift.max(compiled.facts[index].leastShare, model.columns[term.column].lower)
            let room = values[term.column] - floor
            guard room > 1e-9 else { continue }
            let worth = model.objective[term.column]
            let ratio = (maximize ? worth : -worth) / term.coefficient
            if best == nil || ratio < best!.ratio {
                best = (term.column, Swift.min(room, excess / term.coefficient), ratio)
            }
        }
        return best
    }

    /// Raises the partial shares of funded projects into the room a repair left (most objective per unit of
    /// budget first), so that an estimate does not count money left idle as a loss. Returns `values` itself
    /// when the result would not be a feasible point.
    func refilled(_ values: [Double], in model: Model? = nil) -> [Double] {
        let model = model ?? compiled.model
        var raised = values
        var activity = model.rows.indices.map { model.activity(ofRow: $0, values) }
        var candidates: [(column: Int, rate: Double)] = []
        for index in library.projectRecords.indices where isFunded(index, values) {
            guard let column = compiled.shareColumn[index] else { continue }
            let worth = maximize ? model.objective[column] : -model.objective[column]
            guard worth > 0, values[column] < model.columns[column].upper - 1e-9 else { continue }
            let use = entriesOfColumn[column].reduce(0.0) { sum, entry in
                entry.coefficient > 0 && model.rows[entry.row].upper.isFinite ? sum + entry.coefficient : sum
            }
            candidates.append((column, worth / Swift.max(use, 1e-9)))
        }
        candidates.sort { ($0.rate, $1.column) > ($1.rate, $0.column) }
        for (column, _) in candidates {
            var step = model.columns[column].upper - raised[column]
            for entry in entriesOfColumn[column] {
                let bounds = model.rows[entry.row]
                if entry.coefficient > 0, bounds.upper.isFinite {
                    step = Swift.min(step, (bounds.upper - activity[entry.row]) / entry.coefficient)
                } else if entry.coefficient < 0, bounds.lower.isFinite {
                    step = Swift.min(step, (activity[entry.row] - bounds.lower) / -entry.coefficient)
                }
            }
            guard step > 1e-9 else { continue }
            raised[column] += step
            for entry in entriesOfColumn[column] { activity[entry.row] += entry.coefficient * step }
        }
        raised = settlingShortfalls(raised)
        let before = model.objectiveValue(values)
        let after = model.objectiveValue(raised)
        guard model.verify(raised).isEmpty, maximize ? after >= before : after <= before else { return values }
        return raised
    }
}
