internal import MILP

/// Naming years that follow deferred prerequisites (scenario-format §15.4). A park with a deferrable prerequisite gets
/// one column n_{k,y} per year y from its naming year without deferral (`namingYear`) up to the latest year its
/// prerequisites' shifts reach, at most one of them set:
///
///     Σ_y n_{k,y} ≤ 1                                              (naming_once_<park>)
extension NamingColumnBridge {
    func addDeferredCandidates(park parkIndex: Int, prerequisites: [Int], valued: Bool, to draft: inout ModelDraft) {
        let facts = draft.decisions.facts
        guard let earliest = namingYear(park: parkIndex, prerequisites: prerequisites, facts: facts) else { return }
        var latest = earliest
        for prerequisite in prerequisites {
            let last = projects[prerequisite].lastAskedYear(years: scenario.years) ?? earliest
            let shift = draft.decisions.deferral[prerequisite]?.shifts.last ?? 0
            latest = Swift.max(latest, last + shift)
        }
        let parkName = Compiler.safeName(library.parkRecords[parkIndex].id, index: parkIndex)
        var columns: [Int] = []
        for year in scenario.years where year >= earliest && year <= latest {
            let column = draft.builder.addColumn(
                "name_\(parkName)_\(year)", kind: .binary, objective: valued ? scenario.objective.namingValue : 0)
            columns.append(column)
            var candidate = NamingCandidate(park: parkIndex, year: year, prerequisites: prerequisites, column: column)
            candidate.followsDeferral = true
            draft.naming.append(candidate)
        }
        guard columns.count > 1 else { return }
        draft.builder.addRow(
            "naming_once_\(parkName)", columns.map { Term($0, 1) }, upper: 1, origin: .deferredNaming(park: parkIndex))
    }
}

/// Naming links of the parks of `addDeferredCandidates`, per column n_{k,y} (last_q: the last year prerequisite q
/// asks money in as asked; φ_{q,0} = θ_q − Σ_{d≥1} φ_{q,d}):
///
///     Σ_{d: last_q + d ≤ y} φ_{q,d} / u_q − n_{k,y} ≥ 0             (naming_<park>_<q>_<y>, every q)
///     Σ_q Σ_{d: last_q + d = y} φ_{q,d} / u_q − n_{k,y} ≥ 0         (naming_last_<park>_<y>, y after the earliest)
///
/// so a park is named in exactly the year its last prerequisite ends.
struct DeferredNamingLinkBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let decisions = draft.decisions
        let candidates = draft.naming.filter(\.followsDeferral)
        for (position, candidate) in candidates.enumerated() {
            let park = Compiler.safeName(library.parkRecords[candidate.park].id, index: candidate.park)
            let isEarliest = position == 0 || candidates[position - 1].park != candidate.park
            var endingNow: [Term] = []
            for prerequisite in candidate.prerequisites {
                let cap = decisions.facts[prerequisite].cap
                let last = projects[prerequisite].lastAskedYear(years: scenario.years) ?? candidate.year
                var terms = decisions.shareTerms(prerequisite, 1 / cap)
                for (index, shift) in (decisions.deferral[prerequisite]?.shifts ?? []).enumerated() {
                    if last + shift > candidate.year { terms += decisions.shiftTerms(prerequisite, position: index, -1 / cap) }
                    if last + shift == candidate.year { endingNow += decisions.shiftTerms(prerequisite, position: index, 1 / cap) }
                }
                draft.builder.addRow(
                    "naming_\(park)_\(projectName(prerequisite))_\(candidate.year)",
                    Compiler.combine(terms) + [Term(candidate.column, -1)], lower: 0,
                    origin: .naming(park: candidate.park, project: prerequisite))
            }
            guard !isEarliest else { continue }
            draft.builder.addRow(
                "naming_last_\(park)_\(candidate.year)", Compiler.combine(endingNow) + [Term(candidate.column, -1)],
                lower: 0, origin: .deferredNaming(park: candidate.park))
        }
    }
}
