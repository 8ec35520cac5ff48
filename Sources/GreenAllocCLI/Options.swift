public import ArgumentParser
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocCore
internal import GreenAllocEngine
internal import MILP

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, md
}

extension ReportLanguage: ExpressibleByArgument {}

extension SolverBackend: ExpressibleByArgument {}

/// Options shared by the commands that solve.
struct SolveOptions: ParsableArguments {
    @Option(name: .long, help: "Stop after this many seconds (overrides solver.time_limit).")
    var timeLimit: Double?

    @Option(name: .long, help: "Stop at this relative MIP gap, e.g. 0.001 (overrides solver.mip_gap).")
    var gap: Double?

    @Flag(name: .long, help: "Skip the tie rule's second solve (the least subsidy among equally good plans).")
    var noTiebreak = false

    @Flag(name: .long, help: "Show the solver's own log on standard error.")
    var solverLog = false

    @Option(
        name: .long,
        help: "The solver: glpk (built in, the default) or cbc (runs the separate cbc program from coinor-cbc; overrides solver.backend).")
    var solver: SolverBackend?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must lie in [0, 1)") }
    }

    /// The run settings, built here only: these flags over the scenario's `solver` section, then the loan
    /// stage's own time limit and gap where given; the solver log goes to standard error.
    func settings(for scenario: SolverSpec, loanStage: LoanStageOptions? = nil, console: Console) -> RunSettings {
        var settings = RunSettings(
            scenario: scenario, timeLimit: timeLimit, gap: gap, noTiebreak: noTiebreak, solverLog: solverLog, backend: solver)
        if solverLog { settings.logHandler = { line in console.error(line) } }
        if let loanTimeLimit = loanStage?.loanTimeLimit { settings.loanTimeLimit = loanTimeLimit }
        if let loanGap = loanStage?.loanGap { settings.loanRelativeGap = loanGap }
        return settings
    }
}

/// The loan stage's own stopping rules, on the commands that run the loan stage and show what it decided
/// (`solve`, `rank`, `compare`, `target`).
struct LoanStageOptions: ParsableArguments {
    @Option(name: .long, help: "Stop the loan stage after this many seconds (default: the smaller of the time limit and 10).")
    var loanTimeLimit: Double?

    @Option(name: .long, help: "Relative gap of the loan stage (default: 0.001 from 500 project–bank pairs, else --gap).")
    var loanGap: Double?

    func validate() throws {
        if let loanTimeLimit, !(loanTimeLimit > 0) { throw ValidationError("--loan-time-limit must be a positive number of seconds") }
        if let loanGap, !(loanGap >= 0 && loanGap < 1) { throw ValidationError("--loan-gap must lie in [0, 1)") }
    }
}

/// `--loan-time-limit` and `--loan-gap` on a command that solves no loan stage (`explain`, `sweep`,
/// `export-model`): refused (exit 64) with the reason, rather than accepted and ignored. Hidden from the help.
struct NoLoanStageOptions: ParsableArguments {
    @Option(name: .long, help: .hidden)
    var loanTimeLimit: String?

    @Option(name: .long, help: .hidden)
    var loanGap: String?

    func validate() throws {
        let given = [("--loan-time-limit", loanTimeLimit), ("--loan-gap", loanGap)].filter { $0.1 != nil }.map(\.0)
        guard let first = given.first else { return }
        throw ValidationError(
            "\(first) sets when the loan stage's solve stops, and this command solves no loan stage "
                + "(solve, rank, compare and target do)")
    }
}

/// `--nested K` of `solve` and `rank`: the budget-consistent view of the banks' lists.
struct NestedOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Add nested_step to the bank lists: the loan stage solved at k/K of every bank's capacity (k = 1…K), each step keeping the picks of the one before; the plan itself is unchanged.",
            valueName: "K"),
        transform: { text in
            guard let steps = Int(text), steps >= 1 else {
                throw ValidationError("--nested takes a whole number of steps K ≥ 1, not '\(text)'")
            }
            return steps
        })
    var nested: Int?

    /// Adds the nested view to a run whose loan stage found a plan; returns the view's seconds (nil when it did not run).
    func apply(
        to allocation: inout Allocation, inputs: ScenarioInputs, settings: RunSettings, solver: any Solver,
        console: Console, seconds: () -> Double
    ) throws -> Double? {
        guard let nested else { return nil }
        guard allocation.loanStage?.status == .optimal || allocation.loanStage?.status == .feasible else {
            console.error("greenalloc: --nested skipped: the loan stage has no plan\n")
            return nil
        }
        let start = seconds()
        let stage = LoanStageRunner(scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: solver)
        let prefer = Dictionary((allocation.loanStage?.loans ?? []).map { ($0.project, $0.bank) }, uniquingKeysWith: { first, _ in first })
        let view = try stage.nested(projects: allocation.projects, settings: settings, steps: nested, prefer: prefer)
        allocation.loanStage?.details?.nested = view
        let elapsed = seconds() - start
        console.error("greenalloc: nested view, \(nested) step\(nested == 1 ? "" : "s"): \(view.statuses.map(\.rawValue).joined(separator: ", "))\n")
        return elapsed
    }
}
