public import GreenAllocCore

/// report.md: the human report, Chinese by default (`.en` for English). GitHub-flavoured Markdown;
/// money in 万元 with thousands separators and 2 decimals, written by `MoneyFormat` (locale-independent).
/// Same allocation, same bytes.
///
/// Sections: summary, funds (budget vs used per year), years, 分市下达表 (per city), categories, targets,
/// binding limits, newly named parks, funded projects (by city id, then id), unfunded projects (counts per
/// why code, then the list), loans (when any), presolve findings (when any), diagnosis (when infeasible),
/// notes on units.
public enum ReportMarkdown {
    public static func render(_ allocation: Allocation, language: ReportLanguage = .zh) -> String {
        var report = Report(allocation: allocation, language: language)
        report.build()
        return report.document.markdown()
    }
}

extension ReportMarkdown {
    /// The report being written, section by section (`build`).
    struct Report {
        let allocation: Allocation
        let language: ReportLanguage
        let words: ReasonText
        let rules: ConflictRuleText
        let cityNames: [String: String]
        /// `cityLabel`'s spelling for each city, made once.
        let cityLabels: [String: String]
        /// The funded projects, in the allocation's order.
        let fundedProjects: [ProjectOutcome]
        var document = ReportDocument()

        init(allocation: Allocation, language: ReportLanguage) {
            let allocation = allocation.inLanguage(language)
            self.allocation = allocation
            self.language = language
            self.words = ReasonText(language: language, allocation: allocation)
            self.rules = ConflictRuleText(language: language, allocation: allocation)
            var names: [String: String] = [:]
            for city in allocation.cities { names[city.id] = city.name }
            self.cityNames = names
            var labels: [String: String] = [:]
            for (id, name) in names {
                let label = "\(name)（\(id)）"
                labels[id] = language == .zh ? label : label.replacingFullWidthParentheses()
            }
            self.cityLabels = labels
            self.fundedProjects = allocation.projects.filter(\.funded)
        }

        func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }
        var zh: Bool { language == .zh }

        mutating func heading(_ chinese: String, _ english: String) {
            document.blocks.append(.heading(pick(chinese, english)))
        }

        mutating func paragraph(_ line: String) { document.blocks.append(.line(line)) }

        mutating func blank() { document.blocks.append(.blank) }

        mutating func add(_ table: MarkdownTable) { document.blocks.append(.table(table)) }

        /// A chart of the HTML report (the Markdown has none).
        mutating func chart(_ kind: ReportChartKind) { document.blocks.append(.chart(kind)) }

        mutating func build() {
            summary()
            warnings()
            basis()
            review()
            funds()
            carryOver()
            chart(.funds)
            years()
            cities()
            chart(.cities)
            envelopes()
            categories()
            chart(.categories)
            performance()
            targets()
            limits()
            parks()
            chart(.parks)
            deferrals()
            fundedList()
            unfundedList()
            loans()
            loanTerms()
            findings()
            diagnosis()
            notes()
        }

        mutating func notes() {
            heading("说明", "Notes")
            paragraph("- " + pick("金额单位为万元（1亿元 = 10,000万元），表中保留两位小数；allocation.json 与 projects.csv 保留四位小数。",
                "Money is in 万元 (1亿元 = 10,000万元), shown with 2 decimals; allocation.json and projects.csv keep 4."))
            paragraph("- " + pick("补助比例为补助额占申请额的比例；得分为项目效益得分（含加分系数）。",
                "Share is the subsidy as a share of the request; score is the project's benefit score, bonuses included."))
            paragraph("- " + pick("相同输入、相同版本与设置下，本报告逐字节一致；运行时间等信息见 run.json。",
                "Same inputs, build and settings give this report byte for byte; timings and host are in run.json."))
        }
    }
}
