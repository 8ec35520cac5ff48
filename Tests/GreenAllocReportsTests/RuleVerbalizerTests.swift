import GreenAllocCore
@testable import GreenAllocReports
import Testing

/// Rules in plain words, both languages: columns by name, code values by label, no raw expression.
@Suite struct RuleVerbalizerTests {
    static let asOf = Day(year: 2022, month: 3, day: 31)

    static func words(_ source: String, _ language: ReportLanguage) -> String {
        RuleVerbalizer(language: language, asOf: asOf).sentence(source)
    }

    static let cases: [(source: String, zh: String, en: String)] = [
        ("park.status == 'revoked'", "所属园区的状态为称号已撤销", "its park's status is title revoked"),
        ("park.status in ['named_provincial','named_national','under_construction']",
            "所属园区的状态为省级生态工业园区、国家生态工业园区或创建中",
            "its park's status is provincial eco-industrial park, national eco-industrial park or under construction"),
        ("project.provincial_library in ['in_library','supplementary','funded']",
            "省级项目库状态为已入库、补充入库或已获支持",
            "the project's provincial library status is in the library, added later or funded"),
        ("project.maturity >= 'ready_to_start'", "前期工作阶段达到具备开工条件及以上",
            "the project's maturity is ready to start or beyond"),
        ("project.maturity < 'fs_approved'", "前期工作阶段尚未达到可研已批复",
            "the project's maturity is below feasibility study approved"),
        ("project.finance_tier in ['general','preferred']", "绿色金融库等级为一般或优选",
            "the project's green-finance tier is general or preferred"),
        ("project.category == 'capacity'", "项目类别为能力建设", "the project's category is capacity building"),
        ("project.category != 'soil'", "项目类别不为土壤", "the project's category is not soil"),
        ("park.barred_until > as_of", "所属园区的禁申截止日期晚于基准日（2022-03-31）",
            "its park's bar end date is after the as-of date (2022-03-31)"),
        ("park.barred_until is not missing and park.barred_until > as_of - 1095",
            "所属园区的禁申截止日期已填写，且所属园区的禁申截止日期晚于基准日（2022-03-31）前1,095天",
            "its park's bar end date is given and its park's bar end date is after 1,095 days before the as-of date (2022-03-31)"),
        ("project.investment >= 5000", "总投资不低于5,000", "the project's investment is at least 5,000"),
        ("5000 < project.investment", "总投资高于5,000", "the project's investment is above 5,000"),
        ("project.naming_prerequisite", "项目为园区命名必需项目", "the project is a naming prerequisite"),
        ("project.naming_prerequisite == false", "项目不是园区命名必需项目", "the project is not a naming prerequisite"),
        ("project.funded or project.finance_tier == 'preferred'", "项目已获补助，或绿色金融库等级为优选",
            "the project is funded or the project's green-finance tier is preferred"),
        ("not (park.status == 'rectifying')", "并非所属园区的状态为限期整改", "not its park's status is rectifying"),
        ("(park.status == 'revoked' or park.status == 'barred') and project.category == 'air'",
            "（所属园区的状态为称号已撤销，或所属园区的状态为禁申期内），且项目类别为大气",
            "(its park's status is title revoked or its park's status is barred) and the project's category is air"),
        ("project.county not in ['邹平市','博兴县']", "所属县区不属于「邹平市」、「博兴县」",
            "the project's county is none of “邹平市”, “博兴县”"),
        // Free columns and values off every list: shown as written, readably.
        ("park.review_score < 60", "所属园区的review_score低于60", "its park's review score is below 60"),
        ("city.region == 'west'", "所属城市的所属区域为「west」", "its city's region is “west”"),
        ("park.chemical", "所属园区的chemical为是", "its park's chemical is true"),
        ("park.status == 'moon'", "所属园区的状态为「moon」", "its park's status is “moon”"),
        ("fund.id == 'prov-special'", "所申报资金的编号为「prov-special」", "its fund's id is “prov-special”"),
        ("project.owner is missing", "项目单位未填写", "the project's owner is not given"),
        ("project.co2_t / project.investment > 0.5", "co2_t ÷ 总投资高于0.5",
            "the project's co2 t ÷ the project's investment is above 0.5"),
        ("-project.x * (project.y + 2) <= 1.25", "−x × (y + 2)不高于1.25",
            "−the project's x × (the project's y + 2) is at most 1.25"),
        ("project.start >= 2023-01-01", "start不早于2023-01-01", "the project's start is on or after 2023-01-01"),
        ("true", "所有项目", "every project"),
    ]

    @Test(arguments: 0..<cases.count)
    func plainWords(_ index: Int) {
        let item = Self.cases[index]
        #expect(Self.words(item.source, .zh) == item.zh, "\(item.source)")
        #expect(Self.words(item.source, .en) == item.en, "\(item.source)")
    }

    /// No sentence shows the expression language's own spelling (names with a dot, operators, quotes).
    @Test func noRawExpressionsLeft() {
        for item in Self.cases {
            for language in ReportLanguage.allCases {
                let text = Self.words(item.source, language)
                for raw in ["project.", "park.", "city.", "fund.", "==", "!=", ">=", "<=", "['", "']", "as_of", "_library"] {
                    #expect(!text.contains(raw), "\(item.source) → \(text)")
                }
            }
        }
    }

    /// A rule that does not parse is quoted, never a crash; deep nesting is fine.
    @Test func fallbacks() {
        #expect(Self.words("project.x ==", .zh) == "（规则：project.x ==）")
        #expect(Self.words("", .en) == "(rule: )")
        let deep = String(repeating: "not (", count: 90) + "project.x > 1" + String(repeating: ")", count: 90)
        #expect(Self.words(deep, .en).hasSuffix("not the project's x is above 1"))
    }
}
