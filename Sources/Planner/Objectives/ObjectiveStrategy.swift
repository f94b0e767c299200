import LinearProgramming
import Plans

/// What an objective strategy found: the final solve, the objective's value and proven bound in the unit
/// of ``Objective/unit``, the unit of the final model's objective (in which shadow prices are given), and the final
/// solve itself (``FinalStep``), so that it can be solved again on the problem split hall by hall.
struct ObjectiveResult {
    var step: SolveStep
    var value: Double
    var bound: Double?
    var shadowPriceUnit: String
    var final: FinalStep

    /// The result of `final`'s solve `step` of `f`.
    init(step: SolveStep, final: FinalStep, in f: Formulation) {
        self.step = step
        (value, bound) = final.evaluate(f, step)
        shadowPriceUnit = final.shadowPriceUnit
        self.final = final
    }
}

/// The last solve of an objective strategy, as a recipe for any formulation of the same design and site: under max-tokens
/// and min-capex the planner solves it again when it splits hall groups into single halls. The split problem is a
/// restriction of the problem solved (every plan of it is a plan of the other, at the same objective), so the final
/// solve's bound holds for it. (A ratio objective's final solve holds the λ its steps reached: those re-plan afresh.)
struct FinalStep {
    /// Sets the model's sense and objective on `f`, and any row the step adds.
    var prepare: (inout Formulation) -> Void
    /// The absolute gap the solve stops at (a Dinkelbach step's), `nil` for none.
    var absoluteGap: Double?
    /// The objective's value and proven bound, in its unit, from a solve of the prepared `f`.
    var evaluate: (Formulation, SolveStep) -> (value: Double, bound: Double?)
    /// The unit of the prepared model's objective.
    var shadowPriceUnit: String
    /// A ratio objective's Dinkelbach steps, each λ with its proven bound on num − λ·den: they hold for every plan of the
    /// problem solved, and so of a restriction of it (``RatioStrategy/Seed``). Empty for the other objectives.
    var ratioSteps: [(lambda: Double, bound: Double)] = []
}

/// How one objective is reached: which model objective(s) to solve, in what sequence.
protocol ObjectiveStrategy {
    /// Solves `f` for the objective; `f` is left holding the model of the final solve.
    func solve(_ f: inout Formulation, session: inout SolveSession) throws -> ObjectiveResult
}

extension PlanOptions {
    /// The strategy for ``objective``.
    var strategy: any ObjectiveStrategy {
        switch objective {
        case .maxTokens: MaxTokensStrategy()
        case .minCapex: MinCapexStrategy()
        case .tokensPerMW: RatioStrategy.tokensPerMW(halfGap: (relativeGap ?? 0) / 2)
        case .costPerToken: RatioStrategy.costPerToken(halfGap: (relativeGap ?? 0) / 2)
        }
    }
}

/// The unit in which tokens/s summed over quarters are counted (max-tokens' model objective).
public let tokensPerSecondSummedUnit = "tokens/s (summed over quarters)"
