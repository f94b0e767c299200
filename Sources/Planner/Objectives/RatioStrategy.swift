import LinearProgramming
import PlantPhysics
import Plans

/// The best ratio num/den of two linear expressions (highest for `.maximize`, lowest for `.minimize`) by
/// Dinkelbach's method, then the largest plan at that ratio.
///
/// From a plan within ``firstSolveGap`` of the most tokens: optimize num − λ·den, set λ = num/den, until no plan beats λ by
/// more than gap/2 × num₀ on num − λ·den (num₀: that first plan's). Every plan scales, so the best ratio has many
/// plans; the largest (most `size`) within gap/2 of λ is then taken by optimizing num − λ(1 ∓ gap/2)·den (where a step
/// stopped short of its tolerance, within only what is left of the gap), or, without a gap, by maximizing `size` with the
/// ratio kept as a row. The bound returned holds over
/// plans at least as large (den) as the chosen one: after a step with bound U, every plan y has
/// num_y/den_y within U/den_y of that step's λ.
struct RatioStrategy: ObjectiveStrategy {
    /// The expressions of a ratio objective, built from the formulation.
    struct Terms {
        var num: [Term]
        var den: [Term]
        /// What "larger plan" means once the ratio is reached.
        var size: [Term]
        /// The first solve's objective (maximized): the max-token plan, to ``firstSolveGap``.
        var first: [Term]
    }

    let sense: ObjectiveSense
    /// Half the relative gap: one half is spent on the Dinkelbach tolerance, the other on the plan's size.
    let halfGap: Double
    /// Factor from num/den to the objective's unit.
    let scale: Double
    /// The unit of the final model's objective: num's unit with a gap (num − λ'·den), size's without.
    let unitWithGap: String, unitWithoutGap: String
    let terms: (Formulation) -> Terms

    /// Dinkelbach solves at most, the first max-token solve included. The method converges superlinearly
    /// (each step's λ is the ratio of an optimal plan); the shipped designs need 3–6 solves. The bound only
    /// keeps a numerically stalling sequence from running on; the plan then carries its proven bound.
    static let maxSolves = 50
    /// Relative gap of the first, max-token solve: its plan only starts Dinkelbach's sequence. λ₀ and the tolerance's
    /// num₀ move with it; the bound's validity does not.
    static let firstSolveGap = 0.01
    /// Relative tolerance below which num − λ·den counts as zero (last-bit noise of the LP).
    static let zeroTolerance = 1e-9

    /// Tokens in a million: cost-per-token counts tokens in millions.
    static let tokensPerMillion = 1e6

    /// Tokens/s per facility MW over the horizon: num = Σ tokens/s, den = Σ facility MW.
    static func tokensPerMW(halfGap: Double) -> RatioStrategy {
        RatioStrategy(sense: .maximize, halfGap: halfGap, scale: 1, unitWithGap: tokensPerSecondSummedUnit,
                      unitWithoutGap: tokensPerSecondSummedUnit) { f in
            let tokens = Formulation.sum(f.tokenTerms)
            return Terms(num: tokens, den: Formulation.sum(f.facilityTerms), size: tokens, first: tokens)
        }
    }

    /// Cost over the horizon per million tokens served over the horizon, USD: the tokens the demand asks for, full-load
    /// tokens × the design's mean utilization. Tokens are counted in millions so that a rack's coefficient (tokens/s ×
    /// seconds per quarter) stays near 10⁶, not 10¹², well inside the magnitudes the solver takes.
    static func costPerToken(halfGap: Double) -> RatioStrategy {
        RatioStrategy(sense: .minimize, halfGap: halfGap, scale: 1,
                      unitWithGap: "USD (horizon cost less λ × million tokens served)", unitWithoutGap: "million tokens served over the horizon") { f in
            let served = TimeBase.secondsPerQuarter * f.problem.utilization / tokensPerMillion
            let tokens = Formulation.sum(f.tokenTerms).map { Term($0.variable, $0.coefficient * served) }
            return Terms(num: f.costTerms, den: tokens, size: tokens, first: tokens)
        }
    }

