import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Spreadsheet
import Testing

@Suite struct WriterTests {
    static let sample = Workbook(sheets: [
        Sheet(
            name: "资金使用", header: ["项目名称", "金额", "比例", "个数"],
            rows: [
                [.text("烟台经济技术开发区污水处理厂提标改造工程"), .money(2872.8), .share(0.375), .integer(3)],
                [.text("A & B <c> \"d\"\u{01}\u{0B}"), .money(-0.0001), .empty, .number(1e-5, .plain)],
                [.text("  leading space"), .money(1_234_567.891), .share(1), .integer(0)],
            ],
            total: [.text("合计"), .money(1_237_440.6909), .empty, .integer(3)], autoFilter: true,
            validations: [DataValidationList(column: 0, rows: 1...100, values: ["in_library", "submitted"])]),
        Sheet(name: "Second's", header: ["x"], rows: [[.number(42, .plain)]]),
    ], title: "示例")

    @Test func sameSheetsGiveTheSameBytes() throws {
        let first = try Self.sample.bytes()
        let second = try Self.sample.bytes()
        #expect(first == second)
        let parts = try Workbook.parts(of: first)
        #expect(Set(parts.keys) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            "xl/sharedStrings.xml",
        ])
        let core = String(decoding: parts["docProps/core.xml"] ?? [], as: UTF8.self)
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"))
    }

    @Test func everyPartIsWellFormedXMLWithoutIllegalCharacters() throws {
        let parts = try Workbook.parts(of: try Self.sample.bytes())
        for (path, bytes) in parts {
            let parser = XMLParser(data: Data(bytes))
            #expect(parser.parse(), "\(path): \(String(describing: parser.parserError))")
            #expect(!bytes.contains(0x01) && !bytes.contains(0x0B), "\(path)")
        }
        let strings = String(decoding: parts["xl/sharedStrings.xml"] ?? [], as: UTF8.self)
        #expect(strings.contains("<si><t>A &amp; B &lt;c&gt; \"d\"</t></si>"))
        #expect(strings.contains("<si><t xml:space=\"preserve\">  leading space</t></si>"))
        let sheet = String(decoding: parts["xl/worksheets/sheet1.xml"] ?? [], as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:D4\"/>"))
        // The Chinese name (20 wide characters) is 40 units wide, plus the margin.
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"42\" customWidth=\"1\"/>"))
    }

    @Test(arguments: [
        ("", "it must have 1 to 31 characters"), (String(repeating: "表", count: 32), "it must have 1 to 31 characters"),
        ("a/b", "it contains \"/\""), ("a[1]", "it contains \"[\""), ("x?", "it contains \"?\""),
        ("'quoted'", "it begins or ends with an apostrophe"),
    ])
    func refusesSheetNamesExcelRefuses(name: String, reason: String) {
        let workbook = Workbook(sheets: [Sheet(name: name, header: ["a"])])
        #expect(throws: WorkbookWriteError.invalidSheetName(name, reason: reason)) { try workbook.bytes() }
    }

    @Test func refusesTwoSheetsWithOneNameIgnoringCase() {
        let workbook = Workbook(sheets: [Sheet(name: "Funds", header: ["a"]), Sheet(name: "FUNDS", header: ["a"])])
        #expect(throws: WorkbookWriteError.invalidSheetName("FUNDS", reason: "another sheet has the same name")) {
            try workbook.bytes()
        }
        let thirtyOne = Workbook(sheets: [Sheet(name: String(repeating: "表", count: 31), header: ["a"])])
        #expect(throws: Never.self) { try thirtyOne.bytes() }
    }

    @Test func refusesValidationListsExcelCannotHold() {
        let list = DataValidationList(column: 1, rows: 1...9, values: ["a,b"])
        let workbook = Workbook(sheets: [Sheet(name: "s", header: ["a", "b"], validations: [list])])
        #expect(throws: WorkbookWriteError.invalidValidationList(sheet: "s", column: 1, reason: "has a value with , or \"")) {
            try workbook.bytes()
        }
    }

    /// openpyxl, an independent reader, sees the values, formats, frozen row, bold header and validation list.
    @Test(.enabled(if: PythonReader.hasOpenpyxl, "python3 with openpyxl is needed (.ci/run installs it)"))
    func openpyxlReadsWhatWasWritten() throws {
        let script = """
            import json, sys, zipfile, openpyxl
            archive = zipfile.ZipFile(sys.argv[1])
            out = {"zip": [archive.testzip() is None]
                + sorted({(list(i.date_time), i.compress_type, i.external_attr >> 16) == ([2000, 1, 1, 0, 0, 0], 8, 0o100644)
                          for i in archive.infolist()})}
            book = openpyxl.load_workbook(sys.argv[1])
            out["sheets"] = book.sheetnames
            ws = book["资金使用"]
            out["rows"] = [[c.value for c in row] for row in ws.iter_rows()]
            out["formats"] = [c.number_format for c in ws[2]]
            out["bold"] = [bool(c.font.b) for c in ws[1]] + [bool(ws["A5"].font.b)]
            out["freeze"] = ws.freeze_panes
            out["filter"] = ws.auto_filter.ref
            out["validation"] = [[str(v.sqref), v.formula1] for v in ws.data_validations.dataValidation]
            print(json.dumps(out, ensure_ascii=False))
            """
        let object = try PythonReader.run(script, workbook: try Self.sample.bytes())
        #expect(object["zip"] as? [Bool] == [true, true], "CRCs hold; every entry deflated, dated 2000-01-01, mode 0644")
        #expect(object["sheets"] as? [String] == ["资金使用", "Second's"])
        let rows = try #require(object["rows"] as? [[Any]])
        #expect(rows.count == 5)
        #expect(rows[0].compactMap { $0 as? String } == ["项目名称", "金额", "比例", "个数"])
        #expect(rows[1][0] as? String == "烟台经济技术开发区污水处理厂提标改造工程")
        #expect((rows[1][1] as? NSNumber)?.doubleValue == 2872.8)
        #expect((rows[1][2] as? NSNumber)?.doubleValue == 0.375)
        #expect(rows[2][0] as? String == "A & B <c> \"d\"")
        #expect((rows[2][3] as? NSNumber)?.doubleValue == 1e-5)
        #expect((rows[4][1] as? NSNumber)?.doubleValue == 1_237_440.6909)
        #expect(object["formats"] as? [String] == ["General", "#,##0.00", "0.0%", "0"])
        #expect(object["bold"] as? [Bool] == [true, true, true, true, true])
        #expect(object["freeze"] as? String == "A2")
        #expect(object["filter"] as? String == "A1:D4")
        #expect(object["validation"] as? [[String]] == [["A2:A101", "\"in_library,submitted\""]])
    }
}

