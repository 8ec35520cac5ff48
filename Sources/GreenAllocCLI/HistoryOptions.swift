internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocHistory
internal import GreenAllocInputs
internal import GreenAllocReports
internal import Synchronization

/// The arguments of the command line being run (the history records them).
enum RunArguments {
    @TaskLocal static var current: [String] = []
}

/// `--history FILE` and `--no-history`, on every command that solves and on the commands that read the history.
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The run history (SQLite) to use; default: $GREENALLOC_HISTORY, else the nearest .greenalloc/history.sqlite above the scenario's folder, else a new one there.",
            valueName: "FILE"))
    var history: String?

    @Flag(name: .customLong("no-history"), help: "Do not record this run in the history.")
    var noHistory = false

    func validate() throws {
        if history != nil && noHistory { throw ValidationError("--history and --no-history exclude each other") }
    }

    /// Where the history is for a run that starts from `folder` (the scenario's, or the current one). A capturing
    /// console (an embedding program, the tests) uses only a history named by `--history`.
    func location(startFolder folder: String?, console: Console) -> HistoryLocation? {
        if noHistory { return nil }
        if history == nil && !console.implicitHistory { return nil }
        return HistoryLocation.resolve(
            option: history, environment: ProcessInfo.processInfo.environment,
            startFolder: folder ?? FileManager.default.currentDirectoryPath)
    }

    /// Starts a recorded run: the session copies what the run prints on standard output and knows when it began.
    func begin(_ console: Console) -> HistorySession {
        HistorySession(options: self, console: console)
    }
}

/// What a run gave, as the history keeps it.
struct RunOutcome {
    var status: String
    var objective: Double? = nil
    var bound: Double? = nil
    var gap: Double? = nil
    var settings: RunSettings?
    var timings: [(String, Double)] = []
    /// Documents the output folder may not hold (e.g. allocation.json of a `solve` without --out), rendered
    /// only when it does not.
    var documents: [String: () -> [UInt8]] = [:]
}

/// One run being recorded: its standard output is copied as it is printed, and `finish` writes the record.
final class HistorySession: Sendable {
    let options: HistoryOptions
    let original: Console
    let console: Console
    let started = Date()
    private let printed = PrintedText()

    init(options: HistoryOptions, console: Console) {
        self.options = options
        original = console
        let printed = self.printed
        self.console = Console(
            out: { text in
                printed.append(text)
                console.out(text)
            }, error: { text in console.error(text) }, interruption: console.interruption,
            implicitHistory: console.implicitHistory)
    }

    /// Records the run and returns its exit code: `code`, or 1 (65 for a damaged or newer history) when a history
    /// named by --history or GREENALLOC_HISTORY cannot be written; a history found by default only warns.
    func finish(command: String, inputs: [ScenarioInputs], outcome: RunOutcome, out: String?, code: Int32) -> Int32 {
        let folder = inputs.first?.scenarioFiles.last.map { (Self.absolute($0) as NSString).deletingLastPathComponent }
        guard let location = options.location(startFolder: folder, console: original) else { return code }
        do {
            let record = HistoryRecordBuilder(session: self, command: command, inputs: inputs, outcome: outcome, out: out, code: code)
            let id = try HistoryDatabase(path: location.path, create: true).record(try record.build())
            original.error("greenalloc: recorded as run \(id) in \(location.path)\n")
            return code
        } catch {
            let message = "\(error)"
            if location.named {
                original.error("greenalloc: error: \(message) (the outputs were written)\n")
                return (error as? HistoryError)?.isInputError == true ? ExitStatus.input : ExitStatus.failure
            }
            original.error("greenalloc: warning: this run was not recorded: \(message)\n")
            return code
        }
    }

    var standardOutput: String { printed.value }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

extension RunOutcome {
    /// A `solve`: its status, objective, bound and gap, the stages' timings, and allocation.json.
    static func solve(_ allocation: Allocation, _ statistics: RunStatistics, _ settings: RunSettings, language: ReportLanguage) -> RunOutcome {
        RunOutcome(
            status: allocation.status.rawValue + (allocation.loanStage.map { "; loan stage " + $0.status.rawValue } ?? ""),
            objective: allocation.objective, bound: allocation.bestBound, gap: allocation.gap,
            settings: settings,
            timings: [
                ("compile", statistics.compileSeconds), ("solve", statistics.solveSeconds), ("tiebreak", statistics.tiebreakSeconds),
                ("diagnosis", statistics.diagnosisSeconds), ("loan", statistics.loanSeconds),
            ],
            documents: ["allocation.json": { Array(AllocationJSON.render(allocation, language: language).utf8) }])
    }
}

/// What a run printed on standard output, copied as it is printed.
final class PrintedText: Sendable {
    private let text = Mutex<String>("")
    func append(_ more: String) { text.withLock { $0 += more } }
    var value: String { text.withLock { $0 } }
}
