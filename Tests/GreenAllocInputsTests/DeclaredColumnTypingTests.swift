import GreenAllocCore
import Testing

/// Every column a library table declares has its declared type whether its cells are all empty, one is
/// filled or one is malformed; free columns are typed by their cells.
@Suite struct DeclaredColumnTypingTests {
    static let declaredNames: [TableKind: [String]] = [
        .cities: ["id", "name", "park", "city", "fund", "requires", "exclusive_group", "cities", "region"],
        .parks: [
            "id", "name", "park", "city", "fund", "requires", "exclusive_group", "cities", "status", "barred_until",
            "naming_year",
        ],
        .projects: [
            "id", "name", "park", "city", "fund", "cities", "owner", "county", "category", "investment", "request",
            "year", "min_share", "requires", "exclusive_group", "lock", "naming_prerequisite", "loan_need", "maturity",
            "central_library", "provincial_library", "finance_tier",
        ],
        .banks: [
            "id", "name", "park", "city", "fund", "requires", "exclusive_group", "capacity", "max_per_project",
            "min_tier", "cities",
        ],
    ]

    @Test func declaredColumnsPerTable() {
        for kind in TableKind.allCases {
            #expect(kind.declaredColumns.map(\.name) == Self.declaredNames[kind], "\(kind)")
        }
        #expect(TableKind.parks.declaredColumn(named: "barred_until")?.type == .date)
        #expect(TableKind.parks.declaredColumn(named: "naming_year")?.type == .year)
        #expect(TableKind.projects.declaredColumn(named: "maturity")?.type.order?.first == "concept")
        #expect(TableKind.projects.declaredColumn(named: "lock")?.type == .enumeration(["in", "out"]))
        #expect(TableKind.banks.declaredColumn(named: "min_tier")?.type == .enumeration(["general", "preferred"]))
        #expect(TableKind.projects.declaredColumn(named: "request_2031")?.type == .number)
        #expect(TableKind.projects.declaredColumn(named: "request_2031")?.isOptional == false)
        for free in ["request_", "request_20x1", "request_2022a", "benefit"] {
            #expect(TableKind.projects.declaredColumn(named: free) == nil, "\(free)")
        }
        #expect(TableKind.parks.declaredColumn(named: "request_2022") == nil)
        #expect(TableKind.cities.declaredColumn(named: "status") == nil)
        let optional = TableKind.parks.declaredColumns.filter(\.isOptional).map(\.name)
        #expect(optional == ["barred_until", "naming_year"])
    }

    /// A cell of each declared type, the value it reads as, and a cell that is not of the type.
    static func sample(_ type: DeclaredType) -> (cell: String, value: Value, malformed: String) {
        switch type {
        case .text: ("370100", .text("370100"), "")
        case .number: ("1e3", .number(1000), "12o0")
        case .year: ("2024", .number(2024), "明年")
        case .date: ("2024-06-30", .date(Day(year: 2024, month: 6, day: 30)!), "2024-06-31")
        case .boolean: ("FALSE", .boolean(false), "no")
        case .enumeration(let values), .ordered(let values): (values[1], .text(values[1]), "12")
        }
    }

    static var everyDeclaredColumn: [(TableKind, String)] {
        TableKind.allCases.flatMap { kind in kind.declaredColumns.map { (kind, $0.name) } } + [(.projects, "request_2022")]
    }

    @Test(arguments: everyDeclaredColumn)
    func keepsItsType(kind: TableKind, name: String) throws {
        let type = try #require(kind.declaredColumn(named: name)?.type)
        let (cell, value, malformed) = Self.sample(type)
        func typed(_ cells: [String]) -> DataTable.Column? {
            DataTable(file: "t.csv", header: ["other", name], rows: cells.map { ["1", $0] }, rowLines: [2, 3, 4], kind: kind)
                .column(name)
        }
        let empty = typed(["", " ", "\u{3000}"])
        #expect(empty?.type == type.valueType)
        #expect(empty?.values == [.missing, .missing, .missing])
        let filled = typed(["", cell, ""])
        #expect(filled?.type == type.valueType)
        #expect(filled?.values == [.missing, value, .missing])
        // A malformed cell keeps its text for the library checks; the column keeps its type.
        let bad = typed([cell, malformed, ""])
        #expect(bad?.type == type.valueType)
        #expect(bad?.values == [value, malformed.isEmpty ? .missing : .text(malformed), .missing])
        #expect(bad?.position == 2)
    }

    @Test func freeColumnsAreTypedByTheirCells() {
        let table = DataTable(
            file: "cities.csv", header: ["id", "status", "year", "blank", "gdp"],
            rows: [["370100", "1", "2022", "", "12028"], ["370200", "2", "", " ", ""]], rowLines: [2, 3], kind: .cities)
        // `status` and `year` are declared in other tables only; `id` stays text although it is all digits.
        #expect(table.columns.map(\.type) == [.text, .number, .number, .untyped, .number])
        #expect(table.column("id")?.values == [.text("370100"), .text("370200")])
        #expect(table.column("blank")?.values == [.missing, .missing])
    }
}
