internal import GreenAllocCore
internal import GreenAllocEngine
internal import MILP
internal import Synchronization

/// What a settled point of a sweep tells the points between it and its neighbours.
struct SettledPoint: Sendable {
    var point: SweepPoint
    /// The plan (nil without one).
    var values: [Double]?
    /// A proved bound on the optimum at this scale (an upper bound when maximizing), nil when unknown.
    var bound: Double?
}

/// A budget sweep that uses what the sweep knows (no tie rule): the points are settled in rounds of bisection
/// (the two ends, then the middle of every open stretch, …), each from its nearest settled neighbours.
/// - The lower neighbour's plan is feasible here (only budgets grew): it is the start, improved greedily.
/// - The optimum here is no better than the upper neighbour's bound: the solve stops once its incumbent reaches
///   it (`SolverParameters.objectiveBound`), and when the lower neighbour's plan already does, the point is
///   proved without a solve.
/// - The upper neighbour's plan, when it fits this budget, is optimal here too, and an upper neighbour with
///   no plan at all (proved infeasible) proves this point infeasible.
/// The rounds depend only on the number of points and threads, never on timing: the plans are the same on
/// every run.
struct SweepBisection: Sendable {
    var runner: WhatIfRunner
    var scalable: ScalableModel
    var fund: Int
    var scales: [Double]

    /// The rounds of point indices: both ends first, then in each round the middle of every stretch between
    /// settled points, more points per stretch (evenly spaced) while there are fewer than `threads`.
    static func rounds(count: Int, threads: Int) -> [[Int]] {
        guard count > 0 else { return [] }
        var rounds = [count == 1 ? [0] : [0, count - 1]]
        var settled = Set(rounds[0])
        while settled.count < count {
            let known = settled.sorted()
            let stretches = zip(known, known.dropFirst()).filter { $1 - $0 > 1 }
            var picks = stretches.map { _ in 1 }
            while picks.reduce(0, +) < threads {
                let open = stretches.indices.filter { stretches[$0].1 - stretches[$0].0 - 1 > picks[$0] }
                guard let widest = open.max(by: { left, right in
                    Double(stretches[left].1 - stretches[left].0) / Double(picks[left] + 1)
                        < Double(stretches[right].1 - stretches[right].0) / Double(picks[right] + 1)
                }) else { break }
                picks[widest] += 1
            }
            var round: [Int] = []
            for ((low, high), count) in zip(stretches, picks) {
                round += (1...count).map { low + (high - low) * $0 / (count + 1) }
            }
            rounds.append(round)
            settled.formUnion(round)
        }
        return rounds
    }

    /// Every point, in the order of `scales` (increasing).
    func run(threads: Int, clock: @escaping @Sendable () -> Double, counter: ProgressCounter) throws -> [SweepPoint] {
        var settled: [SettledPoint?] = Array(repeating: nil, count: scales.count)
        for round in Self.rounds(count: scales.count, threads: threads) {
            let known = settled
            // Threads take the round's points as they come free: a point's inputs are the earlier rounds' only,
            // so which thread settles it changes nothing but the time.
            let dispenser = Dispenser()
            let results: [[(Int, Result<SettledPoint, any Error>)]] = SolverThread.all(Swift.min(threads, round.count)) { _ in
                var taken: [(Int, Result<SettledPoint, any Error>)] = []
                while let slot = dispenser.next(below: round.count) {
                    let index = round[slot]
                    let lower = known[..<index].last { $0 != nil } ?? nil
                    let upper = known[(index + 1)...].first { $0 != nil } ?? nil
                    taken.append((index, Result { try self.settle(index, lower: lower, upper: upper, clock: clock) }))
                    counter.step()
                }
                return taken
            }
            for (index, result) in results.joined() { settled[index] = try result.get() }
        }
        return settled.compactMap { $0?.point }
    }

