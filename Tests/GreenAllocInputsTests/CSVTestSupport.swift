import Foundation
import GreenAllocCore
import GreenAllocInputs
import Testing

/// Parses text that must be a valid table.
func table(_ text: String, file: String = "t.csv", sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> RawTable?
{
    switch CSVReader.parse(Array(text.utf8), file: file) {
    case .success(let table): return table
    case .failure(let errors):
        Issue.record("unexpected errors: \(errors)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Parses bytes that must be refused; the errors as `line:column message`.
func errors(_ bytes: [UInt8], file: String = "t.csv", sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> [Diagnostic]
{
    switch CSVReader.parse(bytes, file: file) {
    case .success(let table):
        Issue.record("expected errors, got \(table.rows.count) rows", sourceLocation: sourceLocation)
        return []
    case .failure(let errors): return errors.diagnostics
    }
}

func errors(_ text: String, file: String = "t.csv", sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> [Diagnostic]
{
    errors(Array(text.utf8), file: file, sourceLocation: sourceLocation)
}

/// `line:column` of a diagnostic, for compact expectations.
func place(_ diagnostic: Diagnostic) -> String {
    guard let location = diagnostic.location else { return "-" }
    return "\(location.line):\(location.column)"
}

func fixtureURL(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/csv"))
}
