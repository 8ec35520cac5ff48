internal import GreenAllocCore
internal import GreenAllocEngine
internal import MILP

extension WhatIfRunner {
    /// The point indices of slice `shard` (1-based) of `count`: shard − 1, shard − 1 + count, …
    public static func sweepIndices(points: Int, shard: Int, of count: Int) -> [Int] {
        guard shard >= 1, count >= 1, shard <= count else { return [] }
        return Array(stride(from: shard - 1, to: points, by: count))
    }

    /// A sweep whose points are each solved on their own (`sweep --independent`): every point is a full run of
    /// the scenario with the fund's budget scaled, the tie rule as `settings.tiebreak` says, no start and no
    /// bound taken from another point. A point's plan therefore does not depend on which other points are
    /// solved, nor in which process: `indices` (positions in the increasing `scales`; all when nil) solves only
    /// a slice of them, and the slices' points together are the points of the whole sweep. Entering, leaving
    /// and the marginal value are set only for the whole sweep; a slice's are set when the slices are joined
    /// (`SweepResult.linkNeighbours`).
    public func independentSweep(
        fund fundID: String, scales: [Double], indices: [Int]? = nil, clock: @escaping @Sendable () -> Double = { 0 },
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> SweepResult {
        let fund = try fundIndex(fundID)
        let sorted = scales.sorted()
        let chosen = (indices ?? Array(sorted.indices)).filter { sorted.indices.contains($0) }
        let began = clock()
        let chunkCount = Swift.max(1, Swift.min(threads, chosen.count))
        let counter = ProgressCounter(total: chosen.count, report: progress)
        let tiebreak = settings.tiebreak
        let chunks: [[(Int, Result<SweepPoint, any Error>)]] = SolverThread.all(chunkCount) { chunk in
            stride(from: chunk, to: chosen.count, by: chunkCount).map { position in
                let result = Result { try self.runPoint(fund: fund, scale: sorted[chosen[position]], tiebreak: tiebreak, clock: clock) }
                counter.step()
                return (position, result)
            }
        }
        var points = try chunks.flatMap { $0 }.sorted { $0.0 < $1.0 }.map { try $0.1.get() }
        if indices == nil { SweepResult.linkNeighbours(&points) }
        return SweepResult(
            scenario: scenario.name, fundID: scenario.funds[fund].id, fundName: scenario.funds[fund].name,
            baseBudget: budget(fund: fund, scale: 1), tiebreak: tiebreak, points: points, threads: chunkCount,
            seconds: clock() - began)
    }
}

extension SweepResult {
    public init(
        scenario: String, fundID: String, fundName: String, baseBudget: [Int: Double], tiebreak: Bool, points: [SweepPoint],
        threads: Int, seconds: Double
    ) {
        self.scenario = scenario
        self.fundID = fundID
        self.fundName = fundName
        self.baseBudget = baseBudget
        self.tiebreak = tiebreak
        self.points = points
        self.threads = threads
        self.seconds = seconds
    }

    /// Sets each point's entering and leaving projects and its marginal value against the point before it
    /// (the points in increasing order of scale).
    public static func linkNeighbours(_ points: inout [SweepPoint]) {
        for index in points.indices.dropFirst() {
            let before = points[index - 1]
            let beforeSet = Set(before.funded)
            let hereSet = Set(points[index].funded)
            points[index].entering = points[index].funded.filter { !beforeSet.contains($0) }
            points[index].leaving = before.funded.filter { !hereSet.contains($0) }
            points[index].marginal = nil
            let delta = points[index].budgetTotal - before.budgetTotal
            if let now = points[index].objective, let then = before.objective, delta > 0 {
                points[index].marginal = (now - then) / delta
            }
        }
    }
}
