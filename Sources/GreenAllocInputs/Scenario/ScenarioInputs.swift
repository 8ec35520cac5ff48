public import GreenAllocCore
internal import Foundation
internal import Crypto

/// Everything a run needs from disk, read and checked: the scenario, the typed tables, the library, the
/// compiled rules, the warnings, and the inputs hash (scenario-format §13 `inputs_sha256`).
public struct ScenarioInputs: Sendable {
    public var scenario: Scenario
    public var merged: YAMLNode
    public var library: Library
    public var rules: RuleSet
    public var warnings: [Diagnostic]
    public var inputsSHA256: String
    public var encodings: [String: String]
    /// The scenario files read: the root of the `extends` chain first, the file named last.
    public var scenarioFiles: [String] = []

    /// Reads the scenario and its tables. Every input error found is returned at once.
    public static func load(path: String) -> Result<ScenarioInputs, InputErrors> {
        let loaded: ScenarioLoader.Loaded
        switch ScenarioLoader.load(path: path) {
        case .failure(let errors): return .failure(errors)
        case .success(let value): loaded = value
        }
        let scenario = loaded.scenario
        var diagnostics = loaded.warnings
        var encodings: [String: String] = [:]
        let workbooks = WorkbookTableReader()
        func table(_ path: String?, _ kind: TableKind) -> DataTable? {
            guard let path else { return nil }
            let source = TablePath(path)
            let read = source.isWorkbook ? workbooks.read(source) : CSVReader.read(path: path, displayName: path)
            switch read.flatMap({ $0.namingColumns(for: kind) }) {
            case .failure(let errors):
                diagnostics += errors.diagnostics
                return nil
            case .success(let raw):
                encodings[path] = raw.encoding
                return DataTable(
                    file: raw.file, header: raw.header, rows: raw.rows, rowLines: raw.rowLines, kind: kind,
                    sheet: raw.sheet, positions: raw.positions)
            }
        }
        let cities = table(scenario.tables.cities, .cities)
        let parks = table(scenario.tables.parks, .parks)
        let projects = table(scenario.tables.projects, .projects)
        let banks = table(scenario.tables.banks, .banks)
        guard let cities, let parks, let projects, scenario.tables.banks == nil || banks != nil,
            !diagnostics.contains(where: { $0.severity == .error })
        else { return .failure(InputErrors(diagnostics)) }

        let built = Library.build(scenario: scenario, cities: cities, parks: parks, projects: projects, banks: banks)
        diagnostics += built.diagnostics
        guard var library = built.library else { return .failure(InputErrors(diagnostics)) }
        switch PolicyInputs.apply(scenario: scenario, to: library) {
        case .failure(let errors): return .failure(InputErrors(diagnostics + errors.diagnostics))
        case .success(let changed): library = changed
        }
        let rules: RuleSet
        switch RuleSet.compile(scenario, library: library) {
        case .failure(let errors): return .failure(InputErrors(diagnostics + errors.diagnostics))
        case .success(let compiled): rules = compiled
        }
        diagnostics += revokedWarnings(scenario: scenario, library: library, rules: rules)

        var hash = SHA256()
        hash.update(data: Data(CanonicalJSON.render(loaded.merged).utf8))
        // A workbook that several tables name is hashed once.
        let tables = [scenario.tables.cities, scenario.tables.parks, scenario.tables.projects, scenario.tables.banks]
        for file in TablePath.files(tables) {
            if let data = FileManager.default.contents(atPath: file) { hash.update(data: data) }
        }
        let digest = hash.finalize().map { String(format: "%02x", $0) }.joined()
        return .success(
            ScenarioInputs(
                scenario: scenario, merged: loaded.merged, library: library, rules: rules, warnings: diagnostics,
                inputsSHA256: digest, encodings: encodings, scenarioFiles: loaded.files))
    }

    /// A project whose park is revoked but that no exclusion rule catches is probably a mistake.
    static func revokedWarnings(scenario: Scenario, library: Library, rules: RuleSet) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (index, record) in library.projectRecords.enumerated()
        where library.parkRecords[record.park].status == .revoked && record.fund != nil {
            let row = ProjectRow(library: library, project: index, asOf: scenario.asOf)
            if !rules.exclusions.contains(where: { $0.holds(row) }) {
                warnings.append(
                    .warning(
                        library.projects.location(row: index, column: "park"),
                        "project \(record.id) belongs to revoked park \(library.parkRecords[record.park].id) but no exclusion rule catches it (add e.g. `park.status == 'revoked'` to exclude)"))
            }
        }
        return warnings
    }
}

/// The merged scenario as canonical JSON: keys sorted by their UTF-8 bytes, no white space, plain scalars
/// that read as numbers or booleans typed, everything else a string.
public enum CanonicalJSON {
    public static func render(_ node: YAMLNode) -> String {
        var output = ""
        write(node, into: &output)
        return output
    }

    static func write(_ node: YAMLNode, into output: inout String) {
        switch node.kind {
        case .scalar(let text, let plain):
            if plain, node.isNull {
                output += "null"
            } else if plain, text == "true" || text == "false" {
                output += text
            } else if plain, let number = ScenarioDecoder.parseNumber(text) {
                output += formatNumber(number)
            } else {
                output += quote(text)
            }
        case .sequence(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                write(item, into: &output)
            }
            output += "]"
        case .mapping(let entries):
            output += "{"
            let sorted = entries.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            for (position, entry) in sorted.enumerated() {
                if position > 0 { output += "," }
                output += quote(entry.key) + ":"
                write(entry.value, into: &output)
            }
            output += "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
