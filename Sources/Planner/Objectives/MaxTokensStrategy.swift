import PlantPhysics
import Plans

/// Most tokens over the horizon: maximize Σ over quarters of tokens/s; the value is that sum × seconds per
/// quarter. The model's objective carries ``Formulation/idleDecisionPenalty`` per retired rack, per hall and feed
/// and per MWh and MW of battery in service in a quarter; the solver's bound is on it, so the bound reported is never below
/// the value.
struct MaxTokensStrategy: ObjectiveStrategy {
    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult {
        let final = FinalStep(
            prepare: { f in
                f.model.sense = .maximize
                f.model.objective = f.discouragingIdleDecisions(Formulation.sum(f.tokenTerms), sense: .maximize)
            },
            absoluteGap: nil,
            evaluate: { f, step in
                let value = Formulation.value(Formulation.sum(f.tokenTerms), step.solution.values) * TimeBase.secondsPerQuarter
                return (value, step.solution.bestBound.map { max($0 * TimeBase.secondsPerQuarter, value) })
            },
            shadowPriceUnit: tokensPerSecondSummedUnit)
        final.prepare(&f)
        return ObjectiveResult(step: try session.run(f), final: final, in: f)
    }
}
