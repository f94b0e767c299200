/// What the planner optimizes.
public enum Objective: String, Sendable, CaseIterable, Codable {
    /// Most tokens over the horizon (Σ over quarters of tokens/s × seconds per quarter).
    case maxTokens = "max-tokens"
    /// Highest ratio of tokens to facility power over the horizon (Dinkelbach iterations, exact),
    /// then the largest plan at that ratio.
    case tokensPerMW = "tokens-per-mw"
    /// Lowest cost per token (annualized capex + energy + facility opex over tokens; Dinkelbach),
    /// then the largest plan at that cost.
    case costPerToken = "cost-per-token"
    /// Least capex reaching a tokens/s target in the last quarter.
    case minCapex = "min-capex"
}

/// How to plan.
public struct PlanOptions: Sendable, Equatable {
    public var objective: Objective
    /// Tokens/s the last quarter must reach (min-capex only).
    public var tokenTargetPerSecond: Double?
    /// Wall-clock limit for each MIP solve, seconds.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap (0.001 = 0.1 %).
    public var relativeGap: Double?
    /// An extra limit on the plan: the ε-constraint of a Pareto sweep.
    public var limit: ParetoLimit?

    public init(objective: Objective = .maxTokens, tokenTargetPerSecond: Double? = nil,
                timeLimitSeconds: Double? = nil, relativeGap: Double? = nil, limit: ParetoLimit? = nil) {
        self.objective = objective
        self.tokenTargetPerSecond = tokenTargetPerSecond
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.limit = limit
    }
}

/// Seconds in an average quarter (365.25 / 4 days).
public let secondsPerQuarter = 365.25 / 4 * 86_400.0
/// Hours in an average quarter.
public let hoursPerQuarter = 365.25 / 4 * 24.0
