internal import GreenAllocHistory
internal import GreenAllocReports

/// The diff as JSON: each run with its `id`, then inputs, settings and results.
enum DiffJSON {
    static func render(_ diff: RunDiff) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("before", HistoryListing.json(diff.before)), ("after", HistoryListing.json(diff.after)),
            ("files", .array(diff.files.map(file))), ("scenario", .array(diff.scenario.map(value))),
            ("settings", .array(diff.settings.map(value))),
        ]
        if let results = diff.results { members.append(("results", self.results(results))) }
        return .object(members)
    }

    static func file(_ file: RunDiff.FileChange) -> JSONValue {
        var members: [(String, JSONValue)] = [("path", .string(file.path)), ("change", .string(file.kind))]
        if let table = file.table {
            func strings(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
            members += [
                ("columns_added", strings(table.columnsAdded)), ("columns_removed", strings(table.columnsRemoved)),
                ("rows_added", strings(table.rowsAdded)), ("rows_removed", strings(table.rowsRemoved)),
                ("cells", .array(table.cells.map { .object([("row", .string($0.row)), ("column", .string($0.column)), ("before", .string($0.before)), ("after", .string($0.after))]) })),
            ]
        }
        return .object(members)
    }

    static func value(_ change: RunDiff.ValueChange) -> JSONValue {
        .object([("key", .string(change.path)), ("before", .string(change.before)), ("after", .string(change.after))])
    }

    static func results(_ results: ResultDiff) -> JSONValue {
        func projects(_ items: [ResultDiff.Project]) -> JSONValue {
            .array(items.map { .object([("id", .string($0.id)), ("name", .string($0.name)), ("city", .string($0.city)), ("category", .string($0.category)), ("subsidy", .money($0.subsidy))]) })
        }
        func amounts(_ items: [ResultDiff.Amount]) -> JSONValue {
            .array(items.map { .object([("key", .string($0.key)), ("name", .string($0.name)), ("before", .money($0.before)), ("after", .money($0.after))]) })
        }
        func parks(_ items: [(String, String)]) -> JSONValue { .array(items.map { .object([("id", .string($0.0)), ("name", .string($0.1))]) }) }
        return .object([
            ("newly_funded", projects(results.newlyFunded)), ("dropped", projects(results.dropped)),
            ("subsidy_changed", amounts(results.subsidyChanged)), ("cities", amounts(results.cities)),
            ("categories", amounts(results.categories)), ("parks_named", parks(results.parksNamed)),
            ("parks_no_longer_named", parks(results.parksNoLonger)),
            ("targets", .array(results.targets.map { .object([("name", .string($0.name)), ("before", .double($0.before)), ("after", .double($0.after)), ("met_before", $0.metBefore.map(JSONValue.bool) ?? .null), ("met_after", $0.metAfter.map(JSONValue.bool) ?? .null)]) })),
            ("loans", .array(results.loans.map { .object([("project", .string($0.project)), ("name", .string($0.name)), ("bank_before", .string($0.before)), ("bank_after", .string($0.after))]) })),
        ])
    }
}
