enum LogicalOperator: String, Sendable { case and, or }

enum ArithmeticOperator: String, Sendable { case add = "+", subtract = "-", multiply = "*", divide = "/" }

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    var isEquality: Bool { self == .equal || self == .notEqual }

    /// The operator with its operands swapped (`a < b` is `b > a`).
    var mirrored: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }

    @inline(__always)
    func test<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}

/// A parsed expression node with its place in the source.
struct Syntax: Sendable {
    var kind: SyntaxKind
    var span: Span
}

struct ArithmeticStep: Sendable {
    var op: ArithmeticOperator
    var operand: Syntax
}

indirect enum SyntaxKind: Sendable {
    case literal(Value)
    case list([Syntax])
    case name(entity: String, column: String, entitySpan: Span)
    /// A word that is neither a keyword nor `entity.column` (always an error, reported by the checker).
    case unknownWord(String)
    case asOf
    case not(Syntax)
    case negate(Syntax)
    /// `a or b or c` as one node, so that long chains need no deep recursion.
    case logical(LogicalOperator, [Syntax])
    /// `a + b - c` (or `a * b / c`) as one node, evaluated left to right.
    case arithmetic(Syntax, [ArithmeticStep])
    case comparison(ComparisonOperator, Syntax, Syntax)
    case membership(Syntax, Syntax, negated: Bool)
    case missingTest(Syntax, negated: Bool)
}

/// Recursive descent over scenario-format §4's grammar, loosest first:
/// or → and → not → comparison (non-associative) → + - → * / → unary minus → primary.
/// Chains of one operator become one n-ary node; only parentheses, `not`, unary minus and lists nest,
/// and at most `maxDepth` levels deep.
struct Parser {
    static let maxDepth = 200

    private let tokens: [Token]
    private let chars: [Character]
    private var index = 0
    private var depth = 0

    init(tokens: [Token], chars: [Character]) {
        self.tokens = tokens
        self.chars = chars
    }

