import Foundation
import GreenAllocCLI
import GreenAllocCore
import Testing

/// End to end: a column the library defines keeps its type whatever its cells hold. With all cells empty, or
/// left out where that is allowed, a rule comparing it with a value of its type validates and holds for no
/// project, and a value of another type is a clash; one filled cell is read; a malformed cell is an input error
/// at its file:line:column.
@Suite struct DeclaredColumnTypeTests {
    struct ColumnCase: Sendable, CustomTestStringConvertible {
        let table: TableKind
        let column: String
        /// The first row's cell in the filled case, and a rule literal equal to it (nil for banks, which rules
        /// do not read).
        let cell: String
        let literal: String?
        /// A cell of the second row that is not of the column's type, and the message it gets (nil: any text fits).
        let malformed: (cell: String, message: String)?

        var testDescription: String { "\(table.rawValue).\(column)" }
        var entity: String {
            switch table {
            case .cities: "city"
            case .parks: "park"
            case .projects: "project"
            case .banks: "bank"
            }
        }
        var isOptional: Bool { table.declaredColumn(named: column)?.isOptional ?? false }
        var type: ValueType? { table.declaredColumn(named: column)?.type.valueType }
        /// A literal of another type than the column's, and the clash it makes in `==`.
        var clash: (literal: String, message: String) {
            switch type {
            case .number: ("'x'", "'==' compares values of the same type, not a number and text")
            case .date: ("5", "'==' compares values of the same type, not a date and a number")
            case .boolean: ("5", "'==' compares values of the same type, not true/false and a number")
            default: ("5", "'==' compares values of the same type, not text and a number")
            }
        }
    }

    static let cases: [ColumnCase] = [
        ColumnCase(table: .cities, column: "region", cell: "east", literal: "'east'", malformed: nil),
        ColumnCase(
            table: .parks, column: "status", cell: "named_national", literal: "'named_national'",
            malformed: ("named", "status 'named' is not one of: none, applying, under_construction, named_provincial, named_national, rectifying, revoked, barred")),
        ColumnCase(
            table: .parks, column: "barred_until", cell: "2024-06-30", literal: "2024-06-30",
            malformed: ("soon", "'soon' is not a date like 2025-06-30, 2025/6/30 or 2025年6月30日 (barred_until)")),
        ColumnCase(
            table: .parks, column: "naming_year", cell: "2024", literal: "2024",
            malformed: ("2024.5", "'2024.5' is not a year (naming_year)")),
        ColumnCase(table: .projects, column: "owner", cell: "甲公司", literal: "'甲公司'", malformed: nil),
        ColumnCase(table: .projects, column: "county", cell: "历下区", literal: "'历下区'", malformed: nil),
        ColumnCase(
            table: .projects, column: "investment", cell: "120", literal: "120",
            malformed: ("12o0", "'12o0' is not a number (investment)")),
        ColumnCase(
            table: .projects, column: "request_2022", cell: "12", literal: "12",
            malformed: ("十", "'十' is not a number (request_2022)")),
        ColumnCase(
            table: .projects, column: "min_share", cell: "0.5", literal: "0.5",
            malformed: ("half", "'half' is not a number (min_share)")),
        ColumnCase(table: .projects, column: "requires", cell: "P2", literal: "'P2'", malformed: nil),
        ColumnCase(table: .projects, column: "exclusive_group", cell: "g1", literal: "'g1'", malformed: nil),
        ColumnCase(
            table: .projects, column: "lock", cell: "out", literal: "'out'",
            malformed: ("maybe", "lock 'maybe' is not one of: in, out")),
        ColumnCase(
            table: .projects, column: "naming_prerequisite", cell: "false", literal: "false",
            malformed: ("yes", "'yes' is not true/false or 是/否 (naming_prerequisite)")),
        ColumnCase(
            table: .projects, column: "loan_need", cell: "30", literal: "30",
            malformed: ("lots", "'lots' is not a number (loan_need)")),
        ColumnCase(
            table: .projects, column: "maturity", cell: "proposal", literal: "'proposal'",
            malformed: ("idea", "maturity 'idea' is not one of: concept, proposal, fs_approved, eia_approved, design_approved, ready_to_start, under_construction")),
        ColumnCase(
            table: .projects, column: "central_library", cell: "in_library", literal: "'in_library'",
            malformed: ("maybe", "central_library 'maybe' is not one of: not_submitted, submitted, in_library, supplementary, rejected, funded")),
        ColumnCase(
            table: .projects, column: "provincial_library", cell: "submitted", literal: "'submitted'",
            malformed: ("2", "provincial_library '2' is not one of: not_submitted, submitted, in_library, supplementary, rejected, funded")),
        ColumnCase(
            table: .projects, column: "finance_tier", cell: "general", literal: "'general'",
            malformed: ("top", "finance_tier 'top' is not one of none, general, preferred")),
        ColumnCase(
            table: .banks, column: "capacity", cell: "90", literal: nil,
            malformed: ("lots", "'lots' is not a number (capacity)")),
        ColumnCase(
            table: .banks, column: "max_per_project", cell: "50", literal: nil,
            malformed: ("n/a", "'n/a' is not a number (max_per_project)")),
        ColumnCase(
            table: .banks, column: "min_tier", cell: "preferred", literal: nil,
            malformed: ("gold", "min_tier 'gold' is not one of general, preferred")),
        ColumnCase(table: .banks, column: "cities", cell: "370100", literal: nil, malformed: nil),
    ]

