import LinearProgramming
import Plans

/// What an objective strategy found: the final solve, the objective's value and proven bound in the unit
/// of ``Objective/unit``, and the unit of the final model's objective (in which shadow prices are given).
struct ObjectiveResult {
    var step: SolveStep
    var value: Double
    var bound: Double?
    var shadowPriceUnit: String
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
