public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc target`: a compact JSON result and a Markdown answer (target.json, target.md) of a
/// `TargetSearchResult`. The plan at the budget found is written apart (`target --out DIR`, as `solve --out`).
public enum WhatIfTargetOutput {
    /// greenalloc.target/1 without the plan: the scale and budget found, the proved lower end, the certainty,
    /// the solves, and the plan's headline figures (`plan`).
    public static func json(_ search: TargetSearchResult) -> String {
        let allocation = search.allocation
        let outcome = allocation?.targets.first { $0.name == search.target }
        let lower = search.scale.map { search.lowerScale ?? $0 }
        var members: [(String, JSONValue)] = [
            ("format", .string("greenalloc.target/1")),
            ("scenario", .string(search.scenario)),
            ("target", .string(search.target)),
            ("fund", .string(search.fundID)),
            ("met", .bool(search.met)),
            ("scale", .double(search.scale)),
            ("lower_scale", .double(search.lowerScale)),
            ("certainty", .string(search.met ? certainty(search).rawValue : nil)),
            ("tolerance", .double(search.tolerance)),
            ("budget", search.budget.map(WhatIfSweepOutput.budgetJSON) ?? .null),
            ("budget_total", .money(search.budget.map { $0.values.reduce(0, +) })),
            ("lower_budget_total", .money(lower.map { $0 * baseTotal(search) })),
            ("base_budget", WhatIfSweepOutput.budgetJSON(search.baseBudget)),
            ("unlimited_scale", .double(search.unlimitedScale)),
            ("status", .string(allocation?.status.rawValue)),
            ("objective", .double(search.met ? allocation?.objective : nil)),
            ("target_value", .double(outcome?.value)),
            ("target_min", .double(outcome?.min)),
            ("exact", .bool(search.exact)),
            ("solves", .int(search.solves)),
            ("reasons", .array(reasons(search).map { .string($0) })),
        ]
        if let allocation, search.met {
            let funded = allocation.projects.filter(\.funded)
            members.append(("plan", .object([
                ("status", .string(allocation.status.rawValue)),
                ("objective", .double(allocation.objective)),
                ("funded_count", .int(funded.count)),
                ("subsidy_total", .money(funded.reduce(0) { $0 + $1.subsidyTotal })),
                ("parks_named", .int(allocation.parks.count)),
            ])))
        }
        if let diagnosis = search.diagnosis { members.append(("diagnosis", AllocationJSON.diagnosis(diagnosis))) }
        return JSONWriter.render(.object(members))
    }

    /// How sure the scale is: `exact` (proved smallest, or the proved lower end within the tolerance) or
    /// `bounded` (a solve stopped on its time limit: the answer lies between the two ends).
    public enum Certainty: String, Sendable {
        case exact, bounded
    }

    public static func certainty(_ search: TargetSearchResult) -> Certainty {
        guard let scale = search.scale else { return .bounded }
        let lower = search.lowerScale ?? scale
        return search.exact && scale - lower <= search.tolerance * Swift.max(scale, 1e-9) * (1 + 1e-9) ? .exact : .bounded
    }

    static func baseTotal(_ search: TargetSearchResult) -> Double { search.baseBudget.values.reduce(0, +) }

    /// Why no budget meets the target: the search's reasons, then the presolve findings that block it.
    static func reasons(_ search: TargetSearchResult) -> [String] {
        search.reasons + search.blockingFindings.map(FindingText.machine.message)
    }
}
