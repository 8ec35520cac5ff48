public import Foundation

/// One shard of a sampled robustness analysis (`robustness --shard i/n`): the samples of indices i − 1, i − 1 + n, …
/// with everything `merge` needs to write the documents one run over all samples writes. Samples depend only on the
/// seed and their index, so the slices together hold exactly the samples of that one run.
public struct RobustnessSlice: Sendable, Codable {
    public static let format = "greenalloc-robustness-slice-1"
    public static func fileName(shard: Int, of count: Int) -> String { "robustness.slice-\(shard)-of-\(count).json" }

    public var format: String
    public var shard: Int
    public var count: Int
    /// All samples of the analysis (every slice says the same).
    public var samples: Int
    public var inputsSHA256: String
    /// The slice's part of the analysis (its samples only) and, with `--compare-seed`, of the other seed's.
    public var result: RobustnessResult
    public var comparison: RobustnessResult?
    /// Wall-clock seconds the slice took (merge adds them up in run.json).
    public var seconds: Double

    public init(
        shard: Int, count: Int, samples: Int, inputsSHA256: String, result: RobustnessResult, comparison: RobustnessResult?,
        seconds: Double
    ) {
        format = Self.format
        self.shard = shard
        self.count = count
        self.samples = samples
        self.inputsSHA256 = inputsSHA256
        self.result = result
        self.comparison = comparison
        self.seconds = seconds
    }

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    public static func decoded(_ data: Data) throws -> RobustnessSlice {
        try JSONDecoder().decode(RobustnessSlice.self, from: data)
    }

    /// A sampled slice whose samples and plans name only its own projects and shard's indices.
    var isConsistent: Bool {
        let parts = [result] + (comparison.map { [$0] } ?? [])
        return parts.allSatisfy { part in
            part.method == .sampled && part.plans.isEmpty && part.projects.count == result.projects.count
                && part.samples.allSatisfy { sample in
                    (0..<samples).contains(sample.index) && (sample.index - (shard - 1)) % Swift.max(1, count) == 0
                        && (sample.plan?.funded.allSatisfy { (0..<part.projects.count).contains($0) } ?? true)
                }
        } && (1...Swift.max(1, count)).contains(shard)
    }

    /// What every slice of one analysis shares: the inputs, the ranges, the seeds and the sample count.
    var key: String {
        let ranges = result.ranges.map { "\($0.kind.rawValue):\($0.name):\($0.lower):\($0.upper)" }.joined(separator: ",")
        return "\(format)|\(count)|\(samples)|\(inputsSHA256)|\(ranges)|\(result.seed.map { String($0) } ?? "")|\(comparison?.seed.map { String($0) } ?? "-")"
    }

    /// The one analysis the slices make together (and its comparison), or why they do not make one.
    public static func merge(_ slices: [(path: String, slice: RobustnessSlice)]) throws(SliceMergeError) -> (RobustnessResult, RobustnessResult?, seconds: Double) {
        guard let first = slices.first else { throw .noSlices }
        for (path, slice) in slices where slice.format != format || !slice.isConsistent { throw .unknownFormat(path) }
        for (path, slice) in slices where slice.key != first.slice.key { throw .differentAnalysis(path, first.path) }
        let shards = slices.map(\.slice.shard).sorted()
        guard shards == Array(1...first.slice.count) else {
            throw .incomplete(missing: Set(1...first.slice.count).subtracting(shards).sorted(), repeated: shards.count > Set(shards).count)
        }
        func joined(_ parts: [RobustnessResult]) -> RobustnessResult {
            var result = parts[0]
            result.samples = parts.flatMap(\.samples).sorted { $0.index < $1.index }
            result.solves = parts.reduce(0) { $0 + $1.solves }
            return result
        }
        let result = joined(slices.map(\.slice.result))
        guard result.samples.map(\.index) == Array(0..<first.slice.samples) else { throw .incomplete(missing: [], repeated: true) }
        let comparisons = slices.compactMap(\.slice.comparison)
        return (result, comparisons.isEmpty ? nil : joined(comparisons), slices.reduce(0) { $0 + $1.slice.seconds })
    }
}

/// Why slices do not merge.
public enum SliceMergeError: Error, Sendable, Hashable, CustomStringConvertible {
    case noSlices
    case unknownFormat(String)
    case differentAnalysis(String, String)
    case incomplete(missing: [Int], repeated: Bool)

    public var description: String {
        switch self {
        case .noSlices: "no robustness slice (robustness.slice-I-of-N.json) in the directories given"
        case .unknownFormat: "not a robustness slice of this version of greenalloc"
        case .differentAnalysis(_, let other): "a slice of another analysis than \(other) (other inputs, ranges, seeds or shard count)"
        case .incomplete(let missing, let repeated):
            (missing.isEmpty ? "" : "slices missing: \(missing.map(String.init).joined(separator: ", "))")
                + (repeated ? (missing.isEmpty ? "" : "; ") + "a slice is given twice" : "")
        }
    }
}
