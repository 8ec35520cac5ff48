internal import MILP

/// The objective on projects (scenario-format §8, §4.2), added to what the naming and target bridges set:
///
///     maximize Σ_p score_p·θ_p + naming_value·Σ n_k − Σ penalty_t·s_t
///     minimize Σ_p total_request_p·θ_p + Σ penalty_t·s_t
///
/// with θ_p = u_p·z_p for a project without a share column.
struct ObjectiveBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let maximizing = scenario.objective.sense == .maximizeBenefit
        for index in projects.indices {
            let coefficient = maximizing ? draft.decisions.facts[index].score : projects[index].totalRequest
            for term in draft.shareTerms(index, coefficient) { draft.builder.addObjective(term.column, term.coefficient) }
        }
    }
}
