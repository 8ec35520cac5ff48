import Foundation
import Testing

/// scenario-format §12: `extends` through the command line (validate --merged and solve).
@Suite struct InheritanceTests {
    static let base = ScenarioFixture.header() + """
        funds:
          - id: f1
            name: 专项资金
            budget: {2022: 100, 2023: 40}
            per_project: 80
          - id: f2
            name: 第二资金
            budget: {2022: 10, 2023: 10}
        limits:
          - name: 单市上限
            sum: subsidy
            group_by: city
            max: 90
          - name: 数量上限
            sum: count
            max: 5
        exclude:
          - name: 撤销
            when: "park.status == 'revoked'"
            reason: 撤销称号
        objective:
          maximize: benefit
          weights: {benefit: 1}
        solver: {time_limit: 30, mip_gap: 0, tiebreak: true}

        """

    static let projects = SolveFeatureTests.projectsHeader + """
        P1,a,K1,f1,air,1000,60,,,,,,,yes,60
        P2,b,K1,f1,air,1000,50,,,,,,,yes,50
        P3,c,K2,f1,air,1000,50,,,,,,,yes,50

        """

    func merged(_ fixture: ScenarioFixture, _ file: String) throws -> [String: Any] {
        let result = fixture.run(["validate", fixture.path(file), "--merged"])
        #expect(result.code == 0, "\(result.error)")
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
    }

    @Test func mapsMergeKeyByKeyAndListsByIdOrName() throws {
        let fixture = try ScenarioFixture(yaml: Self.base, projects: Self.projects)
        try fixture.write("child.yaml", """
            extends: scenario.yaml
            scenario: child
            years: [2022]
            funds:
              - id: f1
                budget: {2022: 60}
              - id: f3
                name: 新资金
                budget: 5
            limits:
              - name: 数量上限
                max: 2
              - name: 新上限
                sum: subsidy
                max: 1000
            solver: {time_limit: 5}

            """)
        let json = try merged(fixture, "child.yaml")
        #expect(json["scenario"] as? String == "child")
        #expect(json["years"] as? [String] == ["2022"])  // other lists replace
        let funds = json["funds"] as? [[String: Any]] ?? []
        #expect(funds.map { $0["id"] as? String } == ["f1", "f2", "f3"])
        let budget = funds.first?["budget"] as? [String: Any]
        #expect(budget?["2022"] as? String == "60")  // deep merge: replaced key
        #expect(budget?["2023"] as? String == "40")  // deep merge: inherited key kept
        #expect(funds.first?["name"] as? String == "专项资金")
        #expect(funds.first?["per_project"] as? String == "80")
        let limits = json["limits"] as? [[String: Any]] ?? []
        #expect(limits.map { $0["name"] as? String } == ["单市上限", "数量上限", "新上限"])
        #expect(limits[1]["max"] as? String == "2")
        #expect(limits[1]["sum"] as? String == "count")
        let solver = json["solver"] as? [String: Any]
        #expect(solver?["time_limit"] as? String == "5")
        #expect(solver?["tiebreak"] as? String == "true")
        #expect(json["extends"] == nil)
    }

    @Test func removeTrueDeletesInheritedEntries() throws {
        let fixture = try ScenarioFixture(yaml: Self.base, projects: Self.projects)
        try fixture.write("child.yaml", """
            extends: scenario.yaml
            funds:
              - id: f2
                remove: true
            limits:
              - name: 单市上限
                remove: true
            exclude:
              - name: 撤销
                remove: true

            """)
        let json = try merged(fixture, "child.yaml")
        #expect((json["funds"] as? [[String: Any]])?.map { $0["id"] as? String } == ["f1"])
        #expect((json["limits"] as? [[String: Any]])?.map { $0["name"] as? String } == ["数量上限"])
        #expect((json["exclude"] as? [Any])?.isEmpty ?? true)
        // The merged scenario solves: without the city cap, P1 + P3 fit in 2022 (110 > 100: P1 + P2 no; P2 + P3 = 100).
        let result = fixture.run(["solve", fixture.path("child.yaml"), "--format", "json"])
        #expect(result.code == 0, "\(result.error)")
    }

