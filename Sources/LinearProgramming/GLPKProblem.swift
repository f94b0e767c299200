import CGLPK

/// Owns one `glp_prob` built from a validated ``Model``. Internal: created, used and freed inside one call,
/// on one thread, so no GLPK pointer escapes (GLPK's environment is thread-local).
final class GLPKProblem {
    let pointer: OpaquePointer
    let model: Model

    /// Builds the GLPK problem. The caller has validated `model`; nothing here can make GLPK abort.
    init(_ model: Model) {
        self.model = model
        pointer = glp_create_prob()
        glp_set_prob_name(pointer, model.name)
        glp_set_obj_name(pointer, "objective")
        glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        glp_add_rows(pointer, Int32(model.constraints.count))
        glp_add_cols(pointer, Int32(model.variables.count))

        var nonZeros = 0
        for (i, row) in model.constraints.enumerated() {
            let index = Int32(i + 1)
            glp_set_row_name(pointer, index, row.name)
            let (type, lower, upper) = Self.boundType(row.lowerBound, row.upperBound)
            glp_set_row_bnds(pointer, index, type, lower, upper)
            nonZeros += row.terms.count
        }
        for (j, column) in model.variables.enumerated() {
            glp_set_col_name(pointer, Int32(j + 1), column.name)
            setColumn(j, column)
        }
        for term in model.objective {
            glp_set_obj_coef(pointer, Int32(term.variable.index + 1), term.coefficient)
        }

        // GLPK's sparse arrays are 1-based: element 0 is unused.
        var rowIndices = [Int32](repeating: 0, count: nonZeros + 1)
        var columnIndices = [Int32](repeating: 0, count: nonZeros + 1)
        var coefficients = [Double](repeating: 0, count: nonZeros + 1)
        var k = 1
        for (i, row) in model.constraints.enumerated() {
            for term in row.terms {
                rowIndices[k] = Int32(i + 1)
                columnIndices[k] = Int32(term.variable.index + 1)
                coefficients[k] = term.coefficient
                k += 1
            }
        }
        glp_load_matrix(pointer, Int32(nonZeros), &rowIndices, &columnIndices, &coefficients)
        // Scale rows and columns as glpsol does by default: models mixing MW and tokens/s span many
        // orders of magnitude, and the unscaled simplex can misjudge feasibility on them.
        glp_scale_prob(pointer, GLP_SF_AUTO)
    }

    deinit { glp_delete_prob(pointer) }

    /// Sets column `j`'s kind and bounds as `column` declares them.
    func setColumn(_ j: Int, _ column: Variable) {
        let index = Int32(j + 1)
        var lowerBound = column.lowerBound
        var upperBound = column.upperBound
        switch column.kind {
        case .continuous:
            glp_set_col_kind(pointer, index, GLP_CV)
        case .integer:
            glp_set_col_kind(pointer, index, GLP_IV)
        case .binary:
            // GLP_BV would reset the bounds to [0, 1]; an integer column keeps tighter ones.
            glp_set_col_kind(pointer, index, GLP_IV)
            lowerBound = max(lowerBound ?? 0, 0)
            upperBound = min(upperBound ?? 1, 1)
        }
        let (type, lower, upper) = Self.boundType(lowerBound, upperBound)
        glp_set_col_bnds(pointer, index, type, lower, upper)
    }

    /// GLPK's bound type for an optional pair of finite bounds.
    static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let l?, nil): (GLP_LO, l, 0)
        case (nil, let u?): (GLP_UP, 0, u)
        case (let l?, let u?): l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
        }
    }
}

/// Runs `body` with GLPK's terminal output on this thread switched on or off, then restores it.
func withTerminalOutput<T>(_ on: Bool, _ body: () throws -> T) rethrows -> T {
    let previous = glp_term_out(on ? GLP_ON : GLP_OFF)
    defer { glp_term_out(previous) }
    return try body()
}
