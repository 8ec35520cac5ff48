public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc compare`: JSON, CSV and Markdown (WhatIfCompareMarkdown.swift) of a `Comparison`.
public enum WhatIfCompareOutput {
    public static func json(_ comparison: Comparison) -> String {
        var scenarios: [JSONValue] = []
        for summary in comparison.scenarios {
            let allocation = summary.allocation
            var members: [(String, JSONValue)] = [
                ("scenario", .string(summary.label)),
                ("file", .string(summary.file)),
                ("status", .string(summary.status.rawValue)),
                ("objective", .double(summary.objective)),
                ("subsidy_total", .money(summary.subsidyTotal)),
                ("funded_count", .int(summary.fundedCount)),
                ("by_fund", .array(summary.byFund.map { total in
                    .object([("fund", .string(total.key)), ("name", .string(total.name)), ("used", .money(total.amount))])
                })),
                ("by_year", .object(summary.byYear.map { ($0.key, .money($0.amount)) })),
                ("by_city", .array(summary.byCity.map { total in
                    .object([("city", .string(total.key)), ("name", .string(total.name)), ("subsidy", .money(total.amount))])
                })),
                ("by_category", .object(summary.byCategory.map { ($0.key, .money($0.amount)) })),
                ("parks_named", .array(allocation.parks.map { park in
                    .object([("id", .string(park.id)), ("name", .string(park.name)), ("named_in", .int(park.namedIn))])
                })),
                ("targets", .array(allocation.targets.map { target in
                    .object([
                        ("name", .string(target.name)), ("value", .double(target.value)), ("min", .double(target.min)),
                        ("met", .bool(target.met)),
                    ])
                })),
            ]
            if let stage = allocation.loanStage, !stage.loans.isEmpty {
                members.append(("loans_placed", .int(stage.loans.count)))
                members.append(("loan_volume", .money(stage.volume)))
            }
            scenarios.append(.object(members))
        }
        let diffs: [JSONValue] = comparison.diffs.map { diff in
            .object([
                ("scenario", .string(diff.label)),
                ("funded_only_here", .array(diff.fundedOnlyHere.map { .string($0) })),
                ("dropped_here", .array(diff.droppedHere.map { .string($0) })),
                ("share_changed", .array(diff.shareChanged.map { change in
                    .object([("project", .string(change.project)), ("from", .double(change.from)), ("to", .double(change.to))])
                })),
            ])
        }
        let changes: [JSONValue] = comparison.changes.map { change in
            .object([
                ("project", .string(change.project)),
                ("name", .string(change.name)),
                ("in", .array(change.fundedIn.map { .string($0) })),
                ("shares", .array(change.shares.map { JSONValue.double($0) })),
            ])
        }
        return JSONWriter.render(
            .object([
                ("format", .string("greenalloc.compare/1")),
                ("baseline", .string(comparison.scenarios.first?.label)),
                ("scenarios", .array(scenarios)),
                ("diffs", .array(diffs)),
                ("changes", .array(changes)),
            ] + stabilityJSON(comparison) + fairnessJSON(comparison)))
    }

    /// Long CSV: one row per figure (`section,key,name`, then one column per scenario), then one row per
    /// project whose decision differs (its share per scenario).
    public static func csv(_ comparison: Comparison) -> String {
        let labels = comparison.scenarios.map(\.label)
        var lines = [CSVRecord.line(["section", "key", "name"] + labels)]
        func add(_ section: String, _ key: String, _ name: String, _ cells: [String]) {
            lines.append(CSVRecord.line([section, key, name] + cells))
        }
        let all = comparison.scenarios
        add("status", "", "", all.map { $0.status.rawValue })
        add("objective", "", "", all.map { $0.objective.map { $0.description } ?? "" })
        add("subsidy_total", "", "", all.map { MoneyFormat.plain($0.subsidyTotal) })
        add("funded_count", "", "", all.map { String($0.fundedCount) })
        add("parks_named", "", "", all.map { String($0.allocation.parks.count) })
        if all.contains(where: { !($0.allocation.loanStage?.loans.isEmpty ?? true) }) {
            add("loans_placed", "", "", all.map { String($0.allocation.loanStage?.loans.count ?? 0) })
        }
        for (section, totals) in [
            ("fund", all.map(\.byFund)), ("year", all.map(\.byYear)), ("city", all.map(\.byCity)),
            ("category", all.map(\.byCategory)),
        ] {
            for (key, name) in keys(totals) {
                add(section, key, name, totals.map { list in MoneyFormat.plain(list.first { $0.key == key }?.amount ?? 0) })
            }
        }
        for name in orderedUnique(all.flatMap { $0.allocation.targets.map(\.name) }) {
            add("target_met", "", name, all.map { summary in
                summary.allocation.targets.first { $0.name == name }.map { $0.met ? "true" : "false" } ?? ""
            })
        }
        for change in comparison.changes {
            add("project_share", change.project, change.name, change.shares.map { $0.map { $0.description } ?? "" })
        }
        return lines.joined() 
    }

    static func keys(_ totals: [[ScenarioSummary.Total]]) -> [(String, String)] {
        var seen = Set<String>()
        var result: [(String, String)] = []
        for list in totals {
            for total in list where seen.insert(total.key).inserted { result.append((total.key, total.name)) }
        }
        return result
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
