internal import MILP

/// Targets (scenario-format §9), one row per target t, in file order:
///
///     value_t (+ scale·s_t) ≥ min_t      (target_t<t>)
///
/// value is Σ z_p (count), Σ total_request_p·θ_p (subsidy), Σ benefit_p·θ_p, or Σ n_k over parks named by the
/// target's year (eco_park_count: min − parks already named; eco_park_share: min·parks counted − parks
/// already named, with scale = parks counted). A soft target adds its shortfall s_t ≥ 0 (shortfall_t<t>)
/// with objective coefficient −penalty when maximizing, +penalty when minimizing. A `report_only` target has
/// no row (the reports only measure the plan against it).
struct TargetBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let ecoBase = Double(library.parkRecords.filter { $0.status.isEcoPark }.count)
        let denominator = Double(library.parkRecords.filter { $0.status != .revoked }.count)
        for (targetIndex, target) in scenario.targets.enumerated() where !target.reportOnly {
            var terms: [Term] = []
            var lower = target.min
            var shortfallScale = 1.0
            switch target.metric {
            case .ecoParkCount, .ecoParkShare:
                let year = target.year ?? scenario.years.last ?? 0
                terms = draft.naming.filter { $0.year <= year }.map { Term($0.column, 1) }
                if target.metric == .ecoParkShare {
                    lower = target.min * denominator - ecoBase
                    shortfallScale = denominator
                } else {
                    lower = target.min - ecoBase
                }
            case .count:
                terms = projects.indices.compactMap { draft.decisions.funded[$0].map { Term($0, 1) } }
            case .subsidy:
                terms = projects.indices.flatMap { draft.shareTerms($0, projects[$0].totalRequest) }
            case .benefit(let column):
                terms = projects.indices.flatMap { draft.shareTerms($0, library.projects.value(column, row: $0).number ?? 0) }
            }
            if let penalty = target.penalty {
                let sign = draft.builder.model.sense == .maximize ? -1.0 : 1.0
                let shortfall = draft.builder.addColumn("shortfall_t\(targetIndex)", kind: .continuous, objective: sign * penalty)
                draft.shortfallColumn[targetIndex] = shortfall
                terms.append(Term(shortfall, shortfallScale))
            }
            draft.builder.addRow("target_t\(targetIndex)", terms, lower: lower, origin: .target(index: targetIndex))
        }
    }
}
