import GreenAllocCore
import Testing

@Suite struct ExpressionEvaluationTests {
    /// Each case tells two groupings apart: the expected value is the one scenario-format §4's precedence gives.
    @Test(arguments: [
        ("not true and false or true", true),  // ((not true) and false) or true
        ("not false and false", false),  // (not false) and false
        ("not (false and false)", true),
        ("true or false and false", true),  // true or (false and false)
        ("(true or false) and false", false),
        ("not not true", true),
        ("not 1 > 2", true),  // not (1 > 2)
        ("1 + 2 * 3 == 7", true),
        ("(1 + 2) * 3 == 9", true),
        ("10 - 2 - 3 == 5", true),  // left to right
        ("12 / 2 / 3 == 2", true),
        ("2 * 3 - 4 / 2 == 4", true),
        ("-2 * 3 == -6", true),
        ("- - 2 == 2", true),
        ("2 - -2 == 4", true),
        ("-(1 + 2) == -3", true),
        ("1e3 == 1000", true),
        ("2.5E-1 == 0.25", true),
        ("1.5 * 2 == 3", true),
        ("1 < 2 and 2 < 3", true),
        ("1 == 1 or 1 / 0 > 5", true),
        ("((((1)))) == 1", true),
    ])
    func precedence(source: String, expected: Bool) {
        #expect(evaluate(source, emptyRow) == .boolean(expected), "\(source)")
    }

    @Test(arguments: [
        // numbers
        ("project.x == 7", true), ("project.x != 7", false), ("project.x < 8", true), ("project.x <= 7", true),
        ("project.x > 7", false), ("project.x >= 7", true), ("project.x + 1 == 8", true),
        ("project.x - 10 == -3", true), ("project.x * 2 == 14", true), ("project.x / 2 == 3.5", true),
        ("project.investment / project.x > 142", true), ("8 > project.x", true),
        ("project.x in [1, 7, -3]", true), ("project.x not in [1, 7]", false), ("project.x in []", false),
        ("project.x not in []", true), ("project.x in [-7]", false), ("-project.x in [-7]", true),
        // text
        ("project.category == 'water'", true), ("project.category != 'water'", false),
        ("'water' == project.category", true), ("project.category in ['air', 'water']", true),
        ("project.category not in ['air', 'water']", false), ("project.id == 'P001'", true),
        ("project.name == 'it''s'", false), ("project.category == project.category", true),
        // booleans
        ("project.flag", true), ("project.flag == true", true), ("project.flag != false", true),
        ("project.funded", false), ("not project.funded", true), ("project.flag and not project.funded", true),
        ("project.flag in [true]", true), ("project.funded == project.flag", false),
        // dates
        ("project.start < as_of", true), ("project.start == 2022-01-15", true), ("project.start != 2022-01-15", false),
        ("project.start >= 2022-01-16", false), ("park.barred_until > as_of", true),
        ("as_of - project.start == 75", true), ("as_of - 75 == project.start", true),
        ("project.start + 75 == as_of", true), ("75 + project.start == as_of", true),
        ("as_of + 1.9 == 2022-04-01", true), ("as_of - 2022-03-01 == 30", true),
        ("project.start in [2022-01-15, 2023-01-01]", true), ("as_of == 2022-03-31", true),
        ("2024-03-01 - 2024-02-28 == 2", true),  // leap year
        // ordered enumerations
        ("project.maturity >= 'ready_to_start'", true), ("project.maturity > 'ready_to_start'", false),
        ("project.maturity < 'under_construction'", true), ("project.maturity <= 'concept'", false),
        ("'concept' < project.maturity", true), ("project.maturity == 'ready_to_start'", true),
        ("project.maturity > project.other_maturity", true), ("project.other_maturity >= project.maturity", false),
        ("project.maturity in ['ready_to_start', 'under_construction']", true),
        ("project.finance_tier >= 'general'", true), ("project.finance_tier > 'general'", false),
        // other entities and Unicode names
        ("park.status in ['named_provincial', 'named_national']", true), ("city.id == '370100'", true),
        ("fund.kind == 'project_subsidy'", true), ("park.score >= 90", true),
        ("project.复查得分 > 80", true), ("project.复查得分 * 2 == 177", true),
        ("project.funded or project.subsidy_total > 0", true),
        // the missing test
        ("project.x is missing", false), ("project.x is not missing", true), ("project.x / project.y is missing", true),
        ("project.x / 0 is missing", true), ("1 is missing", false),
    ])
    func operators(source: String, expected: Bool) {
        #expect(evaluate(source) == .boolean(expected), "\(source)")
    }

