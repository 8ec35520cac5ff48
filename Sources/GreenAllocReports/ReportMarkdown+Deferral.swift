import GreenAllocCore

/// report.md: the deferred projects (scenario-format §15.4), when deferral is in use.
extension ReportMarkdown.Report {
    mutating func deferrals() {
        guard allocation.deferralInUse else { return }
        heading("延期安排", "Deferred projects")
        let deferred = allocation.projects.filter { $0.funded && $0.deferredYears > 0 }
            .sorted { ($0.startYear ?? 0, $0.id) < ($1.startYear ?? 0, $1.id) }
        guard !deferred.isEmpty else {
            return paragraph(pick("本方案所有获补项目均按申请年度开工，无延期。",
                "Every funded project starts in the year it asked; none is deferred."))
        }
        let moved = deferred.reduce(0.0) { $0 + $1.subsidyTotal }
        let lost = deferred.reduce(0.0) { $0 + $1.deferralLoss }
        paragraph(zh
            ? "共 \(deferred.count) 个项目延期开工，涉及补助 \(money(moved)) 万元，延期损失得分 \(figure(lost, places: 2))。"
            : "\(deferred.count) projects start later than asked, \(money(moved)) 万元 of subsidy; the delays cost \(figure(lost, places: 2)) of score.")
        blank()
        var table = MarkdownTable(
            header: [pick("城市", "City"), pick("项目", "Project"), pick("名称", "Name"), pick("申请开工年度", "Asked start"),
                pick("安排开工年度", "Chosen start"), pick("延期年数", "Years deferred"), pick("补助合计", "Subsidy"),
                pick("延期损失得分", "Score lost")],
            numeric: [3, 4, 5, 6, 7])
        for project in deferred {
            let start = project.startYear ?? 0
            table.add([cityLabel(project.city), project.id, project.name, String(start - project.deferredYears),
                String(start), String(project.deferredYears), money(project.subsidyTotal), figure(project.deferralLoss, places: 2)])
        }
        add(table)
    }
}
