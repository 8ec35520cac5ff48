public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc compare`: JSON, CSV and Markdown of a `Comparison`.
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
            ]))
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

    public static func markdown(_ comparison: Comparison) -> String {
        let all = comparison.scenarios
        let labels = all.map(\.label)
        var text = "# 情景对比 / Scenario comparison\n\n"
        var overview = MarkdownTable(header: ["", ] + labels, numeric: Set(1...Swift.max(1, labels.count)))
        overview.add(["status"] + all.map { $0.status.rawValue })
        overview.add(["objective"] + all.map { $0.objective.map { MoneyFormat.fixed($0, places: 2, grouping: true) } ?? "—" })
        overview.add(["subsidy (万元)"] + all.map { MoneyFormat.fixed($0.subsidyTotal, places: 2, grouping: true) })
        overview.add(["projects funded"] + all.map { String($0.fundedCount) })
        overview.add(["eco parks named"] + all.map { summary in
            summary.allocation.parks.isEmpty ? "0" : "\(summary.allocation.parks.count): " + summary.allocation.parks.map(\.name).joined(separator: "、")
        })
        for name in orderedUnique(all.flatMap { $0.allocation.targets.map(\.name) }) {
            overview.add(["target 「\(name)」"] + all.map { summary in
                guard let target = summary.allocation.targets.first(where: { $0.name == name }) else { return "—" }
                return (target.met ? "met" : "not met") + " (\(MoneyFormat.display(target.value)))"
            })
        }
        if all.contains(where: { !($0.allocation.loanStage?.loans.isEmpty ?? true) }) {
            overview.add(["loans placed"] + all.map { summary in
                let stage = summary.allocation.loanStage
                return "\(stage?.loans.count ?? 0) (\(MoneyFormat.fixed(stage?.volume ?? 0, places: 0, grouping: true))万)"
            })
        }
        text += overview.render()
        for (title, totals) in [
            ("By fund (use, 万元)", all.map(\.byFund)), ("By year (project subsidy, 万元)", all.map(\.byYear)),
            ("By city (project subsidy, 万元)", all.map(\.byCity)), ("By category (project subsidy, 万元)", all.map(\.byCategory)),
        ] {
            var table = MarkdownTable(header: [""] + labels, numeric: Set(1...Swift.max(1, labels.count)))
            for (key, name) in keys(totals) {
                table.add([name == key ? key : "\(name) (\(key))"] + totals.map { list in
                    MoneyFormat.fixed(list.first { $0.key == key }?.amount ?? 0, places: 2, grouping: true)
                })
            }
            text += "\n## \(title)\n\n" + (table.rows.isEmpty ? "(none)\n" : table.render())
        }
        text += "\n## Projects against 「\(labels.first ?? "")」\n"
        for diff in comparison.diffs {
            text += "\n### \(diff.label)\n\n"
            if diff.fundedOnlyHere.isEmpty && diff.droppedHere.isEmpty && diff.shareChanged.isEmpty {
                text += "Same projects, same shares.\n"
                continue
            }
            if !diff.fundedOnlyHere.isEmpty { text += "- funded only here (\(diff.fundedOnlyHere.count)): \(diff.fundedOnlyHere.joined(separator: ", "))\n" }
            if !diff.droppedHere.isEmpty { text += "- dropped here (\(diff.droppedHere.count)): \(diff.droppedHere.joined(separator: ", "))\n" }
            if !diff.shareChanged.isEmpty {
                text += "- share changed (\(diff.shareChanged.count)): "
                    + diff.shareChanged.map { "\($0.project) \(MoneyFormat.percent($0.from)) → \(MoneyFormat.percent($0.to))" }.joined(separator: ", ") + "\n"
            }
        }
        return text
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
