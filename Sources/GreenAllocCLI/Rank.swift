internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import MILPGLPK

/// `greenalloc rank SCENARIO --bank ID`: solves both stages and prints one bank's ranked list and waitlist.
struct Rank: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a scenario (subsidies, then loans) and print one bank's ranked list.",
        discussion: """
            Prints the bank's assigned projects by loan score (rank 1 first), then its waitlist with the reason \
            for each project (a project another bank took reads "assigned to another bank": a bank's list never \
            names another bank). --format csv prints bank-<id>.csv (without the BOM), md a table, json a document \
            {"format": "greenalloc.bank/1", ...}. An unknown bank id is a usage error (exit 64) that lists the ids. \
            With --nested K each line adds nested_step (see `greenalloc solve --help`). An infeasible loan stage \
            exits 3 and names the conflicting loan rules on standard error.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "The bank's id (banks.csv).")
    var bank: String

    @Option(name: .long, help: "Output format: md (default), csv or json.")
    var format: OutputFormat = .md

    @Option(name: .long, help: "Language of names and reasons: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @OptionGroup var options: SolveOptions

    @OptionGroup var loanStageOptions: LoanStageOptions

    @OptionGroup var nestedOption: NestedOption

    func execute(console: Console) throws -> Int32 {
        let inputs = try loadInputs(scenario, console: console)
        let ids = inputs.library.bankRecords.map(\.id)
        guard inputs.scenario.loans != nil else {
            throw UsageError(message: "the scenario has no loans section: there are no bank lists")
        }
        guard ids.contains(bank) else {
            throw UsageError(message: "unknown bank '\(bank)'; banks: \(ids.isEmpty ? "(none)" : ids.joined(separator: ", "))")
        }
        let settings = options.settings(for: inputs.scenario.solver, loanStage: loanStageOptions, console: console)
        let runner = AllocationRunner(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: try makeSolver(console, backend: settings.backend))
        var (allocation, _) = try runner.run(settings: settings, inputsSHA256: inputs.inputsSHA256)
        guard allocation.loanStage != nil else {
            console.error("greenalloc: the subsidy stage ended \(allocation.status.rawValue); no loan stage ran\n")
            return ExitStatus.code(for: allocation.status)
        }
        _ = try nestedOption.apply(
            to: &allocation, inputs: inputs, settings: settings, solver: try makeSolver(console, backend: settings.backend), console: console, seconds: { 0 })
        switch format {
        case .csv: console.out(BankCSV.render(allocation, bank: bank, language: lang))
        case .json: console.out(BankListDocument.json(allocation, bank: bank, language: lang))
        case .md: console.out(BankListDocument.markdown(allocation, bank: bank, language: lang))
        }
        let list = allocation.loanStage?.details?.bank(bank)
        console.error("greenalloc: loan stage \(allocation.loanStage?.status.rawValue ?? "—"), bank \(bank): \(list?.assigned.count ?? 0) assigned, \(list?.waitlist.count ?? 0) waitlisted\n")
        reportLoanDiagnosis(allocation, console: console)
        return ExitStatus.code(for: allocation)
    }
}
