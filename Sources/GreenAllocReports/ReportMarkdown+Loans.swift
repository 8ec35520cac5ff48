import GreenAllocCore

/// report.md: the loan stage (status, banks, unplaceable projects).
extension ReportMarkdown.Report {
    mutating func loans() {
        guard let stage = allocation.loanStage, !stage.loans.isEmpty || stage.details != nil else { return }
        heading("贷款", "Loans")
        let volume = stage.volume
        paragraph(pick("贷款阶段求解状态：", "Loan stage status: ") + statusText(stage.status)
            + pick("，目标值 ", ", objective ") + figure(stage.objective) + pick("。", "."))
        blank()
        if let diagnosis = stage.diagnosis {
            document.blocks.append(.subheading(pick("贷款阶段不可行诊断", "Why the loan stage is infeasible")))
            conflict(diagnosis)
            blank()
        }
        paragraph(zh
            ? "共 \(stage.loans.count) 个项目获得贷款，合计 \(money(volume)) 万元。"
            : "\(stage.loans.count) projects assigned a loan, \(money(volume)) 万元 in all.")
        if let details = stage.details, let budget = details.interestBudget {
            paragraph(pick("贴息资金：预算 ", "Interest subsidy: budget ") + money(budget) + pick(" 万元，使用 ", " 万元, used ")
                + money(details.interestUsed) + pick(" 万元。", " 万元."))
        }
        blank()
        let loanText = LoanText(language: language, allocation: allocation)
        if let details = stage.details {
            var table = MarkdownTable(
                header: [pick("银行", "Bank"), pick("额度", "Capacity"), pick("项目数", "Projects"), pick("贷款额", "Volume"),
                    pick("候补", "Waitlist"), pick("额度已满", "Capacity reached"), pick("贴息用尽", "Interest exhausted"),
                    pick("他行放贷", "Other bank"), pick("得分不足", "Outscored")],
                numeric: [1, 2, 3, 4, 5, 6, 7, 8])
            for bank in details.banks {
                func count(_ code: String) -> String { String(bank.waitlist.filter { $0.reason.code == code }.count) }
                table.add([loanText.bank(bank.id), money(bank.capacity), String(bank.assigned.count), money(bank.lent),
                    String(bank.waitlist.count), count("capacity_reached"), count("interest_subsidy_exhausted"),
                    count("assigned_to_other_bank"), count("outscored")])
            }
            add(table)
            if !details.unplaceable.isEmpty {
                blank()
                paragraph(pick("无银行可承接的贷款项目：", "Loan-eligible projects no bank can take:"))
                blank()
                var list = MarkdownTable(header: [pick("项目", "Project"), pick("贷款需求", "Loan need"), pick("原因", "Reason")], numeric: [1])
                for entry in details.unplaceable {
                    list.add([entry.project, money(details.candidate(entry.project)?.loanNeed ?? 0), loanText.text(entry.reason)])
                }
                add(list)
            }
        } else {
            var table = MarkdownTable(
                header: [pick("银行", "Bank"), pick("项目数", "Projects"), pick("贷款额", "Volume")], numeric: [1, 2])
            for bank in Set(stage.loans.map(\.bank)).sorted() {
                let loans = stage.loans.filter { $0.bank == bank }
                table.add([bank, String(loans.count), money(loans.reduce(0) { $0 + $1.amount })])
            }
            add(table)
        }
    }
}
