import Foundation
import Testing

/// The corpus of broken inputs: every key and column of scenario-format §3 mistyped, missing, duplicated or out of
/// range, broken quoting and encodings, garbage, alias bombs and deep nesting. Each case must end with exit
/// 65, name the file and the exact line (and field, for tables) where the input is wrong, and write nothing.
enum HardeningCorpus {
    typealias B = HardeningBase

    static let billionLaughs: String = {
        var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let deepFlow = "scenario: [" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_001) + "\n"

    static let deepBlock: String = {
        var text = "scenario: test\nobjective:\n"
        for level in 1...100 { text += String(repeating: "  ", count: level) + "k\(level):\n" }
        return text + String(repeating: "  ", count: 101) + "leaf\n"
    }()

    /// A 10,000-character `where` that breaks at its very end.
    static let longBrokenExpression: String = {
        var text = "project.benefit > 0"
        while text.count < 10_000 { text += " or project.benefit > 0" }
        return text + " or project.benefit >"
    }()

    static let yamlCases: [BrokenInput] = [
        .yaml("yaml_empty_file", "", line: 1),
        .yaml("yaml_only_comments", "# nothing here\n", line: 1),
        .yaml("yaml_a_list_not_a_mapping", "- scenario: test\n", line: 1),
        .yamlBytes("yaml_random_bytes", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, line: 1),
        .yamlBytes("yaml_utf16", [0xFF, 0xFE] + Array(B.yaml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), line: 1),
        .yamlBytes("yaml_nul_byte", Array("scenario: test\n".utf8) + [0] + Array("years: [2022]\n".utf8), line: 1),
        .yaml("yaml_billion_laughs", billionLaughs, line: 6),
        .yaml("yaml_deep_flow_nesting", deepFlow, line: 1),
        .yaml("yaml_deep_block_nesting", deepBlock, line: 67),
        .yaml("yaml_unterminated_quote", B.replacing("name: 专项资金", with: "name: \"专项资金"), line: 10),
        .yaml("yaml_tab_indentation", B.replacing("  - id: f1\n", with: "\t- id: f1\n"), line: 9),
        .yaml("yaml_duplicate_key", B.yaml + "years: [2022]\n", line: 15),
        .yaml("yaml_unknown_top_key", B.yaml + "fundz: []\n", line: 15),
        .yaml("yaml_mapping_key_is_a_list", B.yaml + "[a, b]: 1\n", line: 15),
        .yaml("scenario_missing", B.replacing("scenario: test\n", with: ""), line: 1),
        .yaml("scenario_is_a_list", B.replacing("scenario: test", with: "scenario: [a, b]"), line: 1),
        .yaml("as_of_not_a_date", B.replacing("as_of: 2022-03-31", with: "as_of: 2022-13-45"), line: 2),
        .yaml("years_not_a_list", B.replacing("years: [2022, 2023]", with: "years: 2022"), line: 3),
        .yaml("years_not_numbers", B.replacing("years: [2022, 2023]", with: "years: [2022, 二〇二三]"), line: 3),
        .yaml("years_duplicated", B.replacing("years: [2022, 2023]", with: "years: [2022, 2022]"), line: 3),
        .yaml("years_out_of_order", B.replacing("years: [2022, 2023]", with: "years: [2023, 2022]"), line: 3),
        .yaml("years_out_of_range", B.replacing("years: [2022, 2023]", with: "years: [99999999999999999999]"), line: 3),
        .yaml("tables_missing_projects", B.replacing("  projects: projects.csv\n", with: ""), line: 5),
        .yaml("tables_unknown_table", B.replacing("  projects: projects.csv\n", with: "  projects: projects.csv\n  fund: x.csv\n"), line: 8),
        .yaml("tables_path_is_a_mapping", B.replacing("projects: projects.csv", with: "projects: {file: projects.csv}"), line: 7),
        .yaml("funds_missing", B.replacing("funds:\n  - id: f1\n    name: 专项资金\n    budget: {2022: 100, 2023: 100}\n", with: ""), line: 1),
        .yaml("funds_not_a_list", B.replacing("funds:\n  - id: f1", with: "funds: f1\nfoo:\n  - id: f1"), line: 8),
        .yaml("fund_id_missing", B.replacing("  - id: f1\n    name:", with: "  - name:"), line: 9),
        .yaml("fund_id_duplicated", B.replacing("objective:", with: "  - id: f1\n    budget: 5\nobjective:"), line: 12),
        .yaml("fund_unknown_key", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    budjet: 5"), line: 11),
        .yaml("fund_budget_missing", B.replacing("    budget: {2022: 100, 2023: 100}\n", with: ""), line: 9),
        .yaml("fund_budget_negative", B.replacing("{2022: 100, 2023: 100}", with: "{2022: -5, 2023: 100}"), line: 11),
        .yaml("fund_budget_12o0", B.replacing("{2022: 100, 2023: 100}", with: "{2022: 12o0, 2023: 100}"), line: 11),
        .yaml("fund_budget_inf", B.replacing("{2022: 100, 2023: 100}", with: ".inf"), line: 11),
        .yaml("fund_budget_nan", B.replacing("{2022: 100, 2023: 100}", with: "{2022: .nan}"), line: 11),
        .yaml("fund_budget_overflow", B.replacing("{2022: 100, 2023: 100}", with: "{2022: 1e999}"), line: 11),
        .yaml("fund_budget_year_not_a_year", B.replacing("{2022: 100, 2023: 100}", with: "{twenty: 100}"), line: 11),
        .yaml("fund_budget_is_a_list", B.replacing("{2022: 100, 2023: 100}", with: "[100, 100]"), line: 11),
        .yaml("fund_kind_unknown", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    kind: subsidy"), line: 11),
        .yaml("fund_share_of_investment_above_one", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    share_of_investment: 1.5"), line: 11),
        .yaml("fund_share_of_investment_zero", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    share_of_investment: 0"), line: 11),
        .yaml("fund_per_project_negative", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    per_project: -1"), line: 11),
        .yaml("fund_eligible_syntax_error", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    eligible: \"project.category ==\""), line: 11),
        .yaml("fund_eligible_unknown_column", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    eligible: \"project.categroy == 'air'\""), line: 11),
        .yaml("fund_eligible_not_a_condition", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    eligible: \"project.benefit + 1\""), line: 11),
        .yaml("fund_eligible_is_a_list", B.replacing("    name: 专项资金", with: "    name: 专项资金\n    eligible: [a]"), line: 11),
        .yaml("fund_naming_award_without_award", B.replacing("objective:", with: "  - id: award\n    kind: naming_award\n    budget: 300\nobjective:"), line: 12),
        .yaml("fund_two_naming_awards", B.replacing("objective:", with: "  - id: a1\n    kind: naming_award\n    award: 300\n    budget: 300\n  - id: a2\n    kind: naming_award\n    award: 300\n    budget: 300\nobjective:"), line: 16),
        .yaml("limit_name_missing", B.yaml + "limits:\n  - sum: subsidy\n    max: 5\n", line: 16),
        .yaml("limit_name_duplicated", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    max: 5\n  - name: L\n    sum: count\n    max: 5\n", line: 19),
        .yaml("limit_per_year_on_count", B.yaml + "limits:\n  - name: L\n    sum: count\n    per_year: true\n    max: 5\n", line: 18),
        .yaml("limit_per_year_not_boolean", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    per_year: sometimes\n    max: 5\n", line: 18),
        .yaml("limit_unknown_fund", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    fund: f9\n    max: 5\n", line: 16),
        .yaml("limit_unknown_sum", B.yaml + "limits:\n  - name: L\n    sum: money\n    max: 5\n", line: 16),
        .yaml("limit_without_bound", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n", line: 16),
        .yaml("limit_min_above_max", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    min: 10\n    max: 5\n", line: 16),
        .yaml("limit_max_share_above_one", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    max_share: 1.5\n", line: 18),
        .yaml("limit_max_nan", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    max: .NaN\n", line: 18),
        .yaml("limit_group_by_unknown_column", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    group_by: county\n    max: 5\n", line: 16),
        .yaml("limit_where_10000_characters_broken_at_the_end", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    where: \"\(longBrokenExpression)\"\n    max: 5\n", line: 18),
        .yaml("limit_where_nested_10000_parentheses", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    where: \"\(String(repeating: "(", count: 10_000))true\(String(repeating: ")", count: 10_000))\"\n    max: 5\n", line: 18),
        .yaml("limit_where_unterminated_string", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    where: \"project.category == 'air\"\n    max: 5\n", line: 18),
        .yaml("limit_where_type_clash", B.yaml + "limits:\n  - name: L\n    sum: subsidy\n    where: \"project.category > 5\"\n    max: 5\n", line: 18),
        .yaml("exclude_when_missing", B.yaml + "exclude:\n  - name: E\n    reason: x\n", line: 16),
        .yaml("exclude_not_a_list", B.yaml + "exclude: {name: E}\n", line: 15),
        .yaml("objective_missing", B.replacing("objective:\n  maximize: benefit\n  weights: {benefit: 1}\n", with: ""), line: 1),
        .yaml("objective_maximize_and_minimize", B.replacing("  maximize: benefit\n", with: "  maximize: benefit\n  minimize: subsidy\n"), line: 13),
        .yaml("objective_maximize_unknown", B.replacing("maximize: benefit", with: "maximize: happiness"), line: 13),
        .yaml("objective_weight_unknown_column", B.replacing("{benefit: 1}", with: "{co2_t: 1}"), line: 14),
        .yaml("objective_weight_not_a_number", B.replacing("{benefit: 1}", with: "{benefit: high}"), line: 14),
        .yaml("objective_naming_value_negative", B.yaml + "  naming_value: -3\n", line: 15),
        .yaml("objective_bonus_factor_missing", B.yaml + "  bonuses:\n    - name: X\n      when: \"true\"\n", line: 16),
        .yaml("target_metric_unknown", B.yaml + "targets:\n  - name: T\n    metric: happiness\n    min: 1\n", line: 16),
        .yaml("target_min_missing", B.yaml + "targets:\n  - name: T\n    metric: benefit\n", line: 16),
        .yaml("target_penalty_negative", B.yaml + "targets:\n  - name: T\n    metric: benefit\n    min: 1\n    penalty: -1\n", line: 19),
        .yaml("solver_time_limit_negative", B.yaml + "solver: {time_limit: -1}\n", line: 15),
        .yaml("solver_mip_gap_one", B.yaml + "solver: {mip_gap: 1}\n", line: 15),
        .yaml("solver_unknown_key", B.yaml + "solver: {threads: 8}\n", line: 15),
        .yaml("loans_without_banks_table", B.yaml + "loans:\n  name: 贴息\n", line: 16),
        .yaml("extends_missing_file", B.yaml + "extends: nowhere.yaml\n", line: 15),
        .yaml("extends_itself", B.yaml + "extends: scenario.yaml\n", line: 1),
    ]

    static let projectCases: [BrokenInput] = [
        .table("projects_duplicate_id", "projects.csv", .text(B.projects(row2: ["id": "P1"])), line: 3, column: 1),
        .table("projects_empty_id", "projects.csv", .text(B.projects(row2: ["id": ""])), line: 3, column: 1),
        .project("projects_unknown_park", ["park": "K9"], column: "park"),
        .project("projects_missing_park", ["park": ""], column: "park"),
        .project("projects_unknown_fund", ["fund": "f9"], column: "fund"),
        .project("projects_requires_unknown", ["requires": "P1;P9"], column: "requires"),
        .project("projects_requires_itself", ["requires": "P2"], column: "requires"),
        .project("projects_bad_maturity", ["maturity": "almost_ready"], column: "maturity"),
        .project("projects_bad_lock", ["lock": "maybe"], column: "lock"),
        .project("projects_min_share_zero", ["min_share": "0"], column: "min_share"),
        .project("projects_min_share_above_one", ["min_share": "1.5"], column: "min_share"),
        .project("projects_min_share_text", ["min_share": "half"], column: "min_share"),
        .project("projects_naming_prerequisite_not_boolean", ["naming_prerequisite": "maybe"], column: "naming_prerequisite"),
        .project("projects_investment_12o0", ["investment": "12o0"], column: "investment"),
        .project("projects_investment_missing", ["investment": ""], column: "investment"),
        .project("projects_investment_negative", ["investment": "-1000"], column: "investment"),
        .project("projects_request_inf", ["request_2022": "inf"], column: "request_2022"),
        .project("projects_request_nan", ["request_2022": "NaN"], column: "request_2022"),
        .project("projects_request_overflow", ["request_2022": "1e400"], column: "request_2022"),
        // `1,000` is a number as Excel shows it; separators out of their groups of three are not.
        .project("projects_request_bad_thousands_grouping", ["request_2022": "\"1,00,0\""], column: "request_2022"),
        .project("projects_request_negative", ["request_2022": "-50"], column: "request_2022"),
        .table(
            "projects_missing_column_park", "projects.csv",
            .text(B.projects.replacingOccurrences(of: "id,name,park,", with: "id,name,parc,")), line: 1, column: 1),
        .table(
            "projects_duplicate_column", "projects.csv",
            .text(B.projects.replacingOccurrences(of: ",benefit\n", with: ",name\n")), line: 1, column: 15),
        .table(
            "projects_no_request_columns", "projects.csv",
            .text(B.projects.replacingOccurrences(of: "request_2022,request_2023", with: "ask_2022,ask_2023")), line: 1),
        .table(
            "projects_request_and_request_year", "projects.csv",
            .text(B.projects.replacingOccurrences(of: "request_2022,request_2023", with: "request,request_2023")), line: 1),
        .table(
            "projects_unterminated_quote", "projects.csv",
            .text(B.projects.replacingOccurrences(of: "P2,b,", with: "P2,\"b,")), line: 3, column: 2),
        .table(
            "projects_quote_inside_unquoted_cell", "projects.csv",
            .text(B.projects.replacingOccurrences(of: "P2,b,", with: "P2,b\"x,")), line: 3, column: 2),
        .table(
            "projects_text_after_closing_quote", "projects.csv",
            .text(B.projects.replacingOccurrences(of: "P2,b,", with: "P2,\"b\" x,")), line: 3, column: 2),
        .table(
            "projects_extra_cells", "projects.csv", .text(B.projects.replacingOccurrences(of: ",,,,,,,,50\n", with: ",,,,,,,,50,extra\n")),
            line: 3, column: 16),
        .table("projects_empty_file", "projects.csv", .text(""), line: 1, column: 1),
        .table("projects_only_blank_lines", "projects.csv", .text("\n\n\r\n"), line: 1, column: 1),
        .table("projects_utf16", "projects.csv", .bytes([0xFF, 0xFE] + B.projects.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), line: 1),
        .table("projects_utf16_without_bom", "projects.csv", .bytes(B.projects.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), line: 1),
        .table("projects_xlsx_workbook", "projects.csv", .bytes([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 64)), line: 1),
        .table("projects_binary_garbage", "projects.csv", .bytes((0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 7) }), line: 1),
        .table(
            "projects_utf8_bom_then_bad_byte", "projects.csv",
            .bytes([0xEF, 0xBB, 0xBF] + Array(B.projects.replacingOccurrences(of: "P2,b,", with: "P2,b|,").utf8).split(separator: 0x7C, omittingEmptySubsequences: false).joined(separator: [0xFF])), line: 3),
        .table(
            "projects_file_missing", "elsewhere.csv", .text(""), line: 1,
            yaml: B.replacing("projects: projects.csv", with: "projects: elsewhere.csv")),
    ]

    static let otherTableCases: [BrokenInput] = [
        .table("parks_bad_status", "parks.csv", .text(ScenarioFixture.defaultParks.replacingOccurrences(of: "under_construction", with: "building")), line: 3, column: 4),
        .table("parks_unknown_city", "parks.csv", .text(ScenarioFixture.defaultParks.replacingOccurrences(of: "K2,乙园区,370200", with: "K2,乙园区,379999")), line: 3, column: 3),
        .table("parks_duplicate_id", "parks.csv", .text(ScenarioFixture.defaultParks.replacingOccurrences(of: "K3,", with: "K2,")), line: 4, column: 1),
        .table("parks_bad_barred_until", "parks.csv", .text(ScenarioFixture.defaultParks.replacingOccurrences(of: "K3,丙园区,370200,revoked,,", with: "K3,丙园区,370200,revoked,2025-02-30,")), line: 4, column: 5),
        .table("parks_naming_year_fraction", "parks.csv", .text(ScenarioFixture.defaultParks.replacingOccurrences(of: "K2,乙园区,370200,under_construction,,", with: "K2,乙园区,370200,under_construction,,2023.5")), line: 3, column: 6),
        .table("parks_missing_status_column", "parks.csv", .text("id,name,city\nK1,甲,370100\nK2,乙,370200\nK3,丙,370200\n"), line: 1, column: 1),
        .table("cities_duplicate_id", "cities.csv", .text("id,name\n370100,济南市\n370100,青岛市\n370200,青岛市\n"), line: 3, column: 1),
        .table("cities_missing_name_column", "cities.csv", .text("id,region\n370100,east\n370200,east\n"), line: 1, column: 1),
        .table("cities_empty_header_name", "cities.csv", .text("id,,name\n370100,x,济南市\n370200,y,青岛市\n"), line: 1, column: 2),
        .table(
            "banks_negative_capacity", "banks.csv", .text("id,name,capacity\nB1,甲银行,-100\n"), line: 2, column: 3,
            yaml: B.replacing("  projects: projects.csv\n", with: "  projects: projects.csv\n  banks: banks.csv\n")),
        .table(
            "banks_unknown_city", "banks.csv", .text("id,name,capacity,cities\nB1,甲银行,100,370100;379999\n"), line: 2, column: 4,
            yaml: B.replacing("  projects: projects.csv\n", with: "  projects: projects.csv\n  banks: banks.csv\n")),
        .table(
            "banks_bad_min_tier", "banks.csv", .text("id,name,capacity,min_tier\nB1,甲银行,100,gold\n"), line: 2, column: 4,
            yaml: B.replacing("  projects: projects.csv\n", with: "  projects: projects.csv\n  banks: banks.csv\n")),
    ]

    static let all = yamlCases + projectCases + otherTableCases
}

@Suite struct HardeningCorpusTests {
    @Test func theCorpusIsLargeAndNamedUniquely() {
        #expect(HardeningCorpus.all.count >= 40)
        #expect(Set(HardeningCorpus.all.map(\.name)).count == HardeningCorpus.all.count)
    }

    @Test(arguments: HardeningCorpus.all)
    func brokenInputIsAnInputErrorAtItsLine(_ input: BrokenInput) throws {
        let fixture = try HardeningFixture(input.files)
        defer { fixture.remove() }
        let result = fixture.solveToOut()
        #expect(result.code == 65, "\(input.name): exit \(result.code)\n\(result.error)")
        let expected = "\(fixture.path(input.at.file)):\(input.at.line):" + (input.at.column.map { "\($0)" } ?? "")
        let locations = errorLocations(result.error)
        #expect(
            locations.contains { $0.hasPrefix(expected) && (input.at.column != nil || $0.count > expected.count) },
            "\(input.name): expected an error at \(expected)\n\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: fixture.outPath), "\(input.name) wrote \(fixture.outPath)")
        #expect(fixture.strayEntries.isEmpty, "\(input.name) left \(fixture.strayEntries)")
        #expect(result.out.isEmpty)
    }

    @Test func aBadNumberIsReportedOnItsOwnLineOnly() throws {
        // One `12o0` must not turn every other investment into an error.
        let fixture = try HardeningFixture(["projects.csv": .text(HardeningBase.projects(row2: ["investment": "12o0"]))])
        defer { fixture.remove() }
        let result = fixture.solveToOut()
        #expect(result.code == 65)
        #expect(errorLocations(result.error) == ["\(fixture.path("projects.csv")):3:6"], "\(result.error)")
    }

    @Test func everyErrorOfARunIsReported() throws {
        // Three broken cells on three lines: all three in one run.
        let projects = HardeningBase.projects
            .replacingOccurrences(of: "P1,a,K1,", with: "P1,a,K9,")
            .replacingOccurrences(of: "P2,b,K1,f1,air,1000,50,,,", with: "P2,b,K1,f1,air,1000,50,,,maybe")
            .replacingOccurrences(of: "P3,c,K2,f1,", with: "P3,c,K2,f9,")
        let fixture = try HardeningFixture(["projects.csv": .text(projects)])
        defer { fixture.remove() }
        let result = fixture.solveToOut()
        #expect(result.code == 65)
        let file = fixture.path("projects.csv")
        #expect(errorLocations(result.error) == ["\(file):2:3", "\(file):3:10", "\(file):4:4"], "\(result.error)")
    }

    @Test func gb18030TablesRunNormally() throws {
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        // 济南市 / 青岛市 in GB18030, as Excel in China saves them.
        let cities: [UInt8] =
            Array("id,name,region\n370100,".utf8) + [0xBC, 0xC3, 0xC4, 0xCF, 0xCA, 0xD0] + Array(",east\n370200,".utf8)
            + [0xC7, 0xE0, 0xB5, 0xBA, 0xCA, 0xD0] + Array(",east\n".utf8)
        try Data(cities).write(to: URL(fileURLWithPath: fixture.path("cities.csv")))
        let result = fixture.solveToOut()
        #expect(result.code == 0, "\(result.error)")
        #expect(FileManager.default.fileExists(atPath: fixture.outPath + "/allocation.json"))
    }

    @Test func aLongValidExpressionRunsNormally() throws {
        var expression = "project.benefit > 0"
        while expression.count < 10_000 { expression += " and project.category != 'capacity'" }
        let yaml = HardeningBase.yaml + "limits:\n  - name: L\n    sum: subsidy\n    where: \"\(expression)\"\n    max: 100\n"
        let fixture = try HardeningFixture(yaml: yaml)
        defer { fixture.remove() }
        let result = fixture.solveToOut()
        #expect(result.code == 0, "\(result.error)")
    }
}
