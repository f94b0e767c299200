import PlantModel

/// What the planner optimizes.
public enum Objective: String, FileEnum {
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

extension Objective {
    /// Whether ``BuildPlan/objectiveValue`` is minimized (cost per token, capex) rather than maximized.
    public var isMinimized: Bool { self == .costPerToken || self == .minCapex }

    /// The unit of ``BuildPlan/objectiveValue``.
    public var unit: String {
        switch self {
        case .maxTokens: "tokens over the horizon"
        case .tokensPerMW: "tokens/s per facility MW (horizon total)"
        case .costPerToken: "USD per million tokens"
        case .minCapex: "USD capex"
        }
    }
}
