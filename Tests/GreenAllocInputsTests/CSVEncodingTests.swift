import Foundation
import GreenAllocCore
import GreenAllocInputs
import Testing

@Suite struct CSVEncodingTests {
    static let variants: [(name: String, encoding: String)] = [
        ("projects-utf8-bom", "UTF-8 BOM"), ("projects-crlf", "UTF-8"), ("projects-gb18030", "GB18030"),
    ]

    func read(_ name: String) throws -> RawTable {
        let url = try fixtureURL(name)
        switch CSVReader.read(path: url.path, displayName: "data/\(name).csv") {
        case .success(let table): return table
        case .failure(let errors): throw errors
        }
    }

    @Test func plainUTF8Fixture() throws {
        let parsed = try read("projects-utf8")
        #expect(parsed.encoding == "UTF-8")
        #expect(parsed.file == "data/projects-utf8.csv")
        #expect(parsed.header == ["id", "名称", "city", "investment", "request", "start", "naming_prerequisite", "备注"])
        #expect(parsed.rows.count == 4)
        #expect(parsed.rows[0][1] == "济南市章丘区污水处理厂提标改造")
        #expect(parsed.rows[0][7] == "含管网,一期")
        #expect(parsed.rows[1][7] == "说明：\n分两期实施")
        #expect(parsed.rows[2][1] == "淄博\"齐鲁化工区\"固废处置中心")
        #expect(parsed.rows[2][7] == "绿色🌲园区")
        #expect(parsed.rowLines == [2, 3, 5, 6])
    }

    @Test(arguments: variants) func variantReadsLikePlainUTF8(name: String, encoding: String) throws {
        let plain = try read("projects-utf8")
        let variant = try read(name)
        #expect(variant.encoding == encoding)
        #expect(variant.header == plain.header)
        #expect(variant.rows == plain.rows)
        #expect(variant.rowLines == plain.rowLines)
    }

    @Test func gb18030TypesLikeUTF8() throws {
        let plain = try read("projects-utf8")
        let gb = try read("projects-gb18030")
        let first = DataTable(file: plain.file, header: plain.header, rows: plain.rows, rowLines: plain.rowLines, kind: .projects)
        let second = DataTable(file: gb.file, header: gb.header, rows: gb.rows, rowLines: gb.rowLines, kind: .projects)
        #expect(first.columns.map(\.type) == [.text, .text, .text, .number, .number, .date, .boolean, .text])
        #expect(first.columns.map(\.type) == second.columns.map(\.type))
        #expect(first.columns.map(\.values) == second.columns.map(\.values))
        #expect(first.value("investment", row: 3) == .number(-150))
        #expect(first.value("request", row: 1) == .missing)
        #expect(first.value("naming_prerequisite", row: 1) == .boolean(false))
        #expect(first.location(row: 2, column: "备注") == SourceLocation(file: "data/projects-utf8.csv", line: 5, column: 8))
    }

    @Test func gbkBytesInline() throws {
        // "名称" and "济南" in GBK.
        let bytes: [UInt8] = Array("id,".utf8) + [0xC3, 0xFB, 0xB3, 0xC6] + Array("\r\n1,".utf8) + [0xBC, 0xC3, 0xC4, 0xCF] + Array("\r\n".utf8)
        guard case .success(let parsed) = CSVReader.parse(bytes, file: "g.csv") else {
            Issue.record("expected GBK to decode")
            return
        }
        #expect(parsed.encoding == "GB18030")
        #expect(parsed.header == ["id", "名称"])
        #expect(parsed.rows == [["1", "济南"]])
    }

    @Test func invalidGBKAfterManyLinesPointsAtTheBadByte() {
        // Valid GBK on lines 1–3, then a lead byte followed by an invalid trail byte on line 4.
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0xBC, 0xC3] + Array("\n2,x\n3,y,".utf8) + [0x81, 0x0A]
        let found = errors(bytes)
        #expect(found.map(place) == ["4:3"])
    }
}
