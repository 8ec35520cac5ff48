internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocReports
internal import GreenAllocRobustness

struct Merge: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the slices of a sharded robustness run into the documents one run writes.",
        discussion: """
            Reads every robustness.slice-I-of-N.json in the directories given (the --out directories of \
            `greenalloc robustness --shard I/N`), checks that they are the N slices of one analysis (same inputs, \
            ranges, seeds and sample count, each slice once), and writes into --out the files one run of \
            `greenalloc robustness --samples …` writes, byte for byte, except run.json, whose seconds are the slices' \
            sum. Exit codes: 0 merged, 64 usage error, 65 a slice that is missing, repeated, unreadable or of another \
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
        var slices: [(path: String, slice: RobustnessSlice)] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasPrefix("robustness.slice-") && name.hasSuffix(".json") {
                let path = (directory as NSString).appendingPathComponent(name)
                do {
                    slices.append((path, try RobustnessSlice.decoded(try Data(contentsOf: URL(fileURLWithPath: path)))))
                } catch {
                    throw Self.inputError(path, "not a readable robustness slice: \(error.localizedDescription)")
                }
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

    static func inputError(_ path: String, _ message: String) -> InputErrors {
        InputErrors([Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), message)])
    }
}
