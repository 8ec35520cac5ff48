internal import MILP

/// Factor envelopes (scenario-format §15.1): per `factors` entry k, city c and (with `per_year`) year y, with
/// S = Σ_{p of the fund in c} request_{p,y}·θ_p (total request over the horizon with `total: horizon`):
///
///     S ≤ E                          (hard: envelope<k>_<city>[_<y>])
///     (1 − x)·E ≤ S ≤ (1 + x)·E      (band)
///     S − e ≤ E, e ≥ 0, ∓penalty·e   (soft; column envexcess<k>_<city>[_<y>])
///
/// No rows without `factors`.
struct EnvelopeBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        guard !scenario.factors.isEmpty else { return }
        let maximize = scenario.objective.sense == .maximizeBenefit
        for envelope in FactorEnvelopes(scenario: scenario, library: library).envelopes {
            let spec = scenario.factors[envelope.entry]
            let fund = scenario.funds.firstIndex { $0.id == spec.fund }
            var terms: [Term] = []
            for (index, record) in projects.enumerated() where record.fund == fund && record.city == envelope.city {
                if let yearIndex = envelope.yearIndex {
                    // A deferred project's money moves with its start year (§15.4); its total does not.
                    terms += draft.decisions.yearTerms(
                        index, request: record.request, yearIndex: yearIndex, years: scenario.years, scale: 1)
                } else {
                    terms += draft.shareTerms(index, record.totalRequest)
                }
            }
            var name = "envelope\(envelope.entry)_" + Compiler.safeName(library.cityIDs[envelope.city], index: envelope.city, prefix: "g")
            if let yearIndex = envelope.yearIndex { name += "_\(scenario.years[yearIndex])" }
            var lower = -Double.infinity
            var upper = envelope.envelope
            switch spec.mode {
            case .hard: break
            case .band:
                let band = spec.band ?? 0
                lower = envelope.envelope * (1 - band)
                upper = envelope.envelope * (1 + band)
            case .soft:
                let penalty = spec.penalty ?? 0
                let excess = draft.builder.addColumn(
                    "envexcess" + name.dropFirst("envelope".count), objective: maximize ? -penalty : penalty)
                terms.append(Term(excess, -1))
            }
            draft.builder.addRow(name, terms, lower: lower, upper: upper, origin: .envelope(envelope))
        }
    }
}

extension CityEnvelope {
    /// A hard or band envelope is the `limit` the diagnosis names after its entry, with the city as group; a soft
    /// one never conflicts.
    public func conflictRule(scenario: Scenario, library: Library) -> ConflictRule? {
        let spec = scenario.factors[entry]
        guard spec.mode != .soft else { return nil }
        return .limit(rule: spec.name, group: library.cityIDs[city], year: yearIndex.map { scenario.years[$0] })
    }
}
