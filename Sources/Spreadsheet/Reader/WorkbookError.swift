/// Why a workbook, a sheet or a cell cannot be read: the message, and the sheet and cell when known.
public struct WorkbookError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var sheet: String?
    public var cell: CellReference?

    public init(_ message: String, sheet: String? = nil, cell: CellReference? = nil) {
        self.message = message
        self.sheet = sheet
        self.cell = cell
    }

    public var description: String {
        switch (sheet, cell) {
        case (let sheet?, let cell?): "[\(sheet)]!\(cell): \(message)"
        case (let sheet?, nil): "[\(sheet)]: \(message)"
        default: message
        }
    }
}
