public import GreenAllocCore
internal import MILP

/// RPM's exact classes over a box of weights (and bonus factors): the non-dominated plans, enumerated.
///
/// A plan x dominates y when f(x, w) ≥ f(y, w) for every w in the box and > for some. f is multilinear in
/// the ranges (a weight times a product of bonus factors), so so is f(x, ·) − f(y, ·), and its minimum over
/// the box is at a corner: dominance is checked at the 2^k corners. Plans are enumerated best first by the
/// objective at the box's centre (the corners' mean); each next plan must beat every plan found so far at some
/// corner by at least ε (one binary per found plan and corner, Σ over corners ≥ 1, big-M rows). A dominated plan
/// has a strictly larger-centre dominator that is found before it, so the enumeration never misses a
/// non-dominated plan and ends when no plan is left; plans kept by a stop within the MIP gap are filtered
/// pairwise at the end. Plans that tie with a found plan at every corner count as that plan, and so do plans that
/// beat it nowhere by more than ε = 10⁻⁴ × max(1, |f_c(y)|, f_c(y) − min f_c) (the big-M rows need ε well above
/// the integrality tolerance times M).
///
/// It stops scaling with the corners (2^k rows per plan found) and above all with the number of
/// non-dominated plans, which grows quickly with the number of projects near the budget line: each plan adds
/// 2^k binaries to every later solve. The limits below send larger cases to sampling.
public struct ExactRobustness: Sendable {
    public static let maximumRanges = 4
    public static let maximumProjects = 60
    public static let maximumPlans = 200

    public let planSolver: PlanSolver
    public let scenario: Scenario
    public let ranges: [ParameterRange]

    public init(planSolver: PlanSolver, scenario: Scenario, ranges: [ParameterRange]) {
        self.planSolver = planSolver
        self.scenario = scenario
        self.ranges = ranges
    }

    public enum Outcome: Sendable {
        case plans([Plan], solves: Int)
        case fallback(ExactFallback)
    }

    /// The corners of the box, each a value per range.
    var corners: [[Double]] {
        ranges.reduce([[]]) { partial, range in
            partial.flatMap { corner in
                range.lower == range.upper ? [corner + [range.lower]] : [corner + [range.lower], corner + [range.upper]]
            }
        }
    }

    public func run() throws -> Outcome {
        if ranges.contains(where: { $0.kind == .budget }) { return .fallback(.budgetRange) }
        if ranges.count > Self.maximumRanges { return .fallback(.tooManyRanges(ranges.count, limit: Self.maximumRanges)) }
        let centre = planSolver.compile(scenario.at(ranges, values: ranges.map { ($0.lower + $0.upper) / 2 }))
        let decided = centre.fundedColumn.compactMap { $0 }.count
        if decided > Self.maximumProjects { return .fallback(.tooManyProjects(decided, limit: Self.maximumProjects)) }
        let objectives = corners.map { planSolver.compile(scenario.at(ranges, values: $0)).model }
        guard objectives.allSatisfy({ $0.columnCount == centre.model.columnCount }) else { return .fallback(.continuousObjective) }
        let relevant = centre.model.columns.indices.filter { column in objectives.contains { $0.objective[column] != 0 } }
        if relevant.contains(where: { centre.model.columns[$0].kind != .binary }) { return .fallback(.continuousObjective) }
        return try enumerate(centre: centre, corners: objectives)
    }

    func enumerate(centre: CompiledModel, corners: [Model]) throws -> Outcome {
        var compiled = centre
        let count = Double(corners.count)
        let mean = centre.model.columns.indices.map { column in corners.reduce(0) { $0 + $1.objective[column] } / count }
        compiled.model.replaceObjective(mean, sense: .maximize, constant: corners.reduce(0) { $0 + $1.objectiveConstant } / count)
        var found: [(plan: Plan, values: [Double])] = []
        var solves = 0
        while true {
            if found.count >= Self.maximumPlans { return .fallback(.tooManyPlans(limit: Self.maximumPlans)) }
            let result = try planSolver.solver.solve(compiled.model, parameters: planSolver.parameters)
            solves += 1
            guard result.hasSolution else {
                if result.outcome == .infeasible { break }
                return .fallback(.noPlanInTime)
            }
            // Binaries as the integers they stand for (GLPK accepts 1e-5 off).
            let values = result.values.enumerated().map { compiled.model.columns[$0.offset].isInteger ? $0.element.rounded() : $0.element }
            let plan = Plan(funded: PlanSolver.funded(centre, values), objective: centre.model.objectiveValue(values))
            if found.contains(where: { !Self.beats(values, $0.values, corners: corners) }) { return .fallback(.numerical) }
            found.append((plan, values))
            Self.exclude(dominatedBy: values, corners: corners, in: &compiled.model, tag: found.count)
        }
        let kept = found.filter { candidate in
            !found.contains { other in Self.dominates(other.values, candidate.values, corners: corners) }
        }
        return .plans(kept.map(\.plan), solves: solves)
    }

    /// Rows that keep the next plan from being dominated by (or tying with) the plan at `values`: at some
    /// corner c it must score at least f_c(y) + ε.
    static func exclude(dominatedBy values: [Double], corners: [Model], in model: inout Model, tag: Int) {
        var switches: [Int] = []
        for (index, corner) in corners.enumerated() {
            let value = corner.objectiveValue(values) - corner.objectiveConstant
            var lowest = 0.0
            for (column, coefficient) in corner.objective.enumerated() where coefficient != 0 {
                let bounds = model.columns[column]
                lowest += Swift.min(coefficient * bounds.lower, coefficient * bounds.upper)
            }
            // ε well above what the integrality tolerance (1e-5) lets the switch's big-M term give away.
            let epsilon = Self.epsilon(value: value, range: value - lowest)
            let bigM = value + epsilon - lowest
            let switchColumn = model.addColumn("beat_\(tag)_\(index)", kind: .binary, lower: 0, upper: 1)
            switches.append(switchColumn)
            model.addRow(
                "beat_\(tag)_\(index)", terms: Model.terms(of: corner.objective) + [Term(switchColumn, -bigM)],
                lower: value + epsilon - bigM)
        }
        model.addRow("beat_\(tag)", terms: switches.map { Term($0, 1) }, lower: 1)
    }

    /// The least improvement that counts as beating a plan at a corner: 10⁻⁴ × max(1, |f_c(y)|, f_c(y) − min f_c).
    static func epsilon(value: Double, range: Double) -> Double { 1e-4 * Swift.max(1, abs(value), range) }

    /// x beats y by ε at some corner (what the enumeration's rows ask of each new plan), checked on the rounded plan.
    static func beats(_ x: [Double], _ y: [Double], corners: [Model]) -> Bool {
        corners.contains { corner in
            let fx = corner.objectiveValue(x), fy = corner.objectiveValue(y)
            return fx > fy + 0.5 * 1e-4 * Swift.max(1, abs(fy - corner.objectiveConstant))
        }
    }

    /// x dominates y: at least as good at every corner, better at one.
    static func dominates(_ x: [Double], _ y: [Double], corners: [Model]) -> Bool {
        var better = false
        for corner in corners {
            let fx = corner.objectiveValue(x), fy = corner.objectiveValue(y)
            let tolerance = 1e-7 * Swift.max(1, abs(fy))
            if fx < fy - tolerance { return false }
            if fx > fy + tolerance { better = true }
        }
        return better
    }
}
