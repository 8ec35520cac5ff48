import Foundation
import Testing

/// One test per kind of input error: the message, the location (file:line:column) and exit code 65.
@Suite struct InputErrorTests {
    static let projectsHeader = "id,name,park,fund,category,investment,request_2022,request_2023,benefit\n"
    static let goodProjects = projectsHeader + "P1,a,K1,f1,air,100,10,,5\n"

    static func yaml(funds: String = "  - {id: f1, name: 资金, budget: 100}", extra: String = "", objective: String? = nil) -> String {
        ScenarioFixture.header() + "funds:\n\(funds)\n" + (objective ?? "objective:\n  maximize: benefit\n  weights: {benefit: 1}\n") + extra
    }

    /// Runs `validate` and returns the exit code and standard error.
    func validate(_ fixture: ScenarioFixture) -> (Int32, String) {
        let result = fixture.run(["validate", fixture.scenarioPath])
        return (result.code, result.error)
    }

    func expectError(
        yaml: String, projects: String = goodProjects, parks: String = ScenarioFixture.defaultParks,
        file: String, line: Int, column: Int? = nil, contains text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fixture = try ScenarioFixture(yaml: yaml, projects: projects, parks: parks)
        let (code, error) = validate(fixture)
        #expect(code == 65, "exit code", sourceLocation: sourceLocation)
        let prefix = fixture.path(file) + ":\(line):" + (column.map { "\($0):" } ?? "")
        let lines = error.split(separator: "\n").map(String.init)
        let hit = lines.first { $0.hasPrefix(prefix) && $0.contains(text) }
        #expect(hit != nil, "expected '\(prefix) … \(text)' in:\n\(error)", sourceLocation: sourceLocation)
        // Nothing was solved or written.
        let solve = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("out")])
        #expect(solve.code == 65, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")), sourceLocation: sourceLocation)
    }

    @Test func unknownKeyListsTheAllowedKeys() throws {
        try expectError(
            yaml: Self.yaml(funds: "  - id: f1\n    name: 资金\n    budgte: 100"), file: "scenario.yaml", line: 11, column: 5,
            contains: "unknown key 'budgte' in funds[0] — did you mean 'budget'? (allowed: id, name, kind, budget")
    }

    @Test func yamlSyntaxError() throws {
        try expectError(yaml: "scenario: [unclosed\nas_of: 2022-03-31\n", file: "scenario.yaml", line: 2, contains: "YAML syntax")
    }

    @Test func badNumberInMoneyColumn() throws {
        try expectError(
            yaml: Self.yaml(), projects: Self.projectsHeader + "P1,a,K1,f1,air,12o0,10,,5\n", file: "projects.csv", line: 2,
            column: 6, contains: "'12o0' is not a number (investment)")
    }

    @Test func infinityIsNotANumber() throws {
        try expectError(
            yaml: Self.yaml(), projects: Self.projectsHeader + "P1,a,K1,f1,air,100,inf,,5\n", file: "projects.csv", line: 2,
            column: 7, contains: "'inf' is not a number")
    }

    @Test func negativeMoney() throws {
        try expectError(
            yaml: Self.yaml(), projects: Self.projectsHeader + "P1,a,K1,f1,air,-5,10,,5\n", file: "projects.csv", line: 2,
            column: 6, contains: "negative")
    }

    @Test func unknownPark() throws {
        try expectError(
            yaml: Self.yaml(), projects: Self.projectsHeader + "P1,a,K9,f1,air,100,10,,5\n", file: "projects.csv", line: 2,
            column: 3, contains: "unknown park 'K9'")
    }

    @Test func duplicateProjectID() throws {
        try expectError(
            yaml: Self.yaml(), projects: Self.goodProjects + "P1,b,K1,f1,air,100,10,,5\n", file: "projects.csv", line: 3,
            column: 1, contains: "duplicate id 'P1' (first on line 2)")
    }

    @Test func unknownFundInTable() throws {
        try expectError(
            yaml: Self.yaml(), projects: Self.projectsHeader + "P1,a,K1,f9,air,100,10,,5\n", file: "projects.csv", line: 2,
            column: 4, contains: "unknown fund 'f9'")
    }

    @Test func badStatusListsTheAllowedValues() throws {
        try expectError(
            yaml: Self.yaml(), parks: "id,name,city,status\nK1,a,370100,named\n", file: "parks.csv", line: 2, column: 4,
            contains: "status 'named' is not one of: none, applying, under_construction")
    }

    @Test func missingRequiredColumn() throws {
        try expectError(
            yaml: Self.yaml(), projects: "id,name,park,fund,investment,request_2022,benefit\nP1,a,K1,f1,100,10,5\n",
            file: "projects.csv", line: 1, column: 1, contains: "missing required column 'category'")
    }

    @Test func minShareOutOfRange() throws {
        try expectError(
            yaml: Self.yaml(), projects: "id,name,park,fund,category,investment,request_2022,min_share,benefit\nP1,a,K1,f1,air,100,10,1.5,5\n",
            file: "projects.csv", line: 2, column: 8, contains: "min_share 1.5 must lie in (0, 1]")
    }

    @Test func unknownRequiredProject() throws {
        try expectError(
            yaml: Self.yaml(), projects: "id,name,park,fund,category,investment,request_2022,requires,benefit\nP1,a,K1,f1,air,100,10,P7,5\n",
            file: "projects.csv", line: 2, column: 8, contains: "requires unknown project 'P7'")
    }

    @Test func expressionUnknownColumnPointsIntoTheRule() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.yaml(funds: "  - id: f1\n    name: 资金\n    budget: 100\n    eligible: \"project.libary == 'x'\""),
            projects: Self.goodProjects)
        let (code, error) = validate(fixture)
        #expect(code == 65)
        #expect(error.contains(fixture.path("scenario.yaml") + ":12:16:"))
        #expect(error.contains("libary"))
        #expect(error.contains("^"))
    }

    @Test func negativeBudgetInYAML() throws {
        try expectError(
            yaml: Self.yaml(funds: "  - {id: f1, name: 资金, budget: -100}"), file: "scenario.yaml", line: 9,
            contains: "money must not be negative")
    }

    @Test func missingTableFile() throws {
        let fixture = try ScenarioFixture(yaml: Self.yaml(), projects: Self.goodProjects)
        try FileManager.default.removeItem(atPath: fixture.path("parks.csv"))
        let (code, error) = validate(fixture)
        #expect(code == 65)
        #expect(error.contains("parks.csv"))
    }

    @Test func allErrorsInOneRun() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.yaml(), projects: Self.projectsHeader + "P1,a,K9,f1,air,x,10,,5\nP1,b,K1,f9,air,100,10,,5\n")
        let (code, error) = validate(fixture)
        #expect(code == 65)
        for text in ["unknown park 'K9'", "'x' is not a number", "duplicate id 'P1'", "unknown fund 'f9'"] {
            #expect(error.contains(text), "\(text) missing from:\n\(error)")
        }
    }

    @Test func extendsCycleNamesTheFiles() throws {
        let fixture = try ScenarioFixture(yaml: "extends: other.yaml\n", projects: Self.goodProjects)
        try fixture.write("other.yaml", "extends: scenario.yaml\n")
        let (code, error) = validate(fixture)
        #expect(code == 65)
        #expect(error.contains("cycle"))
        #expect(error.contains("other.yaml"))
    }
}
