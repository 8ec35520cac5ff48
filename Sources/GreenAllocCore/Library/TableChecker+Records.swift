/// The steps of `Library.build`: each table's rows checked and turned into records, references resolved.
extension TableChecker {
    mutating func parkRecords(_ parks: DataTable, cityIndex: [String: Int]) -> [ParkRecord] {
        let parkIDs = ids(parks, required: ["id", "name", "city", "status"])
        var parkRecords: [ParkRecord] = []
        for row in 0..<parks.rowCount {
            let city = reference(parks, row: row, column: "city", in: cityIndex, what: "city") ?? 0
            let status = enumeration(parks, row: row, column: "status", ParkStatus.self) ?? .none
            let barred = date(parks, row: row, column: "barred_until")
            let namingYear = integer(parks, row: row, column: "naming_year")
            parkRecords.append(
                ParkRecord(
                    id: parkIDs[row], name: parks.value("name", row: row).description, city: city, status: status,
                    barredUntil: barred, namingYear: namingYear))
        }
        return parkRecords
    }

    mutating func projectRecords(_ projects: DataTable, scenario: Scenario, parkRecords: [ParkRecord]) -> [ProjectRecord] {
        let parkIndex = Dictionary(parkRecords.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let projectIDs = ids(projects, required: ["id", "name", "park", "fund", "category", "investment"])
        let projectIndex = Dictionary(projectIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let requestColumns = requestColumns(projects, years: scenario.years)
        var projectRecords: [ProjectRecord] = []
        for row in 0..<projects.rowCount {
            let park = reference(projects, row: row, column: "park", in: parkIndex, what: "park") ?? 0
            let fund = fund(projects, row: row, scenario: scenario)
            let (request, outside) = requests(projects, row: row, columns: requestColumns, years: scenario.years)
            if fund == nil, request.contains(where: { $0 > 0 }) || !outside.isEmpty {
                warning(projects, row: row, column: "fund", "project \(projectIDs[row]) requests a subsidy but names no fund: it is treated as loan-only")
            }
            let investment = money(projects, row: row, column: "investment", required: true) ?? 0
            let minShare = number(projects, row: row, column: "min_share") ?? 1
            if !(minShare > 0 && minShare <= 1) {
                error(projects, row: row, column: "min_share", "min_share \(formatNumber(minShare)) must lie in (0, 1]")
            }
            let lock = enumeration(projects, row: row, column: "lock", LockState.self)
            let requires = requires(projects, row: row, projectIndex: projectIndex)
            let group = projects.value("exclusive_group", row: row).text.flatMap { $0.isEmpty ? nil : $0 }
            let prerequisite = boolean(projects, row: row, column: "naming_prerequisite") ?? false
            let loanNeed = money(projects, row: row, column: "loan_need", required: false) ?? 0
            _ = ordered(projects, row: row, column: "maturity", maturityOrder)
            _ = ordered(projects, row: row, column: "central_library", libraryStatuses)
            _ = ordered(projects, row: row, column: "provincial_library", libraryStatuses)
            let tier = financeTier(projects, row: row)
            let parkRecord = parkRecords.indices.contains(park) ? parkRecords[park] : nil
            if let parkRecord {
                warnAgainstPark(
                    projects, row: row, id: projectIDs[row], park: parkRecord, prerequisite: prerequisite,
                    request: request, investment: investment)
            }
            projectRecords.append(
                ProjectRecord(
                    id: projectIDs[row], name: projects.value("name", row: row).description, park: park,
                    city: parkRecord?.city ?? 0, fund: fund, category: projects.value("category", row: row).description,
                    investment: investment, request: request, requestOutsideHorizon: outside, minShare: minShare,
                    lock: lock, requires: requires, exclusiveGroup: group, namingPrerequisite: prerequisite,
                    loanNeed: loanNeed, tier: tier))
        }
        warnOutsideHorizon(projects, records: projectRecords, columns: requestColumns, years: scenario.years)
        return projectRecords
    }

    /// The project's fund (an index into the scenario's funds); nil when it names none or an unknown one.
    mutating func fund(_ projects: DataTable, row: Int, scenario: Scenario) -> Int? {
        guard let fundID = projects.value("fund", row: row).text, !fundID.isEmpty else { return nil }
        guard let index = scenario.funds.firstIndex(where: { $0.id == fundID }) else {
            error(projects, row: row, column: "fund", "unknown fund '\(fundID)' (the scenario's funds: \(scenario.funds.map(\.id).joined(separator: ", ")))")
            return nil
        }
        if scenario.funds[index].kind == .namingAward {
            error(projects, row: row, column: "fund", "fund '\(fundID)' is a naming_award fund; projects apply to project_subsidy funds")
        }
        return index
    }

    /// The projects named in `requires` (separated by `;`), each once, never the project itself.
    mutating func requires(_ projects: DataTable, row: Int, projectIndex: [String: Int]) -> [Int] {
        var requires: [Int] = []
        guard let text = projects.value("requires", row: row).text else { return requires }
        for part in text.split(separator: ";") {
            let id = part.trimmingSpaces
            guard !id.isEmpty else { continue }
            if let index = projectIndex[id] {
                if index == row {
                    error(projects, row: row, column: "requires", "project \(id) requires itself")
                } else if !requires.contains(index) {
                    requires.append(index)
                }
            } else {
                error(projects, row: row, column: "requires", "requires unknown project '\(id)'")
            }
        }
        return requires
    }

    mutating func financeTier(_ projects: DataTable, row: Int) -> FinanceTier {
        guard let text = projects.value("finance_tier", row: row).text, !text.isEmpty else { return .none }
        guard let parsed = FinanceTier(text: text) else {
            error(projects, row: row, column: "finance_tier", "finance_tier '\(text)' is not one of none, general, preferred")
            return .none
        }
        return parsed
    }

    /// Warnings that read the project's park: a naming prerequisite without effect, a request above the
    /// investment.
    mutating func warnAgainstPark(
        _ projects: DataTable, row: Int, id: String, park: ParkRecord, prerequisite: Bool, request: [Double],
        investment: Double
    ) {
        if prerequisite, park.status != .underConstruction {
            warning(projects, row: row, column: "naming_prerequisite", "naming prerequisite of park \(park.id), whose status is \(park.status.rawValue), not under_construction: it has no effect")
        }
        let total = request.reduce(0, +)
        if total > investment, investment > 0 {
            warning(projects, row: row, column: "investment", "project \(id) requests \(formatNumber(total))万, more than its investment \(formatNumber(investment))万")
        }
    }

    mutating func bankRecords(_ banks: DataTable, cityIndex: [String: Int]) -> [BankRecord] {
        let bankIDs = ids(banks, required: ["id", "name", "capacity"])
        var bankRecords: [BankRecord] = []
        for row in 0..<banks.rowCount {
            let served = servedCities(banks, row: row, cityIndex: cityIndex)
            let minTier = minTier(banks, row: row)
            bankRecords.append(
                BankRecord(
                    id: bankIDs[row], name: banks.value("name", row: row).description,
                    capacity: money(banks, row: row, column: "capacity", required: true) ?? 0,
                    maxPerProject: money(banks, row: row, column: "max_per_project", required: false),
                    minTier: minTier, cities: served))
        }
        return bankRecords
    }

    /// The cities a bank serves (nil: every city).
    mutating func servedCities(_ banks: DataTable, row: Int, cityIndex: [String: Int]) -> Set<Int>? {
        guard let text = banks.value("cities", row: row).text, !text.isEmpty else { return nil }
        var served: Set<Int> = []
        for part in text.split(separator: ";") {
            let id = part.trimmingSpaces
            if let index = cityIndex[id] {
                served.insert(index)
            } else if !id.isEmpty {
                error(banks, row: row, column: "cities", "unknown city '\(id)'")
            }
        }
        return served
    }

    mutating func minTier(_ banks: DataTable, row: Int) -> FinanceTier {
        guard let text = banks.value("min_tier", row: row).text, !text.isEmpty else { return .none }
        guard let parsed = FinanceTier(text: text), parsed != .none else {
            error(banks, row: row, column: "min_tier", "min_tier '\(text)' is not one of general, preferred")
            return .none
        }
        return parsed
    }
}
