public import GreenAllocCore

/// `greenalloc validate`'s summary of what was read: the scenario, the tables, the funds, the rules, the
/// objective and the count of warnings.
public enum ValidateSummary {
    public static func render(scenario: Scenario, library: Library, warnings diagnostics: [Diagnostic]) -> String {
        var lines: [String] = []
        lines.append("scenario 「\(scenario.name)」 as of \(scenario.asOf), years \(scenario.years.map(String.init).joined(separator: ", "))")
        if scenario.files.count > 1 { lines.append("extends: \(scenario.files.joined(separator: " → "))") }
        lines.append("tables:")
        lines.append("  cities    \(library.cityIDs.count)  (\(scenario.tables.cities))")
        var statusCounts: [ParkStatus: Int] = [:]
        for park in library.parkRecords { statusCounts[park.status, default: 0] += 1 }
        let statuses = ParkStatus.allCases.compactMap { status in statusCounts[status].map { "\(status.rawValue) \($0)" } }
        lines.append("  parks     \(library.parkRecords.count)  (\(statuses.joined(separator: ", ")))")
        let loanOnly = library.projectRecords.filter { $0.fund == nil }.count
        let requested = library.projectRecords.reduce(0) { $0 + $1.totalRequest }
        lines.append("  projects  \(library.projectRecords.count)  (loan-only \(loanOnly), requests \(formatNumber((requested * 100).rounded() / 100))万)")
        if scenario.tables.banks != nil {
            let capacity = library.bankRecords.reduce(0) { $0 + $1.capacity }
            lines.append("  banks     \(library.bankRecords.count)  (capacity \(formatNumber(capacity))万)")
        }
        lines.append("funds:")
        for (index, fund) in scenario.funds.enumerated() {
            let budget = scenario.years.map { "\($0): \(formatNumber(fund.budget(in: $0)))" }.joined(separator: ", ")
            var line = "  \(fund.id) \(fund.name) [\(fund.kind.rawValue)] budget {\(budget)}"
            if fund.kind == .projectSubsidy {
                let requests = library.projectRecords.filter { $0.fund == index }
                let total = requests.reduce(0) { $0 + $1.totalRequest }
                let budgetTotal = scenario.years.reduce(0) { $0 + fund.budget(in: $1) }
                line += ", \(requests.count) applications, requests \(formatNumber((total * 100).rounded() / 100))万"
                if budgetTotal > 0 { line += " (\(formatNumber((total / budgetTotal * 100).rounded() / 100))× the budget)" }
            } else if let award = fund.award {
                line += ", award \(formatNumber(award))万 per newly named park"
            }
            lines.append(line)
        }
        lines.append("rules: \(scenario.exclude.count) exclusions, \(scenario.limits.count) limits, \(scenario.objective.bonuses.count) bonuses, \(scenario.targets.count) targets\(scenario.loans == nil ? "" : ", loans")")
        lines.append("objective: \(scenario.objective.sense.rawValue)")
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        lines.append("\(warnings) warning\(warnings == 1 ? "" : "s"), no errors")
        return lines.joined(separator: "\n") + "\n"
    }
}
