internal import ArgumentParser
internal import GreenAllocCore
internal import GreenAllocExplain
internal import GreenAllocHistory
internal import GreenAllocWhatIf
internal import MILP

/// Exit codes are API: 0 solved (`optimal` or `feasible`), 64 usage error, 65 input error, 3 infeasible, 4 no
/// solution within the time limit, 69 a program `--pdf` needs (Chromium) is not installed, 1 anything else, and
/// 130 interrupted (Ctrl-C or SIGTERM: nothing written).
///
/// This is the one place where outcomes and errors become exit codes: commands return `code(for:)` of what they
/// solved, `CommandLineRunner` maps whatever a command throws through `code(for:interrupted:)`.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let infeasible: Int32 = 3
    public static let noSolution: Int32 = 4
    public static let usage: Int32 = 64
    public static let input: Int32 = 65
    /// sysexits' EX_UNAVAILABLE: a program the command needs is missing (the other outputs were written).
    public static let unavailable: Int32 = 69
    public static let interrupted: Int32 = 130

    /// A stage's outcome: 0 solved (optimal or feasible), 3 infeasible, 4 no solution within the time limit.
    static func code(for status: AllocationStatus) -> Int32 {
        switch status {
        case .optimal, .feasible: success
        case .infeasible: infeasible
        case .noSolution: noSolution
        }
    }

    /// A run's outcome: the subsidy stage's when it did not solve, else the loan stage's (an infeasible loan
    /// stage exits 3 like an infeasible subsidy stage, one without a plan 4).
    static func code(for allocation: Allocation) -> Int32 {
        let subsidy = code(for: allocation.status)
        guard subsidy == success, let loanStage = allocation.loanStage?.status else { return subsidy }
        return code(for: loanStage)
    }

    /// The code of an error that ended a command: 130 when the run was interrupted (whatever error the stop
    /// caused), 65 for input errors, 64 for a request the command cannot carry out as given (a usage error, an
    /// unknown fund, target or project), 69 for a missing program (`ToolUnavailable`), 1 for anything else (an output that cannot be written, a solver failure).
    static func code(for error: any Error, interrupted: Bool = false) -> Int32 {
        if interrupted { return Self.interrupted }
        switch error {
        case is SolveInterrupted: return Self.interrupted
        case is InputErrors: return input
        case let error as HistoryError: return error.isInputError ? input : error.isUnknownRun ? usage : failure
        case is UsageError, is WhatIfError, is ExplainError: return usage
        case is ToolUnavailable: return unavailable
        default: return failure
        }
    }

    /// The code of an error from reading the command line: 0 for a help request, 64 for everything else.
    static func code(forParsing error: any Error) -> Int32 {
        GreenAllocCommand.exitCode(for: error) == .success ? success : usage
    }
}
