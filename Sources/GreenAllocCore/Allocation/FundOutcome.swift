/// A fund's budget and use per horizon year.
public struct FundOutcome: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: FundKind
    public var budget: [Double]
    public var used: [Double]
    public init(id: String, name: String, kind: FundKind, budget: [Double], used: [Double]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.budget = budget
        self.used = used
    }
}
