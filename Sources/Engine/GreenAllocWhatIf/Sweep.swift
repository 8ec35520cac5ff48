public import GreenAllocCore
internal import GreenAllocEngine
internal import MILP
internal import Foundation
internal import Synchronization

/// One point of a budget sweep.
public struct SweepPoint: Sendable, Codable {
    public var scale: Double
    /// The fund's budget per horizon year at this scale.
    public var budget: [Int: Double]
    public var budgetTotal: Double
    public var status: AllocationStatus
    /// scenario-format §8 objective (nil without a solution).
    public var objective: Double?
    /// Funded projects, in library order.
    public var funded: [String]
    public var subsidyTotal: Double
    /// Δobjective / Δbudget_total against the previous point (nil for the first point or without solutions).
    public var marginal: Double?
    /// The parks newly named at this point (by year, then id) and each target's value here (none without a plan).
    public var parks: [NamedPark] = []
    public var targets: [TargetOutcome] = []
    /// Projects funded here and not at the previous point, and the other way round.
    public var entering: [String] = []
    public var leaving: [String] = []
    /// True when the solver accepted the neighbour's solution as a start, or the point took a neighbour's plan.
    public var warmStarted: Bool
    public var seconds: Double
    /// False when the neighbours proved this point without a solve (their plan is optimal here, or an upper
    /// neighbour without any plan proves this one has none).
    public var solved = true

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
    /// The monotone view (`sweep --monotone`), nil when not asked for.
    public var monotone: MonotoneView? = nil
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
    /// Without the tie rule, the model is compiled once and only the fund's budget rows change between points;
    /// the points are settled in rounds of bisection, each from its settled neighbours (`SweepBisection`: the
    /// lower neighbour's plan as a start, the upper neighbour's bound as a stop, proofs without a solve where
    /// the neighbours suffice). The rounds do not depend on timing, so neither do the plans. `warmStart: false`
    /// solves every point on its own, cold (GLPK then runs its MIP presolver, which a start turns off), the
    /// points dealt out to the threads in turn. With the tie rule, each point is a full run (two solves) as
    /// `greenalloc solve` does it. Sweep solves leave GLPK's MIR cuts off (see `parameters`).
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
        let bisection = tiebreak ? nil : SweepBisection(
            runner: self, scalable: ScalableModel(runner: self, scenario: scenario, fund: fund), fund: fund, scales: sorted)
        var points: [SweepPoint]
        if let bisection, warmStart {
            points = try bisection.run(threads: chunkCount, clock: clock, counter: counter)
        } else {
            let chunks: [[(Int, Result<SweepPoint, any Error>)]] = SolverThread.all(chunkCount) { chunk in
                stride(from: chunk, to: sorted.count, by: chunkCount).map { index in
                    let result = Result {
                        if let bisection { return try bisection.settle(index, lower: nil, upper: nil, clock: clock).point }
                        return try self.runPoint(fund: fund, scale: sorted[index], clock: clock)
                    }
                    counter.step()
                    return (index, result)
                }
            }
            points = try chunks.flatMap { $0 }.sorted { $0.0 < $1.0 }.map { try $0.1.get() }
        }
        SweepResult.linkNeighbours(&points)
        return SweepResult(
            scenario: scenario.name, fundID: scenario.funds[fund].id, fundName: scenario.funds[fund].name,
            baseBudget: budget(fund: fund, scale: 1), tiebreak: tiebreak, points: points, threads: chunkCount,
            seconds: clock() - began)
    }

    /// One point as a full run (with the tie rule unless `tiebreak` is false).
    func runPoint(fund: Int, scale: Double, tiebreak: Bool = true, clock: @Sendable () -> Double) throws -> SweepPoint {
        let began = clock()
        var settings = self.settings
        settings.tiebreak = tiebreak
        let allocation = try run(scaled(fund: fund, by: scale), settings: settings)
        let budget = self.budget(fund: fund, scale: scale)
        let funded = allocation.projects.filter(\.funded)
        var point = SweepPoint(
            scale: scale, budget: budget, budgetTotal: budget.values.reduce(0, +), status: allocation.status,
            objective: allocation.objective, funded: funded.map(\.id),
            subsidyTotal: funded.reduce(0) { $0 + $1.subsidyTotal }, warmStarted: false, seconds: clock() - began)
        point.parks = allocation.parks
        point.targets = allocation.targets
        return point
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
