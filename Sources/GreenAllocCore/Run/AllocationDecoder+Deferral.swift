/// Reading deferral back (scenario-format §15.4): each deferred project's subsidy moves by its shift, and every
/// funded project gets its start year when deferral is in use.
extension AllocationDecoder {
    /// Whether the scenario uses deferral: a `deferral` section or a `defer_max` column.
    var deferralInUse: Bool { scenario.deferral != nil || library.projects.column("defer_max") != nil }

    func applyDeferral(to outcomes: inout [ProjectOutcome], _ values: [Double]) {
        guard deferralInUse else { return }
        let years = scenario.years
        for index in outcomes.indices where outcomes[index].funded {
            let shift = compiled.decisions.shift(of: index, values)
            if shift > 0 {
                let asked = outcomes[index].subsidy
                outcomes[index].subsidy = years.map { year in
                    years.firstIndex(of: year - shift).map { asked[$0] } ?? 0
                }
                let penalty = library.projectRecords[index].deferPenalty
                outcomes[index].deferralLoss =
                    outcomes[index].share * outcomes[index].score * Swift.min(1, Double(shift) * penalty)
            }
            outcomes[index].deferredYears = shift
            outcomes[index].startYear = zip(years, outcomes[index].subsidy).first { $0.1 > 0 }?.0
            if let start = outcomes[index].startYear, shift > 0 {
                outcomes[index].reasons.append(.deferred(years: shift, start: start))
            }
        }
    }
}
