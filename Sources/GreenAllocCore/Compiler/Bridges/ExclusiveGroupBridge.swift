internal import MILP

/// Exclusive groups, in order of first appearance in the project table, per group with at least two members
/// that have z columns:
///
///     Σ_{p ∈ group} z_p ≤ 1      (exclusive_<group>)
struct ExclusiveGroupBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        var members: [String: [Int]] = [:]
        var order: [String] = []
        for (index, record) in projects.enumerated() {
            guard let group = record.exclusiveGroup else { continue }
            if members[group] == nil {
                order.append(group)
                members[group] = []
            }
            if let funded = draft.decisions.funded[index] { members[group, default: []].append(funded) }
        }
        for (position, group) in order.enumerated() {
            let columns = members[group] ?? []
            guard columns.count > 1 else { continue }
            draft.builder.addRow(
                "exclusive_\(Compiler.safeName(group, index: position))", columns.map { Term($0, 1) }, upper: 1,
                origin: .exclusive(group: group))
        }
    }
}
