/// Which names an expression may use (SPEC §2.1), their types and their slots.
///
/// A slot is whatever index the row provider understands (e.g. a `DataTable` column index); the compiled
/// expression stores slots, so evaluation never looks a name up.
public struct ExpressionSchema: Sendable {
    struct Entry: Sendable {
        var slot: Int
        var type: ValueType
        var order: Ordering?
    }

    private var entries: [Entity: [String: Entry]] = [:]
    /// Column names per entity in the order they were added (for messages).
    private var names: [Entity: [String]] = [:]

    public init() {}

    /// Declares `entity.name`. `order` makes the column an ordered enumeration (its values, lowest
    /// first): `<`, `<=`, `>`, `>=` then compare by that order, and text literals compared with it must be
    /// one of the values. An ordered column is text whatever `type` says (an all-empty column may have
    /// been typed as a number). Adding a name again replaces it.
    public mutating func add(_ entity: Entity, column name: String, type: ValueType, slot: Int, order: [String]? = nil) {
        let ordering = order.map(Ordering.init)
        let entry = Entry(slot: slot, type: ordering == nil ? type : .text, order: ordering)
        if entries[entity, default: [:]].updateValue(entry, forKey: name) == nil {
            names[entity, default: []].append(name)
        }
    }

    /// Declares every column of `table` as `entity.<column name>` with its index as slot; the first of
    /// two same-named columns wins (as in `DataTable.columnIndex`). Columns with a standard order
    /// (`standardOrder`) become ordered enumerations.
    public mutating func addColumns(of table: DataTable, as entity: Entity) {
        for (index, column) in table.columns.enumerated() where table.columnIndex[column.name] == index {
            add(entity, column: column.name, type: column.type, slot: index,
                order: Self.standardOrder(entity, column.name))
        }
    }

    public func lookup(_ entity: Entity, _ name: String) -> (slot: Int, type: ValueType, order: [String]?)? {
        guard let entry = entries[entity]?[name] else { return nil }
        return (entry.slot, entry.type, entry.order?.values)
    }

    func entry(_ entity: Entity, _ name: String) -> Entry? { entries[entity]?[name] }

    /// The declared column names of `entity`, in the order they were added.
    public func columns(of entity: Entity) -> [String] { names[entity] ?? [] }

    /// `project.maturity` (SPEC §1).
    public static let maturityOrder = [
        "concept", "proposal", "fs_approved", "eia_approved", "design_approved", "ready_to_start",
        "under_construction",
    ]
    /// `project.finance_tier` (SPEC §5: none < general < preferred).
    public static let financeTierOrder = ["none", "general", "preferred"]

    /// The ordered enumerations the SPEC defines: `project.maturity` and `project.finance_tier`.
    public static func standardOrder(_ entity: Entity, _ name: String) -> [String]? {
        guard entity == .project else { return nil }
        switch name {
        case "maturity": return maturityOrder
        case "finance_tier": return financeTierOrder
        default: return nil
        }
    }
}

/// An ordered enumeration: its values, lowest first, and each value's rank.
struct Ordering: Sendable, Equatable {
    let values: [String]
    let rank: [String: Int]

    init(_ values: [String]) {
        self.values = values
        var rank: [String: Int] = [:]
        for (index, value) in values.enumerated() where rank[value] == nil { rank[value] = index }
        self.rank = rank
    }

    static func == (lhs: Ordering, rhs: Ordering) -> Bool { lhs.values == rhs.values }

    /// The rank of a value; nil for a missing value or text outside the enumeration.
    func rank(of value: Value) -> Int? {
        if case .text(let text) = value { rank[text] } else { nil }
    }
}

/// Supplies values while evaluating one project.
public protocol ExpressionRow {
    /// The value of the column declared with `slot` for `entity` (the project itself, its park, its
    /// city or its fund); `.missing` for an empty cell or when the project has no such entity.
    func value(_ entity: Entity, slot: Int) -> Value
    /// The scenario's `as_of` date.
    var asOf: Day { get }
}

/// A column an expression reads.
public struct ColumnReference: Sendable, Hashable, CustomStringConvertible {
    public var entity: Entity
    public var name: String
    public init(_ entity: Entity, _ name: String) {
        self.entity = entity
        self.name = name
    }
    public var description: String { "\(entity.rawValue).\(name)" }
}
