public import GreenAllocRobustness

/// The words of the robustness documents, in one language.
struct RobustnessWords {
    let language: ReportLanguage
    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    func className(_ robustnessClass: RobustnessClass) -> String {
        switch robustnessClass {
        case .core: pick("核心（各方案均获补）", "core (funded in every plan)")
        case .borderline: pick("边缘（部分方案获补）", "borderline (funded in some plans)")
        case .exterior: pick("排除（任何方案均不获补）", "exterior (funded in no plan)")
        }
    }

    func fractionTitle(_ method: RobustnessMethod) -> String {
        method == .exact ? pick("获补的非劣方案比例", "share of non-dominated plans funding it") : pick("获补的样本比例", "share of samples funding it")
    }

    func borderlineHeading(shown: Int, of total: Int) -> String {
        shown < total
            ? pick("边缘项目（获补比例最高的 \(shown) 个，共 \(total) 个）", "Borderline projects (the \(shown) most often funded of \(total))")
            : pick("边缘项目", "Borderline projects")
    }

    func rangeKind(_ range: ParameterRange) -> String {
        switch range.kind {
        case .weight: pick("权重 \(range.name)", "weight of \(range.name)")
        case .bonus: pick("加分系数 \(range.name)", "bonus factor \(range.name)")
        case .budget: pick("全部资金预算倍数", "scale of every fund's budget")
        }
    }

    func fallback(_ fallback: ExactFallback) -> String {
        switch fallback {
        case .budgetRange: pick("预算可变时可行方案集随之改变，精确法不适用", "the budget varies, so the feasible plans change with it and the exact method does not apply")
        case .tooManyRanges(let count, let limit): pick("可变参数 \(count) 个，超过精确法上限 \(limit) 个", "\(count) ranges, more than the exact method's \(limit)")
        case .tooManyProjects(let count, let limit): pick("待决策项目 \(count) 个，超过精确法上限 \(limit) 个", "\(count) projects to decide, more than the exact method's \(limit)")
        case .continuousObjective: pick("目标含连续变量（部分补助比例或软目标缺口），非劣方案不可枚举", "the objective has continuous parts (partial shares or soft-target shortfalls), so non-dominated plans cannot be enumerated")
        case .tooManyPlans(let limit): pick("非劣方案超过 \(limit) 个", "more than \(limit) non-dominated plans")
        case .noPlanInTime: pick("枚举中某次求解未在时限内得到方案", "a solve of the enumeration found no plan within the time limit")
        case .numerical: pick("枚举中求解器返回了应被排除的方案（数值误差）", "a solve returned a plan the enumeration had cut off (numerical trouble)")
        case .samplesRequested: pick("指定了 --samples", "--samples was given")
        }
    }
}

/// robustness.md / robustness.en.md: the method and ranges, the class counts, the confidence of sampled
/// classes, the core and borderline projects by name, and the classes' movement against another seed.
public struct RobustnessMarkdown {
    let result: RobustnessResult
    let comparison: RobustnessResult?
    let language: ReportLanguage
    var words: RobustnessWords { RobustnessWords(language: language) }

    public init(result: RobustnessResult, comparison: RobustnessResult?, language: ReportLanguage) {
        self.result = result
        self.comparison = comparison
        self.language = language
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }
    func label(_ project: Int) -> String {
        WorkbookCells.labeled(result.projects[project].name, result.projects[project].id, language: language)
    }

    public func render(chart: String?) -> String {
        let title = language == .en ? result.scenarioEnglish ?? result.scenario : result.scenario
        var text = pick("# 稳健性分析：", "# Robustness: ") + title + "\n\n"
        text += method() + "\n"
        var ranges = MarkdownTable(header: [pick("参数", "Range"), pick("情景取值", "Scenario"), pick("下限", "Lower"), pick("上限", "Upper")], numeric: [1, 2, 3])
        for range in result.ranges {
            ranges.add([words.rangeKind(range), MoneyFormat.plain(range.base), MoneyFormat.plain(range.lower), MoneyFormat.plain(range.upper)])
        }
        text += ranges.render() + "\n" + classCounts() + "\n"
        if result.method == .sampled { text += confidence() + "\n" }
        if let chart { text += "![" + pick("稳健性分析图", "Robustness chart") + "](" + chart + ")\n\n" }
        text += projectTables()
        if let comparison { text += seedMovement(comparison) }
        text += pick("\n耗时见 run.json（`seconds`）。\n", "\nThe time taken is in run.json (`seconds`).\n")
        return text
    }

    func method() -> String {
        var text = ""
        if let fallback = result.fallback {
            text += pick("未用精确法（", "The exact method was not used (") + words.fallback(fallback) + pick("），改为抽样。\n\n", "); the classes were sampled instead.\n\n")
        }
        switch result.method {
        case .exact:
            text += pick(
                "精确法（稳健组合模型 RPM）：枚举在权重范围内不被其他可行方案全面占优的全部方案（非劣方案，共 \(result.plans.count) 个，求解 \(result.solves) 次）。核心项目在每个非劣方案中获补，排除项目在任何非劣方案中都不获补，其余为边缘项目。\n",
                "Exact (robust portfolio modelling, RPM): every plan that no other feasible plan beats for every admissible weight vector was enumerated (\(result.plans.count) non-dominated plans, \(result.solves) solves). Core projects are funded in every non-dominated plan, exterior projects in none, borderline projects in some.\n")
        case .sampled:
            let seed = result.seed.map { String($0) } ?? ""
            text += pick(
                "抽样法：在参数范围内均匀抽取 \(result.samples.count) 组取值（种子 \(seed)），每组求最优方案。类别为估计值：核心 = 所有样本中均获补，排除 = 所有样本中均不获补。\n",
                "Sampled: \(result.samples.count) points drawn uniformly from the ranges (seed \(seed)), each solved to its optimal plan. The classes are estimates: core = funded in every sample, exterior = funded in none.\n")
            if result.samplesWithoutPlan > 0 {
                text += pick("其中 \(result.samplesWithoutPlan) 个样本无可行方案，不计入比例。\n", "\(result.samplesWithoutPlan) samples had no plan and are not counted.\n")
            }
        }
        return text
    }

