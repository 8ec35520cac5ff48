internal import MILP

/// Share links, per project with a share column θ_p (the definition of θ, never relaxed):
///
///     θ_p − u_p·z_p ≤ 0                  (share_hi_<p>)
///     θ_p − min_share_p·u_p·z_p ≥ 0      (share_lo_<p>)
///
/// min_share is a share of the maximum u, so θ_p ∈ {0} ∪ [min_share_p·u_p, u_p].
struct ShareLinkBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let decisions = draft.decisions
        for index in projects.indices {
            guard let funded = decisions.funded[index], let share = decisions.share[index] else { continue }
            let name = projectName(index)
            let fact = decisions.facts[index]
            draft.builder.addRow(
                "share_hi_\(name)", [Term(share, 1), Term(funded, -fact.cap)], upper: 0, origin: .shareLink(project: index))
            draft.builder.addRow(
                "share_lo_\(name)", [Term(share, 1), Term(funded, -fact.leastShare)], lower: 0,
                origin: .shareLink(project: index))
        }
    }
}
