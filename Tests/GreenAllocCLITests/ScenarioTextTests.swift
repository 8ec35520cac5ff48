import Foundation
import Spreadsheet
import Testing

/// Names and reasons as `{zh, en}`, `report_only` targets with what the naming budget can still reach, and the
/// `owner`/`county` columns in the lists, on a small scenario whose figures are worked out by hand below.
@Suite struct ScenarioTextTests {
    /// Parks: K1 named; K2, K4–K7 under construction; K3 revoked (6 parks counted). K2's package asks in 2022,
    /// K7's in 2023, K4's only in 2024 (after the horizon), K5 is barred until 2026, K6's package is excluded.
    static let parks = """
        id,name,city,status,barred_until,naming_year
        K1,甲园区,370100,named_provincial,,
        K2,乙园区,370200,under_construction,,
        K3,丙园区,370200,revoked,,
        K4,丁园区,370100,under_construction,,
        K5,戊园区,370100,under_construction,2026-01-01,
        K6,己园区,370200,under_construction,,
        K7,庚园区,370200,under_construction,,

        """

    static let projects = """
        id,name,park,fund,category,investment,request_2022,request_2023,request_2024,naming_prerequisite,benefit,owner,county
        P1,一号项目,K1,f1,water,100,10,10,,false,3,甲公司,历城区
        P2,二号项目,K2,f1,air,100,10,,,true,5,乙公司,黄岛区
        P4,四号项目,K4,f1,air,100,,,10,true,5,丁公司,章丘区
        P5,五号项目,K5,f1,air,100,10,,,true,5,戊公司,章丘区
        P6,六号项目,K6,f1,bad,100,10,,,true,5,己公司,黄岛区
        P7,七号项目,K7,f1,air,100,,10,,true,5,庚公司,黄岛区

        """

    static let yaml = ScenarioFixture.header().replacingOccurrences(
        of: "scenario: test", with: "scenario: {zh: 测试情景, en: Test scenario}") + """
        funds:
          - id: f1
            name: {zh: 专项资金, en: Special fund}
            budget: 1000
          - id: naming
            name: 命名奖补
            kind: naming_award
            award: 100
            budget: {2022: 100, 2023: 50}
        limits:
          - name: {zh: 单市上限, en: City cap}
            sum: subsidy
            group_by: city
            max_share: 0.9
        exclude:
          - name: {zh: 不良类别, en: Bad category}
            when: "project.category == 'bad'"
            reason: {zh: 该类别不予支持, en: this category is not supported}
        objective:
          maximize: benefit
          weights: {benefit: 1}
          bonuses:
            - name: {zh: 空气优先, en: Air first}
              when: "project.category == 'air'"
              factor: 1.1
          naming_value: 1000
        targets:
          - name: {zh: 2025年园区占比60%, en: Parks at 60% by 2025}
            metric: eco_park_share
            year: 2025
            min: 0.6
            report_only: true
          - name: 2025年至少3家
            metric: eco_park_count
            year: 2025
            min: 3
            report_only: true

        """

    static let chinese = ["测试情景", "专项资金", "单市上限", "不良类别", "该类别不予支持", "2025年园区占比60%"]
    static let english = ["Test scenario", "Special fund", "City cap", "Bad category", "this category is not supported",
        "Parks at 60% by 2025"]

