public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc sweep`: CSV, JSON, Markdown, HTML and an SVG chart of a `SweepResult` (the last three from
/// `SweepPage`). JSON adds to each point the parks named and the targets' values, and lists the departures. Nothing depends on timing
/// or thread count, so the same sweep writes the same bytes.
public enum WhatIfSweepOutput {
    public static let csvHeader = [
        "scale", "budget_total", "objective", "status", "funded_count", "subsidy_total", "marginal_benefit_per_wan",
        "entering", "leaving",
    ]

    public static func csv(_ sweep: SweepResult) -> String {
        var text = CSVRecord.line(csvHeader + (sweep.monotone == nil ? [] : monotoneCSVHeader))
        for (index, point) in sweep.points.enumerated() {
            text += CSVRecord.line([
                point.scale.description, MoneyFormat.plain(point.budgetTotal),
                point.objective.map { $0.description } ?? "", point.status.rawValue, String(point.fundedCount),
                MoneyFormat.plain(point.subsidyTotal), point.marginal.map { $0.description } ?? "",
                point.entering.joined(separator: ";"), point.leaving.joined(separator: ";"),
            ] + monotoneCells(sweep, index))
        }
        return text
    }

    public static func json(_ sweep: SweepResult) -> String {
        JSONWriter.render(
            .object([
                ("format", .string("greenalloc.sweep/1")),
                ("scenario", .string(sweep.scenario)),
                ("fund", .string(sweep.fundID)),
                ("base_budget", budgetJSON(sweep.baseBudget)),
                ("tiebreak", .bool(sweep.tiebreak)),
                ("points", .array(sweep.points.map { point in
                    .object([
                        ("scale", .double(point.scale)),
                        ("budget", budgetJSON(point.budget)),
                        ("budget_total", .money(point.budgetTotal)),
                        ("status", .string(point.status.rawValue)),
                        ("objective", .double(point.objective)),
                        ("funded_count", .int(point.fundedCount)),
                        ("subsidy_total", .money(point.subsidyTotal)),
                        ("marginal_benefit_per_wan", .double(point.marginal)),
                        ("entering", .array(point.entering.map { .string($0) })),
                        ("leaving", .array(point.leaving.map { .string($0) })),
                        ("parks_named", .array(point.parks.map { .string($0.id) })),
                        ("targets", .array(point.targets.map(targetJSON))),
                    ])
                })),
                ("departures", .array(sweep.departures.map { departureJSON($0, sweep) })),
            ] + (sweep.monotone.map { [("monotone", monotoneJSON($0))] } ?? [])))
    }

    static func targetJSON(_ target: TargetOutcome) -> JSONValue {
        .object([("name", .string(target.name)), ("value", .double(target.value)), ("min", .double(target.min)), ("met", .bool(target.met))])
    }

    /// A project that leaves the funded set: the scales at which it leaves and comes back, and whether the
    /// last point funds it.
    static func departureJSON(_ departure: SweepDeparture, _ sweep: SweepResult) -> JSONValue {
        .object([
            ("project", .string(departure.project)),
            ("leaves_at_scale", .array(departure.leaves.map { .double(sweep.points[$0].scale) })),
            ("returns_at_scale", .array(departure.returns.map { .double(sweep.points[$0].scale) })),
            ("funded_at_end", .bool(departure.fundedAtEnd)),
        ])
    }

    static func budgetJSON(_ budget: [Int: Double]) -> JSONValue {
        .object(budget.keys.sorted().map { (String($0), .money(budget[$0]!)) })
    }

    /// sweep.md: `SweepPage`'s document in `language`, with `chart` (sweep.svg) as its image.
    public static func markdown(
        _ sweep: SweepResult, chart: String? = nil, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh
    ) -> String {
        SweepPage(sweep, names: names, language: language).markdown(chart: chart)
    }

    /// sweep.html in `language`.
    public static func html(_ sweep: SweepResult, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) -> String {
        SweepPage(sweep, names: names, language: language).html()
    }

    /// sweep.svg: the objective against the fund's budget over the marginal value per 万元 (`Charts`), in
    /// `language`; an empty chart's document when no point has a plan.
    public static func svg(_ sweep: SweepResult, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) -> String {
        SweepPage(sweep, names: names, language: language).svg()
            ?? "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"40\" viewBox=\"0 0 680 40\"></svg>\n"
    }
}
