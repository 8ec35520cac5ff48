/// What the remaining naming budget could still reach toward a report-only eco-park target (`NamingReach`).
extension AllocationDecoder {
    func namingReach(
        _ target: TargetSpec, planned: Int, denominator: Double, namedParks: [NamedPark], funds: [FundOutcome]
    ) -> NamingReach? {
        guard target.reportOnly, target.metric.isEcoPark, let last = scenario.years.last else { return nil }
        let year = target.year ?? last
        let namable = namableParks(by: year, named: Set(namedParks.map(\.id)))
        let laterYears = year > last ? Array((last + 1)...year) : []
        var money = 0.0
        var yearlyBudget = 0.0
        var award: Double?
        if let position = scenario.funds.firstIndex(where: { $0.kind == .namingAward }), position < funds.count {
            let fund = funds[position]
            for (index, horizonYear) in scenario.years.enumerated() where horizonYear <= year {
                money += Swift.max(0, fund.budget[index] - fund.used[index])
            }
            yearlyBudget = fund.budget.last ?? 0
            money += yearlyBudget * Double(laterYears.count)
            if let value = scenario.funds[position].award, value > 0 { award = value }
        }
        var additional = namable
        if let award { additional = Swift.min(namable, Int((money / award + 1e-9).rounded(.down))) }
        let parks = planned + additional
        let value = target.metric == .ecoParkCount ? Double(parks) : (denominator > 0 ? Double(parks) / denominator : 0)
        return NamingReach(
            parks: parks, value: value, met: value >= target.min - 1e-9 * Swift.max(1, abs(target.min)),
            additional: additional, namable: namable, money: money, award: award, yearlyBudget: yearlyBudget,
            laterYears: laterYears)
    }

    /// Under-construction parks not named in the plan that could still be named by the end of `year`: not barred
    /// after that year, with at least one naming prerequisite, none kept out by a rule (every `why` decided
    /// before solving except `outside_horizon`), and a naming year (as `NamingColumnBridge.namingYear` finds it,
    /// every year counted) not after `year`.
    func namableParks(by year: Int, named: Set<String>) -> Int {
        var prerequisites: [Int: [Int]] = [:]
        for (index, record) in library.projectRecords.enumerated() where record.namingPrerequisite {
            prerequisites[record.park, default: []].append(index)
        }
        let yearEnd = Day(year: year, month: 12, day: 31)
        var count = 0
        for (index, park) in library.parkRecords.enumerated() where park.status == .underConstruction {
            guard !named.contains(park.id), let packages = prerequisites[index] else { continue }
            if let barred = park.barredUntil, let yearEnd, barred > yearEnd { continue }
            let blocked = packages.contains { compiled.facts[$0].blocked.map { $0 != .outsideHorizon } ?? false }
            guard !blocked else { continue }
            var namingYear = park.namingYear ?? Int.min
            for package in packages {
                let record = library.projectRecords[package]
                for (position, amount) in record.request.enumerated() where amount > 0 {
                    namingYear = Swift.max(namingYear, scenario.years[position])
                }
                for later in record.requestOutsideHorizon { namingYear = Swift.max(namingYear, later.year) }
            }
            if namingYear <= year { count += 1 }
        }
        return count
    }
}
