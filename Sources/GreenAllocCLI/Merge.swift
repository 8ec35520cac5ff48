internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocReports
internal import GreenAllocRobustness

struct Merge: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the slices of a sharded robustness run or sweep into the documents one run writes.",
        discussion: """
            Reads every robustness.slice-I-of-N.json in the directories given (the --out directories of \
            `greenalloc robustness --shard I/N`), checks that they are the N slices of one analysis (same inputs, \
            ranges, seeds and sample count, each slice once), and writes into --out the files one run of \
            `greenalloc robustness --samples …` writes, byte for byte, except run.json, whose seconds are the slices' \
            sum. Sweep slices (sweep.slice-I-of-N.json, from `greenalloc sweep --shard I/N`) must be of one sweep \
            (same inputs, fund, scales and solve options); they give the files of one `sweep --independent --out DIR` \
            run, byte for byte. Exit codes: 0 merged, 64 usage error, 65 a slice that is missing, repeated, unreadable or of another \
            analysis (nothing is written), 1 anything else.
            """)

    @Argument(help: "Directories holding the slices.")
    var directories: [String]

    @Option(name: .long, help: "Write the merged documents into this directory.")
    var out: String

    func validate() throws {
        if directories.isEmpty { throw ValidationError("give the directories that hold the slices") }
    }

    func execute(console: Console) throws -> Int32 {
        let robustness = slicePaths(prefix: "robustness.slice-")
        let sweep = slicePaths(prefix: "sweep.slice-")
        if let path = sweep.first, !robustness.isEmpty {
            throw Self.inputError(path, "sweep slices and robustness slices cannot be merged together; give the directories of one kind")
        }
        if !sweep.isEmpty { return try SweepMerge.run(sweep, out: out, console: console) }
        var slices: [(path: String, slice: RobustnessSlice)] = []
        for path in robustness {
            do {
                slices.append((path, try RobustnessSlice.decoded(try Data(contentsOf: URL(fileURLWithPath: path)))))
            } catch {
                throw Self.inputError(path, "not a readable robustness slice: \(error.localizedDescription)")
            }
        }
        let merged: (RobustnessResult, RobustnessResult?, seconds: Double)
        do {
            merged = try RobustnessSlice.merge(slices)
        } catch {
            let path: String
            switch error {
            case .unknownFormat(let file), .differentAnalysis(let file, _): path = file
            default: path = directories[0]
            }
            throw Self.inputError(path, error.description)
        }
        try RobustnessRequest.write(merged.0, comparison: merged.1, seconds: merged.seconds, out: out, console: console)
        RobustnessRequest.summary(merged.0, comparison: merged.1, seconds: merged.seconds, console: console)
        return ExitStatus.success
    }

    /// The slice files (`PREFIX…json`) in the directories, each directory's in name order.
    func slicePaths(prefix: String) -> [String] {
        directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
                .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }
                .map { (directory as NSString).appendingPathComponent($0) }
        }
    }

    static func inputError(_ path: String, _ message: String) -> InputErrors {
        InputErrors([Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), message)])
    }
}
