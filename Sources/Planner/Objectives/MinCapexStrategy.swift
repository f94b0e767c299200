/// Least capex reaching the token target (the formulation carries the `token_target` row).
struct MinCapexStrategy: ObjectiveStrategy {
    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult {
        let final = FinalStep(
            prepare: { f in
                f.model.sense = .minimize
                f.model.objective = f.capexTerms
            },
            absoluteGap: nil,
            evaluate: { f, step in (Formulation.value(f.capexTerms, step.solution.values), step.solution.bestBound) },
            shadowPriceUnit: "USD of capex")
        final.prepare(&f)
        return ObjectiveResult(step: try session.run(f), final: final, in: f)
    }
}
