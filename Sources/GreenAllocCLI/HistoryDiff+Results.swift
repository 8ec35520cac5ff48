internal import Foundation
internal import GreenAllocCore
internal import GreenAllocHistory

/// How the results of two runs differ, read from their stored allocation.json: projects newly funded or
/// dropped, subsidies that changed, city and category totals, parks named, targets and the banks' lists.
struct ResultDiff {
    struct Project {
        var id: String
        var name: String
        var city: String
        var category: String
        var funded: Bool
        var subsidy: Double
    }

    struct Amount {
        var key: String
        var name: String
        var before: Double
        var after: Double
    }

    struct Target {
        var name: String
        var before: Double?
        var after: Double?
        var metBefore: Bool?
        var metAfter: Bool?
    }

    struct Loan {
        var project: String
        var name: String
        var before: String?
        var after: String?
    }

    var newlyFunded: [Project] = []
    var dropped: [Project] = []
    var subsidyChanged: [Amount] = []
    var cities: [Amount] = []
    var categories: [Amount] = []
    /// Parks (id, name) named in the second run only, and in the first only.
    var parksNamed: [(String, String)] = []
    var parksNoLonger: [(String, String)] = []
    var targets: [Target] = []
    var loans: [Loan] = []

    /// nil when either run kept no allocation.json (commands other than solve).
    init?(database: HistoryDatabase, before a: Int64, after b: Int64) throws {
        func allocation(_ id: Int64) throws -> [String: Any]? {
            guard let file = try database.outputs(of: id).first(where: { $0.path == "allocation.json" && $0.stored }) else { return nil }
            return try JSONSerialization.jsonObject(with: try database.bytes(file.sha256)) as? [String: Any]
        }
        guard let first = try allocation(a), let second = try allocation(b) else { return nil }
        compareProjects(Self.projects(first), Self.projects(second))
        compareParks(first, second)
        compareTargets(first, second)
        compareLoans(first, second, names: Dictionary(Self.projects(second).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }

    static func projects(_ allocation: [String: Any]) -> [Project] {
        ((allocation["projects"] as? [[String: Any]]) ?? []).map { item in
            Project(
                id: item["id"] as? String ?? "", name: item["name"] as? String ?? "", city: item["city"] as? String ?? "",
                category: item["category"] as? String ?? "", funded: item["funded"] as? Bool ?? false,
                subsidy: (item["subsidy_total"] as? NSNumber)?.doubleValue ?? 0)
        }
    }

    mutating func compareProjects(_ old: [Project], _ new: [Project]) {
        let previous = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for project in new {
            let earlier = previous[project.id]
            let wasFunded = earlier?.funded ?? false
            if project.funded && !wasFunded { newlyFunded.append(project) }
            if !project.funded, let earlier, wasFunded { dropped.append(earlier) }
            if project.funded, wasFunded, let earlier, Self.money(earlier.subsidy) != Self.money(project.subsidy) {
                subsidyChanged.append(Amount(key: project.id, name: project.name, before: earlier.subsidy, after: project.subsidy))
            }
        }
        let ids = Set(new.map(\.id))
        dropped += old.filter { $0.funded && !ids.contains($0.id) }
        cities = Self.totals(old, new, by: \.city)
        categories = Self.totals(old, new, by: \.category)
    }

    /// Subsidy totals by city or category that changed, by id.
    static func totals(_ old: [Project], _ new: [Project], by key: KeyPath<Project, String>) -> [Amount] {
        func sums(_ projects: [Project]) -> [String: Double] {
            projects.reduce(into: [:]) { $0[$1[keyPath: key], default: 0] += $1.subsidy }
        }
        let (before, after) = (sums(old), sums(new))
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            let (first, second) = (before[name] ?? 0, after[name] ?? 0)
            return money(first) == money(second) ? nil : Amount(key: name, name: name, before: first, after: second)
        }
    }

    mutating func compareParks(_ old: [String: Any], _ new: [String: Any]) {
        func parks(_ allocation: [String: Any]) -> [(String, String)] {
            ((allocation["parks"] as? [[String: Any]]) ?? []).map { ($0["id"] as? String ?? "", $0["name"] as? String ?? "") }
        }
        let (first, second) = (parks(old), parks(new))
        parksNamed = second.filter { park in !first.contains { $0.0 == park.0 } }.sorted { $0.0 < $1.0 }
        parksNoLonger = first.filter { park in !second.contains { $0.0 == park.0 } }.sorted { $0.0 < $1.0 }
    }

    mutating func compareTargets(_ old: [String: Any], _ new: [String: Any]) {
        func targets(_ allocation: [String: Any]) -> [String: (Double?, Bool?)] {
            let items = (allocation["targets"] as? [[String: Any]]) ?? []
            return Dictionary(items.map { ($0["name"] as? String ?? "", (($0["value"] as? NSNumber)?.doubleValue, $0["met"] as? Bool)) },
                uniquingKeysWith: { a, _ in a })
        }
        let (first, second) = (targets(old), targets(new))
        for name in Set(first.keys).union(second.keys).sorted() {
            let (before, after) = (first[name], second[name])
            if before?.0.map(Self.money) != after?.0.map(Self.money) || before?.1 != after?.1 {
                self.targets.append(Target(name: name, before: before?.0, after: after?.0, metBefore: before?.1, metAfter: after?.1))
            }
        }
    }

    mutating func compareLoans(_ old: [String: Any], _ new: [String: Any], names: [String: String]) {
        func banks(_ allocation: [String: Any]) -> [String: String] {
            let items = (allocation["loans"] as? [[String: Any]]) ?? []
            return Dictionary(items.map { ($0["project"] as? String ?? "", $0["bank"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        }
        let (first, second) = (banks(old), banks(new))
        for project in Set(first.keys).union(second.keys).sorted() where first[project] != second[project] {
            loans.append(Loan(project: project, name: names[project] ?? "", before: first[project], after: second[project]))
        }
    }

    /// Money as the outputs keep it: rounded to 0.0001 万元.
    static func money(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
