import Foundation
import GreenAllocCLI
import GreenAllocCore
import Spreadsheet
import Testing

/// `greenalloc init DIR`: the starter workspace solves as written, its workbook reads back with the Chinese
/// headers and carries its drop-down lists, a non-empty directory is refused untouched, and the bytes repeat.
@Suite struct InitTests {
    static func temporary() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-init-\(UUID().uuidString)").path
    }

    static func run(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
        let capture = Console.Capture()
        let code = CommandLineRunner.run(arguments, console: capture.console)
        return (code, capture.out, capture.error)
    }

    /// A fresh workspace in `<tmp>/…/work` (its parent created by init), removed by the caller.
    static func initialised() throws -> (root: String, workspace: String) {
        let root = temporary()
        let workspace = root + "/work"
        let result = run(["init", workspace])
        #expect(result.code == 0, "\(result.error)")
        return (root, workspace)
    }

    /// The scenario's answer, worked out by hand from the example rows: 2025 (budget 2000) can fund three of
    /// P001 600, P002 500, P003 800, P006 700; 2026 (budget 1200) three of P003 400, P004 350, P006 300, P008 400.
    /// Naming K02 (prerequisites P003, P004; 5000 points) and P006's lower weighted benefit leave P006 out.
    /// P005 is not in the provincial library, P007's park is rectifying.
    @Test func startsSolvable() throws {
        let (root, workspace) = try Self.initialised()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let solved = Self.run(["solve", workspace + "/scenario.yaml", "--out", workspace + "/out"])
        #expect(solved.code == 0, "\(solved.error)")
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace + "/out/allocation.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let projects = try #require(json["projects"] as? [[String: Any]])
        let funded = projects.filter { project in
            ((project["subsidy"] as? [String: Double]) ?? [:]).values.contains { $0 > 0 }
        }.compactMap { $0["id"] as? String }
        #expect(funded.sorted() == ["P001", "P002", "P003", "P004", "P008"])
        let parks = try #require(json["parks"] as? [[String: Any]])
        #expect(parks.compactMap { $0["id"] as? String } == ["K02"])
        #expect(parks.first?["named_in"] as? Int == 2026)
    }

    /// Every sheet reads without a problem through the reader, and every header is one of the documented
    /// Chinese names of the format's columns (the three benefit columns apart).
    @Test func workbookReadsBack() throws {
        let (root, workspace) = try Self.initialised()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reader = try WorkbookReader(path: workspace + "/data/library.xlsx")
        let expected: [(String, TableKind, [String], Int)] = [
            ("城市", .cities, ["id", "name", "region"], 3),
            ("园区", .parks, ["id", "name", "city", "status", "barred_until", "naming_year"], 4),
            ("项目", .projects, [
                "id", "name", "park", "fund", "owner", "county", "category", "investment", "request_2025",
                "request_2026", "min_share", "naming_prerequisite", "loan_need", "maturity", "provincial_library",
                "finance_tier", "co2_t", "cod_t", "vocs_t",
            ], 8),
            ("银行", .banks, ["id", "name", "capacity", "max_per_project", "min_tier", "cities"], 2),
        ]
        for (sheet, kind, columns, count) in expected {
            let table = try #require(try reader.table(sheet: sheet))
            #expect(table.problems.isEmpty)
            #expect(table.header.map(kind.columnName(forHeader:)) == columns)
            #expect(table.header.filter { !$0.hasSuffix("_t") }.allSatisfy { header in
                header.unicodeScalars.contains { $0.value > 0x7F }
            })
            #expect(table.rows.count == count)
        }
        let projects = try #require(try reader.table(sheet: "项目"))
        #expect(projects.rows.first?.prefix(10) == ["P001", "济南示范热电有限公司锅炉烟气超低排放改造", "K01", "prov-special",
            "济南示范热电有限公司", "历城区", "air", "2000", "600", ""])
    }

    @Test func validationListsInSheets() throws {
        let (root, workspace) = try Self.initialised()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: workspace + "/data/library.xlsx")))
        let parts = try Workbook.parts(of: bytes)
        let sheet = { (index: Int) in String(decoding: parts["xl/worksheets/sheet\(index).xml"] ?? [], as: UTF8.self) }
        let parks = sheet(2)
        #expect(parks.contains("sqref=\"D2:D2001\""))
        #expect(parks.contains("none,applying,under_construction,named_provincial,named_national,rectifying,revoked,barred"))
        let projects = sheet(3)
        #expect(projects.contains("<dataValidations count=\"4\">"))
        #expect(projects.contains("sqref=\"N2:N2001\""))
        #expect(projects.contains("concept,proposal,fs_approved,eia_approved,design_approved,ready_to_start,under_construction"))
        #expect(projects.contains("sqref=\"P2:P2001\""))
        #expect(projects.contains("none,general,preferred"))
        #expect(projects.contains("是,否"))
        #expect(sheet(4).contains("general,preferred"))
    }

    /// A directory with anything in it is refused (exit 1) and left exactly as it was, with no temporary
    /// directory beside it; an empty directory is fine.
    @Test func refusesNonEmptyDirectory() throws {
        let root = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workspace = root + "/work"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: workspace + "/notes.txt"))
        let refused = Self.run(["init", workspace])
        #expect(refused.code == 1)
        #expect(refused.error.contains("not empty (notes.txt)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace) == ["notes.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["work"])
        let empty = root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(Self.run(["init", empty]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).sorted() == ["data", "scenario.yaml"])
    }

    @Test func deterministic() throws {
        let (first, one) = try Self.initialised()
        let (second, two) = try Self.initialised()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        for file in ["scenario.yaml", "data/library.xlsx"] {
            let left = try Data(contentsOf: URL(fileURLWithPath: one + "/" + file))
            let right = try Data(contentsOf: URL(fileURLWithPath: two + "/" + file))
            #expect(!left.isEmpty && left == right, "\(file)")
        }
    }
}
