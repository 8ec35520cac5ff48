/// A reason in a form every writer can render in either language.
public enum Reason: Sendable, Hashable {
    case excludedBy(rule: String, reason: String)
    case lockedOut
    case loanOnly
    case ineligible(fund: String, rule: String)
    /// No request inside the horizon; `years` are the years it asks for money in (empty: none at all).
    case outsideHorizon(years: [Int])
    /// u = 0: the cap named by `limitedBy` allows nothing.
    case minShareImpossible(cap: Double, minShare: Double, limitedBy: String)
    case requiresUnfundable(project: String)
    case notChosen
    case lockedIn
    case fundedFull
    case fundedPartial(share: Double)
    /// Funded at its maximum u < 1, set by the cap `limitedBy` (按上限补助).
    case fundedAtCap(share: Double, limitedBy: String)
    /// Requests after the horizon, not funded in this scenario (后续年度需求).
    case laterYearNeeds([YearlyAmount])
    case bonus(name: String, factor: Double)
    case namingPrerequisite(park: String, named: Bool)
    case requiresFunded(project: String)
    /// Started `years` years later than asked, first paid in `start` (scenario-format §15.4).
    case deferred(years: Int, start: Int)
}
