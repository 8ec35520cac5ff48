public struct Diagnosis: Sendable, Hashable {
    public var minimal: Bool
    public var conflict: [ConflictRule]
    public var relax: [Relaxation]
    /// What explains the conflict, rendered into sentences by the reports.
    public var explanation: [DiagnosisSentence]
    public init(minimal: Bool, conflict: [ConflictRule], relax: [Relaxation], explanation: [DiagnosisSentence] = []) {
        self.minimal = minimal
        self.conflict = conflict
        self.relax = relax
        self.explanation = explanation
    }
}
