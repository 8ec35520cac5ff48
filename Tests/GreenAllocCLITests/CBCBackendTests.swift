import Foundation
import GreenAllocCLI
import Testing

/// `--solver cbc` and `solver.backend: cbc` through the command line: the same plans as GLPK, the backend in
/// allocation.json and run.json, a bad key and a missing program. Serialized: one test points
/// `GREENALLOC_CBC` at a missing program.
@Suite(.serialized) struct CBCBackendTests {
    static let projects = SolveFeatureTests.projectsHeader + """
        P1,a,K1,f1,air,1000,60,,,,,,,yes,60
        P2,b,K1,f1,air,1000,50,,,,,,,yes,50
        P3,c,K2,f1,air,1000,50,,,,,,,yes,50
        P4,d,K2,f1,water,1000,30,,0.5,,,,,yes,45

        """

    static func fixture(solver: String = "") throws -> ScenarioFixture {
        try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: SolveFeatureTests.fund100, rest: solver), projects: projects)
    }

    @Test func theScenarioKeyAndTheFlagGiveGLPKsPlan() throws {
        let glpk = try Self.fixture().solve()
        let keyed = try Self.fixture(solver: "solver: {backend: cbc}").solve()
        let flagged = try Self.fixture().solve(["--solver", "cbc"])
        #expect(glpk.code == 0 && keyed.code == 0 && flagged.code == 0, "\(keyed.error)\(flagged.error)")
        // Budget 100: P1 + P4 (60 + 45 for 90) beat P2 + P3 (100 for 100).
        #expect(glpk.json.objective == 105)
        #expect(glpk.json.fundedIDs == ["P1", "P4"])
        for result in [keyed, flagged] {
            #expect(result.json.status == "optimal")
            #expect(abs(result.json.objective - 105) <= 1e-6 * 105)
            #expect(result.json.fundedIDs == glpk.json.fundedIDs)
            #expect((result.json["solver"] as? [String: Any])?["name"] as? String == "CBC")
        }
        let back = try Self.fixture(solver: "solver: {backend: cbc}").solve(["--solver", "glpk"])
        #expect((back.json["solver"] as? [String: Any])?["name"] as? String == "GLPK")
    }

    @Test func runJSONRecordsTheBackend() throws {
        let fixture = try Self.fixture()
        for backend in ["glpk", "cbc"] {
            let out = fixture.path("out-\(backend)")
            let result = fixture.run(["solve", fixture.scenarioPath, "--solver", backend, "--out", out])
            #expect(result.code == 0, "\(result.error)")
            let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("run.json"))
            let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((run["solver_settings"] as? [String: Any])?["backend"] as? String == backend)
        }
    }

    @Test func anUnknownBackendIsAnInputError() throws {
        let wrong = try Self.fixture(solver: "solver: {backend: gurobi}")
        let result = wrong.run(["solve", wrong.scenarioPath])
        #expect(result.code == 65)
        #expect(result.error.contains("solver.backend: 'gurobi' is not one of glpk, cbc"), "\(result.error)")
        let plain = try Self.fixture()
        let flag = plain.run(["solve", plain.scenarioPath, "--solver", "gurobi"])
        #expect(flag.code == 64)
    }

    @Test func aMissingProgramExitsOneWithWhatToInstall() throws {
        let fixture = try Self.fixture()
        setenv("GREENALLOC_CBC", fixture.path("no-such-cbc"), 1)
        defer { unsetenv("GREENALLOC_CBC") }
        let result = fixture.run(["solve", fixture.scenarioPath, "--solver", "cbc", "--out", fixture.path("out")])
        #expect(result.code == 1)
        #expect(result.error.contains("coinor-cbc"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }

    /// The bundled baseline (subsidy stage, loan stage) with CBC: GLPK's proved optimum, within CBC's tolerance.
    @Test func theBundledBaselineReachesGLPKsOptimum() throws {
        let path = BundledScenarioTests.root.appendingPathComponent("Scenarios/shandong/baseline-2022.yaml").path
        let capture = Console.Capture()
        let code = CommandLineRunner.run(["solve", path, "--solver", "cbc", "--no-tiebreak", "--format", "json"], console: capture.console)
        #expect(code == 0, "\(capture.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(capture.out.utf8)) as? [String: Any])
        #expect(json.status == "optimal")
        // GLPK's optimum on the same scenario (the reference outputs of the bundle).
        #expect(abs(json.objective - 3_712_154.0871941294) <= 1e-6 * 3_712_154.0871941294, "\(json.objective)")
    }
}
