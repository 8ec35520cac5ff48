@testable import Charts
import Testing

@Suite struct ChartNumberTests {
    @Test(arguments: [
        (1234567.891, 2, "1,234,567.89"), (0.1 + 0.2, 1, "0.3"), (0, 2, "0.00"), (-0.004, 2, "0.00"), (-1234.5, 0, "-1,235"),
        (999.995, 2, "1,000.00"), (42, 0, "42"), (0.05, 2, "0.05"), (123, 3, "123.000"),
    ])
    func fixedDecimalsWithGrouping(_ value: Double, _ decimals: Int, _ text: String) {
        #expect(ChartNumber.fixed(value, decimals: decimals) == text)
    }

    @Test func compactDropsTrailingZerosAndNoise() {
        #expect(ChartNumber.compact(0.1 + 0.2, decimals: 4) == "0.3")
        #expect(ChartNumber.compact(12.5, decimals: 4) == "12.5")
        #expect(ChartNumber.compact(2872.7999999999997, decimals: 4) == "2,872.8")
        #expect(ChartNumber.compact(-57.599999999999994, decimals: 4, grouping: false) == "-57.6")
        #expect(ChartNumber.compact(100, decimals: 4) == "100")
        #expect(ChartNumber.compact(.nan, decimals: 2) == "—")
        #expect(ChartNumber.compact(1e20, decimals: 2) == "1e+20")
        #expect(ChartNumber.compact(123_456_789_012.3456, decimals: 4) == "123,456,789,012.3456")
    }

    @Test func formatsCarryTheirUnits() {
        #expect(ValueFormat.wan.value(1234.56789) == "1,234.5679万元")
        #expect(ValueFormat.shareAsPercent.value(0.305) == "30.5%")
        #expect(ValueFormat.shareAsPercent.value(0.07) == "7%")
        #expect(ValueFormat.tonnesPerYear.value(1520.456) == "1,520.46 t/a")
        #expect(ValueFormat.percent.tick(30, decimals: 0) == "30%")
        #expect(ValueFormat.wan.tick(200_000, decimals: 0) == "200,000")
    }

    @Test func coordinatesAndTextAreSafeForXML() {
        #expect(SVGCanvas.number(12.345) == "12.35" && SVGCanvas.number(-0.001) == "0" && SVGCanvas.number(.infinity) == "0")
        #expect(SVGCanvas.escaped("A&B <c> \"d\" 'e'\u{1}\u{FFFF}") == "A&amp;B &lt;c&gt; &quot;d&quot; &apos;e&apos;")
        #expect(SVGDocument.identifier("2024 预算") == "c2024---")
        #expect(SVGDocument.identifier("sweep-zh") == "sweep-zh")
    }

    @Test func textWidthsCountWideCharactersAsOneEm() {
        #expect(TextMetrics.width("济南市", fontSize: 10) == 30)
        #expect(TextMetrics.width("黄河三角洲国家级自然保护区管理局", fontSize: 11) > TextMetrics.width("Jinan", fontSize: 11) * 4)
        let cut = TextMetrics.truncated("黄河三角洲国家级自然保护区管理局", toWidth: 60, fontSize: 10)
        #expect(cut == "黄河三角洲…")
        #expect(TextMetrics.width(cut, fontSize: 10) <= 60)
    }
}
