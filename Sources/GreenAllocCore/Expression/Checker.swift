/// A type-checked piece of an expression. `type` is nil after an error was reported for it, so that one
/// mistake is not reported again by every operator above it.
struct Checked {
    var node: Node
    var type: ValueType?
    var order: Ordering? = nil
    /// `entity.column` when the piece is a column (for messages).
    var column: String? = nil

    static let failed = Checked(node: .constant(.missing), type: nil)
    static func condition(_ node: Node) -> Checked { Checked(node: node, type: .boolean) }
    static let failedCondition = Checked(node: .constant(.missing), type: .boolean)
}

func describe(_ type: ValueType) -> String {
    switch type {
    case .number: "a number"
    case .text: "text"
    case .date: "a date"
    case .boolean: "true/false"
    case .list: "a list"
    case .untyped: "an empty column"
    }
}

func literalType(_ value: Value) -> ValueType? {
    switch value {
    case .missing: nil
    case .number: .number
    case .text: .text
    case .date: .date
    case .boolean: .boolean
    case .list: .list
    }
}

/// Resolves names against the schema, checks types (scenario-format §4) and builds the evaluation tree, collecting
/// every problem it finds.
struct Checker {
    let schema: ExpressionSchema
    private(set) var problems: [ExpressionProblem] = []
    private(set) var references: [ColumnReference] = []

    init(schema: ExpressionSchema) { self.schema = schema }

    private mutating func report(_ message: String, _ span: Span) {
        problems.append(ExpressionProblem(message, span))
    }

    mutating func check(_ syntax: Syntax) -> Checked {
        switch syntax.kind {
        case .literal(let value):
            return Checked(node: .constant(value), type: literalType(value))
        case .asOf:
            return Checked(node: .asOf, type: .date)
        case .name(let entity, let column, let entitySpan):
            return name(entity, column, entitySpan: entitySpan, span: syntax.span)
        case .unknownWord(let word):
            report(unknownWordMessage(word), syntax.span)
            return .failed
        case .list:
            report("a list can only follow 'in' or 'not in'", syntax.span)
            return .failed
        case .not(let operand):
            let checked = check(operand)
            requireCondition(checked, operand.span, "'not' needs")
            return .condition(.not(checked.node))
        case .negate(let operand):
            let checked = check(operand)
            if case .constant(.number(let value)) = checked.node { return Checked(node: .constant(.number(-value)), type: .number) }
            if let type = checked.type, type != .number, type != .untyped {
                report("'-' needs a number, but this is \(describe(type))", operand.span)
                return .failed
            }
            return Checked(node: .negate(checked.node), type: checked.type)
        case .logical(let op, let operands):
            var nodes: [Node] = []
            nodes.reserveCapacity(operands.count)
            for operand in operands {
                let checked = check(operand)
                requireCondition(checked, operand.span, "'\(op.rawValue)' needs")
                nodes.append(checked.node)
            }
            return .condition(op == .and ? .and(nodes) : .or(nodes))
        case .arithmetic(let first, let steps):
            return arithmetic(first, steps)
        case .comparison(let op, let left, let right):
            return comparison(op, left, right, span: syntax.span)
        case .membership(let left, let right, let negated):
            return membership(left, right, negated: negated)
        case .missingTest(let operand, let negated):
            return .condition(.missingTest(check(operand).node, negated: negated))
        }
    }

    /// A condition is a boolean, or an empty column (a missing value, which holds as false).
    private mutating func requireCondition(_ checked: Checked, _ span: Span, _ who: String) {
        if let type = checked.type, type != .boolean, type != .untyped {
            report("\(who) a condition (true/false), but this is \(describe(type))", span)
        }
    }

    // MARK: Names

    private mutating func name(_ entityName: String, _ column: String, entitySpan: Span, span: Span) -> Checked {
        guard let entity = Entity(rawValue: entityName) else {
            let entities = Entity.allCases.map(\.rawValue)
            if let close = closestName(to: entityName, among: entities) {
                report("unknown entity '\(entityName)' — did you mean '\(close)'?", entitySpan)
            } else {
                report("unknown entity '\(entityName)' (names start with project., park., city. or fund.)", entitySpan)
            }
            return .failed
        }
        let label = "\(entityName).\(column)"
        guard let entry = schema.entry(entity, column) else {
            report(unknownColumnMessage(entity, column), span)
            return .failed
        }
        let reference = ColumnReference(entity, column)
        if !references.contains(reference) { references.append(reference) }
        // A column its table leaves out is missing for every project.
        let node = entry.slot.map { Node.column(entity, slot: $0) } ?? .constant(.missing)
        return Checked(node: node, type: entry.type, order: entry.order, column: label)
    }

