import Foundation
import GreenAllocInputs
import Spreadsheet
import Testing

/// The workbooks `solve --out` writes, read back by an independent reader: LibreOffice (headless) converts
/// allocation.xlsx and every bank-<id>.xlsx, all sheets, to CSV in one call; the numbers it reads agree with
/// allocation.json, each total with the rows above it, and each bank's workbook with its bank-<id>.csv.
@Suite struct WorkbookReadBackTests {
    static let hasLibreOffice = FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")
        || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/soffice") }

    /// Converts the workbooks to CSV (one file per sheet, `<workbook>-<sheet>.csv`) with a profile of its own,
    /// so that tests running at the same time do not share LibreOffice's user directory.
    static func convert(_ workbooks: [String], into directory: String) throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "soffice", "-env:UserInstallation=" + profile.absoluteString, "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", directory,
        ] + workbooks
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// A converted sheet: header and rows, the total row (first cell 合计) apart.
    static func sheet(_ path: String) throws -> (header: [String], rows: [[String]], total: [String]?) {
        let table = try CSVReader.read(path: path, displayName: path).get()
        let total = table.rows.last.flatMap { $0.first == "合计" ? $0 : nil }
        return (table.header, total == nil ? table.rows : Array(table.rows.dropLast()), total)
    }

    static func number(_ text: String) -> Double { Double(text) ?? .nan }

    /// Eight projects with requests in two years (amounts with decimals that binary doubles cannot hold), a
    /// budget that funds some of them, and two banks that compete for the loans.
    static func fixture() throws -> ScenarioFixture {
        var projects = "id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,co2_t\n"
        for index in 1...8 {
            let request = 100.1 * Double(index) + 0.7
            projects += "P\(index),项目\(index)号,K\(index % 2 + 1),f1,\(index % 3 == 0 ? "water" : "air"),\(index * 1000),"
            projects += "\(request),\(index % 2 == 0 ? "33.3" : ""),general,\(200 + 50 * index),\(index * 7).5\n"
        }
        let banks = "id,name,capacity,max_per_project,min_tier,cities\nB0,银行0,700,,,\nB1,银行1,600,,,\n"
        let yaml = ScenarioFixture.header(banks: true) + """
            funds:
              - id: f1
                name: 专项资金
                budget: {2022: 1500.35, 2023: 80}
            objective:
              maximize: benefit
              weights: {co2_t: 1}
            loans:
              name: 贷款
              eligible: "project.finance_tier in ['general','preferred']"

            """
        return try ScenarioFixture(yaml: yaml, projects: projects, banks: banks)
    }

    @Test(.enabled(if: hasLibreOffice, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-calc-nogui"))
    func libreOfficeReadsTheNumbersOfAllocationJSON() throws {
        let fixture = try Self.fixture()
        let out = fixture.path("out")
        let solved = fixture.run(["solve", fixture.scenarioPath, "--out", out])
        #expect(solved.code == 0, "\(solved.error)")
        let banks = ["B0", "B1"]
        let workbooks = ["allocation"] + banks.map { "bank-\($0)" }
        let csv = fixture.path("csv")
        try Self.convert(workbooks.map { out + "/\($0).xlsx" }, into: csv)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/allocation.json")))
        let projects = (json as? [String: Any])?["projects"] as? [[String: Any]] ?? []
        let subsidies = Dictionary(uniqueKeysWithValues: projects.compactMap { project -> (String, Double)? in
            guard project["funded"] as? Bool == true, let id = project["id"] as? String else { return nil }
            return (id, (project["subsidy_total"] as? NSNumber)?.doubleValue ?? .nan)
        })
        #expect(!subsidies.isEmpty)
        let expected = subsidies.values.reduce(0, +)

        // 获补项目: one row per funded project with its total (to 0.0001 万元), and the total of the rows.
        let funded = try Self.sheet(csv + "/allocation-获补项目.csv")
        let column = try #require(funded.header.firstIndex(of: "补助合计"))
        #expect(Dictionary(uniqueKeysWithValues: funded.rows.map { ($0[0], $0[column]) }).keys.sorted() == subsidies.keys.sorted())
        for row in funded.rows {
            #expect(abs(Self.number(row[column]) - (subsidies[row[0]] ?? .nan)) <= 0.00005 + 1e-9, "\(row[0])")
        }
        let rowSum = funded.rows.reduce(0) { $0 + Self.number($1[column]) }
        #expect(abs(Self.number(funded.total?[column] ?? "") - rowSum) < 1e-6)
        #expect(abs(rowSum - expected) <= 0.0001 * Double(funded.rows.count))

        // The other sheets' totals: the public list, the city table's grand total (no parks are named here).
        let list = try Self.sheet(csv + "/allocation-公示名单.csv")
        #expect(abs(Self.number(list.total?.last ?? "") - rowSum) < 1e-6)
        let cities = try Self.sheet(csv + "/allocation-分市下达表.csv")
        let cityTotal = try #require(cities.header.firstIndex(of: "下达合计"))
        #expect(abs(Self.number(cities.total?[cityTotal] ?? "") - cities.rows.reduce(0) { $0 + Self.number($1[cityTotal]) }) < 1e-6)
        #expect(abs(Self.number(cities.total?[cityTotal] ?? "") - expected) <= 0.0001 * Double(cities.rows.count))

        // Each bank's workbook: the projects of its bank-<id>.csv, assigned then waitlist, and no other bank.
        var assignedElsewhere = 0
        for bank in banks {
            let file = try CSVReader.read(path: out + "/bank-\(bank).csv", displayName: bank).get()
            let status = file.header.firstIndex(of: "status") ?? 0
            let project = file.header.firstIndex(of: "project") ?? 0
            let lending = try Self.sheet(csv + "/bank-\(bank)-放贷名单.csv")
            let waiting = try Self.sheet(csv + "/bank-\(bank)-候补名单.csv")
            #expect(lending.rows.map { $0[1] } == file.rows.filter { $0[status] == "assigned" }.map { $0[project] }, "\(bank)")
            #expect(waiting.rows.map { $0[1] } == file.rows.filter { $0[status] == "waitlist" }.map { $0[project] }, "\(bank)")
            assignedElsewhere += waiting.rows.filter { $0.contains("已对接他行") }.count
            let parts = try Workbook.parts(of: Array(Data(contentsOf: URL(fileURLWithPath: out + "/bank-\(bank).xlsx"))))
            // Texts live in the shared strings and the properties (the sheets hold numbers and references).
            let everything = Data(["xl/sharedStrings.xml", "docProps/core.xml", "xl/workbook.xml"].flatMap { parts[$0] ?? [] })
            for other in banks where other != bank {
                #expect(everything.range(of: Data(other.utf8)) == nil, "bank-\(bank).xlsx names \(other)")
                #expect(everything.range(of: Data("银行\(other.dropFirst())".utf8)) == nil, "bank-\(bank).xlsx names \(other)")
            }
        }

        #expect(assignedElsewhere > 0, "the lists show projects another bank took")

        // The same run again gives the same workbook bytes.
        let again = fixture.path("again")
        #expect(fixture.run(["solve", fixture.scenarioPath, "--out", again]).code == 0)
        for name in workbooks {
            let first = try Data(contentsOf: URL(fileURLWithPath: out + "/\(name).xlsx"))
            #expect(first == (try Data(contentsOf: URL(fileURLWithPath: again + "/\(name).xlsx"))), "\(name).xlsx")
        }
    }

    @Test func csvHeaderZhNamesTheColumnsInChinese() throws {
        let fixture = try Self.fixture()
        let chinese = fixture.run(["solve", fixture.scenarioPath, "--format", "csv", "--csv-header", "zh"])
        let english = fixture.run(["solve", fixture.scenarioPath, "--format", "csv"])
        #expect(chinese.code == 0 && english.code == 0, "\(chinese.error)")
        #expect(chinese.out.hasPrefix("项目编号,项目名称,所属园区,城市,资金,类别,总投资,2022年申请补助,"))
        #expect(english.out.hasPrefix("id,name,park,city,fund,category,investment,request_2022,"))
        #expect(chinese.out.split(separator: "\n").dropFirst() == english.out.split(separator: "\n").dropFirst())
        #expect(fixture.run(["solve", fixture.scenarioPath, "--csv-header", "fr"]).code == 64)
    }
}
