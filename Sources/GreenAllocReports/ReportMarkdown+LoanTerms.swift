import GreenAllocCore

/// report.md: 贴息 per year against its cap, and the loans meeting the carbon facility (scenario-format §15.5), when
/// loan terms are in use.
extension ReportMarkdown.Report {
    mutating func loanTerms() {
        guard let stage = allocation.loanStage, let details = stage.details, let terms = details.terms else { return }
        heading("贷款期限与贴息", "Loan terms and interest subsidy")
        var table = MarkdownTable(
            header: [pick("年度", "Year"), pick("贴息", "Interest subsidy"), pick("年度上限", "Cap"), pick("结余", "Left")],
            numeric: [1, 2, 3])
        for (position, year) in terms.years.enumerated() {
            let cap = terms.budgetPerYear[position]
            table.add([String(year), money(terms.usedPerYear[position]), cap.map(money) ?? "—",
                cap.map { money($0 - terms.usedPerYear[position]) } ?? "—"])
        }
        add(table)
        let total = stage.loans.reduce(0.0) { sum, loan in sum + (terms.schedule(project: loan.project, bank: loan.bank)?.total ?? 0) }
        let later = total - terms.usedPerYear.reduce(0, +)
        blank()
        paragraph(zh
            ? "贴息合计 \(money(total)) 万元，其中规划期外 \(money(later)) 万元。"
            : "Interest subsidy \(money(total)) 万元 in all, \(money(later)) 万元 of it outside the horizon.")
        guard terms.hasCarbonRule else { return }
        let meeting = stage.loans.filter { terms.carbonFacility[$0.project] == true }
        let amount = meeting.reduce(0.0) { $0 + $1.amount }
        paragraph(zh
            ? "符合人民银行碳减排支持工具条件的贷款 \(meeting.count) 笔，合计 \(money(amount)) 万元。"
            : "\(meeting.count) loans, \(money(amount)) 万元, meet the central bank's carbon-reduction facility.")
    }
}
