/// A small dense two-phase simplex (Bland's rule) in Double, for the continuous part of tiny models.
///
/// Solves min c·y subject to `rowLower ≤ A y ≤ rowUpper` and `lower ≤ y ≤ upper` (any side may be infinite).
/// Exact enough for the small, well-scaled models the brute-force solver accepts; not for anything larger.
struct DenseSimplex {
    enum Outcome {
        case optimal(values: [Double], objective: Double)
        case infeasible
        case unbounded
    }

    static let epsilon = 1e-9

    /// One transformed variable z ≥ 0 contributes `sign · z` to original variable `variable`.
    private struct Piece {
        var variable: Int
        var sign: Double
    }

    static func minimize(
        cost: [Double], matrix: [[Double]], rowLower: [Double], rowUpper: [Double], lower: [Double],
        upper: [Double]
    ) -> Outcome {
        let variableCount = cost.count
        var pieces: [Piece] = []
        var offset = [Double](repeating: 0, count: variableCount)
        var inequalities: [([Double], Double)] = []
        var pieceUpper: [(Int, Double)] = []
        for variable in 0..<variableCount {
            switch (lower[variable].isFinite, upper[variable].isFinite) {
            case (true, _):
                offset[variable] = lower[variable]
                pieces.append(Piece(variable: variable, sign: 1))
                if upper[variable].isFinite { pieceUpper.append((pieces.count - 1, upper[variable] - lower[variable])) }
            case (false, true):
                offset[variable] = upper[variable]
                pieces.append(Piece(variable: variable, sign: -1))
            case (false, false):
                pieces.append(Piece(variable: variable, sign: 1))
                pieces.append(Piece(variable: variable, sign: -1))
            }
        }
        let pieceCount = pieces.count
        for (rowIndex, coefficients) in matrix.enumerated() {
            let transformed = pieces.map { coefficients[$0.variable] * $0.sign }
            let shift = zip(coefficients, offset).reduce(0) { $0 + $1.0 * $1.1 }
            if rowUpper[rowIndex].isFinite { inequalities.append((transformed, rowUpper[rowIndex] - shift)) }
            if rowLower[rowIndex].isFinite {
                inequalities.append((transformed.map { -$0 }, -(rowLower[rowIndex] - shift)))
            }
        }
        for (piece, bound) in pieceUpper {
            var coefficients = [Double](repeating: 0, count: pieceCount)
            coefficients[piece] = 1
            inequalities.append((coefficients, bound))
        }

        // Tableau columns: pieces, one slack per inequality, one artificial per inequality with negative rhs.
        let rowCount = inequalities.count
        let artificialRows = (0..<rowCount).filter { inequalities[$0].1 < 0 }
        let columnCount = pieceCount + rowCount + artificialRows.count
        var tableau = [[Double]](repeating: [Double](repeating: 0, count: columnCount + 1), count: rowCount)
        var basis = [Int](repeating: 0, count: rowCount)
        for (row, (coefficients, rhs)) in inequalities.enumerated() {
            let sign: Double = rhs < 0 ? -1 : 1
            for column in 0..<pieceCount { tableau[row][column] = sign * coefficients[column] }
            tableau[row][pieceCount + row] = sign
            tableau[row][columnCount] = sign * rhs
            basis[row] = pieceCount + row
        }
        for (position, row) in artificialRows.enumerated() {
            tableau[row][pieceCount + rowCount + position] = 1
            basis[row] = pieceCount + rowCount + position
        }
        let firstArtificial = pieceCount + rowCount

        if !artificialRows.isEmpty {
            var phaseOneCost = [Double](repeating: 0, count: columnCount)
            for column in firstArtificial..<columnCount { phaseOneCost[column] = 1 }
            _ = optimize(&tableau, &basis, cost: phaseOneCost, enterable: columnCount)
            let infeasibility = (0..<rowCount).reduce(0) {
                $0 + (basis[$1] >= firstArtificial ? tableau[$1][columnCount] : 0)
            }
            if infeasibility > 1e-7 { return .infeasible }
            for row in 0..<rowCount where basis[row] >= firstArtificial {
                if let column = (0..<firstArtificial).first(where: { abs(tableau[row][$0]) > epsilon }) {
                    pivot(&tableau, &basis, row: row, column: column)
                }
            }
        }
        var phaseTwoCost = [Double](repeating: 0, count: columnCount)
        for (index, piece) in pieces.enumerated() { phaseTwoCost[index] = cost[piece.variable] * piece.sign }
        guard optimize(&tableau, &basis, cost: phaseTwoCost, enterable: firstArtificial) else { return .unbounded }

        var pieceValues = [Double](repeating: 0, count: pieceCount)
        for row in 0..<rowCount where basis[row] < pieceCount { pieceValues[basis[row]] = tableau[row][columnCount] }
        var values = offset
        for (index, piece) in pieces.enumerated() { values[piece.variable] += piece.sign * pieceValues[index] }
        let objective = zip(cost, values).reduce(0) { $0 + $1.0 * $1.1 }
        return .optimal(values: values, objective: objective)
    }

    /// Runs the simplex on the tableau; columns at or beyond `enterable` never enter. False when unbounded.
    private static func optimize(_ tableau: inout [[Double]], _ basis: inout [Int], cost: [Double], enterable: Int)
        -> Bool
    {
        let rhs = tableau.first.map { $0.count - 1 } ?? 0
        for _ in 0..<10_000 {
            var entering: Int?
            for column in 0..<enterable where !basis.contains(column) {
                var reduced = cost[column]
                for row in tableau.indices { reduced -= cost[basis[row]] * tableau[row][column] }
                if reduced < -epsilon {
                    entering = column
                    break
                }
            }
            guard let column = entering else { return true }
            var leaving: Int?
            var bestRatio = Double.infinity
            for row in tableau.indices where tableau[row][column] > epsilon {
                let ratio = tableau[row][rhs] / tableau[row][column]
                if ratio < bestRatio - epsilon
                    || (abs(ratio - bestRatio) <= epsilon && basis[row] < basis[leaving ?? row])
                {
                    bestRatio = ratio
                    leaving = row
                }
            }
            guard let row = leaving else { return false }
            pivot(&tableau, &basis, row: row, column: column)
        }
        return true
    }

    private static func pivot(_ tableau: inout [[Double]], _ basis: inout [Int], row: Int, column: Int) {
        let divisor = tableau[row][column]
        for index in tableau[row].indices { tableau[row][index] /= divisor }
        for other in tableau.indices where other != row {
            let factor = tableau[other][column]
            if factor == 0 { continue }
            for index in tableau[other].indices { tableau[other][index] -= factor * tableau[row][index] }
        }
        basis[row] = column
    }
}
