/// A table's path in `tables:`: a CSV file, or a workbook (`.xlsx`) with an optional sheet after `#`
/// (`data/library.xlsx#项目`; without one, the first sheet).
public struct TablePath: Sendable, Hashable {
    /// The file to open.
    public var file: String
    /// The sheet of a workbook; nil for its first sheet, and for a CSV file.
    public var sheet: String?
    public var isWorkbook: Bool

    public init(_ path: String) {
        if let hash = path.lastIndex(of: "#"), path[..<hash].lowercased().hasSuffix(".xlsx") {
            file = String(path[..<hash])
            sheet = String(path[path.index(after: hash)...])
            isWorkbook = true
        } else {
            file = path
            sheet = nil
            isWorkbook = path.lowercased().hasSuffix(".xlsx")
        }
    }

    /// The distinct files of `paths`, in order (a workbook named by several tables once).
    public static func files(_ paths: [String?]) -> [String] {
        var seen: Set<String> = []
        return paths.compactMap { $0.map { TablePath($0).file } }.filter { seen.insert($0).inserted }
    }
}
