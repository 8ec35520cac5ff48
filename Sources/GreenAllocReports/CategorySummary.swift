import GreenAllocCore

/// Projects and money per project category, as the report's 分类汇总 and the workbook's sheet show them, and
/// the categories' names in words.
struct CategorySummary {
    struct Sums {
        var projects = 0
        var funded = 0
        var requested = 0.0
        var subsidy = 0.0
    }

    /// Category → sums, in one pass over the projects (in their order, so the sums always add up alike).
    let byCategory: [String: Sums]

    init(_ allocation: Allocation) {
        var byCategory: [String: Sums] = [:]
        for project in allocation.projects {
            var sums = byCategory[project.category] ?? Sums()
            sums.projects += 1
            sums.requested += project.requestTotal
            if project.funded {
                sums.funded += 1
                sums.subsidy += project.subsidyTotal
            }
            byCategory[project.category] = sums
        }
        self.byCategory = byCategory
    }

    /// The categories, sorted, with their sums.
    var sorted: [(category: String, sums: Sums)] {
        byCategory.keys.sorted().map { ($0, byCategory[$0] ?? Sums()) }
    }

    static let chineseNames = [
        "air": "大气", "water": "水", "soil": "土壤", "rural": "农村", "solid_waste": "固废", "carbon": "降碳",
        "capacity": "能力建设",
    ]
    static let englishNames = [
        "air": "air", "water": "water", "soil": "soil", "rural": "rural", "solid_waste": "solid waste",
        "carbon": "carbon", "capacity": "capacity building",
    ]
}
