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
            alike) by bisection, to within 0.1%, then solves the plan at that budget. Prints the answer first: the \
            least scale and budget found, how sure it is (exact to 0.1%, or between two bounds when a solve \
            stopped on its time limit) and the number of solves, then the budget by year and the plan's figures \
            (--format json: the same as a compact JSON object, without the plan). --out DIR writes the plan at \
            that budget as `solve --out` writes it (allocation.json, projects.csv, the reports, the workbooks; no \
            run.json) plus target.md, target.en.md and target.json. When no budget suffices (the target fails even \
            when every request of the fund fits), says so and names the conflicting rules. \
            Exit codes: 0 found, 3 no budget suffices, 64 usage error, 65 input error, 1 anything else.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "The target's name (as in the scenario's targets).")
    var target: String

    @Option(name: .long, help: "The id of the fund whose budget is scaled.")
    var fund: String

    @Option(name: .long, help: "Print md (default: the answer first) or json (compact, without the plan).")
    var format: OutputFormat = .md

    @Option(name: .long, help: "Language of the answer and of the plan's documents: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @Option(name: .long, help: "Write the plan at the budget found (as solve --out) and target.md/target.json into this directory.")
    var out: String?

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
        if let out {
            try OutputDirectory.write(files: try Self.files(search, details: ProjectDetails(library: runner.library), language: lang),
                to: out, cancellation: console.interruption)
        }
        switch format {
        case .json: console.out(WhatIfTargetOutput.json(search))
        default: console.out(WhatIfTargetOutput.markdown(search, language: lang))
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

extension Target {
    /// `--out DIR`: the plan's files as `solve --out` writes them (no run.json: the search is not one solve),
    /// target.md (Chinese), target.en.md and target.json.
    static func files(_ search: TargetSearchResult, details: ProjectDetails, language: ReportLanguage) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        if let plan = search.allocation {
            files = OutputFiles.standard(for: plan, language: language)
                .merging(BankCSV.files(plan, language: language)) { current, _ in current }
                .merging(try OutputFiles.workbooks(for: plan, details: details, language: language)) { current, _ in current }
        }
        files["target.md"] = Array(WhatIfTargetOutput.markdown(search, language: .zh).utf8)
        files["target.en.md"] = Array(WhatIfTargetOutput.markdown(search, language: .en).utf8)
        files["target.json"] = Array(WhatIfTargetOutput.json(search).utf8)
        return files
    }
}
