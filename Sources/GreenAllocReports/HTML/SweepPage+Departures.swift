import GreenAllocCore
import GreenAllocWhatIf

/// The projects that leave the funded set as money grows, the parks whose naming changes, and the charts'
/// readings.
extension SweepPage {
    func project(_ id: String) -> String { WorkbookCells.labeled(names.names[id], id, language: language) }
    func budget(_ index: Int) -> String { MoneyFormat.display(sweep.points[index].budgetTotal) }
    func projects(_ ids: [String]) -> String {
        ids.isEmpty ? "—" : ReportCharts.shortList(ids.map(project), zh: language == .zh)
    }

    func departureFinding() -> String {
        let departures = sweep.departures
        let gone = departures.filter { !$0.fundedAtEnd }.count, back = departures.count - gone
        guard !departures.isEmpty else {
            return pick("预算增加时没有项目退出获补名单。", "No project leaves the funded set as the budget grows.")
        }
        return pick("预算增加时，\(gone) 个项目退出获补名单且在最高预算下仍未获补",
            "As the budget grows, " + Self.english(gone, "project leaves", "projects leave") + " the funded set and "
                + (gone == 1 ? "is" : "are") + " not funded at the highest budget")
            + (back > 0 ? pick("；另有 \(back) 个项目退出后又重新获补", "; " + Self.english(back, "more leaves and comes", "more leave and come") + " back later") : "")
            + pick("：更多的预算让效益更高的项目（或园区命名的配套项目）取代了它们，见「随预算增加退出的项目」。",
                ": more money lets projects worth more (or a park's naming package) take their place; see \"Projects that leave as the budget grows\".")
    }

    /// The section: the projects not funded at the end (left at, replaced by), then those that come back.
    func departureBlocks() -> [ReportDocument.Block] {
        let departures = sweep.departures
        guard !departures.isEmpty else { return [] }
        var blocks: [ReportDocument.Block] = [.heading(pick("随预算增加退出的项目", "Projects that leave as the budget grows"))]
        let gone = departures.filter { !$0.fundedAtEnd }
        if !gone.isEmpty {
            blocks.append(.line(pick("以下项目在较低预算下获补，预算增加后退出，在最高预算下仍未获补；“同一步新增获补”列出它们退出时新进入名单的项目。",
                "These projects are funded at a lower budget, leave as it grows, and are not funded at the highest; \"came in at that step\" lists the projects that entered where they left.")))
            blocks.append(.blank)
            var table = MarkdownTable(
                header: [pick("项目", "Project"), pick("城市", "City"), pick("最后获补时预算（万元）", "Last funded at (万元)"),
                    pick("退出时预算（万元）", "Leaves at (万元)"), pick("同一步新增获补", "Came in at that step")],
                numeric: [2, 3])
            for departure in gone {
                guard let leave = departure.leaves.last else { continue }
                let before = sweep.points[..<leave].lastIndex { $0.objective != nil } ?? leave
                table.add([project(departure.project), names.cities[departure.project] ?? "", budget(before), budget(leave),
                    projects(sweep.points[leave].entering)])
            }
            blocks += [.table(table), .blank]
        }
        let back = departures.filter(\.fundedAtEnd)
        if !back.isEmpty {
            blocks.append(.line(pick("以下项目退出后在更高预算下重新获补：", "These projects leave and are funded again at a higher budget:")))
            blocks.append(.blank)
            var table = MarkdownTable(
                header: [pick("项目", "Project"), pick("城市", "City"), pick("退出时预算（万元）", "Leaves at (万元)"),
                    pick("重新获补时预算（万元）", "Back at (万元)")],
                numeric: [2, 3])
            let separator = pick("、", ", ")
            for departure in back {
                table.add([project(departure.project), names.cities[departure.project] ?? "",
                    departure.leaves.map(budget).joined(separator: separator), departure.returns.map(budget).joined(separator: separator)])
            }
            blocks += [.table(table), .blank]
        }
        return blocks
    }