    /// One point, from its settled neighbours: proved from them when they suffice, else solved.
    func settle(_ index: Int, lower: SettledPoint?, upper: SettledPoint?, clock: @Sendable () -> Double) throws
        -> SettledPoint
    {
        let began = clock()
        let scale = scales[index]
        let budget = runner.budget(fund: fund, scale: scale)
        var point = SweepPoint(
            scale: scale, budget: budget, budgetTotal: budget.values.reduce(0, +), status: .infeasible, objective: nil,
            funded: [], subsidyTotal: 0, warmStarted: false, seconds: 0)
        if !scalable.budgetIndependentBlock.isEmpty { return SettledPoint(point: point) }
        if let upper, upper.point.status == .infeasible {
            point.solved = false
            return SettledPoint(point: point)
        }
        let model = scalable.model(at: scale)
        let settled: SettledPoint
        if let proved = proof(model: model, lower: lower, upper: upper) {
            point.solved = false
            point.warmStarted = true
            settled = decoded(proved, into: point, model: model)
        } else {
            let start = lower?.values.map { scalable.improvedStart($0, model: model) }
            var parameters = runner.parameters(start: start)
            parameters.objectiveBound = upper?.bound
            parameters.pseudocostBranching = true
            parameters.gomoryCuts = false
            let result = try runner.solver.solve(model, parameters: parameters)
            point.warmStarted = result.usedStart
            settled = decoded(result, into: point, model: model, upperBound: upper?.bound)
        }
        var done = settled
        done.point.seconds = clock() - began
        return done
    }

    /// A neighbour's plan that is provably as good as a solve here, as a solver result; nil when none is.
    func proof(model: Model, lower: SettledPoint?, upper: SettledPoint?) -> SolverResult? {
        if let upper, let values = upper.values, let objective = upper.point.objective, model.verify(values).isEmpty {
            return SolverResult(
                termination: upper.point.status == .optimal ? .optimal : .gapLimit, primal: .feasiblePoint,
                objective: objective, bestBound: upper.bound, values: values)
        }
        guard let lower, let values = lower.values, let bound = upper?.bound, model.verify(values).isEmpty else { return nil }
        let objective = model.objectiveValue(values)
        let shortfall = model.sense == .maximize ? bound - objective : objective - bound
        let noise = 1e-9 * Swift.max(1, abs(bound))
        guard shortfall <= Swift.max(noise, runner.settings.relativeGap * abs(objective)) else { return nil }
        return SolverResult(
            termination: shortfall <= noise ? .optimal : .gapLimit, primal: .feasiblePoint, objective: objective,
            bestBound: bound, values: values)
    }

    /// The point with a result's status, objective and funded projects; the bound is the result's, or the
    /// upper neighbour's when that is tighter.
    func decoded(_ result: SolverResult, into point: SweepPoint, model: Model, upperBound: Double? = nil) -> SettledPoint {
        var point = point
        point.status = AllocationStatus(result)
        guard point.status == .optimal || point.status == .feasible else { return SettledPoint(point: point) }
        let values = result.values
        let objective = model.objectiveValue(values)
        point.objective = objective
        let compiled = scalable.compiled
        for (index, record) in runner.library.projectRecords.enumerated() {
            var share = compiled.share(of: index, values)
            if abs(share) < 1e-9 { share = 0 }
            guard share > 0 else { continue }
            point.funded.append(record.id)
            point.subsidyTotal += share * record.totalRequest
        }
        let decoder = AllocationDecoder(
            scenario: runner.scenario, library: runner.library, compiled: compiled, solverName: runner.solver.name,
            solverVersion: "", inputsSHA256: runner.inputsSHA256)
        let allocation = decoder.solved(result: result, status: point.status, firstResult: result)
        point.parks = allocation.parks
        point.targets = allocation.targets
        var bound = point.status == .optimal ? objective : result.bestBound
        if let upperBound {
            let maximize = model.sense == .maximize
            bound = bound.map { maximize ? Swift.min($0, upperBound) : Swift.max($0, upperBound) } ?? upperBound
        }
        return SettledPoint(point: point, values: values, bound: bound)
    }
}

/// Hands out 0, 1, 2, … to whichever thread asks, up to a limit.
final class Dispenser: Sendable {
    private let taken = Atomic<Int>(0)
    func next(below limit: Int) -> Int? {
        let slot = taken.add(1, ordering: .relaxed).oldValue
        return slot < limit ? slot : nil
    }
}
