/// A range of an expression's source in Unicode characters (grapheme clusters), half-open.
struct Span: Sendable, Hashable {
    var start: Int
    var end: Int
    init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
    func through(_ other: Span) -> Span { Span(start, max(end, other.end)) }
}

/// An error with the part of the source it is about.
struct ExpressionProblem: Error, Sendable {
    var message: String
    var span: Span
    init(_ message: String, _ span: Span) {
        self.message = message
        self.span = span
    }
}

enum Symbol: String, Sendable {
    case openParen = "(", closeParen = ")", openBracket = "[", closeBracket = "]", comma = ","
    case plus = "+", minus = "-", star = "*", slash = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

enum TokenKind: Sendable, Equatable {
    case number(Double)
    case string(String)
    case date(Day)
    /// `entity.column`; `entityEnd` is where the entity word ends.
    case name(entity: String, column: String, entityEnd: Int)
    /// A bare word: a keyword or an unknown name.
    case word(String)
    case symbol(Symbol)
    case end
}

struct Token: Sendable {
    var kind: TokenKind
    var span: Span
}

/// The words with a meaning of their own.
let expressionKeywords: Set<String> = ["and", "or", "not", "in", "is", "missing", "true", "false", "as_of"]

func isNameCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_"
}

private func isDigit(_ character: Character) -> Bool {
    character.isASCII && character.isNumber
}

/// Splits an expression into tokens. Strings are single-quoted; a quote inside is doubled (`'it''s'`),
/// a backslash has no special meaning. `DDDD-DD-DD` is one date token.
func tokenize(_ chars: [Character]) throws(ExpressionProblem) -> [Token] {
    var tokens: [Token] = []
    var index = 0
    let count = chars.count
    while index < count {
        let character = chars[index]
        if character.isWhitespace {
            index += 1
        } else if character == "'" {
            tokens.append(try lexString(chars, &index))
        } else if isDigit(character) {
            tokens.append(try lexNumberOrDate(chars, &index))
        } else if character.isLetter || character == "_" {
            tokens.append(try lexName(chars, &index))
        } else {
            tokens.append(try lexSymbol(chars, &index))
        }
    }
    tokens.append(Token(kind: .end, span: Span(count, count)))
    return tokens
}

private func peek(_ chars: [Character], _ position: Int) -> Character? {
    position < chars.count ? chars[position] : nil
}

/// A single-quoted string, `''` standing for a quote inside.
private func lexString(_ chars: [Character], _ index: inout Int) throws(ExpressionProblem) -> Token {
    func at(_ position: Int) -> Character? { peek(chars, position) }
    let start = index
    var text = ""
    index += 1
    while true {
        guard let next = at(index) else {
            throw ExpressionProblem(
                "unterminated string (strings end with '; write '' for a quote inside one)",
                Span(start, chars.count))
        }
        index += 1
        if next == "'" {
            if at(index) == "'" {
                text.append("'")
                index += 1
            } else {
                break
            }
        } else {
            text.append(next)
        }
    }
    return Token(kind: .string(text), span: Span(start, index))
}

/// A word (`and`, `true`, a function) or a name `entity.column`.
private func lexName(_ chars: [Character], _ index: inout Int) throws(ExpressionProblem) -> Token {
    func at(_ position: Int) -> Character? { peek(chars, position) }
    let start = index
    while let next = at(index), isNameCharacter(next) { index += 1 }
    let word = String(chars[start..<index])
    guard at(index) == "." else { return Token(kind: .word(word), span: Span(start, index)) }
    let entityEnd = index
    index += 1
    let columnStart = index
    while let next = at(index), isNameCharacter(next) { index += 1 }
    guard index > columnStart else {
        throw ExpressionProblem("expected a column name after '\(word).'", Span(start, index))
    }
    let column = String(chars[columnStart..<index])
    return Token(kind: .name(entity: word, column: column, entityEnd: entityEnd), span: Span(start, index))
}