    @Test func chainOfThreeFilesWithTablesRelativeToTheirFile() throws {
        let fixture = try ScenarioFixture(yaml: "unused: true\n", projects: Self.projects)
        let manager = FileManager.default
        for folder in ["base", "base/data", "mid", "mid/data", "top"] {
            try manager.createDirectory(atPath: fixture.path(folder), withIntermediateDirectories: true)
        }
        try fixture.write("base/data/cities.csv", ScenarioFixture.defaultCities)
        try fixture.write("base/data/parks.csv", ScenarioFixture.defaultParks)
        try fixture.write("base/data/projects.csv", Self.projects)
        // The middle file names its own projects table: P3 is worth more there.
        try fixture.write("mid/data/projects.csv", Self.projects.replacingOccurrences(of: "P3,c,K2,f1,air,1000,50,,,,,,,yes,50", with: "P3,c,K2,f1,air,1000,50,,,,,,,yes,500"))
        try fixture.write("base/base.yaml", Self.base.replacingOccurrences(of: "cities.csv", with: "data/cities.csv")
            .replacingOccurrences(of: "parks.csv", with: "data/parks.csv").replacingOccurrences(of: "projects.csv", with: "data/projects.csv"))
        try fixture.write("mid/mid.yaml", """
            extends: ../base/base.yaml
            scenario: mid
            tables:
              projects: data/projects.csv
            funds:
              - id: f1
                budget: {2022: 70}

            """)
        try fixture.write("top/top.yaml", """
            extends: ../mid/mid.yaml
            scenario: top
            limits:
              - name: 数量上限
                max: 1

            """)
        let json = try merged(fixture, "top/top.yaml")
        #expect(json["scenario"] as? String == "top")
        // --merged prints table paths as written; validate's summary shows where cities resolved, and the
        // solve below shows that mid's projects table (P3 worth 500) was read, not base's.
        let validate = fixture.run(["validate", fixture.path("top/top.yaml")])
        #expect(validate.code == 0, "\(validate.error)")
        #expect(validate.out.contains("base/data/cities.csv)"), "\(validate.out)")
        #expect(validate.out.contains("base.yaml → "), "\(validate.out)")
        let result = fixture.run(["solve", fixture.path("top/top.yaml"), "--format", "json"])
        #expect(result.code == 0, "\(result.error)")
        let allocation = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
        // Budget 70 in 2022 (mid), one project at most (top), P3 worth 500 (mid's table).
        #expect(allocation.fundedIDs == ["P3"])
        #expect(allocation.objective == 500)
    }

    @Test func cycleIsAnInputErrorNamingTheFiles() throws {
        let fixture = try ScenarioFixture(yaml: "extends: b.yaml\n" + Self.base, projects: Self.projects)
        try fixture.write("b.yaml", "extends: c.yaml\nscenario: b\n")
        try fixture.write("c.yaml", "extends: scenario.yaml\nscenario: c\n")
        for command in [["validate"], ["validate", "--merged"], ["solve"]] {
            let arguments = [command[0], fixture.scenarioPath] + command.dropFirst()
            let result = fixture.run(arguments)
            #expect(result.code == 65, "\(command): \(result.error)")
            #expect(result.error.contains("cycle"), "\(result.error)")
            for name in ["scenario.yaml", "b.yaml", "c.yaml"] { #expect(result.error.contains(name), "\(name) in \(result.error)") }
        }
        // A file extending itself.
        try fixture.write("self.yaml", "extends: self.yaml\n")
        let own = fixture.run(["validate", fixture.path("self.yaml")])
        #expect(own.code == 65)
        #expect(own.error.contains("self.yaml"))
    }

    @Test func missingParentIsAnInputError() throws {
        let fixture = try ScenarioFixture(yaml: "extends: nowhere.yaml\n" + Self.base, projects: Self.projects)
        let result = fixture.run(["validate", fixture.scenarioPath])
        #expect(result.code == 65)
        #expect(result.error.contains("nowhere.yaml"))
    }
}
