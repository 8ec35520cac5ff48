import Foundation
import Testing

/// The valid scenario that the hardening corpus breaks one piece at a time. Line numbers matter: the corpus
/// asserts the exact line of every error, so keep these texts as they are.
enum HardeningBase {
    /// 14 lines; appended sections start on line 15.
    static let yaml = """
        scenario: test
        as_of: 2022-03-31
        years: [2022, 2023]
        tables:
          cities: cities.csv
          parks: parks.csv
          projects: projects.csv
        funds:
          - id: f1
            name: 专项资金
            budget: {2022: 100, 2023: 100}
        objective:
          maximize: benefit
          weights: {benefit: 1}

        """

    static let projectColumns = [
        "id", "name", "park", "fund", "category", "investment", "request_2022", "request_2023", "min_share", "lock",
        "requires", "exclusive_group", "naming_prerequisite", "maturity", "benefit",
    ]

    static let projectHeader = projectColumns.joined(separator: ",")

    static let projectRows = [
        "P1,a,K1,f1,air,1000,60,,,,,,,,60",
        "P2,b,K1,f1,air,1000,50,,,,,,,,50",
        "P3,c,K2,f1,water,1000,50,,,,,,,,50",
    ]

    /// Header on line 1, P1 on line 2, P2 on line 3, P3 on line 4.
    static let projects = ([projectHeader] + projectRows).joined(separator: "\n") + "\n"

    /// P2's row (line 3) with some cells replaced.
    static func projects(row2 overrides: [String: String]) -> String {
        var cells = projectRows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for (column, value) in overrides {
            guard let index = projectColumns.firstIndex(of: column) else { fatalError("no column \(column)") }
            cells[index] = value
        }
        var rows = projectRows
        rows[1] = cells.joined(separator: ",")
        return ([projectHeader] + rows).joined(separator: "\n") + "\n"
    }

    /// The 1-based field number of a projects.csv column.
    static func field(_ column: String) -> Int { (projectColumns.firstIndex(of: column) ?? -1) + 1 }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(yaml.contains(old), "the base scenario has no '\(old)'")
        return yaml.replacingOccurrences(of: old, with: new)
    }
}

/// Where a broken input must be reported: a file of the fixture, a line, and optionally a column.
struct ExpectedLocation: Sendable {
    var file: String
    var line: Int
    var column: Int?
}

/// Bytes to put in the fixture in place of a file's text (encodings, binary garbage).
enum FileContent: Sendable {
    case text(String)
    case bytes([UInt8])

    var data: Data {
        switch self {
        case .text(let text): Data(text.utf8)
        case .bytes(let bytes): Data(bytes)
        }
    }
}

/// One broken input: the files that differ from the base scenario, and where the error must be reported.
struct BrokenInput: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: FileContent]
    var at: ExpectedLocation

    var testDescription: String { name }

    init(_ name: String, _ files: [String: FileContent], at: ExpectedLocation) {
        self.name = name
        self.files = files
        self.at = at
    }

    static func yaml(_ name: String, _ text: String, line: Int, column: Int? = nil) -> BrokenInput {
        BrokenInput(name, ["scenario.yaml": .text(text)], at: ExpectedLocation(file: "scenario.yaml", line: line, column: column))
    }

    static func yamlBytes(_ name: String, _ bytes: [UInt8], line: Int) -> BrokenInput {
        BrokenInput(name, ["scenario.yaml": .bytes(bytes)], at: ExpectedLocation(file: "scenario.yaml", line: line))
    }

    static func table(
        _ name: String, _ file: String, _ content: FileContent, line: Int, column: Int? = nil, yaml: String? = nil
    ) -> BrokenInput {
        var files = [file: content]
        if let yaml { files["scenario.yaml"] = .text(yaml) }
        return BrokenInput(name, files, at: ExpectedLocation(file: file, line: line, column: column))
    }

    static func project(_ name: String, _ overrides: [String: String], column: String) -> BrokenInput {
        table(
            name, "projects.csv", .text(HardeningBase.projects(row2: overrides)), line: 3,
            column: HardeningBase.field(column))
    }
}

/// A scenario directory for hardening tests: the base files with some replaced.
struct HardeningFixture {
    let fixture: ScenarioFixture

    init(_ files: [String: FileContent] = [:], yaml: String = HardeningBase.yaml, projects: String = HardeningBase.projects)
        throws
    {
        fixture = try ScenarioFixture(yaml: yaml, projects: projects)
        for (name, content) in files {
            try content.data.write(to: fixture.directory.appendingPathComponent(name))
        }
    }

    var directory: URL { fixture.directory }
    var scenarioPath: String { fixture.scenarioPath }
    func path(_ name: String) -> String { fixture.path(name) }
    var outPath: String { path("out") }

    func run(_ arguments: [String]) -> (code: Int32, out: String, error: String) { fixture.run(arguments) }

    /// `solve --out DIR/out`.
    func solveToOut(_ extra: [String] = []) -> (code: Int32, out: String, error: String) {
        run(["solve", scenarioPath, "--out", outPath] + extra)
    }

    /// Entries of the fixture directory that a run left behind (temporary output directories).
    var strayEntries: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { $0.hasPrefix(".out.") }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// The error lines (`file:line:column: error: …`) of a run's standard error.
func errorLocations(_ standardError: String) -> [String] {
    standardError.split(separator: "\n").compactMap { line in
        guard let range = line.range(of: ": error: ") else { return nil }
        return String(line[..<range.lowerBound])
    }
}

/// Reads the files of an output directory (name → bytes), without hidden files.
func outputFiles(_ path: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
        files[name] = FileManager.default.contents(atPath: path + "/" + name)
    }
    return files
}
