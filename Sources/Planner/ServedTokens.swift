import LinearProgramming

/// The tokens a min-capex plan's racks serve in every quarter.
///
/// Min-capex asks for tokens in the last quarter only, so the model leaves what racks bought earlier (ahead of a supply
/// allocation, or of a hall's lead time) serve free, and GLPK leaves it at 0: the plan read "2,111 racks, 0 tokens/s". The
/// plan's integers and its capex columns are fixed, and an LP gives every other column the values that serve the most
/// tokens in each quarter; capex, racks and facility stay as solved.
enum ServedTokens {
    /// `solution` of `f` (min-capex) with its serve columns, and the columns and row activities that follow, at the most
    /// tokens its racks serve; `solution` itself where that LP has no optimum by `deadline`.
    static func filled(_ solution: Solution, of f: Formulation, deadline: SolveDeadline) -> Solution {
        var fixed: [VariableID: Double] = [:]
        for (j, column) in f.model.variables.enumerated() where column.kind != .continuous {
            fixed[VariableID(j)] = solution.values[j]
        }
        for term in f.capexTerms { fixed[term.variable] = solution.values[term.variable.index] }
        var lp = Relaxation.relaxed(f.model, fixing: fixed)
        lp.sense = .maximize
        lp.objective = Formulation.sum(f.tokenTerms)
        lp.objectiveConstant = 0
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, dualSimplex: true)
        guard let most = try? lp.solve(options: options), most.status == .optimal else { return solution }
        var filled = solution
        filled.values = most.values
        filled.rowActivities = most.rowActivities
        return filled
    }
}
