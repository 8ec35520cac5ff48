import Foundation
import GreenAllocCLI
import GreenAllocCore
import GreenAllocInputs
import Testing

/// End to end: a library kept as a workbook (`Fixtures/xlsx`, written by openpyxl and saved by LibreOffice; see
/// its `make_fixtures.py`) solves as its CSV form does; broken workbooks and cells of the wrong type are input
/// errors (exit 65) that name the workbook, the sheet and the cell, and nothing is written.
@Suite struct WorkbookInputTests {
    static let projectsCSV = """
        id,name,park,fund,category,investment,request_2022,benefit
        P1,甲项目,K1,f1,air,100,40,5
        P2,乙项目,K2,f1,water,"1,200",50,7
        P3,丙项目,K2,f1,air,90,30,4

        """
    static let parksCSV = "id,name,city,status\nK1,甲园区,370100,named_provincial\nK2,乙园区,370200,under_construction\n"

    static func yaml(_ tables: String) -> String {
        """
        scenario: test
        as_of: 2022-03-31
        years: [2022]
        tables:
        \(tables)
        funds:
          - {id: f1, name: 资金, budget: 100}
        objective:
          maximize: benefit
          weights: {benefit: 1}

        """
    }

    static func workbookTables(_ file: String, projects: String = "项目") -> String {
        "  cities: \(file)#城市\n  parks: \(file)#园区\n  projects: \(file)#\(projects)"
    }

    static let csvTables = "  cities: cities.csv\n  parks: parks.csv\n  projects: projects.csv"

    /// A scenario in a fresh directory with the fixture workbook `name` copied in as `library.xlsx`, or `bytes`.
    static func fixture(tables: String, workbook name: String = "library.xlsx", bytes: Data? = nil) throws -> ScenarioFixture {
        let fixture = try ScenarioFixture(yaml: yaml(tables), projects: projectsCSV, parks: parksCSV)
        let source = try #require(Bundle.module.url(forResource: "Fixtures/xlsx/" + name, withExtension: nil))
        try (bytes ?? Data(contentsOf: source)).write(to: URL(fileURLWithPath: fixture.path("library.xlsx")))
        return fixture
    }

