/// Which names an expression may use (scenario-format §4), their types and their slots.
///
/// A slot is whatever index the row provider understands (e.g. a `DataTable` column index); the compiled
/// expression stores slots, so evaluation never looks a name up.
public struct ExpressionSchema: Sendable {
    struct Entry: Sendable {
        /// nil for a column its table leaves out: it reads as missing.
        var slot: Int?
        var type: ValueType
        var order: Ordering?
    }

    private var entries: [Entity: [String: Entry]] = [:]
    /// Column names per entity in the order they were added (for messages).
    private var names: [Entity: [String]] = [:]

    public init() {}

    /// Declares `entity.name`. `order` makes the column an ordered enumeration (its values, lowest
    /// first): `<`, `<=`, `>`, `>=` then compare by that order, and text literals compared with it must be
    /// one of the values. An ordered column is text whatever `type` says. Adding a name again replaces it.
    public mutating func add(_ entity: Entity, column name: String, type: ValueType, slot: Int, order: [String]? = nil) {
        insert(entity, name, slot: slot, type: type, order: order)
    }

    /// Declares `entity.name` for a column that its table may leave out and does: the name type-checks as
    /// `type` (and `order`, as in `add`) and reads as missing for every project. Adding a name again replaces it.
    public mutating func addAbsent(_ entity: Entity, column name: String, type: ValueType, order: [String]? = nil) {
        insert(entity, name, slot: nil, type: type, order: order)
    }

    private mutating func insert(_ entity: Entity, _ name: String, slot: Int?, type: ValueType, order: [String]?) {
        let ordering = order.map(Ordering.init)
        let entry = Entry(slot: slot, type: ordering == nil ? type : .text, order: ordering)
        if entries[entity, default: [:]].updateValue(entry, forKey: name) == nil {
            names[entity, default: []].append(name)
        }
    }

    /// Declares every column of `table` as `entity.<column name>` with its type and its index as slot; the
    /// first of two same-named columns wins (as in `DataTable.columnIndex`). The entity's declared columns
    /// (``Entity/table``) that are ordered get their order, and the optional ones the table leaves out are
    /// declared absent with their declared type (``addAbsent(_:column:type:order:)``).
    public mutating func addColumns(of table: DataTable, as entity: Entity) {
        let kind = entity.table
        for (index, column) in table.columns.enumerated() where table.columnIndex[column.name] == index {
            let declared = kind?.declaredColumn(named: column.name)
            add(entity, column: column.name, type: column.type, slot: index, order: declared?.type.order)
        }
        for declared in kind?.declaredColumns ?? [] where declared.isOptional && table.column(declared.name) == nil {
            addAbsent(entity, column: declared.name, type: declared.type.valueType, order: declared.type.order)
        }
    }

    /// The slot (nil for a column declared absent), type and order of `entity.name`.
    public func lookup(_ entity: Entity, _ name: String) -> (slot: Int?, type: ValueType, order: [String]?)? {
        guard let entry = entries[entity]?[name] else { return nil }
        return (entry.slot, entry.type, entry.order?.values)
    }

    func entry(_ entity: Entity, _ name: String) -> Entry? { entries[entity]?[name] }

    /// The declared column names of `entity`, in the order they were added.
    public func columns(of entity: Entity) -> [String] { names[entity] ?? [] }
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
