internal import GreenAllocCore
internal import MILP

/// The explanation of a diagnosis as structured statements: each rule with the bound or need it quotes, each
/// relaxation in its rule's unit. The reports put them into words (`DiagnosisText`).
extension ConflictFinder {
    /// The conflict (when there is one), then one element per relaxation.
    func explanation(conflict: [ConflictRule], relax: [Relaxation]) -> [DiagnosisSentence] {
        var sentences: [DiagnosisSentence] = []
        if !conflict.isEmpty { sentences.append(.conflict(conflict.map(statement))) }
        for relaxation in relax {
            sentences.append(
                .relaxation(statement(relaxation.rule), by: relaxation.by, unit: unit(of: relaxation.rule), alone: relaxation.alone))
        }
        return sentences
    }

    /// A relaxation's unit: 万元 for money, projects for counts, the target's metric.
    func unit(of rule: ConflictRule) -> RelaxationUnit {
        switch rule {
        case .budget: return .money
        case .lock, .requires, .exclusive: return .projects
        case .limit(let name, _, _):
            switch scenario.limits.first(where: { $0.name == name })?.sum {
            case .subsidy?, .investment?, .loan?: return .money
            case .count?: return .projects
            case .benefit(let column)?: return .column(column)
            case nil: return .unknown
            }
        case .target(let name):
            guard let metric = scenario.targets.first(where: { $0.name == name })?.metric else { return .unknown }
            switch metric {
            case .subsidy: return .money
            case .count: return .projects
            case .ecoParkCount: return .parks
            case .ecoParkShare: return .parkShare
            case .benefit(let column): return .column(column)
            }
        }
    }

    /// A rule with what it quotes: a limit's absolute bounds, a lock-in's draw per year, a budget's amount, a
    /// target's metric and minimum.
    func statement(_ rule: ConflictRule) -> RuleStatement {
        switch rule {
        case .limit(let name, let group, let year):
            let bounds = boundRows[rule].map { LimitBounds(upper: model.rows[$0].upper, lower: model.rows[$0].lower) }
            return .limit(name: name, group: group, year: year, bounds: bounds)
        case .lock(let project):
            // A lock-in fixes θ = u: it draws u × request_y in each year y.
            let index = library.projectRecords.firstIndex { $0.id == project }
            let needs = index.map { index in
                let share = index < lockShares.count ? lockShares[index] : 1
                return zip(scenario.years, library.projectRecords[index].request).filter { $0.1 > 0 }
                    .map { YearlyAmount(year: $0.0, amount: share * $0.1) }
            }
            return .lock(project: project, needs: needs)
        case .budget(let fund, let year):
            return .budget(fund: fund, year: year, amount: scenario.funds.first { $0.id == fund }?.budget(in: year) ?? 0)
        case .target(let name):
            let target = scenario.targets.first { $0.name == name }
            return .target(name: name, metric: target?.metric, min: target?.min ?? 0)
        case .requires(let project): return .requires(project: project)
        case .exclusive(let group): return .exclusive(group: group)
        }
    }
}
