import CGLPK

/// One model kept loaded in GLPK over a sequence of solves that differ only in which columns are integer and which are
/// fixed (relax-and-fix), or in row bounds (the value of an option, ``setRowBounds(_:lower:upper:)``): each solve's
/// simplex starts from the basis the previous one left, where ``Model/solve(options:)``
/// builds the problem and solves its LP from scratch every time. Every column starts continuous.
///
/// On benchmarks/campus-48-distinct.yaml (11,141 rows) a fresh solve spends about 2 s on its LP alone, so the 32 steps of
/// relax-and-fix took over a minute; a step warm-started here re-solves the LP in a few dual simplex iterations.
///
/// GLPK's environment is per thread: use an instance, and let it go, on the thread that created it.
public final class IncrementalSolver {
    private let problem: GLPKProblem
    /// The model as given (its column kinds and bounds).
    public let model: Model

    /// Validates `model` and loads it with every column continuous.
    public init(_ model: Model) throws(ModelError) {
        try model.validate()
        self.model = model
        var relaxed = model
        for j in relaxed.variables.indices { relaxed.variables[j].kind = .continuous }
        problem = withTerminalOutput(false) { GLPKProblem(relaxed) }
    }

    /// Makes `columns` integer as the model declares them (a binary column as an integer in [0, 1]), with their bounds.
    public func restoreKinds(_ columns: [VariableID]) {
        for column in columns where model.variables.indices.contains(column.index) {
            problem.setColumn(column.index, model.variables[column.index])
        }
    }

    /// Makes `columns` continuous, with the model's bounds.
    public func relax(_ columns: [VariableID]) {
        for column in columns where model.variables.indices.contains(column.index) {
            var variable = model.variables[column.index]
            variable.kind = .continuous
            problem.setColumn(column.index, variable)
        }
    }

    /// Fixes each of `columns` at its value in `values` (continuous from then on); a value that is not finite leaves its
    /// column as it is.
    public func fix(_ columns: [VariableID], at values: [Double]) {
        for column in columns where model.variables.indices.contains(column.index) && values.indices.contains(column.index) {
            let value = values[column.index]
            guard value.isFinite else { continue }
            let index = Int32(column.index + 1)
            glp_set_col_kind(problem.pointer, index, GLP_CV)
            glp_set_col_bnds(problem.pointer, index, GLP_FX, value, value)
        }
    }

    /// Sets row `i`'s bounds (0-based, the model's order); a row outside the model is left alone.
    public func setRowBounds(_ i: Int, lower: Double?, upper: Double?) {
        guard model.constraints.indices.contains(i) else { return }
        let (type, low, high) = GLPKProblem.boundType(lower, upper)
        glp_set_row_bnds(problem.pointer, Int32(i + 1), type, low, high)
    }

    /// Which columns and rows a simplex basis holds, and at which bound the others stand (GLPK's statuses).
    public struct Basis: Sendable, Equatable {
        let rows: [Int32]
        let columns: [Int32]
    }

    /// The current basis: the one the last solve left, with columns since fixed or relaxed at their new bounds. Setting
    /// a basis this solver returned makes the next solve's simplex start there; one of another size is ignored.
    public var basis: Basis {
        get {
            let p = problem.pointer
            return Basis(rows: (0..<Int32(model.constraints.count)).map { glp_get_row_stat(p, $0 + 1) },
                         columns: (0..<Int32(model.variables.count)).map { glp_get_col_stat(p, $0 + 1) })
        }
        set {
            guard newValue.rows.count == model.constraints.count, newValue.columns.count == model.variables.count else { return }
            let p = problem.pointer
            for (i, status) in newValue.rows.enumerated() { glp_set_row_stat(p, Int32(i + 1), status) }
            for (j, status) in newValue.columns.enumerated() { glp_set_col_stat(p, Int32(j + 1), status) }
        }
    }

    /// Solves the problem as it now stands: its LP by the dual simplex from the current basis, then, if any column is
    /// integer, branch-and-bound without presolve from that LP. `options.presolve`, `dualSimplex` and `initialSolution` are
    /// not used.
    public func solve(options: SolverOptions) throws -> Solution {
        var options = options
        options.presolve = false
        options.dualSimplex = true
        options.initialSolution = nil
        // The model was validated when it was loaded; only the options are new.
        let issues = model.optionIssues(options)
        if !issues.isEmpty { throw ModelError(issues: issues) }
        let p = problem.pointer
        let integer = (1...Int32(max(1, model.variables.count))).contains { glp_get_col_kind(p, $0) == GLP_IV }
        return try withTerminalOutput(options.verbose) {
            var session = SolveSession(problem: problem, options: options)
            return try integer ? session.solveMIP() : session.solveLP()
        }
    }
}
