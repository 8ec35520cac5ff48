import Foundation
import Testing

/// Exit codes, help, export-model and determinism through the in-process command line.
@Suite struct CommandLineTests {
    static let yaml = ScenarioFixture.header() + """
        funds:
          - id: f1
            name: 专项资金
            budget: {2022: 100, 2023: 50}
        limits:
          - {name: 单市上限, sum: subsidy, fund: f1, group_by: city, per_year: true, max: 80}
        objective:
          maximize: benefit
          weights: {benefit: 1}
        """
    static let projects = """
        id,name,park,fund,category,investment,request_2022,request_2023,min_share,benefit
        P1,甲,K1,f1,air,1000,60,,,60
        P2,乙,K1,f1,water,1000,50,30,0.5,55
        P3,丙,K2,f1,air,1000,40,20,,50

        """

    func fixture() throws -> ScenarioFixture { try ScenarioFixture(yaml: Self.yaml, projects: Self.projects) }

    @Test func versionNamesGLPK() throws {
        let result = try fixture().run(["--version"])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("greenalloc "))
        #expect(result.out.contains("GLPK 5."))
    }

    @Test func usageErrorsExit64() throws {
        let fixture = try fixture()
        #expect(fixture.run(["solve"]).code == 64)
        #expect(fixture.run(["solve", fixture.scenarioPath, "--format", "xml"]).code == 64)
        #expect(fixture.run(["solve", fixture.scenarioPath, "--gap", "2"]).code == 64)
        #expect(fixture.run(["export-model", fixture.scenarioPath]).code == 64)
        #expect(fixture.run(["no-such-command"]).code == 64)
    }

    @Test func helpIsStable() throws {
        let result = try fixture().run(["solve", "--help"])
        #expect(result.code == 0)
        let golden = try String(
            contentsOf: Bundle.module.url(forResource: "solve-help", withExtension: "txt", subdirectory: "Fixtures")!,
            encoding: .utf8)
        #expect(result.out == golden)
    }

    /// `--help`, `-h` and `help NAME` show that subcommand's own help (not the help command's).
    @Test(arguments: ["solve", "explain", "rank", "compare", "sweep", "target", "validate", "export-model", "generate"])
    func everySubcommandShowsItsOwnHelp(_ name: String) throws {
        let fixture = try fixture()
        for arguments in [[name, "--help"], [name, "-h"], ["help", name]] {
            let result = fixture.run(arguments)
            #expect(result.code == 0, "\(arguments)")
            #expect(result.out.contains("USAGE: greenalloc \(name)"), "\(arguments): \(result.out.prefix(200))")
            #expect(!result.out.contains("Show subcommand help information"), "\(arguments)")
        }
        let root = fixture.run(["--help"])
        #expect(root.code == 0)
        #expect(root.out.contains("SUBCOMMANDS:") && root.out.contains("Allocate eco-environment funds"))
    }

    @Test func jsonOnStandardOutputCarriesNothingElse() throws {
        let fixture = try fixture()
        let result = fixture.run(["solve", fixture.scenarioPath, "--format", "json"])
        #expect(result.code == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(json?["format"] as? String == "greenalloc.allocation/1")
        #expect(result.error.contains("optimal"))
    }

    @Test func solveTwiceGivesIdenticalBytes() throws {
        let fixture = try fixture()
        var outputs: [[String: Data]] = []
        for run in 0..<2 {
            let directory = fixture.path("out\(run)")
            #expect(fixture.run(["solve", fixture.scenarioPath, "--out", directory]).code == 0)
            var files: [String: Data] = [:]
            for name in ["allocation.json", "projects.csv", "report.md", "report.en.md"] {
                files[name] = FileManager.default.contents(atPath: directory + "/" + name)
            }
            outputs.append(files)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0]["projects.csv"]?.starts(with: [0xEF, 0xBB, 0xBF]) == true)
    }

    @Test func exportedModelSolvedByGlpsolGivesTheSameObjective() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else {
            Issue.record("glpsol is not installed: scripts/setup.sh installs glpk-utils")
            return
        }
        let fixture = try fixture()
        let lp = fixture.path("model.lp")
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--lp", lp]).code == 0)
        let solved = try fixture.solve(["--no-tiebreak"])
        let value = try fixture.glpsolObjective(lp: lp)
        #expect(value != nil)
        #expect(abs((value ?? .nan) - solved.json.objective) <= 1e-6 * max(1, abs(solved.json.objective)))
    }

    @Test func compiledModelIsStable() throws {
        let fixture = try fixture()
        let lp = fixture.path("model.lp")
        #expect(fixture.run(["export-model", fixture.scenarioPath, "--lp", lp]).code == 0)
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        let golden = try String(
            contentsOf: Bundle.module.url(forResource: "small-model", withExtension: "lp", subdirectory: "Fixtures")!,
            encoding: .utf8)
        #expect(text == golden)
    }

    @Test func outCreatesMissingParentDirectories() throws {
        let fixture = try fixture()
        let directory = fixture.path("out/nested/run")
        #expect(fixture.run(["solve", fixture.scenarioPath, "--out", directory]).code == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/allocation.json"))
    }

    @Test func outRefusesAForeignDirectory() throws {
        let fixture = try fixture()
        let directory = fixture.path("mine")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", directory])
        #expect(result.code == 1)
        #expect(FileManager.default.contents(atPath: directory + "/notes.txt") == Data("keep".utf8))
        #expect(!FileManager.default.fileExists(atPath: directory + "/allocation.json"))
    }

    @Test func infeasibleRunExits3WithADiagnosis() throws {
        let yaml = Self.yaml + """

            targets:
              - {name: 硬目标, metric: benefit, min: 1000}
            """
        let fixture = try ScenarioFixture(yaml: yaml, projects: Self.projects)
        let result = try fixture.solve()
        #expect(result.code == 3)
        #expect(result.json.status == "infeasible")
        let diagnosis = result.json["diagnosis"] as? [String: Any]
        let conflict = diagnosis?["conflict"] as? [[String: Any]]
        #expect(conflict?.first?["kind"] as? String == "target")
    }

    @Test func conflictBetweenALockAndACityCapIsMinimal() throws {
        // P1 (60 in 2022) and P3 (40 in 2022) are locked in; the city cap of 80 holds for each city alone, but
        // the budget of 100 with P2 locked too cannot: lock P1 + lock P2 + budget 2022 conflict.
        let projects = """
            id,name,park,fund,category,investment,request_2022,request_2023,lock,benefit
            P1,甲,K1,f1,air,1000,60,,in,60
            P2,乙,K2,f1,water,1000,50,,in,55
            P3,丙,K2,f1,air,1000,10,,,50

            """
        let yaml = Self.yaml.replacingOccurrences(of: "max: 80", with: "max: 100")
        let fixture = try ScenarioFixture(yaml: yaml, projects: projects)
        let result = try fixture.solve()
        #expect(result.code == 3)
        let diagnosis = result.json["diagnosis"] as? [String: Any]
        let conflict = (diagnosis?["conflict"] as? [[String: Any]]) ?? []
        let kinds = conflict.map { "\($0["kind"] ?? "")/\($0["project"] ?? $0["fund"] ?? "")" }.sorted()
        #expect(kinds == ["budget/f1", "lock/P1", "lock/P2"])
    }
}
