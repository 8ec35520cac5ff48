import GreenAllocCore
import Testing

@Suite struct ExpressionDiagnosticsTests {
    @Test func unknownColumnIsReportedWithRuleLocationAndCaret() {
        let found = diagnostics("park.stauts == 'revoked'")
        #expect(
            found == [
                .error(
                    testLocation, "rule 'r' (exclude[0].when): unknown column 'park.stauts' — did you mean 'status'?",
                    detail: ["park.stauts == 'revoked'", "^^^^^^^^^^^"])
            ])
        #expect(
            found.first?.description == """
                s.yaml:3:11: error: rule 'r' (exclude[0].when): unknown column 'park.stauts' — did you mean 'status'?
                    park.stauts == 'revoked'
                    ^^^^^^^^^^^
                """)
    }

    @Test func caretsCountWideCharactersTwice() {
        let found = diagnostics("project.复查得分 > 80 and project.复查 > 1")
        #expect(found.count == 1)
        #expect(
            found.first?.message
                == "rule 'r' (exclude[0].when): unknown column 'project.复查' (project columns: id, maturity, investment, flag, start, category, 复查得分, x and 6 more)"
        )
        #expect(
            found.first?.detail == [
                "project.复查得分 > 80 and project.复查 > 1",
                "                          ^^^^^^^^^^^^",
            ])
    }

    /// (source, message after the rule label, caret line)
    @Test(arguments: [
        ("project.x > > 5", "unexpected '>'; expected a value", "            ^"),
        ("project.x >", "the expression ends too early; expected a value", "           ^"),
        ("", "the expression is empty", "^"),
        ("1 < 2 < 3", "comparisons cannot be chained; join them with 'and' (a < b and b < c)", "      ^"),
        ("project.x == 1 in [1]", "comparisons cannot be chained; join them with 'and' (a < b and b < c)", "               ^^"),
        ("project.x is 5", "unexpected '5'; expected 'missing' or 'not missing' after 'is'", "             ^"),
        ("(project.x > 1", "unexpected end of the expression; expected ')'", "              ^"),
        ("project.x > 1)", "unexpected ')'; expected an operator or the end of the expression", "             ^"),
        ("project.x project.y", "unexpected 'project.y'; expected an operator or the end of the expression", "          ^^^^^^^^^"),
        ("project.category == 'water", "unterminated string (strings end with '; write '' for a quote inside one)", "                    ^^^^^^"),
        ("project.category == \"water\"", "strings are written in single quotes: 'text'", "                    ^"),
        ("project.x = 1", "use '==' to compare", "          ^"),
        ("!project.flag", "use 'not' to negate", "^"),
        ("project.flag && true", "use 'and'", "             ^^"),
        ("project.x <> 1", "use '!=' for 'not equal'", "          ^^"),
        ("project.x > .5", "write numbers with a leading digit (0.5, not .5)", "            ^"),
        ("project.x > 12abc", "malformed number '12abc'", "            ^^^^^"),
        ("as_of > 2022-02-30", "'2022-02-30' is not a valid date", "        ^^^^^^^^^^"),
        ("as_of > 2022-02-011", "malformed date '2022-02-011'", "        ^^^^^^^^^^^"),
        ("project. > 1", "expected a column name after 'project.'", "^^^^^^^^"),
        ("project.x > 1 and missing", "'missing' can only follow 'is' or 'is not'", "                  ^^^^^^^"),
        ("project.x in [1, 2", "unexpected end of the expression; expected ',' or ']'", "                  ^"),
        ("project.x （ 1", "unexpected character '（' (a full-width character; write '(')", "          ^^"),
        ("1e999 > 1", "number '1e999' is out of range", "^^^^^"),
    ])
    func syntaxErrors(source: String, message: String, carets: String) {
        let found = diagnostics(source)
        #expect(found.count == 1)
        #expect(found.first?.message == "\(testRule): \(message)", "\(source)")
        #expect(found.first?.detail == [source, carets], "\(source)")
        #expect(found.first?.location == testLocation)
    }

    @Test(arguments: [
        ("project.category < 'b'", "'<' cannot order text (only ordered columns such as project.maturity can be compared with '<')"),
        ("project.x == 'a'", "'==' compares values of the same type, not a number and text"),
        ("'a' != project.flag", "'!=' compares values of the same type, not text and true/false"),
        ("as_of > '2022-01-01'", "'>' compares values of the same type, not a date and text; write dates without quotes (2022-01-01)"),
        ("project.x in ['a', 1]", "this list element is text, but project.x is a number"),
        ("project.start in [2022-01-01, 3]", "this list element is a number, but project.start is a date"),
        ("project.category in 'a'", "'in' needs a list like ['a', 'b'] on its right"),
        ("project.category not in project.id", "'not in' needs a list like ['a', 'b'] on its right"),
        ("project.x in [project.y]", "list elements must be literal values"),
        ("['a'] == 'a'", "a list can only follow 'in' or 'not in'"),
        ("project.x + 1", "a rule must be a condition (true/false), but this expression gives a number"),
        ("project.category", "a rule must be a condition (true/false), but this expression gives text"),
        ("project.x and true", "'and' needs a condition (true/false), but this is a number"),
        ("false or as_of", "'or' needs a condition (true/false), but this is a date"),
        ("not 'a'", "'not' needs a condition (true/false), but this is text"),
        ("-'a' == 1", "'-' needs a number, but this is text"),
        ("project.category + 1 > 2", "'+' cannot combine text and a number (arithmetic takes numbers; with dates, date - date gives days and date ± days gives a date)"),
        ("as_of + as_of > as_of", "'+' cannot combine a date and a date (arithmetic takes numbers; with dates, date - date gives days and date ± days gives a date)"),
        ("project.flag < true", "'<' cannot order true/false values"),
        ("project.maturity >= 'ready'", "'ready' is not a value of project.maturity (allowed: concept, proposal, fs_approved, eia_approved, design_approved, ready_to_start, under_construction)"),
        ("project.maturity == 'Concept'", "'Concept' is not a value of project.maturity (allowed: concept, proposal, fs_approved, eia_approved, design_approved, ready_to_start, under_construction)"),
        ("project.finance_tier in ['general', 'best']", "'best' is not a value of project.finance_tier (allowed: none, general, preferred)"),
        ("project.maturity < project.category", "'<' compares project.maturity only with one of its values or with the same column"),
        ("project.maturity < project.finance_tier", "'<': project.maturity and project.finance_tier are different enumerations"),
        ("projet.x > 1", "unknown entity 'projet' — did you mean 'project'?"),
        ("parks.status == 'a'", "unknown entity 'parks' — did you mean 'park'?"),
        ("zone.x > 1", "unknown entity 'zone' (names start with project., park., city. or fund.)"),
        ("project.Maturity > 'concept'", "unknown column 'project.Maturity' — did you mean 'maturity'?"),
        ("park.maturity > 'concept'", "unknown column 'park.maturity' — did you mean 'project.maturity'?"),
        ("park.zzz > 1", "unknown column 'park.zzz' (park columns: id, name, city, status, barred_until, score)"),
        ("maturity > 'concept'", "unknown name 'maturity' — did you mean 'project.maturity'?"),
        ("project.flag AND true", "unknown name 'AND' — did you mean 'and'?"),
        ("project == 1", "'project' needs a column: project.<column>"),
        ("foo", "unknown name 'foo' (names are project.X, park.X, city.X, fund.X or as_of)"),
    ])
    func typeAndNameErrors(source: String, message: String) {
        #expect(problem(source) == message, "\(source)")
    }

    @Test func expectedTypes() {
        #expect(problem("project.x > 1", expecting: .number) == "this expression must give a number, but it gives true/false")
        #expect(problem("as_of", expecting: .number) == "this expression must give a number, but it gives a date")
    }

    @Test func allErrorsAreReportedInOrder() {
        let found = diagnostics("park.stauts == 'a' and project.x == 'b' and projet.y")
        #expect(found.map(\.message) == [
            "\(testRule): unknown column 'park.stauts' — did you mean 'status'?",
            "\(testRule): '==' compares values of the same type, not a number and text",
            "\(testRule): unknown entity 'projet' — did you mean 'project'?",
        ])
        #expect(found.map { $0.detail[1] } == [
            "^^^^^^^^^^^",
            "                       ^^^^^^^^^^^^^^^^",
            "                                            ^^^^^^",
        ])
    }

    @Test func oneMistakeIsReportedOnce() {
        #expect(diagnostics("not (park.stauts + 1 > 2 and park.stauts in ['a'])").count == 2)
        #expect(diagnostics("project.category + 1 + 2 + 3 > 4").count == 1)
    }

    @Test func typeErrorsPointAtTheirOperands() {
        let found = diagnostics("project.maturity in ['concept', 'ready']")
        #expect(found.first?.detail == ["project.maturity in ['concept', 'ready']", "                                ^^^^^^^"])
        let arithmetic = diagnostics("1 + 2 + 'a' + 4 > 1")
        #expect(arithmetic.first?.detail[1] == "^^^^^^^^^^^")
    }

    @Test func longLinesAreCutAroundTheProblem() throws {
        let clauses = (0..<200).map { "project.x == \($0)" }
        let source = clauses.joined(separator: " or ") + " or project.y == 'a'"
        let found = diagnostics(source)
        #expect(found.count == 1)
        let detail = try #require(found.first?.detail)
        #expect(detail[0].hasPrefix("…"))
        #expect(detail[0].count <= 110)
        let caretStart = detail[1].firstIndex(of: "^").map { detail[1].distance(from: detail[1].startIndex, to: $0) }
        let shown = Array(detail[0])
        let underlined = String(shown[caretStart!..<(caretStart! + detail[1].filter { $0 == "^" }.count)])
        #expect(underlined == "project.y == 'a'")
    }

    @Test func errorsOnLaterLinesShowThatLine() {
        let found = diagnostics("project.x > 1 and\n  project.zz > 2")
        #expect(found.first?.detail == ["  project.zz > 2", "  ^^^^^^^^^^"])
    }
}
