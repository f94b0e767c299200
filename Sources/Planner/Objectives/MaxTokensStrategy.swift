import PlantPhysics
import Plans

/// Most tokens over the horizon: maximize Σ over quarters of tokens/s; the value is that sum × seconds per
/// quarter.
struct MaxTokensStrategy: ObjectiveStrategy {
    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult {
        let tokens = Formulation.sum(f.tokenTerms)
        f.model.sense = .maximize
        f.model.objective = tokens
        let step = try session.run(f)
        return ObjectiveResult(
            step: step, value: Formulation.value(tokens, step.solution.values) * TimeBase.secondsPerQuarter,
            bound: step.solution.bestBound.map { $0 * TimeBase.secondsPerQuarter }, shadowPriceUnit: tokensPerSecondSummedUnit)
    }
}
