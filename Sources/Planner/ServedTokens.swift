import LinearProgramming

/// The tokens a min-capex plan's racks serve in every quarter.
///
/// Min-capex asks for tokens in the last quarter only, so the model leaves what racks bought earlier (ahead of a supply
/// allocation, or of a hall's lead time) serve free, and GLPK leaves it at 0: the plan read "2,111 racks, 0 tokens/s". Every
/// column but the serve columns is fixed at the plan's value, and an LP gives those the most tokens the racks serve in each
/// quarter; the serve columns stand only in the serve, share and token-target rows, so nothing else moves.
enum ServedTokens {
    /// `solution` of `f` (min-capex) with its serve columns, and the row activities that follow, at the most tokens its racks
    /// serve; `solution` itself where that LP has no optimum by `deadline`.
    static func filled(_ solution: Solution, of f: Formulation, deadline: SolveDeadline) -> Solution {
        let serve = Set(f.serve.values)
        var fixed: [VariableID: Double] = [:]
        for j in f.model.variables.indices where !serve.contains(VariableID(j)) { fixed[VariableID(j)] = solution.values[j] }
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
