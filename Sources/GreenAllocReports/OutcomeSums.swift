import GreenAllocCore

/// What the funded projects deliver (θ × value of each outcome column, as the model's benefit sums count
/// it), in total, by city and by category, with the project subsidy beside it: the report's 绩效目标表. One
/// pass over the projects.
struct OutcomeSums {
    let columns: [String]
    /// θ × value summed over the funded projects, per column.
    var total: [Double]
    var subsidy = 0.0
    /// City id → per column, and its subsidy.
    var byCity: [String: [Double]] = [:]
    var cityPaid: [String: Double] = [:]
    var byCategory: [String: [Double]] = [:]
    var categoryPaid: [String: Double] = [:]

    init(_ allocation: Allocation) {
        columns = allocation.outcomeColumns
        total = Array(repeating: 0, count: columns.count)
        let zero = total
        for project in allocation.projects where project.funded {
            if byCity[project.city] == nil { byCity[project.city] = zero }
            if byCategory[project.category] == nil { byCategory[project.category] = zero }
            for (index, value) in project.outcomeValues.enumerated() where index < columns.count {
                let delivered = project.share * value
                total[index] += delivered
                byCity[project.city]?[index] += delivered
                byCategory[project.category]?[index] += delivered
            }
            let paid = project.subsidyTotal
            subsidy += paid
            cityPaid[project.city, default: 0] += paid
            categoryPaid[project.category, default: 0] += paid
        }
    }
}
