internal import GreenAllocCore
internal import MILP

/// The sentences of a diagnosis, in English and Chinese, quoting each rule's bound or need.
extension ConflictFinder {
    /// One sentence for the conflict (English, then Chinese), then one per relaxation (saying when it alone
    /// restores feasibility).
    func explanation(conflict: [ConflictRule], relax: [Relaxation]) -> [String] {
        var sentences: [String] = []
        let parts = conflict.map { describe($0) }
        if let first = parts.first {
            sentences.append(parts.count == 1 ? first + ", which cannot hold" : first + ", but " + parts.dropFirst().joined(separator: ", and "))
            sentences.append("以下规则不能同时满足：" + conflict.map { describeChinese($0) }.joined(separator: "；") + "。")
        }
        for relaxation in relax {
            let (english, chinese) = unit(of: relaxation.rule)
            let (action, actionChinese): (String, String)
            if case .lock(let project) = relaxation.rule {
                (action, actionChinese) = ("release the lock-in of \(project)", "取消项目 \(project) 的锁定补助")
            } else {
                action = "relax \(describe(relaxation.rule)) by \(formatNumber(relaxation.by))\(english)"
                actionChinese = "将\(describeChinese(relaxation.rule))放宽 \(formatNumber(relaxation.by))\(chinese)"
            }
            sentences.append(
                action + (relaxation.alone ? " (this alone restores feasibility)" : "") + " / " + actionChinese
                    + (relaxation.alone ? "（仅此一项即可恢复可行）" : ""))
        }
        return sentences
    }

    /// A relaxation's unit (English, Chinese): 万元 for money, projects for counts, the target's metric.
    func unit(of rule: ConflictRule) -> (String, String) {
        switch rule {
        case .budget: return ("万", "万元")
        case .lock, .requires, .exclusive: return (" project(s)", "个项目")
        case .limit(let name, _, _):
            switch scenario.limits.first(where: { $0.name == name })?.sum {
            case .subsidy?, .investment?, .loan?: return ("万", "万元")
            case .count?: return (" project(s)", "个项目")
            case .benefit(let column)?: return (" (\(column))", "（\(column)）")
            case nil: return ("", "")
            }
        case .target(let name):
            guard let metric = scenario.targets.first(where: { $0.name == name })?.metric else { return ("", "") }
            switch metric {
            case .subsidy: return ("万", "万元")
            case .count: return (" project(s)", "个项目")
            case .ecoParkCount: return (" park(s)", "家园区")
            case .ecoParkShare: return (" (share of parks)", "（园区占比）")
            case .benefit(let column): return (" (\(column))", "（\(column)）")
            }
        }
    }

    func describeChinese(_ rule: ConflictRule) -> String {
        switch rule {
        case .limit(let name, let group, let year):
            return "限制「\(name)」" + (group.map { "（\($0)）" } ?? "") + (year.map { "\($0)年" } ?? "")
        case .lock(let project): return "项目 \(project) 的锁定补助"
        case .budget(let fund, let year):
            let amount = scenario.funds.first { $0.id == fund }?.budget(in: year) ?? 0
            return "资金 \(fund) \(year)年预算 \(money(amount))万元"
        case .target(let name): return "硬目标「\(name)」"
        case .requires(let project): return "项目 \(project) 的依赖要求"
        case .exclusive(let group): return "互斥组 \(group)"
        }
    }

    func describe(_ rule: ConflictRule) -> String {
        switch rule {
        case .limit(let name, let group, let year):
            let bound = boundRows[rule].map { model.rows[$0] }.map { row in
                [row.upper.isFinite ? "max \(money(row.upper))" : nil, row.lower.isFinite ? "min \(money(row.lower))" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            return "limit 「\(name)」" + (group.map { " for \($0)" } ?? "") + (year.map { " in \($0)" } ?? "")
                + (bound.map { " (\($0))" } ?? "")
        case .lock(let project):
            // A lock-in fixes θ = u: it draws u × request_y in each year y.
            let index = library.projectRecords.firstIndex { $0.id == project }
            let need = index.map { index in
                let share = index < lockShares.count ? lockShares[index] : 1
                return zip(scenario.years, library.projectRecords[index].request).filter { $0.1 > 0 }
                    .map { "\(money(share * $0.1))万 in \($0.0)" }.joined(separator: ", ")
            }
            return "the lock-in of \(project)" + (need.map { " needs \($0)" } ?? "")
        case .budget(let fund, let year):
            let amount = scenario.funds.first { $0.id == fund }?.budget(in: year) ?? 0
            return "the budget of \(fund) in \(year) is \(money(amount))万"
        case .target(let name):
            let target = scenario.targets.first { $0.name == name }
            return "target 「\(name)」 needs \(target?.metric.description ?? "") ≥ \(formatNumber(target?.min ?? 0))"
        case .requires(let project):
            return "project \(project) requires other projects to be funded with it"
        case .exclusive(let group):
            return "at most one project of exclusive group \(group)"
        }
    }
}

private func money(_ value: Double) -> String {
    formatNumber((value * 100).rounded() / 100)
}
