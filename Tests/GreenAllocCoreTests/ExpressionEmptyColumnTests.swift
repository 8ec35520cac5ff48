import GreenAllocCore
import Testing

/// A free column whose cells are all empty has no type: comparing it is comparing a missing value. A declared
/// column its table leaves out keeps its declared type and reads as missing.
@Suite struct ExpressionEmptyColumnTests {
    /// `project.x` a number, `project.note` empty and untyped, `park.barred_until` and `project.maturity` left
    /// out of their tables, `project.flag` a boolean.
    static let schema: ExpressionSchema = {
        var schema = ExpressionSchema()
        schema.add(.project, column: "x", type: .number, slot: 0)
        schema.add(.project, column: "note", type: .untyped, slot: 1)
        schema.add(.project, column: "flag", type: .boolean, slot: 2)
        schema.add(.project, column: "category", type: .text, slot: 3)
        schema.addAbsent(.park, column: "barred_until", type: .date)
        schema.addAbsent(.project, column: "maturity", type: .text, order: maturityOrder)
        return schema
    }()

    /// x = 7, flag true, category 'air'; the empty column and the absent ones are missing.
    static let row = TestRow(values: [.project: [0: .number(7), 2: .boolean(true), 3: .text("air")]])

    /// (source, value): every comparison with a missing value is false, `not` of it true.
    @Test(arguments: [
        ("project.note == 5", false), ("project.note == 'a'", false), ("project.note != 'a'", false),
        ("project.note > as_of", false), ("project.note <= 2022-03-31", false), ("project.note == true", false),
        ("project.note < 'concept'", false), ("project.maturity > project.note", false),
        ("project.note == project.x", false), ("project.note == project.note", false),
        ("project.note in ['a', 1, 2022-03-31]", false), ("project.note not in ['a']", false),
        ("not (project.note == 5)", true), ("not (project.note in ['a'])", true),
        ("project.note is missing", true), ("project.note is not missing", false),
        ("project.note + 1 > 0", false), ("1 - project.note < 0", false), ("as_of - project.note == 0", false),
        ("-project.note < 0", false), ("(project.note + 1 - as_of) is missing", true),
        ("not project.note", true), ("project.note or project.flag", true),
        ("park.barred_until > as_of", false), ("not (park.barred_until > as_of)", true),
        ("park.barred_until is missing", true), ("park.barred_until - as_of > 0", false),
        ("project.maturity >= 'concept'", false), ("project.maturity is missing", true),
        ("project.maturity in ['concept', 'proposal']", false),
        ("project.x == 7 and project.category == 'air'", true),
    ])
    func evaluatesAsMissing(source: String, expected: Bool) {
        #expect(evaluate(source, Self.row, schema: Self.schema) == .boolean(expected), "\(source)")
    }

    @Test(arguments: ["project.note", "project.note * 2"])
    func anEmptyColumnAloneGivesAMissingValue(source: String) throws {
        let expression = try compile(source, schema: Self.schema).get()
        #expect(expression.type == .untyped)
        #expect(expression.evaluate(Self.row) == .missing)
        #expect(!expression.holds(Self.row))
    }

    /// An absent declared column keeps its declared type: a clash is still a clash, and ordered values are checked.
    @Test(arguments: [
        ("park.barred_until > 5", "'>' compares values of the same type, not a date and a number"),
        ("park.barred_until == 'x'", "'==' compares values of the same type, not a date and text"),
        ("park.barred_until + as_of > as_of", "'+' cannot combine a date and a date (arithmetic takes numbers; with dates, date - date gives days and date ± days gives a date)"),
        ("project.maturity > 'idea'", "'idea' is not a value of project.maturity (allowed: concept, proposal, fs_approved, eia_approved, design_approved, ready_to_start, under_construction)"),
        ("project.maturity > 3", "'>' compares values of the same type, not text and a number"),
        // Text and booleans cannot take part in arithmetic, whatever the empty column would hold.
        ("project.note + 'a' > 0", "'+' cannot combine an empty column and text (arithmetic takes numbers; with dates, date - date gives days and date ± days gives a date)"),
        ("true * project.note > 0", "'*' cannot combine true/false and an empty column (arithmetic takes numbers; with dates, date - date gives days and date ± days gives a date)"),
    ])
    func declaredTypesStillClash(source: String, message: String) {
        #expect(problem(source, schema: Self.schema) == message)
    }

    @Test func absentColumnsAreReferencedAndDeclared() throws {
        let expression = try compile("park.barred_until > as_of or project.note == 1", schema: Self.schema).get()
        #expect(expression.columnReferences.map(\.description) == ["park.barred_until", "project.note"])
        #expect(Self.schema.lookup(.park, "barred_until")?.slot == nil)
        #expect(Self.schema.lookup(.park, "barred_until")?.type == .date)
        #expect(problem("park.naming_year > 2024", schema: Self.schema) == "unknown column 'park.naming_year' (park columns: barred_until)")
    }
}
