import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GreenAllocCLI
import Testing

/// sweep.md, sweep.html and sweep.json of a small run: golden files (re-record on purpose with
/// GREENALLOC_RECORD=1), the page well-formed with its charts, the departures and targets against the points,
/// and a sweep without any plan.
@Suite struct SweepPageTests {
    /// WhatIfTests' seven projects plus a naming package for K2 (under construction) and a soft park target:
    /// money first buys the best projects, then naming K2, and some projects leave as the budget grows.
    static func fixture() throws -> ScenarioFixture {
        let funds = WhatIfTests.fund + """

              - id: award
                name: 命名奖补
                kind: naming_award
                award: 10
                budget: {2023: 10}
            """
        let rest = """
              naming_value: 40
            targets:
              - name: 2023年生态园区
                metric: eco_park_count
                year: 2023
                min: 2
                penalty: 1
            """
        return try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: funds, rest: rest),
            projects: WhatIfTests.projects + "P8,包,K2,f1,air,1000,,20,,,,,true,yes,1\n")
    }

    static let arguments = ["--fund", "f1", "--from", "0.25", "--to", "2", "--steps", "8"]
    static let goldenDirectory = BundledScenarioTests.root.appendingPathComponent("Tests/GreenAllocCLITests/Fixtures/sweep")

    static func checkGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GREENALLOC_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record("recorded \(name); run again without GREENALLOC_RECORD to compare", sourceLocation: sourceLocation)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
    }

    @Test func theSmallRunsPagesMatchTheirGoldenFiles() throws {
        let fixture = try Self.fixture()
        let out = fixture.path("out")
        let result = fixture.run(["sweep", fixture.scenarioPath] + Self.arguments + ["--out", out])
        #expect(result.code == 0, "\(result.error)")
        for name in ["sweep.md", "sweep.en.md", "sweep.html", "sweep.en.html", "sweep.svg"] {
            try Self.checkGolden(try String(contentsOfFile: out + "/" + name, encoding: .utf8), name)
        }
        let html = try String(contentsOfFile: out + "/sweep.html", encoding: .utf8)
        let page = try HTMLOutline(html)
        #expect(page.headings.contains("各测算点"))
        #expect(page.headings.contains("随预算增加退出的项目"))
        #expect(page.svgSizes.count == 2)
        #expect(page.svgSizes.allSatisfy { $0.width > 100 && $0.height > 100 })
        #expect(!html.contains("<script"))
        // One language per page: the English page speaks no Chinese sentence of the Chinese one.
        let english = try String(contentsOfFile: out + "/sweep.en.html", encoding: .utf8)
        #expect(!english.contains("各测算点") && english.contains("The points"))
    }

    /// The JSON's departures agree with the points' funded sets, and each point carries its targets.
    @Test func jsonListsTheDeparturesAndTargetsOfEveryPoint() throws {
        let fixture = try Self.fixture()
        let result = fixture.run(["sweep", fixture.scenarioPath] + Self.arguments + ["--format", "json"])
        #expect(result.code == 0, "\(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        // Replay the funded sets from entering/leaving and collect who leaves at which scale.
        var funded = Set<String>()
        var leaves: [String: [Double]] = [:]
        for point in points {
            let entering = point["entering"] as? [String] ?? [], leaving = point["leaving"] as? [String] ?? []
            funded.subtract(leaving)
            funded.formUnion(entering)
            #expect(funded.count == point["funded_count"] as? Int)
            for id in leaving { leaves[id, default: []].append(point["scale"] as? Double ?? -1) }
            let targets = point["targets"] as? [[String: Any]] ?? []
            #expect(targets.count == 1)
            let parks = point["parks_named"] as? [String] ?? []
            // K1 is an eco park already; K2 counts once named.
            #expect(targets.first?["value"] as? Double == Double(1 + parks.count))
        }
        let departures = json["departures"] as? [[String: Any]] ?? []
        #expect(Set(departures.compactMap { $0["project"] as? String }) == Set(leaves.keys))
        for departure in departures {
            let id = departure["project"] as? String ?? ""
            #expect(departure["leaves_at_scale"] as? [Double] == leaves[id])
            #expect(departure["funded_at_end"] as? Bool == funded.contains(id))
        }
        #expect(!departures.isEmpty, "the fixture is meant to have a project leave")
    }
}

/// The headings of an XHTML page and the sizes of its SVG charts; `init` throws unless an XML parser reads the
/// whole page (it is well-formed).
struct HTMLOutline {
    let headings: [String]
    let svgSizes: [(width: Double, height: Double)]

    struct Malformed: Error, CustomStringConvertible { let description: String }

    init(_ html: String) throws {
        let parser = XMLParser(data: Data(html.utf8))
        guard parser.parse() else { throw Malformed(description: "not well-formed at line \(parser.lineNumber)") }
        headings = html.matches(of: /<h[12]>([^<]*)<\/h[12]>/).map { String($0.output.1) }
        svgSizes = html.matches(of: /<svg [^>]*width="([0-9.]+)" height="([0-9.]+)"/).map { (Double($0.output.1) ?? 0, Double($0.output.2) ?? 0) }
    }
}

extension SweepPageTests {
    /// A hard target no budget of the sweep can meet: every point is infeasible, and the pages say so
    /// without charts.
    @Test func aSweepWithoutAnyPlanStillWritesItsPages() throws {
        let fixture = try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: WhatIfTests.fund, rest: "targets:\n  - {name: 十个项目, metric: count, min: 10}\n"),
            projects: WhatIfTests.projects)
        let out = fixture.path("out")
        let result = fixture.run(["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "1", "--to", "2", "--steps", "3", "--out", out])
        #expect(result.code == 0, "\(result.error)")
        let html = try String(contentsOfFile: out + "/sweep.html", encoding: .utf8)
        let page = try HTMLOutline(html)
        #expect(page.svgSizes.isEmpty)
        #expect(page.headings.contains("各测算点"))
        #expect(html.contains("无可行方案 3 个"))
        let markdown = try String(contentsOfFile: out + "/sweep.en.md", encoding: .utf8)
        #expect(markdown.contains("No plan at the budgets 90.00 万元, 135.00 万元, 180.00 万元."), "\(markdown)")
    }
}
