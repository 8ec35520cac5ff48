/// One step of a type-checked arithmetic chain; the kind is fixed by the operand types at compile time.
enum ArithmeticKind: Sendable {
    case add, subtract, multiply, divide
    /// date - date → days
    case daysBetween
    /// date + number, date - number → date
    case dateAddDays, dateSubtractDays
    /// number + date → date
    case daysAddDate
}

struct CompiledStep: Sendable {
    var kind: ArithmeticKind
    var operand: Node
}

/// A type-checked expression whose leaves hold resolved slots: evaluation does no name lookups.
indirect enum Node: Sendable {
    case constant(Value)
    case column(Entity, slot: Int)
    case asOf
    case not(Node)
    case and([Node])
    case or([Node])
    case missingTest(Node, negated: Bool)
    case compare(ComparisonOperator, Node, Node)
    case compareConstant(ComparisonOperator, Node, Value)
    /// Both sides are values of the same ordered enumeration.
    case compareRank(ComparisonOperator, Node, Node, Ordering)
    case compareRankConstant(ComparisonOperator, Node, Ordering, rank: Int)
    case member(Node, Set<Value>, negated: Bool)
    case arithmetic(Node, [CompiledStep])
    case negate(Node)

    /// scenario-format §4: a comparison with a missing value is false; arithmetic with a missing value is missing;
    /// `and`, `or` and `not` take a missing value as false.
    func evaluate(_ row: some ExpressionRow) -> Value {
        switch self {
        case .constant(let value):
            return value
        case .column(let entity, let slot):
            return row.value(entity, slot: slot)
        case .asOf:
            return .date(row.asOf)
        case .not(let operand):
            return .boolean(!operand.evaluate(row).isTrue)
        case .and(let operands):
            for operand in operands where !operand.evaluate(row).isTrue { return .boolean(false) }
            return .boolean(true)
        case .or(let operands):
            for operand in operands where operand.evaluate(row).isTrue { return .boolean(true) }
            return .boolean(false)
        case .missingTest(let operand, let negated):
            return .boolean(operand.evaluate(row).isMissing != negated)
        case .compare(let op, let left, let right):
            return .boolean(compareValues(op, left.evaluate(row), right.evaluate(row)))
        case .compareConstant(let op, let left, let constant):
            return .boolean(compareValues(op, left.evaluate(row), constant))
        case .compareRank(let op, let left, let right, let ordering):
            guard let lhs = ordering.rank(of: left.evaluate(row)), let rhs = ordering.rank(of: right.evaluate(row))
            else { return .boolean(false) }
            return .boolean(op.test(lhs, rhs))
        case .compareRankConstant(let op, let left, let ordering, let rank):
            guard let lhs = ordering.rank(of: left.evaluate(row)) else { return .boolean(false) }
            return .boolean(op.test(lhs, rank))
        case .member(let operand, let set, let negated):
            let value = operand.evaluate(row)
            if value.isMissing { return .boolean(false) }
            return .boolean(set.contains(value) != negated)
        case .arithmetic(let first, let steps):
            var accumulator = first.evaluate(row)
            for step in steps {
                accumulator = applyArithmetic(step.kind, accumulator, step.operand.evaluate(row))
                if accumulator.isMissing { return .missing }
            }
            return accumulator
        case .negate(let operand):
            if case .number(let value) = operand.evaluate(row) { return .number(-value) }
            return .missing
        }
    }
}

extension Value {
    @inline(__always)
    var isTrue: Bool { if case .boolean(true) = self { true } else { false } }
}

/// Compares two values of the same type; false when either is missing (or the types differ).
@inline(__always)
func compareValues(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)): return op.test(a, b)
    case (.date(let a), .date(let b)): return op.test(a.daysSinceEpoch, b.daysSinceEpoch)
    case (.text(let a), .text(let b)): return op.isEquality && op.test(a, b)
    case (.boolean(let a), .boolean(let b)): return op.isEquality && (a == b) == (op == .equal)
    default: return false
    }
}

/// The largest day offset applied to a date (about 27,000 years); beyond it the result is missing.
/// A fractional day count is cut toward zero.
private let maximumDayShift = 10_000_000.0

private func shift(_ day: Day, by days: Double) -> Value {
    guard days.isFinite, abs(days) <= maximumDayShift else { return .missing }
    return .date(Day(daysSinceEpoch: day.daysSinceEpoch + Int(days.rounded(.towardZero))))
}

/// Division by zero, and any result that is not a finite number, give a missing value.
private func applyArithmetic(_ kind: ArithmeticKind, _ lhs: Value, _ rhs: Value) -> Value {
    switch (kind, lhs, rhs) {
    case (.add, .number(let a), .number(let b)): return finite(a + b)
    case (.subtract, .number(let a), .number(let b)): return finite(a - b)
    case (.multiply, .number(let a), .number(let b)): return finite(a * b)
    case (.divide, .number(let a), .number(let b)): return b == 0 ? .missing : finite(a / b)
    case (.daysBetween, .date(let a), .date(let b)): return .number(Double(a.daysSinceEpoch - b.daysSinceEpoch))
    case (.dateAddDays, .date(let a), .number(let b)): return shift(a, by: b)
    case (.dateSubtractDays, .date(let a), .number(let b)): return shift(a, by: -b)
    case (.daysAddDate, .number(let a), .date(let b)): return shift(b, by: a)
    default: return .missing
    }
}

@inline(__always)
private func finite(_ value: Double) -> Value { value.isFinite ? .number(value) : .missing }
