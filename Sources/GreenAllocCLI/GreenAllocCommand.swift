public import ArgumentParser
internal import GreenAllocCore
internal import MILP
internal import MILPGLPK

/// The product's version.
public let greenallocVersion = "0.1.0"

/// A subcommand that runs against a console and returns its exit code.
protocol ConsoleCommand {
    func execute(console: Console) throws -> Int32
}

public struct GreenAllocCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "greenalloc",
        abstract: "Allocate eco-environment funds by integer programming (GLPK).",
        discussion: """
            Reads a scenario (YAML) and its project library (CSV: cities, parks, projects, banks), builds an \
            integer program from the rules and budgets, solves it with GLPK and writes the allocation: which \
            project gets how much subsidy in which year, which parks get named, and why. Money is in 万元.
            """,
        subcommands: [
            Solve.self, Explain.self, Rank.self, Compare.self, Sweep.self, Target.self, Fairness.self, Validate.self, ExportModel.self,
            Generate.self, Init.self, HistoryCommand.self, Show.self, Replay.self, Diff.self, Publish.self,
            BankTokenCommand.self, UserCommand.self,
            Robustness.self,
            Alternatives.self,
            Merge.self,
        ])

    @Flag(name: .long, help: "Print greenalloc's and GLPK's versions.")
    var version = false

    public init() {}

    func execute(console: Console) throws -> Int32 {
        if version {
            console.out("greenalloc \(greenallocVersion) (GLPK \(GLPKSolver.glpkVersion))\n")
            return ExitStatus.success
        }
        console.out(Self.helpMessage() + "\n")
        return ExitStatus.success
    }
}

extension GreenAllocCommand: ConsoleCommand {}

/// Runs the command line in-process and returns the exit code (the executable calls this; tests too).
public enum CommandLineRunner {
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        var command: any ParsableCommand
        do {
            command = try GreenAllocCommand.parseAsRoot(arguments)
        } catch {
            return parserExit(error, console: console)
        }
        guard let runnable = command as? any ConsoleCommand else {
            // `--help`, `-h` and `help SUBCOMMAND` parse to the parser's own help command, whose `run` throws the
            // help request for the right subcommand.
            do {
                try command.run()
                return ExitStatus.success
            } catch {
                return parserExit(error, console: console)
            }
        }
        do {
            let code = try RunArguments.$current.withValue(arguments) { try runnable.execute(console: console) }
            if console.interruption.isCancelled {
                console.error("greenalloc: interrupted as the run ended; an output directory it wrote is complete, nothing else was printed\n")
                return ExitStatus.interrupted
            }
            return code
        } catch {
            let code = ExitStatus.code(for: error, interrupted: console.interruption.isCancelled)
            report(error, exitCode: code, console: console)
            return code
        }
    }

    /// Help requests print to standard output (exit 0); parse errors to standard error (exit 64).
    static func parserExit(_ error: any Error, console: Console) -> Int32 {
        let code = ExitStatus.code(forParsing: error)
        let message = GreenAllocCommand.fullMessage(for: error)
        if code == ExitStatus.success {
            console.out(message + "\n")
        } else {
            console.error(message + "\n")
        }
        return code
    }

    /// Says on standard error why a command ended with `error` (its exit code already decided).
    static func report(_ error: any Error, exitCode: Int32, console: Console) {
        switch error {
        case _ where exitCode == ExitStatus.interrupted:
            console.error("greenalloc: interrupted; no output was written or changed by this run\n")
        case let errors as InputErrors:
            report(errors.diagnostics, console: console)
        case _ where exitCode == ExitStatus.usage:
            console.error("greenalloc: \(error)\n")
        default:
            console.error("greenalloc: error: \(error)\n")
        }
    }

    static func report(_ diagnostics: [Diagnostic], console: Console) {
        let errors = diagnostics.filter { $0.severity == .error }
        for diagnostic in diagnostics.sorted(by: order) { console.error(diagnostic.description + "\n") }
        if !errors.isEmpty {
            console.error("\(errors.count) input error\(errors.count == 1 ? "" : "s"); nothing was solved or written.\n")
        }
    }

    static func order(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (let left?, let right?): return left < right
        case (nil, .some): return true
        default: return false
        }
    }
}
