/// Rows of a compiled model by origin, built once with the model.
struct RowIndex: Sendable {
    /// Per fund: its budget rows in year order.
    var budget: [Int: [(year: Int, row: Int)]] = [:]
    /// Per target: its row.
    var target: [Int: Int] = [:]
    /// Per limit: its rows in row order.
    var limit: [Int: [Int]] = [:]

    init(origins: [RowOrigin], limitRows: [LimitRow]) {
        for (row, origin) in origins.enumerated() {
            switch origin {
            case .budget(let fund, let year): budget[fund, default: []].append((year, row))
            case .target(let index): target[index] = row
            default: break
            }
        }
        for entry in limitRows { limit[entry.origin.index, default: []].append(entry.row) }
    }
}

extension CompiledModel {
    /// A fund's budget rows, one per year of the horizon in year order.
    public func budgetRows(fund: Int) -> [(year: Int, row: Int)] { index.budget[fund] ?? [] }

    /// Every budget row, in row order.
    public var allBudgetRows: [Int] { index.budget.values.flatMap { $0.map(\.row) }.sorted() }

    /// The row of a target.
    public func targetRow(of target: Int) -> Int? { index.target[target] }

    /// The rows of a limit (every group, year and part), in row order.
    public func limitRows(of limit: Int) -> [Int] { index.limit[limit] ?? [] }

    /// The rows carrying a limit's absolute bounds (min/max), in row order.
    public var absoluteLimitRows: [Int] { limitRows.filter { $0.origin.part == .absolute }.map(\.row) }
}
