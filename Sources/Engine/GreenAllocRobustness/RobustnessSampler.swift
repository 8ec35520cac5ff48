public import GreenAllocCore
internal import MILP
internal import Synchronization

/// Seeded sampling of the ranges: sample i's point depends only on the seed and i, so any slice of the
/// indices (a shard) gives the samples that one run over all of them gives. Samples are solved in parallel,
/// each whole solve on one thread (GLPK's state is thread-local).
public struct RobustnessSampler: Sendable {
    public let planSolver: PlanSolver
    public let scenario: Scenario
    public let ranges: [ParameterRange]
    public let seed: UInt64
    public let threads: Int

    public init(planSolver: PlanSolver, scenario: Scenario, ranges: [ParameterRange], seed: UInt64, threads: Int) {
        self.planSolver = planSolver
        self.scenario = scenario
        self.ranges = ranges
        self.seed = seed
        self.threads = Swift.max(1, threads)
    }

    /// The point of sample `index`: each range's value drawn uniformly from its own stream.
    public static func point(seed: UInt64, index: Int, ranges: [ParameterRange]) -> [Double] {
        var state = seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        return ranges.map { range in
            let draw = Double(SplitMix.next(&state) >> 11) / Double(UInt64(1) << 53)
            return range.value(at: draw)
        }
    }

    /// The samples at `indices`, solved on up to `threads` threads, in the order of `indices`.
    public func run(indices: [Int], progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [RobustnessSample] {
        let next = Atomic<Int>(0), done = Atomic<Int>(0)
        let total = indices.count
        let results: [[(Int, Result<RobustnessSample, any Error>)]] = SolverThread.all(Swift.min(threads, Swift.max(1, total))) { _ in
            var mine: [(Int, Result<RobustnessSample, any Error>)] = []
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < total else { break }
                let index = indices[position]
                let values = Self.point(seed: seed, index: index, ranges: ranges)
                mine.append((position, Result { RobustnessSample(index: index, values: values, plan: try planSolver.solve(scenario.at(ranges, values: values))) }))
                progress?(done.add(1, ordering: .relaxed).newValue, total)
                if planSolver.parameters.cancellation?.isCancelled == true { break }
            }
            return mine
        }
        var ordered = [RobustnessSample?](repeating: nil, count: total)
        for (position, result) in results.joined() { ordered[position] = try result.get() }
        if let flag = planSolver.parameters.cancellation, flag.isCancelled { throw SolveInterrupted() }
        return ordered.compactMap { $0 }
    }

    /// The sample indices of shard `shard` (1-based) of `count`: every count-th index from shard − 1.
    public static func indices(samples: Int, shard: Int = 1, of count: Int = 1) -> [Int] {
        Array(stride(from: shard - 1, to: samples, by: Swift.max(1, count)))
    }
}

/// SplitMix64, the generator of the samples (fixed here, so the same seed gives the same samples everywhere).
enum SplitMix {
    static func next(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
