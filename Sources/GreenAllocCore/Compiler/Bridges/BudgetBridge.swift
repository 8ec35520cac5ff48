internal import MILP

/// Fund budgets, per fund and year y of the horizon (one row each, empty or not):
///
///     Σ_{p of the fund} request_{p,y}·θ_p ≤ budget_y      (budget_<fund>_<y>; subsidy_{p,y} of §15.4 for a deferrable p)
///     Σ_{k named in y} award·n_k ≤ budget_y                (a naming fund)
///
/// With an opening balance or carry-over (scenario-format §15.2) the bound is budget_y + opening_y and the row
/// takes −c_y, the money carried into y (`CarryOver`).
struct BudgetBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        for (fundIndex, fund) in scenario.funds.enumerated() {
            let carry = CarryOver(fund: fundIndex, spec: fund, years: scenario.years, builder: &draft.builder)
            var spending: [[Term]] = []
            for (yearIndex, year) in scenario.years.enumerated() {
                var terms: [Term] = []
                if fund.kind == .namingAward {
                    let award = fund.award ?? 0
                    terms = draft.naming.filter { $0.year == year && award != 0 }.map { Term($0.column, award) }
                } else {
                    for (index, record) in projects.enumerated() where record.fund == fundIndex {
                        terms += draft.decisions.yearTerms(
                            index, request: record.request, yearIndex: yearIndex, years: scenario.years, scale: 1)
                    }
                }
                spending.append(terms)
                draft.builder.addRow(
                    "budget_\(Compiler.safeName(fund.id, index: fundIndex))_\(year)", terms + carry.budgetTerms(yearIndex),
                    upper: carry.bound(yearIndex), origin: .budget(fund: fundIndex, year: year))
            }
            carry.addRows(spending: spending, to: &draft.builder)
        }
    }
}
