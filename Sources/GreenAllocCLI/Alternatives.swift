internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocRobustness
internal import MILP

struct Alternatives: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find plans within a stated loss of the optimum, each as different as possible from the ones before.",
        discussion: """
            Solves the scenario, then finds up to --count plans whose objective is at least (1 − within) × optimum, \
            each cut off from the plans before it and maximizing its summed Hamming distance (over the funding \
            decisions) to them; among equally different plans the best objective is taken. Prints json (default) or \
            md; --out DIR writes alternatives.json, alternatives.md and alternatives.en.md. The loan stage is not \
            solved. Exit codes: 0 done (fewer plans than asked when no more exist within the loss), 3 the scenario is \
            infeasible or has no plan in time, 64 usage error, 65 input error, 130 interrupted, 1 anything else.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "How many plans besides the optimum (1–50).")
    var count: Int = 3

    @Option(name: .long, help: "The largest loss against the optimum, relative (default 1%, or 0.01).")
    var within: Scale?

    var loss: Double { within?.value ?? 0.01 }

    @Option(name: .long, help: "Print json (default) or md.")
    var format: OutputFormat?

    @Option(name: .long, help: "Write alternatives.json, alternatives.md and alternatives.en.md into this directory.")
    var out: String?

    @Option(name: .long, help: "Language of the Markdown printed with --format md: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @OptionGroup var options: SolveOptions

    @OptionGroup var noLoanStageOptions: NoLoanStageOptions

    @OptionGroup var historyOptions: HistoryOptions

    func validate() throws {
        if !(1...50).contains(count) { throw ValidationError("--count must be between 1 and 50") }
        if !(loss >= 0 && loss < 1) { throw ValidationError("--within must be at least 0 and below 100%") }
        if format == .csv { throw ValidationError("alternatives print json or md") }
    }

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        let clock = stopwatch()
        let inputs = try loadInputs(scenario, console: console).subsidyStageOnly
        let planSolver = try RobustnessRequest.planSolver(inputs, options: options, console: console)
        let settings = planSolver.settings
        let finder = AlternativesFinder(planSolver: planSolver, scenario: inputs.scenario)
        guard let result = try robustnessUsage({ try finder.run(count: count, within: loss) }) else {
            console.error("greenalloc: the scenario has no plan (infeasible, or none within the time limit); run greenalloc solve for the diagnosis\n")
            return session.finish(command: "alternatives", inputs: [inputs], outcome: RunOutcome(status: "no plan", settings: settings), out: nil, code: ExitStatus.infeasible)
        }
        let request = RobustnessRequest(inputs: inputs, planSolver: planSolver, ranges: [], console: console)
        let output = AlternativesOutput(result: result, projects: request.labels, scenario: inputs.scenario.name, scenarioEnglish: inputs.scenario.englishName)
        if let out { try OutputDirectory.write(files: output.files(), to: out, cancellation: console.interruption) }
        switch format ?? (out == nil ? .json : nil) {
        case .md: console.out(output.markdown(lang))
        case .json, .csv: console.out(JSONWriter.render(output.json()))
        case nil: break
        }
        console.error("greenalloc: \(result.alternatives.count) of \(count) alternatives within \(MoneyFormat.percent(loss, places: 4)) of the optimum (\(result.solves) solves, \(String(format: "%.2f", clock())) s)\n")
        return session.finish(
            command: "alternatives", inputs: [inputs], outcome: RunOutcome(status: "solved", objective: result.optimum.objective, settings: settings),
            out: out, code: ExitStatus.success)
    }
}
