internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocHistory
internal import GreenAllocReports

struct HistoryCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the recorded runs, or remove runs from the history.",
        discussion: """
            Every run of solve, compare, sweep, target and explain is recorded in the history (an SQLite file) \
            unless --no-history: its inputs' bytes, the merged scenario, the settings, the status and the outputs. \
            The history is --history FILE, else $GREENALLOC_HISTORY, else the nearest .greenalloc/history.sqlite \
            in the current folder or above. Dates and times are UTC: 2026-11-30 or 2026-11-30T13:00.

            --prune-run ID (repeatable) and --prune-before DATE remove runs, then every stored file no remaining \
            run uses, and compact the file (the removed bytes are overwritten).
            """)

    @Option(name: .long, help: "Only the runs of this scenario name.")
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("Only the runs started at or after this UTC time.", valueName: "DATE"))
    var since: String?

    @Option(name: .long, help: "Output: md (default), json or csv.")
    var format: OutputFormat = .md

    @Option(name: .customLong("prune-run"), help: ArgumentHelp("Remove this run (repeatable).", valueName: "ID"))
    var pruneRuns: [Int64] = []

    @Option(name: .customLong("prune-before"), help: ArgumentHelp("Remove the runs started before this UTC time.", valueName: "DATE"))
    var pruneBefore: String?

    @OptionGroup var location: HistoryFileOption

    func validate() throws {
        for (flag, value) in [("--since", since), ("--prune-before", pruneBefore)] {
            if let value, !HistoryDate.isValid(value) {
                throw ValidationError("\(flag) takes a UTC date or time such as 2026-11-30 or 2026-11-30T13:00, not '\(value)'")
            }
        }
    }

    func execute(console: Console) throws -> Int32 {
        let database = try location.open()
        if !pruneRuns.isEmpty || pruneBefore != nil {
            let removed = try database.prune(ids: pruneRuns, before: pruneBefore)
            let list = removed.map(String.init).joined(separator: ", ")
            console.error("greenalloc: removed \(removed.count) run\(removed.count == 1 ? "" : "s")\(removed.isEmpty ? "" : ": " + list) from \(database.path)\n")
            return ExitStatus.success
        }
        let runs = try database.runs(scenario: scenario, since: since)
        switch format {
        case .md: console.out(HistoryListing.markdown(runs))
        case .json: console.out(JSONWriter.render(.array(runs.map(HistoryListing.json))))
        case .csv: console.out(HistoryListing.csv(runs))
        }
        return ExitStatus.success
    }
}

/// `--history FILE` on the commands that read the history (history, show, diff, replay).
struct HistoryFileOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The history to read; default: $GREENALLOC_HISTORY, else the nearest .greenalloc/history.sqlite in the current folder or above.",
            valueName: "FILE"))
    var history: String?

    func open() throws -> HistoryDatabase {
        let location = HistoryLocation.resolve(
            option: history, environment: ProcessInfo.processInfo.environment,
            startFolder: FileManager.default.currentDirectoryPath)
        return try HistoryDatabase(path: location.path, create: false)
    }
}

/// The UTC dates and times the history's filters take: `2026-11-30`, `2026-11-30T13`, `2026-11-30T13:00`, `…:00:00`.
enum HistoryDate {
    static func isValid(_ text: String) -> Bool {
        let digits = text.map { $0.isASCII && $0.isNumber ? "9" : String($0) }.joined()
        return ["9999-99-99", "9999-99-99T99", "9999-99-99T99:99", "9999-99-99T99:99:99"].contains(digits)
    }
}

/// The list of runs as a table, JSON or CSV.
enum HistoryListing {
    static let header = ["id", "started_at", "command", "scenario", "status", "exit_code", "objective", "seconds", "user"]

    static func cells(_ run: StoredRun) -> [String] {
        [
            String(run.id), run.startedAt, run.command, run.scenario, run.status + (run.completed ? "" : " (interrupted)"),
            String(run.exitCode), run.objective.map(formatNumber) ?? "", String(format: "%.3f", run.seconds), run.user,
        ]
    }

    static func markdown(_ runs: [StoredRun]) -> String {
        if runs.isEmpty { return "No runs recorded.\n" }
        var table = MarkdownTable(header: ["Run", "Started (UTC)", "Command", "Scenario", "Status", "Exit", "Objective", "Seconds", "User"])
        table.numeric = [0, 5, 6, 7]
        for run in runs { table.add(cells(run)) }
        return table.render()
    }

    static func csv(_ runs: [StoredRun]) -> String {
        ([header] + runs.map(cells)).map(CSVRecord.line).joined()
    }

    static func json(_ run: StoredRun) -> JSONValue {
        .object([
            ("id", .number(String(run.id))), ("started_at", .string(run.startedAt)), ("finished_at", .string(run.finishedAt)),
            ("command", .string(run.command)), ("command_line", .array(run.arguments.map { .string($0) })),
            ("scenario", .string(run.scenario)), ("status", .string(run.status)), ("exit_code", .int(Int(run.exitCode))),
            ("completed", .bool(run.completed)), ("objective", .double(run.objective)), ("bound", .double(run.bound)),
            ("gap", .double(run.gap)), ("seconds", .double(run.seconds)), ("user", .string(run.user)),
            ("working_directory", .string(run.workingDirectory)), ("greenalloc_version", .string(run.greenallocVersion)),
            ("glpk_version", .string(run.glpkVersion)),
        ])
    }
}
