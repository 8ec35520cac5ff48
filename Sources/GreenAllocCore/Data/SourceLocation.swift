/// A place in an input file: 1-based line and column (columns count Unicode characters).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
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
