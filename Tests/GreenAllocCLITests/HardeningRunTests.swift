import Foundation
import GreenAllocCLI
import TestSupport
import Testing

/// Whole runs under stress: atomic output, determinism, time limits, hostile numbers, large tables.
@Suite struct HardeningRunTests {
    // MARK: atomic output (scenario-format §13)

    @Test func aForeignDirectoryIsRefusedAndLeftUntouched() throws {
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.outPath, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: fixture.outPath + "/notes.txt"))
        try Data("{\"format\": \"something else\"}".utf8).write(to: URL(fileURLWithPath: fixture.outPath + "/allocation.json"))
        let before = outputFiles(fixture.outPath)
        let result = fixture.solveToOut()
        #expect(result.code == 1, "\(result.error)")
        #expect(result.error.contains("refusing"))
        #expect(outputFiles(fixture.outPath) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.outPath).sorted() == ["allocation.json", "notes.txt"])
        #expect(fixture.strayEntries.isEmpty)
    }

    @Test func anEarlierOutputIsReplacedOnlyByACompleteRun() throws {
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        let first = fixture.solveToOut()
        #expect(first.code == 0, "\(first.error)")
        let earlier = outputFiles(fixture.outPath)
        #expect(Set(earlier.keys).isSuperset(of: ["allocation.json", "projects.csv", "report.md", "run.json"]))

        // An input error leaves the earlier output exactly as it was.
        try fixture.fixture.write("projects.csv", HardeningBase.projects(row2: ["park": "K9"]))
        let broken = fixture.solveToOut()
        #expect(broken.code == 65)
        #expect(outputFiles(fixture.outPath) == earlier)
        #expect(fixture.strayEntries.isEmpty)

        // A YAML that does not even parse: the same.
        try fixture.fixture.write("scenario.yaml", "scenario: [\n")
        #expect(fixture.solveToOut().code == 65)
        #expect(outputFiles(fixture.outPath) == earlier)

        // A complete run with other budgets replaces it as a whole.
        try fixture.fixture.write("projects.csv", HardeningBase.projects)
        try fixture.fixture.write("scenario.yaml", HardeningBase.replacing("{2022: 100, 2023: 100}", with: "{2022: 50, 2023: 0}"))
        let second = fixture.solveToOut()
        #expect(second.code == 0, "\(second.error)")
        let replaced = outputFiles(fixture.outPath)
        #expect(Set(replaced.keys) == Set(earlier.keys))
        #expect(replaced["allocation.json"] != earlier["allocation.json"])
        #expect(fixture.strayEntries.isEmpty)
    }

    @Test func aFileWhereTheDirectoryShouldBeIsNotReplaced() throws {
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: fixture.outPath))
        let result = fixture.solveToOut()
        #expect(result.code == 1)
        #expect(FileManager.default.contents(atPath: fixture.outPath) == Data("not a directory".utf8))
        #expect(fixture.strayEntries.isEmpty)
    }

    // MARK: determinism (scenario-format §13)

    @Test func tenRunsGiveByteIdenticalOutputs() throws {
        let scenario = HardeningScenarios.packageRoot + "/Scenarios/shandong/baseline-2022.yaml"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let runs = ProcessInfo.processInfo.environment["GREENALLOC_DETERMINISM_RUNS"].flatMap(Int.init) ?? 10
        var reference: [String: Data]?
        for run in 0..<runs {
            let out = directory.appendingPathComponent("run\(run)").path
            let capture = Console.Capture()
            let code = CommandLineRunner.run(["solve", scenario, "--out", out], console: capture.console)
            #expect(code == 0, "\(capture.error)")
            var files = outputFiles(out)
            files["run.json"] = nil
            let banks = (1...12).flatMap { [String(format: "bank-B%02d.csv", $0), String(format: "bank-B%02d.xlsx", $0)] }
            #expect(files.keys.sorted() == ["allocation.json", "allocation.xlsx"] + banks + ["loans.csv", "projects.csv", "report.en.html", "report.en.md", "report.html", "report.md"])
            if let reference {
                for (name, data) in files { #expect(data == reference[name], "run \(run): \(name) differs") }
            } else {
                reference = files
            }
        }
    }

    // MARK: time limits

    /// The knapsack cannot be proved in 1 s: the run stops at the limit with a plan and its gap (`feasible`,
    /// exit 0) or without one (`no_solution`, exit 4), never claiming `optimal`.
    @Test func aHardScenarioStopsAtItsTimeLimit() throws {
        let fixture = try HardeningFixture(yaml: HardeningScenarios.knapsackYAML, projects: HardeningScenarios.knapsackProjects)
        defer { fixture.remove() }
        let result = fixture.solveToOut(["--time-limit", "1", "--no-tiebreak"])
        let data = FileManager.default.contents(atPath: fixture.outPath + "/allocation.json") ?? Data()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        switch json.status {
        case "feasible":
            #expect(result.code == 0, "\(result.error)")
            #expect((json["gap"] as? Double ?? -1) > 0)
        case "no_solution":
            #expect(result.code == 4, "\(result.error)")
            #expect(json["objective"] == nil || json["objective"] is NSNull)
        default:
            Issue.record("status \(json.status) (exit \(result.code)): the limit should have stopped an unproven search\n\(result.error)")
        }
    }

    // MARK: hostile numbers never reach GLPK

    /// Huge values are refused as inputs (65); tiny ones run with a presolve warning (0).
    @Test(arguments: [
        ("benefit_1e300", "{benefit: 1}", "1e300", 65),
        ("weight_1e-300", "{benefit: 1e-300}", "50", 0),
        ("weight_1e300", "{benefit: 1e300}", "50", 65),
        ("benefit_1e-300", "{benefit: 1}", "1e-300", 0),
        ("benefit_max_double", "{benefit: 1}", "1.7976931348623157e308", 65),
        ("weight_and_benefit_overflow", "{benefit: 1e200}", "1e200", 65),
    ] as [(String, String, String, Int32)])
    func hostileCoefficientsAreCaughtBeforeGLPK(_ name: String, _ weights: String, _ benefit: String, _ code: Int32) throws {
        let projects = HardeningBase.projects.replacingOccurrences(of: ",,,,,,,,50\n", with: ",,,,,,,,\(benefit)\n")
        let yaml = HardeningBase.replacing("{benefit: 1}", with: weights)
        let fixture = try HardeningFixture(yaml: yaml, projects: projects)
        defer { fixture.remove() }
        let result = fixture.solveToOut()
        // Either the inputs are refused (65, with a location) or the run completes with a presolve warning.
        #expect(result.code == code, "\(name): exit \(result.code)\n\(result.error)")
        if result.code == 65 {
            #expect(!errorLocations(result.error).isEmpty, "\(name): \(result.error)")
            #expect(!FileManager.default.fileExists(atPath: fixture.outPath))
        } else {
            #expect(result.error.contains("presolve warning"), "\(name): \(result.error)")
            let data = FileManager.default.contents(atPath: fixture.outPath + "/allocation.json") ?? Data()
            #expect(!String(decoding: data, as: UTF8.self).contains("nan"), "\(name)")
        }
    }

    // MARK: a merely large input runs normally

    @Test func aLargeProjectsTableRunsNormally() throws {
        let megabytes = ProcessInfo.processInfo.environment["GREENALLOC_LARGE_TABLE_MB"].flatMap(Int.init) ?? 50
        let projects = HardeningScenarios.largeProjects(megabytes: megabytes)
        #expect(projects.utf8.count >= megabytes << 20)
        let fixture = try HardeningFixture(projects: projects)
        defer { fixture.remove() }
        let result = fixture.solveToOut()
        #expect(result.code == 0, "\(result.error.prefix(2000))")
        let data = FileManager.default.contents(atPath: fixture.outPath + "/allocation.json") ?? Data()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        #expect(json.status == "optimal")
        #expect(json.fundedIDs.count >= 1)
    }
}

