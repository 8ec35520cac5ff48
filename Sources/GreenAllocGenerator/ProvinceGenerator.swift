/// Generates a synthetic Shandong province: the 16 real prefecture cities, the real parks of docs/DOMAIN.md
/// followed by synthetic ones spread by GDP, 2–12 projects per park and the banks of the green-finance round.
///
/// The output depends on `seed` and `projects` only: the generator uses its own xoshiro256** stream, its own
/// normal sampler and logarithm, and integer-based number formatting, so every platform writes the same bytes.
/// Each concern draws from its own sub-stream (parks, statuses, sizes, projects, structure), so that changing
/// how one is drawn does not reshuffle the others.
public struct ProvinceGenerator: Sendable {
    public var seed: UInt64
    /// Exactly this many projects are generated.
    public var projectCount: Int

    /// The default bundle: `Scenarios/shandong/data`.
    public static let bundledSeed: UInt64 = 2022
    public static let bundledProjectCount = 900

    public init(seed: UInt64, projects: Int) {
        self.seed = seed
        self.projectCount = max(0, projects)
    }

    /// ≈ one park per 6.25 projects (900 → 144, 1,000 → 160, 10,000 → 1,600), so that every park can hold
    /// 2–12 projects.
    public var parkCount: Int {
        guard projectCount > 0 else { return 0 }
        let proportional = Int((Double(projectCount) / 6.25).rounded(.toNearestOrAwayFromZero))
        return max(1, min(proportional, projectCount / 2))
    }

    public func generate() -> GeneratedProvince {
        let cities = makeCities()
        var parks = makeParks()
        let plans = assignStatuses(to: &parks)
        let sizes = projectsPerPark(parkCount: parks.count)
        var projects = makeProjects(parks: parks, plans: plans, sizes: sizes)
        addStructure(to: &projects, parks: parks)
        let banks = makeBanks(projects: projects)
        return GeneratedProvince(
            seed: seed, cityRecords: cities, parkRecords: parks, projectRecords: projects, bankRecords: banks)
    }

    /// An independent stream for one concern.
    func stream(_ concern: Concern) -> Xoshiro256StarStar {
        var mixer = SplitMix64(seed: seed ^ (concern.rawValue &* 0xD6E8_FEB8_6659_FD93))
        return Xoshiro256StarStar(seed: mixer.next())
    }

    enum Concern: UInt64 {
        case parkNames = 1, statuses, sizes, projects, structure
    }

    /// Identifiers padded to the width the count needs, at least `minimum` digits.
    static func identifier(_ prefix: String, _ number: Int, of count: Int, minimum: Int) -> String {
        let width = max(minimum, String(count).count)
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
