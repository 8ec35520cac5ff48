public import GreenAllocCore
import Spreadsheet

/// `bank-<id>.xlsx`: one bank's own list, the same lines as bank-<id>.csv (`BankCSV.rows`), in two sheets:
/// 放贷名单 (the projects it lends to, by rank) and 候补名单 (its waitlist, with the reason in words). Like the
/// CSV it never names another bank: a project another bank took reads "已对接他行" (assigned to another bank).
public enum BankWorkbook {
    public static func fileName(_ bank: String) -> String { "bank-\(bank).xlsx" }

    /// Every bank's workbook, keyed by file name (empty when no loan stage ran).
    public static func files(
        _ allocation: Allocation, details: ProjectDetails = ProjectDetails(), language: ReportLanguage = .zh
    ) throws -> [String: [UInt8]] {
        guard let loanDetails = allocation.loanStage?.details else { return [:] }
        var files: [String: [UInt8]] = [:]
        for bank in loanDetails.banks {
            files[fileName(bank.id)] = try bytes(allocation, bank: bank.id, details: details, language: language)
        }
        return files
    }

    public static func bytes(
        _ allocation: Allocation, bank: String, details: ProjectDetails = ProjectDetails(), language: ReportLanguage = .zh
    ) throws -> [UInt8] {
        let book = WorkbookText(allocation: allocation, details: details, language: language)
        let nested = allocation.loanStage?.details?.nested != nil
        let lines = BankCSV.rows(allocation, bank: bank, language: language)
        let termYears = allocation.loanStage?.details?.terms?.years
        let (owner, county) = (allocation.hasOwner, allocation.hasCounty)
        let extra = (owner ? 1 : 0) + (county ? 1 : 0)
        let header = [book.pick("排名", "Rank"), book.pick("项目编号", "Project ID"), book.pick("项目名称", "Project")]
            + (owner ? [book.pick("项目单位", "Owner")] : []) + [book.pick("所属园区", "Park"), book.pick("城市", "City")]
            + (county ? [book.pick("县（市、区）", "County")] : []) + [book.pick("贷款需求", "Loan need"),
            book.pick("融资等级", "Tier"), book.pick("贷款得分", "Loan score"), book.pick("加分项", "Loan bonuses"),
            book.pick("补助合计", "Subsidy")] + termHeader(book, years: termYears) + [book.pick("原因", "Reason")]
            + (nested ? [book.pick("嵌套步", "Nested step")] : [])
        let bonus = { (name: String) in allocation.localized(name, in: language) }
        func row(_ line: BankCSV.Line) -> [Cell] {
            let tier = FinanceTier(text: line.tier).map(book.tier) ?? line.tier
            let head: [Cell] = [line.rank.map(Cell.integer) ?? .empty, .text(line.project), .text(line.name)]
            let place: [Cell] = (owner ? [.text(line.owner ?? "")] : []) + [.text(book.park(line.park)), .text(book.city(line.city))]
                + (county ? [.text(line.county ?? "")] : [])
            return head + place + [book.money(line.loanNeed), .text(tier), .number(line.loanScore, .plain),
                .text(line.bonuses.map(bonus).joined(separator: book.pick("；", "; "))), book.money(line.subsidyTotal)]
                + termCells(line, book, years: termYears) + [.text(line.reason)]
                + (nested ? [line.nestedStep.map(Cell.integer) ?? .empty] : [])
        }
        let assigned = lines.filter { $0.rank != nil }.map(row)
        let waitlist = lines.filter { $0.rank == nil }.map(row)
        let label = book.pick("合计", "Total")
        let sheets = [
            Sheet(name: book.pick("放贷名单", "Lending list"), header: header, rows: assigned,
                total: book.total(assigned, label: label, sums: [5 + extra, 9 + extra] + termSums(from: 10 + extra, years: termYears),
                    width: header.count)),
            Sheet(name: book.pick("候补名单", "Waitlist"), header: header, rows: waitlist,
                total: book.total(waitlist, label: label, sums: [5 + extra, 9 + extra] + termSums(from: 10 + extra, years: termYears),
                    width: header.count)),
        ]
        let name = allocation.loanStage?.details?.bank(bank)?.name ?? bank
        return try Workbook(sheets: sheets, title: name).bytes()
    }
}
