internal import ArgumentParser
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocExplain
internal import GreenAllocInputs
internal import GreenAllocReports
internal import MILPGLPK

struct Explain: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain the allocation project by project.",
        discussion: """
            Solves the subsidy stage as `solve` does, then prints one card per project: why it is (not) funded, the \
            rules that bind it, what funding it would cost (objective lost, projects displaced) and how much \
            more money in its fund would fund it without losing anything achieved. --project ID computes one \
            card exactly; the full listing estimates the costs (exact: false) to stay fast unless --exact. \
            Explain does not run the loan stage: --loan-time-limit and --loan-gap are refused (exit 64). Exit codes \
            as for solve. --out DIR also writes explain.xlsx (one row per card, in --lang).
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Explain this project only (always exact).")
    var project: String?

    @Option(name: .long, help: "Output: md (default) or json.")
    var format: ExplainFormat = .md

    @Option(name: .long, help: "Also write explain.xlsx into this directory.")
    var out: String?

    @Option(name: .long, help: "Language of the md output and of explain.xlsx: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @Flag(name: .long, help: "Compute every card exactly (one re-solve per unfunded project and more; slow).")
    var exact = false

    @OptionGroup var options: SolveOptions

    @OptionGroup var noLoanStageOptions: NoLoanStageOptions

    func execute(console: Console) throws -> Int32 {
        // The cards are about subsidies: the loan stage is not solved.
        let inputs = try loadInputs(scenario, console: console).subsidyStageOnly
        let settings = options.settings(for: inputs.scenario.solver, console: console)
        let explainer = Explainer(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: try makeSolver(console, backend: settings.backend))
        let explanation = try explainer.explain(project: project, settings: settings, exactAll: exact)
        guard explanation.status == .optimal || explanation.status == .feasible else {
            console.error("greenalloc: the scenario is \(explanation.status.rawValue); run `greenalloc solve` for the diagnosis\n")
            return ExitStatus.code(for: explanation.status)
        }
        if let out {
            let names = ProjectNames(library: inputs.library, scenario: inputs.scenario, language: lang)
            try OutputDirectory.write(
                files: [ExplainWorkbook.fileName: try ExplainWorkbook.bytes(explanation, names: names, language: lang)],
                to: out, cancellation: console.interruption)
        }
        switch format {
        case .json: console.out(ExplainJSON.render(explanation))
        case .md: console.out(ExplainMarkdown.render(explanation, language: lang, englishText: inputs.scenario.englishText))
        }
        return ExitStatus.code(for: explanation.status)
    }
}

enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}