    /// Where a ratio solve of a restriction of a problem already solved starts (a re-plan hall by hall): a plan of the
    /// restriction, whose ratio is λ₀ in place of the first max-token solve's, and the problem's Dinkelbach steps, whose
    /// bounds hold for the restriction and are taken with its own.
    struct Seed {
        var start: [Double]
        var steps: [(lambda: Double, bound: Double)]
    }

    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult {
        try solve(&f, session: &session, seed: nil)
    }

    /// Dinkelbach's method on `f`, from `seed` where given (see ``Seed``): the steps then end as soon as the bound of the
    /// steps known at the plan's size is within half the gap of its ratio.
    func solve(_ f: inout Formulation, session: inout SolveSession, seed: Seed?) throws -> ObjectiveResult {
        if let seed, let result = try seeded(&f, session: &session, seed: seed) { return result }
        let maxTokens = FinalStep(
            prepare: { [terms] f in
                f.model.sense = .maximize
                f.model.objective = f.discouragingIdleDecisions(terms(f).first, sense: .maximize)
            },
            absoluteGap: nil, evaluate: { _, _ in (0, nil) }, shadowPriceUnit: halfGap > 0 ? unitWithGap : unitWithoutGap)
        maxTokens.prepare(&f)
        let first = try session.run(f, relativeGap: max(session.options.relativeGap ?? 0, Self.firstSolveGap))
        let t = terms(f)
        let best = first.solution.values
        guard Formulation.value(t.size, best) > 0, Formulation.value(t.den, best) > 0 else {
            return ObjectiveResult(step: first, final: maxTokens, in: f)
        }
        return try steps(&f, session: &session, from: best, known: [])
    }

    /// From `seed`'s start, where it is a plan with tokens; `nil` otherwise.
    private func seeded(_ f: inout Formulation, session: inout SolveSession, seed: Seed) throws -> ObjectiveResult? {
        let t = terms(f)
        guard seed.start.count == f.model.variables.count, Formulation.value(t.size, seed.start) > 0,
              Formulation.value(t.den, seed.start) > 0 else { return nil }
        return try steps(&f, session: &session, from: seed.start, known: seed.steps)
    }

    /// Dinkelbach's steps from the plan `start` (λ₀ its ratio, num₀ its num), then the final step; `known` are steps of a
    /// problem of which `f`'s is a restriction.
    private func steps(_ f: inout Formulation, session: inout SolveSession, from start: [Double],
                       known: [(lambda: Double, bound: Double)]) throws -> ObjectiveResult {
        let s = sense.sign
        let t = terms(f)
        var best = start
        let num0 = Formulation.value(t.num, best), den0 = Formulation.value(t.den, best)
        let absoluteGap = halfGap * num0
        var lambda = num0 / den0
        // Every step's λ with its proven bound on num − λ·den: each gives a bound on the ratio, the tightest is taken.
        var steps = known
        // Whether the steps proved λ within their tolerance (else a step stopped short, at its time limit or the budget's).
        var converged = false
        // The last step, where it was solved at the λ the loop ends with, from the plan it ends with (its plan did not raise λ).
        var unraised: SolveStep?
        f.model.sense = sense
        while session.solves < Self.maxSolves, !session.budget.isSpent {
            // Seeded: the steps known bound the ratio within half the gap of λ at the plan's size, so no step can show more.
            if !known.isEmpty, let bound = Self.tightest(steps, at: Formulation.value(t.den, best), sense: sense),
               s * (bound - lambda) <= halfGap * abs(lambda) {
                converged = true
                break
            }
            f.model.objective = f.discouragingIdleDecisions(Formulation.combine(t.num, minus: lambda, t.den), sense: sense)
            let step = try session.run(f, absoluteGap: absoluteGap, start: best)
            let n = Formulation.value(t.num, step.solution.values), d = Formulation.value(t.den, step.solution.values)
            if let bound = step.solution.bestBound { steps.append((lambda, bound)) }
            let done = step.solution.bestBound.map { s * $0 <= max(absoluteGap, Self.zeroTolerance * n) } ?? false
            converged = done
            // What the step's plan gains at the λ it was solved for: nothing means no plan beats λ.
            let gain = s * (n - lambda * d)
            // A step whose plan does not raise λ would be solved again as it was: stop.
            guard d > 0, s * (n / d - lambda) > 0 else {
                unraised = step
                break
            }
            lambda = n / d
            best = step.solution.values
            if done || gain <= Self.zeroTolerance * num0 { break }
        }
        let bound = converged ? nil : Self.tightest(steps, at: Formulation.value(t.den, best), sense: sense)
        let slack = Self.finalSlack(halfGap: halfGap, lambda: lambda, unconvergedBound: bound, sense: sense)
        var final = finalStep(lambda: lambda, slack: slack, steps: steps, absoluteGap: absoluteGap)
        final.ratioSteps = steps
        final.prepare(&f)
        // With no slack left the final step is the last step's model (num − λ·den at the same λ, from the same plan): solved
        // again it would search what that step searched (README "Gap and time").
        if let unraised, halfGap > 0, slack == 0 { return ObjectiveResult(step: unraised, final: final, in: f) }
        return ObjectiveResult(step: try session.run(f, absoluteGap: final.absoluteGap, start: best), final: final, in: f)
    }

