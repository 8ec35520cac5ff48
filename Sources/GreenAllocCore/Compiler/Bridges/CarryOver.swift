internal import MILP

/// Carry-over and opening balances of one fund (scenario-format §15.2). With share s, budget B_y, opening balance
/// O_y and spending S_y, each year y after the first has a column c_y ≥ 0 (`carry_<fund>_<y>`, the money carried
/// into y), the budget row S_y − c_y ≤ B_y + O_y, and
///
///     c_y + s·S_{y−1} − s·c_{y−1} ≤ s·(B_{y−1} + O_{y−1})      (carryrow_<fund>_<y>)
///
/// Without carry-over there are no columns and the bound is B_y + O_y; without either key the bound is B_y.
struct CarryOver {
    let fund: Int
    let spec: FundSpec
    let years: [Int]
    /// Per year of the horizon: c_y (nil for the first year and without carry-over).
    let columns: [Int?]

    init(fund: Int, spec: FundSpec, years: [Int], builder: inout ModelBuilder<RowOrigin>) {
        self.fund = fund
        self.spec = spec
        self.years = years
        var columns: [Int?] = Array(repeating: nil, count: years.count)
        if let share = spec.carryOver, share > 0 {
            for (yearIndex, year) in years.enumerated() where yearIndex > 0 {
                columns[yearIndex] = builder.addColumn("carry_\(Compiler.safeName(spec.id, index: fund))_\(year)")
            }
        }
        self.columns = columns
    }

    /// B_y + O_y (exactly B_y without an opening balance that year).
    func bound(_ yearIndex: Int) -> Double {
        let year = years[yearIndex]
        guard let opening = spec.openingBalance[year] else { return spec.budget(in: year) }
        return spec.budget(in: year) + opening
    }

    /// −c_y for the budget row of the year.
    func budgetTerms(_ yearIndex: Int) -> [Term] {
        columns[yearIndex].map { [Term($0, -1)] } ?? []
    }

    /// The carry rows, once the budget rows are in (`spending[y]`: the terms of S_y).
    func addRows(spending: [[Term]], to builder: inout ModelBuilder<RowOrigin>) {
        guard let share = spec.carryOver else { return }
        for (yearIndex, column) in columns.enumerated() {
            guard let column else { continue }
            let previous = yearIndex - 1
            var terms = [Term(column, 1)] + spending[previous].map { Term($0.column, share * $0.coefficient) }
            if let carried = columns[previous] { terms.append(Term(carried, -share)) }
            builder.addRow(
                "carryrow_\(Compiler.safeName(spec.id, index: fund))_\(years[yearIndex])", Compiler.combine(terms),
                upper: share * bound(previous), origin: .carry(fund: fund, year: years[yearIndex]))
        }
    }
}
