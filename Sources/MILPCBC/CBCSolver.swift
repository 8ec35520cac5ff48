import ExternalProgram
import Foundation
public import MILP

/// Solves `Model`s with COIN-OR CBC run as a separate process (Debian's `coinor-cbc`, `/usr/bin/cbc`): the
/// model goes out as free MPS, the solution comes back from CBC's solution file and log. Nothing is linked.
///
/// Each `solve` validates the model, writes it into a fresh temporary directory, runs
/// `cbc model.mps -timeMode elapsed -sec T -ratioGap G -threads N -solve -solution solution.txt`, waits while
/// polling `parameters.cancellation` and the wall clock, reads the answer and removes the directory.
/// - cancellation: the child is terminated (SIGTERM) and the result is `.interrupted` without a point;
/// - time limit: CBC's own limit on elapsed time; should CBC still run `overrunGrace` seconds past it, the child
///   is terminated and the result is `.timeLimit` without a point;
/// - `relativeGap` → `-ratioGap`, `presolve == false` → `-preprocess off`, `roundingCuts == false` →
///   `-mixedIntegerRoundingCuts off`, `nodeLimit` → `-maxNodes`;
/// - a feasible `start` goes to CBC as a `-mipStart` file, with preprocessing off (CBC 2.10 can abort on a start
///   once its preprocessing adds columns; such a run is repeated without the start); `usedStart` when CBC's log
///   says it took it;
/// - an integer model whose relaxation is unbounded is solved again with a zero objective, as GLPK's backend
///   does: unbounded when that finds a plan, infeasible when it proves there is none;
/// - not supported (ignored): relaxation duals and reduced costs (nil), `concurrent` (CBC runs in its own
///   process). With `log`, CBC's output is forwarded once it ends, not line by line.
public struct CBCSolver: Solver {
    /// Where Debian's coinor-cbc installs the program.
    public static let defaultExecutable = "/usr/bin/cbc"

    /// The `cbc` program run for each solve.
    public let executable: String
    /// `-threads`: 1 keeps the search, and so the plan, the same on every run.
    public var threads: Int
    /// Seconds past the time limit after which a CBC that has not stopped is terminated.
    public var overrunGrace: Double

    /// CBC's version as it prints it ("2.10.8"), read once when the solver is made (not on every run: a sweep
    /// makes one run per point); "unknown" when the program cannot be run.
    public let version: String

    public init(executable: String = CBCSolver.defaultExecutable, threads: Int = 1, overrunGrace: Double = 1) {
        self.executable = executable
        self.threads = max(1, threads)
        self.overrunGrace = overrunGrace
        let installed = FileManager.default.isExecutableFile(atPath: executable)
        let output = installed ? try? ProgramRun.output(of: executable, arguments: ["-quit"]) : nil
        version = output.flatMap(CBCLog.version(in:)) ?? "unknown"
    }

    public var name: String { "CBC" }

    /// Whether `executable` names a program this user can run.
    public var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// The error for a missing program, with what to do about it.
    public var notInstalledError: SolverError {
        SolverError(
            "the CBC solver was not found at \(executable): install it (Debian/Ubuntu: apt-get install coinor-cbc) "
                + "or solve with --solver glpk")
    }

