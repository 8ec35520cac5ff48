extension Model {
    /// The model as free MPS text, readable by `glpsol --freemps`. Deterministic.
    ///
    /// Conventions:
    /// - GLPK's MPS reader knows no `OBJSENSE` section and always minimizes. A maximization is therefore written
    ///   with its objective negated, and a comment line at the top says so: the optimum `glpsol` reports is
    ///   minus the model's optimum.
    /// - The objective constant is carried, as in `lpText()`, by a column `obj_constant` fixed at 1 (readers
    ///   disagree about the sign of an objective RHS).
    /// - A ranged row is an `L` row at its upper bound with a `RANGES` entry `upper − lower`; a free row is an
    ///   extra `N` row (GLPK's reader drops it).
    /// - Integer and binary columns sit between `INTORG`/`INTEND` markers, always with explicit bounds (readers
    ///   disagree about default bounds of integer columns).
    public func mpsText() -> String {
        var names = UniqueNames(taken: columns.map(\.name) + rows.map(\.name))
        let constantColumn = objectiveConstant != 0 ? names.claim(ModelText.objectiveConstantColumn) : nil
        let objectiveName = names.claim("obj")
        let sign: Double = sense == .maximize ? -1 : 1

        var text = "* Model: \(name)\n"
        if sense == .maximize {
            text += "* Maximize: the objective below is negated; its minimum is minus the model's maximum.\n"
        }
        text += "NAME \(name.isEmpty || !Self.isValidName(name) ? "model" : name)\n"
        text += "ROWS\n N \(objectiveName)\n"
        for row in rows {
            let type: String
            switch (row.lower.isFinite, row.upper.isFinite) {
            case (false, false): type = "N"
            case (true, false): type = "G"
            case (false, true): type = "L"
            case (true, true): type = row.lower == row.upper ? "E" : "L"
            }
            text += " \(type) \(row.name)\n"
        }

        var entries = Array(repeating: [(String, Double)](), count: columns.count)
        for (index, coefficient) in objective.enumerated() where coefficient != 0 {
            entries[index].append((objectiveName, sign * coefficient))
        }
        for row in rows {
            for term in row.terms { entries[term.column].append((row.name, term.coefficient)) }
        }
        text += "COLUMNS\n"
        var markerCount = 0
        var insideMarkers = false
        for (index, column) in columns.enumerated() {
            if column.isInteger != insideMarkers {
                text += " MARKER\(markerCount) 'MARKER' '\(column.isInteger ? "INTORG" : "INTEND")'\n"
                markerCount += 1
                insideMarkers = column.isInteger
            }
            if entries[index].isEmpty { entries[index].append((objectiveName, 0)) }
            for (rowName, coefficient) in entries[index] {
                text += " \(column.name) \(rowName) \(ModelText.number(coefficient))\n"
            }
        }
        if insideMarkers { text += " MARKER\(markerCount) 'MARKER' 'INTEND'\n" }
        if let constantColumn {
            text += " \(constantColumn) \(objectiveName) \(ModelText.number(sign * objectiveConstant))\n"
        }

        text += "RHS\n"
        var ranges = ""
        for row in rows {
            switch (row.lower.isFinite, row.upper.isFinite) {
            case (false, false): break
            case (true, false): text += " RHS \(row.name) \(ModelText.number(row.lower))\n"
            case (_, true):
                text += " RHS \(row.name) \(ModelText.number(row.upper))\n"
                if row.lower.isFinite, row.lower != row.upper {
                    ranges += " RNG \(row.name) \(ModelText.number(row.upper - row.lower))\n"
                }
            }
        }
        if !ranges.isEmpty { text += "RANGES\n" + ranges }

        var bounds = ""
        for column in columns {
            bounds += Self.mpsBounds(
                name: column.name, lower: column.effectiveLower, upper: column.effectiveUpper,
                explicit: column.isInteger)
        }
        if let constantColumn { bounds += " FX BND \(constantColumn) 1\n" }
        if !bounds.isEmpty { text += "BOUNDS\n" + bounds }
        text += "ENDATA\n"
        return text
    }

    private static func mpsBounds(name: String, lower: Double, upper: Double, explicit: Bool) -> String {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false):
            return " FR BND \(name)\n"
        case (true, true) where lower == upper:
            return " FX BND \(name) \(ModelText.number(lower))\n"
        case (false, true):
            return " MI BND \(name)\n UP BND \(name) \(ModelText.number(upper))\n"
        case (true, false):
            guard lower != 0 || explicit else { return "" }
            return " LO BND \(name) \(ModelText.number(lower))\n" + (explicit ? " PL BND \(name)\n" : "")
        case (true, true):
            return " LO BND \(name) \(ModelText.number(lower))\n UP BND \(name) \(ModelText.number(upper))\n"
        }
    }
}
