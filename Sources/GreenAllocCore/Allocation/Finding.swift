/// A presolve finding (printed before solving; an extension of the format).
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case infeasible, warning }
    public var severity: Severity
    public var kind: FindingKind
    public var rules: [ConflictRule]
    public init(severity: Severity, kind: FindingKind, rules: [ConflictRule] = []) {
        self.severity = severity
        self.kind = kind
        self.rules = rules
    }

    /// A finding given as text (an allocation built by hand).
    public init(severity: Severity, message: String, suggestion: String, rules: [ConflictRule] = []) {
        self.init(severity: severity, kind: .stated(message: message, suggestion: suggestion), rules: rules)
    }
}
