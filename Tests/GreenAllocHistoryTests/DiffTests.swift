import Foundation
import GreenAllocHistory
import Spreadsheet
import Testing

/// `diff` on hand-made pairs of runs: one budget changed; one table row edited and one rule added.
@Suite struct DiffTests {
    func json(_ fixture: HistoryFixture, _ a: Int, _ b: Int) throws -> [String: Any] {
        let result = fixture.run(["diff", String(a), String(b), "--format", "json", "--history", fixture.history])
        #expect(result.code == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    func solve(_ fixture: HistoryFixture) {
        let result = fixture.run(["solve", fixture.path("base.yaml"), "--format", "json", "--history", fixture.history])
        #expect(result.code == 0, "\(result.error)")
    }

    @Test func aBudgetChangeAndARowEditAndARuleAdded() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        solve(fixture)
        // 2022 budget 100 → 200: P1 (request 60 in 2022) now fits beside P2 and P3.
        try fixture.write("base.yaml", HistoryFixture.base.replacingOccurrences(of: "{2022: 100, 2023: 100}", with: "{2022: 200, 2023: 100}"))
        solve(fixture)
        let first = try json(fixture, 1, 2)
        #expect((first["before"] as? [String: Any])?["id"] as? Int == 1 && (first["after"] as? [String: Any])?["id"] as? Int == 2)
        let files = try #require(first["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["base.yaml"] && files.first?["change"] as? String == "changed")
        let scenario = try #require(first["scenario"] as? [[String: Any]])
        #expect(scenario.count == 1 && scenario.first?["key"] as? String == "funds[f1].budget.2022")
        #expect(scenario.first?["before"] as? String == "100" && scenario.first?["after"] as? String == "200")
        #expect((first["settings"] as? [Any])?.isEmpty == true)
        let results = try #require(first["results"] as? [String: Any])
        #expect((results["newly_funded"] as? [[String: Any]])?.map { $0["id"] as? String } == ["P1"])
        #expect((results["dropped"] as? [Any])?.isEmpty == true)
        let cities = try #require(results["cities"] as? [[String: Any]])
        #expect(cities.count == 1 && cities.first?["key"] as? String == "370100" && cities.first?["name"] as? String == "济南市")
        #expect(cities.first?["before"] as? Double == 50 && cities.first?["after"] as? Double == 110)

        // P4's 2023 request 80 → 120, and a rule that excludes the water projects of park K2 (P3 and P4).
        try fixture.write("data/projects.csv", HistoryFixture.projects.replacingOccurrences(of: "P4,四号,K2,f1,water,1000,,80,70", with: "P4,四号,K2,f1,water,1000,,120,70"))
        try fixture.write(
            "base.yaml",
            HistoryFixture.base.replacingOccurrences(of: "{2022: 100, 2023: 100}", with: "{2022: 200, 2023: 100}")
                + "exclude:\n  - name: K2 无水项目\n    when: park.id == 'K2' and project.category == 'water'\n")
        solve(fixture)
        let second = try json(fixture, 2, 3)
        let changed = try #require(second["files"] as? [[String: Any]])
        #expect(changed.map { $0["path"] as? String } == ["base.yaml", "data/projects.csv"])
        let cells = try #require(changed.last?["cells"] as? [[String: String]])
        #expect(cells == [["row": "P4", "column": "request_2023", "before": "80", "after": "120"]])
        let rules = try #require(second["scenario"] as? [[String: Any]])
        #expect(rules.map { $0["key"] as? String } == ["exclude"] && (rules.first?["after"] as? String)?.contains("K2 无水项目") == true)
        let dropped = try #require((second["results"] as? [String: Any])?["dropped"] as? [[String: Any]])
        #expect(dropped.map { $0["id"] as? String } == ["P3", "P4"] && dropped.map { $0["subsidy"] as? Double } == [50, 80])

        let markdown = fixture.run(["diff", "2", "3", "--history", fixture.history])
        #expect(markdown.out.contains("| P4 | request_2023 | 80 | 120 |") && markdown.out.contains("### Dropped (2)"))
        #expect(markdown.out.contains("| 370200 | 青岛市 | 130 | 0 | -130 |"))
        let csv = fixture.run(["diff", "2", "3", "--format", "csv", "--history", fixture.history]).out.split(separator: "\n")
        #expect(csv.first == "section,key,name,before,after")
        #expect(csv.contains("cell,data/projects.csv,P4 request_2023,80,120") && csv.contains("dropped,P4,四号,80,"))
        #expect(csv.contains("city,370200,青岛市,130,0") && csv.contains("file,base.yaml,changed,,"))
        try checkWorkbook(fixture)
        for run in ["1", "2", "3"] {
            #expect(fixture.run(["replay", run, "--history", fixture.history]).code == 0)
        }
    }

    /// `--format xlsx --out FILE`: the same changes, read back from the workbook; money as numbers.
    func checkWorkbook(_ fixture: HistoryFixture) throws {
        #expect(fixture.run(["diff", "2", "3", "--format", "xlsx", "--history", fixture.history]).code == 64)
        let path = fixture.path("diff.xlsx")
        let result = fixture.run(["diff", "2", "3", "--format", "xlsx", "--out", path, "--history", fixture.history])
        #expect(result.code == 0, "\(result.error)")
        let book = try WorkbookReader(path: path)
        let runs = try #require(try book.table(sheet: "Runs"))
        #expect(runs.rows.map { $0.first } == ["2", "3"])
        let changes = try #require(try book.table(sheet: "Changes"))
        #expect(changes.header == ["section", "key", "name", "before", "after"])
        #expect(changes.rows.contains { $0.prefix(3) == ["cell", "data/projects.csv", "P4 request_2023"] && $0.last == "120" })
        let dropped = try #require(changes.rows.first { $0.prefix(2) == ["dropped", "P4"] })
        #expect(Double(dropped[3].replacingOccurrences(of: ",", with: "")) == 80)
        let totals = try #require(try book.table(sheet: "Totals"))
        let qingdao = try #require(totals.rows.first { $0.prefix(2) == ["city", "370200"] })
        #expect(qingdao.suffix(3).map { Double($0.replacingOccurrences(of: ",", with: "")) } == [130, 0, -130])
    }

    @Test func anUnknownRunIsAUsageError() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        solve(fixture)
        let result = fixture.run(["diff", "1", "9", "--history", fixture.history])
        #expect(result.code == 64 && result.error.contains("no run 9"))
    }
}
