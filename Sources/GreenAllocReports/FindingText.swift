public import GreenAllocCore

/// A presolve finding in words (English, in every report language): what was found, and what to do about it.
public enum FindingText {
    public static func message(_ finding: Finding) -> String {
        switch finding.kind {
        case .lockInBlocked(let project, let why):
            return "project \(project) is locked in (lock: in) but cannot be funded: \(why.rawValue)"
        case .lockInRequiresBlocked(let project, let path, let why):
            return "project \(project) is locked in (lock: in) but requires \(path.joined(separator: ", which requires ")), which cannot be funded: \(why.rawValue)"
        case .lockInsAboveBudget(let fund, let year, let need, let budget, _):
            return "the lock-ins of \(fund) need \(MoneyFormat.sentence(need))万 in \(year), but its budget is \(MoneyFormat.sentence(budget))万"
        case .floorAboveSupply(let limit, let floor, let supply):
            return "the floor of \(ConflictRuleText.scope(limit)) is \(MoneyFormat.sentence(floor)), but every fundable project in its scope together gives at most \(MoneyFormat.sentence(supply))"
        case .shareCapAllowsNothing(let limit, let share, let lockedIn):
            return "\(ConflictRuleText.scope(limit)): one group holds every fundable project of its base, so max_share \(MoneyFormat.sentencePercent(share)) allows nothing to be funded there"
                + (lockedIn.isEmpty ? "" : ", but \(lockedIn.joined(separator: ", ")) \(lockedIn.count == 1 ? "is" : "are") locked in there")
        case .targetOutOfReach(let target, let min, let reach):
            let detail: String
            switch reach {
            case .parks(let nameable, let year, let alreadyNamed):
                detail = "only \(nameable) parks can be newly named by \(year) (under construction, not barred, with fundable prerequisite packages), besides \(alreadyNamed) eco parks already named"
            case .supply(let supply):
                detail = "every fundable project together gives at most \(MoneyFormat.sentence(supply))"
            }
            return "target 「\(target)」 (min \(formatNumber(min))) cannot be met: \(detail)"
        case .coefficientSpan(let smallest, let largest):
            return "model coefficients span \(formatNumber(smallest)) to \(formatNumber(largest)) (more than 1e9): the solver may lose precision"
        case .stated(let message, _):
            return message
        }
    }

    public static func suggestion(_ finding: Finding) -> String {
        switch finding.kind {
        case .lockInBlocked, .lockInRequiresBlocked:
            return "remove its lock, or fix what blocks it (exclusion, eligibility, min_share, requires)"
        case .lockInsAboveBudget(let fund, let year, let need, let budget, let lockedIn):
            return "raise the \(year) budget of \(fund) by at least \(MoneyFormat.sentence(need - budget))万, or unlock some of: \(lockedIn.joined(separator: ", "))"
        case .floorAboveSupply(_, _, let supply):
            return "lower min to at most \(MoneyFormat.sentence(supply)), or widen the limit's scope"
        case .shareCapAllowsNothing:
            return "drop the share cap or use an absolute max for this scope"
        case .targetOutOfReach:
            return "lower the target, make it soft with a penalty, or add eligible projects/parks"
        case .coefficientSpan:
            return "check units (money in 万元, benefits in tonnes) and very small weights or shares"
        case .stated(_, let suggestion):
            return suggestion
        }
    }
}
