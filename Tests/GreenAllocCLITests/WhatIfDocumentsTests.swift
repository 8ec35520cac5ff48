import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GreenAllocCLI
import Testing

/// The documents people read from `explain`, `compare` and `target` on small runs: golden files (re-record on
/// purpose with GREENALLOC_RECORD=1), the HTML well-formed, and `target --out` writing the plan as `solve`.
@Suite struct WhatIfDocumentsTests {
    static let goldens = BundledScenarioTests.root.appendingPathComponent("Tests/GreenAllocCLITests/Fixtures/whatif")

    static func checkGolden(_ text: String, _ name: String) throws {
        let url = goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GREENALLOC_RECORD"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded \(name); run again without GREENALLOC_RECORD to compare")
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)), "\(name)")
    }

    static func file(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// XMLParser reads the whole page (the HTML writer's markup is XHTML-compatible).
    static func isWellFormed(_ html: String) -> Bool {
        XMLParser(data: Data(html.utf8)).parse()
    }

    @Test func explainCardsForPeople() throws {
        let fixture = try ExplainTests.fixture()
        let out = fixture.directory.appendingPathComponent("explained")
        let result = fixture.run(["explain", fixture.scenarioPath, "--project", "P1", "--out", out.path])
        #expect(result.code == 0, "\(result.error)")
        try Self.checkGolden(try Self.file(out, "explain.md"), "explain-P1.md")
        try Self.checkGolden(try Self.file(out, "explain.en.md"), "explain-P1.en.md")
        #expect(result.out == (try Self.file(out, "explain.md")))
        for page in ["explain.html", "explain.en.html"] {
            let html = try Self.file(out, page)
            #expect(Self.isWellFormed(html), "\(page)")
            #expect(html.contains("a（P1）") || html.contains("a (P1)"))
        }
        let json = try JSONSerialization.jsonObject(with: Data(try Self.file(out, "explain.json").utf8)) as? [String: Any]
        #expect(json?["format"] as? String == "greenalloc.explain/1")
        // The full listing: bounded top-ups, names, no raw doubles.
        let listing = fixture.run(["explain", fixture.scenarioPath, "--lang", "en"])
        try Self.checkGolden(listing.out, "explain-all.en.md")
    }

    @Test func compareForPeople() throws {
        let fixture = try WhatIfTests.fixture()
        try fixture.write("tight.yaml", "extends: scenario.yaml\nscenario: tight\nfunds:\n  - id: f1\n    budget: {2022: 30}\n")
        let out = fixture.directory.appendingPathComponent("compared")
        let result = fixture.run(["compare", fixture.scenarioPath, fixture.path("tight.yaml"), "--out", out.path])
        #expect(result.code == 0, "\(result.error)")
        #expect(result.out == (try Self.file(out, "compare.md")))
        try Self.checkGolden(try Self.file(out, "compare.md"), "compare.md")
        try Self.checkGolden(try Self.file(out, "compare.en.md"), "compare.en.md")
    }

    @Test func targetLeadsWithTheAnswerAndWritesThePlan() throws {
        let fixture = try WhatIfTests.fixture(targets: "targets:\n  - {name: 四个, metric: count, min: 4}\n")
        let out = fixture.directory.appendingPathComponent("target")
        let result = fixture.run(["target", fixture.scenarioPath, "--target", "四个", "--fund", "f1", "--out", out.path])
        #expect(result.code == 0, "\(result.error)")
        #expect(result.out == (try Self.file(out, "target.md")))
        try Self.checkGolden(result.out, "target.md")
        try Self.checkGolden(try Self.file(out, "target.en.md"), "target.en.md")
        // The plan at that budget, as `solve --out` writes it.
        for name in ["allocation.json", "projects.csv", "report.md", "report.en.md", "report.html", "allocation.xlsx", "target.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let plan = try JSONSerialization.jsonObject(with: Data(try Self.file(out, "allocation.json").utf8)) as? [String: Any]
        let targets = plan?["targets"] as? [[String: Any]] ?? []
        #expect(targets.first { $0["name"] as? String == "四个" }?["met"] as? Bool == true)
        let summary = try JSONSerialization.jsonObject(with: Data(try Self.file(out, "target.json").utf8)) as? [String: Any]
        let budget = try #require(summary?["budget_total"] as? Double)
        let byYear = summary?["budget"] as? [String: Double] ?? [:]
        #expect(!byYear.isEmpty && abs(budget - byYear.values.reduce(0, +)) < 1e-3)
        #expect(summary?["allocation"] == nil)
    }
}
