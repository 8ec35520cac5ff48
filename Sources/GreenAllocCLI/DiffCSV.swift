internal import GreenAllocCore
internal import GreenAllocReports

/// The diff as one CSV table, a change a row: section, key, name, before, after (money in 万元 to 0.0001).
enum DiffCSV {
    static let header = ["section", "key", "name", "before", "after"]

    static func render(_ diff: RunDiff) -> String {
        var rows: [[String]] = [header] + inputRows(diff)
        if let results = diff.results { rows += self.results(results) }
        return rows.map(CSVRecord.line).joined()
    }

    /// The rows of the inputs and settings: files, table columns, rows and cells, the merged scenario, settings.
    static func inputRows(_ diff: RunDiff) -> [[String]] {
        var rows: [[String]] = []
        for file in diff.files {
            rows.append(["file", file.path, file.kind, "", ""])
            guard let table = file.table else { continue }
            rows += table.columnsAdded.map { ["column added", file.path, $0, "", ""] }
            rows += table.columnsRemoved.map { ["column removed", file.path, $0, "", ""] }
            rows += table.rowsAdded.map { ["row added", file.path, $0, "", ""] }
            rows += table.rowsRemoved.map { ["row removed", file.path, $0, "", ""] }
            rows += table.cells.map { ["cell", file.path, $0.row + " " + $0.column, $0.before, $0.after] }
        }
        rows += diff.scenario.map { ["scenario", $0.path, "", $0.before ?? "", $0.after ?? ""] }
        rows += diff.settings.map { ["setting", $0.path, "", $0.before ?? "", $0.after ?? ""] }
        return rows
    }

    static func results(_ results: ResultDiff) -> [[String]] {
        var rows: [[String]] = []
        rows += results.newlyFunded.map { ["newly funded", $0.id, $0.name, "", diffMoney($0.subsidy)] }
        rows += results.dropped.map { ["dropped", $0.id, $0.name, diffMoney($0.subsidy), ""] }
        for (section, amounts) in [("subsidy", results.subsidyChanged), ("city", results.cities), ("category", results.categories)] {
            rows += amounts.map { [section, $0.key, $0.name, diffMoney($0.before), diffMoney($0.after)] }
        }
        rows += results.parksNamed.map { ["park named", $0.0, $0.1, "", ""] }
        rows += results.parksNoLonger.map { ["park no longer named", $0.0, $0.1, "", ""] }
        func met(_ flag: Bool?) -> String { flag.map { $0 ? " (met)" : " (not met)" } ?? "" }
        rows += results.targets.map { ["target", $0.name, "", diffMoney($0.before) + met($0.metBefore), diffMoney($0.after) + met($0.metAfter)] }
        rows += results.loans.map { ["bank", $0.project, $0.name, $0.before ?? "", $0.after ?? ""] }
        return rows
    }
}
