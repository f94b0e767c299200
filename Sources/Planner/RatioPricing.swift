import LinearProgramming
import Plans

/// The shadow prices of a ratio objective (`tokens-per-mw`, `cost-per-token`) in the ratio's own unit (README "What binds").
///
/// The final solve of a ratio objective optimizes num − λ′·den with λ′ a little off the ratio r it finds (to take the
/// largest plan within the gap), so the duals of its relaxation are in num's unit less λ′ × den's, and carry λ′'s offset:
/// under `tokens-per-mw` one more MW of grid on the fleet-refresh example read "+4,940 tokens/s (summed over quarters)",
/// the tokens it adds less λ′ × the facility MW they take, about 3,500 of which was the offset. Here the relaxation (the plan's
/// facility fixed, as for every objective) is solved again with num − r·den at the plan's own ratio r. A limit priced y
/// there moves the ratio by y/den: the relaxation's response (Δnum, Δden) takes the plan's ratio to
/// (num + Δnum)/(den + Δden) ≈ r + (Δnum − r·Δden)/den. The options' values (``ReliefValuation``) are taken in the same
/// model and scaled the same way.
struct RatioPricing {
    /// The final formulation with the objective num − r·den (the model the options are valued in).
    var formulation: Formulation
    /// That model's relaxation with the plan's facility fixed.
    var relaxation: Solution
    /// From that model's objective unit to the ratio's: 1/den at the plan.
    var scale: Double
    /// The ratio's unit (``Objective/unit``).
    var unit: String
    /// The pricing LP's simplex iterations.
    var iterations: Int

    /// The pricing of `outcome`'s plan under a ratio `strategy` with a gap, its LP solved within `seconds`; `nil` at a zero
    /// gap, whose final solve (the most tokens with the ratio kept as a row) prices in tokens already, for a plan whose
    /// den is 0, and where the LP does not solve to optimality (the final solve's prices then stand, in their own unit).
    init?(_ outcome: Planner.Outcome, strategy: RatioStrategy, within seconds: Double) {
        guard strategy.halfGap > 0 else { return nil }
        var f = outcome.formulation
        let t = strategy.terms(f), x = outcome.solution.values
        let num = Formulation.value(t.num, x), den = Formulation.value(t.den, x)
        guard den > 0, num.isFinite else { return nil }
        let ratio = num / den
        f.model.sense = strategy.sense
        f.model.objective = f.discouragingIdleDecisions(Formulation.combine(t.num, minus: ratio, t.den), sense: strategy.sense)
        let work = SearchWork()
        guard let relaxation = Relaxation.fixing(f.modelWithoutHallOrder, f.facilityBuildColumns, at: x, within: seconds, counting: work)
        else { return nil }
        formulation = f
        self.relaxation = relaxation
        iterations = work.iterations
        scale = 1 / den
        unit = outcome.objective.unit
    }
}
