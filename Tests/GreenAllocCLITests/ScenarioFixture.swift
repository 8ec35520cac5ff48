import Foundation
import GreenAllocCLI
import Testing

/// A scenario written to a fresh temporary directory: YAML plus the four tables.
struct ScenarioFixture {
    let directory: URL

    static let defaultCities = "id,name,region\n370100,济南市,east\n370200,青岛市,east\n"
    static let defaultParks = """
        id,name,city,status,barred_until,naming_year
        K1,甲园区,370100,named_provincial,,
        K2,乙园区,370200,under_construction,,
        K3,丙园区,370200,revoked,,

        """

    init(
        yaml: String, projects: String, parks: String = ScenarioFixture.defaultParks,
        cities: String = ScenarioFixture.defaultCities, banks: String? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("scenario.yaml", yaml)
        try write("cities.csv", cities)
        try write("parks.csv", parks)
        try write("projects.csv", projects)
        if let banks { try write("banks.csv", banks) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    var scenarioPath: String { directory.appendingPathComponent("scenario.yaml").path }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Runs greenalloc in-process.
    func run(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
        let capture = Console.Capture()
        let code = CommandLineRunner.run(arguments, console: capture.console)
        return (code, capture.out, capture.error)
    }

    /// Solves with `--format json` and returns the exit code and the parsed allocation.json.
    func solve(_ extra: [String] = []) throws -> (code: Int32, json: [String: Any], error: String) {
        let result = run(["solve", scenarioPath, "--format", "json"] + extra)
        guard let data = result.out.data(using: .utf8), !data.isEmpty,
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            Issue.record("no JSON on standard output (exit \(result.code)): \(result.error)")
            return (result.code, [:], result.error)
        }
        return (result.code, json, result.error)
    }

    /// Solves an exported CPLEX LP file with `glpsol --lp` and returns the objective of its solution report.
    func glpsolObjective(lp: String) throws -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["--lp", lp, "-o", path("glpsol.txt")]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let report = try String(contentsOfFile: path("glpsol.txt"), encoding: .utf8)
        let objectiveLine = report.split(separator: "\n").first { $0.hasPrefix("Objective:") }
        return objectiveLine.flatMap { line in line.split(separator: " ").compactMap { Double($0) }.first }
    }

    /// The standard header of a scenario using this fixture's tables.
    static func header(years: String = "[2022, 2023]", banks: Bool = false) -> String {
        """
        scenario: test
        as_of: 2022-03-31
        years: \(years)
        tables:
          cities: cities.csv
          parks: parks.csv
          projects: projects.csv
        \(banks ? "  banks: banks.csv\n" : "")
        """
    }
}

extension Dictionary where Key == String, Value == Any {
    var projects: [[String: Any]] { self["projects"] as? [[String: Any]] ?? [] }

    func project(_ id: String) -> [String: Any] {
        projects.first { $0["id"] as? String == id } ?? [:]
    }

    var fundedIDs: [String] {
        projects.filter { $0["funded"] as? Bool == true }.compactMap { $0["id"] as? String }
    }

    var objective: Double { self["objective"] as? Double ?? .nan }
    var status: String { self["status"] as? String ?? "" }
}
