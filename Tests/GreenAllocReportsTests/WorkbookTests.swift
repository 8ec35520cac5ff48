import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Spreadsheet
import Testing

/// allocation.xlsx and bank-<id>.xlsx: golden sheet XML, totals that add up and agree with the allocation,
/// the same bytes on every run, and a bank's workbook that names no other bank.
@Suite struct WorkbookTests {
    /// What the projects table adds for the fixture: owners, counties, parks' names, two benefit columns.
    static var details: ProjectDetails {
        var details = ProjectDetails()
        details.hasOwner = true
        details.hasCounty = true
        details.owners = ["P001": "济南某化工有限公司", "P002": "青岛水务集团", "P003": "潍坊滨海投资公司"]
        details.counties = ["P001": "历城区", "P002": "黄岛区", "P003": "寒亭区"]
        details.parkNames = ["K001": "明水经济开发区", "K002": "青岛港区", "K003": "潍坊滨海经济技术开发区"]
        details.benefitColumns = ["co2_t", "cod_t"]
        details.benefits = ["P001": [120.5, 0], "P002": [0, 33.25], "P003": [10, 1.5], "P010": [99, 99]]
        return details
    }

    /// The parts compared with golden files, with a line break after each row and string so that a
    /// difference shows on its own line (the bytes are otherwise compared as written).
    static func goldenText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "</row>", with: "</row>\n")
            .replacingOccurrences(of: "</si>", with: "</si>\n")
    }

    @Test(arguments: ReportLanguage.allCases)
    func sheetsMatchTheirGoldenFiles(language: ReportLanguage) throws {
        let bytes = try AllocationWorkbook.bytes(OutputFixtures.withLoanLists, details: Self.details, language: language)
        let parts = try Workbook.parts(of: bytes)
        #expect(parts.count == 7 + 10 + 1, "fixed parts, ten sheets, shared strings")
        for (path, part) in parts where path.hasPrefix("xl/") && path.hasSuffix(".xml") {
            let name = path.dropFirst(3).replacingOccurrences(of: "/", with: ".")
            try Golden.check(Self.goldenText(part), named: "workbook-\(language.rawValue).\(name)")
        }
        let bank = try Workbook.parts(of: BankWorkbook.bytes(OutputFixtures.withLoanLists, bank: "B01", details: Self.details, language: language))
        for path in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"] {
            let name = path.dropFirst(3).replacingOccurrences(of: "/", with: ".")
            try Golden.check(Self.goldenText(bank[path] ?? []), named: "bank-B01-\(language.rawValue).\(name)")
        }
    }

    @Test func sheetNamesAreTheReportLanguage() {
        let chinese = AllocationWorkbook.sheets(OutputFixtures.withLoanLists, language: .zh).map(\.name)
        #expect(chinese == ["资金使用", "分市下达表", "分类汇总", "获补项目", "公示名单", "未获补项目及原因", "园区命名", "目标完成情况", "绩效指标", "贷款"])
        let english = AllocationWorkbook.sheets(OutputFixtures.feasible, language: .en).map(\.name)
        #expect(english == ["Funds", "By city", "By category", "Funded projects", "Public list", "Not funded", "Parks named", "Targets", "Indicators"])
    }

    /// The number in `column` of every row and of the total row.
    static func column(_ sheet: Sheet, _ column: Int) -> (rows: [Double], total: Double?) {
        func number(_ cells: [Cell]) -> Double? {
            guard column < cells.count, case .number(let value, _) = cells[column] else { return nil }
            return value
        }
        return (sheet.rows.compactMap(number), sheet.total.flatMap(number))
    }

    @Test(arguments: ReportLanguage.allCases)
    func totalsAddUpAndAgreeWithTheAllocation(language: ReportLanguage) throws {
        let allocation = OutputFixtures.withLoanLists
        let sheets = AllocationWorkbook.sheets(allocation, details: Self.details, language: language)
        func sheet(_ index: Int) -> Sheet { sheets[index] }
        func check(_ sheet: Sheet, _ columnIndex: Int, equals expected: Double, _ label: String) {
            let (rows, total) = Self.column(sheet, columnIndex)
            let sum = rows.reduce(0, +)
            #expect(abs((total ?? .nan) - sum) < 1e-9, "\(label): total is the sum of the rows as written")
            #expect(abs(sum - expected) <= 1e-4 * Double(max(rows.count, 1)), "\(label): \(sum) vs \(expected)")
        }
        let funded = allocation.projects.filter(\.funded)
        let subsidy = funded.reduce(0) { $0 + $1.subsidyTotal }
        let awards = allocation.parks.reduce(0) { $0 + $1.award }
        check(sheet(0), 4, equals: allocation.funds.flatMap(\.used).reduce(0, +), "funds used")
        check(sheet(0), 3, equals: allocation.funds.flatMap(\.budget).reduce(0, +), "funds budget")
        check(sheet(1), 1, equals: funded.reduce(0) { $0 + $1.subsidy[0] }, "this year's allocation")
        check(sheet(1), 3, equals: subsidy, "city subsidies")
        check(sheet(1), 5, equals: subsidy + awards, "city total")
        check(sheet(2), 4, equals: subsidy, "category subsidies")
        check(sheet(2), 3, equals: allocation.projects.reduce(0) { $0 + $1.requestTotal }, "requests")
        check(sheet(3), 8, equals: subsidy, "funded projects")
        check(sheet(4), 6, equals: subsidy, "public list")
        check(sheet(5), 3, equals: allocation.projects.filter { !$0.funded }.reduce(0) { $0 + $1.requestTotal }, "not funded")
        check(sheet(6), 3, equals: awards, "naming awards")
        check(sheet(9), 4, equals: OutputFixtures.loanDetails.candidates.reduce(0) { $0 + $1.loanNeed }, "loan need")
        // 绩效指标: the city rows add up to the total, and so do the category rows.
        let indicators = sheet(8)
        let cities = allocation.cities.count
        for column in 2..<indicators.header.count {
            let (rows, total) = Self.column(indicators, column)
            #expect(abs(rows.prefix(cities).reduce(0, +) - (total ?? .nan)) < 1e-9, "indicator column \(column), cities")
            #expect(abs(rows.dropFirst(cities).reduce(0, +) - (total ?? .nan)) < 1e-9, "indicator column \(column), categories")
        }
        #expect(Self.column(indicators, 4).total == 130.5)
        // θ × value: P002 is funded at 0.75 (0.75 × 33.25 + 1.5).
        #expect(Self.column(indicators, 5).total == 26.4375)
    }

    @Test func sameAllocationGivesTheSameBytes() throws {
        for language in ReportLanguage.allCases {
            let first = try OutputFiles.workbooks(for: OutputFixtures.withLoanLists, details: Self.details, language: language)
            let second = try OutputFiles.workbooks(for: OutputFixtures.withLoanLists, details: Self.details, language: language)
            #expect(first == second)
            #expect(Set(first.keys) == ["allocation.xlsx", "bank-B01.xlsx", "bank-B02.xlsx"])
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func aBankWorkbookNamesNoOtherBank(language: ReportLanguage) throws {
        let allocation = OutputFixtures.withNestedLoanLists
        let banks = try #require(allocation.loanStage?.details?.banks)
        for bank in banks {
            let parts = try Workbook.parts(of: BankWorkbook.bytes(allocation, bank: bank.id, details: Self.details, language: language))
            let everything = Data(parts.values.flatMap { $0 })
            for other in banks where other.id != bank.id {
                #expect(everything.range(of: Data(other.id.utf8)) == nil, "\(bank.id) names \(other.id)")
                #expect(everything.range(of: Data(other.name.utf8)) == nil, "\(bank.id) names \(other.name)")
            }
            #expect(everything.range(of: Data(bank.name.utf8)) != nil)
        }
    }
}
