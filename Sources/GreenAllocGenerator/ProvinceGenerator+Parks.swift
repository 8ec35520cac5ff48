/// Cities, parks, their eco-park statuses (as of early 2022) and the number of projects each park submits.
extension ProvinceGenerator {
    /// Per park: the year its naming package is planned to complete (under-construction parks only) and the
    /// place used in enterprise names.
    struct ParkPlan {
        var namingYear: Int?
        var place: String
    }

    func makeCities() -> [CityRecord] {
        ShandongReference.cities.map {
            CityRecord(id: $0.code, name: $0.name + "市", pinyin: $0.pinyin, region: $0.region, gdp2022: $0.gdp)
        }
    }

    /// Real parks first (the seven national eco-industrial parks lead), then synthetic parks apportioned to cities
    /// by GDP^0.8 (largest remainder), named "<county><kind>" and made unique.
    func makeParks() -> [ParkRecord] {
        let total = parkCount
        var random = stream(.parkNames)
        var parks: [ParkRecord] = []
        parks.reserveCapacity(total)
        var usedNames = Set<String>()
        for real in ShandongReference.parks.prefix(total) {
            usedNames.insert(real.name)
            parks.append(ParkRecord(
                id: "", name: real.name, city: real.city, level: real.level, type: real.type,
                chemical: real.chemical, status: real.nationalEcoPark ? .namedNational : .none,
                barredUntil: nil, namingYear: nil, reviewScore: 0))
        }
        let synthetic = total - parks.count
        let cities = ShandongReference.cities
        let quotas = Self.apportion(synthetic, weights: cities.map { DeterministicMath.exp(0.8 * DeterministicMath.log(Double($0.gdp))) })
        let kinds = ShandongReference.syntheticParkKinds
        for (city, quota) in zip(cities, quotas) where quota > 0 {
            for _ in 0..<quota {
                var name = ""
                var kind = kinds[0]
                for _ in 0..<12 {
                    kind = random.pick(kinds.map { ($0, $0.weight) })
                    name = random.element(of: city.places) + kind.suffix
                    if !usedNames.contains(name) { break }
                }
                if usedNames.contains(name) {
                    let base = name
                    var number = 2
                    repeat {
                        name = base + "第\(number)片区"
                        number += 1
                    } while usedNames.contains(name)
                }
                usedNames.insert(name)
                parks.append(ParkRecord(
                    id: "", name: name, city: city.code, level: kind.level, type: kind.type,
                    chemical: kind.chemical, status: .none, barredUntil: nil, namingYear: nil, reviewScore: 0))
            }
        }
        for index in parks.indices {
            parks[index].id = Self.identifier("K", index + 1, of: total, minimum: 3)
        }
        return parks
    }

    /// Status quotas as shares of all parks (≈ for 144 parks: 7 national, 19 provincial, 59 under construction,
    /// 3 rectifying, 2 revoked, 2 barred, the rest applying or none), so that "≥ 50% of non-revoked parks by
    /// 2025" needs about three quarters of the parks under construction named.
    static func statusQuotas(parks total: Int, national: Int) -> [(ParkStatus, Int)] {
        func share(_ fraction: Double, atLeast minimum: Int = 0) -> Int {
            max(total >= 20 ? minimum : 0, Int((Double(total) * fraction).rounded(.toNearestOrAwayFromZero)))
        }
        var quotas: [(ParkStatus, Int)] = [
            (.namedProvincial, share(0.135)),
            (.rectifying, share(0.02, atLeast: 1)),
            (.revoked, share(0.017, atLeast: 1)),
            (.underConstruction, share(0.41)),
            (.barred, share(0.017, atLeast: 1)),
        ]
        var remaining = total - national
        for index in quotas.indices {
            quotas[index].1 = min(quotas[index].1, remaining)
            remaining -= quotas[index].1
        }
        let applying = Int((Double(remaining) * 0.4).rounded(.toNearestOrAwayFromZero))
        quotas.append((.applying, applying))
        quotas.append((.none, remaining - applying))
        return quotas
    }

