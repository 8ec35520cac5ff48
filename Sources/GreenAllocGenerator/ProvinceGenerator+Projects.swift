/// Projects: a naming package for every park under construction, then regular projects drawn by category.
extension ProvinceGenerator {
    static let maturities: [(String, Double)] = [
        ("concept", 0.05), ("proposal", 0.12), ("fs_approved", 0.18), ("eia_approved", 0.18),
        ("design_approved", 0.15), ("ready_to_start", 0.20), ("under_construction", 0.12),
    ]
    static let centralLibrary: [(String, Double)] = [
        ("not_submitted", 0.35), ("submitted", 0.15), ("in_library", 0.30), ("supplementary", 0.05),
        ("rejected", 0.10), ("funded", 0.05),
    ]
    /// Provincial library for mature projects (fs_approved or later) and for early ones: about 71% of all
    /// projects end up `in_library` or `supplementary` (≈ the 73% of DOMAIN.md).
    static let provincialLibraryMature: [(String, Double)] = [
        ("in_library", 0.60), ("supplementary", 0.17), ("submitted", 0.10), ("not_submitted", 0.05),
        ("rejected", 0.05), ("funded", 0.03),
    ]
    static let provincialLibraryEarly: [(String, Double)] = [
        ("in_library", 0.30), ("supplementary", 0.12), ("submitted", 0.25), ("not_submitted", 0.20),
        ("rejected", 0.10), ("funded", 0.03),
    ]
    static let financeTiers: [(String, Double)] = [("none", 0.45), ("general", 0.38), ("preferred", 0.17)]
    static let startYears: [(Int, Double)] = [(2022, 0.45), (2023, 0.33), (2024, 0.15), (2025, 0.07)]

    static let fundID = "prov-special"

    func makeProjects(parks: [ParkRecord], plans: [ParkPlan], sizes: [Int]) -> [ProjectRecord] {
        var random = stream(.projects)
        var projects: [ProjectRecord] = []
        projects.reserveCapacity(projectCount)
        for (index, park) in parks.enumerated() {
            var remaining = sizes[index]
            var namesInPark = Set<String>()
            if park.status == .underConstruction, let year = plans[index].namingYear {
                let packageSize = min(remaining, random.pick([(1, 0.35), (2, 0.40), (3, 0.25)]))
                var templates = ProjectCatalogue.prerequisites
                random.shuffle(&templates)
                for template in templates.prefix(packageSize) {
                    var project = prerequisite(
                        template, park: park, plannedYear: year, namingYear: park.namingYear, using: &random)
                    project.name = Self.unique(project.name, in: &namesInPark)
                    projects.append(project)
                }
                remaining -= packageSize
            }
            for _ in 0..<remaining {
                var project = regularProject(park: park, place: plans[index].place, using: &random)
                project.name = Self.unique(project.name, in: &namesInPark)
                projects.append(project)
            }
        }
        for index in projects.indices {
            projects[index].id = Self.identifier("P", index + 1, of: projectCount, minimum: 4)
        }
        return projects
    }

    /// A project of the park's naming package: park-wide, modest (median 1,500万, at most 6,000万), mature, in
    /// the provincial library, requesting 20–40% of its investment in the planned naming year (or, when the park
    /// has a `naming_year`, in some year up to it), all or nothing.
    func prerequisite(
        _ entry: (category: String, template: ProjectCatalogue.Template), park: ParkRecord, plannedYear: Int,
        namingYear: Int?, using random: inout Xoshiro256StarStar
    ) -> ProjectRecord {
        let investment = Self.wholeMoney(min(6_000, max(300, random.logNormal(median: 1_500, sigma: 0.6))))
        let total = investment * random.uniform(0.20, 0.40)
        var requests = [0.0, 0.0, 0.0, 0.0]
        if let namingYear {
            let year = random.integer(in: 2022...namingYear)
            requests[year - 2022] = total
        } else if plannedYear > 2022 && random.chance(0.3) {
            let first = random.uniform(0.4, 0.6)
            requests[plannedYear - 2023] = total * first
            requests[plannedYear - 2022] = total * (1 - first)
        } else {
            requests[plannedYear - 2022] = total
        }
        let tier = random.pick(Self.financeTiers)
        return ProjectRecord(
            id: "", name: park.name + entry.template.name, park: park.id, fund: Self.fundID, category: entry.category,
            investment: investment, requests: requests.map(Self.tenthMoney), minShare: nil, lock: nil, requires: [],
            exclusiveGroup: nil, namingPrerequisite: true,
            loanNeed: random.chance(0.25) ? Self.wholeMoney(investment * random.uniform(0.3, 0.6)) : nil,
            maturity: random.pick([("design_approved", 0.35), ("ready_to_start", 0.45), ("under_construction", 0.20)]),
            centralLibrary: random.pick(Self.centralLibrary),
            provincialLibrary: random.chance(0.9) ? "in_library" : "supplementary",
            financeTier: tier, benefits: benefits(entry.template.rates, investment: investment, using: &random))
    }

