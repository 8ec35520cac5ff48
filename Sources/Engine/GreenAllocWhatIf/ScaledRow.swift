import GreenAllocCore
import MILP

/// A row of a compiled model whose bounds follow one fund's budget scale s: upper = `upperBase`·s + `upperFixed`,
/// and, for a band envelope, lower = `lowerBase`·s.
///
/// - a budget row: S_y − c_y ≤ B_y·s + O_y (the opening balance O_y does not scale, scenario-format §15.2);
/// - a carry row: c_y + share·S_{y−1} − share·c_{y−1} ≤ share·B_{y−1}·s + share·O_{y−1};
/// - an envelope of a `factors` entry on the fund (§15.1): E is a share of the budget, so every side scales.
struct ScaledRow: Sendable {
    var row: Int
    var upperBase: Double
    var upperFixed: Double
    var lowerBase: Double?

    static func rows(compiled: CompiledModel, scenario: Scenario, fund: Int) -> [ScaledRow] {
        let spec = scenario.funds[fund]
        var result = compiled.budgetRows(fund: fund).map { year, row in
            ScaledRow(row: row, upperBase: spec.budget(in: year), upperFixed: spec.openingBalance[year] ?? 0, lowerBase: nil)
        }
        let model = compiled.model
        for (row, origin) in compiled.rowOrigins.enumerated() {
            switch origin {
            case .carry(let carryFund, let year) where carryFund == fund:
                guard let share = spec.carryOver, let position = scenario.years.firstIndex(of: year), position > 0 else {
                    continue
                }
                let previous = scenario.years[position - 1]
                result.append(
                    ScaledRow(
                        row: row, upperBase: share * spec.budget(in: previous),
                        upperFixed: share * (spec.openingBalance[previous] ?? 0), lowerBase: nil))
            case .envelope(let envelope) where scenario.factors[envelope.entry].fund == spec.id:
                let bounds = model.rows[row]
                guard bounds.upper.isFinite else { continue }
                let lower = bounds.lower.isFinite && bounds.lower != 0 ? bounds.lower : nil
                result.append(ScaledRow(row: row, upperBase: bounds.upper, upperFixed: 0, lowerBase: lower))
            default:
                continue
            }
        }
        return result
    }
}
