/// One entry of a column: the row it appears in and its coefficient there.
public typealias ColumnEntry = (row: Int, coefficient: Double)

extension Model {
    /// The column view of the matrix (its transpose): for each column, its entries in row order (within a
    /// row, in the row's term order).
    public func columnView() -> [[ColumnEntry]] {
        var entries = Array(repeating: [ColumnEntry](), count: columnCount)
        for (index, row) in rows.enumerated() {
            for term in row.terms { entries[term.column].append((index, term.coefficient)) }
        }
        return entries
    }
}
