import GreenAllocCore

/// report.md: 注意 (warnings): every category and every city that asked for money and got none of it, or
/// less than 0.5% of what the plan pays, with what it asked and why when that can be told.
extension ReportMarkdown.Report {
    /// A share of the plan's project subsidies below which a category or city is called out.
    static let smallShare = 0.005

    /// What one category or city asked and got.
    struct Claim {
        var projects = 0
        var requested = 0.0
        var granted = 0.0
        /// Projects that could be funded (why `funded` or `not_chosen`), and those of them with a positive score.
        var fundable = 0
        var scoring = 0
        /// The best score per 万元 requested among the fundable projects.
        var bestPerWan = 0.0
        var blocked: [WhyCode: Int] = [:]

        mutating func add(_ project: ProjectOutcome) {
            let requested = project.requestTotal
            projects += 1
            self.requested += requested
            granted += project.subsidyTotal
            if project.why == .funded || project.why == .notChosen {
                fundable += 1
                if project.score > 0 { scoring += 1 }
                if requested > 0 { bestPerWan = max(bestPerWan, project.score / requested) }
            } else {
                blocked[project.why, default: 0] += 1
            }
        }
    }

    mutating func warnings() {
        guard allocation.status == .optimal || allocation.status == .feasible else { return }
        var categories: [String: Claim] = [:], cities: [String: Claim] = [:]
        var total = 0.0
        for project in allocation.projects {
            total += project.subsidyTotal
            categories[project.category, default: Claim()].add(project)
            cities[project.city, default: Claim()].add(project)
        }
        let perWan = fundedProjects.filter { $0.requestTotal > 0 }.map { $0.score / $0.requestTotal }.sorted()
        let median = Self.median(perWan)
        var lines: [String] = []
        for category in categories.keys.sorted() {
            if let claim = categories[category], let line = zeroShareLine(categoryName(category) + pick("类", ""), claim, total: total, median: median) {
                lines.append(line)
            }
        }
        for city in cityIDs {
            if let claim = cities[city], let line = zeroShareLine(cityLabel(city), claim, total: total, median: median) { lines.append(line) }
        }
        guard !lines.isEmpty else { return }
        heading("注意", "Warnings")
        for line in lines { paragraph("- " + line) }
    }

    /// 土壤（soil）类：74 个项目申请 213,040.00 万元，获补 0.00 万元（0.0%）：… — nil when the share is not small.
    func zeroShareLine(_ name: String, _ claim: Claim, total: Double, median: Double) -> String? {
        guard claim.requested > 0, total > 0, claim.granted < Self.smallShare * total else { return nil }
        return name + pick("：", ": ") + pick("\(claim.projects) 个项目申请 ", projectCount(claim.projects) + " asked for ") + money(claim.requested)
            + pick(" 万元，获补 ", " 万元 and got ") + money(claim.granted) + pick(" 万元（占全部补助的 ", " 万元 (")
            + ratio(claim.granted, of: total) + pick("）：", " of all subsidies): ") + shortfallReason(claim, median: median)
            + pick("。", ".")
    }

    /// The middle of sorted values (the mean of the two middle ones for an even count); 0 for none.
    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `1 project`, `3 fundable projects` (English).
    func projectCount(_ count: Int, _ kind: String = "") -> String {
        "\(count) " + kind + (count == 1 ? "project" : "projects")
    }

    /// Why a category or city got (almost) nothing, as far as the plan tells.
    /// `median`: the funded projects' median score per 万元 requested.
    func shortfallReason(_ claim: Claim, median: Double) -> String {
        guard claim.fundable > 0 else {
            let order = Dictionary(uniqueKeysWithValues: WhyCode.allCases.enumerated().map { ($1, $0) })
            let counts = claim.blocked.sorted { (order[$0.key] ?? 0) < (order[$1.key] ?? 0) }
                .map { words.label($0.key) + pick(" \($0.value) 个", ": \($0.value)") }
            return pick("没有可补助的项目（", "no project could be funded (") + counts.joined(separator: pick("，", ", ")) + pick("）", ")")
        }
        if allocation.objectiveSense == .minimizeSubsidy {
            return pick("目标为补助总额最小，只补助满足限制与目标所必需的项目", "the objective is the least subsidy, which funds only what the limits and targets require")
        }
        if claim.scoring == 0 {
            return pick("目标函数未计入这些项目的任何指标：其加权效益均为零，补助它们不增加得分",
                "the objective weighs none of these projects' indicators: their weighted benefit is zero, so funding them adds nothing to the score")
        }
        let best = figure(claim.bestPerWan, places: 2), typical = figure(median, places: 2)
        guard claim.bestPerWan < median else {
            return pick("可补助的 \(claim.fundable) 个项目每万元申请额的得分最高为 \(best)，不低于获补项目的中位数 \(typical)，但各年度预算、上限与限制未留出空间",
                "the best score per 万元 asked among its " + projectCount(claim.fundable, "fundable ") + " is \(best), at or above the funded projects' median of \(typical), but the yearly budgets, caps and limits left no room for them")
        }
        return pick("可补助的 \(claim.fundable) 个项目每万元申请额的得分最高为 \(best)，低于获补项目的中位数 \(typical)，在预算与规则约束下未能入选",
            "the best score per 万元 asked among its " + projectCount(claim.fundable, "fundable ") + " is \(best), below the funded projects' median of \(typical), so within the budgets and rules they lose out")
    }
}
