import Foundation
import GreenAllocCLI
import Testing

/// Each report a person reads speaks one language. The bundled baseline (a feasible plan) and a small infeasible
/// scenario (presolve findings and a diagnosis, its fund, limit and target named in both languages) are solved;
/// report.md and report.html must be Chinese, report.en.md and report.en.html English, by `LanguageRule`.
@Suite struct DocumentLanguageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let documents = ["report.md", "report.html", "report.en.md", "report.en.html"]

    @Test func bundledBaselineReportsSpeakOneLanguage() throws {
        let data = Self.root.appendingPathComponent("Scenarios/shandong/data")
        let names = try ["cities.csv", "parks.csv", "projects.csv", "banks.csv"].flatMap {
            try LanguageRule.names(csv: data.appendingPathComponent($0))
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-lang-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let capture = Console.Capture()
        let scenario = Self.root.appendingPathComponent("Scenarios/shandong/baseline-2022.yaml").path
        let code = CommandLineRunner.run(["solve", scenario, "--out", out.path], console: capture.console)
        #expect(code == 0, "\(capture.error)")
        try check(out, names: names)
    }

    @Test func infeasibleReportsSpeakOneLanguage() throws {
        let fixture = try ScenarioFixture(
            yaml: ScenarioFixture.header().replacingOccurrences(of: "scenario: test", with: "scenario: {zh: 不可行示例, en: Infeasible example}")
                + """
                funds:
                  - id: f1
                    name: {zh: 专项资金, en: "Special fund"}
                    budget: {2022: 5000, 2023: 300}
                objective:
                  maximize: benefit
                  weights: {benefit: 1}
                limits:
                  - name: {zh: 单市年度上限, en: "City cap per year"}
                    sum: subsidy
                    group_by: city
                    per_year: true
                    max: 350
                targets:
                  - name: {zh: 效益目标, en: "Benefit target"}
                    metric: benefit
                    min: 100000
                """,
            projects: SolveFeatureTests.projectsHeader + """
                P17,锁定项目,K1,f1,air,5000,,420,,in,,,,yes,10
                P2,其他项目,K2,f1,air,1000,100,,,,,,,yes,50

                """)
        let out = fixture.directory.appendingPathComponent("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out.path])
        #expect(result.code == 3, "\(result.error)")
        let zh = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let en = try String(contentsOf: out.appendingPathComponent("report.en.md"), encoding: .utf8)
        // The findings and the diagnosis are there to be checked, in each document's words.
        #expect(zh.contains("资金「专项资金」的锁定项目2023年需要 420万元，但该年预算仅 300万元"))
        #expect(zh.contains("硬目标「效益目标」（下限 100000）无法实现"))
        #expect(zh.contains("> 以下规则不能同时满足："))
        #expect(en.contains("the lock-ins of Special fund need 420万 in 2023, but its budget is 300万"))
        #expect(en.contains("target \"Benefit target\" (min 100000) cannot be met"))
        let names = ["济南市", "青岛市", "甲园区", "乙园区", "丙园区", "锁定项目", "其他项目"]
        try check(out, names: names)
    }

    /// The sweep pages name the fund, the scenario and the targets by their English text in English.
    @Test func sweepPagesSpeakOneLanguage() throws {
        let base = try SweepPageTests.fixture()
        let yaml = try String(contentsOf: URL(fileURLWithPath: base.scenarioPath), encoding: .utf8)
            .replacingOccurrences(of: "scenario: test", with: "scenario: {zh: 敏感性示例, en: Sweep example}")
            .replacingOccurrences(of: "name: 专项资金", with: "name: {zh: 专项资金, en: Special fund}")
            .replacingOccurrences(of: "name: 命名奖补", with: "name: {zh: 命名奖补, en: Naming award}")
            .replacingOccurrences(of: "name: 2023年生态园区", with: "name: {zh: 2023年生态园区, en: Eco parks in 2023}")
        try base.write("scenario.yaml", yaml)
        let out = base.directory.appendingPathComponent("out")
        let result = base.run(["sweep", base.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "1.5", "--steps", "3", "--out", out.path])
        #expect(result.code == 0, "\(result.error)")
        let english = try String(contentsOf: out.appendingPathComponent("sweep.en.md"), encoding: .utf8)
        #expect(english.contains("Budget sweep: Special fund (f1)"))
        #expect(english.contains("Scenario \"Sweep example\""))
        let page = try String(contentsOf: out.appendingPathComponent("sweep.en.html"), encoding: .utf8)
        #expect(page.contains("Eco parks in 2023") && !page.contains("2023年生态园区"))
        let names = ["济南市", "青岛市", "甲园区", "乙园区", "丙园区", "包"]
        try check(out, documents: ["sweep.md", "sweep.html", "sweep.en.md", "sweep.en.html"], names: names)
    }

    /// `explain --lang en` names the scenario, the exclusion rules and their reasons by their English text.
    @Test func explainMarkdownSpeaksItsLanguage() throws {
        let fixture = try ScenarioFixture(yaml: ScenarioTextTests.yaml, projects: ScenarioTextTests.projects, parks: ScenarioTextTests.parks)
        let english = fixture.run(["explain", fixture.scenarioPath, "--lang", "en"])
        #expect(english.code == 0, "\(english.error)")
        #expect(english.out.hasPrefix("# Project explanations: Test scenario\n"))
        #expect(english.out.contains("- Excluded by: Bad category — this category is not supported"))
        #expect(!ScenarioTextTests.chinese.contains { english.out.contains($0) })
        let chinese = fixture.run(["explain", fixture.scenarioPath])
        #expect(chinese.out.contains("- 排除规则：不良类别 — 该类别不予支持"))
    }

    func check(_ out: URL, documents: [String] = Self.documents, names: [String]) throws {
        for document in documents {
            let text = try String(contentsOf: out.appendingPathComponent(document), encoding: .utf8)
            let rule = LanguageRule(html: document.hasSuffix(".html"), names: names)
            if document.contains(".en.") {
                let lines = rule.chineseLines(text)
                #expect(lines.isEmpty, "\(document): Chinese outside table-given names:\n\(lines.prefix(10).joined(separator: "\n"))")
            } else {
                let runs = rule.englishRuns(text)
                #expect(runs.isEmpty, "\(document): English words:\n\(runs.prefix(10).joined(separator: "\n"))")
            }
        }
    }
}

/// When a document speaks one language.
///
/// First the text that is not words of a language is removed: in HTML, `<style>` and `<script>` elements and
/// every tag (attributes included), then entities are decoded; in both, `code spans`, URLs, file names
/// (`name.json`, `.csv`, `.md`, `.html`, `.xlsx`, `.svg`, `.yaml`, `.pdf`), codes with an underscore
/// (`eco_park_share`, `max_share`) and every token holding a digit (ids such as P0003, K001, 370100, years,
/// numbers).
///
/// - A Chinese document has no run of three or more ASCII words (letters, with `'` or `-` inside) separated only
///   by spaces or ASCII punctuation: single codes such as GLPK, SHA-256 or `lock: in` pass, sentences do not.
/// - An English document has no CJK character (Han ideographs, CJK and full-width punctuation such as 「」（），)
///   once the names the tables give (cities, parks, projects, banks: they have no English text) and the units
///   万元, 亿元 and 万 are removed. Scenario-given names (funds, limits, rules, bonuses, targets) have English text
///   in the scenarios checked, so they must appear in English.
struct LanguageRule {
    let html: Bool
    let names: [String]

    static func names(csv url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let header = rows.first, let column = header.firstIndex(where: { $0.hasSuffix("name") }) else { return [] }
        return rows.dropFirst().compactMap { $0.count > column ? String($0[column]) : nil }.filter { !$0.isEmpty }
    }

    func stripped(_ text: String) -> String {
        var text = text
        if html {
            text = replace(#"<(style|script)\b.*?</\1>"#, in: text, options: [.dotMatchesLineSeparators])
            text = replace(#"<[^>]*>"#, in: text)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        }
        for pattern in [#"`[^`]*`"#, #"https?://\S+"#, #"\b[\w.-]+\.(json|csv|md|html|xlsx|svg|yaml|pdf)\b"#,
            #"\b\w*_\w*\b"#, #"\b[A-Za-z]*\d[\w.]*\b"#]
        {
            text = replace(pattern, in: text)
        }
        return text
    }

    /// The runs of three or more English words, with their lines.
    func englishRuns(_ text: String) -> [String] {
        let word = #"[A-Za-z][A-Za-z'’-]*"#
        let run = Self.expression(word + #"(?:[ \t,;:()/&+.\-"!?]+"# + word + "){2,}")
        return stripped(text).split(separator: "\n").flatMap { line -> [String] in
            let line = String(line)
            let matches = run.matches(in: line, range: NSRange(line.startIndex..., in: line))
            return matches.compactMap { Range($0.range, in: line).map { "\(line[$0])  ← \(line.prefix(160))" } }
        }
    }

    /// The lines with a CJK character outside the table-given names and the units.
    func chineseLines(_ text: String) -> [String] {
        var byFirst: [Character: [String]] = [:]
        for name in Set(names + ["万元", "亿元", "万"]) {
            if let first = name.first { byFirst[first, default: []].append(name) }
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.count > $1.count } }
        return stripped(text).split(separator: "\n").filter { line in
            var rest = Substring(line)
            while let first = rest.first {
                if let name = byFirst[first]?.first(where: { rest.hasPrefix($0) }) {
                    rest = rest.dropFirst(name.count)
                } else if Self.isCJK(first) {
                    return true
                } else {
                    rest = rest.dropFirst()
                }
            }
            return false
        }.map { String($0.prefix(160)) }
    }

    static func isCJK(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            (0x3000...0x303F).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
                || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
        }
    }

    /// A pattern of this rule (a constant: a typo in it is the test's own error, and stops it).
    static func expression(_ pattern: String, options: NSRegularExpression.Options = []) -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern, options: options) } catch { fatalError("bad pattern \(pattern): \(error)") }
    }

    func replace(_ pattern: String, in text: String, options: NSRegularExpression.Options = []) -> String {
        Self.expression(pattern, options: options).stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
    }
}
