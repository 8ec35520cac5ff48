internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocHistory
internal import GreenAllocReports

struct Diff: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say what changed between two recorded runs: inputs, settings and results.",
        discussion: """
            Inputs: which files changed, were added or removed (matched by their path below each run's folder \
            of inputs); for a CSV table, the rows added and removed (by the first column, the id) and every cell \
            that changed; the merged scenario (after extends) value by value. Settings: the solver settings. \
            Results (runs of solve): projects newly funded and dropped, subsidies that changed, city and category \
            totals, parks newly named or no longer named, targets, and the banks' lists. Money in 万元, rounded to \
            0.0001. Output: md (default), json, csv (one change a row: section, key, name, before, after), or xlsx \
            (`--out FILE`: the runs, the changes with money as numbers, and the city and category totals).
            """)

    @Argument(help: "The earlier run's id.")
    var runA: Int64

    @Argument(help: "The later run's id.")
    var runB: Int64

    @Option(name: .long, help: "Output: md (default), json, csv, or xlsx (with --out FILE).")
    var format: DiffFormat = .md

    @Option(name: .long, help: "Write the diff to this file instead of standard output (required for xlsx).")
    var out: String?

    func validate() throws {
        if format == .xlsx, out == nil { throw ValidationError("--format xlsx writes a workbook: give --out FILE") }
    }

    @OptionGroup var location: HistoryFileOption

    func execute(console: Console) throws -> Int32 {
        let diff = try RunDiff(database: try location.open(), before: runA, after: runB)
        let bytes: [UInt8] =
            switch format {
            case .md: Array(DiffMarkdown.render(diff).utf8)
            case .json: Array(JSONWriter.render(DiffJSON.render(diff)).utf8)
            case .csv: Array(DiffCSV.render(diff).utf8)
            case .xlsx: try DiffWorkbook.bytes(diff)
            }
        guard let out else {
            console.out(String(decoding: bytes, as: UTF8.self))
            return ExitStatus.success
        }
        try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        console.error("greenalloc: diff of runs \(runA) and \(runB) → \(out)\n")
        return ExitStatus.success
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json, csv, xlsx
}

/// Money as every output writes it: 0.0001 万元.
func diffMoney(_ value: Double?) -> String {
    value.map { formatNumber(ResultDiff.money($0)) } ?? "—"
}

/// The diff as a Markdown document (English).
enum DiffMarkdown {
    static func render(_ diff: RunDiff) -> String {
        var text = "# Run \(diff.before.id) → run \(diff.after.id)\n\n"
        var runs = MarkdownTable(header: ["Run", "Started (UTC)", "Command", "Scenario", "Status", "Objective"], numeric: [0, 5])
        for run in [diff.before, diff.after] {
            runs.add([String(run.id), run.startedAt, run.command, run.scenario, run.status, run.objective.map(formatNumber) ?? "—"])
        }
        text += runs.render() + "\n## Inputs\n\n"
        if diff.files.isEmpty { text += "The input files are byte-identical.\n" }
        for file in diff.files { text += fileSection(file) }
        text += "\n"
        if !diff.scenario.isEmpty { text += "### Scenario (merged)\n\n" + values(diff.scenario) }
        text += "## Settings\n\n" + (diff.settings.isEmpty ? "The same.\n\n" : values(diff.settings))
        if let results = diff.results { text += DiffMarkdown.results(results, cities: diff.cityNames) }
        return text
    }

    static func fileSection(_ file: RunDiff.FileChange) -> String {
        var text = "- `\(file.path)`: \(file.kind)\n"
        guard let table = file.table else { return text }
        for (label, items) in [
            ("columns added", table.columnsAdded), ("columns removed", table.columnsRemoved), ("rows added", table.rowsAdded),
            ("rows removed", table.rowsRemoved),
        ] where !items.isEmpty {
            text += "  - \(label): \(items.joined(separator: ", "))\n"
        }
        if !table.cells.isEmpty {
            text += "\n"
            var cells = MarkdownTable(header: ["Row", "Column", "Before", "After"])
            for cell in table.cells { cells.add([cell.row, cell.column, cell.before, cell.after]) }
            text += cells.render()
        }
        return text
    }

    static func values(_ changes: [RunDiff.ValueChange]) -> String {
        var table = MarkdownTable(header: ["Key", "Before", "After"])
        for change in changes { table.add([change.path, change.before ?? "—", change.after ?? "—"]) }
        return table.render() + "\n"
    }

    static func results(_ results: ResultDiff, cities: [String: String]) -> String {
        var text = "## Results\n\n"
        text += projects("Newly funded", results.newlyFunded, cities) + projects("Dropped", results.dropped, cities)
        text += amounts("Subsidy changed", "Project", results.subsidyChanged, named: true)
        text += amounts("City totals", "City", results.cities, named: true)
        text += amounts("Category totals", "Category", results.categories, named: false)
        for (title, parks) in [("Parks newly named", results.parksNamed), ("Parks no longer named", results.parksNoLonger)] where !parks.isEmpty {
            text += "### \(title)\n\n" + parks.map { "- \($0.0) \($0.1)\n" }.joined() + "\n"
        }
        if !results.targets.isEmpty {
            var table = MarkdownTable(header: ["Target", "Before", "After", "Met before", "Met after"], numeric: [1, 2])
            func met(_ flag: Bool?) -> String { flag.map { $0 ? "yes" : "no" } ?? "—" }
            for target in results.targets {
                table.add([target.name, diffMoney(target.before), diffMoney(target.after), met(target.metBefore), met(target.metAfter)])
            }
            text += "### Targets\n\n" + table.render() + "\n"
        }
        if !results.loans.isEmpty {
            var table = MarkdownTable(header: ["Project", "Name", "Bank before", "Bank after"])
            for loan in results.loans { table.add([loan.project, loan.name, loan.before ?? "—", loan.after ?? "—"]) }
            text += "### Banks' lists\n\n" + table.render() + "\n"
        }
        return text
    }

    static func projects(_ title: String, _ projects: [ResultDiff.Project], _ cities: [String: String]) -> String {
        guard !projects.isEmpty else { return "" }
        var table = MarkdownTable(header: ["Project", "Name", "City", "Category", "Subsidy (万元)"], numeric: [4])
        for project in projects {
            let city = cities[project.city].map { project.city + " " + $0 } ?? project.city
            table.add([project.id, project.name, city, project.category, diffMoney(project.subsidy)])
        }
        return "### \(title) (\(projects.count))\n\n" + table.render() + "\n"
    }

    static func amounts(_ title: String, _ label: String, _ amounts: [ResultDiff.Amount], named: Bool) -> String {
        guard !amounts.isEmpty else { return "" }
        var table = MarkdownTable(
            header: [label] + (named ? ["Name"] : []) + ["Before (万元)", "After (万元)", "Change (万元)"],
            numeric: named ? [2, 3, 4] : [1, 2, 3])
        for amount in amounts {
            table.add([amount.key] + (named ? [amount.name] : []) + [diffMoney(amount.before), diffMoney(amount.after), diffMoney(amount.after - amount.before)])
        }
        return "### \(title) (\(amounts.count))\n\n" + table.render() + "\n"
    }
}