/// Scenarios the run tests build.
enum HardeningScenarios {
    /// The package root (this file is Tests/GreenAllocCLITests/HardeningRunTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static let knapsackYears = Array(2022...2029)

    /// A dense multi-dimensional knapsack: 400 projects asking money in 8 years, budgets at 40% of the
    /// requests, values correlated with the requests (the hard kind).
    static let knapsackProjects: String = {
        var random = HardeningRandom(seed: 20_220_331)
        var text = "id,name,park,fund,category,investment,"
            + knapsackYears.map { "request_\($0)" }.joined(separator: ",") + ",benefit\n"
        for index in 0..<400 {
            let requests = knapsackYears.map { _ in 10 + Int(random.next() % 90) }
            let value = requests.reduce(0, +) / 2 + Int(random.next() % 40)
            text += "P\(index),p\(index),K\(index % 2 + 1),f1,air,100000," + requests.map(String.init).joined(separator: ",") + ",\(value)\n"
        }
        return text
    }()

    static let knapsackYAML = HardeningBase.yaml
        .replacingOccurrences(of: "scenario: test", with: "scenario: knapsack")
        .replacingOccurrences(of: "years: [2022, 2023]", with: "years: [\(knapsackYears.map(String.init).joined(separator: ", "))]")
        .replacingOccurrences(of: "budget: {2022: 100, 2023: 100}", with: "budget: 8000")

    /// A projects table of about `megabytes` MB: long free-text notes, a few projects applying to f1, the
    /// rest loan-only, so the model stays small while the reader works through the whole file.
    static func largeProjects(megabytes: Int) -> String {
        let note = "\"" + String(repeating: "生态工业园区建设项目说明，含\"\"引号\"\"、逗号,与换行\n。", count: 200) + "\""
        var text = HardeningBase.projectHeader + ",notes\n"
        text.reserveCapacity((megabytes + 1) << 20)
        var index = 0
        while text.utf8.count < megabytes << 20 {
            let fund = index % 500 == 0 ? "f1" : ""
            let request = fund.isEmpty ? "" : "\(10 + index % 37)"
            text += "P\(index),p\(index),K\(index % 2 + 1),\(fund),air,1000,\(request),,,,,,,,\(index % 97),\(note)\n"
            index += 1
        }
        return text
    }
}

/// Reproducible generated inputs.
typealias HardeningRandom = SplitMix64

extension SplitMix64 {
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
