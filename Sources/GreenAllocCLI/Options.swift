public import ArgumentParser
internal import GreenAllocIO
internal import GreenAllocCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, md
}

extension ReportLanguage: ExpressibleByArgument {}

/// Options shared by the commands that solve.
struct SolveOptions: ParsableArguments {
    @Option(name: .long, help: "Stop after this many seconds (overrides solver.time_limit).")
    var timeLimit: Double?

    @Option(name: .long, help: "Stop at this relative MIP gap, e.g. 0.001 (overrides solver.mip_gap).")
    var gap: Double?

    @Flag(name: .long, help: "Skip the tie rule's second solve (SPEC §4.1).")
    var noTiebreak = false

    @Option(name: .long, help: "Stop the loan stage after this many seconds (default: the smaller of the time limit and 10).")
    var loanTimeLimit: Double?

    @Option(name: .long, help: "Relative gap of the loan stage (default: 0.001 from 500 project–bank pairs, else --gap).")
    var loanGap: Double?

    @Flag(name: .long, help: "Show GLPK's own log on standard error.")
    var solverLog = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let loanTimeLimit, !(loanTimeLimit > 0) { throw ValidationError("--loan-time-limit must be a positive number of seconds") }
        if let loanGap, !(loanGap >= 0 && loanGap < 1) { throw ValidationError("--loan-gap must lie in [0, 1)") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must lie in [0, 1)") }
    }

    /// The run settings: these flags over the scenario's `solver` section; the solver log goes to standard error.
    func settings(for scenario: SolverSpec, console: Console) -> RunSettings {
        var settings = RunSettings(
            scenario: scenario, timeLimit: timeLimit, gap: gap, noTiebreak: noTiebreak, solverLog: solverLog,
            loanTimeLimit: loanTimeLimit)
        settings.loanRelativeGap = loanGap
        if solverLog { settings.logHandler = { line in console.error(line) } }
        return settings
    }
}
