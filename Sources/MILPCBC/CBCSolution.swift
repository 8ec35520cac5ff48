import Foundation
import MILP

/// CBC's answer: its solution file (a status line, then `index name value reduced-cost` per nonzero column)
/// and the summary at the end of its log (`Objective value:`, `Lower bound:`). CBC minimizes the MPS file's
/// objective, which is the model's negated for a maximization; values are read by column name.
struct CBCSolution {
    let text: String
    let log: String

    /// What the status line says, before any value is read.
    enum Status: Equatable {
        case optimal, infeasible, unbounded, time, nodes, interrupted, difficulties, unknown
    }

    /// The first line's status, and whether it carries a real point (a stop "(no integer solution -
    /// continuous used)" carries the relaxation, which is no plan).
    static func status(ofLine line: Substring) -> (Status, hasPoint: Bool) {
        let withoutIntegerSolution = line.contains("no integer solution")
        let status: Status
        if line.hasPrefix("Optimal") {
            status = .optimal
        } else if line.hasPrefix("Infeasible") || line.hasPrefix("Integer infeasible") {
            status = .infeasible
        } else if line.hasPrefix("Unbounded") || line.hasPrefix("Integer unbounded") {
            status = .unbounded
        } else if line.hasPrefix("Stopped on time") {
            status = .time
        } else if line.hasPrefix("Stopped on iterations") || line.hasPrefix("Stopped on nodes") {
            status = .nodes
        } else if line.hasPrefix("Stopped on ctrl-c") {
            status = .interrupted
        } else if line.hasPrefix("Stopped on difficulties") {
            status = .difficulties
        } else {
            status = .unknown
        }
        let hasPoint = !withoutIntegerSolution && [.optimal, .time, .nodes, .interrupted].contains(status)
        return (status, hasPoint)
    }

    func result(for model: Model) throws -> SolverResult {
        let lines = text.split(separator: "\n")
        guard let first = lines.first else { throw SolverError("CBC wrote an empty solution file") }
        let (status, hasPoint) = Self.status(ofLine: first)
        let termination: TerminationStatus =
            switch status {
            case .optimal: .optimal
            case .infeasible: .infeasible
            case .unbounded: model.columns.contains(where: \.isInteger) ? .infeasibleOrUnbounded : .unbounded
            case .time: .timeLimit
            case .nodes: .nodeLimit
            case .interrupted: .interrupted
            case .difficulties: .numericalError
            case .unknown: .otherError
            }
        let stoppedAtGap = termination == .optimal && log.contains("within gap tolerance")
        var result = SolverResult(
            termination: stoppedAtGap ? .gapLimit : termination, primal: hasPoint ? .feasiblePoint : .noSolution)
        guard hasPoint else { return result }
        result.values = try values(lines.dropFirst(), model: model)
        let objective = model.objectiveValue(result.values)
        result.objective = objective
        // The log's bound is of the minimized MPS objective: negated back for a maximization.
        let sign: Double = model.sense == .maximize ? -1 : 1
        if termination == .optimal, !stoppedAtGap {
            result.bestBound = objective
        } else if let bound = CBCLog.number(after: "Lower bound:", in: log) {
            result.bestBound = sign * bound
        }
        if let bound = result.bestBound {
            result.gap = abs(objective - bound) / max(1e-10, abs(objective))
        }
        return result
    }

    /// One value per column, by name; a column CBC does not list is 0. Integer columns are rounded.
    private func values(_ lines: ArraySlice<Substring>, model: Model) throws -> [Double] {
        var index: [Substring: Int] = [:]
        for (position, column) in model.columns.enumerated() { index[Substring(column.name)] = position }
        var values = [Double](repeating: 0, count: model.columnCount)
        for line in lines {
            var fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.first == "**" { fields.removeFirst() }
            guard fields.count >= 3, let position = index[fields[1]] else { continue }
            guard let value = Double(fields[2]), value.isFinite else {
                throw SolverError("CBC's solution file has an unreadable value: \(line)")
            }
            values[position] = model.columns[position].isInteger ? value.rounded() : value
        }
        return values
    }
}

/// What greenalloc reads from CBC's printed output.
enum CBCLog {
    /// "Version: 2.10.8" → "2.10.8".
    static func version(in output: String) -> String? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Version:") }) else { return nil }
        let version = line.dropFirst("Version:".count).trimmingCharacters(in: .whitespaces)
        return version.isEmpty ? nil : version
    }

    /// The number after the last line starting with `label` ("Lower bound:   -1234.5").
    static func number(after label: String, in output: String) -> Double? {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix(label) }) else { return nil }
        return line.dropFirst(label.count).split(separator: " ").first.flatMap { Double($0) }
    }
}
