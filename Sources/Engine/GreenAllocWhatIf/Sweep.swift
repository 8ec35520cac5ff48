public import GreenAllocCore
internal import GreenAllocEngine
internal import MILP
internal import Foundation
internal import Synchronization

/// One point of a budget sweep.
public struct SweepPoint: Sendable {
    public var scale: Double
    /// The fund's budget per horizon year at this scale.
    public var budget: [Int: Double]
    public var budgetTotal: Double
    public var status: AllocationStatus
    /// SPEC §4 objective (nil without a solution).
    public var objective: Double?
    /// Funded projects, in library order.
    public var funded: [String]
    public var subsidyTotal: Double
    /// Δobjective / Δbudget_total against the previous point (nil for the first point or without solutions).
    public var marginal: Double?
    /// Projects funded here and not at the previous point, and the other way round.
    public var entering: [String] = []
    public var leaving: [String] = []
    /// True when the solver accepted the neighbour's solution as a start.
    public var warmStarted: Bool
    public var seconds: Double

    public var fundedCount: Int { funded.count }
}

public struct SweepResult: Sendable {
    public var scenario: String
    public var fundID: String
    public var fundName: String
    public var baseBudget: [Int: Double]
    public var tiebreak: Bool
    public var points: [SweepPoint]
    public var threads: Int
    public var seconds: Double
}

extension WhatIfRunner {
    /// `steps` scales from `from` to `to`, both included, evenly spaced.
    public static func scales(from: Double, to: Double, steps: Int) throws -> [Double] {
        guard from.isFinite, to.isFinite, from >= 0, to >= 0 else { throw WhatIfError("--from and --to must be scales ≥ 0") }
        guard steps >= 1 else { throw WhatIfError("--steps must be at least 1") }
        guard steps > 1 else {
            guard from == to else { throw WhatIfError("one step needs --from equal to --to") }
            return [from]
        }
        guard from < to else { throw WhatIfError("--from must be below --to") }
        return (0..<steps).map { index in
            index == steps - 1 ? to : from + (to - from) * Double(index) / Double(steps - 1)
        }
    }

    /// Solves the scenario at each scale of one fund's budget (every year multiplied by the scale).
    ///
    /// Without the tie rule, the model is compiled once and only the fund's budget rows change between points.
    /// The points are dealt out in increasing order, thread k taking points k, k + T, k + 2T, … (T threads), so
    /// the hard stretches of the curve are shared between the threads, and each point starts from the previous
    /// point of its thread (a smaller budget: feasible there, since only budgets grew); the schedule does not
    /// depend on timing, so neither do the plans. With the tie rule, each point is a full run (two solves) as
    /// `greenalloc solve` does it. `warmStart: false` solves every point cold (GLPK then runs its MIP
    /// presolver, which a start turns off). Sweep solves leave GLPK's MIR cuts off (see `parameters`).
    public func sweep(
        fund fundID: String, scales: [Double], tiebreak: Bool = false, warmStart: Bool = true,
        clock: @escaping @Sendable () -> Double = { 0 },
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> SweepResult {
        let fund = try fundIndex(fundID)
        let sorted = scales.sorted()
        let began = clock()
        let chunkCount = Swift.min(threads, sorted.count)
        let counter = ProgressCounter(total: sorted.count, report: progress)
        let scalable = tiebreak ? nil : ScalableModel(runner: self, scenario: scenario, fund: fund)
        let chunks: [[(Int, Result<SweepPoint, any Error>)]] = SolverThread.all(chunkCount) { chunk in
            var points: [(Int, Result<SweepPoint, any Error>)] = []
            var previous: [Double]?
            for index in stride(from: chunk, to: sorted.count, by: chunkCount) {
                let result = Result {
                    if let scalable {
                        return try self.solvePoint(scalable, fund: fund, scale: sorted[index], start: previous, clock: clock)
                    }
                    return try self.runPoint(fund: fund, scale: sorted[index], clock: clock)
                }
                points.append((index, result.map(\.0)))
                previous = warmStart ? (try? result.get())?.1 : nil
                counter.step()
            }
            return points
        }
        var points = try chunks.flatMap { $0 }.sorted { $0.0 < $1.0 }.map { try $0.1.get() }
        for index in points.indices.dropFirst() {
            let before = points[index - 1]
            let beforeSet = Set(before.funded)
            let hereSet = Set(points[index].funded)
            points[index].entering = points[index].funded.filter { !beforeSet.contains($0) }
            points[index].leaving = before.funded.filter { !hereSet.contains($0) }
            let delta = points[index].budgetTotal - before.budgetTotal
            if let now = points[index].objective, let then = before.objective, delta > 0 {
                points[index].marginal = (now - then) / delta
            }
        }
        return SweepResult(
            scenario: scenario.name, fundID: scenario.funds[fund].id, fundName: scenario.funds[fund].name,
            baseBudget: budget(fund: fund, scale: 1), tiebreak: tiebreak, points: points, threads: chunkCount,
            seconds: clock() - began)
    }

    /// One point on the shared model; returns the point and its solution (for the next point's start).
    func solvePoint(_ scalable: ScalableModel, fund: Int, scale: Double, start: [Double]?, clock: @Sendable () -> Double) throws
        -> (SweepPoint, [Double]?)
    {
        let began = clock()
        let budget = self.budget(fund: fund, scale: scale)
        var point = SweepPoint(
            scale: scale, budget: budget, budgetTotal: budget.values.reduce(0, +), status: .infeasible, objective: nil,
            funded: [], subsidyTotal: 0, warmStarted: false, seconds: 0)
        if !scalable.budgetIndependentBlock.isEmpty { return (point, nil) }
        let model = scalable.model(at: scale)
        let result = try solver.solve(model, parameters: parameters(start: start.map { scalable.improvedStart($0, model: model) }))
        point.seconds = clock() - began
        point.warmStarted = result.usedStart
        point.status = AllocationStatus(result)
        guard point.status == .optimal || point.status == .feasible else { return (point, nil) }
        let values = result.values
        let compiled = scalable.compiled
        point.objective = model.objectiveValue(values)
        for (index, record) in library.projectRecords.enumerated() {
            var share = compiled.share(of: index, values)
            if abs(share) < 1e-9 { share = 0 }
            guard share > 0 else { continue }
            point.funded.append(record.id)
            point.subsidyTotal += share * record.totalRequest
        }
        return (point, values)
    }

    /// One point as a full run (with the tie rule).
    func runPoint(fund: Int, scale: Double, clock: @Sendable () -> Double) throws -> (SweepPoint, [Double]?) {
        let began = clock()
        var settings = self.settings
        settings.tiebreak = true
        let allocation = try run(scaled(fund: fund, by: scale), settings: settings)
        let budget = self.budget(fund: fund, scale: scale)
        let funded = allocation.projects.filter(\.funded)
        let point = SweepPoint(
            scale: scale, budget: budget, budgetTotal: budget.values.reduce(0, +), status: allocation.status,
            objective: allocation.objective, funded: funded.map(\.id),
            subsidyTotal: funded.reduce(0) { $0 + $1.subsidyTotal }, warmStarted: false, seconds: clock() - began)
        return (point, nil)
    }
}

/// Counts finished points across threads and reports them.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    let total: Int
    let report: (@Sendable (Int, Int) -> Void)?
    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }
    func step() {
        let now = done.add(1, ordering: .relaxed).newValue
        report?(now, total)
    }
}