    func classCounts() -> String {
        let counts = result.counts
        let unfundable = result.projects.filter { !$0.fundable }.count
        var table = MarkdownTable(header: [pick("类别", "Class"), pick("项目数", "Projects")], numeric: [1])
        for robustnessClass in RobustnessClass.allCases { table.add([words.className(robustnessClass), String(counts[robustnessClass] ?? 0)]) }
        return table.render() + pick(
            "\n排除项目中有 \(unfundable) 个按规则本就不能获补（排除、锁定不补、不符合资金条件等）。\n",
            "\nOf the exterior projects, \(unfundable) cannot be funded under the rules at all (excluded, locked out, ineligible …).\n")
    }

    func confidence() -> String {
        let plans = result.samples.compactMap(\.plan).count
        guard plans > 0 else { return "" }
        let bound = Wilson.interval(0, of: plans).upper
        let edge = result.classes.filter { $0.robustnessClass == .borderline && ($0.fundedCount <= 2 || $0.total - $0.fundedCount <= 2) }
        var text = pick(
            "置信度：在全部 \(plans) 个样本中均获补（或均不获补）的项目，在参数范围内不获补（或获补）的比例仍可能高达 \(MoneyFormat.percent(bound))（95% Wilson 区间上限）；每个项目的区间见 robustness.csv。",
            "Confidence: a project funded in all \(plans) samples (or in none) may still be left out (or funded) in up to \(MoneyFormat.percent(bound)) of the ranges (upper end of the 95% Wilson interval); each project's interval is in robustness.csv.")
        if !edge.isEmpty {
            text += pick(" 仅在 1–2 个样本中获补或未获补、换种子最可能改变类别的边缘项目：", " Borderline projects funded or left out in only one or two samples, the likeliest to change class with another seed: ")
                + edge.prefix(20).map { label($0.project) }.joined(separator: pick("、", ", "))
                + (edge.count > 20 ? pick("等 \(edge.count) 个", " and \(edge.count - 20) more") : "") + pick("。", ".")
        }
        return text + "\n"
    }

    func projectTables() -> String {
        let classes = result.classes
        var text = pick("## 核心项目\n\n", "## Core projects\n\n")
        var core = MarkdownTable(header: [pick("项目", "Project"), pick("城市", "City")])
        for entry in classes where entry.robustnessClass == .core { core.add([label(entry.project), result.projects[entry.project].city]) }
        text += core.rows.isEmpty ? pick("无。\n", "None.\n") : core.render()
        text += pick("\n## 边缘项目\n\n", "\n## Borderline projects\n\n")
        var borderline = MarkdownTable(header: [pick("项目", "Project"), pick("城市", "City"), words.fractionTitle(result.method), pick("95%区间", "95% interval")], numeric: [2])
        let sorted = classes.filter { $0.robustnessClass == .borderline }.sorted { ($0.fraction, $1.project) > ($1.fraction, $0.project) }
        for entry in sorted {
            let wilson = entry.wilson
            borderline.add([label(entry.project), result.projects[entry.project].city, MoneyFormat.percent(entry.fraction),
                result.method == .sampled ? MoneyFormat.percent(wilson.lower) + "–" + MoneyFormat.percent(wilson.upper) : "—"])
        }
        text += borderline.rows.isEmpty ? pick("无。\n", "None.\n") : borderline.render()
        let fundableExterior = classes.filter { $0.robustnessClass == .exterior && result.projects[$0.project].fundable }
        text += pick("\n## 排除项目（可获补但从未入选）\n\n", "\n## Exterior projects (fundable but never chosen)\n\n")
        text += fundableExterior.isEmpty ? pick("无。\n", "None.\n")
            : fundableExterior.map { label($0.project) }.joined(separator: pick("、", ", ")) + "\n"
        return text
    }

    func seedMovement(_ other: RobustnessResult) -> String {
        let moves = result.moves(against: other)
        let seed = other.seed.map { String($0) } ?? ""
        var text = pick("\n## 换种子比较（种子 \(seed)）\n\n", "\n## Against another seed (\(seed))\n\n")
        let counts = other.counts
        text += pick("种子 \(seed) 的类别数：", "Classes with seed \(seed): ")
            + RobustnessClass.allCases.map { words.className($0) + " " + String(counts[$0] ?? 0) }.joined(separator: pick("；", "; "))
            + pick("。类别不同的项目 \(moves.count) 个。\n\n", ". \(moves.count) projects change class.\n\n")
        guard !moves.isEmpty else { return text }
        var table = MarkdownTable(header: [pick("项目", "Project"), pick("本种子", "This seed"), pick("种子 \(seed)", "Seed \(seed)")])
        for move in moves { table.add([label(move.project), words.className(move.from), words.className(move.to)]) }
        return text + table.render()
    }
}
