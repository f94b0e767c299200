/// Least capex reaching the token target (the formulation carries the `token_target` row).
struct MinCapexStrategy: ObjectiveStrategy {
    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult {
        f.model.sense = .minimize
        f.model.objective = f.capexTerms
        let step = try session.run(f)
        return ObjectiveResult(step: step, value: Formulation.value(f.capexTerms, step.solution.values),
                               bound: step.solution.bestBound, shadowPriceUnit: "USD of capex")
    }
}
