/// scenario-format §13 `why`: the first that applies.
public enum WhyCode: String, Sendable, Hashable, CaseIterable {
    case excluded
    case lockedOut = "locked_out"
    case loanOnly = "loan_only"
    case ineligible
    /// No request inside the horizon (its requests, if any, lie in other years).
    case outsideHorizon = "outside_horizon"
    /// The caps allow nothing (u = 0).
    case minShareImpossible = "min_share_impossible"
    case requiresUnfundable = "requires_unfundable"
    case notChosen = "not_chosen"
    case funded
}