    private func unknownColumnMessage(_ entity: Entity, _ column: String) -> String {
        let head = "unknown column '\(entity.rawValue).\(column)'"
        let available = schema.columns(of: entity)
        if let close = closestName(to: column, among: available) { return "\(head) — did you mean '\(close)'?" }
        if let other = Entity.allCases.first(where: { $0 != entity && schema.entry($0, column) != nil }) {
            return "\(head) — did you mean '\(other.rawValue).\(column)'?"
        }
        if available.isEmpty { return "\(head) (\(entity.rawValue) has no columns)" }
        let shown = available.prefix(8).joined(separator: ", ")
        let more = available.count > 8 ? " and \(available.count - 8) more" : ""
        return "\(head) (\(entity.rawValue) columns: \(shown)\(more))"
    }

    private func unknownWordMessage(_ word: String) -> String {
        let head = "unknown name '\(word)'"
        if expressionKeywords.contains(word.lowercased()) { return "\(head) — did you mean '\(word.lowercased())'?" }
        if Entity(rawValue: word) != nil { return "'\(word)' needs a column: \(word).<column>" }
        if let entity = Entity.allCases.first(where: { schema.entry($0, word) != nil }) {
            return "\(head) — did you mean '\(entity.rawValue).\(word)'?"
        }
        return "\(head) (names are project.X, park.X, city.X, fund.X or as_of)"
    }

    // MARK: Arithmetic

    private mutating func arithmetic(_ first: Syntax, _ steps: [ArithmeticStep]) -> Checked {
        let head = check(first)
        var type = head.type
        var compiled: [CompiledStep] = []
        compiled.reserveCapacity(steps.count)
        var span = first.span
        for step in steps {
            let operand = check(step.operand)
            span = span.through(step.operand.span)
            guard let left = type, let right = operand.type else {
                type = nil
                continue
            }
            let kind: ArithmeticKind
            switch (step.op, left, right) {
            // An empty column gives a missing value whatever it is combined with, unless that cannot be
            // combined at all.
            case (_, .untyped, .number), (_, .untyped, .date), (_, .untyped, .untyped), (_, .number, .untyped),
                (_, .date, .untyped):
                (kind, type) = (step.op.numberKind, .untyped)
            case (.add, .number, .number): (kind, type) = (.add, .number)
            case (.subtract, .number, .number): (kind, type) = (.subtract, .number)
            case (.multiply, .number, .number): (kind, type) = (.multiply, .number)
            case (.divide, .number, .number): (kind, type) = (.divide, .number)
            case (.subtract, .date, .date): (kind, type) = (.daysBetween, .number)
            case (.add, .date, .number): (kind, type) = (.dateAddDays, .date)
            case (.subtract, .date, .number): (kind, type) = (.dateSubtractDays, .date)
            case (.add, .number, .date): (kind, type) = (.daysAddDate, .date)
            default:
                report(
                    "'\(step.op.rawValue)' cannot combine \(describe(left)) and \(describe(right)) "
                        + "(arithmetic takes numbers; with dates, date - date gives days and date ± days gives a date)",
                    span)
                type = nil
                continue
            }
            compiled.append(CompiledStep(kind: kind, operand: operand.node))
        }
        return Checked(node: .arithmetic(head.node, compiled), type: type)
    }

    // MARK: Comparisons

    private mutating func comparison(_ op: ComparisonOperator, _ leftSyntax: Syntax, _ rightSyntax: Syntax, span: Span) -> Checked {
        let left = check(leftSyntax)
        let right = check(rightSyntax)
        guard let leftType = left.type, let rightType = right.type else { return .failedCondition }
        // A comparison with an empty column is a comparison with a missing value: false, never a clash.
        if leftType == .untyped || rightType == .untyped { return .condition(compareNode(op, left.node, right.node)) }
        guard leftType == rightType else {
            var message = "'\(op.rawValue)' compares values of the same type, not \(describe(leftType)) and \(describe(rightType))"
            for (side, other) in [(left, right), (right, left)] {
                if side.type == .date, case .constant(.text(let text)) = other.node, Day(iso: text) != nil {
                    message += "; write dates without quotes (\(text))"
                }
            }
            report(message, span)
            return .failedCondition
        }
        // A text literal compared with an ordered enumeration must be one of its values.
        if !checkEnumerationLiteral(left, right, rightSyntax.span) || !checkEnumerationLiteral(right, left, leftSyntax.span) {
            return .failedCondition
        }
        if op.isEquality { return .condition(compareNode(op, left.node, right.node)) }
        switch leftType {
        case .number, .date:
            return .condition(compareNode(op, left.node, right.node))
        case .boolean, .list, .untyped:
            report("'\(op.rawValue)' cannot order \(describe(leftType)) values", span)
            return .failedCondition
        case .text:
            if let order = left.order, let otherOrder = right.order {
                if order == otherOrder { return .condition(.compareRank(op, left.node, right.node, order)) }
                report("'\(op.rawValue)': \(left.column ?? "left") and \(right.column ?? "right") are different enumerations", span)
                return .failedCondition
            }
            if let order = left.order, case .constant(.text(let text)) = right.node, let rank = order.rank[text] {
                return .condition(.compareRankConstant(op, left.node, order, rank: rank))
            }
            if let order = right.order, case .constant(.text(let text)) = left.node, let rank = order.rank[text] {
                return .condition(.compareRankConstant(op.mirrored, right.node, order, rank: rank))
            }
            if let ordered = left.order != nil ? left : right.order != nil ? right : nil {
                report(
                    "'\(op.rawValue)' compares \(ordered.column ?? "an ordered column") only with one of its values or with the same column",
                    span)
            } else {
                report(
                    "'\(op.rawValue)' cannot order text (only ordered columns such as project.maturity can be compared with '\(op.rawValue)')",
                    span)
            }
            return .failedCondition
        }
    }

