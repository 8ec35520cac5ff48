import GreenAllocCore
import Spreadsheet

/// allocation.xlsx: 贷款, the province's project–bank matrix (as loans.csv), in words.
extension WorkbookText {
    func tier(_ tier: FinanceTier) -> String {
        switch tier {
        case .none: pick("无", "none")
        case .general: pick("一般", "general")
        case .preferred: pick("优先", "preferred")
        }
    }

    func loansSheet() -> Sheet? {
        guard let details = allocation.loanStage?.details else { return nil }
        let text = LoanText(language: language, allocation: allocation)
        let loans = Dictionary((allocation.loanStage?.loans ?? []).map { ($0.project, $0) }, uniquingKeysWith: { first, _ in first })
        let outcomes = Dictionary(allocation.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let waitlists = details.banks.map { bank in
            Dictionary(bank.waitlist.map { ($0.project, $0.reason) }, uniquingKeysWith: { first, _ in first })
        }
        let header = [pick("项目编号", "Project ID"), pick("项目名称", "Project"), pick("所属园区", "Park"),
            pick("城市", "City"), pick("贷款需求", "Loan need"), pick("融资等级", "Tier"), pick("贷款得分", "Loan score"),
            pick("放贷银行", "Lending bank"), pick("排名", "Rank")] + details.banks.map { text.bank($0.id) }
        var rows: [[Cell]] = []
        for candidate in details.candidates {
            let loan = loans[candidate.project]
            let outcome = outcomes[candidate.project]
            var cells: [Cell] = [
                .text(candidate.project), .text(outcome?.name ?? ""), .text(outcome.map { park($0.park) } ?? ""),
                .text(outcome.map { city($0.city) } ?? ""), money(candidate.loanNeed), .text(tier(candidate.tier)),
                .number(candidate.loanScore, .plain), loan.map { .text(text.bank($0.bank)) } ?? .empty,
                loan.map { .integer($0.rank) } ?? .empty,
            ]
            for (bank, waitlist) in zip(details.banks, waitlists) {
                if loan?.bank == bank.id {
                    cells.append(.text(pick("放贷", "lends")))
                } else if let reason = waitlist[candidate.project] {
                    cells.append(.text(pick("候补：", "waitlist: ") + text.text(reason)))
                } else {
                    cells.append(candidate.banks.contains(bank.id) ? .text(pick("可承接", "could take")) : .empty)
                }
            }
            rows.append(cells)
        }
        return Sheet(name: pick("贷款", "Loans"), header: header, rows: rows,
            total: total(rows, label: pick("合计", "Total"), sums: [4], width: header.count), autoFilter: true)
    }
}