/// Runs a Python script on a workbook written to a temporary file; the script prints one JSON object.
enum PythonReader {
    static let hasOpenpyxl: Bool = {
        (try? run("import openpyxl\nprint('{}')", workbook: [])) != nil
    }()

    static func run(_ script: String, workbook: [UInt8]) throws -> [String: Any] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("book.xlsx")
        try Data(workbook).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw CocoaError(.fileReadCorruptFile) }
        return object
    }
}

@Suite struct ZipStampTests {
    @Test func workbookDatesBecomeDOSTimeStamps() throws {
        let bytes = try Workbook(sheets: [Sheet(name: "s", header: ["a"])], date: "2022-03-31T08:15:30Z").bytes()
        // The first local header: version, flags, method, then time and date (little-endian).
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        let time = UInt16(bytes[10]) | UInt16(bytes[11]) << 8
        let date = UInt16(bytes[12]) | UInt16(bytes[13]) << 8
        #expect(time == 8 << 11 | 15 << 5 | 15)
        #expect(date == (2022 - 1980) << 9 | 3 << 5 | 31)
        let core = String(decoding: try Workbook.parts(of: bytes)["docProps/core.xml"] ?? [], as: UTF8.self)
        #expect(core.contains(">2022-03-31T08:15:30Z</dcterms:modified>"))
    }
}
