import ArgumentParser
import Foundation
import GreenAllocCore
import GreenAllocEngine
import GreenAllocExplain
import GreenAllocInputs
import GreenAllocReports
import GreenAllocWhatIf
import MILP
import MILPGLPK
import Testing

@testable import GreenAllocCLI

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
        #expect(result.out == "greenalloc \(greenallocVersion) (GLPK \(GLPKSolver.glpkVersion))\n")
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

    // MARK: exit codes: one map, each error type and each outcome

    /// Every kind of error a command can end with, and the exit code it must give.
    static let errorCodes: [(name: String, error: any Error, code: Int32)] = [
        ("interrupted", SolveInterrupted(), 130),
        ("input errors", InputErrors([.error(nil, "column benefit: not a number")]), 65),
        ("usage", UsageError(message: "unknown bank 'B9'"), 64),
        ("unknown fund or target", WhatIfError("unknown fund 'f9'"), 64),
        ("unknown project", ExplainError.unknownProject("P9"), 64),
        ("foreign output directory", OutputDirectoryError.foreignDirectory(path: "out", entries: ["notes.txt"]), 1),
        ("failed write", OutputDirectoryError.system(operation: "write", path: "model.lp", errno: ENOENT), 1),
        ("solver failure", SolverError("GLPK failed"), 1),
        ("anything else", CocoaError(.fileReadUnknown), 1),
    ]

    @Test(arguments: errorCodes.indices)
    func eachErrorMapsToItsExitCode(_ index: Int) {
        let (name, error, code) = Self.errorCodes[index]
        #expect(ExitStatus.code(for: error) == code, "\(name)")
        #expect(ExitStatus.code(for: error, interrupted: true) == 130, "\(name) after Ctrl-C")
    }

    static func allocation(_ status: AllocationStatus, loanStage: AllocationStatus?) -> Allocation {
        Allocation(
            scenario: "s", inputsSHA256: "", status: status, objective: nil, bestBound: nil, gap: nil, solverName: "GLPK",
            solverVersion: "", objectiveSense: .maximizeBenefit, years: [], cities: [], funds: [], projects: [], parks: [],
            limits: [], targets: [], findings: [], diagnosis: nil, loanStage: loanStage.map { LoanOutcome(status: $0) }, ecoParksBefore: 0,
            parksCounted: 0)
    }

    @Test func eachOutcomeMapsToItsExitCode() {
        #expect(ExitStatus.code(for: AllocationStatus.optimal) == 0)
        #expect(ExitStatus.code(for: AllocationStatus.feasible) == 0)
        #expect(ExitStatus.code(for: AllocationStatus.infeasible) == 3)
        #expect(ExitStatus.code(for: AllocationStatus.noSolution) == 4)
        // A run: the subsidy stage's code when it did not solve, else the loan stage's.
        #expect(ExitStatus.code(for: Self.allocation(.optimal, loanStage: nil)) == 0)
        #expect(ExitStatus.code(for: Self.allocation(.feasible, loanStage: .feasible)) == 0)
        #expect(ExitStatus.code(for: Self.allocation(.optimal, loanStage: .infeasible)) == 3)
        #expect(ExitStatus.code(for: Self.allocation(.optimal, loanStage: .noSolution)) == 4)
        #expect(ExitStatus.code(for: Self.allocation(.noSolution, loanStage: nil)) == 4)
        #expect(ExitStatus.code(for: Self.allocation(.infeasible, loanStage: nil)) == 3)
    }

    @Test func parseErrorsExit64AndHelpExits0() {
        func code(_ arguments: [String]) -> Int32? {
            do {
                _ = try GreenAllocCommand.parseAsRoot(arguments)
                return nil
            } catch {
                return ExitStatus.code(forParsing: error)
            }
        }
        #expect(code(["solve"]) == 64)
        #expect(code(["solve", "s.yaml", "--format", "xml"]) == 64)
        #expect(code(["solve", "s.yaml", "--gap", "2"]) == 64)
        #expect(code(["no-such-command"]) == 64)
        // `--help` parses to the parser's help command, whose run throws the help request.
        #expect(ExitStatus.code(forParsing: CleanExit.helpRequest()) == 0)
        #expect(ExitStatus.code(forParsing: CleanExit.helpRequest(Solve.self)) == 0)
    }

    // MARK: the loan stage's flags: applied where the loan stage runs, refused where it does not

    static func loanFixture() throws -> ScenarioFixture {
        try ScenarioFixture(
            yaml: LoanStageTests.scenario(loans: ""), projects: LoanStageTests.threeProjects,
            banks: "id,name,capacity,max_per_project,min_tier,cities\nB1,甲银行,1000,,,\n")
    }

    @Test func compareAndTargetGiveTheLoanFlagsToTheLoanStage() throws {
        let fixture = try Self.loanFixture()
        let path = fixture.scenarioPath
        let console = Console.Capture().console
        let inputs = try loadInputs(path, console: console)
        let flags = ["--loan-gap", "0.05", "--loan-time-limit", "3"]
        let compared = try Compare.parse([path, path] + flags).runners([inputs, inputs], console: console)
        #expect(compared.count == 2)
        for (_, runner) in compared {
            #expect(runner.settings.loanRelativeGap == 0.05)
            #expect(runner.settings.loanTimeLimit == 3)
        }
        let target = try Target.parse([path, "--target", "t", "--fund", "f1"] + flags).runner(inputs, console: console)
        #expect(target.settings.loanRelativeGap == 0.05)
        #expect(target.settings.loanTimeLimit == 3)
        // Without the flags, the defaults: the gap chosen by the model's size, the smaller of the limit and 10 s.
        let plain = try Compare.parse([path, path]).runners([inputs, inputs], console: console)
        for (_, runner) in plain {
            #expect(runner.settings.loanRelativeGap == nil)
            #expect(runner.settings.loanTimeLimit == min(runner.settings.timeLimit, 10))
        }

        let result = fixture.run(["compare", path, path, "--format", "json"] + flags)
        #expect(result.code == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let placed = (json?["scenarios"] as? [[String: Any]] ?? []).map { $0["loans_placed"] as? Int }
        #expect(placed == [3, 3])
    }

    @Test(arguments: ["explain", "sweep", "export-model"])
    func loanFlagsAreRefusedWhereNoLoanStageIsSolved(_ command: String) throws {
        let fixture = try Self.loanFixture()
        let rest: [String] =
            switch command {
            case "sweep": ["--fund", "f1", "--from", "1", "--to", "2", "--steps", "2"]
            case "export-model": ["--stage", "loans", "--lp", fixture.path("loans.lp")]
            default: []
            }
        for flag in [["--loan-gap", "0.01"], ["--loan-time-limit", "5"]] {
            let result = fixture.run([command, fixture.scenarioPath] + rest + flag)
            #expect(result.code == 64, "\(command) \(flag)")
            #expect(result.error.contains("\(flag[0]) sets when the loan stage's solve stops, and this command solves no loan stage"))
            #expect(result.out.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("loans.lp")))
        #expect(fixture.run([command, fixture.scenarioPath] + rest).code == 0, "\(command) without the flags")
    }

    // MARK: export-model's file

    @Test func aModelThatCannotBeWrittenExits1() throws {
        let fixture = try fixture()
        let missing = fixture.path("missing/model.lp")
        let result = fixture.run(["export-model", fixture.scenarioPath, "--lp", missing])
        #expect(result.code == 1)
        #expect(result.error.contains("write \(missing) failed: No such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: missing))

        // A directory where the file should go: refused, left as it was, nothing hidden left beside it.
        let taken = fixture.path("taken")
        try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: true)
        let blocked = fixture.run(["export-model", fixture.scenarioPath, "--out", taken])
        #expect(blocked.code == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: taken).isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