    public func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
        if let start = parameters.start {
            try model.validate(start: start)
        } else {
            try model.validate()
        }
        guard isInstalled else { throw notInstalledError }
        let clock = ContinuousClock()
        let began = clock.now
        var result = try run(model, parameters)
        if result.termination == .infeasibleOrUnbounded {
            // As GLPK does: an integer program with an unbounded relaxation is unbounded exactly when it is feasible.
            var feasibility = model
            feasibility.replaceObjective([Double](repeating: 0, count: model.columnCount), sense: model.sense)
            var remaining = parameters
            remaining.timeLimit = parameters.timeLimit.map { max(0.01, $0 - (clock.now - began).inSeconds) }
            let answer = try run(feasibility, remaining)
            if answer.termination == .infeasible || answer.hasSolution {
                result.termination = answer.hasSolution ? .unbounded : .infeasible
            }
            result.log += answer.log
        }
        result.seconds = (clock.now - began).inSeconds
        return result
    }

    /// One solve on a validated model, from `parameters.start` when it is feasible. CBC 2.10 can abort on a
    /// start once its preprocessing has added columns ("Illegal index … in ClpModel::getColumnName"): such a
    /// run is repeated without the start, within what is left of the time limit.
    private func run(_ model: Model, _ parameters: SolverParameters) throws -> SolverResult {
        let began = ContinuousClock.now
        let start = parameters.start.flatMap { model.verify($0).isEmpty ? $0 : nil }
        let first = try attempt(model, parameters, start: start)
        if let result = first.result { return result }
        guard start != nil else {
            throw SolverError("CBC (\(executable)) ended without a solution file:\n\(first.log.suffix(2000))")
        }
        var remaining = parameters
        remaining.timeLimit = parameters.timeLimit.map { max(0.01, $0 - (ContinuousClock.now - began).inSeconds) }
        let second = try attempt(model, remaining, start: nil)
        guard var result = second.result else {
            throw SolverError("CBC (\(executable)) ended without a solution file:\n\(second.log.suffix(2000))")
        }
        result.log = first.log + result.log
        return result
    }

    /// One run of the program; `result` is nil when CBC ended without writing a solution file.
    private func attempt(
        _ model: Model, _ parameters: SolverParameters, start: [Double]?
    ) throws -> (result: SolverResult?, log: String) {
        let began = ContinuousClock.now
        let directory = try solverStep { try ProgramRun.temporaryDirectory(purpose: "cbc") }
        defer { try? FileManager.default.removeItem(at: directory) }
        let modelFile = directory.appendingPathComponent("model.mps")
        let solutionFile = directory.appendingPathComponent("solution.txt")
        let startFile = directory.appendingPathComponent("start.txt")
        try Data(Self.freeMPS(model).utf8).write(to: modelFile)
        if let start { try Data(Self.startText(model, start).utf8).write(to: startFile) }
        let process = ProgramRun(
            executable: executable,
            arguments: arguments(modelFile.path, solutionFile.path, parameters, startPath: start == nil ? nil : startFile.path),
            logFile: directory.appendingPathComponent("log.txt"))
        let deadline = parameters.timeLimit.map { began + .milliseconds(Int64(($0 + overrunGrace) * 1000)) }
        let ending = try solverStep { try process.run(until: deadline) { parameters.cancellation?.isCancelled == true } }
        let log = process.log()
        if parameters.log { parameters.logHandler?(log) }
        var result: SolverResult
        switch ending {
        case .cancelled: result = SolverResult(termination: .interrupted, primal: .noSolution)
        case .overran: result = SolverResult(termination: .timeLimit, primal: .noSolution)
        case .exited:
            guard let solution = try? String(contentsOf: solutionFile, encoding: .utf8) else { return (nil, log) }
            result = try CBCSolution(text: solution, log: log).result(for: model)
        }
        result.log = log
        result.usedStart = start != nil && log.contains("MIPStart provided solution")
        return (result, log)
    }

    /// CBC's command line: read, settings, solve, write the solution.
    func arguments(
        _ modelPath: String, _ solutionPath: String, _ parameters: SolverParameters, startPath: String? = nil
    ) -> [String] {
        var arguments = [modelPath, "-timeMode", "elapsed"]
        if let limit = parameters.timeLimit { arguments += ["-sec", String(max(0.01, limit))] }
        arguments += ["-ratioGap", String(parameters.relativeGap), "-threads", String(threads)]
        // A start goes with preprocessing off: CBC 2.10 can abort on a start once its preprocessing adds columns.
        if parameters.presolve == false || startPath != nil { arguments += ["-preprocess", "off"] }
        if parameters.roundingCuts == false { arguments += ["-mixedIntegerRoundingCuts", "off"] }
        if let nodes = parameters.nodeLimit { arguments += ["-maxNodes", String(max(0, nodes))] }
        if let startPath { arguments += ["-mipStart", startPath] }
        return arguments + ["-solve", "-solution", solutionPath]
    }

    /// A starting point in CBC's `-mipStart` format (its own solution format): a header, then
    /// `index name value` per column.
    static func startText(_ model: Model, _ start: [Double]) -> String {
        var text = "Feasible - objective value \(model.objectiveValue(start))\n"
        for (index, column) in model.columns.enumerated() {
            let value = column.isInteger ? start[index].rounded() : start[index]
            text += "\(index) \(column.name) \(value) 0\n"
        }
        return text
    }

    /// The model's MPS text with the `NAME` line marked `FREE`: CBC reads fixed-column MPS unless told.
    static func freeMPS(_ model: Model) -> String {
        var lines = model.mpsText().split(separator: "\n", omittingEmptySubsequences: false)
        if let index = lines.firstIndex(where: { $0.hasPrefix("NAME") }) {
            lines[index] = "NAME model FREE"
        }
        return lines.joined(separator: "\n")
    }

    /// A step of running CBC, its `ProgramError` told as a `SolverError` naming CBC.
    private func solverStep<T>(_ step: () throws -> T) throws -> T {
        do {
            return try step()
        } catch let error as ProgramError {
            throw SolverError("CBC (\(executable)): \(error.description)")
        }
    }
}
