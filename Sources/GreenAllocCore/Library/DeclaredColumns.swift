/// The tables of a project library (scenario-format §3).
public enum TableKind: String, Sendable, Hashable, CaseIterable {
    case cities, parks, projects, banks
}

/// The type a library column has by its name (scenario-format §3, §2.1 v1.1): the column keeps it whatever its cells
/// hold — also when every cell is empty — and a cell that does not fit it is an input error at that cell.
public enum DeclaredType: Sendable, Hashable {
    /// Ids, names, columns of ids and free tags: a cell is the text written.
    case text
    /// A number, e.g. money in 万元 or a share (``parseCellNumber(_:)``).
    case number
    /// A year: a whole number from 1 to 9999.
    case year
    /// A calendar date (``parseCellDate(_:)``).
    case date
    /// `true` or `false`, also `是` or `否` (``parseCellBoolean(_:chinese:)``).
    case boolean
    /// One of `values`, compared as text.
    case enumeration([String])
    /// One of `values`, lowest first: `<`, `<=`, `>`, `>=` compare by this order.
    case ordered([String])

    /// The type of the column's values: a year is a number, enumerations are text.
    public var valueType: ValueType {
        switch self {
        case .text, .enumeration, .ordered: .text
        case .number, .year: .number
        case .date: .date
        case .boolean: .boolean
        }
    }

    /// The values of an ordered column, lowest first; nil for any other type.
    public var order: [String]? {
        if case .ordered(let values) = self { values } else { nil }
    }

    /// The values of an enumeration or ordered column; nil for any other type.
    public var allowedValues: [String]? {
        switch self {
        case .enumeration(let values), .ordered(let values): values
        default: nil
        }
    }
}

/// A column scenario-format §3 defines for a table: its name, its type, and whether the table may leave it out.
public struct DeclaredColumn: Sendable, Hashable {
    public let name: String
    public let type: DeclaredType
    /// Whether a table may leave the column out; rules then read it as missing for every row. Required columns
    /// are not optional, nor are `request` and `year`, which `request_<year>` columns replace.
    public let isOptional: Bool

    public init(_ name: String, _ type: DeclaredType, optional: Bool = true) {
        self.name = name
        self.type = type
        self.isOptional = optional
    }
}

extension TableKind {
    /// The columns scenario-format §3 defines for this table (the `request_<year>` columns of projects.csv aside: see
    /// `declaredColumn(named:)`). Columns of ids (`id`, `park`, `city`, `fund`, `requires`, `exclusive_group`,
    /// `cities`) and `name` are text in every table.
    public var declaredColumns: [DeclaredColumn] { declarations[self]?.columns ?? [] }

    /// The declared column called `name` in this table, nil for a free column. In projects.csv every
    /// `request_<year>` column (`request_2022`) is a number.
    public func declaredColumn(named name: String) -> DeclaredColumn? {
        if let found = declarations[self]?.byName[name] { return found }
        if self == .projects, isYearlyRequest(name) { return DeclaredColumn(name, .number, optional: false) }
        return nil
    }
}

extension Entity {
    /// The library table whose rows the entity's columns read; nil for funds (they come from the scenario).
    public var table: TableKind? {
        switch self {
        case .project: .projects
        case .park: .parks
        case .city: .cities
        case .fund: nil
        }
    }
}

/// `request_` followed by ASCII digits.
private func isYearlyRequest(_ name: String) -> Bool {
    let utf8 = name.utf8
    guard name.hasPrefix("request_"), utf8.count > 8 else { return false }
    return utf8.dropFirst(8).allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
}

/// One table's declared columns, in order and by name.
private struct Declarations: Sendable {
    let columns: [DeclaredColumn]
    let byName: [String: DeclaredColumn]

    /// The columns of ids and `name` (text, required unless `specific` declares them otherwise), then `specific`.
    init(_ specific: [DeclaredColumn]) {
        let identifiers = ["id", "name", "park", "city", "fund", "requires", "exclusive_group", "cities"]
        var columns = identifiers.map { DeclaredColumn($0, .text, optional: false) }
        columns.removeAll { column in specific.contains { $0.name == column.name } }
        columns += specific
        self.columns = columns
        byName = Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

private let declarations: [TableKind: Declarations] = [
    .cities: Declarations([DeclaredColumn("region", .text)]),
    .parks: Declarations([
        DeclaredColumn("status", .enumeration(ParkStatus.allCases.map(\.rawValue)), optional: false),
        DeclaredColumn("barred_until", .date),
        DeclaredColumn("naming_year", .year),
    ]),
    .projects: Declarations([
        DeclaredColumn("owner", .text),
        DeclaredColumn("county", .text),
        DeclaredColumn("category", .text, optional: false),
        DeclaredColumn("investment", .number, optional: false),
        DeclaredColumn("request", .number, optional: false),
        DeclaredColumn("year", .year, optional: false),
        DeclaredColumn("min_share", .number),
        DeclaredColumn("requires", .text),
        DeclaredColumn("exclusive_group", .text),
        DeclaredColumn("lock", .enumeration(LockState.allCases.map(\.rawValue))),
        DeclaredColumn("naming_prerequisite", .boolean),
        DeclaredColumn("loan_need", .number),
        DeclaredColumn("maturity", .ordered(maturityOrder)),
        DeclaredColumn("central_library", .enumeration(libraryStatuses)),
        DeclaredColumn("provincial_library", .enumeration(libraryStatuses)),
        DeclaredColumn("finance_tier", .ordered(FinanceTier.allCases.map(\.text))),
    ]),
    .banks: Declarations([
        DeclaredColumn("capacity", .number, optional: false),
        DeclaredColumn("max_per_project", .number),
        DeclaredColumn("min_tier", .enumeration(FinanceTier.allCases.filter { $0 != .none }.map(\.text))),
        DeclaredColumn("cities", .text),
    ]),
]