    /// A regular project. Investment lognormal (median 4,500万, σ = 1.36, capped at 300,000; with the modest
    /// naming packages and capacity building (median 600) all projects have median ≈ 3,500, p10 ≈ 600, p90 ≈
    /// 20,000). About 8% are loan-only (no fund, no request). The request is
    /// 10–60% of investment (skewed low) over one year or two consecutive years.
    func regularProject(park: ParkRecord, place: String, using random: inout Xoshiro256StarStar) -> ProjectRecord {
        let categories = ProjectCatalogue.categories
        let category = random.pick(categories.map { ($0, $0.weight) })
        let template = random.element(of: category.templates)
        let name: String
        if template.parkWide {
            name = park.name + template.name
        } else {
            let trade = random.element(of: ProjectCatalogue.tradeFirst) + random.element(of: ProjectCatalogue.tradeSecond)
            name = place + trade + random.element(of: ProjectCatalogue.industries) + "有限公司" + template.name
        }
        let rawInvestment = category.id == "capacity"
            ? random.logNormal(median: 600, sigma: 0.8)
            : random.logNormal(median: 4_500, sigma: 1.36)
        let investment = Self.wholeMoney(min(300_000, max(50, rawInvestment)))
        let loanOnly = random.chance(0.08)
        var requests = [0.0, 0.0, 0.0, 0.0]
        if !loanOnly {
            let share = 0.10 + 0.50 * DeterministicMath.exp(1.5 * DeterministicMath.log(max(1e-9, random.unit())))
            let total = investment * share
            let start = random.pick(Self.startYears)
            if start < 2025 && random.chance(0.4) {
                let first = random.uniform(0.4, 0.7)
                requests[start - 2022] = total * first
                requests[start - 2021] = total * (1 - first)
            } else {
                requests[start - 2022] = total
            }
        }
        let maturity = random.pick(Self.maturities)
        let early = maturity == "concept" || maturity == "proposal"
        let tier = loanOnly
            ? random.pick([("none", 0.15), ("general", 0.55), ("preferred", 0.30)])
            : random.pick(Self.financeTiers)
        let loanChance = loanOnly ? 1.0 : (tier == "none" ? 0.25 : (tier == "general" ? 0.55 : 0.65))
        let minShare: Double? = !loanOnly && random.chance(0.22) ? random.element(of: [0.5, 0.6, 0.7, 0.8]) : nil
        return ProjectRecord(
            id: "", name: name, park: park.id, fund: loanOnly ? nil : Self.fundID, category: category.id,
            investment: investment, requests: requests.map(Self.tenthMoney), minShare: minShare, lock: nil,
            requires: [], exclusiveGroup: nil, namingPrerequisite: false,
            loanNeed: random.chance(loanChance) ? Self.wholeMoney(investment * random.uniform(0.3, 0.8)) : nil,
            maturity: maturity, centralLibrary: random.pick(Self.centralLibrary),
            provincialLibrary: random.pick(early ? Self.provincialLibraryEarly : Self.provincialLibraryMature),
            financeTier: tier, benefits: benefits(template.rates, investment: investment, using: &random))
    }

    /// Performance targets in t/a: investment × the template's rate × a lognormal factor (σ = 0.35), one decimal;
    /// columns the template does not reduce stay empty.
    func benefits(_ rates: [String: Double], investment: Double, using random: inout Xoshiro256StarStar) -> [Double?] {
        ProjectRecord.benefitColumns.map { column in
            guard let rate = rates[column] else { return nil }
            let value = DecimalFormatting.roundedToTenth(investment * rate * random.logNormal(median: 1, sigma: 0.35))
            return value > 0 ? value : 0.1
        }
    }

    static func wholeMoney(_ value: Double) -> Double { value.rounded(.toNearestOrAwayFromZero) }
    static func tenthMoney(_ value: Double) -> Double { DecimalFormatting.roundedToTenth(value) }

    /// Appends （二期）, （三期）… to a name already used in the park.
    static func unique(_ name: String, in used: inout Set<String>) -> String {
        let phases = ["二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
        var candidate = name
        var phase = 0
        while used.contains(candidate) && phase < phases.count {
            candidate = name + "（\(phases[phase])期）"
            phase += 1
        }
        used.insert(candidate)
        return candidate
    }
}
