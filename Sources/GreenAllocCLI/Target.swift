internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocWhatIf

struct Target: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the smallest budget of a fund at which a target is met.",
        discussion: """
            Treats the named target as hard and minimizes the scale of the fund's budget (every year multiplied \
            alike) in one solve, to within 0.1%, then solves the plan at that budget. When no budget suffices (the \
            target fails even when every request of the fund fits), says so and names the conflicting rules. \
            Exit codes: 0 found, 3 no budget suffices, 64 usage error, 65 input error, 1 anything else.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "The target's name (as in the scenario's targets).")
    var target: String

    @Option(name: .long, help: "The id of the fund whose budget is scaled.")
    var fund: String

    @Option(name: .long, help: "Print json (default) or md.")
    var format: OutputFormat = .json

    @Option(name: .long, help: "Report language of the plan's reasons: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @OptionGroup var options: SolveOptions

    @OptionGroup var loanStageOptions: LoanStageOptions

    @OptionGroup var historyOptions: HistoryOptions

    func validate() throws {
        if format == .csv { throw ValidationError("target prints json or md") }
    }

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        let inputs = try loadInputs(scenario, console: console)
        let runner = try runner(inputs, console: console)
        console.error("greenalloc: searching the budget of \(fund) that meets 「\(target)」\n")
        let search = try runner.target(name: target, fund: fund, clock: WhatIfSupport.clock())
        switch format {
        case .md: console.out(WhatIfTargetOutput.markdown(search))
        default: console.out(WhatIfTargetOutput.json(search, language: lang))
        }
        let outcome = RunOutcome(status: search.scale == nil ? "not met" : "met", objective: search.scale, settings: runner.settings)
        if let scale = search.scale {
            console.error("greenalloc: met at ×\(String(format: "%.4f", scale)) after \(search.solves) scale solve(s) in \(String(format: "%.2f", search.seconds)) s\n")
            return session.finish(command: "target", inputs: [inputs], outcome: outcome, out: nil, code: ExitStatus.success)
        }
        console.error("greenalloc: no budget of \(fund) meets 「\(target)」: \(search.reasons.first ?? "")\n")
        return session.finish(command: "target", inputs: [inputs], outcome: outcome, out: nil, code: ExitStatus.infeasible)
    }

    /// The runner of the search: the tie rule, and the plan's loan stage with `--loan-time-limit` and
    /// `--loan-gap` when given (the plan printed carries its loans).
    func runner(_ inputs: ScenarioInputs, console: Console) throws -> WhatIfRunner {
        try WhatIfSupport.runner(inputs, options: options, tiebreak: true, console: console, loanStage: loanStageOptions)
    }
}
