/// A set of groups that cannot hold together, with the facts.
public struct InfeasibleSubsystem: Sendable, Equatable {
    /// Indices into `InfeasibilityAnalysis.groups`, in the order the candidates were given.
    public var groups: [Int]
    /// True when dropping any one of them was shown to make the rest feasible.
    public var isMinimal: Bool

    public init(groups: [Int], isMinimal: Bool) {
        self.groups = groups
        self.isMinimal = isMinimal
    }
}

extension InfeasibilityAnalysis {
    /// The deletion filter: starting from `candidates` (every other group dropped), drop one group at a time
    /// in the given order and keep it dropped when the rest is still proved infeasible; a group whose removal
    /// gives a feasible point stays, and that point is its witness.
    ///
    /// Returns nil when the candidates together were not proved infeasible (they are not a conflict, or time
    /// ran out); `knownInfeasible` skips that first solve when the caller has just proved it. What is returned
    /// was proved infeasible by the last solve that removed a group (or by that first solve). It is minimal
    /// when every test finished and each kept group's witness satisfies the final set without that group
    /// (a point of a larger set minus the group satisfies a smaller one; a witness that fails `Model.verify`
    /// there is replaced by a new solve).
    public func deletionFilter(candidates: [Int], knownInfeasible: Bool = false, timeLimit: Double) throws
        -> InfeasibleSubsystem?
    {
        let elapsed = stopwatch()
        func remaining() -> Double { timeLimit - elapsed() }
        var seen = Set<Int>()
        let candidates = candidates.filter { seen.insert($0).inserted }
        var kept = seen
        if !knownInfeasible {
            guard remaining() > 0, try feasibility(keeping: kept, timeLimit: remaining()) == .infeasible else { return nil }
        }
        var witnesses: [Int: [Double]] = [:]
        var complete = true
        for group in candidates {
            guard remaining() > 0 else {
                complete = false
                break
            }
            switch try feasibility(keeping: kept.subtracting([group]), timeLimit: remaining()) {
            case .infeasible: kept.remove(group)
            case .feasible(let point): witnesses[group] = point
            case .unknown: complete = false
            }
        }
        if complete {
            complete = try confirmMinimality(&kept, order: candidates, witnesses: witnesses, remaining: remaining)
        }
        return InfeasibleSubsystem(groups: candidates.filter { kept.contains($0) }, isMinimal: complete)
    }

    /// Checks, for each group of `kept`, that the facts and the other kept groups are feasible: by its witness
    /// when `Model.verify` accepts it there, else by a solve. A group whose removal is proved infeasible after
    /// all is removed (the smaller set is then the proved conflict). False when a check could not finish.
    func confirmMinimality(
        _ kept: inout Set<Int>, order: [Int], witnesses: [Int: [Double]], remaining: () -> Double
    ) throws -> Bool {
        for group in order where kept.contains(group) {
            let rest = kept.subtracting([group])
            if let witness = witnesses[group], model.keeping(rest, of: groups).isFeasible(witness) { continue }
            guard remaining() > 0 else { return false }
            switch try feasibility(keeping: rest, timeLimit: remaining()) {
            case .feasible: continue
            case .infeasible: kept = rest
            case .unknown: return false
            }
        }
        return true
    }
}
