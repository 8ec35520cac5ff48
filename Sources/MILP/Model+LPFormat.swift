extension Model {
    /// The model as CPLEX LP text, readable by `glpsol --lp` with the same optimum. Deterministic: the same
    /// model always gives the same bytes.
    ///
    /// Conventions (GLPK's LP reader shapes them):
    /// - A nonzero objective constant becomes a column `obj_constant` fixed at 1 whose objective coefficient is
    ///   the constant (the reader accepts no constant term). The same column is added, with coefficient 0, to a
    ///   model without columns, because an objective or a row needs at least one variable.
    /// - A ranged row `l ≤ a·x ≤ u` (l < u, both finite) is written as two rows `name_lo: a·x >= l` and
    ///   `name_hi: a·x <= u`; an equality row as `name: a·x = v`. A free row (both sides infinite) bounds
    ///   nothing and appears only as a comment.
    /// - Names are written as they are, except that a name the reader would take for a number or a keyword
    ///   (it starts with a digit or a period, or reads as `st`, `bounds`, `free`, `inf`, …) gets a leading
    ///   `_`; added names never collide with the model's own.
    /// - Binary columns with bounds [0, 1] go to `Binary`; other integer columns, with explicit bounds, to
    ///   `General`. Free columns are written `-inf <= x <= +inf`.
    public func lpText() -> String {
        var names = UniqueNames(taken: columns.map(\.name) + rows.map(\.name))
        let columnNames = columns.map { Self.lpSafeName($0.name, names: &names) }
        let needsConstantColumn = objectiveConstant != 0 || columns.isEmpty
        let constantColumn = needsConstantColumn ? names.claim(ModelText.objectiveConstantColumn) : nil
        let objectiveName = names.claim("obj")
        let placeholder = columnNames.first ?? constantColumn ?? ""

        var text = "\\ Model: \(name)\n"
        text += sense == .maximize ? "Maximize\n" : "Minimize\n"
        var objectiveTerms: [(Double, String)] = []
        for (index, coefficient) in objective.enumerated() where coefficient != 0 {
            objectiveTerms.append((coefficient, columnNames[index]))
        }
        if let constantColumn { objectiveTerms.append((objectiveConstant, constantColumn)) }
        if objectiveTerms.isEmpty { objectiveTerms.append((0, placeholder)) }
        text += Self.lpExpression(label: objectiveName, terms: objectiveTerms) + "\n"

        text += "Subject To\n"
        for row in rows {
            var terms = row.terms.map { ($0.coefficient, columnNames[$0.column]) }
            if terms.isEmpty { terms.append((0, placeholder)) }
            let rowName = Self.lpSafeName(row.name, names: &names)
            switch (row.lower.isFinite, row.upper.isFinite) {
            case (false, false):
                text += "\\ free row \(row.name) bounds nothing and is left out\n"
            case (true, false):
                text += Self.lpExpression(label: rowName, terms: terms) + " >= \(ModelText.number(row.lower))\n"
            case (false, true):
                text += Self.lpExpression(label: rowName, terms: terms) + " <= \(ModelText.number(row.upper))\n"
            case (true, true) where row.lower == row.upper:
                text += Self.lpExpression(label: rowName, terms: terms) + " = \(ModelText.number(row.lower))\n"
            case (true, true):
                let lowName = names.claim(rowName + "_lo")
                let highName = names.claim(rowName + "_hi")
                text += Self.lpExpression(label: lowName, terms: terms) + " >= \(ModelText.number(row.lower))\n"
                text += Self.lpExpression(label: highName, terms: terms) + " <= \(ModelText.number(row.upper))\n"
            }
        }

        text += "Bounds\n"
        var generals: [String] = []
        var binaries: [String] = []
        for (index, column) in columns.enumerated() {
            let name = columnNames[index]
            let lower = column.effectiveLower
            let upper = column.effectiveUpper
            if column.kind == .binary, lower == 0, upper == 1 {
                binaries.append(name)
                continue
            }
            if column.isInteger { generals.append(name) }
            if let line = Self.lpBound(name: name, lower: lower, upper: upper) { text += line + "\n" }
        }
        if let constantColumn { text += " \(constantColumn) = 1\n" }
        if !generals.isEmpty { text += "General\n" + Self.lpNameLines(generals) }
        if !binaries.isEmpty { text += "Binary\n" + Self.lpNameLines(binaries) }
        text += "End\n"
        return text
    }

    private static let lpKeywords: Set<String> = [
        "st", "s.t.", "st.", "subject", "such", "to", "that", "bound", "bounds", "end", "free", "general",
        "generals", "gen", "integer", "integers", "binary", "binaries", "bin", "inf", "infinity", "max",
        "maximize", "maximum", "maximise", "min", "minimize", "minimum", "minimise",
    ]

    private static func lpSafeName(_ name: String, names: inout UniqueNames) -> String {
        let first = name.utf8.first ?? UInt8(ascii: "0")
        let startsBadly = first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        let looksLikeExponent = name.lowercased().first == "e" && name.dropFirst().allSatisfy(\.isNumber)
        guard startsBadly || looksLikeExponent || lpKeywords.contains(name.lowercased()) else { return name }
        return names.claim("_" + name)
    }

    /// `label: + 3 x - 2 y …`, wrapped every 8 terms (continuation lines start with a space).
    private static func lpExpression(label: String, terms: [(Double, String)]) -> String {
        var text = " \(label):"
        for (position, (coefficient, name)) in terms.enumerated() {
            if position > 0, position % 8 == 0 { text += "\n   " }
            let sign = coefficient < 0 ? "-" : "+"
            text += " \(sign) \(ModelText.number(abs(coefficient))) \(name)"
        }
        return text
    }

    private static func lpBound(name: String, lower: Double, upper: Double) -> String? {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): " -inf <= \(name) <= +inf"
        case (true, false): lower == 0 ? nil : " \(name) >= \(ModelText.number(lower))"
        case (false, true): " -inf <= \(name) <= \(ModelText.number(upper))"
        case (true, true) where lower == upper: " \(name) = \(ModelText.number(lower))"
        case (true, true): " \(ModelText.number(lower)) <= \(name) <= \(ModelText.number(upper))"
        }
    }

    private static func lpNameLines(_ names: [String]) -> String {
        stride(from: 0, to: names.count, by: 8).map { start in
            " " + names[start..<min(start + 8, names.count)].joined(separator: " ") + "\n"
        }.joined()
    }
}
