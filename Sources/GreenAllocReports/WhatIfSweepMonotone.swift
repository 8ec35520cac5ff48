public import GreenAllocWhatIf
internal import GreenAllocCore

/// The monotone view (`sweep --monotone`) in sweep.csv, sweep.json and sweep-monotone.csv.
extension WhatIfSweepOutput {
    /// Columns added to sweep.csv with the monotone view.
    public static let monotoneCSVHeader = ["monotone_objective", "given_up", "given_up_percent", "funded_from_here"]

    static func monotoneCells(_ sweep: SweepResult, _ index: Int) -> [String] {
        guard let view = sweep.monotone, index < view.points.count else { return [] }
        let point = view.points[index]
        return [
            point.objective.map { $0.description } ?? "", point.givenUp.map { $0.description } ?? "",
            point.givenUpShare.map { (100 * $0).description } ?? "", point.entering.joined(separator: ";"),
        ]
    }

    static func monotoneJSON(_ view: MonotoneView) -> JSONValue {
        .object([
            ("method", .string("level_by_level")),
            ("total_given_up", .double(view.totalGivenUp)),
            ("points", .array(view.points.map { point in
                .object([
                    ("scale", .double(point.scale)),
                    ("budget_total", .money(point.budgetTotal)),
                    ("status", .string(point.status.rawValue)),
                    ("objective", .double(point.objective)),
                    ("free_objective", .double(point.freeObjective)),
                    ("given_up", .double(point.givenUp)),
                    ("given_up_share", .double(point.givenUpShare)),
                    ("funded_count", .int(point.funded.count)),
                    ("funded_from_here", .array(point.entering.map { .string($0) })),
                ])
            })),
            ("projects", .array(view.firstPoint.map { entry in
                .object([
                    ("project", .string(entry.project)),
                    ("first_scale", .double(view.points[entry.point].scale)),
                    ("first_budget_total", .money(view.points[entry.point].budgetTotal)),
                ])
            })),
        ])
    }

    /// sweep-monotone.csv: per project funded in the monotone view, the first point that funds it.
    public static func monotoneCSV(_ sweep: SweepResult, names: ProjectNames = ProjectNames()) -> String? {
        guard let view = sweep.monotone else { return nil }
        var text = CSVRecord.line(["project", "name", "first_scale", "first_budget_total"])
        for (id, index) in view.firstPoint {
            text += CSVRecord.line([
                id, names.names[id] ?? "", view.points[index].scale.description, MoneyFormat.plain(view.points[index].budgetTotal),
            ])
        }
        return text
    }
}