    static func fixtureBytes(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: "Fixtures/xlsx/" + name, withExtension: nil)))
    }

    /// P1 + P2 (benefit 12, 90 of the 100 budget) is the best of the seven funded sets that fit.
    @Test func workbookAndCSVGiveTheSameAllocation() throws {
        let fromCSV = try Self.fixture(tables: Self.csvTables).solve()
        let fromWorkbook = try Self.fixture(tables: Self.workbookTables("library.xlsx")).solve()
        #expect(fromCSV.code == 0 && fromWorkbook.code == 0, "\(fromWorkbook.error)")
        #expect(fromWorkbook.json.fundedIDs.sorted() == ["P1", "P2"])
        #expect(fromWorkbook.json.objective == 12)
        for id in ["P1", "P2", "P3"] {
            #expect(
                fromWorkbook.json.project(id)["subsidy"] as? [String: Double]
                    == fromCSV.json.project(id)["subsidy"] as? [String: Double])
        }
        #expect(fromCSV.json.objective == fromWorkbook.json.objective)
    }

    @Test func chineseCSVHeaderGivesTheSameAllocation() throws {
        let chinese = "项目编号,项目名称,所属园区,资金渠道,项目类别,总投资,2022年申请补助,benefit,备注\n"
        let rows = Self.projectsCSV.split(separator: "\n", omittingEmptySubsequences: true).dropFirst()
            .map { $0 + ",说明" }.joined(separator: "\n")
        let fixture = try ScenarioFixture(
            yaml: Self.yaml(Self.csvTables), projects: chinese + rows + "\n",
            parks: "园区编号,园区名称,所属城市,园区状态\n" + Self.parksCSV.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n",
            cities: "城市编号,城市名称\n370100,济南市\n370200,青岛市\n")
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(result.json.fundedIDs.sorted() == ["P1", "P2"])
        #expect(result.json.objective == 12)
    }

    @Test func twoHeaderCellsNamingOneColumnIsAnErrorAtTheSecond() throws {
        let projects = "id,项目编号,name,park,fund,category,investment,request_2022,benefit\nP1,P1,a,K1,f1,air,100,10,5\n"
        let fixture = try ScenarioFixture(yaml: Self.yaml(Self.csvTables), projects: projects, parks: Self.parksCSV)
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65)
        #expect(result.error.contains(fixture.path("projects.csv") + ":1:2: error: '项目编号' and 'id' (" + fixture.path("projects.csv") + ":1:1) both name the column 'id'"), "\(result.error)")
    }

    /// Every error of every sheet in one pass, at its cell; nothing written.
    @Test func cellsOfTheWrongTypeAreErrorsAtTheirCells() throws {
        let fixture = try Self.fixture(tables: Self.workbookTables("library.xlsx"), workbook: "library-wrong-type.xlsx")
        let lines = try expectInputError(fixture)
        let book = fixture.path("library.xlsx")
        #expect(lines.contains(book + "[项目]!F3: error: '12o0' is not a number (investment)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix(book + "[园区]!D3: error: status 'named' is not one of") }, "\(lines)")
    }

    @Test func brokenWorkbooksAreInputErrors() throws {
        let good = try Self.fixtureBytes("library.xlsx")
        let tables = Self.workbookTables("library.xlsx")
        let cases: [(ScenarioFixture, String)] = [
            (try Self.fixture(tables: tables, bytes: good.prefix(good.count / 2)),
             ":1:1: error: this is not an .xlsx workbook, or it is truncated or damaged (its zip directory cannot be read)"),
            (try Self.fixture(tables: tables, workbook: "library-no-shared-strings.xlsx"),
             ":1:1: error: the shared strings part xl/sharedStrings.xml is missing; the workbook is damaged"),
            (try Self.fixture(tables: Self.workbookTables("library.xlsx", projects: "项目库")),
             ":1:1: error: the workbook has no sheet '项目库' (its sheets: '城市', '园区', '项目')"),
            (try Self.fixture(tables: tables, bytes: declaringHugePart(good)),
             ":1:1: error: the part xl/worksheets/sheet1.xml would expand"),
        ]
        for (fixture, message) in cases {
            let lines = try expectInputError(fixture)
            #expect(lines.contains { $0.hasPrefix(fixture.path("library.xlsx") + message) }, "\(lines)")
        }
    }

    /// A workbook named by three tables counts once in `inputs_sha256`: the hash of the merged scenario's
    /// canonical JSON followed by the workbook's bytes.
    @Test func aWorkbookIsHashedOnce() throws {
        let fixture = try Self.fixture(tables: Self.workbookTables("library.xlsx"))
        let inputs = try ScenarioInputs.load(path: fixture.scenarioPath).get()
        var bytes = Data(CanonicalJSON.render(inputs.merged).utf8)
        bytes.append(try Self.fixtureBytes("library.xlsx"))
        #expect(inputs.inputsSHA256 == (try sha256(bytes)))
    }

    /// Runs validate and solve --out: both exit 65, solve writes nothing; returns validate's error lines.
    func expectInputError(_ fixture: ScenarioFixture, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65, "\(result.error)", sourceLocation: sourceLocation)
        let solve = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("out")])
        #expect(solve.code == 65, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")), sourceLocation: sourceLocation)
        return result.error.split(separator: "\n").map(String.init)
    }

    /// The workbook with its first sheet's part declared 3 GiB large in the zip directory.
    func declaringHugePart(_ workbook: Data) -> Data {
        var bytes = [UInt8](workbook)
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index..<index + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) {
                let length = Int(bytes[index + 28]) | Int(bytes[index + 29]) << 8
                if bytes[(index + 46)..<min(index + 46 + length, bytes.count)].elementsEqual(name) {
                    bytes.replaceSubrange((index + 24)..<(index + 28), with: [0, 0, 0, 0xC0])
                }
            }
            index += 1
        }
        return Data(bytes)
    }

    func sha256(_ data: Data) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}

/// The bundled baseline's library as a workbook (`Scenarios/shandong/data/library.xlsx`, Chinese column names)
/// reads to the same typed tables as its CSV files, so both scenarios give the same allocation; the workbook
/// stays small.
@Suite struct BundledWorkbookTests {
    static let shandong = BundledScenarioTests.root.appendingPathComponent("Scenarios/shandong")

    @Test func workbookBaselineReadsAsTheCSVBaseline() throws {
        let csv = try ScenarioInputs.load(path: Self.shandong.appendingPathComponent("baseline-2022.yaml").path).get()
        let xlsx = try ScenarioInputs.load(path: Self.shandong.appendingPathComponent("baseline-2022-xlsx.yaml").path).get()
        #expect(csv.inputsSHA256 != xlsx.inputsSHA256)
        let pairs = [
            (csv.library.cities, xlsx.library.cities), (csv.library.parks, xlsx.library.parks),
            (csv.library.projects, xlsx.library.projects),
        ]
        for (fromCSV, fromWorkbook) in pairs + [(try #require(csv.library.banks), try #require(xlsx.library.banks))] {
            #expect(fromWorkbook.rowCount == fromCSV.rowCount)
            #expect(fromWorkbook.columns.map(\.name) == fromCSV.columns.map(\.name))
            #expect(fromWorkbook.columns.map(\.type) == fromCSV.columns.map(\.type))
            for (left, right) in zip(fromCSV.columns, fromWorkbook.columns) {
                #expect(left.values == right.values, "column \(left.name)")
            }
        }
        #expect(csv.library.projects.rowCount == 850)
        let size = try FileManager.default.attributesOfItem(atPath: Self.shandong.appendingPathComponent("data/library.xlsx").path)[.size] as? Int
        #expect((size ?? .max) < 1 << 20)
    }
}
