internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import MILP
internal import MILPGLPK

struct ExportModel: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write the integer program that `solve` solves first, as CPLEX LP or free MPS text.",
        discussion: """
            --stage subsidy (default) writes the subsidy stage's model. --stage loans solves the subsidy stage \
            first (with the solver flags below, as `solve` does) and writes the loan stage's model \
            with those decisions fixed: the model of the loan stage's first solve, before the tie-breaking \
            solves. The loan model is written, not solved: --loan-time-limit and --loan-gap are refused. Give \
            the destination as --out FILE (--format lp or mps; --out - prints to standard output), or as \
            --lp FILE / --mps FILE; the file appears whole or not at all. Exit codes: 0 written, 3 or 4 when \
            the subsidy stage has no plan (--stage loans), 64 usage error, 65 input error, 1 anything else (a \
            file that cannot be written, say).
            """)

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case subsidy, loans
    }

    enum ModelFormat: String, ExpressibleByArgument, CaseIterable {
        case lp, mps
    }

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Which model: subsidy (default) or loans.")
    var stage: Stage = .subsidy

    @Option(name: .long, help: "Format for --out: lp (CPLEX LP, default) or mps (free MPS).")
    var format: ModelFormat?

    @Option(name: .long, help: "Write the model to this file ('-' for standard output).")
    var out: String?

    @Option(name: .long, help: "Write CPLEX LP text to this file (read by `glpsol --lp`).")
    var lp: String?

    @Option(name: .long, help: "Write free MPS text to this file (read by `glpsol --freemps`).")
    var mps: String?

    @OptionGroup var options: SolveOptions

    @OptionGroup var noLoanStageOptions: NoLoanStageOptions

    func validate() throws {
        if [lp, mps, out].compactMap({ $0 }).count != 1 {
            throw ValidationError("give exactly one of --out FILE, --lp FILE or --mps FILE")
        }
        if format != nil, out == nil { throw ValidationError("--format goes with --out (--lp and --mps name their format)") }
    }

    func execute(console: Console) throws -> Int32 {
        let inputs = try loadInputs(scenario, console: console)
        let model: Model
        switch stage {
        case .subsidy:
            model = Compiler(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules).compile().model
        case .loans:
            guard inputs.scenario.loans != nil else {
                throw UsageError(message: "the scenario has no loans section: there is no loan stage")
            }
            let settings = options.settings(for: inputs.scenario.solver, console: console)
            let runner = AllocationRunner(
                scenario: inputs.scenario, library: inputs.library, rules: inputs.rules,
                solver: try makeSolver(console, backend: settings.backend))
            switch try runner.loanModel(settings: settings, inputsSHA256: inputs.inputsSHA256) {
            case .model(let loanModel): model = loanModel
            case .subsidyStageEnded(let status):
                console.error("greenalloc: the subsidy stage ended \(status.rawValue); there is no loan stage to export\n")
                return ExitStatus.code(for: status)
            }
        }
        try model.validate()
        let asMPS = mps != nil || format == .mps
        let text = asMPS ? model.mpsText() : model.lpText()
        let path = out ?? lp ?? mps ?? ""
        if path == "-" {
            console.out(text)
        } else {
            try OutputFile.write(Array(text.utf8), to: path)
        }
        console.error("greenalloc: wrote the \(stage.rawValue) model, \(model.rowCount) rows, \(model.columnCount) columns, \(model.nonzeroCount) nonzeros to \(path == "-" ? "standard output" : path)\n")
        return ExitStatus.success
    }
}
