public import ArgumentParser
internal import GreenAllocIO

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

    @Flag(name: .long, help: "Show GLPK's own log on standard error.")
    var solverLog = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must lie in [0, 1)") }
    }
}
