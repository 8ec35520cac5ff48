import Foundation
import GreenAllocCLI
import Testing

/// The report's basis, outcome tables and warnings on real runs: the bundled baseline states its rules in words,
/// and its outcome totals are the funded projects' θ × value, recomputed here from allocation.json and the
/// projects table.
@Suite struct ReportBasisRunTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The chapter `## title` of a Markdown report, up to the next chapter.
    static func chapter(_ title: String, in report: String) -> String {
        guard let start = report.range(of: "\n## " + title + "\n") else { return "" }
        let rest = report[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    /// The rows of the first table after `### title` in `text`, as cells.
    static func table(_ title: String, in text: String) -> [[String]] {
        guard let start = text.range(of: "### " + title + "\n") else { return [] }
        var rows: [[String]] = []
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            guard line.hasPrefix("|") else { if rows.isEmpty { continue } else { break } }
            rows.append(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return Array(rows.dropFirst(2))
    }

    static func number(_ cell: String) -> Double? { Double(cell.replacingOccurrences(of: ",", with: "")) }

    /// A shown amount agrees with the exact one to its rounding (0.1 from 100 up, else 3 significant digits).
    static func agrees(_ shown: Double?, _ exact: Double) -> Bool {
        guard let shown else { return false }
        return abs(shown - exact) <= (abs(exact) >= 100 ? 0.05 + 1e-9 : max(0.005 * abs(exact), 5e-7))
    }

    @Test func baselineStatesItsBasisAndOutcomes() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-basis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let scenario = Self.root.appendingPathComponent("Scenarios/shandong/baseline-2022.yaml").path
        let capture = Console.Capture()
        #expect(CommandLineRunner.run(["solve", scenario, "--out", out.path], console: capture.console) == 0, "\(capture.error)")
        let zh = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let en = try String(contentsOf: out.appendingPathComponent("report.en.md"), encoding: .utf8)

        let basis = Self.chapter("分配依据", in: zh)
        for fact in [
            "| 化学需氧量减排量 | t/a | 20 | 每吨计 20 分 |", "| 氨氮减排量 | t/a | 100 | 每吨计 100 分 |",
            "| 生态工业园区优先 | ×1.2 | 所属园区的状态为省级生态工业园区、国家生态工业园区或创建中 |",
            "| 成熟项目优先 | ×1.15 | 前期工作阶段达到具备开工条件及以上 |",
            "每新命名一个生态工业园区计 10,000 分，相当于二氧化碳减排量 10,000.0 t/a",
            "省级项目库状态为已入库、补充入库或已获支持 | 8,000.00 万元 | 50% |", "每新命名一个园区 300.00 万元",
            "不超过「省生态环境保护专项资金」全部项目当年的补助总额的 15%", "项目类别为能力建设",
            "| （十七）撤销称号园区 | 所属园区的状态为称号已撤销 |", "所属园区的禁申截止日期晚于基准日（2022-03-31）",
            "| 2022年底生态工业园区约30家 | 2022年底生态工业园区不少于 30 个 | 硬目标：必须达到 |", "**同分规则**",
        ] {
            #expect(basis.contains(fact), "missing: \(fact)")
        }
        for raw in ["project.", "park.", "==", "['", "as_of", "named_provincial", "ready_to_start"] {
            #expect(!basis.contains(raw), "raw expression text in the basis: \(raw)")
        }
        let english = Self.chapter("Basis of allocation", in: en)
        #expect(english.contains("| COD reduced | t/a | 20 | 20 points a tonne |"))
        #expect(english.contains("its park's status is provincial eco-industrial park, national eco-industrial park or under construction"))
        #expect(Self.chapter("注意", in: zh).contains("土壤类：71 个项目申请 213,039.50 万元，获补 0.00 万元"))
        #expect(Self.chapter("Warnings", in: en).contains("soil: 71 projects asked for 213,039.50 万元 and got 0.00 万元"))

        // Outcomes: Σ θ × value over the funded projects, from allocation.json and the projects table.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("allocation.json"))) as? [String: Any])
        let values = try Self.projectValues(Self.root.appendingPathComponent("Scenarios/shandong/data/projects-2022-2024.csv"))
        let columns = ["co2_t", "cod_t", "nh3n_t", "so2_t", "nox_t", "vocs_t"]
        var total = [Double](repeating: 0, count: columns.count)
        var byCity: [String: [Double]] = [:]
        for project in json.projects where project["funded"] as? Bool == true {
            let id = project["id"] as? String ?? "", share = project["share"] as? Double ?? 0
            var city = byCity[project["city"] as? String ?? "", default: total.map { _ in 0 }]
            for (index, column) in columns.enumerated() {
                total[index] += share * (values[id]?[column] ?? 0)
                city[index] += share * (values[id]?[column] ?? 0)
            }
            byCity[project["city"] as? String ?? ""] = city
        }
        let outcomes = Self.chapter("绩效目标表", in: zh)
        let indicatorRows = Self.table("按指标", in: outcomes)
        #expect(indicatorRows.map { $0[0] } == ["二氧化碳减排量", "化学需氧量减排量", "氨氮减排量", "二氧化硫减排量", "氮氧化物减排量", "挥发性有机物减排量"])
        for (index, row) in indicatorRows.enumerated() where index < total.count {
            #expect(Self.agrees(Self.number(row[2]), total[index]), "\(row[0]): \(row[2]) vs \(total[index])")
        }
        let cityRows = Self.table("按城市", in: outcomes)
        #expect(cityRows.count == byCity.count + 1)
        for row in cityRows.dropLast() {
            let id = String(row[0].split(separator: "（").last?.dropLast() ?? "")
            let exact = try #require(byCity[id], "\(row[0])")
            for index in columns.indices { #expect(Self.agrees(Self.number(row[2 + index]), exact[index]), "\(row[0]) \(columns[index])") }
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h2>分配依据</h2>") && html.contains("<h2>绩效目标表</h2>") && html.contains("<h2>注意</h2>"))
        #expect(html.contains("绩效：二氧化碳减排量（t/a），按城市"))
    }

    static let smallYAML = ScenarioFixture.header() + """
        funds:
          - id: f1
            name: 专项资金
            budget: {2022: 1000, 2023: 0}
        exclude:
          - name: 撤销园区
            when: "park.status == 'revoked'"
            reason: 称号已撤销
        objective:
          maximize: benefit
          weights: {co2_t: 1}
        indicators:
          cod_t: {zh: 化学需氧量, en: COD, unit: t}
          co2_t: {zh: 碳减排, en: carbon cut, unit: t/a}
        """
    static let smallProjects = """
        id,name,park,fund,category,investment,request_2022,co2_t,cod_t
        P1,甲,K1,f1,air,1000,300,50,2
        P2,乙,K2,f1,air,1000,200,40.5,
        P3,丙,K1,f1,soil,1000,100,,30
        P4,丁,K2,f1,soil,1000,100,0,12
        P5,戊,K3,f1,water,1000,100,80,1

        """

    /// A category whose projects weigh nothing in the objective, and one whose projects are all excluded, are
    /// called out with the reason; the scenario's indicator labels and order are the tables' and charts'.
    @Test func smallRunWarnsAndUsesTheIndicatorLabels() throws {
        let fixture = try ScenarioFixture(yaml: Self.smallYAML, projects: Self.smallProjects)
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out])
        #expect(result.code == 0, "\(result.error)")
        let zh = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let en = try String(contentsOfFile: out + "/report.en.md", encoding: .utf8)
        let warnings = Self.chapter("注意", in: zh)
        #expect(warnings.contains("土壤类：2 个项目申请 200.00 万元，获补 0.00 万元（占全部补助的 0.0%）：目标函数未计入这些项目的任何指标"))
        #expect(warnings.contains("水类：1 个项目申请 100.00 万元，获补 0.00 万元（占全部补助的 0.0%）：没有可补助的项目（被排除规则排除 1 个）"))
        #expect(!warnings.contains("大气"))
        #expect(Self.chapter("Warnings", in: en).contains("soil: 2 projects asked for 200.00 万元 and got 0.00 万元 (0.0% of all subsidies): the objective weighs none"))
        // P1 and P2 are funded in full: COD 2 t, carbon 90.5 t/a.
        let rows = Self.table("按指标", in: Self.chapter("绩效目标表", in: zh))
        #expect(rows.map { Array($0.prefix(3)) } == [["化学需氧量", "t", "2.00"], ["碳减排", "t/a", "90.5"]])
        // By city: 济南 has P1 (P3 is not funded), 青岛 has P2.
        #expect(Self.table("By city", in: Self.chapter("Outcomes", in: en)).map { Array($0[2...3]) } == [["2.00", "50.0"], ["0", "40.5"], ["2.00", "90.5"]])
        #expect(Self.chapter("Outcomes", in: en).contains("| Category | Subsidy (万元) | COD (t) | carbon cut (t/a) |"))
        let html = try String(contentsOfFile: out + "/report.en.html", encoding: .utf8)
        #expect(html.contains("Outcome: COD (t), by city"))
    }

    /// `indicators:` names numeric projects columns; errors point at the key.
    @Test func indicatorErrorsAreLocated() throws {
        let yaml = Self.smallYAML.replacingOccurrences(of: "  cod_t: {zh: 化学需氧量, en: COD, unit: t}", with: "  name: {zh: 名称}\n  pm_t: {zh: 颗粒物, colour: red}")
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.smallProjects)
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65)
        #expect(result.error.contains("scenario.yaml:21:19: error: unknown key 'colour' in indicators.pm_t"), "\(result.error)")
        let fixed = try ScenarioFixture(yaml: yaml.replacingOccurrences(of: ", colour: red", with: ""), projects: Self.smallProjects)
        let second = fixed.run(["validate", fixed.scenarioPath])
        #expect(second.code == 65)
        #expect(second.error.contains("scenario.yaml:20:3: error: indicator 'name': column 'name' is not numeric"), "\(second.error)")
        #expect(second.error.contains("scenario.yaml:21:3: error: indicator 'pm_t': projects.csv has no column 'pm_t'"), "\(second.error)")
    }

    /// Project id → its numeric cells, by column.
    static func projectValues(_ url: URL) throws -> [String: [String: Double]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        var values: [String: [String: Double]] = [:]
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == header.count else { continue }
            var row: [String: Double] = [:]
            for (column, cell) in zip(header, cells) { row[column] = Double(cell) }
            values[cells[0]] = row
        }
        return values
    }
}