    /// Statuses, review scores, bars and naming years. Parks are ordered by a random key (real parks drawn
    /// forward) and take the quotas in turn: named first, then rectifying and revoked (once named), then under
    /// construction, barred, applying, none. Under-construction parks get a planned naming year by quota
    /// (25% 2022, 30% 2023, 27% 2024, the rest 2025); about 45% of those planned for 2023–2024 carry that year as
    /// `naming_year`.
    func assignStatuses(to parks: inout [ParkRecord]) -> [ParkPlan] {
        var random = stream(.statuses)
        let national = parks.filter { $0.status == .namedNational }.count
        let realCount = min(parks.count, ShandongReference.parks.count)
        var order = parks.indices.filter { parks[$0].status != .namedNational }
        let keys = order.map { random.unit() - ($0 < realCount ? 0.35 : 0) }
        order = zip(order, keys).sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.map(\.0)
        var cursor = 0
        for (status, count) in Self.statusQuotas(parks: parks.count, national: national) {
            for _ in 0..<count where cursor < order.count {
                parks[order[cursor]].status = status
                cursor += 1
            }
        }
        for index in parks.indices {
            let range: ClosedRange<Int>
            switch parks[index].status {
            case .namedNational: range = 80...98
            case .namedProvincial: range = 65...95
            case .rectifying: range = 55...59
            case .revoked: range = 55...62
            case .barred: range = 55...64
            case .underConstruction: range = 62...90
            case .applying, .none: range = 55...85
            }
            parks[index].reviewScore = random.integer(in: range)
            if parks[index].status == .barred {
                let year = random.integer(in: 2023...2024)
                let month = random.integer(in: 1...12)
                let day = random.integer(in: 1...28)
                parks[index].barredUntil = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            }
        }
        var plans = parks.map { park in
            ParkPlan(namingYear: nil, place: Self.place(of: park))
        }
        var underConstruction = parks.indices.filter { parks[$0].status == .underConstruction }
        random.shuffle(&underConstruction)
        let count = underConstruction.count
        let quota2022 = Int((Double(count) * 0.25).rounded(.toNearestOrAwayFromZero))
        let quota2023 = Int((Double(count) * 0.30).rounded(.toNearestOrAwayFromZero))
        let quota2024 = Int((Double(count) * 0.27).rounded(.toNearestOrAwayFromZero))
        for (position, index) in underConstruction.enumerated() {
            let year: Int
            switch position {
            case ..<quota2022: year = 2022
            case ..<(quota2022 + quota2023): year = 2023
            case ..<(quota2022 + quota2023 + quota2024): year = 2024
            default: year = 2025
            }
            plans[index].namingYear = year
            if (year == 2023 || year == 2024) && random.chance(0.45) {
                parks[index].namingYear = year
            }
        }
        return plans
    }

    /// The place in enterprise names: the county of a synthetic park, the city of a real one.
    static func place(of park: ParkRecord) -> String {
        let city = ShandongReference.cities.first { $0.code == park.city }
        if let city, let county = city.places.first(where: { park.name.hasPrefix($0) }) { return county }
        return city?.name ?? ""
    }

    /// 2–12 projects per park summing to exactly `projectCount`: a lognormal draw (median 5.5) clamped to
    /// 2–12, then random ±1 steps until the total matches.
    func projectsPerPark(parkCount total: Int) -> [Int] {
        guard total > 0 else { return [] }
        if total == 1 { return [projectCount] }
        var random = stream(.sizes)
        var sizes = (0..<total).map { _ in
            min(12, max(2, Int(random.logNormal(median: 5.5, sigma: 0.45).rounded(.toNearestOrAwayFromZero))))
        }
        var sum = sizes.reduce(0, +)
        while sum != projectCount {
            let index = random.integer(in: 0...(total - 1))
            if sum < projectCount && sizes[index] < 12 {
                sizes[index] += 1
                sum += 1
            } else if sum > projectCount && sizes[index] > 2 {
                sizes[index] -= 1
                sum -= 1
            }
        }
        return sizes
    }

    /// Largest-remainder apportionment of `total` by `weights` (ties to the lower index).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        guard total > 0 else { return weights.map { _ in 0 } }
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0) }
        let remainders = exact.enumerated().map { ($0.offset, $0.element - Double(counts[$0.offset])) }
        let order = remainders.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        for (index, _) in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
        return counts
    }
}
