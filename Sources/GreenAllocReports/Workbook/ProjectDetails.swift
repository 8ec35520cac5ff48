public import GreenAllocCore

/// What the workbook shows of a project beyond allocation.json: its owner (项目单位) and county when the
/// projects table has those columns, its park's name, and its benefit columns (the numeric columns of the
/// table that scenario-format §3 does not declare, such as `co2_t`, `cod_t`, `vocs_t`), for 绩效指标.
public struct ProjectDetails: Sendable {
    /// Project id → owner; empty when the table has no `owner` column.
    public var owners: [String: String] = [:]
    /// Project id → county; empty when the table has no `county` column.
    public var counties: [String: String] = [:]
    public var hasOwner = false
    public var hasCounty = false
    /// Park id → name.
    public var parkNames: [String: String] = [:]
    /// The benefit columns, in the table's order.
    public var benefitColumns: [String] = []
    /// Project id → the benefit values, aligned with `benefitColumns` (0 for an empty cell).
    public var benefits: [String: [Double]] = [:]

    public init() {}

    public init(library: Library) {
        let table = library.projects
        hasOwner = table.column("owner") != nil
        hasCounty = table.column("county") != nil
        benefitColumns = table.columns.filter { column in
            column.type == .number && TableKind.projects.declaredColumn(named: column.name) == nil
        }.map(\.name)
        for row in 0..<table.rowCount {
            guard let id = table.value("id", row: row).text else { continue }
            if hasOwner, let owner = table.value("owner", row: row).text { owners[id] = owner }
            if hasCounty, let county = table.value("county", row: row).text { counties[id] = county }
            if !benefitColumns.isEmpty {
                benefits[id] = benefitColumns.map { table.value($0, row: row).number ?? 0 }
            }
        }
        let parks = library.parks
        for row in 0..<parks.rowCount {
            guard let id = parks.value("id", row: row).text else { continue }
            parkNames[id] = parks.value("name", row: row).text ?? ""
        }
    }
}
