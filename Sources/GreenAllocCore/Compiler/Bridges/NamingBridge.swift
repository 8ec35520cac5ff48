internal import MILP

/// Naming candidates (scenario-format §10), only when naming is valued (naming_value > 0 while maximizing) or an
/// eco-park target reads them: one binary column per park that can be newly named, at its naming year y
/// (see `namingYear`), with the naming value as objective coefficient:
///
///     n_k ∈ {0, 1}      (name_<park>_<y>)
///
/// The columns come before the budgets, whose naming-fund rows read them.
struct NamingColumnBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let ecoTargets = scenario.targets.contains { $0.metric.isEcoPark && !$0.reportOnly }
        let namingValued = scenario.objective.sense == .maximizeBenefit && scenario.objective.namingValue > 0
        guard ecoTargets || namingValued else { return }
        var prerequisitesByPark: [Int: [Int]] = [:]
        for (index, record) in projects.enumerated() where record.namingPrerequisite {
            prerequisitesByPark[record.park, default: []].append(index)
        }
        for (parkIndex, park) in library.parkRecords.enumerated() {
            let prerequisites = prerequisitesByPark[parkIndex] ?? []
            if prerequisites.contains(where: { draft.decisions.deferral[$0] != nil }) {
                addDeferredCandidates(park: parkIndex, prerequisites: prerequisites, valued: namingValued, to: &draft)
                continue
            }
            guard let year = namingYear(park: parkIndex, prerequisites: prerequisites, facts: draft.decisions.facts)
            else { continue }
            let column = draft.builder.addColumn(
                "name_\(Compiler.safeName(park.id, index: parkIndex))_\(year)", kind: .binary,
                objective: namingValued ? scenario.objective.namingValue : 0)
            draft.naming.append(NamingCandidate(park: parkIndex, year: year, prerequisites: prerequisites, column: column))
        }
    }

    /// scenario-format §10: a park can be newly named when under construction, not barred at `as_of`, with at least one
    /// prerequisite, all of them fundable (each then funded at its maximum u), and a naming year inside the
    /// horizon. The year is the latest year a prerequisite asks for money — years after the horizon included,
    /// so a package still drawing money then is not complete within it — or `naming_year` if later.
    func namingYear(park index: Int, prerequisites: [Int], facts: [ProjectFacts]) -> Int? {
        let park = library.parkRecords[index]
        guard park.status == .underConstruction else { return nil }
        if let barred = park.barredUntil, barred > scenario.asOf { return nil }
        guard !prerequisites.isEmpty else { return nil }
        guard prerequisites.allSatisfy({ facts[$0].fundable }) else { return nil }
        var year: Int?
        for prerequisite in prerequisites {
            let record = projects[prerequisite]
            for (position, amount) in record.request.enumerated() where amount > 0 {
                year = Swift.max(year ?? scenario.years[position], scenario.years[position])
            }
            for later in record.requestOutsideHorizon { year = Swift.max(year ?? later.year, later.year) }
        }
        if let namingYear = park.namingYear { year = Swift.max(year ?? namingYear, namingYear) }
        let resolved = year ?? scenario.years.first ?? 0
        return scenario.years.contains(resolved) ? resolved : nil
    }
}

/// Naming links (definitional), per naming candidate k and each of its prerequisites q — a park is named only
/// when every prerequisite package is funded at its maximum:
///
///     θ_q / u_q − n_k ≥ 0      (naming_<park>_<q>)
struct NamingLinkBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        for candidate in draft.naming where !candidate.followsDeferral {
            let park = Compiler.safeName(library.parkRecords[candidate.park].id, index: candidate.park)
            for prerequisite in candidate.prerequisites {
                var terms = draft.shareTerms(prerequisite, 1 / draft.decisions.facts[prerequisite].cap)
                terms.append(Term(candidate.column, -1))
                draft.builder.addRow(
                    "naming_\(park)_\(projectName(prerequisite))", terms, lower: 0,
                    origin: .naming(park: candidate.park, project: prerequisite))
            }
        }
    }
}
