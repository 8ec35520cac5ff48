internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocWhatIf

struct Compare: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve several scenarios and compare them side by side.",
        discussion: """
            Solves each scenario as `solve` does (scenarios run in parallel, one GLPK solve per core) and prints, \
            per scenario: status, objective, subsidy by fund, year, city and category, eco parks named, targets \
            met, loans placed; then the projects that differ from the first scenario (funded only here, dropped \
            here, share changed), each figure with Δ and Δ% against the first scenario and projects named beside \
            their ids, in --lang; rank stability against the first scenario (per bank list and for the funded set: \
            entries that keep their place, move, enter, leave; the projects funded in every scenario) and fairness \
            per scenario (the optimum beside the greedy ranking and the proportional rule by requests, as \
            `greenalloc fairness` computes them). --out DIR also writes compare.xlsx (the same figures side by side, in --lang), \
            compare.md (Chinese) and compare.en.md (English). Exit codes: 0 when every scenario solved, 3 when one is infeasible, 4 when \
            one has no solution in time, 64 usage error, 65 input error, 1 anything else.
            """)

    @Argument(help: "Two or more scenario YAML files; the first is the baseline of the differences.")
    var scenarios: [String]

    @Option(name: .long, help: "md (default), csv or json.")
    var format: OutputFormat = .md

    @Option(name: .long, help: "Also write compare.xlsx, compare.md and compare.en.md into this directory.")
    var out: String?

    @Option(name: .long, help: "Language of the md output and of compare.xlsx: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @OptionGroup var options: SolveOptions

    @OptionGroup var loanStageOptions: LoanStageOptions

    @OptionGroup var historyOptions: HistoryOptions

    func validate() throws {
        if scenarios.count < 2 { throw ValidationError("compare needs at least two scenarios") }
    }

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        var inputs: [ScenarioInputs] = []
        var errors: [Diagnostic] = []
        for path in scenarios {
            switch ScenarioInputs.load(path: path) {
            case .failure(let failure): errors += failure.diagnostics
            case .success(let loaded):
                CommandLineRunner.report(loaded.warnings, console: console)
                inputs.append(loaded)
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        console.error("greenalloc: comparing \(inputs.count) scenarios\n")
        let scenarioRunners = try runners(inputs, console: console)
        var comparison = try WhatIfRunner.compare(scenarioRunners, threads: ProcessInfo.processInfo.activeProcessorCount)
        comparison.fairness = try zip(scenarioRunners, comparison.scenarios).map { entry, summary in
            try entry.runner.fairness(basis: .requests, optimum: summary.allocation)
        }
        if let out {
            let files: [String: [UInt8]] = [
                CompareWorkbook.fileName: try CompareWorkbook.bytes(comparison, language: lang),
                "compare.md": Array(WhatIfCompareOutput.markdown(comparison, language: .zh).utf8),
                "compare.en.md": Array(WhatIfCompareOutput.markdown(comparison, language: .en).utf8),
            ]
            try OutputDirectory.write(files: files, to: out, cancellation: console.interruption)
        }
        switch format {
        case .json: console.out(WhatIfCompareOutput.json(comparison))
        case .csv: console.out(WhatIfCompareOutput.csv(comparison))
        case .md: console.out(WhatIfCompareOutput.markdown(comparison, language: lang))
        }
        let codes = comparison.scenarios.map { ExitStatus.code(for: $0.status) }
        let outcome = RunOutcome(
            status: comparison.scenarios.map(\.status.rawValue).joined(separator: ", "),
            settings: inputs.first.map { options.settings(for: $0.scenario.solver, console: console) })
        let code = codes.first { $0 == ExitStatus.infeasible } ?? codes.first { $0 != 0 } ?? ExitStatus.success
        return session.finish(command: "compare", inputs: inputs, outcome: outcome, out: out, code: code)
    }

    /// One runner per scenario (file name, runner), each solving as `solve` does: the tie rule, then the loan
    /// stage with `--loan-time-limit` and `--loan-gap` when given.
    func runners(_ inputs: [ScenarioInputs], console: Console) throws -> [(file: String, runner: WhatIfRunner)] {
        try zip(scenarios, inputs).map { path, input in
            (file: (path as NSString).lastPathComponent, runner: try WhatIfSupport.runner(
                input, options: options, tiebreak: true, console: console, loanStage: loanStageOptions))
        }
    }
}
