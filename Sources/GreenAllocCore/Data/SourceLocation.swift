/// A place in an input file: 1-based line and column (columns count Unicode characters).
///
/// In a workbook sheet (`sheet` is set) the line is the 1-based row and the column the 1-based column, and the
/// place is written as Excel names a cell: `library.xlsx[项目]!F12`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The worksheet of a workbook; nil for text files.
    public var sheet: String?

    public init(file: String, line: Int, column: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    public var description: String {
        guard let sheet else { return "\(file):\(line):\(column)" }
        return "\(file)[\(sheet)]!\(Self.columnName(column))\(line)"
    }

    /// Excel's letters for a 1-based column number: 1 → `A`, 27 → `AA`.
    static func columnName(_ number: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = max(number, 1)
        repeat {
            rest -= 1
            scalars.insert(Unicode.Scalar(UInt8(65 + rest % 26)), at: 0)
            rest /= 26
        } while rest > 0
        return String(String.UnicodeScalarView(scalars))
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}

/// One finding about the input: an error (the run stops with exit 65) or a warning.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// Extra lines shown under the message (e.g. the expression and a caret line).
    public var detail: [String]

    public init(_ severity: Severity, _ location: SourceLocation?, _ message: String, detail: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.detail = detail
    }

    public static func error(_ location: SourceLocation?, _ message: String, detail: [String] = []) -> Diagnostic {
        Diagnostic(.error, location, message, detail: detail)
    }

    public static func warning(_ location: SourceLocation?, _ message: String, detail: [String] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, detail: detail)
    }

    public var description: String {
        let head = (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
        return ([head] + detail.map { "    " + $0 }).joined(separator: "\n")
    }
}

/// The input could not be read: every error found in one pass (exit code 65).
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
