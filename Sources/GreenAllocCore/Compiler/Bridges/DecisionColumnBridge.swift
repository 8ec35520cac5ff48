internal import MILP

/// Decision columns, per project with decision columns (fundable, or kept out only by `requires`):
///
///     z_p ∈ {0, 1}                 (z_<p>)
///     θ_p ∈ [0, u_p]               (theta_<p>, only when min_share_p < 1; else θ_p = u_p·z_p)
///
/// `lock: in` fixes z_p = 1 and θ_p = u_p.
struct DecisionColumnBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        for (index, record) in projects.enumerated() where draft.decisions.facts[index].hasDecisionColumns {
            let name = projectName(index)
            let locked = record.lock == .lockedIn
            if locked { draft.decisions.lockedIn.append(index) }
            let cap = draft.decisions.facts[index].cap
            draft.decisions.funded[index] = draft.builder.addColumn(
                "z_\(name)", kind: .binary, lower: locked ? 1 : 0, upper: 1)
            if record.minShare < 1 - 1e-12 {
                draft.decisions.share[index] = draft.builder.addColumn(
                    "theta_\(name)", kind: .continuous, lower: locked ? cap : 0, upper: cap)
            }
        }
    }
}
