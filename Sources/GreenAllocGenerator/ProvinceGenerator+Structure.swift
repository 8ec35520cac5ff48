/// Links between projects and committed decisions: `lock`, `exclusive_group`, `requires`; and the banks.
extension ProvinceGenerator {
    /// Numbers of structural features for `projectCount` (900 → 3 locked in, 2 locked out, 4 exclusive groups,
    /// 5 `requires` pairs; groups and pairs grow with the province, locks stay a handful).
    var structureCounts: (lockedIn: Int, lockedOut: Int, groups: Int, requires: Int) {
        let count = projectCount
        return (
            lockedIn: count >= 100 ? min(4, max(2, count / 300)) : min(1, count / 10),
            lockedOut: count >= 600 ? 2 : (count >= 10 ? 1 : 0),
            groups: max(count >= 100 ? 3 : 0, count / 225),
            requires: max(count >= 100 ? 2 : 0, count / 180)
        )
    }

    func addStructure(to projects: inout [ProjectRecord], parks: [ParkRecord]) {
        var random = stream(.structure)
        let counts = structureCounts
        let statusByPark = Dictionary(uniqueKeysWithValues: parks.map { ($0.id, $0.status) })
        var used = projects.map { $0.fund == nil || $0.namingPrerequisite }

        // lock: in — modest, in the provincial library, within the 50% share and drawing in 2022–2023 only, in a
        // park no exclusion rule touches: fundable in every Shandong scenario.
        let fundableStatuses: Set<ParkStatus> = [.namedNational, .namedProvincial, .underConstruction, .applying, .none]
        var candidates = projects.indices.filter { index in
            let project = projects[index]
            return !used[index] && project.provincialLibrary == "in_library"
                && fundableStatuses.contains(statusByPark[project.park] ?? .revoked)
                && (100...1_500).contains(project.totalRequest) && project.totalRequest <= 0.5 * project.investment
                && project.request(in: 2024) == 0 && project.request(in: 2025) == 0
        }
        random.shuffle(&candidates)
        for index in candidates.prefix(counts.lockedIn) {
            projects[index].lock = "in"
            used[index] = true
        }
        var open = projects.indices.filter { !used[$0] }
        random.shuffle(&open)
        for index in open.prefix(counts.lockedOut) {
            projects[index].lock = "out"
            used[index] = true
        }

        // Free regular projects by park, in park order, then parks in random order.
        var freeByPark: [String: [Int]] = [:]
        for index in projects.indices where !used[index] { freeByPark[projects[index].park, default: []].append(index) }
        var parkOrder = parks.map(\.id).filter { (freeByPark[$0]?.count ?? 0) >= 3 }
        random.shuffle(&parkOrder)
        var cursor = 0

        // exclusive_group: 2–3 alternative designs of one work in the same park, ±30% in size.
        let numerals = ["一", "二", "三"]
        for group in 0..<counts.groups where cursor < parkOrder.count {
            let members = Array(freeByPark[parkOrder[cursor], default: []].prefix(random.chance(0.5) ? 3 : 2))
            cursor += 1
            let groupID = Self.identifier("G", group + 1, of: counts.groups, minimum: 2)
            let base = projects[members[0]]
            for (position, index) in members.enumerated() {
                if position > 0 {
                    let factor = random.uniform(0.7, 1.3)
                    var alternative = base
                    alternative.id = projects[index].id
                    alternative.investment = Self.wholeMoney(base.investment * factor)
                    alternative.requests = base.requests.map { Self.tenthMoney($0 * factor) }
                    alternative.loanNeed = base.loanNeed.map { Self.wholeMoney($0 * factor) }
                    alternative.benefits = base.benefits.map { $0.map { max(0.1, Self.tenthMoney($0 * factor)) } }
                    alternative.maturity = projects[index].maturity
                    alternative.minShare = projects[index].minShare
                    projects[index] = alternative
                }
                projects[index].name = base.name + "（方案\(numerals[position])）"
                projects[index].exclusiveGroup = groupID
                used[index] = true
            }
        }

        // requires: a follow-up work that needs another work of the same park.
        for _ in 0..<counts.requires where cursor < parkOrder.count {
            let members = freeByPark[parkOrder[cursor], default: []].prefix(2)
            cursor += 1
            let (dependent, prerequisite) = (members[members.startIndex], members[members.startIndex + 1])
            projects[dependent].requires = [projects[prerequisite].id]
            used[dependent] = true
            used[prerequisite] = true
        }
    }

    /// Twelve banks with capacities summing to ≈ 75% of the loan need of projects in the green-finance library
    /// (tier general or preferred), rounded to 1,000万, so that lending is rationed.
    func makeBanks(projects: [ProjectRecord]) -> [BankRecord] {
        let need = projects.filter { $0.financeTier != "none" }.compactMap(\.loanNeed).reduce(0, +)
        let banks = ShandongReference.banks
        return banks.enumerated().map { offset, bank in
            BankRecord(
                id: Self.identifier("B", offset + 1, of: banks.count, minimum: 2), name: bank.name,
                capacity: max(1_000, (need * 0.75 * bank.capacityShare / 1_000).rounded(.toNearestOrAwayFromZero) * 1_000),
                maxPerProject: bank.maxPerProject, minTier: bank.minTier, cities: bank.cities)
        }
    }
}
