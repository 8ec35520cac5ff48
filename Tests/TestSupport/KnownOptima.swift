public import Foundation
public import MILP

/// A model with its known outcome.
public struct KnownOptimum: Sendable, CustomStringConvertible {
    public var name: String
    public var model: Model
    public var termination: TerminationStatus
    /// The optimum (constant included) when `termination` is `.optimal`.
    public var objective: Double?

    public init(name: String, model: Model, termination: TerminationStatus, objective: Double?) {
        self.name = name
        self.model = model
        self.termination = termination
        self.objective = objective
    }

    public var description: String { name }
}

/// The catalogue of models with known optima: OR-Library mknap1 and a few hand-checked models.
public enum KnownOptima {
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads OR-Library `mknap1.txt`: K problems, each `n m optimum`, n profits, m rows of n coefficients and m
    /// capacities; every problem is a 0-1 maximization with `≤` rows.
    public static func loadMknap1(from url: URL) throws -> [KnownOptimum] {
        try parseMknap1(String(contentsOf: url, encoding: .utf8))
    }

    public static func parseMknap1(_ text: String) throws -> [KnownOptimum] {
        var numbers = text.split(whereSeparator: \.isWhitespace).makeIterator()
        func next() throws -> Double {
            guard let word = numbers.next(), let value = Double(word) else {
                throw FormatError(description: "mknap1: missing or bad number")
            }
            return value
        }
        let problemCount = Int(try next())
        var catalogue: [KnownOptimum] = []
        for problem in 1...problemCount {
            let itemCount = Int(try next())
            let rowCount = Int(try next())
            let optimum = try next()
            var model = Model(name: "mknap1_\(problem)", sense: .maximize)
            for item in 0..<itemCount { model.addColumn("x\(item)", kind: .binary, objective: try next()) }
            var rows: [[Double]] = []
            for _ in 0..<rowCount { rows.append(try (0..<itemCount).map { _ in try next() }) }
            for (index, coefficients) in rows.enumerated() {
                let terms = coefficients.enumerated().filter { $0.element != 0 }.map { Term($0.offset, $0.element) }
                model.addRow("budget\(index)", terms: terms, upper: try next())
            }
            catalogue.append(
                KnownOptimum(name: model.name, model: model, termination: .optimal, objective: optimum))
        }
        return catalogue
    }

    /// Hand-checked models: knapsack, infeasible, unbounded, equality rows, free variables, ranged rows with a
    /// constant, and the empty model.
    public static let handModels: [KnownOptimum] = [
        knapsack, infeasible, unbounded, equalityRows, freeVariables, rangedRows, empty,
    ]

    /// max 10a + 13b + 7c + 8d, 4a + 6b + 3c + 5d ≤ 10, binaries: a = b = 1, 23.
    public static var knapsack: KnownOptimum {
        var model = Model(name: "knapsack", sense: .maximize)
        for (name, value) in [("a", 10.0), ("b", 13), ("c", 7), ("d", 8)] {
            model.addColumn(name, kind: .binary, objective: value)
        }
        model.addRow("weight", terms: [Term(0, 4), Term(1, 6), Term(2, 3), Term(3, 5)], upper: 10)
        return KnownOptimum(name: "knapsack", model: model, termination: .optimal, objective: 23)
    }

    /// x + y ≥ 3 with binaries x, y.
    public static var infeasible: KnownOptimum {
        var model = Model(name: "infeasible", sense: .minimize)
        model.addColumn("x", kind: .binary, objective: 1)
        model.addColumn("y", kind: .binary, objective: 1)
        model.addRow("cover", terms: [Term(0, 1), Term(1, 1)], lower: 3)
        return KnownOptimum(name: "infeasible", model: model, termination: .infeasible, objective: nil)
    }

    /// max x + y, x integer in [0, 10], y ≥ 0 continuous, x − y ≤ 2.
    public static var unbounded: KnownOptimum {
        var model = Model(name: "unbounded", sense: .maximize)
        model.addColumn("x", kind: .integer, lower: 0, upper: 10, objective: 1)
        model.addColumn("y", objective: 1)
        model.addRow("link", terms: [Term(0, 1), Term(1, -1)], upper: 2)
        return KnownOptimum(name: "unbounded", model: model, termination: .unbounded, objective: nil)
    }

    /// min 2x + 3y + z, x, y integer in [0, 10], z in [0, 10]; x + y + z = 7.5, x − y = 1: x = 1, y = 0,
    /// z = 6.5, 8.5.
    public static var equalityRows: KnownOptimum {
        var model = Model(name: "equality_rows", sense: .minimize)
        model.addColumn("x", kind: .integer, lower: 0, upper: 10, objective: 2)
        model.addColumn("y", kind: .integer, lower: 0, upper: 10, objective: 3)
        model.addColumn("z", lower: 0, upper: 10, objective: 1)
        model.addRow("total", terms: [Term(0, 1), Term(1, 1), Term(2, 1)], lower: 7.5, upper: 7.5)
        model.addRow("difference", terms: [Term(0, 1), Term(1, -1)], lower: 1, upper: 1)
        return KnownOptimum(name: "equality_rows", model: model, termination: .optimal, objective: 8.5)
    }

    /// min x + 0.5y with x, y free, n integer in [−2, 2]; x + n ≥ −3.5, y − x = 1: x = −5.5, y = −4.5, −7.75.
    public static var freeVariables: KnownOptimum {
        var model = Model(name: "free_variables", sense: .minimize)
        model.addColumn("x", lower: -.infinity, upper: .infinity, objective: 1)
        model.addColumn("y", lower: -.infinity, upper: .infinity, objective: 0.5)
        model.addColumn("n", kind: .integer, lower: -2, upper: 2)
        model.addRow("floor", terms: [Term(0, 1), Term(2, 1)], lower: -3.5)
        model.addRow("shift", terms: [Term(1, 1), Term(0, -1)], lower: 1, upper: 1)
        return KnownOptimum(name: "free_variables", model: model, termination: .optimal, objective: -7.75)
    }

    /// max 3x + 2y + 1, x, y integer in [0, 10]; 2 ≤ x + y ≤ 4, −1 ≤ x − y ≤ 1: x = y = 2, 11.
    public static var rangedRows: KnownOptimum {
        var model = Model(name: "ranged_rows", sense: .maximize)
        model.addColumn("x", kind: .integer, lower: 0, upper: 10, objective: 3)
        model.addColumn("y", kind: .integer, lower: 0, upper: 10, objective: 2)
        model.objectiveConstant = 1
        model.addRow("total", terms: [Term(0, 1), Term(1, 1)], lower: 2, upper: 4)
        model.addRow("balance", terms: [Term(0, 1), Term(1, -1)], lower: -1, upper: 1)
        return KnownOptimum(name: "ranged_rows", model: model, termination: .optimal, objective: 11)
    }

    /// No rows, no columns, objective constant 4.5.
    public static var empty: KnownOptimum {
        var model = Model(name: "empty", sense: .minimize)
        model.objectiveConstant = 4.5
        return KnownOptimum(name: "empty", model: model, termination: .optimal, objective: 4.5)
    }
}