    /// How far below λ (relative) the final step may go for a larger plan: half the gap where the steps reached their
    /// tolerance (`unconvergedBound` nil); where they stopped short with the ratio's bound at `unconvergedBound`, only what
    /// is left of the gap beyond λ's distance to it, at most half of it and none once that distance is the whole gap.
    static func finalSlack(halfGap: Double, lambda: Double, unconvergedBound: Double?, sense: ObjectiveSense) -> Double {
        guard let bound = unconvergedBound else { return halfGap }
        return min(halfGap, max(0, 2 * halfGap - sense.sign * (bound - lambda) / abs(lambda)))
    }

    /// The tightest bound on the ratio of plans of size (den) at least `d` that `steps` give: each step's λ + U/d (U its
    /// bound on num − λ·den, taken at no less than 0 on the objective's side); `nil` without steps.
    static func tightest(_ steps: [(lambda: Double, bound: Double)], at d: Double, sense: ObjectiveSense) -> Double? {
        let bounds = steps.map { sense.sign > 0 ? $0.lambda + max(0, $0.bound) / d : $0.lambda + min(0, $0.bound) / d }
        return sense.sign > 0 ? bounds.min() : bounds.max()
    }

    /// The solve after Dinkelbach's: the largest plan within `slack` (relative; gap/2 where the steps reached their tolerance)
    /// of the ratio λ found, or without a gap the largest at λ, and the tightest bound of the
    /// Dinkelbach `steps` (each λ with its bound U on num − λ·den), which holds over plans at least as large as the one found.
    private func finalStep(lambda: Double, slack: Double, steps: [(lambda: Double, bound: Double)], absoluteGap: Double) -> FinalStep {
        let s = sense.sign
        return FinalStep(
            prepare: { [terms, halfGap, sense] f in
                let t = terms(f)
                if halfGap > 0 {
                    f.model.sense = sense
                    f.model.objective = f.discouragingIdleDecisions(Formulation.combine(t.num, minus: lambda * (1 - s * slack), t.den), sense: sense)
                } else {
                    let row = Formulation.combine(t.num, minus: lambda, t.den)
                    f.addRow(ConstraintFamily.ratio.rawValue, row, lower: s > 0 ? 0 : nil, upper: s > 0 ? nil : 0, .ratio, nil, nil)
                    f.model.sense = .maximize
                    f.model.objective = f.discouragingIdleDecisions(t.size, sense: .maximize)
                }
            },
            absoluteGap: halfGap > 0 ? absoluteGap : nil,
            evaluate: { [terms, scale] f, step in
                let t = terms(f)
                let d = Formulation.value(t.den, step.solution.values)
                guard d > 0 else { return (0, nil) }
                let ratio = Formulation.value(t.num, step.solution.values) / d
                let bound = Self.tightest(steps, at: d, sense: sense).map { s > 0 ? max(ratio, $0) : min(ratio, $0) }
                return (ratio * scale, bound.map { $0 * scale })
            },
            shadowPriceUnit: halfGap > 0 ? unitWithGap : unitWithoutGap)
    }
}
