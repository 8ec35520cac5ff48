public import GreenAllocRobustness

/// The documents of `greenalloc alternatives`: alternatives.json (one entry per plan: the optimum first, then
/// the alternatives, each with `objective` and `funded`) and alternatives.md / alternatives.en.md.
public struct AlternativesOutput {
    public let result: AlternativesResult
    public let projects: [ProjectLabel]
    public let scenario: String
    public let scenarioEnglish: String?

    public init(result: AlternativesResult, projects: [ProjectLabel], scenario: String, scenarioEnglish: String?) {
        self.result = result
        self.projects = projects
        self.scenario = scenario
        self.scenarioEnglish = scenarioEnglish
    }

    /// alternatives.json, alternatives.md and alternatives.en.md.
    public func files() -> [String: [UInt8]] {
        ["alternatives.json": JSONWriter.bytes(json()), "alternatives.md": Array(markdown(.zh).utf8),
            "alternatives.en.md": Array(markdown(.en).utf8)]
    }

    func ids(_ projects: [Int]) -> JSONValue { .array(projects.map { .string(self.projects[$0].id) }) }

    public func json() -> JSONValue {
        var plans: [JSONValue] = [.object([("plan", .string("optimum")), ("objective", .double(result.optimum.objective)),
            ("funded", ids(result.optimum.funded))])]
        for (index, alternative) in result.alternatives.enumerated() {
            plans.append(.object([
                ("plan", .string("alternative-\(index + 1)")), ("objective", .double(alternative.plan.objective)),
                ("loss", .double(loss(alternative.plan))), ("funded", ids(alternative.plan.funded)),
                ("added", ids(alternative.added)), ("dropped", ids(alternative.dropped)), ("distance", .int(alternative.distance)),
            ]))
        }
        return .object([("scenario", .string(scenario)), ("within", .double(result.within)), ("requested", .int(result.requested)),
            ("plans", .array(plans))])
    }

    /// The relative loss against the optimum.
    func loss(_ plan: Plan) -> Double {
        (result.optimum.objective - plan.objective) / Swift.max(1, abs(result.optimum.objective))
    }

    public func markdown(_ language: ReportLanguage) -> String {
        let pick = language.pick
        let label = { (project: Int) in WorkbookCells.labeled(self.projects[project].name, self.projects[project].id, language: language) }
        let list = { (projects: [Int]) in projects.isEmpty ? pick("无", "none") : projects.map(label).joined(separator: pick("、", ", ")) }
        var text = pick("# 近优备选方案：", "# Near-optimal alternatives: ") + (language == .en ? scenarioEnglish ?? scenario : scenario) + "\n\n"
        text += pick(
            "最优方案之外，目标值不低于最优值的 \(MoneyFormat.percent(1 - result.within, places: 4)) 的方案中，依次找出与此前各方案差别最大的方案（差别相同时取目标值最高者）。\n\n",
            "Besides the optimum: plans whose objective is at least \(MoneyFormat.percent(1 - result.within, places: 4)) of the optimum, each as different as possible from the plans before it (the best objective among equally different ones).\n\n")
        if result.alternatives.count < result.requested {
            text += pick("要求 \(result.requested) 个，损失范围内只有 \(result.alternatives.count) 个其他方案。\n\n",
                "\(result.requested) were asked for; only \(result.alternatives.count) other plans lie within the loss.\n\n")
        }
        var table = MarkdownTable(header: [pick("方案", "Plan"), pick("目标值", "Objective"), pick("较最优损失", "Loss"), pick("获补项目数", "Funded"), pick("与最近方案差异项目数", "Differs from nearest in")], numeric: [1, 2, 3, 4])
        table.add([pick("最优", "optimum"), MoneyFormat.display(result.optimum.objective), "0%", String(result.optimum.funded.count), "—"])
        for (index, alternative) in result.alternatives.enumerated() {
            table.add([pick("备选 \(index + 1)", "alternative \(index + 1)"), MoneyFormat.display(alternative.plan.objective),
                MoneyFormat.percent(loss(alternative.plan), places: 4), String(alternative.plan.funded.count), String(alternative.distance)])
        }
        text += table.render()
        for (index, alternative) in result.alternatives.enumerated() {
            text += pick("\n## 备选 \(index + 1)\n\n", "\n## Alternative \(index + 1)\n\n")
            text += pick("- 新增（最优方案未补助）：", "- Funds, unlike the optimum: ") + list(alternative.added) + "\n"
            text += pick("- 不再补助（最优方案补助）：", "- Leaves out, unlike the optimum: ") + list(alternative.dropped) + "\n"
        }
        return text
    }
}