    /// scenario-format §4: a comparison with a missing value is false, `not` negates what its operand gives,
    /// `and`/`or` take missing as false, arithmetic with missing is missing.
    @Test(arguments: [
        ("project.x > 5", false), ("project.x <= 5", false), ("project.x == 5", false), ("project.x != 5", false),
        ("not (project.x > 5)", true), ("not (project.x != 5)", true), ("project.x in [1, 2]", false),
        ("project.x not in [1, 2]", false), ("project.category == 'water'", false),
        ("project.category != 'water'", false), ("project.category not in ['water']", false),
        ("not project.flag", true), ("project.flag == false", false),
        ("project.flag or false", false), ("project.flag or true", true), ("project.flag and true", false),
        ("not project.flag and not project.funded", true), ("project.maturity >= 'concept'", false),
        ("project.maturity < 'under_construction'", false), ("not (project.maturity < 'proposal')", true),
        ("project.start < as_of", false), ("park.barred_until > as_of", false),
        ("not (park.barred_until > as_of)", true), ("project.x + 1 > 0", false), ("project.x + 1 is missing", true),
        ("-project.x is missing", true), ("as_of - project.start is missing", true),
        ("project.start + 1 is missing", true), ("project.x is missing", true), ("project.x is not missing", false),
        ("park.status is missing and city.id is missing", true), ("project.x == project.x", false),
    ])
    func missingValues(source: String, expected: Bool) {
        #expect(evaluate(source, emptyRow) == .boolean(expected), "\(source)")
        let compiled = try? compile(source).get()
        #expect(compiled?.holds(emptyRow) == expected)
    }

    @Test func bareMissingBooleanEvaluatesToMissingAndDoesNotHold() throws {
        let expression = try compile("project.flag").get()
        #expect(expression.evaluate(emptyRow) == .missing)
        #expect(!expression.holds(emptyRow))
        #expect(expression.holds(fullRow))
    }

    @Test func valuesOutsideTheEnumerationCountAsMissingInOrderings() {
        let row = fullRow.with(project: "maturity", .text("unknown_stage"))
        #expect(evaluate("project.maturity > 'concept'", row) == .boolean(false))
        #expect(evaluate("project.maturity <= 'under_construction'", row) == .boolean(false))
        #expect(evaluate("project.maturity != 'concept'", row) == .boolean(true))
    }

    @Test func nonBooleanExpressions() throws {
        #expect(evaluate("project.investment * 0.5 + 1", expecting: .number) == .number(501))
        #expect(evaluate("project.x / project.y", expecting: .number) == .missing)
        #expect(evaluate("1e308 * 10", expecting: .number) == .missing)
        #expect(evaluate("as_of + 1", expecting: .date) == .date(Day(iso: "2022-04-01")!))
        #expect(evaluate("as_of + 1e300", expecting: .date) == .missing)
        #expect(evaluate("project.category", expecting: nil) == .text("water"))
        let any = try compile("as_of - project.start", expecting: nil).get()
        #expect(any.type == .number)
        #expect(any.source == "as_of - project.start")
    }

    @Test func dateTokensAndSubtraction() {
        #expect(evaluate("2022-03-31 == as_of", emptyRow) == .boolean(true))
        #expect(evaluate("2022 - 03 == 2019", emptyRow) == .boolean(true))
        #expect(evaluate("2022-03 == 2019", emptyRow) == .boolean(true))
        #expect(evaluate("2022 -03-31 == 1988", emptyRow) == .boolean(true))
        #expect(evaluate("2022-03-31-1 == 2022-03-30", emptyRow) == .boolean(true))
    }

    @Test func referencesListColumnsOnceInOrder() throws {
        let expression = try compile(
            "project.funded and project.subsidy_total > 0 and park.status != 'revoked' or project.funded"
        ).get()
        #expect(expression.columnReferences.map(\.description) == ["project.funded", "project.subsidy_total", "park.status"])
        #expect(expression.references.map(\.name) == ["funded", "subsidy_total", "status"])
        #expect(expression.reads(.project, "funded"))
        #expect(!expression.reads(.project, "x"))
    }

    @Test func schemaLookupAndTables() {
        var schema = ExpressionSchema()
        schema.add(.project, column: "maturity", type: .number, slot: 4, order: maturityOrder)
        let found = schema.lookup(.project, "maturity")
        #expect(found?.slot == 4)
        #expect(found?.type == .text)  // ordered columns are text
        #expect(found?.order == maturityOrder)
        #expect(schema.lookup(.park, "maturity") == nil)

        let table = DataTable(
            file: "projects.csv",
            columns: [
                .init(name: "id", type: .text, values: [.text("P1")], position: 1),
                .init(name: "finance_tier", type: .text, values: [.text("general")], position: 2),
                .init(name: "id", type: .number, values: [.number(1)], position: 3),
            ],
            rowLines: [2])
        var fromTable = ExpressionSchema()
        fromTable.addColumns(of: table, as: .project)
        // The table's columns, then the optional columns of projects.csv it leaves out.
        #expect(
            fromTable.columns(of: .project) == [
                "id", "finance_tier", "owner", "county", "min_share", "requires", "exclusive_group", "lock",
                "naming_prerequisite", "loan_need", "maturity", "central_library", "provincial_library",
            ])
        #expect(fromTable.lookup(.project, "id")?.slot == 0)
        #expect(fromTable.lookup(.project, "finance_tier")?.order == ["none", "general", "preferred"])
        let absentMaturity = fromTable.lookup(.project, "maturity")
        #expect(absentMaturity?.slot == nil && absentMaturity?.type == .text && absentMaturity?.order == maturityOrder)
        #expect(fromTable.lookup(.project, "naming_prerequisite")?.type == .boolean)
        #expect(fromTable.lookup(.project, "request") == nil)
    }

    @Test func ruleLabels() {
        #expect(CompiledExpression.ruleLabel(name: "优先园区", path: "objective.bonuses[0].when")
            == "rule '优先园区' (objective.bonuses[0].when)")
        #expect(CompiledExpression.ruleLabel(name: nil, path: "funds[0].eligible") == "rule funds[0].eligible")
    }
}