    /// False (after reporting) when `other` is a text literal outside `ordered`'s enumeration.
    private mutating func checkEnumerationLiteral(_ ordered: Checked, _ other: Checked, _ otherSpan: Span) -> Bool {
        guard let order = ordered.order, case .constant(.text(let text)) = other.node, order.rank[text] == nil else { return true }
        report(notInEnumerationMessage(text, ordered, order), otherSpan)
        return false
    }

    private func notInEnumerationMessage(_ text: String, _ ordered: Checked, _ order: Ordering) -> String {
        "'\(text)' is not a value of \(ordered.column ?? "this column") (allowed: \(order.values.joined(separator: ", ")))"
    }

    private func compareNode(_ op: ComparisonOperator, _ left: Node, _ right: Node) -> Node {
        if case .constant(let value) = right { return .compareConstant(op, left, value) }
        if case .constant(let value) = left { return .compareConstant(op.mirrored, right, value) }
        return .compare(op, left, right)
    }

    private mutating func membership(_ leftSyntax: Syntax, _ rightSyntax: Syntax, negated: Bool) -> Checked {
        let left = check(leftSyntax)
        let keyword = negated ? "not in" : "in"
        guard case .list(let elements) = rightSyntax.kind else {
            _ = check(rightSyntax)
            report("'\(keyword)' needs a list like ['a', 'b'] on its right", rightSyntax.span)
            return .failedCondition
        }
        if let type = left.type, type == .list {
            report("'\(keyword)' needs a single value on its left", leftSyntax.span)
        }
        var values = Set<Value>()
        var failed = false
        for element in elements {
            guard let value = literalValue(element) else {
                report("list elements must be literal values", element.span)
                failed = true
                continue
            }
            if let type = left.type, type != .untyped, let elementType = literalType(value), type != elementType {
                report(
                    "this list element is \(describe(elementType)), but \(left.column ?? "the left side of '\(keyword)'") is \(describe(type))",
                    element.span)
                failed = true
                continue
            }
            if !checkEnumerationLiteral(left, Checked(node: .constant(value), type: .text), element.span) {
                failed = true
                continue
            }
            values.insert(value)
        }
        if failed || left.type == nil { return .failedCondition }
        return .condition(.member(left.node, values, negated: negated))
    }
}

extension ArithmeticOperator {
    /// The operation on two numbers.
    fileprivate var numberKind: ArithmeticKind {
        switch self {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        }
    }
}

/// The value of a literal, or of a negated number literal (`-3`).
private func literalValue(_ syntax: Syntax) -> Value? {
    switch syntax.kind {
    case .literal(let value): return value
    case .negate(let operand):
        if case .literal(.number(let number)) = operand.kind { return .number(-number) }
        return nil
    default: return nil
    }
}

/// The candidate closest to `name`: one that differs only in letter case, else the nearest by edit distance
/// (a swap of two neighbours counts one) within about a third of the name's length.
func closestName(to name: String, among candidates: [String]) -> String? {
    let lowered = name.lowercased()
    if let same = candidates.first(where: { $0.lowercased() == lowered }) { return same }
    let target = Array(lowered)
    let limit = max(1, min(3, target.count / 3))
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        if distance <= limit, distance < best?.distance ?? Int.max { best = (candidate, distance) }
    }
    return best?.name
}

/// Optimal string alignment distance.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
            current[j] = value
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
