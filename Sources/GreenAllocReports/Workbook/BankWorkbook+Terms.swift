import GreenAllocCore
import Spreadsheet

/// The loan-terms columns of a bank's workbook (scenario-format §15.5), after 补助合计: 年利率(%), 期限(年), 宽限期(年),
/// 贴息 per horizon year, 规划期外贴息, 贴息合计, 二氧化碳减排量(t/a), 碳减排支持工具; none without loan terms.
extension BankWorkbook {
    static func termHeader(_ book: WorkbookText, years: [Int]?) -> [String] {
        guard let years else { return [] }
        return [book.pick("年利率(%)", "Rate (%)"), book.pick("期限(年)", "Term (years)"), book.pick("宽限期(年)", "Grace (years)")]
            + years.map { book.pick("\($0)年贴息", "Interest subsidy \($0)") }
            + [book.pick("规划期外贴息", "Interest subsidy outside the horizon"), book.pick("贴息合计", "Interest subsidy total"),
                book.pick("二氧化碳减排量(t/a)", "CO₂ reduced (t/a)"), book.pick("碳减排支持工具", "Carbon-reduction facility")]
    }

    static func termCells(_ line: BankCSV.Line, _ book: WorkbookText, years: [Int]?) -> [Cell] {
        guard let years else { return [] }
        guard let terms = line.terms else { return Array(repeating: .empty, count: years.count + 7) }
        return [terms.rate.map { .number($0, .plain) } ?? .empty, terms.term.map(Cell.integer) ?? .empty, .integer(terms.grace)]
            + terms.perYear.map(book.money) + [book.money(terms.later), book.money(terms.total),
                line.co2.map { .number($0, .plain) } ?? .empty, line.carbonFacility.map(Cell.text) ?? .empty]
    }

    /// The money columns among them, for the 合计 row.
    static func termSums(from first: Int, years: [Int]?) -> [Int] {
        guard let years else { return [] }
        return Array((first + 3)..<(first + 5 + years.count))
    }
}
