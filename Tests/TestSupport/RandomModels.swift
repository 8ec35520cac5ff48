public import MILP

/// Seeded generators of test models. The same seed gives the same model.
public enum RandomModels {
    /// A small mixed model for cross-checks against `BruteForceSolver`: 2–5 binaries, up to one general integer
    /// with at most 4 values, up to two bounded continuous columns, and 2–5 rows of mixed types (≤, ≥, =,
    /// ranged) built around a random point, so many (not all) are feasible.
    public static func small(seed: UInt64) -> Model {
        var random = SplitMix64(seed: seed)
        var model = Model(name: "random_\(seed)", sense: Bool.random(using: &random) ? .maximize : .minimize)
        var reference: [Double] = []
        for index in 0..<Int.random(in: 2...5, using: &random) {
            model.addColumn(
                "b\(index)", kind: .binary, objective: Double(Int.random(in: -6...9, using: &random)))
            reference.append(Double(Int.random(in: 0...1, using: &random)))
        }
        for index in 0..<Int.random(in: 0...1, using: &random) {
            let lower = Double(Int.random(in: -2...1, using: &random))
            let upper = lower + Double(Int.random(in: 1...3, using: &random))
            model.addColumn(
                "n\(index)", kind: .integer, lower: lower, upper: upper,
                objective: Double(Int.random(in: -5...5, using: &random)))
            reference.append(Double(Int.random(in: Int(lower)...Int(upper), using: &random)))
        }
        for index in 0..<Int.random(in: 0...2, using: &random) {
            let lower = Double(Int.random(in: -3...0, using: &random))
            let upper = lower + Double(Int.random(in: 1...6, using: &random)) + 0.5
            model.addColumn(
                "y\(index)", lower: lower, upper: upper,
                objective: Double(Int.random(in: -40...40, using: &random)) / 8)
            reference.append(Double.random(in: lower...upper, using: &random).rounded() / 1)
        }
        for rowIndex in 0..<Int.random(in: 2...5, using: &random) {
            var terms: [Term] = []
            for column in 0..<model.columnCount where Int.random(in: 0...3, using: &random) > 0 {
                let coefficient = Double(Int.random(in: -5...6, using: &random))
                if coefficient != 0 { terms.append(Term(column, coefficient)) }
            }
            let activity = terms.reduce(0) { $0 + $1.coefficient * reference[$1.column] }
            let slack = Double(Int.random(in: -1...4, using: &random))
            switch Int.random(in: 0..<4, using: &random) {
            case 0: model.addRow("r\(rowIndex)", terms: terms, upper: activity + slack)
            case 1: model.addRow("r\(rowIndex)", terms: terms, lower: activity - slack)
            case 2: model.addRow("r\(rowIndex)", terms: terms, lower: activity + slack / 4, upper: activity + slack / 4)
            default: model.addRow("r\(rowIndex)", terms: terms, lower: activity - slack, upper: activity + 2)
            }
        }
        return model
    }

    /// A random dense 0-1 multi-dimensional knapsack (every item in every row, capacities half the row
    /// sums): hard for any solver; used to exercise time limits.
    public static func denseMultiKnapsack(items: Int, rows: Int, seed: UInt64) -> Model {
        var random = SplitMix64(seed: seed)
        var model = Model(name: "knapsack_\(items)x\(rows)", sense: .maximize)
        for item in 0..<items {
            model.addColumn("x\(item)", kind: .binary, objective: Double(Int.random(in: 10...100, using: &random)))
        }
        for row in 0..<rows {
            let weights = (0..<items).map { _ in Double(Int.random(in: 5...60, using: &random)) }
            model.addRow(
                "capacity\(row)", terms: weights.enumerated().map { Term($0, $1) },
                upper: (weights.reduce(0, +) / 2).rounded(.down))
        }
        return model
    }
}
