extension Model {
    /// Checks everything a solver relies on and that GLPK would abort on or silently get wrong.
    ///
    /// - every objective coefficient, matrix coefficient and the objective constant are finite;
    /// - no bound is NaN, no lower bound is +∞, no upper bound is −∞, and lower ≤ upper (rows and columns);
    /// - finite bounds of integer and binary columns are integral;
    /// - every term names an existing column, and a row names each column at most once;
    /// - row and column names are non-empty, `[A-Za-z0-9_.]` only, at most 255 bytes, and unique among
    ///   rows and among columns.
    ///
    /// The first problem found is thrown; its message names the row or column.
    public func validate() throws(ModelError) {
        guard objectiveConstant.isFinite else {
            throw ModelError(.nonFiniteCoefficient, "objective constant is \(objectiveConstant)")
        }
        var columnNames = Set<String>()
        for (index, column) in columns.enumerated() {
            try Self.validateName(column.name, what: "column \(index)")
            guard columnNames.insert(column.name).inserted else {
                throw ModelError(.duplicateName, "column name '\(column.name)' is used more than once")
            }
            guard objective[index].isFinite else {
                throw ModelError(
                    .nonFiniteCoefficient, "objective coefficient of column '\(column.name)' is \(objective[index])")
            }
            try Self.validateBounds(
                lower: column.effectiveLower, upper: column.effectiveUpper, what: "column '\(column.name)'")
            if column.isInteger {
                for bound in [column.effectiveLower, column.effectiveUpper]
                where bound.isFinite && bound != bound.rounded() {
                    throw ModelError(
                        .fractionalIntegerBound,
                        "integer column '\(column.name)' has the fractional bound \(bound)")
                }
            }
        }
        var rowNames = Set<String>()
        for (index, row) in rows.enumerated() {
            try Self.validateName(row.name, what: "row \(index)")
            guard rowNames.insert(row.name).inserted else {
                throw ModelError(.duplicateName, "row name '\(row.name)' is used more than once")
            }
            try Self.validateBounds(lower: row.lower, upper: row.upper, what: "row '\(row.name)'")
            var seen = Set<Int>()
            for term in row.terms {
                guard term.column >= 0, term.column < columns.count else {
                    throw ModelError(
                        .columnOutOfRange,
                        "row '\(row.name)' refers to column \(term.column), but the model has \(columns.count)")
                }
                let columnName = columns[term.column].name
                guard term.coefficient.isFinite else {
                    throw ModelError(
                        .nonFiniteCoefficient,
                        "coefficient of column '\(columnName)' in row '\(row.name)' is \(term.coefficient)")
                }
                guard seen.insert(term.column).inserted else {
                    throw ModelError(
                        .duplicateEntry, "row '\(row.name)' names column '\(columnName)' more than once")
                }
            }
        }
    }

    /// Validates the model and checks that a starting point has one finite value per column.
    public func validate(start: [Double]) throws(ModelError) {
        try validate()
        guard start.count == columns.count else {
            throw ModelError(
                .startLength, "the starting point has \(start.count) values, the model has \(columns.count) columns")
        }
        if let index = start.firstIndex(where: { !$0.isFinite }) {
            throw ModelError(
                .startLength, "the starting value of column '\(columns[index].name)' is \(start[index])")
        }
    }

    private static func validateName(_ name: String, what: String) throws(ModelError) {
        guard !name.isEmpty else { throw ModelError(.badName, "\(what) has an empty name") }
        guard name.utf8.count <= maximumNameLength else {
            throw ModelError(
                .badName,
                "\(what) has a name of \(name.utf8.count) bytes (at most \(maximumNameLength)): '\(name.prefix(40))…'")
        }
        guard name.utf8.allSatisfy(isNameByte) else {
            throw ModelError(.badName, "\(what) name '\(name)' has characters outside [A-Za-z0-9_.]")
        }
    }

    private static func validateBounds(lower: Double, upper: Double, what: String) throws(ModelError) {
        guard !lower.isNaN, !upper.isNaN else {
            throw ModelError(.nonFiniteBound, "\(what) has a NaN bound")
        }
        guard lower != .infinity, upper != -.infinity else {
            throw ModelError(.nonFiniteBound, "\(what) has bounds [\(lower), \(upper)]")
        }
        guard lower <= upper else {
            throw ModelError(.crossedBounds, "\(what) has lower bound \(lower) above upper bound \(upper)")
        }
    }
}
