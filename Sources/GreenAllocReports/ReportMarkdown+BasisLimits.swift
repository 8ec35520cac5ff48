import GreenAllocCore

/// report.md, 分配依据: the limits (what each caps and the cap) and the targets, in words.
extension ReportMarkdown.Report {
    mutating func limitsBasis(_ basis: AllocationBasis) {
        subsection(pick("限制", "Limits"))
        let limits = basis.limits.filter { $0.sum != .loan } + basis.limits.filter { $0.sum == .loan }
        guard !limits.isEmpty else { return paragraph(pick("无限制。", "No limits.")) }
        var table = MarkdownTable(
            header: [pick("限制", "Limit"), pick("适用范围", "Applies to"), pick("计量", "Counts"), pick("界限", "Bound")])
        for limit in limits {
            table.add([label(limit.name), limitScope(limit, basis), limitQuantity(limit), limitBounds(limit, basis)])
        }
        add(table)
    }

    func fundName(_ id: String, _ basis: AllocationBasis) -> String {
        label(basis.funds.first { $0.id == id }?.name ?? id)
    }

    /// 申报「省生态环境保护专项资金」且项目类别为能力建设的项目 / projects of … where the project's category is …
    func limitScope(_ limit: LimitSpec, _ basis: AllocationBasis) -> String {
        let condition = limit.filter.map { verbalizer.sentence($0.source) }
        switch (limit.fund, condition) {
        case (let fund?, let condition?):
            return pick("申报「" + fundName(fund, basis) + "」且" + condition + "的项目",
                "projects of " + fundName(fund, basis) + " where " + condition)
        case (let fund?, nil): return pick("申报「" + fundName(fund, basis) + "」的项目", "projects of " + fundName(fund, basis))
        case (nil, let condition?): return pick(condition + "的项目", "projects where " + condition)
        case (nil, nil): return pick("全部项目", "all projects")
        }
    }

    /// What is added up, and how it is grouped.
    func limitQuantity(_ limit: LimitSpec) -> String {
        var text = quantityName(limit.sum)
        var groups: [String] = []
        if let key = limit.groupBy {
            switch key {
            case .city: groups.append(pick("每个城市", "each city"))
            case .park: groups.append(pick("每个园区", "each park"))
            case .category: groups.append(pick("每个类别", "each category"))
            case .fund: groups.append(pick("每项资金", "each fund"))
            case .column(let column):
                groups.append(pick("按" + verbalizer.words.columnName(entity: "project", column: column) + "的每个取值",
                    "each value of " + verbalizer.words.columnName(entity: "project", column: column)))
            }
        }
        if limit.perYear { groups.append(pick("每年", "each year")) }
        if !groups.isEmpty {
            text += pick("，" + groups.joined(separator: "、") + "分别计", ", for " + groups.joined(separator: " and "))
        }
        return text
    }

    func quantityName(_ quantity: LimitQuantity) -> String {
        switch quantity {
        case .subsidy: pick("补助额（万元）", "subsidy (万元)")
        case .count: pick("获补项目数", "projects funded")
        case .investment: pick("获补项目总投资（按补助比例计，万元）", "investment funded (share × investment, 万元)")
        case .loan: pick("贷款额（万元）", "loans (万元)")
        case .benefit(let column):
            IndicatorText(language: language, allocation: allocation).name(column)
                + pick("（按补助比例计", " (share × value") + (quantityUnit(quantity).map { pick("，", ", ") + $0 } ?? "") + pick("）", ")")
        }
    }

    func quantityUnit(_ quantity: LimitQuantity) -> String? {
        switch quantity {
        case .subsidy, .investment, .loan: "万元"
        case .count: pick("个", "projects")
        case .benefit(let column): IndicatorText(language: language, allocation: allocation).unit(column)
        }
    }

