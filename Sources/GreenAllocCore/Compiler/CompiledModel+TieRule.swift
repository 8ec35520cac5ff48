internal import MILP

extension CompiledModel {
    /// The tie rule's objective (minimize the subsidy among equally good plans): per column, the subsidy
    /// Σ_p θ_p · request_p that the column carries.
    public func subsidyObjective(library: Library) -> [Double] {
        var subsidy = Array(repeating: 0.0, count: model.columnCount)
        for (index, record) in library.projectRecords.enumerated() {
            for term in shareTerms(index, record.totalRequest) { subsidy[term.column] += term.coefficient }
        }
        return subsidy
    }
}
