extension Model {
    /// The nonzero coefficients of an objective (one coefficient per column) as terms, in column order.
    public static func terms(of coefficients: [Double]) -> [Term] {
        coefficients.enumerated().compactMap { $0.element != 0 ? Term($0.offset, $0.element) : nil }
    }

    /// The model's objective as terms (its constant left out).
    public var objectiveTerms: [Term] { Self.terms(of: objective) }

    /// This model with one more row, named `rowName`, that keeps `Σ terms` within
    /// `tolerance × max(1, |optimum|)` of `optimum` on the side that `sense` prefers: at least
    /// `optimum − slack` when maximizing, at most `optimum + slack` when minimizing.
    public func keepingObjective(
        _ terms: [Term], at optimum: Double, within tolerance: Double, sense: Sense, rowName: String
    ) -> Model {
        var kept = self
        let slack = tolerance * Swift.max(1, abs(optimum))
        if sense == .maximize {
            kept.addRow(rowName, terms: terms, lower: optimum - slack)
        } else {
            kept.addRow(rowName, terms: terms, upper: optimum + slack)
        }
        return kept
    }
}
