import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden SVG files live in `Fixtures/golden/` (copied into the test bundle). They are compared byte for
/// byte; to re-record them on purpose (after a deliberate change of the drawing), run
/// `GREENALLOC_RECORD=1 swift test --filter ChartsTests` and review the diff before committing. A recording
/// run fails each check it records (it compared nothing), so it cannot pass for a real run.
enum ChartGolden {
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    }

    static func check(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["GREENALLOC_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: sourceDirectory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: sourceDirectory.appendingPathComponent(name))
            Issue.record("recorded golden file \(name); run again without GREENALLOC_RECORD to compare", sourceLocation: sourceLocation)
            return
        }
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: stem, withExtension: ext, subdirectory: "Fixtures/golden"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            Issue.record("missing golden file \(name); record it with GREENALLOC_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != text else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record(
            "\(name) differs from its golden file at line \(first + 1):\n  golden: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")\n  actual: \(first < actualLines.count ? String(actualLines[first]) : "<end>")",
            sourceLocation: sourceLocation)
    }
}

/// Parses an SVG document with Foundation's XMLParser and counts its elements by name.
final class SVGReading: NSObject, XMLParserDelegate {
    private(set) var elements: [String: Int] = [:]
    private(set) var root: String?
    private(set) var rootAttributes: [String: String] = [:]
    private(set) var texts: [String] = []
    private var inText = false
    private var inTitle = false

    /// nil when the document is not well-formed XML; the parser's error is recorded as an issue.
    static func parse(_ svg: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SVGReading? {
        let reading = SVGReading()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reading
        guard parser.parse() else {
            Issue.record("not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)", sourceLocation: sourceLocation)
            return nil
        }
        return reading
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil {
            root = elementName
            rootAttributes = attributes
        }
        elements[elementName, default: 0] += 1
        if elementName == "title" { inTitle = true }
        if elementName == "text" {
            inText = true
            texts.append("")
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" { inText = false }
        if elementName == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, !inTitle, !texts.isEmpty { texts[texts.count - 1] += string }
    }
}
