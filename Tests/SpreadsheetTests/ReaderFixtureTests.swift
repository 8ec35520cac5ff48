import Foundation
import Spreadsheet
import Testing

/// Workbooks from three writers (openpyxl, LibreOffice, hand-written parts; `Fixtures/make_fixtures.py`) read as
/// the tables their cells show.
@Suite struct ReaderFixtureTests {
    static func path(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)).path
    }

    static func table(_ name: String, _ sheet: String?) throws -> SheetTable {
        try #require(try WorkbookReader(path: path(name)).table(sheet: sheet))
    }

    @Test func openpyxlFirstSheetAndNumbers() throws {
        let book = try WorkbookReader(path: Self.path("openpyxl-types.xlsx"))
        #expect(book.sheetNames == ["说明", "类型", "稀疏", "公式"])
        let table = try #require(try book.table(sheet: nil))
        #expect(table.sheet == "说明")
        #expect(table.header == ["id", "name", "amount"])
        #expect(table.rows == [["P1", "甲项目", "12"], ["P2", "乙项目", "2872.8"]])
        #expect(table.rowNumbers == [1, 2])
        #expect(table.problems.isEmpty)
    }

    @Test func openpyxlTypes() throws {
        let table = try Self.table("openpyxl-types.xlsx", "类型")
        #expect(table.header == ["text", "whole", "fraction", "flag", "day", "stamp", "chinese_day", "rich", "share", "big"])
        #expect(
            table.rows[0] == ["甲", "1504", "267.5", "TRUE", "2024-11-14", "2022-03-31", "2022-03-01", "绿色低碳 园区", "0.125", "1.5e+20"])
        // 1900-01-01 is serial 1, 1900-03-01 serial 61 (after Excel's 1900-02-29); 2000-02-29 did exist.
        #expect(
            table.rows[1] == ["1,234.5", "-3", "0.1", "FALSE", "1900-01-01", "1900-03-01", "2000-02-29", "plain", "1", "1.234567890123457e+16"])
    }

    @Test func emptyRowsAndColumnsAreLeftOut() throws {
        let table = try Self.table("openpyxl-types.xlsx", "稀疏")
        #expect(table.header == ["id", "value", "note"])
        #expect(table.columns == [1, 2, 4])
        #expect(table.headerRow == 2)
        #expect(table.rows == [["a", "1", ""], ["b", "", "x"]])
        #expect(table.rowNumbers == [4, 6])
    }

    @Test func formulaWithoutSavedResultIsAProblemAtItsCell() throws {
        let table = try Self.table("openpyxl-types.xlsx", "公式")
        #expect(table.rows == [["P1", ""]])
        #expect(table.problems.map(\.description) == ["[公式]!B2: the formula has no saved result; open the workbook in Excel or WPS and save it again"])
    }

    @Test func dates1904() throws {
        let table = try Self.table("openpyxl-1904.xlsx", nil)
        #expect(table.rows == [["K1", "2024-11-14"], ["K2", "1904-01-01"]])
    }

    @Test func libreOfficeFormulasBySavedResults() throws {
        let table = try Self.table("libreoffice-formulas.xlsx", "公式")
        #expect(table.header == ["id", "base", "double", "label", "flag", "day", "broken"])
        #expect(table.rows == [["P1", "21", "42", "P1-甲", "TRUE", "2023-06-30", ""], ["P2", "0.1", "0.3", "小", "FALSE", "2023-07-01", "5"]])
        #expect(table.problems.map(\.description) == ["[公式]!G2: the cell holds the error #DIV/0!"])
        #expect(try Self.table("libreoffice-formulas.xlsx", "第二").rows == [["x", "1"]])
    }

    @Test func handWrittenParts() throws {
        let book = try WorkbookReader(path: Self.path("handmade-parts.xlsx"))
        // Sheets by relationship id: 第一 is sheetB.xml, 第二 sheetA.xml.
        #expect(book.sheetNames == ["第一", "第二"])
        let first = try #require(try book.table(sheet: nil))
        #expect(first.header == ["id", "  name ", "day", "amount"])
        #expect(first.rows == [["济南钢铁", "内联 ", "2022-03-31", "1234.5"], ["a&b\rc", "", "2022-03-31", "2469"]])
        #expect(first.rowNumbers == [1, 3])
        let second = try #require(try book.table(sheet: "第二"))
        #expect(second.rows == [["x", ""], ["", "TRUE"]])
        #expect(
            second.problems.map(\.description) == [
                "[第二]!B2: the cell holds the error #N/A",
                "[第二]!A3: the cell refers to shared string 9, which does not exist (the workbook has 4)",
            ])
    }

    @Test func brokenWorkbooksGiveErrors() throws {
        func failure(_ name: String, _ sheet: String? = nil) throws -> String {
            do {
                _ = try WorkbookReader(path: Self.path(name)).table(sheet: sheet)
                return "no error"
            } catch { return "\(error)" }
        }
        #expect(try failure("broken-no-shared-strings.xlsx") == "the shared strings part xl/sharedStrings.xml is missing; the workbook is damaged")
        #expect(try failure("broken-xml.xlsx") == "the part xl/worksheets/sheetB.xml is not well-formed XML: closing tag </row> does not match the open element")
        #expect(
            try failure("broken-bomb.xlsx")
                == "the part xl/worksheets/sheetB.xml expands beyond the size its zip header declares (1000 bytes); the workbook is damaged or a zip bomb")
        #expect(
            try failure("broken-declared-size.xlsx")
                == "the part xl/worksheets/sheetB.xml would expand 9911462 times (3072 MB); this is not a workbook but a zip bomb")
        #expect(
            try failure("handmade-parts.xlsx", "项目")
                == "the workbook has no sheet '项目' (its sheets: '第一', '第二')")
    }

    /// Every prefix of a workbook is refused with an error, never a crash.
    @Test func truncatedWorkbooks() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.path("handmade-parts.xlsx")))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for length in stride(from: 0, to: bytes.count, by: 97) {
            let file = directory.appendingPathComponent("cut.xlsx")
            try bytes.prefix(length).write(to: file)
            #expect(throws: WorkbookError.self) { _ = try WorkbookReader(path: file.path).table(sheet: nil) }
        }
    }
}
