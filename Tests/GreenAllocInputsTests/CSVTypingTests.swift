import GreenAllocCore
import TestSupport
import Testing

@Suite struct CSVTypingTests {
    func typed(_ header: [String], _ rows: [[String]], text: Set<String> = []) -> DataTable {
        DataTable(file: "t.csv", header: header, rows: rows, rowLines: Array(2..<(2 + rows.count))) {
            text.contains($0) ? .text : nil
        }
    }

    @Test func inference() {
        let table = typed(
            ["n", "d", "b", "t", "mixed", "empty"],
            [
                ["1", "2022-03-31", "true", "abc", "1", ""],
                [" 2.5 ", "", "FALSE", "", "2022-01-01", " "],
                ["", "2024-02-29", "", "x y", "true", ""],
            ])
        #expect(table.columns.map(\.type) == [.number, .date, .boolean, .text, .text, .untyped])
        #expect(table.columns.map(\.position) == [1, 2, 3, 4, 5, 6])
        #expect(table.column("n")?.values == [.number(1), .number(2.5), .missing])
        #expect(table.column("d")?.values == [.date(Day(year: 2022, month: 3, day: 31)!), .missing, .date(Day(year: 2024, month: 2, day: 29)!)])
        #expect(table.column("b")?.values == [.boolean(true), .boolean(false), .missing])
        #expect(table.column("t")?.values == [.text("abc"), .missing, .text("x y")])
        #expect(table.column("mixed")?.values == [.text("1"), .text("2022-01-01"), .text("true")])
        #expect(table.column("empty")?.values == [.missing, .missing, .missing])
    }

    @Test func textColumnsStayText() {
        let table = typed(["id", "city", "amount"], [["370100", "0531", "1"], ["370200", "", "2"]], text: ["id", "city"])
        #expect(table.columns.map(\.type) == [.text, .text, .number])
        #expect(table.column("id")?.values == [.text("370100"), .text("370200")])
        #expect(table.column("city")?.values == [.text("0531"), .missing])
    }

    @Test func notQuiteDatesOrBooleansAreText() {
        let table = typed(["d", "b", "n"], [["2022-02-30"], ["2022-3-1"]].map { $0 + ["True", "1,00"] })
        #expect(table.columns.map(\.type) == [.text, .text, .text])
        #expect(table.column("b")?.values == [.text("True"), .text("True")])
    }

    @Test func cellsAreTrimmed() {
        let table = typed(["t", "d"], [["\u{3000}济南\u{00A0}", " 2022-01-01\t"]])
        #expect(table.column("t")?.values == [.text("济南")])
        #expect(table.column("d")?.values == [.date(Day(year: 2022, month: 1, day: 1)!)])
    }

    @Test func shortRowsAreMissing() {
        let table = typed(["a", "b"], [["1"], ["2", "3"]])
        #expect(table.column("b")?.type == .number)
        #expect(table.column("b")?.values == [.missing, .number(3)])
        #expect(table.rowCount == 2)
    }

    @Test func noRows() {
        let table = typed(["a"], [])
        #expect(table.columns.map(\.type) == [.untyped])
        #expect(table.column("a")?.values == [])
    }

    static let accepted: [(String, Double)] = [
        ("0", 0), ("12", 12), ("-12", -12), ("+12", 12), ("12.5", 12.5), (".5", 0.5), ("5.", 5), ("-0.25", -0.25),
        ("1e6", 1e6), ("2.5E-3", 2.5e-3), ("1e+2", 100), (" 42 ", 42), ("\t3.5\u{3000}", 3.5), ("007", 7),
        ("0.1", 0.1), ("12000.55", 12000.55), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("0.000000000000000000000000001", 1e-27), ("1e-400", 0), ("9007199254740993", 9007199254740992),
        ("1.7976931348623157e308", .greatestFiniteMagnitude),
    ]

    @Test(arguments: accepted) func parseDecimalAccepts(text: String, expected: Double) {
        #expect(parseDecimal(Substring(text)) == expected)
    }

    static let refused = [
        "", " ", "12o0", "inf", "-inf", "Infinity", "NaN", "nan", "0x10", "1,000", "1 000", "¥12", "12%", "1e",
        "1e+", "e5", ".", "-", "+", "--1", "1.2.3", "１２", "1e999", "12 5", "0x1p3", "TRUE",
    ]

    @Test(arguments: refused) func parseDecimalRefuses(text: String) {
        #expect(parseDecimal(Substring(text)) == nil)
    }

    @Test func parseDecimalMatchesTheStandardLibrary() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            for text in ["\(value)", String(format6(generator.next()))] {
                #expect(parseDecimal(Substring(text)) == Double(text), "\(text)")
            }
        }
    }

    /// A decimal with up to 6 fraction digits, like money in 万元.
    func format6(_ bits: UInt64) -> String {
        let whole = bits % 1_000_000
        let fraction = (bits >> 20) % 1_000_000
        let text = String(fraction)
        return "\(whole).\(String(repeating: "0", count: 6 - text.count))\(text)"
    }
}
