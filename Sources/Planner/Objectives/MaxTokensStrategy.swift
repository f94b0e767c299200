import PlantPhysics
import Plans

/// Most tokens over the horizon: maximize Σ over quarters of tokens/s; the value is that sum × seconds per
/// quarter. The model's objective carries ``Formulation/idleDecisionPenalty`` per retired rack and per hall and feed
/// in service in a quarter; the solver's bound is on it, so the bound reported is never below the value.
struct MaxTokensStrategy: ObjectiveStrategy {
    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult {
        let tokens = Formulation.sum(f.tokenTerms)
        f.model.sense = .maximize
        f.model.objective = f.discouragingIdleDecisions(tokens, sense: .maximize)
        let step = try session.run(f)
        let value = Formulation.value(tokens, step.solution.values) * TimeBase.secondsPerQuarter
        return ObjectiveResult(
            step: step, value: value, bound: step.solution.bestBound.map { max($0 * TimeBase.secondsPerQuarter, value) },
            shadowPriceUnit: tokensPerSecondSummedUnit)
    }
}
