internal import GreenAllocCore

/// The policy instruments of scenario-format §15: `factors`, `review`, and the funds' `carry_over` and
/// `opening_balance`.
extension ScenarioDecoder {
    mutating func decodeReview(_ node: YAMLNode) -> ReviewSpec? {
        guard checkMapping(node, what: "review") else { return nil }
        checkKeys(node, allowed: ["name", "column", "below", "parks", "treatment"], section: "review")
        let name = optionalLocalText(node, "name", section: "review") ?? LocalText("review")
        let column = optionalText(node, "column")
        let below = node["below"].flatMap { number($0, what: "review.below") }
        if column != nil, below == nil { errors.append(.error(node.location, "review: 'column' needs 'below' (the pass mark)")) }
        if column == nil, let belowNode = node["below"] {
            errors.append(.error(belowNode.location, "review: 'below' needs 'column' (the parks column it reads)"))
        }
        var parks: [(id: String, location: SourceLocation?)] = []
        if let listNode = node["parks"], !listNode.isNull {
            if let items = listNode.items {
                for item in items {
                    if let id = item.scalar, !id.isEmpty {
                        parks.append((id, item.location))
                    } else {
                        errors.append(.error(item.location, "review.parks: each entry must be a park id"))
                    }
                }
            } else {
                errors.append(.error(listNode.location, "review.parks must be a list of park ids, e.g. [K031]"))
            }
        }
        if column == nil, node["parks"] == nil {
            errors.append(.error(node.location, "review: give 'column' with 'below', or 'parks' (or both)"))
        }
        guard let treatmentText = requiredText(node, "treatment", section: "review") else { return nil }
        guard let treatment = ReviewSpec.Treatment(rawValue: treatmentText) else {
            errors.append(.error(node["treatment"]?.location, "review.treatment: '\(treatmentText)' is not one of revoke, rectify"))
            return nil
        }
        var spec = ReviewSpec(
            name: name.zh, column: column, below: below, parks: parks, treatment: treatment, location: node.location)
        spec.englishName = name.en
        return spec
    }

    /// `carry_over` and `opening_balance` of a fund (§15.2).
    mutating func decodeCarry(_ node: YAMLNode, label: String, years: [Int], into fund: inout FundSpec) {
        if let carry = node["carry_over"], !carry.isNull {
            if carry.scalar == "true" || carry.scalar == "false" {
                fund.carryOver = carry.scalar == "true" ? 1 : nil
            } else if let share = fraction(carry, what: "\(label) carry_over", allowZero: true) {
                fund.carryOver = share == 0 ? nil : share
            }
        }
        guard let opening = node["opening_balance"], !opening.isNull else { return }
        if let entries = opening.entries {
            for entry in entries {
                guard let year = Int(entry.key), (1900...2200).contains(year) else {
                    errors.append(.error(entry.keyLocation, "\(label): opening_balance key '\(entry.key)' is not a year"))
                    continue
                }
                if let amount = money(entry.value, what: "\(label) opening_balance \(year)") { fund.openingBalance[year] = amount }
                if !years.isEmpty, !years.contains(year) {
                    warnings.append(.warning(entry.keyLocation, "\(label): opening balance for \(year), outside the horizon, is not used"))
                }
            }
        } else if let amount = money(opening, what: "\(label) opening_balance"), let first = years.first {
            fund.openingBalance[first] = amount
        }
    }
}
