internal import MILP

/// Checks made before solving, each with a suggestion (an office can act on them without an optimizer):
/// lock-ins that cannot hold or break a budget alone, floors above every possible supply, hard targets above
/// what every fundable project (or nameable park) could give, share caps that one group makes impossible,
/// and coefficients spanning more than 1e9. `.infeasible` findings skip the solve.
struct Presolve {
    let scenario: Scenario
    let library: Library
    let compiled: CompiledModel

    func findings() -> [Finding] {
        var findings: [Finding] = []
        let projects = library.projectRecords
        let facts = compiled.facts

        // Lock-ins that are not fundable, or cannot reach θ = 1.
        for (index, record) in projects.enumerated() where record.lock == .lockedIn {
            let fact = facts[index]
            if let why = fact.blocked {
                findings.append(
                    Finding(
                        severity: .infeasible,
                        message: "project \(record.id) is locked in (lock: in) but cannot be funded: \(why.rawValue)",
                        suggestion: "remove its lock, or fix what blocks it (exclusion, eligibility, min_share, requires)",
                        rules: [.lock(project: record.id)]))
            }
        }

        // Lock-ins that alone exceed a fund's budget in a year.
        for (fundIndex, fund) in scenario.funds.enumerated() where fund.kind == .projectSubsidy {
            for (yearIndex, year) in scenario.years.enumerated() {
                let locked = compiled.lockedIn.filter { projects[$0].fund == fundIndex }
                let need = locked.reduce(0.0) { $0 + projects[$1].request[yearIndex] * Swift.min(1, facts[$1].cap) }
                if need > fund.budget(in: year) + 1e-9 * Swift.max(1, need) {
                    findings.append(
                        Finding(
                            severity: .infeasible,
                            message: "the lock-ins of \(fund.id) need \(money(need))万 in \(year), but its budget is \(money(fund.budget(in: year)))万",
                            suggestion: "raise the \(year) budget of \(fund.id) by at least \(money(need - fund.budget(in: year)))万, or unlock some of: \(locked.map { projects[$0].id }.joined(separator: ", "))",
                            rules: locked.map { .lock(project: projects[$0].id) } + [.budget(fund: fund.id, year: year)]))
                }
            }
        }

        // Floors above every possible supply; share caps one group makes impossible.
        for (rowIndex, origin) in compiled.rowOrigins.enumerated() {
            guard case .limit(let limitIndex, let group, let year, let part) = origin else { continue }
            let row = compiled.model.rows[rowIndex]
            let limit = scenario.limits[limitIndex]
            let rule = ConflictRule.limit(rule: limit.name, group: group, year: year)
            let label = "「\(limit.name)」" + (group.map { " (\($0))" } ?? "") + (year.map { " \($0)" } ?? "")
            if part == "abs", row.lower > 0 {
                let supply = maximumActivity(row)
                if supply < row.lower - 1e-9 * Swift.max(1, row.lower) {
                    findings.append(
                        Finding(
                            severity: .infeasible,
                            message: "the floor of \(label) is \(money(row.lower)), but every fundable project in its scope together gives at most \(money(supply))",
                            suggestion: "lower min to at most \(money(supply)), or widen the limit's scope",
                            rules: [rule]))
                }
            }
            if part == "max_share", let share = limit.maxShare, share < 1 {
                // The group holds every fundable project of the base when no term has a negative coefficient
                // other than its own: Σ_group q − s Σ_base q = (1 − s) Σ_group q.
                let coefficients = row.terms.map(\.coefficient)
                if !coefficients.isEmpty, coefficients.allSatisfy({ $0 > 0 }) {
                    findings.append(
                        Finding(
                            severity: compiled.lockedIn.contains(where: { lockedTouches($0, row) }) ? .infeasible : .warning,
                            message: "\(label): one group holds every fundable project of its base, so max_share \(percent(share)) allows nothing to be funded there",
                            suggestion: "drop the share cap or use an absolute max for this scope",
                            rules: [rule]))
                }
            }
        }

        // Hard targets above what every fundable project or nameable park could give.
        for (targetIndex, target) in scenario.targets.enumerated() where target.isHard {
            guard let rowIndex = compiled.rowOrigins.firstIndex(of: .target(index: targetIndex)) else { continue }
            let row = compiled.model.rows[rowIndex]
            let supply = maximumActivity(row)
            if supply < row.lower - 1e-9 * Swift.max(1, abs(row.lower)) {
                let detail: String
                if target.metric.isEcoPark {
                    detail = "only \(row.terms.count) parks can be newly named by \(target.year ?? 0) (under construction, not barred, with fundable prerequisite packages), besides \(library.parkRecords.filter { $0.status.isEcoPark }.count) eco parks already named"
                } else {
                    detail = "every fundable project together gives at most \(money(supply))"
                }
                findings.append(
                    Finding(
                        severity: .infeasible,
                        message: "target 「\(target.name)」 (min \(formatNumber(target.min))) cannot be met: \(detail)",
                        suggestion: "lower the target, make it soft with a penalty, or add eligible projects/parks",
                        rules: [.target(rule: target.name)]))
            }
        }

        // Coefficients spanning more than 1e9.
        var smallest = Double.infinity
        var largest = 0.0
        for row in compiled.model.rows {
            for term in row.terms where term.coefficient != 0 {
                smallest = Swift.min(smallest, abs(term.coefficient))
                largest = Swift.max(largest, abs(term.coefficient))
            }
        }
        for coefficient in compiled.model.objective where coefficient != 0 {
            smallest = Swift.min(smallest, abs(coefficient))
            largest = Swift.max(largest, abs(coefficient))
        }
        if largest > 0, largest / smallest > 1e9 {
            findings.append(
                Finding(
                    severity: .warning,
                    message: "model coefficients span \(formatNumber(smallest)) to \(formatNumber(largest)) (more than 1e9): the solver may lose precision",
                    suggestion: "check units (money in 万元, benefits in tonnes) and very small weights or shares"))
        }
        return findings
    }

    /// The largest value a row's activity can take within the columns' bounds.
    func maximumActivity(_ row: Row) -> Double {
        row.terms.reduce(0) { total, term in
            let column = compiled.model.columns[term.column]
            return total + (term.coefficient > 0 ? term.coefficient * column.upper : term.coefficient * column.lower)
        }
    }

    func lockedTouches(_ project: Int, _ row: Row) -> Bool {
        guard let funded = compiled.fundedColumn[project] else { return false }
        return row.terms.contains { $0.column == funded || $0.column == compiled.shareColumn[project] }
    }
}

func money(_ value: Double) -> String {
    formatNumber((value * 100).rounded() / 100)
}

func percent(_ share: Double) -> String {
    formatNumber((share * 1000).rounded() / 10) + "%"
}
