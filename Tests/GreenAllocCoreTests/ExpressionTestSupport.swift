import GreenAllocCore
import Testing

/// A project row for expression tests: values by entity and slot.
struct TestRow: ExpressionRow {
    var values: [Entity: [Int: Value]] = [:]
    var asOf = Day(iso: "2022-03-31")!

    func value(_ entity: Entity, slot: Int) -> Value { values[entity]?[slot] ?? .missing }

    /// Sets `entity.name` (resolved through `testSchema`).
    func with(_ entity: Entity, _ name: String, _ value: Value) -> TestRow {
        var row = self
        let slot = testSchema.lookup(entity, name)!.slot!
        row.values[entity, default: [:]][slot] = value
        return row
    }

    func with(project name: String, _ value: Value) -> TestRow { with(.project, name, value) }
}

let testSchema: ExpressionSchema = {
    var schema = ExpressionSchema()
    let columns: [(Entity, String, ValueType)] = [
        (.project, "id", .text), (.project, "maturity", .text), (.project, "investment", .number),
        (.project, "flag", .boolean), (.project, "start", .date), (.project, "category", .text),
        (.project, "复查得分", .number), (.project, "x", .number), (.project, "y", .number),
        (.project, "funded", .boolean), (.project, "subsidy_total", .number), (.project, "finance_tier", .text),
        (.project, "other_maturity", .text), (.project, "name", .text),
        (.park, "id", .text), (.park, "name", .text), (.park, "city", .text), (.park, "status", .text),
        (.park, "barred_until", .date), (.park, "score", .number),
        (.city, "id", .text), (.city, "region", .text),
        (.fund, "id", .text), (.fund, "name", .text), (.fund, "kind", .text),
    ]
    var slots: [Entity: Int] = [:]
    for (entity, name, type) in columns {
        let slot = slots[entity, default: 0]
        slots[entity] = slot + 1
        let order =
            name == "other_maturity" ? maturityOrder : entity.table?.declaredColumn(named: name)?.type.order
        schema.add(entity, column: name, type: type, slot: slot * 3 + 1, order: order)
    }
    return schema
}()

/// A row where every column used by the tests has a value.
let fullRow = TestRow()
    .with(project: "id", .text("P001"))
    .with(project: "maturity", .text("ready_to_start"))
    .with(project: "other_maturity", .text("concept"))
    .with(project: "investment", .number(1000))
    .with(project: "flag", .boolean(true))
    .with(project: "start", .date(Day(iso: "2022-01-15")!))
    .with(project: "category", .text("water"))
    .with(project: "复查得分", .number(88.5))
    .with(project: "x", .number(7))
    .with(project: "y", .number(0))
    .with(project: "funded", .boolean(false))
    .with(project: "subsidy_total", .number(300))
    .with(project: "finance_tier", .text("general"))
    .with(.park, "status", .text("named_provincial"))
    .with(.park, "barred_until", .date(Day(iso: "2023-06-30")!))
    .with(.park, "score", .number(92))
    .with(.city, "id", .text("370100"))
    .with(.fund, "kind", .text("project_subsidy"))

/// A row where every column is missing.
let emptyRow = TestRow()

let testRule = "rule 'r' (exclude[0].when)"
let testLocation = SourceLocation(file: "s.yaml", line: 3, column: 11)

func compile(
    _ source: String, expecting: ValueType? = .boolean, schema: ExpressionSchema = testSchema
) -> Result<CompiledExpression, InputErrors> {
    CompiledExpression.compile(source, schema: schema, rule: testRule, location: testLocation, expecting: expecting)
}

/// Compiles (which must succeed) and evaluates.
func evaluate(
    _ source: String, _ row: TestRow = fullRow, expecting: ValueType? = .boolean, schema: ExpressionSchema = testSchema,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Value? {
    switch compile(source, expecting: expecting, schema: schema) {
    case .success(let expression): return expression.evaluate(row)
    case .failure(let errors):
        Issue.record("\(source) did not compile: \(errors)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The diagnostics of a source that must fail to compile.
func diagnostics(
    _ source: String, expecting: ValueType? = .boolean, schema: ExpressionSchema = testSchema,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    switch compile(source, expecting: expecting, schema: schema) {
    case .success:
        Issue.record("\(source) compiled", sourceLocation: sourceLocation)
        return []
    case .failure(let errors): return errors.diagnostics
    }
}

/// The message of the only diagnostic of a failing source, without the rule label.
func problem(
    _ source: String, expecting: ValueType? = .boolean, schema: ExpressionSchema = testSchema,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String {
    let found = diagnostics(source, expecting: expecting, schema: schema, sourceLocation: sourceLocation)
    #expect(found.count == 1, "\(source): \(found)", sourceLocation: sourceLocation)
    guard let message = found.first?.message else { return "" }
    let prefix = testRule + ": "
    #expect(message.hasPrefix(prefix), sourceLocation: sourceLocation)
    return String(message.dropFirst(prefix.count))
}
