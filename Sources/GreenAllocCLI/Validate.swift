internal import ArgumentParser
internal import GreenAllocCore
internal import GreenAllocInputs
internal import GreenAllocReports

struct Validate: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario and its tables; print findings and a summary of what was read.",
        discussion: "Exit code 65 when there are input errors (each with file:line:column), 0 otherwise.")

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Flag(name: .long, help: "Print the merged scenario (after `extends`) as JSON and stop.")
    var merged = false

    func execute(console: Console) throws -> Int32 {
        if merged {
            switch ScenarioLoader.load(path: scenario) {
            case .failure(let errors): throw errors
            case .success(let loaded):
                console.out(JSONWriter.render(mergedJSON(loaded.merged)) + "\n")
                return ExitStatus.success
            }
        }
        let inputs = try loadInputs(scenario, console: console)
        console.out(Self.summary(inputs))
        return ExitStatus.success
    }

    func mergedJSON(_ node: YAMLNode) -> JSONValue {
        switch node.kind {
        case .scalar(let text, _): return node.isNull ? .null : .string(text)
        case .sequence(let items): return .array(items.map(mergedJSON))
        case .mapping(let entries): return .object(entries.map { ($0.key, mergedJSON($0.value)) })
        }
    }

    static func summary(_ inputs: ScenarioInputs) -> String {
        let scenario = inputs.scenario
        let library = inputs.library
        var lines: [String] = []
        lines.append("scenario 「\(scenario.name)」 as of \(scenario.asOf), years \(scenario.years.map(String.init).joined(separator: ", "))")
        if scenario.files.count > 1 { lines.append("extends: \(scenario.files.joined(separator: " → "))") }
        lines.append("tables:")
        lines.append("  cities    \(library.cityIDs.count)  (\(scenario.tables.cities))")
        var statusCounts: [ParkStatus: Int] = [:]
        for park in library.parkRecords { statusCounts[park.status, default: 0] += 1 }
        let statuses = ParkStatus.allCases.compactMap { status in statusCounts[status].map { "\(status.rawValue) \($0)" } }
        lines.append("  parks     \(library.parkRecords.count)  (\(statuses.joined(separator: ", ")))")
        let loanOnly = library.projectRecords.filter { $0.fund == nil }.count
        let requested = library.projectRecords.reduce(0) { $0 + $1.totalRequest }
        lines.append("  projects  \(library.projectRecords.count)  (loan-only \(loanOnly), requests \(formatNumber((requested * 100).rounded() / 100))万)")
        if scenario.tables.banks != nil {
            let capacity = library.bankRecords.reduce(0) { $0 + $1.capacity }
            lines.append("  banks     \(library.bankRecords.count)  (capacity \(formatNumber(capacity))万)")
        }
        lines.append("funds:")
        for (index, fund) in scenario.funds.enumerated() {
            let budget = scenario.years.map { "\($0): \(formatNumber(fund.budget(in: $0)))" }.joined(separator: ", ")
            var line = "  \(fund.id) \(fund.name) [\(fund.kind.rawValue)] budget {\(budget)}"
            if fund.kind == .projectSubsidy {
                let requests = library.projectRecords.filter { $0.fund == index }
                let total = requests.reduce(0) { $0 + $1.totalRequest }
                let budgetTotal = scenario.years.reduce(0) { $0 + fund.budget(in: $1) }
                line += ", \(requests.count) applications, requests \(formatNumber((total * 100).rounded() / 100))万"
                if budgetTotal > 0 { line += " (\(formatNumber((total / budgetTotal * 100).rounded() / 100))× the budget)" }
            } else if let award = fund.award {
                line += ", award \(formatNumber(award))万 per newly named park"
            }
            lines.append(line)
        }
        lines.append("rules: \(scenario.exclude.count) exclusions, \(scenario.limits.count) limits, \(scenario.objective.bonuses.count) bonuses, \(scenario.targets.count) targets\(scenario.loans == nil ? "" : ", loans")")
        lines.append("objective: \(scenario.objective.sense.rawValue)")
        let warnings = inputs.warnings.filter { $0.severity == .warning }.count
        lines.append("\(warnings) warning\(warnings == 1 ? "" : "s"), no errors")
        return lines.joined(separator: "\n") + "\n"
    }
}