    static func parse(_ chars: [Character]) throws(ExpressionProblem) -> Syntax {
        var parser = Parser(tokens: try tokenize(chars), chars: chars)
        if case .end = parser.current.kind {
            throw ExpressionProblem("the expression is empty", parser.current.span)
        }
        let syntax = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw parser.unexpected(parser.current, expecting: "an operator or the end of the expression")
        }
        return syntax
    }

    private var current: Token { tokens[index] }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isWord(_ word: String, offset: Int = 0) -> Bool {
        let position = min(index + offset, tokens.count - 1)
        if case .word(let text) = tokens[position].kind { return text == word }
        return false
    }

    private func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(let found) = current.kind { return found == symbol }
        return false
    }

    private func text(of token: Token) -> String {
        if case .end = token.kind { return "end of the expression" }
        return "'" + String(chars[token.span.start..<token.span.end]) + "'"
    }

    private func unexpected(_ token: Token, expecting: String) -> ExpressionProblem {
        if case .word(let word) = token.kind, word != word.lowercased(), expressionKeywords.contains(word.lowercased()) {
            return ExpressionProblem("unknown name '\(word)' — did you mean '\(word.lowercased())'?", token.span)
        }
        return ExpressionProblem("unexpected \(text(of: token)); expected \(expecting)", token.span)
    }

    private mutating func nest(_ token: Token) throws(ExpressionProblem) {
        depth += 1
        if depth > Parser.maxDepth {
            throw ExpressionProblem(
                "the expression is nested too deeply (more than \(Parser.maxDepth) levels of parentheses, 'not' or '-')",
                token.span)
        }
    }

    private mutating func parseOr() throws(ExpressionProblem) -> Syntax {
        try parseLogical(.or) { (parser: inout Parser) throws(ExpressionProblem) in try parser.parseAnd() }
    }

    private mutating func parseAnd() throws(ExpressionProblem) -> Syntax {
        try parseLogical(.and) { (parser: inout Parser) throws(ExpressionProblem) in try parser.parseNot() }
    }

    private mutating func parseLogical(
        _ op: LogicalOperator, operand: (inout Parser) throws(ExpressionProblem) -> Syntax
    ) throws(ExpressionProblem) -> Syntax {
        let first = try operand(&self)
        guard isWord(op.rawValue) else { return first }
        var items = [first]
        while isWord(op.rawValue) {
            advance()
            items.append(try operand(&self))
        }
        return Syntax(kind: .logical(op, items), span: first.span.through(items[items.count - 1].span))
    }

    private mutating func parseNot() throws(ExpressionProblem) -> Syntax {
        guard isWord("not") else { return try parseComparison() }
        let token = advance()
        try nest(token)
        let operand = try parseNot()
        depth -= 1
        return Syntax(kind: .not(operand), span: token.span.through(operand.span))
    }

    private var atComparisonOperator: Bool {
        if case .symbol(let symbol) = current.kind, comparisonOperator(symbol) != nil { return true }
        return isWord("in") || isWord("is") || (isWord("not") && isWord("in", offset: 1))
    }

    private func comparisonOperator(_ symbol: Symbol) -> ComparisonOperator? {
        switch symbol {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    private mutating func parseComparison() throws(ExpressionProblem) -> Syntax {
        let left = try parseAdditive()
        let result: Syntax
        if case .symbol(let symbol) = current.kind, let op = comparisonOperator(symbol) {
            advance()
            let right = try parseAdditive()
            result = Syntax(kind: .comparison(op, left, right), span: left.span.through(right.span))
        } else if isWord("in") || (isWord("not") && isWord("in", offset: 1)) {
            let negated = isWord("not")
            if negated { advance() }
            advance()
            let right = try parseAdditive()
            result = Syntax(kind: .membership(left, right, negated: negated), span: left.span.through(right.span))
        } else if isWord("is") {
            advance()
            let negated = isWord("not")
            if negated { advance() }
            guard isWord("missing") else {
                throw unexpected(current, expecting: negated ? "'missing' after 'is not'" : "'missing' or 'not missing' after 'is'")
            }
            let last = advance()
            result = Syntax(kind: .missingTest(left, negated: negated), span: left.span.through(last.span))
        } else {
            return left
        }
        if atComparisonOperator {
            throw ExpressionProblem(
                "comparisons cannot be chained; join them with 'and' (a < b and b < c)", current.span)
        }
        return result
    }

    private mutating func parseAdditive() throws(ExpressionProblem) -> Syntax {
        try parseArithmetic([.plus: .add, .minus: .subtract]) { (parser: inout Parser) throws(ExpressionProblem) in
            try parser.parseMultiplicative()
        }
    }

    private mutating func parseMultiplicative() throws(ExpressionProblem) -> Syntax {
        try parseArithmetic([.star: .multiply, .slash: .divide]) { (parser: inout Parser) throws(ExpressionProblem) in
            try parser.parseUnary()
        }
    }

    private mutating func parseArithmetic(
        _ operators: [Symbol: ArithmeticOperator], operand: (inout Parser) throws(ExpressionProblem) -> Syntax
    ) throws(ExpressionProblem) -> Syntax {
        let first = try operand(&self)
        var steps: [ArithmeticStep] = []
        while case .symbol(let symbol) = current.kind, let op = operators[symbol] {
            advance()
            steps.append(ArithmeticStep(op: op, operand: try operand(&self)))
        }
        guard let last = steps.last else { return first }
        return Syntax(kind: .arithmetic(first, steps), span: first.span.through(last.operand.span))
    }

    private mutating func parseUnary() throws(ExpressionProblem) -> Syntax {
        guard isSymbol(.minus) else { return try parsePrimary() }
        let token = advance()
        try nest(token)
        let operand = try parseUnary()
        depth -= 1
        return Syntax(kind: .negate(operand), span: token.span.through(operand.span))
    }

    private mutating func parsePrimary() throws(ExpressionProblem) -> Syntax {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return Syntax(kind: .literal(.number(value)), span: token.span)
        case .string(let value):
            advance()
            return Syntax(kind: .literal(.text(value)), span: token.span)
        case .date(let value):
            advance()
            return Syntax(kind: .literal(.date(value)), span: token.span)
        case .name(let entity, let column, let entityEnd):
            advance()
            return Syntax(
                kind: .name(entity: entity, column: column, entitySpan: Span(token.span.start, entityEnd)),
                span: token.span)
        case .word(let word):
            switch word {
            case "true", "false":
                advance()
                return Syntax(kind: .literal(.boolean(word == "true")), span: token.span)
            case "as_of":
                advance()
                return Syntax(kind: .asOf, span: token.span)
            case "missing":
                throw ExpressionProblem("'missing' can only follow 'is' or 'is not'", token.span)
            default:
                if expressionKeywords.contains(word) { throw unexpected(token, expecting: "a value") }
                advance()
                return Syntax(kind: .unknownWord(word), span: token.span)
            }
        case .symbol(.openParen):
            advance()
            try nest(token)
            var inner = try parseOr()
            depth -= 1
            guard isSymbol(.closeParen) else { throw unexpected(current, expecting: "')'") }
            inner.span = token.span.through(advance().span)
            return inner
        case .symbol(.openBracket):
            advance()
            try nest(token)
            var elements: [Syntax] = []
            if !isSymbol(.closeBracket) {
                while true {
                    elements.append(try parseAdditive())
                    if isSymbol(.closeBracket) { break }
                    guard isSymbol(.comma) else { throw unexpected(current, expecting: "',' or ']'") }
                    advance()
                }
            }
            depth -= 1
            let close = advance()
            return Syntax(kind: .list(elements), span: token.span.through(close.span))
        case .end:
            throw ExpressionProblem("the expression ends too early; expected a value", token.span)
        case .symbol:
            throw unexpected(token, expecting: "a value")
        }
    }
}
