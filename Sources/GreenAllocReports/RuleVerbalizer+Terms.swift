import GreenAllocCore

/// Values in words: names, literals, `as_of` and arithmetic.
extension RuleVerbalizer {
    func term(_ tree: RuleTree) -> String {
        switch tree {
        case .column(let entity, let name): return words.subject(entity: entity, column: name)
        case .literal(let value): return literal(value)
        case .asOf:
            return pick("基准日", "the as-of date") + (asOf.map { pick("（\($0)）", " (\($0))") } ?? "")
        case .word(let word): return word
        case .negate(let operand): return "−" + term(operand)
        case .list(let elements): return elements.map(term).joined(separator: pick("、", ", "))
        case .arithmetic(let first, let steps): return arithmetic(first, steps)
        case .all, .any, .not, .comparison, .membership, .missingTest:
            return parenthesized(condition(tree), when: true)
        }
    }

    func literal(_ value: Value) -> String {
        switch value {
        case .number(let number): MoneyFormat.spelled(number, places: 4, grouping: true, trimmingZeros: true)
        case .text(let text): quoted(text)
        case .date(let day): day.description
        case .boolean(let flag): flag ? pick("是", "true") : pick("否", "false")
        case .missing: pick("空值", "missing")
        case .list(let values): values.map(literal).joined(separator: pick("、", ", "))
        }
    }

    /// `as_of - 1095` → 基准日前1,095天 / 1,095 days before the as-of date; other chains with + − × ÷.
    func arithmetic(_ first: RuleTree, _ steps: [RuleStep]) -> String {
        if isDate(first), steps.count == 1, let step = steps.first, case .literal(.number(let days)) = step.operand,
            step.operation == .add || step.operation == .subtract
        {
            let count = literal(.number(days))
            let before = step.operation == .subtract
            return pick(term(first) + (before ? "前" : "后") + count + "天",
                count + (before ? " days before " : " days after ") + term(first))
        }
        var text = operand(first)
        for step in steps {
            let symbol = switch step.operation {
            case .add: " + "
            case .subtract: " − "
            case .multiply: " × "
            case .divide: " ÷ "
            }
            text += symbol + operand(step.operand)
        }
        return text
    }

    private func operand(_ tree: RuleTree) -> String {
        if case .arithmetic = tree { return "(" + term(tree) + ")" }
        return term(tree)
    }
}
