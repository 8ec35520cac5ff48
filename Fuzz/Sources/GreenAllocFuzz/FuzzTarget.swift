import GreenAllocCore
import GreenAllocInputs

/// The schema fuzzed expressions are compiled against: one column of each type, an ordered enumeration, a
/// non-ASCII name, and every entity.
let schema: ExpressionSchema = {
    var schema = ExpressionSchema()
    schema.add(.project, column: "benefit", type: .number, slot: 0)
    schema.add(.project, column: "category", type: .text, slot: 1)
    schema.add(.project, column: "maturity", type: .text, slot: 2, order: maturityOrder)
    schema.add(.project, column: "start", type: .date, slot: 3)
    schema.add(.project, column: "flag", type: .boolean, slot: 4)
    schema.add(.park, column: "status", type: .text, slot: 0)
    schema.add(.park, column: "评分", type: .number, slot: 1)
    schema.add(.city, column: "id", type: .text, slot: 0)
    schema.add(.fund, column: "kind", type: .text, slot: 0)
    return schema
}()

struct Row: ExpressionRow {
    func value(_ entity: Entity, slot: Int) -> Value {
        switch (entity, slot) {
        case (.project, 0): .number(1e308)
        case (.project, 1): .text("air")
        case (.project, 2): .text("proposal")
        case (.project, 3): .date(Day(daysSinceEpoch: 19_000))
        case (.project, 4): .boolean(true)
        case (.park, 0): .text("revoked")
        default: .missing
        }
    }
    var asOf: Day { Day(daysSinceEpoch: 19_082) }
}

/// Every input goes to all three parsers. A located diagnostic must have a line and column ≥ 1; anything
/// else (a trap, an overflow, a stack overflow, a sanitizer report, a timeout) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    check(CSVReader.parse(bytes, file: "fuzz.csv"))
    let text = String(decoding: bytes, as: UTF8.self)
    check(YAMLReader.parse(text, file: "fuzz.yaml"))
    if bytes.count <= 1 << 14 {
        switch CompiledExpression.compile(text, schema: schema, rule: "rule fuzz", location: nil, expecting: nil) {
        case .success(let compiled): _ = compiled.evaluate(Row())
        case .failure(let errors): precondition(!errors.diagnostics.isEmpty)
        }
    }
    return 0
}

func check<T>(_ result: Result<T, InputErrors>) {
    guard case .failure(let errors) = result else { return }
    precondition(!errors.diagnostics.isEmpty, "a failure without a diagnostic")
    for diagnostic in errors.diagnostics {
        if let location = diagnostic.location {
            precondition(location.line >= 1 && location.column >= 1, "bad location \(diagnostic)")
        }
    }
}
