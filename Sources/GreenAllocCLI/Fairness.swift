public import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocWhatIf

/// `greenalloc fairness SCENARIO`: the optimum beside the greedy benefit/cost ranking and the proportional rule.
struct Fairness: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the optimum with the greedy ranking and a proportional rule: objective, city shares, Gini.",
        discussion: """
            Solves the scenario as `solve` does (without the loan stage), then builds two plans by rule on the same \
            model: the greedy benefit/cost ranking (today's practice) and the proportional rule (each city entitled to \
            money in proportion to --basis, funding its own projects by benefit per 万元, leftovers passed on as in \
            the method of equal shares). Prints each plan's objective, the price of fairness (objective lost against \
            the optimum, absolute and %), projects funded, the Gini coefficient of the money over the cities and \
            the hard rules a plan breaks, checked rule by rule; the exact rules are in docs/scenario-format.md. \
            --out DIR writes fairness.md, fairness.en.md, fairness.html, fairness.en.html (a Lorenz curve per plan), \
            fairness.json and fairness.xlsx. Exit codes: 0 done, 3 the scenario is infeasible, 4 no solution in \
            time, 64 usage error (e.g. --basis gdp without a GDP column), 65 input error, 1 anything else.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Entitlements in proportion to requests (default), population or gdp (a column of the cities table).")
    var basis: FairnessBasis = .requests

    @Option(name: .long, help: "md (default) or json.")
    var format: OutputFormat = .md

    @Option(name: .long, help: "Language of the md output and of fairness.xlsx: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @Option(name: .long, help: "Write fairness.md/.en.md/.html/.en.html/.json/.xlsx into this directory.")
    var out: String?

    @OptionGroup var options: SolveOptions

    @OptionGroup var historyOptions: HistoryOptions

    func validate() throws {
        if format == .csv { throw ValidationError("fairness prints md or json") }
    }

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        let inputs = try loadInputs(scenario, console: console).subsidyStageOnly
        let runner = try WhatIfSupport.runner(inputs, options: options, tiebreak: true, console: console)
        console.error("greenalloc: solving \(scenario), then the greedy and proportional rules\n")
        let optimum = try runner.run(runner.scenario)
        let result = try runner.fairness(basis: basis, optimum: optimum)
        let english = optimum.englishText
        if let out {
            var files: [String: [UInt8]] = [
                "fairness.json": Array(FairnessOutput.json(result).utf8),
                FairnessOutput.workbookName: try FairnessOutput.workbook(result, language: lang),
            ]
            for language in ReportLanguage.allCases {
                let suffix = language == .zh ? "" : "." + language.rawValue
                let page = FairnessPage(result, language: language, englishText: english)
                files["fairness" + suffix + ".md"] = Array(page.markdown().utf8)
                files["fairness" + suffix + ".html"] = Array(page.html().utf8)
            }
            try OutputDirectory.write(files: files, to: out, cancellation: console.interruption)
        }
        switch format {
        case .json: console.out(FairnessOutput.json(result))
        case .md, .csv: console.out(FairnessPage(result, language: lang, englishText: english).markdown())
        }
        let code = ExitStatus.code(for: optimum.status)
        return session.finish(
            command: "fairness", inputs: [inputs], outcome: RunOutcome(status: optimum.status.rawValue, settings: runner.settings),
            out: out, code: code)
    }
}

extension FairnessBasis: ExpressibleByArgument {}