/// An operator or a bracket; anything else is an error that names what to write instead.
private func lexSymbol(_ chars: [Character], _ index: inout Int) throws(ExpressionProblem) -> Token {
    func at(_ position: Int) -> Character? { peek(chars, position) }
    let start = index
    let character = chars[index]
    index += 1
    let symbol: Symbol
    switch character {
    case "(": symbol = .openParen
    case ")": symbol = .closeParen
    case "[": symbol = .openBracket
    case "]": symbol = .closeBracket
    case ",": symbol = .comma
    case "+": symbol = .plus
    case "-": symbol = .minus
    case "*": symbol = .star
    case "/": symbol = .slash
    case "=":
        guard at(index) == "=" else { throw ExpressionProblem("use '==' to compare", Span(start, index)) }
        index += 1
        symbol = .equal
    case "!":
        guard at(index) == "=" else { throw ExpressionProblem("use 'not' to negate", Span(start, index)) }
        index += 1
        symbol = .notEqual
    case "<":
        if at(index) == ">" { throw ExpressionProblem("use '!=' for 'not equal'", Span(start, index + 1)) }
        if at(index) == "=" {
            index += 1
            symbol = .lessOrEqual
        } else {
            symbol = .less
        }
    case ">":
        if at(index) == "=" {
            index += 1
            symbol = .greaterOrEqual
        } else {
            symbol = .greater
        }
    case "&": throw ExpressionProblem("use 'and'", Span(start, at(index) == "&" ? index + 1 : index))
    case "|": throw ExpressionProblem("use 'or'", Span(start, at(index) == "|" ? index + 1 : index))
    case "\"": throw ExpressionProblem("strings are written in single quotes: 'text'", Span(start, index))
    case ".":
        if let next = at(index), isDigit(next) {
            throw ExpressionProblem("write numbers with a leading digit (0.5, not .5)", Span(start, index))
        }
        throw ExpressionProblem("unexpected '.'", Span(start, index))
    default:
        throw ExpressionProblem(unexpectedCharacterMessage(character), Span(start, index))
    }
    return Token(kind: .symbol(symbol), span: Span(start, index))
}

/// "unexpected character", with a hint for full-width punctuation.
private func unexpectedCharacterMessage(_ character: Character) -> String {
    var message = "unexpected character '\(character)'"
    if let scalar = character.unicodeScalars.first, (0xFF01...0xFF5E).contains(scalar.value),
        let ascii = Unicode.Scalar(scalar.value - 0xFEE0)
    {
        message += " (a full-width character; write '\(Character(ascii))')"
    } else if character == "，" || character == "‘" || character == "’" || character == "（" {
        message += " (a full-width character)"
    }
    return message
}

/// A number (`12`, `1.5`, `1e3`, `2.5E-2`) or a date (`2022-03-31`).
private func lexNumberOrDate(_ chars: [Character], _ index: inout Int) throws(ExpressionProblem) -> Token {
    let start = index
    let count = chars.count
    func digit(_ position: Int) -> Bool { position < count && isDigit(chars[position]) }
    func digitRun(from position: Int) -> Int {
        var end = position
        while digit(end) { end += 1 }
        return end
    }
    func rejectTrailingName(_ what: String) throws(ExpressionProblem) {
        guard index < count, isNameCharacter(chars[index]) || chars[index] == "." else { return }
        var end = index
        while end < count, isNameCharacter(chars[end]) || chars[end] == "." { end += 1 }
        throw ExpressionProblem("malformed \(what) '\(String(chars[start..<end]))'", Span(start, end))
    }

    // A date: exactly four digits, '-', two digits, '-', two digits (more digits make a malformed date).
    if digitRun(from: start) == start + 4, start + 10 <= count, chars[start + 4] == "-", chars[start + 7] == "-",
        digitRun(from: start + 5) == start + 7, digitRun(from: start + 8) >= start + 10
    {
        index = start + 10
        try rejectTrailingName("date")
        let text = String(chars[start..<index])
        guard let day = Day(iso: text) else {
            throw ExpressionProblem("'\(text)' is not a valid date", Span(start, index))
        }
        return Token(kind: .date(day), span: Span(start, index))
    }

    index = digitRun(from: start)
    if index < count, chars[index] == ".", digit(index + 1) {
        index = digitRun(from: index + 1)
    }
    if index < count, chars[index] == "e" || chars[index] == "E" {
        var exponent = index + 1
        if exponent < count, chars[exponent] == "+" || chars[exponent] == "-" { exponent += 1 }
        if digit(exponent) { index = digitRun(from: exponent) }
    }
    try rejectTrailingName("number")
    let text = String(chars[start..<index])
    guard let value = Double(text), value.isFinite else {
        throw ExpressionProblem("number '\(text)' is out of range", Span(start, index))
    }
    return Token(kind: .number(value), span: Span(start, index))
}
