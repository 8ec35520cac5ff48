internal import MILP

/// Deferral (scenario-format §15.4), per project p with decision columns and allowed shifts S_p (none: nothing is
/// added), after the share links and before every row that reads a year's subsidy:
///
///     s_{p,d} ∈ {0, 1}                                   (defer_<p>_<d>, objective −min(1, d·penalty)·score·u)
///     Σ_d s_{p,d} − z_p ≤ 0                              (defer_<p>)
///
/// and with a share column θ_p, φ_{p,d} ∈ [0, u_p] (theta_<p>_d<d>, objective −min(1, d·penalty)·score) with
///
///     φ_{p,d} − u_p·s_{p,d} ≤ 0                          (defer_hi_<p>_<d>)
///     φ_{p,d} − θ_p ≤ 0                                  (defer_le_<p>_<d>)
///     φ_{p,d} − θ_p − u_p·s_{p,d} ≥ −u_p                 (defer_ge_<p>_<d>)
///
/// The objective terms apply when maximizing benefit only.
struct DeferralBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let maximizing = scenario.objective.sense == .maximizeBenefit
        for (index, record) in projects.enumerated() {
            guard let funded = draft.decisions.funded[index] else { continue }
            let shifts = record.allowedShifts(years: scenario.years)
            guard !shifts.isEmpty else { continue }
            let name = projectName(index)
            let cap = draft.decisions.facts[index].cap
            let score = draft.decisions.facts[index].score
            let theta = draft.decisions.share[index]
            var deferral = ProjectDeferral(shifts: shifts, penalty: record.deferPenalty)
            for shift in shifts {
                let loss = maximizing ? -Swift.min(1, Double(shift) * record.deferPenalty) * score : 0
                let column = draft.builder.addColumn(
                    "defer_\(name)_\(shift)", kind: .binary, upper: 1, objective: theta == nil ? loss * cap : 0)
                deferral.switches.append(column)
                guard let theta else { continue }
                let share = draft.builder.addColumn("theta_\(name)_d\(shift)", upper: cap, objective: loss)
                deferral.shares.append(share)
                let origin = RowOrigin.deferral(project: index)
                draft.builder.addRow(
                    "defer_hi_\(name)_\(shift)", [Term(share, 1), Term(column, -cap)], upper: 0, origin: origin)
                draft.builder.addRow("defer_le_\(name)_\(shift)", [Term(share, 1), Term(theta, -1)], upper: 0, origin: origin)
                draft.builder.addRow(
                    "defer_ge_\(name)_\(shift)", [Term(share, 1), Term(theta, -1), Term(column, -cap)], lower: -cap,
                    origin: origin)
            }
            draft.builder.addRow(
                "defer_\(name)", deferral.switches.map { Term($0, 1) } + [Term(funded, -1)], upper: 0,
                origin: .deferral(project: index))
            draft.decisions.deferral[index] = deferral
        }
    }
}
