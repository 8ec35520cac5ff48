import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing

@Suite struct OutputJSONTests {
    func parse(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func writerKeepsKeyOrderIndentsAndLeavesChineseUnescaped() {
        let value = JSONValue.object([
            ("z", .int(1)), ("a", .array([.string("中文"), .null, .bool(true)])), ("empty", .array([])),
            ("nested", .object([])),
        ])
        #expect(JSONWriter.render(value) == """
            {
              "z": 1,
              "a": [
                "中文",
                null,
                true
              ],
              "empty": [],
              "nested": {}
            }

            """)
    }

    @Test func writerEscapesPerRFC8259() throws {
        let text = "q\"b\\s/n\nr\rt\tb\u{08}f\u{0C}c\u{01}\u{1F}l\u{2028}p\u{2029}end"
        let rendered = JSONWriter.render(.string(text))
        #expect(rendered == "\"q\\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fc\\u0001\\u001fl\\u2028p\\u2029end\"\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }

    @Test func numbersAreShortestRoundTripAndNeverNaN() {
        #expect(JSONWriter.render(.double(300)) == "300.0\n")
        #expect(JSONWriter.render(.double(-0.0)) == "0.0\n")
        #expect(JSONWriter.render(.double(0.1)) == "0.1\n")
        #expect(JSONWriter.render(.double(Double.nan)) == "null\n")
        #expect(JSONWriter.render(.double(-Double.infinity)) == "null\n")
        #expect(JSONWriter.render(.double(nil as Double?)) == "null\n")
        #expect(JSONWriter.render(.money(12.345_649_9)) == "12.3456\n")
        #expect(JSONWriter.render(.money(0.000_04)) == "0.0\n")
        #expect(JSONWriter.render(.money(-0.000_04)) == "0.0\n")
        #expect(JSONWriter.render(.money(0.1 + 0.2)) == "0.3\n")
        #expect(JSONWriter.render(.money(Double.nan)) == "null\n")
    }

    @Test(arguments: [1.0 / 3.0, 0.1 + 0.2, 1e-7, 123_456_789.123_456_78, Double.leastNonzeroMagnitude, 1.797_693_134_862_315_7e308, 0.5217391304347826])
    func fullPrecisionNumbersRoundTrip(_ number: Double) throws {
        let rendered = JSONWriter.render(.array([.double(number)]))
        // Exact: the written text reads back as the same Double. (Foundation's JSONSerialization on Linux
        // parses some 17-digit numbers one ulp off, so it is only checked to be a valid JSON number.)
        #expect(Double(rendered.filter { !"[] \n".contains($0) }) == number)
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [NSNumber])
        let value = try #require(parsed.first?.doubleValue)
        #expect(abs(value - number) <= abs(number) * 1e-15)
    }

    @Test func allocationJSONHasExactlyTheSpecKeys() throws {
        let text = AllocationJSON.render(OutputFixtures.feasible, language: .zh)
        let object = try parse(text)
        #expect(Set(object.keys) == [
            "format", "scenario", "inputs_sha256", "status", "objective", "best_bound", "gap", "solver", "projects",
            "parks", "loan_stage", "loans", "limits", "targets", "findings",
        ])
        #expect(object["format"] as? String == "greenalloc.allocation/1")
        #expect(text.contains("\"objective\": 1462.0833333333333,\n"))
        #expect(text.contains("\"score\": 0.3333333333333333,\n"))
        #expect(text.contains("\"value\": 0.5217391304347826,\n"))
        let solver = try #require(object["solver"] as? [String: Any])
        #expect(Set(solver.keys) == ["name", "version"])
        let projects = try #require(object["projects"] as? [[String: Any]])
        #expect(projects.count == 11)
        for project in projects {
            #expect(Set(project.keys) == [
                "id", "name", "park", "city", "fund", "category", "funded", "share", "subsidy", "subsidy_total", "score",
                "why", "excluded_by", "reasons",
            ])
        }
        let second = projects[1]
        #expect((second["subsidy"] as? [String: NSNumber])?.mapValues(\.doubleValue) == ["2022": 150, "2023": 300])
        #expect((projects[2]["subsidy"] as? [String: NSNumber])?.keys.sorted() == ["2023"])
        #expect((projects[5]["subsidy"] as? [String: Any])?.isEmpty == true)
        #expect(projects[5]["fund"] is NSNull)
        let excluded = try #require(projects[3]["excluded_by"] as? [[String: String]])
        #expect(excluded == [["rule": "撤销园区", "reason": "园区称号已撤销"], ["rule": "禁申期", "reason": "三年内不得重新申报"]])
        #expect(projects[3]["reasons"] as? [String] == ["被排除规则「撤销园区」排除：园区称号已撤销", "被排除规则「禁申期」排除：三年内不得重新申报"])

        let parks = try #require(object["parks"] as? [[String: Any]])
        #expect(Set(parks[0].keys) == ["id", "named_in", "award", "name", "city"])
        let loanStage = try #require(object["loan_stage"] as? [String: Any])
        #expect(Set(loanStage.keys) == ["status", "objective"])
        let loans = try #require(object["loans"] as? [[String: Any]])
        #expect(Set(loans[0].keys) == ["project", "bank", "rank", "amount", "loan_score"])
        let limits = try #require(object["limits"] as? [[String: Any]])
        #expect(Set(limits[0].keys) == ["name", "group", "year", "value", "max", "binding"])
        #expect(Set(limits[2].keys) == ["name", "value", "max", "binding"])
        #expect(Set(limits[3].keys) == ["name", "group", "value", "min", "binding"])
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(Set(targets[0].keys) == ["name", "value", "min", "met", "metric", "year", "hard"])
    }

    @Test func infeasibleAllocationCarriesTheDiagnosis() throws {
        let text = AllocationJSON.render(OutputFixtures.infeasible, language: .zh)
        let object = try parse(text)
        #expect(object["status"] as? String == "infeasible")
        #expect(object["objective"] is NSNull)
        #expect(object["loan_stage"] is NSNull)
        let diagnosis = try #require(object["diagnosis"] as? [String: Any])
        #expect(Set(diagnosis.keys) == ["minimal", "conflict", "relax", "explanation"])
        let conflict = try #require(diagnosis["conflict"] as? [[String: Any]])
        #expect(conflict.map { Set($0.keys) } == [
            ["kind", "rule", "group", "year"], ["kind", "project"], ["kind", "fund", "year"], ["kind", "rule"],
            ["kind", "project"], ["kind", "group"], ["kind", "rule"],
        ])
        #expect(conflict.map { $0["kind"] as? String } == ["limit", "lock", "budget", "target", "requires", "exclusive", "limit"])
        let relax = try #require(diagnosis["relax"] as? [[String: Any]])
        #expect(Set(relax[0].keys) == ["kind", "fund", "year", "by", "alone"])
        #expect(relax.map { $0["alone"] as? Bool } == [true, false, false])
        #expect(text.contains("\"by\": 0.021739130434782594,\n"))
        #expect(try parse(AllocationJSON.render(OutputFixtures.feasible))["diagnosis"] == nil)
    }

    @Test func onlyReasonsDependOnTheLanguage() throws {
        let chinese = try parse(AllocationJSON.render(OutputFixtures.feasible, language: .zh))
        let english = try parse(AllocationJSON.render(OutputFixtures.feasible, language: .en))
        let reasons = (english["projects"] as? [[String: Any]])?.first?["reasons"] as? [String]
        #expect(reasons == ["funded in full", "locked in: funded at its maximum", "bonus 成熟项目优先 ×1.15"])
        #expect(Set(chinese.keys) == Set(english.keys))
        #expect(chinese["limits"] as? NSArray == english["limits"] as? NSArray)
    }

    @Test func reasonTextsInBothLanguages() {
        let zh = ReasonText(language: .zh, fundNames: ["prov-special": "省生态环境保护专项资金"])
        let en = ReasonText(language: .en, fundNames: ["prov-special": "省生态环境保护专项资金"])
        #expect(zh.text(.excludedBy(rule: "撤销园区", reason: "园区称号已撤销")) == "被排除规则「撤销园区」排除：园区称号已撤销")
        #expect(en.text(.excludedBy(rule: "撤销园区", reason: "title revoked")) == "excluded by rule 撤销园区: title revoked")
        #expect(zh.text(.ineligible(fund: "prov-special", rule: "r1")) == "不符合资金「省生态环境保护专项资金」申报条件（规则 r1）")
        #expect(zh.text(.minShareImpossible(cap: 0, minShare: 0.6, limitedBy: "share_of_investment"))
            == "补助占总投资比例上限为 0，无法补助")
        #expect(en.text(.minShareImpossible(cap: 0, minShare: 1, limitedBy: "per_project")) == "the fund's per-project cap allows nothing")
        #expect(zh.text(.fundedAtCap(share: 0.8629, limitedBy: "per_project")) == "按上限补助：申请额的 86.29%（单个项目补助上限）")
        #expect(en.text(.fundedAtCap(share: 0.5, limitedBy: "share_of_investment"))
            == "funded at its cap: 50% of the request (the cap on the share of investment)")
        #expect(zh.text(.outsideHorizon(years: [2025])) == "申请补助的年度（2025年）不在规划期内，本期不予安排")
        #expect(en.text(.outsideHorizon(years: [])) == "no request inside the horizon")
        #expect(zh.text(.laterYearNeeds([YearlyAmount(year: 2025, amount: 120.5), YearlyAmount(year: 2026, amount: 3)]))
            == "后续年度需求：2025年 120.5万元、2026年 3万元（规划期外，本期不安排）")
        #expect(en.text(.laterYearNeeds([YearlyAmount(year: 2025, amount: 120.5)]))
            == "later-year needs: 120.5万 in 2025 (after the horizon, not funded here)")
        #expect(zh.text(.requiresUnfundable(project: "P0123")) == "依赖项目 P0123 无法获得补助")
        #expect(zh.text(.notChosen) == "未入选：预算与规则约束下得分不足")
        #expect(zh.text(.fundedFull) == "全额补助")
        #expect(zh.text(.fundedPartial(share: 0.75)) == "部分补助 75%")
        #expect(zh.text(.fundedPartial(share: 0.123_456)) == "部分补助 12.35%")
        #expect(zh.text(.namingPrerequisite(park: "K012", named: true)) == "命名前置项目（园区 K012，已命名）")
        #expect(zh.text(.bonus(name: "成熟项目优先", factor: 1.15)) == "加分「成熟项目优先」×1.15")
        #expect(ReasonText.render(.loanOnly) == "仅申请贷款，未申请补助")
        #expect(ReasonText.render(.fundedPartial(share: 0.75), language: .en) == "funded in part: 75%")
    }

    @Test func moneyFormatIsLocaleIndependent() {
        #expect(MoneyFormat.display(1_234_567.891) == "1,234,567.89")
        #expect(MoneyFormat.display(-1234.5) == "-1,234.50")
        #expect(MoneyFormat.display(-0.001) == "0.00")
        #expect(MoneyFormat.display(999.995) == "1,000.00")
        #expect(MoneyFormat.display(0) == "0.00")
        #expect(MoneyFormat.plain(300) == "300")
        #expect(MoneyFormat.plain(12.5) == "12.5")
        #expect(MoneyFormat.plain(1e-4) == "0.0001")
        #expect(MoneyFormat.plain(1e9) == "1000000000")
        #expect(MoneyFormat.percent(0.375) == "37.5%")
    }
}
