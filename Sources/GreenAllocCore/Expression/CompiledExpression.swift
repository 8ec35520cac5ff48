/// A rule of scenario-format §4, parsed, type-checked and resolved against an `ExpressionSchema`, ready to be
/// evaluated per project.
///
/// Language notes beyond the format (docs/scenario-format.md):
/// - Strings are single-quoted; a quote inside one is doubled: `'it''s'`. Backslashes are plain characters.
/// - `DDDD-DD-DD` is always one date token (`2022-03-31`); write `2022 - 03` for a subtraction.
/// - Numbers: `12`, `1.5`, `1e3`, and `-x` for any number.
/// - `date - date` gives days; `date + n`, `n + date`, `date - n` give a date (a fractional n is cut toward zero).
/// - Division by zero, and any non-finite result, gives a missing value.
/// - A value of an ordered column outside its enumeration counts as missing in `<`, `<=`, `>`, `>=`.
/// - Parentheses, `not`, unary minus and lists may nest at most 200 levels.
public struct CompiledExpression: Sendable {
    public let source: String
    public let type: ValueType
    let root: Node
    /// The columns the expression reads, in order of first appearance.
    public let columnReferences: [ColumnReference]

    /// Entity columns the expression reads (e.g. to know whether a loan rule reads `project.funded`).
    public var references: [(entity: Entity, name: String)] { columnReferences.map { ($0.entity, $0.name) } }

    public func reads(_ entity: Entity, _ name: String) -> Bool {
        columnReferences.contains(ColumnReference(entity, name))
    }

    /// Parses and type-checks `source`. On failure, returns every problem found (a syntax error stops at
    /// the first one), each an error at `location` whose message starts with `rule` — a label such as
    /// `ruleLabel(name:path:)` makes — and whose detail shows the expression with a caret line under the
    /// offending part. `expecting` is the type the whole expression must have (nil: any).
    public static func compile(
        _ source: String, schema: ExpressionSchema, rule: String, location: SourceLocation?,
        expecting: ValueType? = .boolean
    ) -> Result<CompiledExpression, InputErrors> {
        let chars = Array(source)
        func failure(_ problems: [ExpressionProblem]) -> Result<CompiledExpression, InputErrors> {
            .failure(
                InputErrors(problems.map { problem in
                    .error(location, "\(rule): \(problem.message)", detail: excerpt(chars, problem.span))
                }))
        }
        let syntax: Syntax
        do {
            syntax = try Parser.parse(chars)
        } catch {
            return failure([error])
        }
        var checker = Checker(schema: schema)
        let checked = checker.check(syntax)
        var problems = checker.problems
        // An empty column's value is missing, whatever type is expected.
        if let type = checked.type, let expecting, type != expecting, type != .untyped {
            let message =
                expecting == .boolean
                ? "a rule must be a condition (true/false), but this expression gives \(describe(type))"
                : "this expression must give \(describe(expecting)), but it gives \(describe(type))"
            problems.append(ExpressionProblem(message, syntax.span))
        }
        guard problems.isEmpty, let type = checked.type else { return failure(problems) }
        return .success(
            CompiledExpression(source: source, type: type, root: checked.node, columnReferences: checker.references))
    }

    /// The value of the expression for one project (`.missing` when it has none, e.g. `project.x + 1`
    /// with x empty). A condition gives `.boolean`, or `.missing` when it is a bare missing boolean column.
    public func evaluate(_ row: some ExpressionRow) -> Value { root.evaluate(row) }

    /// Whether the expression evaluates to `true` (a missing value does not hold).
    public func holds(_ row: some ExpressionRow) -> Bool { root.evaluate(row).isTrue }

    /// The label messages start with: `rule '优先园区' (objective.bonuses[0].when)`, or
    /// `rule funds[0].eligible` without a name.
    public static func ruleLabel(name: String?, path: String) -> String {
        guard let name, !name.isEmpty else { return "rule \(path)" }
        return "rule '\(name)' (\(path))"
    }
}

// MARK: - Caret lines

/// The longest source line shown whole; a longer one is cut around the problem.
private let excerptWidth = 100

/// The source line holding `span` and a caret line under the span. Columns count display width: East
/// Asian wide characters take two.
func excerpt(_ chars: [Character], _ span: Span) -> [String] {
    let start = min(span.start, chars.count)
    var lineStart = start
    while lineStart > 0, !chars[lineStart - 1].isNewline { lineStart -= 1 }
    var lineEnd = start
    while lineEnd < chars.count, !chars[lineEnd].isNewline { lineEnd += 1 }
    let end = min(max(span.end, start), lineEnd)

    var shownStart = lineStart
    var shownEnd = lineEnd
    if lineEnd - lineStart > excerptWidth {
        shownStart = max(lineStart, start - excerptWidth * 2 / 5)
        shownEnd = min(lineEnd, max(shownStart + excerptWidth, end))
        shownEnd = min(shownEnd, shownStart + excerptWidth * 2)
    }
    let lead = shownStart > lineStart ? "…" : ""
    let trail = shownEnd < lineEnd ? "…" : ""
    let line = lead + String(chars[shownStart..<shownEnd]) + trail

    var carets = String(repeating: " ", count: lead.isEmpty ? 0 : 1)
    for character in chars[shownStart..<start] {
        carets += character == "\t" ? "\t" : String(repeating: " ", count: displayWidth(character))
    }
    let width = chars[start..<min(end, shownEnd)].reduce(0) { $0 + displayWidth($1) }
    carets += String(repeating: "^", count: max(1, width))
    return [line, carets]
}

/// 2 for East Asian wide and full-width characters, else 1.
func displayWidth(_ character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first?.value, scalar >= 0x1100 else { return 1 }
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(scalar) } ? 2 : 1
}
