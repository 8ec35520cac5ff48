import GreenAllocCore

/// report.md: targets and newly named parks (the binding section is in ReportMarkdown+Binding.swift).
extension ReportMarkdown.Report {
    mutating func targets() {
        heading("目标完成情况", "Targets")
        guard !allocation.targets.isEmpty else { return paragraph(pick("未设目标。", "No targets.")) }
        var table = MarkdownTable(
            header: [pick("目标", "Target"), pick("指标", "Metric"), pick("年度", "Year"), pick("实际值", "Value"),
                pick("下限", "Minimum"), pick("类型", "Kind"), pick("是否达成", "Met")],
            numeric: [3, 4])
        for target in allocation.targets {
            let kind = target.reportOnly ? pick("参考", "for reference") : target.hard ? pick("硬目标", "hard") : pick("软目标", "soft")
            table.add([target.name, target.metric, target.year.map(String.init) ?? "—", figure(target.value),
                figure(target.min), kind, target.met ? pick("✓ 达成", "✓ met") : pick("✗ 未达成", "✗ not met")])
        }
        add(table)
        for target in allocation.targets where target.reportOnly {
            blank()
            paragraph(reachSentence(target))
        }
    }

    /// A report-only target's line: the plan's value toward it (at the end of the horizon when its year lies
    /// after), and for an eco-park target what the remaining naming budget could still reach by its year.
    func reachSentence(_ target: TargetOutcome) -> String {
        let last = allocation.years.last ?? 0
        let share = target.metric == "eco_park_share"
        func shown(_ value: Double, parks: Int?) -> String {
            guard let parks else { return share ? MoneyFormat.sentencePercent(value) : figure(value) }
            let percent = share ? pick("（\(MoneyFormat.sentencePercent(value))）", " (\(MoneyFormat.sentencePercent(value)))") : ""
            return pick("\(parks)家", "\(parks) eco parks") + percent
        }
        let isPark = target.metric.hasPrefix("eco_park")
        let planned = isPark ? Int((share ? target.value * Double(allocation.parksCounted) : target.value).rounded()) : nil
        let atEnd = (target.year ?? last) > last
        var text = pick("「\(target.name)」（参考，不作约束）：", "\"\(target.name)\" (for reference, not enforced): ")
        if isPark {
            text += atEnd
                ? pick("至规划期末（\(last)年）共有生态工业园区\(shown(target.value, parks: planned))",
                    "by the end of the horizon (\(last)) the plan reaches \(shown(target.value, parks: planned))")
                : pick("至\(target.year ?? last)年共有生态工业园区\(shown(target.value, parks: planned))",
                    "by \(target.year ?? last) the plan reaches \(shown(target.value, parks: planned))")
        } else {
            text += pick("本方案实现值 \(figure(target.value))", "the plan's value is \(figure(target.value))")
        }
        text += pick("，目标为\(shown(target.min, parks: nil))", " against \(shown(target.min, parks: nil))")
        guard let reach = target.reach else { return text + pick("。", ".") }
        return text + pick("；", "; ") + reachClause(reach, target: target, shown: shown(reach.value, parks: reach.parks))
    }

    /// How far the remaining naming money reaches (the assumption stated).
    func reachClause(_ reach: NamingReach, target: TargetOutcome, shown: String) -> String {
        let year = target.year ?? allocation.years.last ?? 0
        let minimum = target.metric == "eco_park_share" ? MoneyFormat.sentencePercent(target.min) : figure(target.min)
        var basis: [String] = []
        if let award = reach.award {
            basis.append(pick("规划期内命名奖补结余\(money(reach.money - reach.yearlyBudget * Double(reach.laterYears.count)))万元",
                "\(money(reach.money - reach.yearlyBudget * Double(reach.laterYears.count)))万 of naming awards left in the horizon"))
            if let first = reach.laterYears.first, let lastYear = reach.laterYears.last {
                let years = first == lastYear ? "\(first)" : "\(first)–\(lastYear)"
                basis.append(pick("\(years)年\(first == lastYear ? "" : "每年")命名奖补\(money(reach.yearlyBudget))万元（按规划期末年度预算计）",
                    "\(money(reach.yearlyBudget))万 a year in \(years) (the horizon's last budget)"))
            }
            basis.append(pick("每家奖补\(money(award))万元", "\(money(award))万 per park"))
        }
        let head = basis.isEmpty ? "" : pick("按", "at ") + basis.joined(separator: pick("、", ", ")) + pick("计，", ", ")
        let still = pick("尚可命名的在建园区\(reach.namable)家，", "\(reach.namable) parks still namable, ")
        let verdict = reach.met
            ? pick("可达到\(minimum)目标", "enough for the \(minimum) target")
            : pick("低于\(minimum)目标", "short of the \(minimum) target")
        return zh
            ? head + still + "至\(year)年最多可达\(shown)，" + verdict + "。"
            : head + still + "at most \(shown) by \(year) — " + verdict + "."
    }

    mutating func parks() {
        heading("新命名生态工业园区", "Newly named eco-industrial parks")
        guard !allocation.parks.isEmpty else {
            return paragraph(pick("本次未新命名园区。", "No park is newly named."))
        }
        var table = MarkdownTable(
            header: [pick("园区", "Park"), pick("名称", "Name"), pick("城市", "City"), pick("命名年度", "Named in"),
                pick("奖补", "Award")],
            numeric: [4])
        for park in allocation.parks {
            table.add([park.id, park.name, cityLabel(park.city), String(park.namedIn), money(park.award)])
        }
        add(table)
    }
}
