import GreenAllocCore

/// report.md: the funded projects, later-year needs and the unfunded projects.
extension ReportMarkdown.Report {
    mutating func fundedList() {
        heading("获补项目清单", "Funded projects")
        let projects = allocation.projects
        let funded = projects.indices.filter { projects[$0].funded }.sorted { first, second in
            let (a, b) = (projects[first], projects[second])
            return a.city != b.city ? a.city < b.city : a.id < b.id
        }
        guard !funded.isEmpty else { return paragraph(pick("无获补项目。", "No project is funded.")) }
        let county = allocation.hasCounty ? [pick("县（市、区）", "County")] : []
        let owner = allocation.hasOwner ? [pick("项目单位", "Owner")] : []
        let extra = county.count + owner.count
        var table = MarkdownTable(
            header: [pick("城市", "City")] + county + [pick("项目", "Project"), pick("名称", "Name")] + owner
                + [pick("园区", "Park"), pick("补助比例", "Share"), pick("补助方式", "Basis"), pick("补助合计", "Subsidy"),
                    pick("得分", "Score")],
            numeric: [4 + extra, 6 + extra, 7 + extra])
        for index in funded {
            let project = projects[index]
            let basis = project.reasons.first { reason in
                switch reason {
                case .fundedFull, .fundedAtCap, .fundedPartial: true
                default: false
                }
            }
            table.add([cityLabel(project.city)] + (county.isEmpty ? [] : [project.county ?? ""])
                + [project.id, project.name] + (owner.isEmpty ? [] : [project.owner ?? ""]) + [project.park,
                MoneyFormat.percent(project.share), basis.map(words.text) ?? "", money(project.subsidyTotal),
                figure(project.score)])
        }
        add(table)
        laterYearNeeds()
    }

    /// Fundable projects that also ask for money after the horizon (后续年度需求): funded here for their
    /// horizon years only; their later requests are listed for the next round.
    mutating func laterYearNeeds() {
        let projects = allocation.projects.filter { !$0.laterRequest.isEmpty && ($0.funded || $0.why == .notChosen) }
        guard !projects.isEmpty else { return }
        heading("后续年度需求", "Later-year needs")
        let laterYears = Set(projects.flatMap { $0.laterRequest.map(\.year) }).sorted()
        let fundedNeeds = projects.filter(\.funded).flatMap(\.laterRequest).reduce(0) { $0 + $1.amount }
        paragraph(
            pick(
                "以下 \(projects.count) 个项目在规划期之后仍申请补助，本方案只安排规划期内的年度；其中获补项目的后续需求合计 \(money(fundedNeeds)) 万元，留待以后年度统筹。\n",
                "These \(projects.count) projects also ask for money after the horizon; this plan funds their horizon years only. The later needs of the funded ones total \(money(fundedNeeds))万, for later rounds.\n"))
        var table = MarkdownTable(
            header: [pick("项目", "Project"), pick("名称", "Name"), pick("城市", "City"), pick("本期获补", "Funded here"),
                pick("本期补助", "Subsidy here")] + laterYears.map { pick("\($0)年需求", "Need \($0)") },
            numeric: Set(4..<(5 + laterYears.count)))
        for project in projects.sorted(by: { $0.id < $1.id }) {
            let needs = laterYears.map { year in project.laterRequest.first { $0.year == year }.map { money($0.amount) } ?? "" }
            table.add([project.id, project.name, cityLabel(project.city), yes(project.funded), money(project.subsidyTotal)] + needs)
        }
        add(table)
    }

    mutating func unfundedList() {
        heading("未获补项目及原因", "Projects not funded, with reasons")
        let order = Dictionary(uniqueKeysWithValues: WhyCode.allCases.enumerated().map { ($1, $0) })
        // Indices, not copies of the outcomes, are filtered and sorted.
        let projects = allocation.projects
        let rank = projects.map { order[$0.why] ?? 0 }
        let unfunded = projects.indices.filter { !projects[$0].funded }
            .sorted { rank[$0] != rank[$1] ? rank[$0] < rank[$1] : projects[$0].id < projects[$1].id }
        guard !unfunded.isEmpty else { return paragraph(pick("所有项目均获补助。", "Every project is funded.")) }
        var counts = MarkdownTable(
            header: [pick("原因代码", "Why"), pick("说明", "Meaning"), pick("项目数", "Projects")], numeric: [2])
        var countByWhy = [Int](repeating: 0, count: WhyCode.allCases.count)
        for index in unfunded { countByWhy[rank[index]] += 1 }
        for (position, why) in WhyCode.allCases.enumerated() {
            let count = countByWhy[position]
            if count > 0 { counts.add(["`" + why.rawValue + "`", words.label(why), String(count)]) }
        }
        add(counts)
        blank()
        // The top-up column when `solve` bounded some (not-chosen projects of a maximize scenario).
        let topUps = unfunded.contains { projects[$0].topUp != nil } ? TopUpText(language: language) : nil
        var list = MarkdownTable(
            header: [pick("项目", "Project"), pick("名称", "Name"), pick("城市", "City"), pick("原因代码", "Why"),
                pick("原因", "Reasons")] + (topUps == nil ? [] : [pick("追加预算（万元）", "Top-up (万元)")]),
            numeric: topUps == nil ? [] : [5])
        for index in unfunded {
            let project = projects[index]
            list.add([project.id, project.name, cityLabel(project.city), "`" + project.why.rawValue + "`",
                project.reasons.map(words.text).joined(separator: pick("；", "; "))]
                + (topUps.map { [project.topUp.map($0.cell) ?? ""] } ?? []))
        }
        add(list)
        if let topUps {
            blank()
            paragraph(topUps.note)
        }
    }
}
