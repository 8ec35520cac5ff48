internal import CGLPK
import MILP

/// Owns one `glp_prob`: created, used and deleted on the same thread, inside one `GLPKSolver.solve` call.
struct GLPKProblem: ~Copyable {
    let pointer: OpaquePointer

    init() {
        pointer = glp_create_prob()
    }

    deinit {
        glp_delete_prob(pointer)
    }

    /// Loads a validated model: sense, names, bounds, kinds, objective (constant at index 0) and the whole
    /// matrix in one `glp_load_matrix` call. GLPK indices are 1-based; arrays carry a dummy slot 0.
    func load(_ model: Model) {
        glp_set_prob_name(pointer, model.name.isEmpty || !Model.isValidName(model.name) ? "model" : model.name)
        glp_set_obj_dir(pointer, model.sense == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        if model.rowCount > 0 { glp_add_rows(pointer, Int32(model.rowCount)) }
        if model.columnCount > 0 { glp_add_cols(pointer, Int32(model.columnCount)) }
        for (index, row) in model.rows.enumerated() {
            let glpkIndex = Self.glpkIndex(index)
            glp_set_row_name(pointer, glpkIndex, row.name)
            glp_set_row_bnds(pointer, glpkIndex, Self.boundType(lower: row.lower, upper: row.upper),
                             row.lower.isFinite ? row.lower : 0, row.upper.isFinite ? row.upper : 0)
        }
        for (index, column) in model.columns.enumerated() {
            let glpkIndex = Self.glpkIndex(index)
            let lower = column.effectiveLower
            let upper = column.effectiveUpper
            glp_set_col_name(pointer, glpkIndex, column.name)
            glp_set_col_kind(pointer, glpkIndex, column.isInteger ? GLP_IV : GLP_CV)
            glp_set_col_bnds(pointer, glpkIndex, Self.boundType(lower: lower, upper: upper),
                             lower.isFinite ? lower : 0, upper.isFinite ? upper : 0)
            glp_set_obj_coef(pointer, glpkIndex, model.objective[index])
        }
        let count = model.nonzeroCount
        guard count > 0 else { return }
        var rowIndices = [Int32](repeating: 0, count: count + 1)
        var columnIndices = [Int32](repeating: 0, count: count + 1)
        var values = [Double](repeating: 0, count: count + 1)
        var position = 1
        for (rowIndex, row) in model.rows.enumerated() {
            for term in row.terms {
                rowIndices[position] = Self.glpkIndex(rowIndex)
                columnIndices[position] = Self.glpkIndex(term.column)
                values[position] = term.coefficient
                position += 1
            }
        }
        glp_load_matrix(pointer, Int32(count), rowIndices, columnIndices, values)
    }

    /// The one index conversion: 0-based Swift index → 1-based GLPK index.
    static func glpkIndex(_ index: Int) -> Int32 { Int32(index + 1) }

    /// The one bound-type switch, for rows and columns alike. Equal bounds are `GLP_FX` (`GLP_DB` with
    /// equal bounds makes `glp_intopt` fail with `GLP_EBOUND`).
    static func boundType(lower: Double, upper: Double) -> Int32 {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): GLP_FR
        case (true, false): GLP_LO
        case (false, true): GLP_UP
        case (true, true): lower == upper ? GLP_FX : GLP_DB
        }
    }
}
