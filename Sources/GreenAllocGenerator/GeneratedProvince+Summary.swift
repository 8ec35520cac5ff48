/// A plain-text digest of a generated province: the figures a planner checks before writing budgets.
extension GeneratedProvince {
    /// The year each under-construction park could be named: the latest year its naming package draws money,
    /// or its `naming_year` if later (scenario-format §10). Parks without a package are absent.
    public var earliestNamingYears: [String: Int] {
        var latest: [String: Int] = [:]
        for project in projectRecords where project.namingPrerequisite {
            let year = project.requestYears.max() ?? ProjectRecord.years[0]
            latest[project.park] = max(latest[project.park] ?? year, year)
        }
        var result: [String: Int] = [:]
        for park in parkRecords where park.status == .underConstruction {
            guard let year = latest[park.id] else { continue }
            result[park.id] = max(year, park.namingYear ?? year)
        }
        return result
    }

    public var summary: String {
        var lines: [String] = []
        let parks = parkRecords
        let projects = projectRecords
        lines.append("合成山东省 synthetic Shandong province, seed \(seed)")
        lines.append("cities \(cityRecords.count), parks \(parks.count), projects \(projects.count), banks \(bankRecords.count)")

        let statusCounts = ParkStatus.allCases.map { status in
            "\(status.rawValue) \(parks.filter { $0.status == status }.count)"
        }
        lines.append("park status: " + statusCounts.joined(separator: ", "))
        let named = parks.filter { $0.status.isNamed }.count
        let base = parks.filter { $0.status != .revoked }.count
        let needed = (base + 1) / 2
        let underConstruction = parks.filter { $0.status == .underConstruction }.count
        lines.append("eco parks now \(named) of \(base) non-revoked; 50% needs \(needed), i.e. \(max(0, needed - named)) "
            + "of \(underConstruction) under construction newly named")
        let namingYears = earliestNamingYears
        let byYear = ProjectRecord.years.map { year in "\(year) \(namingYears.values.filter { $0 == year }.count)" }
        lines.append("earliest naming year of parks under construction: " + byYear.joined(separator: ", "))

        let funded = projects.filter { $0.fund != nil }
        lines.append("projects: \(funded.count) apply to prov-special, \(projects.count - funded.count) loan-only")
        let categories = ProjectCatalogue.categories.map { category in
            "\(category.id) \(projects.filter { $0.category == category.id }.count)"
        }
        lines.append("categories: " + categories.joined(separator: ", "))
        let investments = projects.map(\.investment).sorted()
        if !investments.isEmpty {
            func quantile(_ fraction: Double) -> String {
                DecimalFormatting.whole(investments[min(investments.count - 1, Int(Double(investments.count) * fraction))])
            }
            lines.append("investment 万元: total \(DecimalFormatting.whole(investments.reduce(0, +))), p10 \(quantile(0.1)), "
                + "median \(quantile(0.5)), p90 \(quantile(0.9)), max \(DecimalFormatting.whole(investments.last ?? 0))")
        }
        let requests = ProjectRecord.years.map { year in
            "\(year) \(DecimalFormatting.oneDecimal(projects.map { $0.request(in: year) }.reduce(0, +)))"
        }
        lines.append("requests 万元: " + requests.joined(separator: ", "))
        let packages = projects.filter(\.namingPrerequisite)
        lines.append("naming packages: \(Set(packages.map(\.park)).count) parks, \(packages.count) projects, "
            + "\(DecimalFormatting.oneDecimal(packages.map(\.totalRequest).reduce(0, +))) 万元 requested")
        let lockedIn = projects.filter { $0.lock == "in" }
        lines.append("lock in: \(lockedIn.map(\.id).joined(separator: " ")) "
            + "(\(DecimalFormatting.oneDecimal(lockedIn.map(\.totalRequest).reduce(0, +))) 万元); lock out: "
            + projects.filter { $0.lock == "out" }.map(\.id).joined(separator: " "))
        lines.append("exclusive groups \(Set(projects.compactMap(\.exclusiveGroup)).count), "
            + "requires links \(projects.filter { !$0.requires.isEmpty }.count)")
        let loans = projects.compactMap(\.loanNeed)
        lines.append("loan need: \(loans.count) projects, \(DecimalFormatting.whole(loans.reduce(0, +))) 万元; "
            + "bank capacity \(DecimalFormatting.whole(bankRecords.map(\.capacity).reduce(0, +))) 万元")
        return lines.joined(separator: "\n") + "\n"
    }
}
