@testable import Charts
import Testing

@Suite struct ChartGoldenTests {
    static func documents() throws -> [(name: String, svg: String)] {
        let lorenz = try #require(ChartSamples.lorenz)
        return [
            ("budget-use.zh.svg", ChartSamples.budgetUse.svg(ChartHeader(id: "budget-use", title: "各资金年度预算使用", description: "按资金与年度的已使用与剩余预算，单位万元。"))),
            ("city-caps.zh.svg", ChartSamples.cityCaps.svg(ChartHeader(id: "city-caps", title: "各市分配与上限", description: "各市分配资金与其上限，单位万元。"))),
            ("outcomes.zh.svg", ChartSamples.outcomes.svg(ChartHeader(id: "outcomes", title: "各市主要污染物减排量", description: "按城市与污染物的年减排量，单位吨每年。"))),
            ("parks.zh.svg", ChartSamples.parks.svg(ChartHeader(id: "parks", title: "生态园区数与目标", description: "2021 至 2025 年的生态园区数，对照 30 个与 50% 的目标。"))),
            ("sweep.en.svg", ChartSamples.sweep.svg(ChartHeader(id: "sweep", title: "Budget sweep: provincial special fund", description: "Objective and marginal value per 10k yuan against the fund's budget."))),
            ("lorenz.zh.svg", lorenz.svg(ChartHeader(id: "lorenz", title: "公平性：资金与人口", description: "各市资金累计占比对人口累计占比的洛伦兹曲线与基尼系数。"))),
        ]
    }

    @Test func chartsMatchTheirGoldenFiles() throws {
        for document in try Self.documents() {
            try ChartGolden.check(document.svg, named: document.name)
        }
    }

    @Test func everyChartIsWellFormedAndLabelled() throws {
        for document in try Self.documents() {
            let reading = try #require(SVGReading.parse(document.svg), "\(document.name)")
            #expect(reading.root == "svg", "\(document.name)")
            #expect(reading.rootAttributes["role"] == "img", "\(document.name)")
            #expect(reading.rootAttributes["font-family"]?.hasPrefix("'Noto Sans CJK SC'") == true, "\(document.name)")
            #expect((reading.elements["title"] ?? 0) > 1 && reading.elements["desc"] == 1, "\(document.name)")
            #expect(!document.svg.contains("nan") && !document.svg.contains("inf") && !document.svg.contains("e+"), "\(document.name)")
        }
    }

    @Test func drawingTwiceGivesTheSameBytes() throws {
        #expect(try Self.documents().map(\.svg) == Self.documents().map(\.svg))
    }

    @Test func theSweepAxesStartAtZeroWithRoundTicks() throws {
        let svg = try #require(Self.documents().first { $0.name == "sweep.en.svg" }).svg
        let reading = try #require(SVGReading.parse(svg))
        for label in ["0", "200,000", "1,200,000", "2,500,000"] { #expect(reading.texts.contains(label), "\(label)") }
        #expect(!reading.texts.contains { $0.contains("1,082,238") })
    }

    @Test func anAxisNotFromZeroSaysSo() throws {
        let svg = try #require(Self.documents().first { $0.name == "parks.zh.svg" }).svg
        let reading = try #require(SVGReading.parse(svg))
        #expect(reading.texts.contains("年份（不从零开始）"))
        #expect(reading.texts.contains("2021") && reading.texts.contains("2025"))
        #expect(reading.texts.contains("园区数（个）") && reading.texts.contains("0"))
    }
}
