import GreenAllocCore

/// report.md: the policy instruments of scenario-format §15 — the review's failing parks, carry-over per fund and
/// year, and the factor envelopes beside the 分市下达表. Nothing is written for a scenario that uses none.
extension ReportMarkdown.Report {
    mutating func review() {
        guard let review = allocation.policy?.review else { return }
        heading("园区复查", "Park review")
        let treatment = review.treatment == .revoke
            ? pick("撤销称号（在建园区除名并三年内不得申请）", "title revoked (parks under construction removed and barred for three years)")
            : pick("限期整改", "rectifying")
        paragraph(
            allocation.localized(review.name, in: language) + pick("：复查不合格园区 ", ": parks failing the review: ")
                + String(review.parks.count) + pick(" 个，按", "; treated as ") + treatment + pick("处理。", "."))
        guard !review.parks.isEmpty else { return }
        blank()
        var table = MarkdownTable(
            header: [pick("园区编号", "Park"), pick("园区名称", "Name"), pick("城市", "City"), pick("原状态", "Status before"),
                pick("按复查结果", "Status after"), pick("禁申截止日期", "Barred until")],
            numeric: [])
        for park in review.parks {
            table.add([park.id, park.name, cityLabel(park.city), parkStatus(park.statusBefore), parkStatus(park.statusAfter),
                park.barredUntil?.description ?? "—"])
        }
        add(table)
    }

    func parkStatus(_ status: ParkStatus) -> String { RuleVocabulary.statusWord(status, language) }

    mutating func carryOver() {
        guard let carry = allocation.policy?.carry, !carry.isEmpty else { return }
        heading("资金结转", "Carry-over")
        var table = MarkdownTable(
            header: [pick("资金", "Fund"), pick("年度", "Year"), pick("预算", "Budget"), pick("期初结余", "Opening balance"),
                pick("上年结转", "Carried in"), pick("可用", "Available"), pick("已用", "Used"), pick("结余", "Left"),
                pick("结转下年", "Carried out")],
            numeric: [2, 3, 4, 5, 6, 7, 8])
        let names = Dictionary(allocation.funds.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for fund in carry {
            let label = (names[fund.fund] ?? fund.fund) + pick("（", " (") + fund.fund + pick("）", ")")
            for year in fund.years {
                table.add([label, String(year.year), money(year.budget), money(year.opening), money(year.carriedIn),
                    money(year.available), money(year.spent), money(year.unspent), money(year.carriedOut)])
            }
        }
        add(table)
        paragraph(
            pick("结转下年 = 结转比例 × 当年结余；规划期末年度的结转额为下一轮可用的期初结余。",
                "Carried out = the carry-over share × the year's money left; the last year's figure is what the next round may open with."))
    }

    mutating func envelopes() {
        guard let policy = allocation.policy, !policy.envelopes.isEmpty else { return }
        heading("因素法分市额度", "Factor envelopes by city")
        var table = MarkdownTable(
            header: [pick("分配规则", "Envelope rule"), pick("城市", "City"), pick("年度", "Year"), pick("权重份额", "Weighted share"),
                pick("额度", "Envelope"), pick("安排", "Allocated"), pick("偏差", "Deviation"), pick("偏差率", "Deviation %")],
            numeric: [3, 4, 5, 6, 7])
        for row in policy.envelopes {
            table.add([allocation.localized(row.name, in: language), cityLabel(row.city),
                row.year.map(String.init) ?? pick("规划期合计", "horizon"), MoneyFormat.percent(row.share, places: 2),
                money(row.envelope), money(row.allocation), money(row.deviation),
                row.envelope > 0 ? MoneyFormat.percent(row.deviation / row.envelope, places: 2) : "—"])
        }
        add(table)
        guard let without = policy.objectiveWithoutEnvelopes, let with = allocation.objective else { return }
        let cost = allocation.objectiveSense == .maximizeBenefit ? without - with : with - without
        paragraph(
            pick("不设分市额度时目标值 ", "Without the envelopes the objective would be ") + figure(without)
                + pick("，设额度后 ", "; with them it is ") + figure(with) + pick("，额度的代价 ", "; the envelopes cost ")
                + figure(cost) + pick("（目标值单位）。", " (objective units)."))
    }
}
