import Foundation
import Testing

/// Deferral (scenario-format §15.4): a hand-checked scenario, input errors at their cells, and random small
/// scenarios against `DeferralReference`'s enumeration of every start year.
@Suite struct DeferralTests {
    static let handProjects = """
        id,name,park,fund,category,investment,request_2022,request_2023,naming_prerequisite,defer_max,benefit
        P1,甲,K1,f1,air,1000,100,,false,,200
        P2,乙,K1,f1,air,1000,60,,false,,90
        P3,丙,K2,f1,air,1000,40,,true,,10
        P4,丁,K1,f1,air,1000,10,,false,0,5

        """

    static let handYAML = ScenarioFixture.header() + """
        funds:
          - {id: f1, name: 专项资金, budget: {2022: 100, 2023: 110}}
          - {id: award, name: 命名奖补, kind: naming_award, award: 300, budget: {2022: 300, 2023: 300}}
        deferral: {defer_max: 1, defer_penalty: 0.1}
        objective:
          maximize: benefit
          weights: {benefit: 1}
          naming_value: 1000

        """

    /// By hand: 2022 holds P1 (100) alone; P2 and P3 move to 2023 (60 + 40 ≤ 110) at 90% of their benefit, and
    /// K2, whose prerequisite P3 now ends in 2023, is named in 2023: 200 + 81 + 9 + 1000 = 1290. Starting P2 and P3
    /// as asked and P1 a year late gives 180 + 90 + 10 + 1000 = 1280. P4 would fit in 2023 (10 ≤ 110 − 100) but its
    /// own `defer_max` is 0 and 2022 is full.
    @Test func handCheckedScenario() throws {
        let fixture = try ScenarioFixture(yaml: Self.handYAML, projects: Self.handProjects)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(abs(result.json.objective - 1290) < 1e-6)
        #expect(result.json.project("P1")["start_year"] as? Int == 2022)
        #expect(result.json.project("P2")["deferred_years"] as? Int == 1)
        #expect(result.json.project("P2")["start_year"] as? Int == 2023)
        #expect((result.json.project("P2")["subsidy"] as? [String: Double]) == ["2022": 0, "2023": 60])
        #expect(result.json.project("P3")["start_year"] as? Int == 2023)
        #expect(result.json.project("P4")["funded"] as? Bool == false)
        #expect(result.json.project("P4")["start_year"] is NSNull)
        let parks = result.json["parks"] as? [[String: Any]] ?? []
        #expect(parks.count == 1 && parks.first?["id"] as? String == "K2" && parks.first?["named_in"] as? Int == 2023)
        let reasons = result.json.project("P2")["reasons"] as? [String] ?? []
        #expect(reasons.contains("延期1年：2023年起安排"))
    }

    /// The outputs: projects.csv's two columns and the report's chapter, in each language.
    @Test func outputsShowTheStartYear() throws {
        let fixture = try ScenarioFixture(yaml: Self.handYAML, projects: Self.handProjects)
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--no-history"])
        #expect(result.code == 0, "\(result.error)")
        let csv = try String(contentsOfFile: out + "/projects.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.contains("subsidy_total,start_year,deferred_years,score") == true)
        #expect(lines.first { $0.hasPrefix("P2,") }?.contains(",60,2023,1,") == true)
        let zh = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let en = try String(contentsOfFile: out + "/report.en.md", encoding: .utf8)
        #expect(zh.contains("## 延期安排") && zh.contains("共 2 个项目延期开工"))
        #expect(en.contains("## Deferred projects") && !en.contains("延期安排"))
    }

    /// Without deferral the same tables give no start-year columns (the outputs of format 1.1).
    @Test func withoutDeferralNothingChanges() throws {
        let yaml = Self.handYAML.replacingOccurrences(of: "deferral: {defer_max: 1, defer_penalty: 0.1}\n", with: "")
        let projects = Self.handProjects.replacingOccurrences(of: ",defer_max", with: "")
            .replacingOccurrences(of: ",,200", with: ",200").replacingOccurrences(of: ",,90", with: ",90")
            .replacingOccurrences(of: ",,10\n", with: ",10\n").replacingOccurrences(of: ",0,5", with: ",5")
        let fixture = try ScenarioFixture(yaml: yaml, projects: projects)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(result.json.project("P1")["start_year"] == nil)
        // Everything asks for 2022 (100): P2 and P3 (100) with K2 named beat P1 alone: 90 + 10 + 1000 = 1100.
        #expect(abs(result.json.objective - 1100) < 1e-6)
    }

    @Test func badCellsAndKeysAreInputErrors() throws {
        let projects = Self.handProjects.replacingOccurrences(of: "P4,丁,K1,f1,air,1000,10,,false,0,5", with: "P4,丁,K1,f1,air,1000,10,,false,soon,5")
        let fixture = try ScenarioFixture(yaml: Self.handYAML, projects: projects)
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65)
        #expect(result.error.contains(fixture.path("projects.csv") + ":5:10: error: defer_max 'soon' is not a number"), "\(result.error)")
        let yaml = Self.handYAML.replacingOccurrences(of: "defer_penalty: 0.1", with: "defer_penalty: 1.5")
        let second = try ScenarioFixture(yaml: yaml, projects: Self.handProjects)
        let run = second.run(["solve", second.scenarioPath, "--out", second.path("out")])
        #expect(run.code == 65)
        #expect(run.error.contains(second.path("scenario.yaml") + ":11:"), "\(run.error)")
        #expect(run.error.contains("deferral.defer_penalty: 1.5 must lie in [0, 1]"))
        #expect(!FileManager.default.fileExists(atPath: second.path("out")))
    }

    @Test(arguments: 0..<40)
    func randomScenarioMatchesEnumeration(seed: Int) throws {
        let scenario = RandomDeferralCase(seed: UInt64(seed))
        let fixture = try ScenarioFixture(yaml: scenario.yaml, projects: scenario.projectsCSV, parks: scenario.parksCSV)
        let expected = DeferralReference.optimum(scenario)
        let result = try fixture.solve(["--no-tiebreak"])
        guard let expected else {
            #expect(result.code == 3, "seed \(seed): expected infeasible, got \(result.json.status)")
            return
        }
        #expect(result.code == 0, "seed \(seed): \(result.error)")
        #expect(abs(result.json.objective - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed)")
        // The plan read back is one the reference accepts, and the naming year follows the prerequisites.
        var starts: [Int?] = []
        for (project, entry) in zip(scenario.projects, result.json.projects) {
            let funded = entry["funded"] as? Bool ?? false
            let shift = entry["deferred_years"] as? Int ?? 0
            starts.append(funded ? shift : nil)
            let subsidy = entry["subsidy"] as? [String: Double] ?? [:]
            for (position, year) in RandomDeferralCase.years.enumerated() where funded {
                let asked = position - shift >= 0 ? project.request[position - shift] : 0
                #expect(abs((subsidy[String(year)] ?? 0) - asked) < 1e-6, "seed \(seed): \(project.id) \(year)")
            }
        }
        let parks = result.json["parks"] as? [[String: Any]] ?? []
        let plan = DeferralReference.evaluate(scenario, shifts: starts, named: !parks.isEmpty)
        #expect(plan != nil && abs((plan ?? 0) - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed): plan \(starts)")
        if let park = parks.first {
            #expect(park["named_in"] as? Int == DeferralReference.namingYear(scenario, shifts: starts), "seed \(seed)")
        }
    }
}
