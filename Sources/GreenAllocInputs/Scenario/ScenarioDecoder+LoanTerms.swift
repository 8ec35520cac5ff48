internal import GreenAllocCore

/// `loans.interest_subsidy.budget_per_year` (scenario-format §15.5): `{year: 万元}` or one number for every year.
extension ScenarioDecoder {
    /// Fills `interestSubsidyPerYear` (a mapping) or `interestSubsidyEveryYear` (one number).
    mutating func decodeYearlyCaps(_ node: YAMLNode, into loans: inout LoanSpec) {
        let what = "loans.interest_subsidy.budget_per_year"
        if node.isNull { return }
        guard let entries = node.entries else {
            loans.interestSubsidyEveryYear = money(node, what: what)
            return
        }
        var caps: [Int: Double] = [:]
        for entry in entries {
            guard let year = Int(entry.key), (1900...2200).contains(year) else {
                errors.append(.error(entry.keyLocation, "\(what): key '\(entry.key)' is not a year"))
                continue
            }
            if let amount = money(entry.value, what: "\(what) \(year)") { caps[year] = amount }
        }
        loans.interestSubsidyPerYear = caps
    }
}
