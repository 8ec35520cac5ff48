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
        console.out(ValidateSummary.render(scenario: inputs.scenario, library: inputs.library, warnings: inputs.warnings))
        return ExitStatus.success
    }

    func mergedJSON(_ node: YAMLNode) -> JSONValue {
        switch node.kind {
        case .scalar(let text, _): return node.isNull ? .null : .string(text)
        case .sequence(let items): return .array(items.map(mergedJSON))
        case .mapping(let entries): return .object(entries.map { ($0.key, mergedJSON($0.value)) })
        }
    }
}
