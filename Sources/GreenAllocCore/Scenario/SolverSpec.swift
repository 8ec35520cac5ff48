/// SPEC §1 `solver`.
public struct SolverSpec: Sendable, Hashable {
    public var timeLimit: Double
    public var mipGap: Double
    public var tiebreak: Bool
    public init(timeLimit: Double = 60, mipGap: Double = 0, tiebreak: Bool = true) {
        self.timeLimit = timeLimit
        self.mipGap = mipGap
        self.tiebreak = tiebreak
    }
}
