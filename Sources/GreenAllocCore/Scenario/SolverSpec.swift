/// scenario-format §3 `solver`.
public struct SolverSpec: Sendable, Hashable {
    public var timeLimit: Double
    public var mipGap: Double
    public var tiebreak: Bool
    public var backend: SolverBackend
    public init(timeLimit: Double = 60, mipGap: Double = 0, tiebreak: Bool = true, backend: SolverBackend = .glpk) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
        self.tiebreak = tiebreak
        self.backend = backend
    }
}

/// Which solver runs the integer programs: GLPK (linked, the default) or CBC (the separate `cbc` program).
public enum SolverBackend: String, Sendable, Hashable, CaseIterable {
    case glpk, cbc
}
