public import MILP

/// A reference solver for tiny models: enumerates every integer assignment (each integer column needs finite
/// bounds, at most `maximumAssignments` combinations) and solves the continuous rest exactly with a small
/// dense simplex. Reports optimal, infeasible or unbounded; ignores time limits, gaps and starts.
public struct BruteForceSolver: Solver {
    public var maximumAssignments: Int

    public init(maximumAssignments: Int = 1 << 16) {
        self.maximumAssignments = maximumAssignments
    }

    public var name: String { "BruteForce" }
    public var version: String { "1" }

    public func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
        if let start = parameters.start { try model.validate(start: start) } else { try model.validate() }
        let integerColumns = model.columns.indices.filter { model.columns[$0].isInteger }
        let continuousColumns = model.columns.indices.filter { !model.columns[$0].isInteger }
        var assignments = 1
        for column in integerColumns {
            let lower = model.columns[column].effectiveLower
            let upper = model.columns[column].effectiveUpper
            guard lower.isFinite, upper.isFinite else {
                throw SolverError("brute force needs finite bounds on integer column '\(model.columns[column].name)'")
            }
            assignments *= Int(upper - lower) + 1
            guard assignments <= maximumAssignments else {
                throw SolverError("brute force: more than \(maximumAssignments) integer assignments")
            }
        }
        let sign: Double = model.sense == .maximize ? -1 : 1
        var values = model.columns.map { $0.isInteger ? $0.effectiveLower : 0 }
        var best: (values: [Double], objective: Double)?
        for _ in 0..<assignments {
            switch completeAssignment(model, values, continuousColumns: continuousColumns) {
            case .unbounded:
                return SolverResult(termination: .unbounded, primal: .noSolution)
            case .infeasible:
                break
            case .optimal(let point, _):
                let objective = model.objectiveValue(point)
                if best == nil || sign * objective < sign * best!.objective - 1e-9 { best = (point, objective) }
            }
            advance(&values, model: model, integerColumns: integerColumns)
        }
        guard let best else { return SolverResult(termination: .infeasible, primal: .noSolution) }
        return SolverResult(
            termination: .optimal, primal: .feasiblePoint, objective: best.objective, bestBound: best.objective, gap: 0,
            values: best.values)
    }

    /// Next integer assignment, odometer style.
    private func advance(_ values: inout [Double], model: Model, integerColumns: [Int]) {
        for column in integerColumns {
            if values[column] < model.columns[column].effectiveUpper {
                values[column] += 1
                return
            }
            values[column] = model.columns[column].effectiveLower
        }
    }

    /// Best continuous completion of fixed integer values (the objective in `.optimal` is not used).
    private func completeAssignment(_ model: Model, _ fixed: [Double], continuousColumns: [Int]) -> DenseSimplex.Outcome {
        let position = Dictionary(uniqueKeysWithValues: continuousColumns.enumerated().map { ($1, $0) })
        var matrix: [[Double]] = []
        var rowLower: [Double] = []
        var rowUpper: [Double] = []
        for row in model.rows {
            var coefficients = [Double](repeating: 0, count: continuousColumns.count)
            var fixedActivity = 0.0
            for term in row.terms {
                if let index = position[term.column] {
                    coefficients[index] = term.coefficient
                } else {
                    fixedActivity += term.coefficient * fixed[term.column]
                }
            }
            if coefficients.allSatisfy({ $0 == 0 }) {
                let tolerance = 1e-9 * max(1, abs(fixedActivity))
                if fixedActivity < row.lower - tolerance || fixedActivity > row.upper + tolerance { return .infeasible }
                continue
            }
            matrix.append(coefficients)
            rowLower.append(row.lower - fixedActivity)
            rowUpper.append(row.upper - fixedActivity)
        }
        guard !continuousColumns.isEmpty else { return .optimal(values: fixed, objective: 0) }
        let sign: Double = model.sense == .maximize ? -1 : 1
        let outcome = DenseSimplex.minimize(
            cost: continuousColumns.map { sign * model.objective[$0] }, matrix: matrix, rowLower: rowLower,
            rowUpper: rowUpper, lower: continuousColumns.map { model.columns[$0].lower },
            upper: continuousColumns.map { model.columns[$0].upper })
        guard case .optimal(let continuousValues, _) = outcome else { return outcome }
        var values = fixed
        for (index, column) in continuousColumns.enumerated() { values[column] = continuousValues[index] }
        return .optimal(values: values, objective: 0)
    }
}
