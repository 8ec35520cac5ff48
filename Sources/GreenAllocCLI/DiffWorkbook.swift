internal import GreenAllocCore
internal import GreenAllocHistory
internal import Spreadsheet

/// `greenalloc diff --format xlsx --out FILE`: the diff as a workbook for Excel or WPS — the two runs, then
/// one change a row (section, key, name, before, after) as in the CSV, money as numbers in 万元 (0.0001),
/// and the results' totals (cities, categories) on a sheet of their own with the change.
enum DiffWorkbook {
    static func bytes(_ diff: RunDiff) throws -> [UInt8] {
        try Workbook(sheets: [runs(diff), changes(diff), totals(diff)], title: "Run \(diff.before.id) → run \(diff.after.id)").bytes()
    }

    static func runs(_ diff: RunDiff) -> Sheet {
        let rows: [[Cell]] = [diff.before, diff.after].map { run in
            [.integer(Int(run.id)), .text(run.startedAt), .text(run.command), .text(run.scenario), .text(run.status),
                run.objective.map { .number($0, .money) } ?? .empty]
        }
        return Sheet(name: "Runs", header: ["Run", "Started (UTC)", "Command", "Scenario", "Status", "Objective"], rows: rows)
    }

    /// Every change of the CSV, with the money of the result sections as numbers.
    static func changes(_ diff: RunDiff) -> Sheet {
        var rows: [[Cell]] = DiffCSV.inputRows(diff).map { $0.map { .text($0) } }
        if let results = diff.results {
            rows += results.newlyFunded.map { [.text("newly funded"), .text($0.id), .text($0.name), .empty, money($0.subsidy)] }
            rows += results.dropped.map { [.text("dropped"), .text($0.id), .text($0.name), money($0.subsidy), .empty] }
            rows += results.subsidyChanged.map { [.text("subsidy"), .text($0.key), .text($0.name), money($0.before), money($0.after)] }
            rows += results.parksNamed.map { [.text("park named"), .text($0.0), .text($0.1), .empty, .empty] }
            rows += results.parksNoLonger.map { [.text("park no longer named"), .text($0.0), .text($0.1), .empty, .empty] }
            rows += results.targets.map { target in
                [.text("target"), .text(target.name), .empty, target.before.map { .number($0, .money) } ?? .empty,
                    target.after.map { .number($0, .money) } ?? .empty]
            }
            rows += results.loans.map { [.text("bank"), .text($0.project), .text($0.name), .text($0.before ?? ""), .text($0.after ?? "")] }
        }
        return Sheet(name: "Changes", header: DiffCSV.header, rows: rows, autoFilter: true)
    }

    /// City and category totals of the results: before, after, change (万元).
    static func totals(_ diff: RunDiff) -> Sheet {
        var rows: [[Cell]] = []
        if let results = diff.results {
            for (section, amounts) in [("city", results.cities), ("category", results.categories)] {
                rows += amounts.map { [.text(section), .text($0.key), .text($0.name), money($0.before), money($0.after), money($0.after - $0.before)] }
            }
        }
        return Sheet(name: "Totals", header: ["section", "key", "name", "before (万元)", "after (万元)", "change (万元)"], rows: rows)
    }

    static func money(_ value: Double) -> Cell { .money(ResultDiff.money(value)) }
}
