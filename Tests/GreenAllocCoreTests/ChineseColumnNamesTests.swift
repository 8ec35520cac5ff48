import Foundation
import GreenAllocCore
import Testing

/// The Chinese header names: each stands for a column of its table's format, per-year requests follow the
/// pattern, unknown names stay as written, and docs/scenario-format.md lists every one.
@Suite struct ChineseColumnNamesTests {
    @Test func namesStandForColumnsOfTheirTable() {
        for kind in TableKind.allCases {
            let names = kind.chineseColumnNames
            #expect(Set(names.map(\.chinese)).count == names.count, "\(kind): a name listed twice")
            #expect(Set(names.map(\.column)).count == names.count, "\(kind): a column named twice")
            for (chinese, column) in names {
                #expect(kind.declaredColumn(named: column) != nil, "\(chinese) → \(column) is not a column of \(kind)")
                #expect(kind.columnName(forHeader: chinese) == column)
            }
        }
        #expect(TableKind.projects.columnName(forHeader: "2022年申请补助") == "request_2022")
        #expect(TableKind.projects.columnName(forHeader: "年申请补助") == "年申请补助")
        #expect(TableKind.projects.columnName(forHeader: "备注") == "备注")
        #expect(TableKind.parks.columnName(forHeader: "项目编号") == "项目编号")
        #expect(TableKind.projects.columnName(forHeader: "id") == "id")
    }

    @Test func everyNameIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        for kind in TableKind.allCases {
            for (chinese, column) in kind.chineseColumnNames {
                #expect(text.contains("\(chinese) → `\(column)`"), "\(chinese) → \(column) is not in section 3.6")
            }
        }
    }
}
