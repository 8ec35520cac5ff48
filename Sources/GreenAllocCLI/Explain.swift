public import ArgumentParser
internal import GreenAllocCore
internal import GreenAllocExplain
internal import GreenAllocIO
internal import MILPGLPK

struct Explain: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the allocation project by project.",
        discussion: """
            Solves the scenario as `solve` does, then prints one card per project: why it is (not) funded, the \
            rules that bind it, what funding it would cost (objective lost, projects displaced) and how much \
            more money in its fund would fund it without losing anything achieved. --project ID computes one \
            card exactly; the full listing estimates the costs (exact: false) to stay fast unless --exact. \
            Exit codes as for solve.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Explain this project only (always exact).")
    var project: String?

    @Option(name: .long, help: "Output: md (default) or json.")
    var format: ExplainFormat = .md

    @Option(name: .long, help: "Language of the md output: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @Flag(name: .long, help: "Compute every card exactly (one re-solve per unfunded project and more; slow).")
    var exact = false

    @OptionGroup var options: SolveOptions

    func execute(console: Console) throws -> Int32 {
        let inputs = try loadInputs(scenario, console: console)
        let settings = RunSettings(
            scenario: inputs.scenario.solver, timeLimit: options.timeLimit, gap: options.gap,
            noTiebreak: options.noTiebreak, solverLog: options.solverLog)
        let explainer = Explainer(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: makeSolver(console))
        let explanation: Explanation
        do {
            explanation = try explainer.explain(project: project, settings: settings, exactAll: exact)
        } catch let error as ExplainError {
            throw UsageError(message: error.description)
        }
        guard explanation.status == .optimal || explanation.status == .feasible else {
            console.error("greenalloc: the scenario is \(explanation.status.rawValue); run `greenalloc solve` for the diagnosis\n")
            return explanation.status.exitCode
        }
        switch format {
        case .json: console.out(ExplainJSON.render(explanation))
        case .md: console.out(ExplainMarkdown.render(explanation, language: lang))
        }
        return explanation.status.exitCode
    }
}

enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}
