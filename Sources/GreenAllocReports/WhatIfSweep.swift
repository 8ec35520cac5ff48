public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc sweep`: CSV, JSON, Markdown and an SVG chart of a `SweepResult`. Nothing depends on timing
/// or thread count, so the same sweep writes the same bytes.
public enum WhatIfSweepOutput {
    public static let csvHeader = [
        "scale", "budget_total", "objective", "status", "funded_count", "subsidy_total", "marginal_benefit_per_wan",
        "entering", "leaving",
    ]

    public static func csv(_ sweep: SweepResult) -> String {
        var text = CSVRecord.line(csvHeader)
        for point in sweep.points {
            text += CSVRecord.line([
                point.scale.description, MoneyFormat.plain(point.budgetTotal),
                point.objective.map { $0.description } ?? "", point.status.rawValue, String(point.fundedCount),
                MoneyFormat.plain(point.subsidyTotal), point.marginal.map { $0.description } ?? "",
                point.entering.joined(separator: ";"), point.leaving.joined(separator: ";"),
            ])
        }
        return text
    }

    public static func json(_ sweep: SweepResult) -> String {
        JSONWriter.render(
            .object([
                ("format", .string("greenalloc.sweep/1")),
                ("scenario", .string(sweep.scenario)),
                ("fund", .string(sweep.fundID)),
                ("base_budget", budgetJSON(sweep.baseBudget)),
                ("tiebreak", .bool(sweep.tiebreak)),
                ("points", .array(sweep.points.map { point in
                    .object([
                        ("scale", .double(point.scale)),
                        ("budget", budgetJSON(point.budget)),
                        ("budget_total", .money(point.budgetTotal)),
                        ("status", .string(point.status.rawValue)),
                        ("objective", .double(point.objective)),
                        ("funded_count", .int(point.fundedCount)),
                        ("subsidy_total", .money(point.subsidyTotal)),
                        ("marginal_benefit_per_wan", .double(point.marginal)),
                        ("entering", .array(point.entering.map { .string($0) })),
                        ("leaving", .array(point.leaving.map { .string($0) })),
                    ])
                })),
            ]))
    }

    static func budgetJSON(_ budget: [Int: Double]) -> JSONValue {
        .object(budget.keys.sorted().map { (String($0), .money(budget[$0]!)) })
    }

    public static func markdown(_ sweep: SweepResult, chart: String? = nil) -> String {
        var text = "# 预算敏感性分析 / Budget sweep: \(sweep.fundName) (\(sweep.fundID))\n\n"
        text += "Scenario 「\(sweep.scenario)」. Base budget: "
            + sweep.baseBudget.keys.sorted().map { "\($0): \(MoneyFormat.display(sweep.baseBudget[$0]!))万" }.joined(separator: ", ")
            + ". Each point multiplies the fund's budget in every year by the scale"
            + (sweep.tiebreak ? " and applies the tie rule." : "; one solve per point (no tie rule).") + "\n\n"
        if let chart { text += "![benefit against budget](\(chart))\n\n" }
        var table = MarkdownTable(
            header: ["scale", "budget (万元)", "status", "objective", "funded", "subsidy (万元)", "marginal / 万元", "entering", "leaving"],
            numeric: [0, 1, 3, 4, 5, 6])
        for point in sweep.points {
            table.add([
                MoneyFormat.plain(point.scale), MoneyFormat.display(point.budgetTotal), point.status.rawValue,
                point.objective.map { MoneyFormat.display($0) } ?? "—", String(point.fundedCount),
                MoneyFormat.display(point.subsidyTotal), point.marginal.map { MoneyFormat.fixed($0, places: 4) } ?? "—",
                listed(point.entering), listed(point.leaving),
            ])
        }
        text += table.render()
        let solved = sweep.points.filter { $0.objective != nil }
        if let best = solved.filter({ $0.marginal != nil }).max(by: { $0.marginal! < $1.marginal! }),
            let index = sweep.points.firstIndex(where: { $0.scale == best.scale }), index > 0
        {
            text += "\nLargest gain per 万元: \(MoneyFormat.fixed(best.marginal!, places: 4)) between scale "
                + "\(MoneyFormat.plain(sweep.points[index - 1].scale)) and \(MoneyFormat.plain(best.scale)).\n"
        }
        if let last = solved.last, let flat = solved.firstIndex(where: { abs(($0.objective ?? 0) - (last.objective ?? 0)) <= 1e-9 * Swift.max(1, abs(last.objective ?? 0)) }),
            flat < solved.count - 1
        {
            text += "The objective stops growing at scale \(MoneyFormat.plain(solved[flat].scale)) "
                + "(budget \(MoneyFormat.display(solved[flat].budgetTotal))万): more money of this fund buys nothing within the other rules.\n"
        }
        let infeasible = sweep.points.filter { $0.objective == nil }
        if !infeasible.isEmpty {
            text += "No plan at scale " + infeasible.map { "\(MoneyFormat.plain($0.scale)) (\($0.status.rawValue))" }.joined(separator: ", ") + ".\n"
        }
        return text
    }

    static func listed(_ ids: [String]) -> String {
        ids.count <= 6 ? ids.joined(separator: ", ") : ids.prefix(6).joined(separator: ", ") + " … (\(ids.count))"
    }

    /// The benefit–budget curve: objective against the fund's total budget, one marker per solved point.
    public static func svg(_ sweep: SweepResult) -> String {
        let width = 760.0, height = 440.0
        let left = 90.0, right = 30.0, top = 50.0, bottom = 60.0
        let solved = sweep.points.compactMap { point in point.objective.map { (point.budgetTotal, $0, point.scale) } }
        let xs = sweep.points.map(\.budgetTotal)
        let xMin = xs.min() ?? 0, xMax = Swift.max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)
        let ys = solved.map(\.1)
        var yMin = Swift.min(0, ys.min() ?? 0), yMax = ys.max() ?? 1
        if yMax - yMin < 1e-9 { yMax = yMin + 1 }
        yMax += (yMax - yMin) * 0.05
        if yMin < 0 { yMin -= (yMax - yMin) * 0.05 }
        func x(_ value: Double) -> Double { left + (value - xMin) / (xMax - xMin) * (width - left - right) }
        func y(_ value: Double) -> Double { height - bottom - (value - yMin) / (yMax - yMin) * (height - top - bottom) }
        func f(_ value: Double) -> String { MoneyFormat.fixed(value, places: 1) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(width / 2))" y="24" text-anchor="middle" font-size="15">\(escaped("Objective against the budget of \(sweep.fundName) (\(sweep.fundID))"))</text>

            """
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(height - bottom))\" x2=\"\(f(width - right))\" y2=\"\(f(height - bottom))\" stroke=\"black\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(height - bottom))\" stroke=\"black\"/>\n"
        for tick in 0...5 {
            let xv = xMin + (xMax - xMin) * Double(tick) / 5
            let yv = yMin + (yMax - yMin) * Double(tick) / 5
            svg += "<line x1=\"\(f(x(xv)))\" y1=\"\(f(height - bottom))\" x2=\"\(f(x(xv)))\" y2=\"\(f(height - bottom + 5))\" stroke=\"black\"/>\n"
            svg += "<text x=\"\(f(x(xv)))\" y=\"\(f(height - bottom + 20))\" text-anchor=\"middle\">\(MoneyFormat.fixed(xv, places: 0, grouping: true))</text>\n"
            svg += "<line x1=\"\(f(left - 5))\" y1=\"\(f(y(yv)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(yv)))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(yv) + 4))\" text-anchor=\"end\">\(MoneyFormat.fixed(yv, places: 0, grouping: true))</text>\n"
        }
        svg += "<text x=\"\(f((left + width - right) / 2))\" y=\"\(f(height - 15))\" text-anchor=\"middle\">budget over the horizon (万元)</text>\n"
        svg += "<text x=\"20\" y=\"\(f((top + height - bottom) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 20 \(f((top + height - bottom) / 2)))\">objective</text>\n"
        if solved.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"#2a7d2e\" stroke-width=\"2\" points=\""
                + solved.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ") + "\"/>\n"
        }
        for (budget, objective, scale) in solved {
            svg += "<circle cx=\"\(f(x(budget)))\" cy=\"\(f(y(objective)))\" r=\"3.5\" fill=\"#2a7d2e\"><title>scale \(MoneyFormat.plain(scale)): budget \(MoneyFormat.display(budget)), objective \(MoneyFormat.display(objective))</title></circle>\n"
        }
        for point in sweep.points where point.objective == nil {
            svg += "<text x=\"\(f(x(point.budgetTotal)))\" y=\"\(f(height - bottom - 6))\" text-anchor=\"middle\" fill=\"#b00\">×</text>\n"
        }
        if let base = sweep.points.first(where: { $0.scale == 1 }), base.budgetTotal >= xMin, base.budgetTotal <= xMax {
            svg += "<line x1=\"\(f(x(base.budgetTotal)))\" y1=\"\(f(top))\" x2=\"\(f(x(base.budgetTotal)))\" y2=\"\(f(height - bottom))\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>\n"
            svg += "<text x=\"\(f(x(base.budgetTotal) + 4))\" y=\"\(f(top + 12))\" fill=\"#555\">scale 1</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
