/// The policy instruments' outcome (scenario-format §15), read from the decided projects.
extension AllocationDecoder {
    /// Nil when the scenario uses none of them, so that other allocations stay as they were.
    func policyOutcome(projects: [ProjectOutcome], funds: [FundOutcome], solved: Bool) -> PolicyOutcome? {
        let carrying = scenario.funds.contains { $0.carryOver != nil || !$0.openingBalance.isEmpty }
        guard !scenario.factors.isEmpty || carrying || scenario.review != nil else { return nil }
        var outcome = PolicyOutcome()
        if let review = scenario.review {
            outcome.review = ReviewOutcome(name: review.name, treatment: review.treatment, parks: library.reviewedParks)
        }
        guard solved else { return outcome }
        outcome.envelopes = envelopeOutcomes(projects)
        outcome.carry = zip(scenario.funds, funds).compactMap { spec, used in Self.carry(spec, used: used.used, years: scenario.years) }
        return outcome
    }

    func envelopeOutcomes(_ projects: [ProjectOutcome]) -> [EnvelopeOutcome] {
        FactorEnvelopes(scenario: scenario, library: library).envelopes.map { envelope in
            let spec = scenario.factors[envelope.entry]
            let fund = scenario.funds.firstIndex { $0.id == spec.fund }
            var allocated = 0.0
            for (index, record) in library.projectRecords.enumerated() where record.fund == fund && record.city == envelope.city {
                let subsidy = projects[index].subsidy
                allocated += envelope.yearIndex.map { subsidy[$0] } ?? subsidy.reduce(0, +)
            }
            return EnvelopeOutcome(
                name: spec.name, mode: spec.mode, city: library.cityIDs[envelope.city],
                year: envelope.yearIndex.map { scenario.years[$0] }, share: envelope.share, envelope: envelope.envelope,
                allocation: allocated)
        }
    }

    /// C_{y+1} = s × (A_y − S_y), A_y = B_y + O_y + C_y (scenario-format §15.2); nil for a fund without either key.
    static func carry(_ spec: FundSpec, used: [Double], years: [Int]) -> FundCarry? {
        guard spec.carryOver != nil || !spec.openingBalance.isEmpty else { return nil }
        let share = spec.carryOver ?? 0
        var rows: [FundCarry.Year] = []
        var carried = 0.0
        for (yearIndex, year) in years.enumerated() {
            let spent = yearIndex < used.count ? used[yearIndex] : 0
            var row = FundCarry.Year(
                year: year, budget: spec.budget(in: year), opening: spec.openingBalance[year] ?? 0, carriedIn: carried,
                spent: spent, carriedOut: 0)
            row.carriedOut = Swift.max(0, share * row.unspent)
            carried = row.carriedOut
            rows.append(row)
        }
        return FundCarry(fund: spec.id, share: share, years: rows)
    }
}
