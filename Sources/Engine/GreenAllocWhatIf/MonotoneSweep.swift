public import GreenAllocCore
internal import MILP

/// One point of the monotone view of a sweep: the plan whose funded set contains every project funded at the
/// points below, beside the free optimum of the same budget.
public struct MonotonePoint: Sendable {
    public var scale: Double
    public var budgetTotal: Double
    public var status: AllocationStatus
    /// The objective of the monotone plan (nil without one).
    public var objective: Double?
    /// The free sweep's objective at this budget (nil without a plan there).
    public var freeObjective: Double?
    /// Funded projects, in library order.
    public var funded: [String]
    /// Projects funded here and at no point below.
    public var entering: [String]
    public var seconds: Double

    /// What the monotone view gives up against the free optimum (≥ 0 up to the gap when maximizing).
    public var givenUp: Double? {
        guard let objective, let freeObjective else { return nil }
        return freeObjective - objective
    }

    /// `givenUp` as a share of the free optimum (nil when that is zero or unknown).
    public var givenUpShare: Double? {
        guard let givenUp, let freeObjective, abs(freeObjective) > 1e-12 else { return nil }
        return givenUp / abs(freeObjective)
    }
}

/// The monotone view of a sweep: funded sets nested from the lowest budget up, so that every project has a
/// first point from which it is funded (at that point and every larger one).
///
/// Computed level by level: the lowest point is the free optimum; each further point is solved with z_p ≥ 1
/// for every project the point below funds (θ_p stays free within [min_share·u, u]). Each level is optimal given
/// the levels below it (within the scenario's gap), not optimal for the sum over all points: a lower level
/// never gives up objective for the sake of a higher one. The alternative, one model over all points with
/// z_p,k ≤ z_p,k+1, would be optimal for the sum but holds a copy of every column and row per point (31
/// copies on the default sweep), while the level-by-level solves are the size of one point, each started
/// from the level below (a valid plan there, since only the budget grew), and a planner's reading at the
/// lowest budget stays the optimum. The loan stage's nested bank lists are built the same way.
public struct MonotoneView: Sendable {
    public var points: [MonotonePoint]
    /// Per funded project (library order): the index of the first point that funds it.
    public var firstPoint: [(project: String, point: Int)]
    public var seconds: Double

    /// The objective given up over all points with a plan in both views.
    public var totalGivenUp: Double { points.compactMap(\.givenUp).reduce(0, +) }
}

extension WhatIfRunner {
    /// The monotone view of a free sweep (its points' scales, objectives as the free optimum). Solves one
    /// point after another, without the tie rule.
    public func monotoneView(of free: SweepResult, clock: @escaping @Sendable () -> Double = { 0 }) throws -> MonotoneView {
        let began = clock()
        let fund = try fundIndex(free.fundID)
        let scalable = ScalableModel(runner: self, scenario: scenario, fund: fund)
        let settler = SweepBisection(runner: self, scalable: scalable, fund: fund, scales: free.points.map(\.scale))
        var locked: [Int] = []
        var previous: [Double]?
        var points: [MonotonePoint] = []
        var first: [String: Int] = [:]
        for (index, freePoint) in free.points.enumerated() {
            let start = clock()
            var model = scalable.model(at: freePoint.scale)
            for column in locked { model.setColumnBounds(column, lower: 1, upper: model.columns[column].upper) }
            var point = MonotonePoint(
                scale: freePoint.scale, budgetTotal: freePoint.budgetTotal, status: .infeasible, objective: nil,
                freeObjective: freePoint.objective, funded: [], entering: [], seconds: 0)
            if scalable.budgetIndependentBlock.isEmpty {
                var parameters = parameters(start: previous.map { scalable.improvedStart($0, model: model) })
                if freePoint.status == .optimal { parameters.objectiveBound = freePoint.objective }
                let result = try solver.solve(model, parameters: parameters)
                let blank = SweepPoint(
                    scale: freePoint.scale, budget: freePoint.budget, budgetTotal: freePoint.budgetTotal, status: .infeasible,
                    objective: nil, funded: [], subsidyTotal: 0, warmStarted: false, seconds: 0)
                let settled = settler.decoded(result, into: blank, model: model)
                point.status = settled.point.status
                point.objective = settled.point.objective
                point.funded = settled.point.funded
                if let values = settled.values {
                    previous = values
                    locked = scalable.compiled.fundedColumn.enumerated().compactMap { project, column in
                        guard let column, scalable.compiled.share(of: project, values) > 1e-9 else { return nil }
                        return column
                    }
                }
            }
            point.entering = point.funded.filter { first[$0] == nil }
            for id in point.entering { first[id] = index }
            point.seconds = clock() - start
            points.append(point)
        }
        let order = library.projectRecords.map(\.id).filter { first[$0] != nil }
        return MonotoneView(
            points: points, firstPoint: order.compactMap { id in first[id].map { (id, $0) } }, seconds: clock() - began)
    }
}
