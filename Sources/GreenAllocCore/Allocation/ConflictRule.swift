/// A rule that takes part in an infeasibility (scenario-format §13 `diagnosis.conflict`).
public enum ConflictRule: Sendable, Hashable {
    case limit(rule: String, group: String?, year: Int?)
    case lock(project: String)
    case budget(fund: String, year: Int)
    case target(rule: String)
    case requires(project: String)
    case exclusive(group: String)
}
