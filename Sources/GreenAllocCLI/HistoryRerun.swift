internal import Foundation
internal import GreenAllocHistory
internal import MILP

/// A recorded run done again from the history alone: its stored inputs are written into a temporary folder
/// (keeping their layout relative to one another), its command line is run on them with the output folder and
/// the history redirected there, and the new run's record is read back for comparison.
struct HistoryRerun {
    let database: HistoryDatabase
    let run: StoredRun
    let inputs: [StoredFile]

    init(database: HistoryDatabase, id: Int64) throws {
        self.database = database
        run = try database.run(id)
        inputs = try database.inputs(of: id)
        guard !inputs.isEmpty else { throw UsageError(message: "run \(id) recorded no input files") }
    }

    /// What the new run gave: its record and its folder of outputs (nil when it wrote none).
    struct Result {
        var run: StoredRun
        var outputs: [StoredFile]
        var outFolder: String?
        var replayHistory: HistoryDatabase
        var standardError: String
    }

    /// Runs the recorded command again in `folder` (which must exist and be empty); `addOut` adds an output
    /// folder when the run had none (for `show`). Ctrl-C on `console` stops it.
    func perform(in folder: String, addOut: Bool, console: Console) throws -> Result {
        let root = Self.commonFolder(inputs.map(\.path))
        for input in inputs {
            let target = folder + "/inputs" + String(input.path.dropFirst(root.count))
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try database.bytes(input.sha256).write(to: URL(fileURLWithPath: target))
        }
        let historyPath = folder + "/replay.sqlite"
        var (arguments, out) = mapped(root: root, inputs: folder + "/inputs", out: folder + "/out")
        if out == nil && addOut {
            arguments += ["--out", folder + "/out"]
            out = folder + "/out"
        }
        let (printed, errors) = (PrintedText(), PrintedText())
        let quiet = Console(
            out: { text in printed.append(text) }, error: { text in errors.append(text) },
            interruption: console.interruption)
        _ = CommandLineRunner.run(arguments + ["--history", historyPath], console: quiet)
        if console.interruption.isCancelled { throw SolveInterrupted() }
        let standardError = errors.value
        let replayHistory = try HistoryDatabase(path: historyPath, create: false)
        guard let replayed = try replayHistory.runs().last else {
            throw HistoryError.unwritable(path: historyPath, detail: "the run again recorded nothing: \(standardError)")
        }
        let read = try replayHistory.inputs(of: replayed.id).map(\.path).filter { !$0.hasPrefix(folder + "/") }
        if !read.isEmpty {
            throw UsageError(
                message: "run \(run.id) read files that the history cannot stand in for (absolute paths in the scenario): "
                    + read.joined(separator: ", "))
        }
        return Result(
            run: replayed, outputs: try replayHistory.outputs(of: replayed.id), outFolder: out,
            replayHistory: replayHistory, standardError: standardError)
    }

    /// The recorded arguments with input paths moved under `inputs`, `--out` moved to `out`, and the history
    /// options left out; returns the arguments and the output folder (nil when the run had none).
    func mapped(root: String, inputs folder: String, out: String) -> ([String], String?) {
        let stored = Set(inputs.map(\.path))
        var result: [String] = []
        var outFolder: String?
        var index = 0
        let arguments = run.arguments
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--out", "--history":
                if argument == "--out" {
                    result += ["--out", out]
                    outFolder = out
                }
                index += 1
            case _ where argument.hasPrefix("--out="):
                result += ["--out", out]
                outFolder = out
            case "--no-history":
                continue
            case _ where argument.hasPrefix("--history="):
                continue
            default:
                let absolute = URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: run.workingDirectory + "/"))
                    .standardizedFileURL.path
                result.append(stored.contains(absolute) ? folder + String(absolute.dropFirst(root.count)) : argument)
            }
        }
        return (result, outFolder)
    }

    /// The deepest folder that holds every path (without a trailing slash; "" for the file system's root).
    static func commonFolder(_ paths: [String]) -> String {
        let split = paths.map { $0.split(separator: "/", omittingEmptySubsequences: false).dropLast() }
        guard var common = split.first.map(Array.init) else { return "" }
        for parts in split.dropFirst() {
            common = Array(zip(common, parts).prefix { $0.0 == $0.1 }.map(\.0))
        }
        return common.joined(separator: "/")
    }

    /// A new empty temporary folder; the caller removes it.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-replay-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