    /// For each point where the parks named change: those newly named and those no longer named.
    func parkChanges() -> [String] {
        var lines: [String] = []
        var previous: [NamedPark]?
        let separator = pick("、", ", ")
        for point in solved {
            defer { previous = point.parks }
            let now = Set(point.parks.map(\.id))
            let then = Set((previous ?? []).map(\.id))
            let added = point.parks.filter { !then.contains($0.id) }
            let dropped = (previous ?? []).filter { !now.contains($0.id) }
            guard !added.isEmpty || !dropped.isEmpty else { continue }
            var parts: [String] = []
            if !added.isEmpty {
                parts.append((previous == nil ? pick("命名 ", "names ") : pick("新增命名 ", "adds "))
                    + added.map { WorkbookCells.labeled($0.name, $0.id, language: language) }.joined(separator: separator))
            }
            if !dropped.isEmpty {
                parts.append(pick("不再命名 ", "no longer names ")
                    + dropped.map { WorkbookCells.labeled($0.name, $0.id, language: language) }.joined(separator: separator))
            }
            lines.append(pick("预算 ", "Budget ") + MoneyFormat.display(point.budgetTotal) + pick(" 万元：", " 万元: ")
                + parts.joined(separator: pick("；", "; ")))
        }
        return lines
    }

    /// The frontier chart's reading: from where to where the objective goes.
    var frontierReading: String {
        guard let first = solved.first, let last = solved.last else { return "" }
        return pick("预算从 ", "From a budget of ") + MoneyFormat.display(first.budgetTotal) + pick(" 万元增至 ", " 万元 to ")
            + MoneyFormat.display(last.budgetTotal) + pick(" 万元，目标值从 ", " 万元 the objective goes from ")
            + MoneyFormat.display(first.objective ?? 0) + pick(" 增至 ", " to ") + MoneyFormat.display(last.objective ?? 0)
            + pick("，获补项目从 \(first.fundedCount) 个增至 \(last.fundedCount) 个。", ", the projects funded from \(first.fundedCount) to \(last.fundedCount).")
    }

    /// The parks and targets chart's reading: the smallest budget that meets each target.
    var targetsReading: String {
        guard let first = solved.first else { return "" }
        var parts: [String] = []
        if let most = solved.max(by: { $0.parks.count < $1.parks.count }), !most.parks.isEmpty {
            parts.append(pick("新命名园区最多 \(most.parks.count) 个（预算 ", "At most " + Self.english(most.parks.count, "park", "parks") + " named (budget ")
                + MoneyFormat.display(most.budgetTotal) + pick(" 万元）", " 万元)"))
        }
        for (index, target) in first.targets.enumerated() {
            let meeting = solved.first { $0.targets.indices.contains(index) && $0.targets[index].met }
            parts.append(pick("目标「", "target \"") + scenarioName(target.name)
                + (meeting.map { pick("」自预算 ", "\" met from ") + MoneyFormat.display($0.budgetTotal) + pick(" 万元起达成", " 万元") }
                    ?? pick("」在所测预算内均未达成", "\" not met at any budget of the sweep")))
        }
        return parts.joined(separator: pick("；", "; ")) + pick("。", ".")
    }

    /// `1 project`, `2 projects`: a count with the English noun's number.
    static func english(_ count: Int, _ one: String, _ many: String) -> String { "\(count) " + (count == 1 ? one : many) }

    /// A target's axis title: its metric in words.
    func targetUnit(_ target: TargetOutcome) -> String {
        switch target.metric {
        case TargetMetric.ecoParkCount.description: pick("生态工业园区数（个）", "Eco parks")
        case TargetMetric.ecoParkShare.description: pick("生态工业园区占比", "Share of eco parks")
        case TargetMetric.count.description: pick("获补项目数", "Projects funded")
        case TargetMetric.subsidy.description: pick("补助合计（万元）", "Subsidy (万元)")
        default: pick("实现值", "Value")
        }
    }
}
