import Plans

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