    /// The tables without the optional columns; the first row is the one a filled cell goes to (project P1 is in
    /// park K1 in city 370100), the second the one a malformed cell goes to.
    static let baseTables: [TableKind: String] = [
        .cities: "id,name\n370100,济南市\n370200,青岛市\n",
        .parks: "id,name,city,status\nK1,甲园区,370100,named_provincial\nK2,乙园区,370200,under_construction\n",
        .projects: "id,name,park,fund,category,investment,request_2022,benefit\nP1,a,K1,f1,air,100,10,5\nP2,b,K2,f1,air,100,10,5\n",
        .banks: "id,name,capacity\nB1,甲银行,100\nB2,乙银行,80\n",
    ]

    /// `table` with `column` set to `cells` (appended when the table lacks it; nil cells keep a present
    /// column's cells), and the column's 1-based position.
    static func table(_ kind: TableKind, _ column: String, _ cells: [String?]?) -> (text: String, position: Int) {
        var lines = baseTables[kind]!.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let cells else { return (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n", 0) }
        var index = lines[0].firstIndex(of: column) ?? lines[0].count
        if index == lines[0].count {
            for row in lines.indices { lines[row].append(row == 0 ? column : "") }
        }
        for (row, cell) in cells.enumerated() {
            if let cell { lines[row + 1][index] = cell }
        }
        index += 1
        return (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n", index)
    }

    /// A fixture with `cells` in the tested column (nil: the column left out) and an exclusion rule.
    static func fixture(_ test: ColumnCase, cells: [String?]?, rule: String?) throws -> (ScenarioFixture, position: Int) {
        func text(_ kind: TableKind) -> (text: String, position: Int) {
            table(kind, kind == test.table ? test.column : "", kind == test.table ? cells : nil)
        }
        let exclusion = rule.map { "exclude:\n  - name: 规则\n    when: \"\($0)\"\n    reason: 测试\n" } ?? ""
        let yaml = ScenarioFixture.header(banks: true) + """
            funds:
              - {id: f1, name: 资金, budget: 100}
            objective:
              maximize: benefit
              weights: {benefit: 1}
            \(exclusion)
            """
        let fixture = try ScenarioFixture(
            yaml: yaml, projects: text(.projects).text, parks: text(.parks).text, cities: text(.cities).text,
            banks: text(.banks).text)
        return (fixture, text(test.table).position)
    }

    /// The projects a solve excludes, and whether both were funded otherwise.
    func excluded(_ fixture: ScenarioFixture, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)", sourceLocation: sourceLocation)
        let excluded = result.json.projects.filter { !($0["excluded_by"] as? [Any] ?? []).isEmpty }.compactMap { $0["id"] as? String }
        // Every project not excluded is funded, but for one without a request in the horizon (outside_horizon).
        let outside = result.json.projects.filter { $0["why"] as? String == "outside_horizon" }.compactMap { $0["id"] as? String }
        #expect(
            result.json.fundedIDs == ["P1", "P2"].filter { !excluded.contains($0) && !outside.contains($0) },
            "\(result.json.projects)", sourceLocation: sourceLocation)
        return excluded
    }

    func validate(_ fixture: ScenarioFixture) -> (code: Int32, lines: [String]) {
        let result = fixture.run(["validate", fixture.scenarioPath])
        return (result.code, result.error.split(separator: "\n").map(String.init))
    }

    @Test(arguments: cases)
    func allEmptyOrLeftOut(test: ColumnCase) throws {
        // Left out only where the table may leave it out; required columns are covered empty by the typing tests.
        let layouts: [[String?]?] = test.isOptional ? [["", ""], nil] : []
        for cells in layouts {
            let rule = test.literal.map { "\(test.entity).\(test.column) == \($0)" }
            let (fixture, _) = try Self.fixture(test, cells: cells, rule: rule)
            #expect(validate(fixture).code == 0, "\(validate(fixture).lines)")
            if rule != nil { #expect(try excluded(fixture) == []) }
            guard test.literal != nil else { continue }
            // The declared type holds: a literal of another type is a clash.
            let (clashing, _) = try Self.fixture(test, cells: cells, rule: "\(test.entity).\(test.column) == \(test.clash.literal)")
            let (code, lines) = validate(clashing)
            #expect(code == 65)
            #expect(lines.contains { $0.hasPrefix(clashing.path("scenario.yaml") + ":") && $0.hasSuffix(test.clash.message) }, "\(lines)")
        }
    }

    @Test(arguments: cases)
    func oneCellFilled(test: ColumnCase) throws {
        let rule = test.literal.map { "\(test.entity).\(test.column) == \($0)" }
        let (fixture, _) = try Self.fixture(test, cells: [test.cell, nil], rule: rule)
        #expect(validate(fixture).code == 0, "\(validate(fixture).lines)")
        // The filled cell is P1's (or its park's or city's): the rule holds for P1 only.
        if rule != nil { #expect(try excluded(fixture) == ["P1"]) }
    }

    @Test(arguments: cases.filter { $0.malformed != nil })
    func oneCellMalformed(test: ColumnCase) throws {
        let malformed = try #require(test.malformed)
        let (fixture, position) = try Self.fixture(test, cells: [test.cell, malformed.cell], rule: nil)
        let (code, lines) = validate(fixture)
        #expect(code == 65)
        let file = fixture.path("\(test.table.rawValue).csv")
        #expect(lines.filter { $0.contains(": error: ") } == ["\(file):3:\(position): error: \(malformed.message)"])
    }

    @Test func everyDeclaredColumnIsCovered() {
        for kind in TableKind.allCases {
            let tested = Set(Self.cases.filter { $0.table == kind }.map(\.column))
            // Required text columns hold any text; `request` and `year` are covered by requestAndYear.
            let exempt = kind.declaredColumns.filter { $0.type == .text && !$0.isOptional }.map(\.name) + ["request", "year"]
            #expect(tested.union(exempt).isSuperset(of: kind.declaredColumns.map(\.name)), "\(kind)")
        }
    }

    @Test func requestAndYear() throws {
        let header = "id,name,park,fund,category,investment,request,year,benefit\n"
        let yaml = InputErrorTests.yaml(
            extra: "exclude:\n  - name: 当年\n    when: \"project.year == 2022 and project.request > 5\"\n    reason: 测试\n")
        // All empty: P1 and P2 request nothing; the rule validates and holds for neither.
        let empty = try ScenarioFixture(yaml: yaml, projects: header + "P1,a,K1,f1,air,100,,,5\nP2,b,K2,f1,air,100,,,5\n")
        #expect(try excluded(empty) == [])
        #expect(try empty.solve().json.projects.map { $0["why"] as? String } == ["outside_horizon", "outside_horizon"])
        let filled = try ScenarioFixture(yaml: yaml, projects: header + "P1,a,K1,f1,air,100,10,2022,5\nP2,b,K2,f1,air,100,,,5\n")
        #expect(try excluded(filled) == ["P1"])
        let malformed = try ScenarioFixture(yaml: yaml, projects: header + "P1,a,K1,f1,air,100,10,2022,5\nP2,b,K2,f1,air,100,十,明年,5\n")
        let (code, lines) = validate(malformed)
        #expect(code == 65)
        let file = malformed.path("projects.csv")
        #expect(lines.filter { $0.contains(": error: ") } == [
            "\(file):3:7: error: '十' is not a number (request)", "\(file):3:8: error: '明年' is not a year (year)",
        ])
    }

    @Test func malformedCellsOfEveryTableInOneRun() throws {
        let (fixture, _) = try Self.fixture(Self.cases[0], cells: nil, rule: nil)
        try fixture.write("parks.csv", "id,name,city,status,barred_until,naming_year\nK1,甲园区,370100,named_provincial,2022/13/1,\nK2,乙园区,370200,under_construction,,两千\n")
        try fixture.write("projects.csv", "id,name,park,fund,category,investment,request_2022,loan_need,benefit\nP1,a,K1,f1,air,1百,10,,5\nP2,b,K2,f1,air,100,10,\"1,2,3\",5\n")
        try fixture.write("banks.csv", "id,name,capacity\nB1,甲银行,∞\n")
        let (code, lines) = validate(fixture)
        #expect(code == 65)
        let path = fixture.path
        #expect(lines.filter { $0.contains(": error: ") } == [
            "\(path("banks.csv")):2:3: error: '∞' is not a number (capacity)",
            "\(path("parks.csv")):2:5: error: '2022/13/1' is not a date like 2025-06-30, 2025/6/30 or 2025年6月30日 (barred_until)",
            "\(path("parks.csv")):3:6: error: '两千' is not a year (naming_year)",
            "\(path("projects.csv")):2:6: error: '1百' is not a number (investment)",
            "\(path("projects.csv")):3:8: error: '1,2,3' is not a number (loan_need)",
        ])
    }

    /// Cells written as Excel shows them are read as the values they show.
    @Test func excelFormsEndToEnd() throws {
        let test = Self.cases[0]
        let rule = "project.investment == 1234.5 and project.request_2022 == 12 and project.min_share == 0.5 "
            + "and not project.naming_prerequisite and park.barred_until == 2024-06-30 and city.region == '是'"
        let (fixture, _) = try Self.fixture(test, cells: ["是", ""], rule: rule)
        try fixture.write(
            "parks.csv", "id,name,city,status,barred_until\nK1,甲园区,370100,named_provincial,2024年6月30日\nK2,乙园区,370200,under_construction,\n")
        try fixture.write(
            "projects.csv",
            "id,name,park,fund,category,investment,request_2022,min_share,naming_prerequisite,benefit\n"
                + "P1,a,K1,f1,air,\"1,234.5\",１２,50%,否,5\nP2,b,K2,f1,air,\"1,000\",10,１００％,是,5\n")
        #expect(validate(fixture).code == 0, "\(validate(fixture).lines)")
        #expect(try excluded(fixture) == ["P1"])
    }

    // MARK: The bundled bar rule

    /// The bundled province with parks.csv's `barred_until` cells emptied or the column removed: the
    /// bundled rule `park.barred_until > as_of` validates, solves, and excludes nobody; as bundled it
    /// excludes the projects of the two barred parks.
    @Test(arguments: ["bundled", "emptied", "removed"])
    func bundledBarRule(variant: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-bar-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: BundledScenarioTests.root.appendingPathComponent("Scenarios/shandong"), to: directory)
        let parksURL = directory.appendingPathComponent("data/parks.csv")
        var rows = try String(contentsOf: parksURL, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let column = try #require(rows[0].firstIndex(of: "barred_until"))
        let barredParks = rows.dropFirst().filter { !$0[column].isEmpty }.map { $0[0] }
        #expect(barredParks == ["K046", "K108"])
        for row in rows.indices {
            if variant == "emptied", row > 0 { rows[row][column] = "" }
            if variant == "removed" { rows[row].remove(at: column) }
        }
        try Data((rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").utf8).write(to: parksURL)

        let scenario = directory.appendingPathComponent("baseline-2022.yaml").path
        #expect(CommandLineRunner.run(["validate", scenario], console: Console.Capture().console) == 0)
        let capture = Console.Capture()
        let code = CommandLineRunner.run(["solve", scenario, "--format", "json"], console: capture.console)
        #expect(code == 0, "\(capture.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(capture.out.utf8)) as? [String: Any])
        #expect(json.status == "optimal")
        let barRule = "（十七）除名园区三年禁申期"
        let barred = json.projects.filter { project in
            (project["excluded_by"] as? [[String: String]] ?? []).contains { $0["rule"] == barRule }
        }
        if variant == "bundled" {
            // This round's library (projects-2022-2024.csv) holds 9 projects of the two barred parks.
            #expect(barred.count == 9)
            let parkOf = try projectParks(directory)
            #expect(barred.allSatisfy { barredParks.contains(parkOf[$0["id"] as? String ?? ""] ?? "") })
        } else {
            #expect(barred.isEmpty)
        }
    }

    /// Project id → park id in the copied province.
    func projectParks(_ directory: URL) throws -> [String: String] {
        let text = try String(contentsOf: directory.appendingPathComponent("data/projects.csv"), encoding: .utf8)
        var parks: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            parks[String(cells[0])] = String(cells[2])
        }
        return parks
    }
}