    /// 不超过 300 万元；不低于该资金补助额的 5% / at most 300 万元; at least 5% of the fund's subsidy.
    func limitBounds(_ limit: LimitSpec, _ basis: AllocationBasis) -> String {
        let unit = quantityUnit(limit.sum).map { " " + $0 } ?? ""
        func amount(_ value: Double) -> String {
            switch limit.sum {
            case .subsidy, .investment, .loan: money(value) + unit
            case .count: pick(figure(value) + " 个", value == 1 ? "1 project" : figure(value) + " projects")
            default: figure(value) + unit
            }
        }
        let base = limit.fund.map { pick("「" + fundName($0, basis) + "」全部项目", "all projects of " + fundName($0, basis)) }
            ?? pick("全部项目", "all projects")
        let whole = pick(base + (limit.perYear ? "当年" : "") + "的" + quantityNoun(limit.sum),
            "the " + quantityNoun(limit.sum) + " of " + base + (limit.perYear ? " in the same year" : ""))
        var parts: [String] = []
        if let max = limit.max { parts.append(pick("不超过 ", "at most ") + amount(max)) }
        if let min = limit.min { parts.append(pick("不少于 ", "at least ") + amount(min)) }
        if let share = limit.maxShare {
            parts.append(pick("不超过" + whole + "的 " + MoneyFormat.percent(share), "at most " + MoneyFormat.percent(share) + " of " + whole))
        }
        if let share = limit.minShare {
            parts.append(pick("不低于" + whole + "的 " + MoneyFormat.percent(share), "at least " + MoneyFormat.percent(share) + " of " + whole))
        }
        return parts.joined(separator: pick("；", "; "))
    }

    func quantityNoun(_ quantity: LimitQuantity) -> String {
        switch quantity {
        case .subsidy: pick("补助总额", "subsidy")
        case .count: pick("获补项目数", "projects funded")
        case .investment: pick("获补总投资", "investment funded")
        case .loan: pick("贷款总额", "loans")
        case .benefit(let column): IndicatorText(language: language, allocation: allocation).name(column)
        }
    }

    mutating func targetsBasis(_ basis: AllocationBasis) {
        subsection(pick("目标", "Targets"))
        guard !basis.targets.isEmpty else { return paragraph(pick("未设目标。", "No targets.")) }
        var table = MarkdownTable(header: [pick("目标", "Target"), pick("要求", "Requires"), pick("类型", "Kind")])
        for target in basis.targets {
            table.add([label(target.name), targetRequirement(target), targetKind(target)])
        }
        add(table)
    }

    func targetRequirement(_ target: TargetSpec) -> String {
        let year = target.year.map(String.init) ?? ""
        switch target.metric {
        case .ecoParkCount:
            return pick(year + "年底生态工业园区不少于 " + figure(target.min) + " 个",
                "at least " + figure(target.min) + " eco parks by the end of " + year)
        case .ecoParkShare:
            return pick(year + "年底生态工业园区占园区总数（不含称号已撤销的园区）的比例不低于 " + MoneyFormat.percent(target.min),
                "eco parks at least " + MoneyFormat.percent(target.min) + " of the parks (revoked ones not counted) by the end of " + year)
        case .subsidy:
            return pick("项目补助总额不少于 " + money(target.min) + " 万元", "project subsidies of at least " + money(target.min) + " 万元")
        case .count:
            return pick("获补项目不少于 " + figure(target.min) + " 个", "at least " + figure(target.min) + " projects funded")
        case .benefit(let column):
            let unit = quantityUnit(.benefit(column)).map { " " + $0 } ?? ""
            return pick(quantityNoun(.benefit(column)) + "不少于 " + figure(target.min) + unit,
                "at least " + figure(target.min) + unit + " of " + quantityNoun(.benefit(column)))
        }
    }

    func targetKind(_ target: TargetSpec) -> String {
        if target.reportOnly { return pick("参考：不约束分配，报告进度", "for reference: reported, does not constrain the plan") }
        guard let penalty = target.penalty else { return pick("硬目标：必须达到", "hard: must be met") }
        let unit: String =
            switch target.metric {
            case .ecoParkShare: pick("个百分点", " percentage point")
            case .ecoParkCount: pick("个园区", " park")
            case .count: pick("个项目", " project")
            case .subsidy: pick("万元", " 万元")
            case .benefit(let column): (quantityUnit(.benefit(column)).map { " " + $0 + pick(" ", "") } ?? pick("个单位", " unit"))
            }
        let cost = target.metric == .ecoParkShare ? penalty / 100 : penalty
        return pick("软目标：每差 1" + unit + "计罚分 " + figure(cost), "soft: " + figure(cost) + " penalty points per" + unit + " short")
    }
}