    func solved() throws -> ScenarioFixture {
        let fixture = try ScenarioFixture(yaml: Self.yaml, projects: Self.projects, parks: Self.parks)
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("out")])
        #expect(result.code == 0, "\(result.error)")
        return fixture
    }

    func read(_ fixture: ScenarioFixture, _ name: String) throws -> String {
        try String(contentsOfFile: fixture.path("out/" + name), encoding: .utf8)
    }

    @Test func eachReportPrintsItsLanguage() throws {
        let fixture = try solved()
        for name in ["report.md", "report.html"] {
            let text = try read(fixture, name)
            for word in Self.chinese { #expect(text.contains(word), "\(name) lacks \(word)") }
            for word in Self.english { #expect(!text.contains(word), "\(name) holds \(word)") }
        }
        for name in ["report.en.md", "report.en.html"] {
            let text = try read(fixture, name)
            for word in Self.english { #expect(text.contains(word), "\(name) lacks \(word)") }
            for word in Self.chinese { #expect(!text.contains(word), "\(name) holds \(word)") }
            // A plain string serves both languages.
            #expect(text.contains("命名奖补") && text.contains("2025年至少3家"))
        }
        // Keys stay Chinese: allocation.json names rules and targets by their zh text.
        let json = try JSONSerialization.jsonObject(with: Data(read(fixture, "allocation.json").utf8)) as? [String: Any] ?? [:]
        #expect(json["scenario"] as? String == "测试情景")
        let p6 = json.project("P6")["excluded_by"] as? [[String: String]]
        #expect(p6 == [["rule": "不良类别", "reason": "该类别不予支持"]])
        // The reasons in words follow --lang: bonuses and exclusions by their English names.
        let english = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("en"), "--lang", "en"])
        #expect(english.code == 0)
        let csv = try String(contentsOfFile: fixture.path("en/projects.csv"), encoding: .utf8)
        #expect(csv.contains("bonus Air first ×1.1") && csv.contains("excluded by rule Bad category: this category is not supported"))
        #expect(!csv.contains("空气优先") && !csv.contains("该类别不予支持"))
        let chinese = try read(fixture, "projects.csv")
        #expect(chinese.contains("加分「空气优先」×1.1") && !chinese.contains("Air first"))
    }

    /// Horizon 2022–2023. The plan names K2 in 2022 (100 of 100); K7 (2023) needs 100 of the 50 there. Eco parks:
    /// K1 + K2 = 2 of 6 (0.3333). Still namable by 2025: K4 (package after the horizon) and K7 — not K5 (barred
    /// into 2026) nor K6 (excluded package). Naming money: 50 left in 2023 + 50 for each of 2024 and 2025 = 150,
    /// one award of 100: at most 3 parks (50%) — short of 60%, enough for 3.
    @Test func reportOnlyTargetsShowTheReach() throws {
        let fixture = try solved()
        let json = try JSONSerialization.jsonObject(with: Data(read(fixture, "allocation.json").utf8)) as? [String: Any] ?? [:]
        #expect((json["parks"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["K2"])
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.count == 2)
        let share = targets[0], count = targets[1]
        #expect(share["report_only"] as? Bool == true && share["hard"] as? Bool == false)
        #expect(abs((share["value"] as? Double ?? 0) - 2.0 / 6) < 1e-12 && share["met"] as? Bool == false)
        let reach = try #require(share["reachable"] as? [String: Any])
        #expect(reach["parks"] as? Int == 3 && reach["additional_parks"] as? Int == 1)
        #expect(reach["namable_parks"] as? Int == 2 && reach["naming_money"] as? Double == 150)
        #expect(reach["value"] as? Double == 0.5 && reach["met"] as? Bool == false)
        #expect(reach["later_years"] as? [Int] == [2024, 2025] && reach["later_year_budget"] as? Double == 50)
        #expect(count["value"] as? Double == 2 && count["met"] as? Bool == false)
        #expect((count["reachable"] as? [String: Any])?["met"] as? Bool == true)
        let report = try read(fixture, "report.md")
        #expect(report.contains("至2025年最多可达3家（50%），低于60%目标。"), "\(report)")
        #expect(report.contains("至2025年最多可达3家，可达到3目标。"))
        #expect(report.contains("| 参考 |"))
        let english = try read(fixture, "report.en.md")
        #expect(english.contains("at most 3 eco parks (50%) by 2025 — short of the 60% target."), "\(english)")
        // Not a constraint: the binding section does not list it.
        #expect(!english.contains("| target | Parks at 60% by 2025"))
    }

    @Test func ownerAndCountyColumnsAppearWhenTheTableHasThem() throws {
        let fixture = try solved()
        let csv = try read(fixture, "projects.csv")
        let lines = csv.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,name,owner,park,city,county,fund,category,") == true)
        #expect(lines.contains { $0.hasPrefix("P2,二号项目,乙公司,K2,370200,黄岛区,f1,air,") })
        let report = try read(fixture, "report.md")
        #expect(report.contains("| 城市 | 县（市、区） | 项目 | 名称 | 项目单位 | 园区 |"))
        #expect(report.contains("| 青岛市（370200） | 黄岛区 | P2 | 二号项目 | 乙公司 | K2 |"))
    }

    /// An infeasible floor: the English report's finding, conflict and diagnosis name it in English.
    @Test func diagnosisNamesRulesInTheReportsLanguage() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "exclude:\n", with: """
              - name: {zh: 补助下限, en: Subsidy floor}
                sum: subsidy
                min: 100000
            exclude:

            """)
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.projects, parks: Self.parks)
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("out")])
        #expect(result.code == 3, "\(result.error)")
        let english = try read(fixture, "report.en.md")
        #expect(english.contains("the floor of \"Subsidy floor\" is 100000") && english.contains("1. limit Subsidy floor"))
        #expect(!english.contains("补助下限"))
        let chinese = try read(fixture, "report.md")
        #expect(chinese.contains("1. 限制「补助下限」") && !chinese.contains("Subsidy floor"))
        #expect(chinese.contains("限制「补助下限」的下限为 100000"))
    }

    @Test func explainWorkbookNamesRulesInItsLanguage() throws {
        let fixture = try ScenarioFixture(yaml: Self.yaml, projects: Self.projects, parks: Self.parks)
        for (language, sheet, reason) in [
            ("en", "Projects", "excluded by a rule; rule Bad category: this category is not supported"),
            ("zh", "项目说明", "被排除规则排除；排除规则「不良类别」：该类别不予支持"),
        ] {
            let (_, reader) = try WhatIfWorkbookTests.run(
                fixture, ["explain", fixture.scenarioPath, "--lang", language], workbook: "explain.xlsx")
            #expect(WhatIfWorkbookTests.rows(try reader.table(sheet: sheet))["P6"]?[4] == reason)
            try FileManager.default.removeItem(atPath: fixture.path("out-1"))
            try FileManager.default.removeItem(atPath: fixture.path("out-2"))
        }
    }

    @Test func extendsMergesByTheChineseName() throws {
        let fixture = try ScenarioFixture(yaml: Self.yaml, projects: Self.projects, parks: Self.parks)
        try fixture.write("child.yaml", """
            extends: scenario.yaml
            limits:
              - name: 单市上限
                max_share: 0.8
            exclude:
              - name: {zh: 不良类别, en: Unsupported category}
            targets:
              - name: 2025年园区占比60%
                remove: true

            """)
        let result = fixture.run(["validate", fixture.path("child.yaml"), "--merged"])
        #expect(result.code == 0, "\(result.error)")
        let merged = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
        let limits = merged["limits"] as? [[String: Any]] ?? []
        #expect(limits.count == 1)
        #expect(limits.first?["name"] as? [String: String] == ["zh": "单市上限", "en": "City cap"])
        #expect((limits.first?["max_share"] as? String) == "0.8")
        let exclude = merged["exclude"] as? [[String: Any]] ?? []
        #expect(exclude.first?["name"] as? [String: String] == ["zh": "不良类别", "en": "Unsupported category"])
        #expect((merged["targets"] as? [[String: Any]])?.count == 1)
    }

    @Test(arguments: [
        ("name: {zh: 专项资金, fr: Fonds}", 10, 22, "unknown key 'fr' in fund 'f1' name"),
        ("name: {zh: 专项资金}", 10, 11, "'name' written as a mapping needs both zh and en (missing 'en')"),
        ("name: {zh: 专项资金, en: [a]}", 10, 26, "'name.en' must be a non-empty text, found a list"),
        ("name: [专项资金]", 10, 11, "'name' must be a text or {zh: …, en: …}, found a list"),
    ])
    func mappingErrorsAreLocated(name: String, line: Int, column: Int, message: String) throws {
        let yaml = Self.yaml.replacingOccurrences(of: "name: {zh: 专项资金, en: Special fund}", with: name)
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.projects, parks: Self.parks)
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65)
        let prefix = fixture.scenarioPath + ":\(line):\(column):"
        #expect(result.error.split(separator: "\n").contains { $0.hasPrefix(prefix) && $0.contains(message) }, "\(result.error)")
    }

    @Test func reportOnlyTakesNoPenalty() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "    min: 3\n    report_only: true", with: "    min: 3\n    report_only: true\n    penalty: 5")
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.projects, parks: Self.parks)
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65)
        #expect(result.error.contains(fixture.scenarioPath + ":45:14:"), "\(result.error)")
        #expect(result.error.contains("a report_only target has no penalty"))
    }
}
