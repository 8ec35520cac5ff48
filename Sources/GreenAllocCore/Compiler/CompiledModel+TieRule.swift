internal import MILP

extension CompiledModel {
    /// The tie rule's objective (minimize the subsidy among equally good plans): per column, the subsidy
    /// Σ_p θ_p · request_p that the column carries.
    public func subsidyObjective(library: Library) -> [Double] {
        var subsidy = Array(repeating: 0.0, count: model.columnCount)
        for (index, record) in library.projectRecords.enumerated() {
            for term in shareTerms(index, record.totalRequest) { subsidy[term.column] += term.coefficient }
            for term in deferralTieTerms(index, totalRequest: record.totalRequest) { subsidy[term.column] += term.coefficient }
        }
        return subsidy
    }
}

extension CompiledModel {
    /// scenario-format §15.4: among equally good and equally cheap plans, starting as asked: 10⁻⁶ per 万元 of
    /// subsidy and year of delay.
    func deferralTieTerms(_ project: Int, totalRequest: Double) -> [Term] {
        guard let deferral = decisions.deferral[project] else { return [] }
        return deferral.shifts.enumerated().flatMap { position, shift in
            decisions.shiftTerms(project, position: position, 1e-6 * Double(shift) * totalRequest)
        }
    }
}
