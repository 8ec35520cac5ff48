import Foundation
import Spreadsheet
import Testing

/// allocation.xlsx carries the policy instruments' tables (资金结转, 因素法分市额度) when the scenario uses them, with
/// the figures of allocation.json, read back with the xlsx reader; a scenario without them has no such sheets.
@Suite struct PolicyWorkbookTests {
    @Test func carryOverAndEnvelopeSheets() throws {
        let yaml = PolicyInstrumentTests.factorYAML(["mode: hard"]).replacingOccurrences(
            of: "budget: {2022: 100, 2023: 0}}", with: "budget: {2022: 100, 2023: 0}, carry_over: true}")
        let fixture = try ScenarioFixture(yaml: yaml, projects: PolicyInstrumentTests.factorProjects, cities: PolicyInstrumentTests.cities)
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--no-history"])
        #expect(result.code == 0, "\(result.error)")
        let reader = try WorkbookReader(path: out + "/allocation.xlsx")
        #expect(reader.sheetNames.suffix(2) == ["资金结转", "因素法分市额度"])
        // P1 alone (60 of 济南's 70.8333 in 2022): 40 left in 2022 and carried into 2023.
        let carry = try #require(try reader.table(sheet: "资金结转"))
        #expect(carry.header == ["资金", "年度", "预算", "期初结余", "上年结转", "可用", "已用", "结余", "结转下年"])
        #expect(carry.rows.map { Array($0.prefix(2)) } == [["专项资金（f1）", "2022"], ["专项资金（f1）", "2023"]])
        #expect(carry.rows.first.map { $0.suffix(3).map { Double($0) ?? .nan } } == [60, 40, 40])
        #expect(carry.rows.last.map { [Double($0[4]), Double($0[6])] } == [40, 0])
        let envelopes = try #require(try reader.table(sheet: "因素法分市额度"))
        let jinan = try #require(envelopes.rows.first { $0[1] == "济南市（370100）" && $0[2] == "2022" })
        #expect(abs((Double(jinan[4]) ?? .nan) - 70.8333) < 1e-9)
        #expect(Double(jinan[5]) == 60)
        #expect(abs((Double(jinan[6]) ?? .nan) - (60 - 70.8333)) < 1e-9)
        #expect(envelopes.rows.count == 4)
    }

    @Test func noPolicySheetsWithoutTheInstruments() throws {
        let fixture = try WhatIfTests.fixture()
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--no-history"])
        #expect(result.code == 0, "\(result.error)")
        let names = try WorkbookReader(path: out + "/allocation.xlsx").sheetNames
        #expect(!names.contains("资金结转") && !names.contains("因素法分市额度") && !names.contains("园区复查"))
    }
}
