public import Foundation
public import GreenAllocWhatIf

/// One shard of an independent sweep (`sweep --shard i/n`): the points of indices i − 1, i − 1 + n, … (each
/// solved on its own, so its plan does not depend on the other points), with everything `merge` needs to write
/// the documents one `sweep --independent` run writes: the sweep's header, every scale and the project names in
/// each report language.
public struct SweepSlice: Sendable, Codable {
    public static let format = "greenalloc-sweep-slice-1"
    public static func fileName(shard: Int, of count: Int) -> String { "sweep.slice-\(shard)-of-\(count).json" }

    public var format: String
    public var shard: Int
    public var count: Int
    public var inputsSHA256: String
    /// The solve options that change the plans (tie rule, gap, time limit, solver), as one line.
    public var options: String
    public var scenario: String
    public var fundID: String
    public var fundName: String
    public var baseBudget: [Int: Double]
    public var tiebreak: Bool
    /// Every scale of the sweep, increasing (every slice says the same).
    public var scales: [Double]
    /// The slice's points, in increasing order of scale.
    public var points: [SweepPoint]
    /// Project, city and fund names by report language (`zh`, `en`).
    public var names: [String: ProjectNames]
    /// Wall-clock seconds the slice took.
    public var seconds: Double

    public init(
        shard: Int, count: Int, inputsSHA256: String, options: String, scales: [Double], sweep: SweepResult,
        names: [ReportLanguage: ProjectNames], seconds: Double
    ) {
        format = Self.format
        self.shard = shard
        self.count = count
        self.inputsSHA256 = inputsSHA256
        self.options = options
        scenario = sweep.scenario
        fundID = sweep.fundID
        fundName = sweep.fundName
        baseBudget = sweep.baseBudget
        tiebreak = sweep.tiebreak
        self.scales = scales
        points = sweep.points
        self.names = Dictionary(uniqueKeysWithValues: names.map { ($0.key.rawValue, $0.value) })
        self.seconds = seconds
    }

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    public static func decoded(_ data: Data) throws -> SweepSlice {
        try JSONDecoder().decode(SweepSlice.self, from: data)
    }

    /// The names of one language (empty when the slice has none).
    public func names(_ language: ReportLanguage) -> ProjectNames { names[language.rawValue] ?? ProjectNames() }

    /// Its points are exactly those of its indices, at their scales, and it has names in every language.
    var isConsistent: Bool {
        (1...Swift.max(1, count)).contains(shard)
            && points.map(\.scale) == WhatIfRunner.sweepIndices(points: scales.count, shard: shard, of: count).map { scales[$0] }
            && ReportLanguage.allCases.allSatisfy { names[$0.rawValue] != nil }
    }

    /// What every slice of one sweep shares.
    var key: String {
        let budget = baseBudget.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return "\(format)|\(count)|\(inputsSHA256)|\(options)|\(scenario)|\(fundID)|\(tiebreak)|\(budget)|\(scales.map { String($0) }.joined(separator: ","))"
    }

    /// The sweep the slices make together (with its names by language and the slices' seconds), or why they
    /// do not make one.
    public static func merge(_ slices: [(path: String, slice: SweepSlice)]) throws(SweepSliceError) -> (
        sweep: SweepResult, names: [ReportLanguage: ProjectNames], seconds: Double
    ) {
        guard let first = slices.first else { throw .noSlices }
        for (path, slice) in slices where slice.format != format || !slice.isConsistent { throw .unknownFormat(path) }
        for (path, slice) in slices where slice.key != first.slice.key {
            throw .differentSweep(path, first.path)
        }
        let shards = slices.map(\.slice.shard).sorted()
        guard shards == Array(1...first.slice.count) else {
            throw .incomplete(missing: Set(1...first.slice.count).subtracting(shards).sorted(), repeated: shards.count > Set(shards).count)
        }
        var points = slices.flatMap(\.slice.points).sorted { $0.scale < $1.scale }
        SweepResult.linkNeighbours(&points)
        let head = first.slice
        let sweep = SweepResult(
            scenario: head.scenario, fundID: head.fundID, fundName: head.fundName, baseBudget: head.baseBudget,
            tiebreak: head.tiebreak, points: points, threads: 1, seconds: slices.reduce(0) { $0 + $1.slice.seconds })
        let names = Dictionary(uniqueKeysWithValues: ReportLanguage.allCases.map { ($0, head.names($0)) })
        return (sweep, names, sweep.seconds)
    }
}

/// Why sweep slices do not merge.
public enum SweepSliceError: Error, Sendable, Hashable, CustomStringConvertible {
    case noSlices
    case unknownFormat(String)
    case differentSweep(String, String)
    case incomplete(missing: [Int], repeated: Bool)

    public var description: String {
        switch self {
        case .noSlices: "no sweep slice (sweep.slice-I-of-N.json) in the directories given"
        case .unknownFormat: "not a sweep slice of this version of greenalloc"
        case .differentSweep(_, let other):
            "a slice of another sweep than \(other) (other inputs, fund, scales, options or shard count)"
        case .incomplete(let missing, let repeated):
            (missing.isEmpty ? "" : "sweep slices missing: \(missing.map(String.init).joined(separator: ", "))")
                + (repeated ? (missing.isEmpty ? "" : "; ") + "a slice is given twice" : "")
        }
    }

    /// The file the error is about, when it is about one.
    public var path: String? {
        switch self {
        case .unknownFormat(let path), .differentSweep(let path, _): path
        case .noSlices, .incomplete: nil
        }
    }
}
