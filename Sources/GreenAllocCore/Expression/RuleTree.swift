/// A rule's parsed form for readers (the reports' plain-words rendering): the expression's structure with
/// names as written (`park.status`), literals as values, and no positions or resolved slots. It is what the
/// parser reads, before the type checks, so it exists for any rule that parses.
public indirect enum RuleTree: Sendable, Hashable {
    case literal(Value)
    /// `['a', 'b']` (the right side of `in` / `not in`).
    case list([RuleTree])
    /// `entity.column`, e.g. `project.maturity`.
    case column(entity: String, name: String)
    case asOf
    /// A word that names nothing (a rule that would not compile).
    case word(String)
    case not(RuleTree)
    case negate(RuleTree)
    /// `a and b and …`
    case all([RuleTree])
    /// `a or b or …`
    case any([RuleTree])
    /// `a + b - c` (or `a * b / c`), left to right.
    case arithmetic(RuleTree, [RuleStep])
    case comparison(RuleComparison, RuleTree, RuleTree)
    case membership(RuleTree, RuleTree, negated: Bool)
    case missingTest(RuleTree, negated: Bool)

    /// The tree of `source`, or nil when it does not parse.
    public init?(parsing source: String) {
        guard let syntax = try? Parser.parse(Array(source)) else { return nil }
        self.init(syntax)
    }

    init(_ syntax: Syntax) {
        switch syntax.kind {
        case .literal(let value): self = .literal(value)
        case .list(let items): self = .list(items.map(RuleTree.init))
        case .name(let entity, let column, _): self = .column(entity: entity, name: column)
        case .unknownWord(let word): self = .word(word)
        case .asOf: self = .asOf
        case .not(let operand): self = .not(RuleTree(operand))
        case .negate(let operand): self = .negate(RuleTree(operand))
        case .logical(.and, let items): self = .all(items.map(RuleTree.init))
        case .logical(.or, let items): self = .any(items.map(RuleTree.init))
        case .arithmetic(let first, let steps):
            self = .arithmetic(
                RuleTree(first),
                steps.map { RuleStep(operation: RuleArithmetic(rawValue: $0.op.rawValue) ?? .add, operand: RuleTree($0.operand)) })
        case .comparison(let op, let left, let right):
            self = .comparison(RuleComparison(rawValue: op.rawValue) ?? .equal, RuleTree(left), RuleTree(right))
        case .membership(let left, let right, let negated):
            self = .membership(RuleTree(left), RuleTree(right), negated: negated)
        case .missingTest(let operand, let negated): self = .missingTest(RuleTree(operand), negated: negated)
        }
    }
}

/// A comparison of a rule, as written.
public enum RuleComparison: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The comparison with its operands swapped (`a < b` is `b > a`), as the evaluator swaps them.
    public var mirrored: RuleComparison {
        ComparisonOperator(rawValue: rawValue).flatMap { RuleComparison(rawValue: $0.mirrored.rawValue) } ?? self
    }
}

public enum RuleArithmetic: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// One step of an arithmetic chain.
public struct RuleStep: Sendable, Hashable {
    public var operation: RuleArithmetic
    public var operand: RuleTree
    public init(operation: RuleArithmetic, operand: RuleTree) {
        self.operation = operation
        self.operand = operand
    }
}
