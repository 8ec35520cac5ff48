import Foundation
import GreenAllocCLI
import Testing

/// A small scenario that extends a base file, with its three tables, in a fresh temporary folder; runs
/// greenalloc in-process or as the built executable.
struct HistoryFixture {
    let folder: TemporaryFolder

    static let base = """
        scenario: 基础
        as_of: 2022-03-31
        years: [2022, 2023]
        tables:
          cities: data/cities.csv
          parks: data/parks.csv
          projects: data/projects.csv
        funds:
          - id: f1
            name: 专项资金
            budget: {2022: 100, 2023: 100}
        objective:
          maximize: benefit
          weights: {benefit: 1}

        """
    static let variant = "extends: base.yaml\nscenario: 变体\n"
    static let cities = "id,name,region\n370100,济南市,east\n370200,青岛市,east\n"
    static let parks = """
        id,name,city,status,barred_until,naming_year
        K1,甲园区,370100,named_provincial,,
        K2,乙园区,370200,under_construction,,

        """
    static let projects = """
        id,name,park,fund,category,investment,request_2022,request_2023,benefit
        P1,一号,K1,f1,air,1000,60,,60
        P2,二号,K1,f1,air,1000,50,,50
        P3,三号,K2,f1,water,1000,50,,50
        P4,四号,K2,f1,water,1000,,80,70

        """

    init() throws {
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        try write("base.yaml", Self.base)
        try write("variant.yaml", Self.variant)
        try write("data/cities.csv", Self.cities)
        try write("data/parks.csv", Self.parks)
        try write("data/projects.csv", Self.projects)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.url.appendingPathComponent(name))
    }

    func path(_ name: String) -> String { folder.path(name) }
    var history: String { path("runs/history.sqlite") }

    /// Runs greenalloc in-process with a capturing console.
    func run(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
        let capture = Console.Capture()
        let code = CommandLineRunner.run(arguments, console: capture.console)
        return (code, capture.out, capture.error)
    }

    /// The documents of an output folder (run.json and the folder's marker aside), by name.
    static func files(_ folder: String) -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var files: [String: Data] = [:]
        for name in names where name != "run.json" && name != ".greenalloc-output" { files[name] = FileManager.default.contents(atPath: folder + "/" + name) }
        return files
    }

    /// The `greenalloc` executable built beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("greenalloc")
    }
}
