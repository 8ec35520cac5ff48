internal import GreenAllocCore

/// The `funds` section: one fund, its budget per year and its eligibility.
extension ScenarioDecoder {
    mutating func decodeFund(_ node: YAMLNode, index: Int, years: [Int]) -> FundSpec? {
        guard checkMapping(node, what: "funds[\(index)]") else { return nil }
        let section = "funds[\(index)]"
        checkKeys(
            node, allowed: ["id", "name", "kind", "budget", "eligible", "per_project", "share_of_investment", "award", "remove",
                "carry_over", "opening_balance",
            ],
            section: section)
        guard let id = requiredText(node, "id", section: section) else { return nil }
        let label = "fund '\(id)'"
        let name = optionalLocalText(node, "name", section: label) ?? LocalText(id)
        var kind = FundKind.projectSubsidy
        if let kindNode = node["kind"], let text = kindNode.scalar {
            if let parsed = FundKind(rawValue: text) {
                kind = parsed
            } else {
                errors.append(.error(kindNode.location, "\(label): kind '\(text)' is not one of project_subsidy, naming_award"))
            }
        }
        var budget: [Int: Double] = [:]
        if let budgetNode = node["budget"], !budgetNode.isNull {
            if let entries = budgetNode.entries {
                for entry in entries {
                    guard let year = Int(entry.key), (1900...2200).contains(year) else {
                        errors.append(.error(entry.keyLocation, "\(label): budget key '\(entry.key)' is not a year"))
                        continue
                    }
                    if let amount = money(entry.value, what: "\(label) budget \(year)") { budget[year] = amount }
                    if !years.isEmpty, !years.contains(year) {
                        warnings.append(.warning(entry.keyLocation, "\(label): budget for \(year), outside the horizon \(years.map(String.init).joined(separator: ", ")), is not used"))
                    }
                }
            } else if let amount = money(budgetNode, what: "\(label) budget") {
                for year in years { budget[year] = amount }
            }
        } else {
            errors.append(.error(node.location, "\(label): missing 'budget' (万元 per year, or one number for every year)"))
        }
        let eligible = rule(node["eligible"])
        let perProject = node["per_project"].flatMap { money($0, what: "\(label) per_project") }
        let share = node["share_of_investment"].flatMap { fraction($0, what: "\(label) share_of_investment", allowZero: false) }
        let award = node["award"].flatMap { money($0, what: "\(label) award") }
        if kind == .namingAward {
            if award == nil { errors.append(.error(node.location, "\(label): a naming_award fund needs 'award' (万元 per newly named park)")) }
            for key in ["eligible", "per_project", "share_of_investment"] where node[key] != nil {
                errors.append(.error(node[key]?.location, "\(label): '\(key)' does not apply to a naming_award fund"))
            }
        } else if node["award"] != nil {
            errors.append(.error(node["award"]?.location, "\(label): 'award' applies only to kind naming_award"))
        }
        var fund = FundSpec(
            id: id, name: name.zh, kind: kind, budget: budget, eligible: eligible, perProject: perProject,
            shareOfInvestment: share, award: award, location: node.location)
        fund.englishName = name.en
        decodeCarry(node, label: label, years: years, into: &fund)
        return fund
    }
}
