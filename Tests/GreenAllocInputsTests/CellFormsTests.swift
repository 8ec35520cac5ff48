import GreenAllocCore
import Testing

/// Numbers, dates and booleans as Excel shows them: accepted in exactly their forms, and nothing else.
@Suite struct CellFormsTests {
    static let numbers: [(String, Double)] = [
        ("12", 12), ("1,234.5", 1234.5), ("-1,234,567", -1_234_567), ("+12,345", 12345), ("999,999.25", 999_999.25),
        ("12%", 0.12), ("12.5%", 0.125), ("-3%", -0.03), ("100%", 1), ("0.5%", 0.005), ("1,234.5%", 12.345),
        ("１２３．５", 123.5), ("１，２３４", 1234), ("１２％", 0.12), ("－７", -7), ("\u{3000}1,234\u{3000}", 1234),
        ("\u{3000}１２\u{3000}", 12), (" 7% ", 0.07), ("1,000,000,000,000,000,000,000", 1e21),
    ]

    @Test(arguments: numbers) func numberForms(text: String, expected: Double) {
        #expect(parseCellNumber(Substring(text)) == expected)
    }

    static let notNumbers = [
        "1,2,3", "12%%", "%12", "%", "12 %", "1e3%", "1,234e3", "1,234.5e3", "12,34", "1234,567", ",123", "1,",
        "1,234.5,6", "1,234,5", "¥12", "￥12", "12万", "(12)", "1_000", "１２ａ", "１，２，３", "inf%", "-", "—12",
        "1.000.000", "TRUE", "是", "",
    ]

    @Test(arguments: notNumbers) func notNumberForms(text: String) {
        #expect(parseCellNumber(Substring(text)) == nil)
    }

    static let dates: [(String, String)] = [
        ("2022-03-31", "2022-03-31"), ("2022/3/31", "2022-03-31"), ("2022/03/01", "2022-03-01"),
        ("2022年3月31日", "2022-03-31"), ("2024年2月29日", "2024-02-29"), ("２０２２年３月３１日", "2022-03-31"),
        ("２０２２／３／３１", "2022-03-31"), ("\u{3000}2022/3/1 ", "2022-03-01"),
    ]

    @Test(arguments: dates) func dateForms(text: String, iso: String) {
        #expect(parseCellDate(Substring(text)) == Day(iso: iso))
    }

    static let notDates = [
        "2022-3-31", "2022/2/30", "2023/2/29", "3/31/2022", "2022.3.31", "2022年3月31", "2022/3/31日", "22/3/31",
        "2022/003/31", "2022/3", "2022/3/31/1", "2022年13月1日", "2022-03-31 00:00", "2022/3-31", "2022年3/31",
        "20220331", "",
    ]

    @Test(arguments: notDates) func notDateForms(text: String) {
        #expect(parseCellDate(Substring(text)) == nil)
    }

    @Test func booleanForms() {
        for chinese in [false, true] {
            #expect(parseCellBoolean("true", chinese: chinese) == true)
            #expect(parseCellBoolean(" TRUE ", chinese: chinese) == true)
            #expect(parseCellBoolean("FALSE", chinese: chinese) == false)
            for other in ["True", "yes", "1", "对", "是的", ""] {
                #expect(parseCellBoolean(Substring(other), chinese: chinese) == nil, "\(other)")
            }
        }
        #expect(parseCellBoolean("是", chinese: true) == true)
        #expect(parseCellBoolean("\u{3000}否", chinese: true) == false)
        #expect(parseCellBoolean("是", chinese: false) == nil)
        #expect(parseCellBoolean("否", chinese: false) == nil)
    }

    func typed(_ header: [String], _ rows: [[String]], kind: TableKind = .projects) -> DataTable {
        DataTable(file: "t.csv", header: header, rows: rows, rowLines: Array(2..<(2 + rows.count)), kind: kind)
    }

    @Test func freeColumnsInferTheExcelForms() {
        let table = typed(
            ["amount", "share", "start", "flag", "list", "pct", "label"],
            [
                ["1,234.5", "12%", "2022/3/31", "是", "1,2,3", "12%%", "TRUE"],
                ["１２", "", "2022年4月1日", "否", "4", "5%", "false"],
                ["\u{3000}-7\u{3000}", "0.5", "2022-05-01", "", "", "", ""],
            ])
        #expect(table.columns.map(\.type) == [.number, .number, .date, .text, .text, .text, .boolean])
        #expect(table.column("amount")?.values == [.number(1234.5), .number(12), .number(-7)])
        #expect(table.column("share")?.values == [.number(0.12), .missing, .number(0.5)])
        #expect(
            table.column("start")?.values == [
                .date(Day(iso: "2022-03-31")!), .date(Day(iso: "2022-04-01")!), .date(Day(iso: "2022-05-01")!),
            ])
        // 是/否 are booleans only in the boolean columns of the format; elsewhere they are text.
        #expect(table.column("flag")?.values == [.text("是"), .text("否"), .missing])
        #expect(table.column("list")?.values == [.text("1,2,3"), .text("4"), .missing])
        #expect(table.column("pct")?.values == [.text("12%%"), .text("5%"), .missing])
        #expect(table.column("label")?.values == [.boolean(true), .boolean(false), .missing])
    }

    @Test func declaredColumnsReadTheExcelForms() {
        let table = typed(
            ["investment", "min_share", "naming_prerequisite", "request_2022", "loan_need"],
            [
                ["1,234.5", "50%", "是", "１２", "1,2,3"],
                ["\u{3000}1,000\u{3000}", "１００％", "否", "", "12%%"],
                ["12", "0.25", "TRUE", "3,000", ""],
            ])
        #expect(table.column("investment")?.values == [.number(1234.5), .number(1000), .number(12)])
        #expect(table.column("min_share")?.values == [.number(0.5), .number(1), .number(0.25)])
        #expect(table.column("naming_prerequisite")?.values == [.boolean(true), .boolean(false), .boolean(true)])
        #expect(table.column("request_2022")?.values == [.number(12), .missing, .number(3000)])
        // Not numbers: kept as written, for the library checks to report.
        #expect(table.column("loan_need")?.type == .number)
        #expect(table.column("loan_need")?.values == [.text("1,2,3"), .text("12%%"), .missing])
        let parks = typed(
            ["barred_until", "naming_year"], [["2025/6/30", "２０２５"], ["2025年7月1日", "2,025"], ["2025.7.1", "25%"]],
            kind: .parks)
        #expect(
            parks.column("barred_until")?.values == [
                .date(Day(iso: "2025-06-30")!), .date(Day(iso: "2025-07-01")!), .text("2025.7.1"),
            ])
        #expect(parks.column("naming_year")?.values == [.number(2025), .number(2025), .number(0.25)])
    }
}
