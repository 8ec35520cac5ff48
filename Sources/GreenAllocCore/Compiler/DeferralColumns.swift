internal import MILP

/// One deferrable project's columns (scenario-format §15.4).
public struct ProjectDeferral: Sendable {
    /// The allowed shifts d ≥ 1 in years, increasing.
    public var shifts: [Int]
    /// Per shift: the binary column s_{p,d} (the project starts d years late).
    public var switches: [Int] = []
    /// Per shift: the continuous column φ_{p,d} (empty when θ_p = u_p·z_p, where φ_{p,d} = u_p·s_{p,d}).
    public var shares: [Int] = []
    /// The share of the score lost per year of delay.
    public var penalty: Double
}

extension DecisionColumns {
    /// Terms of φ_{p,d} × coefficient for the shift at `position` of the project's shifts.
    func shiftTerms(_ project: Int, position: Int, _ coefficient: Double) -> [Term] {
        guard coefficient != 0, let deferral = deferral[project] else { return [] }
        if deferral.shares.isEmpty { return [Term(deferral.switches[position], coefficient * facts[project].cap)] }
        return [Term(deferral.shares[position], coefficient)]
    }

    /// Terms of subsidy_{p,y} × scale = Σ_d request_{p,y−d}·φ_{p,d} × scale, with φ_{p,0} = θ_p − Σ_{d≥1} φ_{p,d};
    /// request_{p,y}·θ_p × scale for a project that cannot be deferred.
    func yearTerms(_ project: Int, request: [Double], yearIndex: Int, years: [Int], scale: Double) -> [Term] {
        guard let deferral = deferral[project] else { return shareTerms(project, request[yearIndex] * scale) }
        var terms = shareTerms(project, request[yearIndex] * scale)
        for (position, shift) in deferral.shifts.enumerated() {
            let asked = years.firstIndex(of: years[yearIndex] - shift).map { request[$0] } ?? 0
            terms += shiftTerms(project, position: position, (asked - request[yearIndex]) * scale)
        }
        return Compiler.combine(terms)
    }

    /// The shift chosen at a point (0: the project starts as asked or is not funded).
    public func shift(of project: Int, _ values: [Double]) -> Int {
        guard let deferral = deferral[project] else { return 0 }
        for (position, shift) in deferral.shifts.enumerated() where values[deferral.switches[position]] > 0.5 {
            return shift
        }
        return 0
    }

    /// Whether any project of the model may be deferred.
    public var hasDeferral: Bool { !deferral.isEmpty }
}

extension ProjectRecord {
    /// The shifts d (1 ≤ d ≤ defer_max) that keep every year the project asks money in inside `years`; none for a
    /// project asking money outside the horizon (scenario-format §15.4).
    func allowedShifts(years: [Int]) -> [Int] {
        guard deferMax > 0, requestOutsideHorizon.isEmpty else { return [] }
        let asked = zip(years, request).filter { $0.1 > 0 }.map(\.0)
        guard !asked.isEmpty else { return [] }
        let horizon = Set(years)
        return (1...deferMax).filter { shift in asked.allSatisfy { horizon.contains($0 + shift) } }
    }

    /// The last horizon year the project asks money in (nil: none).
    func lastAskedYear(years: [Int]) -> Int? { zip(years, request).filter { $0.1 > 0 }.map(\.0).max() }
}
