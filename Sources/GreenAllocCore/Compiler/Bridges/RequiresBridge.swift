internal import MILP

/// `requires` (a rule a diagnosis may drop), per project p with a z column and each project q it requires:
///
///     z_p − z_q ≤ 0        (requires_<p>_<q>)
///     z_p ≤ 0              when q has no columns (a fact keeps it out)
struct RequiresBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let funded = draft.decisions.funded
        for (index, record) in projects.enumerated() {
            guard let column = funded[index] else { continue }
            for required in record.requires {
                let other = funded[required].map { [Term($0, -1)] } ?? []
                draft.builder.addRow(
                    "requires_\(projectName(index))_\(projectName(required))", [Term(column, 1)] + other, upper: 0,
                    origin: .requires(project: index, required: required))
            }
        }
    }
}
