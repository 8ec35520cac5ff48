public import GreenAllocCore
public import Spreadsheet

/// allocation.xlsx: the allocation as the finance office forwards it, one sheet per table, sheet names and
/// headers in the report's language (资金使用, 分市下达表, 分类汇总, 获补项目, 公示名单, 未获补项目及原因,
/// 园区命名, 目标完成情况, 绩效指标, 贷款 when the loan stage ran, and the policy instruments' sheets of
/// `WorkbookText+Policy.swift` when the scenario uses them).
///
/// Money is written as numbers rounded to 0.0001 万元 and shown as `#,##0.00`; shares as `0.0%`. Names stand
/// beside ids (`烟台（370600）`), reasons and categories are words, never codes. Each sheet with money ends in a
/// bold total row that the writer adds up from the rounded cells above it (no formulas), so a total equals
/// the sum of its rows as written.
public enum AllocationWorkbook {
    public static let fileName = "allocation.xlsx"

    public static func bytes(
        _ allocation: Allocation, details: ProjectDetails = ProjectDetails(), language: ReportLanguage = .zh
    ) throws -> [UInt8] {
        try Workbook(
            sheets: sheets(allocation, details: details, language: language),
            title: allocation.localized(allocation.scenario, in: language)
        ).bytes()
    }

    public static func sheets(
        _ allocation: Allocation, details: ProjectDetails = ProjectDetails(), language: ReportLanguage = .zh
    ) -> [Sheet] {
        let book = WorkbookText(allocation: allocation, details: details, language: language)
        var sheets = [
            book.fundsSheet(), book.citiesSheet(), book.categoriesSheet(), book.fundedSheet(), book.publicListSheet(),
            book.unfundedSheet(), book.parksSheet(), book.targetsSheet(), book.indicatorsSheet(),
        ]
        if let loans = book.loansSheet() { sheets.append(loans) }
        sheets += book.policySheets()
        return sheets
    }
}

/// The words and figures the workbook's sheets share: names beside ids, money cells, total rows.
struct WorkbookText {
    let allocation: Allocation
    let details: ProjectDetails
    let language: ReportLanguage
    let words: ReasonText
    let cityNames: [String: String]
    let funded: [ProjectOutcome]

    init(allocation: Allocation, details: ProjectDetails, language: ReportLanguage) {
        let allocation = allocation.inLanguage(language)
        self.allocation = allocation
        self.details = details
        self.language = language
        self.words = ReasonText(language: language, allocation: allocation)
        self.cityNames = Dictionary(allocation.cities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.funded = allocation.projects.filter(\.funded)
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    /// `名称（编号）` in Chinese, `name (id)` in English; the id alone when there is no name.
    func labeled(_ name: String?, _ id: String) -> String { WorkbookCells.labeled(name, id, language: language) }

    func city(_ id: String) -> String { labeled(cityNames[id], id) }
    func park(_ id: String) -> String { labeled(details.parkNames[id], id) }

    /// 项目单位 when the table has an `owner` column; else the park (the public list's 所属园区).
    func owner(_ project: ProjectOutcome) -> String {
        details.hasOwner ? details.owners[project.id] ?? "" : park(project.park)
    }

    func county(_ project: ProjectOutcome) -> String { details.counties[project.id] ?? "" }

    func reasons(_ project: ProjectOutcome) -> String {
        project.reasons.map(words.text).joined(separator: pick("；", "; "))
    }

    func category(_ category: String) -> String {
        let names = language == .zh ? CategorySummary.chineseNames : CategorySummary.englishNames
        return names[category] ?? (category.isEmpty ? "—" : category)
    }

    func yes(_ flag: Bool) -> String { flag ? pick("是", "yes") : pick("否", "no") }

    func year(_ value: Int) -> String { language == .zh ? "\(value)年" : String(value) }

    func money(_ value: Double) -> Cell { .money(MoneyFormat.rounded(value)) }

    func yearValue(_ values: [Double], _ index: Int) -> Double { index < values.count ? values[index] : 0 }

    /// Every city of cities.csv in its order, then any other city a project or park names (sorted).
    var cityIDs: [String] {
        let known = allocation.cities.map(\.id)
        let others = Set(allocation.projects.map(\.city) + allocation.parks.map(\.city)).subtracting(known)
        return known + others.sorted()
    }

    /// A bold total row (see `WorkbookCells.total`).
    func total(_ rows: [[Cell]], label: String, sums columns: [Int], width: Int) -> [Cell] {
        WorkbookCells.total(rows, label: label, sums: columns, width: width)
    }
}
