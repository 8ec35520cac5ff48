internal import GreenAllocCore

/// The `loans` section.
extension ScenarioDecoder {
    mutating func decodeLoans(_ node: YAMLNode) -> LoanSpec? {
        guard checkMapping(node, what: "loans") else { return nil }
        checkKeys(node, allowed: ["name", "eligible", "interest_subsidy", "bonuses", "carbon_facility"], section: "loans")
        var basisPoints = 0.0
        var years = 1.0
        var budget: Double?
        if let subsidy = node["interest_subsidy"], !subsidy.isNull, checkMapping(subsidy, what: "loans.interest_subsidy") {
            checkKeys(subsidy, allowed: ["bp", "years", "budget", "budget_per_year"], section: "loans.interest_subsidy")
            basisPoints = subsidy["bp"].flatMap { number($0, what: "interest_subsidy bp") } ?? 0
            years = subsidy["years"].flatMap { number($0, what: "interest_subsidy years") } ?? 1
            budget = subsidy["budget"].flatMap { money($0, what: "interest_subsidy budget") }
            if basisPoints < 0 || years < 0 {
                errors.append(.error(subsidy.location, "loans.interest_subsidy: bp and years must not be negative"))
            }
        }
        let bonuses = list(node["bonuses"], what: "loans.bonuses") { decoder, item, index in
            decoder.decodeBonus(item, index: index, section: "loans.bonuses")
        }
        let name = optionalLocalText(node, "name", section: "loans") ?? LocalText("loans")
        var loans = LoanSpec(
            name: name.zh, eligible: rule(node["eligible"]),
            interestSubsidyBasisPoints: basisPoints, interestSubsidyYears: years, interestSubsidyBudget: budget,
            bonuses: bonuses, location: node.location)
        loans.englishName = name.en
        if let caps = node["interest_subsidy"]?["budget_per_year"] { decodeYearlyCaps(caps, into: &loans) }
        loans.carbonFacility = rule(node["carbon_facility"])
        return loans
    }
}
