/// How a number cell is shown. Each format has a plain and a bold cell style in styles.xml.
public enum NumberFormat: Int, Sendable, Hashable, CaseIterable {
    /// Excel's General.
    case plain = 0
    /// `#,##0.00`: money (万元) with thousands separators and two decimals shown; the cell keeps its value.
    case money = 1
    /// `0.0%`: a share (0.375 shows as 37.5%).
    case share = 2
    /// `0`: counts and years.
    case integer = 3

    /// The `numFmtId` in styles.xml: built-in ids for `#,##0.00` (4) and `0` (1), 164 for the custom `0.0%`.
    var numberFormatID: Int {
        switch self {
        case .plain: 0
        case .money: 4
        case .share: 164
        case .integer: 1
        }
    }

    /// The cell style index (`s`) in `cellXfs`: plain formats first, then their bold forms.
    func styleIndex(bold: Bool) -> Int { rawValue + (bold ? NumberFormat.allCases.count : 0) }
}

/// One cell of a written sheet.
public enum Cell: Sendable, Hashable {
    case empty
    case number(Double, NumberFormat)
    case text(String)

    public static func money(_ value: Double) -> Cell { .number(value, .money) }
    public static func share(_ value: Double) -> Cell { .number(value, .share) }
    public static func integer(_ value: Int) -> Cell { .number(Double(value), .integer) }
}

/// A list of allowed values for the cells of one column (Excel's data validation, type "list").
public struct DataValidationList: Sendable, Hashable {
    /// 0-based column.
    public var column: Int
    /// 0-based first and last row the list applies to.
    public var rows: ClosedRange<Int>
    public var values: [String]

    public init(column: Int, rows: ClosedRange<Int>, values: [String]) {
        self.column = column
        self.rows = rows
        self.values = values
    }
}

/// One sheet to write: a bold header row (frozen), data rows, an optional bold total row after them.
public struct Sheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]
    /// Written last in bold; the caller computes it (no formulas: WPS may not recalculate them).
    public var total: [Cell]?
    /// An autofilter over the header and data rows (the total row stays outside it).
    public var autoFilter: Bool
    public var validations: [DataValidationList]

    public init(
        name: String, header: [String], rows: [[Cell]] = [], total: [Cell]? = nil, autoFilter: Bool = false,
        validations: [DataValidationList] = []
    ) {
        self.name = name
        self.header = header
        self.rows = rows
        self.total = total
        self.autoFilter = autoFilter
        self.validations = validations
    }

    /// The number of columns: the widest of the header and the rows.
    var columnCount: Int {
        rows.reduce(max(header.count, total?.count ?? 0)) { max($0, $1.count) }
    }
}
